# A tiny web app for the Stack tests: answers with what the Stack gave it.
import http.server
import os


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = "release={} node={} greeting={} cwd={}\n".format(
            os.environ.get("NECKBEARD_RELEASE"), os.environ.get("NECKBEARD_NODE"),
            os.environ.get("GREETING"), os.getcwd()).encode()
        self.send_response(200 if self.path in ("/", "/health") else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler).serve_forever()
