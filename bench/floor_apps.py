"""The floors factcheck's reads are measured against, served by gunicorn with the project's
gunicorn.conf.py like factcheck itself: what the framework and the server cost alone.

    gunicorn -c gunicorn.conf.py bench.floor_apps:flask_constant
    gunicorn -c gunicorn.conf.py bench.floor_apps:hello
"""

from flask import Flask

# About the shape of a small API answer; the same object every time.
CONSTANT = {"id": 1, "text": "A constant claim.", "status": "published", "tags": ["bench"]}

flask_constant = Flask(__name__)


@flask_constant.get("/")
def constant():
    """The same JSON every time: Flask's routing, request and JSON response, nothing else."""
    return CONSTANT


def hello(environ, start_response):
    """A bare WSGI application: gunicorn's own cost per request."""
    body = b"Hello, world!"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
