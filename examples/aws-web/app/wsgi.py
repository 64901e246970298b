"""A minimal WSGI app for the aws-web example (served by gunicorn behind nginx)."""
import os


def application(environ, start_response):
    if environ.get("PATH_INFO") == "/health":
        body = b"ok\n"
    else:
        body = "hello from {} generation {}\n".format(
            os.environ.get("NECKBEARD_NODE", "?"), os.environ.get("NECKBEARD_GENERATION", "?")).encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]
