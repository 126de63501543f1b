"""A real HTTP server on 127.0.0.1 for tests of outbound requests (webhooks, link checks,
imports): it answers each path from a script of replies and records every request.

    with Receiver() as receiver:            # Receiver("::1") listens on IPv6
        receiver.on("/hook", Reply(500), Reply(200, delay=3), Reply(200))
        receiver.on("/page", Reply(200, body=b"<title>x</title>", headers={...}))
        ... receiver.url("/hook") ...
        receiver.requests  # [Seen(method, path, headers, body, at), ...]

A path answers its replies in order, then repeats its last one; a path with none answers
`default` (200, empty). `delay` holds the answer back (a hang past the client's timeout),
`drip` sends the body a byte at a time with that pause between bytes. A request is recorded
when it arrives, before its answer.
"""

import contextlib
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0


@dataclass
class Seen:
    method: str
    path: str
    headers: dict
    body: bytes
    at: float  # time.time()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _handle(self):
        receiver = self.server.receiver
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        receiver.record(Seen(self.command, self.path, dict(self.headers), body, time.time()))
        reply = receiver.next_reply(self.path.split("?")[0])
        if reply.delay and receiver.stopping.wait(reply.delay):
            return
        # The client may have given up waiting: that is what a hang tests.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer(reply)

    def _answer(self, reply):
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if self.command == "HEAD":
            return
        if not reply.drip:
            self.wfile.write(reply.body)
            return
        for index in range(len(reply.body)):
            self.wfile.write(reply.body[index : index + 1])
            self.wfile.flush()
            if self.server.receiver.stopping.wait(reply.drip):
                return

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

    def log_message(self, *args):
        """Quiet: tests read `requests` instead."""


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


class Receiver:
    def __init__(self, host="127.0.0.1", tls=None):
        """tls=(certificate file, key file) serves https."""
        self.default = Reply()
        self.requests = []
        self.stopping = threading.Event()
        self._scripts = {}
        self._lock = threading.Lock()
        server_class = _IPv6Server if ":" in host else ThreadingHTTPServer
        self._server = server_class((host, 0), _Handler)
        self.host = f"[{host}]" if ":" in host else host
        self._server.daemon_threads = True
        self._server.receiver = self
        # A client that hung up mid-request is expected here, not an error worth a trace.
        self._server.handle_error = lambda request, address: None
        self.port = self._server.server_address[1]
        self.scheme = "https" if tls else "http"
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    def url(self, path="/", host=None):
        return f"{self.scheme}://{host or self.host}:{self.port}{path}"

    def on(self, path, *replies):
        """Answer requests to `path` with these replies in order, then the last one again."""
        with self._lock:
            self._scripts[path] = list(replies)

    def next_reply(self, path):
        with self._lock:
            script = self._scripts.get(path)
            if not script:
                return self.default
            return script.pop(0) if len(script) > 1 else script[0]

    def record(self, seen):
        with self._lock:
            self.requests.append(seen)

    def seen(self, path=None):
        """The requests received so far (to one path, if given)."""
        with self._lock:
            return [r for r in self.requests if path is None or r.path.split("?")[0] == path]

    def wait_for(self, count, path=None, timeout=30.0):
        """Wait until `count` requests (to `path`) arrived; return them."""
        deadline = time.monotonic() + timeout
        while len(self.seen(path)) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.seen(path)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
