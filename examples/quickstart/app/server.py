"""The quickstart app: a tiny HTTP server using only Python's standard library.

Listens on 127.0.0.1:$PORT. GET /health answers 200; GET / answers
"hello from <NODE> generation <GENERATION> release <RELEASE>" and the GREETING config var.
"""
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            self.reply(200, "ok\n")
        elif self.path == "/":
            self.reply(200, "hello from {} generation {} release {}\n{}\n".format(
                os.environ.get("NECKBEARD_NODE", "?"),
                os.environ.get("NECKBEARD_GENERATION", "?"),
                os.environ.get("NECKBEARD_RELEASE", "?"),
                os.environ.get("GREETING", "")))
        else:
            self.reply(404, "not found\n")

    def reply(self, status, body):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        print("%s %s" % (self.address_string(), format % args), flush=True)


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8000"))
    print("listening on 127.0.0.1:%d" % port, flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
