"""Test app: answers GET / with its node and generation, GET /health with 200; GET /say/<text> prints <text> to its output (stdlib only)."""
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            body, status = "ok\n", 200
        elif self.path.startswith("/say/"):
            print(self.path[len("/say/"):], flush=True)
            body, status = "said\n", 200
        else:
            body, status = "node={} generation={} greeting={}\n".format(
                os.environ.get("NECKBEARD_NODE"), os.environ.get("NECKBEARD_GENERATION"),
                os.environ.get("GREETING", "")), 200
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass


# a static host binds its own loopback address (127.0.0.2, ...); a local node has 127.0.0.1
ThreadingHTTPServer((os.environ.get("NECKBEARD_ADDRESS", "127.0.0.1"), int(os.environ["PORT"])), Handler).serve_forever()
