"""The gunicorn worker: requests are read on an event loop, and only complete ones reach a thread.

gunicorn's gthread worker gives each connection a thread from the moment its first bytes
arrive; 12 clients trickling header lines held all 3 x 4 threads and /healthz stopped
answering. Here gunicorn's asyncio worker (`asgi`) parses the request line, headers and body
without a thread, however slowly they come; the Flask app then runs in one of `threads`
threads with the whole body in memory, and its answer is collected by that thread and sent
back from the event loop, so a client that reads slowly does not hold a thread either.

While a thread answers, the loop waits for it, up to WAIT_FOR_ANSWER: most answers take a
millisecond or two, and a loop that kept running took the GIL from the answering thread at
each of its SQLite calls (32 writers, 2 processes: 1.7-2.2 ms of CPU a move, against
1.4-1.75 ms with the loop waiting). An answer that takes longer (a write waiting for its
turn, a fetch, an export) has the loop back after WAIT_FOR_ANSWER, to read and answer others.
"""

import asyncio
import gc
import io
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from gunicorn.workers.gasgi import ASGIWorker

from factcheck.config import DEFAULTS


class BufferedWSGIWorker(ASGIWorker):
    """gunicorn's asyncio worker serving the WSGI app through WSGIOnLoop."""

    @classmethod
    def check_config(cls, cfg, log):
        # The asgi worker warns that it ignores `threads`; this one sizes its pool with it.
        pass

    def _setup_event_loop(self):
        # Twice the threads: a request being read or answered while others run.
        self.loop = FairAcceptLoop(lambda: self.nr_conns, 2 * self.cfg.threads)
        asyncio.set_event_loop(self.loop)

    def load_wsgi(self):
        super().load_wsgi()
        # The app's objects (schemas, routes, the OpenAPI document) live as long as the
        # process: set aside from the collector, whose full passes over them stalled a
        # thread's requests (claim GET p99 13-21 ms -> 11-12 ms at 32 connections).
        gc.collect()
        gc.freeze()
        config = {**DEFAULTS, **getattr(self.asgi, "config", {})}
        self.asgi = WSGIOnLoop(
            self.asgi,
            self.cfg.threads,
            config["MAX_CONTENT_LENGTH"],
            stream_after=config["STREAM_AFTER"],
        )


class FairAcceptLoop(asyncio.SelectorEventLoop):
    """An asyncio loop that leaves waiting connections to less busy workers.

    The workers share one listening socket, and asyncio takes up to 100 waiting connections
    each time it is ready: when a burst of clients connected (wrk's 32 at once), the first
    worker to wake took every one and served them all on one core while the others idled
    (a bare hello's p99 was 60-150 ms, gunicorn's thread worker's 20-26 ms). This loop takes
    one at a time, and while its worker holds `fair_share` connections it stops listening
    for PAUSE seconds, then takes one whatever its load, so no connection waits for good."""

    PAUSE = 0.002

    def __init__(self, connections, fair_share):
        super().__init__()
        self.connections = connections  # the worker's open connections, now
        self.fair_share = fair_share

    def _accept_connection(self, factory, sock, ssl=None, server=None, _backlog=100, *rest):
        arguments = (factory, sock, ssl, server, 1, *rest)
        if self.connections() < self.fair_share:
            super()._accept_connection(*arguments)
            return
        self._remove_reader(sock.fileno())
        self.call_later(self.PAUSE, self._take_one_and_listen, arguments)

    def _take_one_and_listen(self, arguments):
        if self.is_closed() or arguments[1].fileno() < 0:
            return  # shutting down: the socket is closed
        super()._accept_connection(*arguments)
        self._add_reader(arguments[1].fileno(), self._accept_connection, *arguments)


class WSGIOnLoop:
    """An ASGI app that runs a WSGI app in a thread pool once the request is fully read."""

    WAIT_FOR_ANSWER = 0.05  # seconds the loop waits for a thread's answer before going on

    def __init__(self, app, threads, max_body, stream_after=DEFAULTS["STREAM_AFTER"]):
        self.app = app
        self.max_body = max_body
        self.stream_after = stream_after
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="wsgi")
        self.threads = threads
        self.answering = 0  # requests handed to the pool and not yet answered
        self.counting = threading.Lock()

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            await lifespan(receive, send)
            return
        if scope["type"] != "http":
            return  # no websockets here: the server closes the connection
        body = await read_body(scope, receive, self.max_body)
        environ = build_environ(scope, body)
        loop = asyncio.get_running_loop()

        def send_from_thread(message):
            asyncio.run_coroutine_threadsafe(send(message), loop).result()

        answer = await self.answer(environ, send_from_thread)
        if answer is not None:  # collected whole: sent from the loop, holding no thread
            status, headers, content = answer
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": content})

    async def answer(self, environ, send_from_thread):
        """The app's answer from a pool thread, the loop waiting for it up to WAIT_FOR_ANSWER
        when a thread is free to start it at once."""
        with self.counting:
            free = self.answering < self.threads
            self.answering += 1
        released = threading.Event()  # set when the answer is made, or starts streaming
        work = self.pool.submit(self.run, environ, send_from_thread, released)
        work.add_done_callback(lambda _: self._answered(released))
        if free:
            released.wait(self.WAIT_FOR_ANSWER)
        if work.done():
            # Made while the loop waited: taken at once. Through wrap_future it would reach
            # the loop by its wake-up pipe, a write, a read and a turn of the loop later.
            return work.result()
        return await asyncio.wrap_future(work)

    def _answered(self, released):
        with self.counting:
            self.answering -= 1
        released.set()

    def run(self, environ, send_from_thread, released):
        """Call the WSGI app in a pool thread; return its status, headers and whole body.

        An answer longer than `stream_after` bytes (an export of every claim) is not held in memory:
        this thread sends it chunk by chunk as the app makes it, waiting on each send (the
        loop applies the socket's backpressure), and returns None."""
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"] = int(status.split(" ", 1)[0])
            started["headers"] = [
                (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers
            ]
            return lambda _data: None  # the legacy write() callable; Flask never uses it

        result = self.app(environ, start_response)
        try:
            chunks, size, iterator = [], 0, iter(result)
            for chunk in iterator:
                chunks.append(chunk)
                size += len(chunk)
                if size > self.stream_after:
                    released.set()  # each send needs the loop
                    stream(send_from_thread, started, b"".join(chunks), iterator)
                    return None
        finally:
            getattr(result, "close", lambda: None)()
        return started["status"], started["headers"], b"".join(chunks)


def stream(send_from_thread, started, head, rest):
    """Send an answer's start, what is collected of it, then each chunk the app makes."""
    message = {"type": "http.response.start", "status": started["status"]}
    send_from_thread({**message, "headers": started["headers"]})
    send_from_thread({"type": "http.response.body", "body": head, "more_body": True})
    for chunk in rest:
        if chunk:
            send_from_thread({"type": "http.response.body", "body": chunk, "more_body": True})
    send_from_thread({"type": "http.response.body", "body": b""})


async def read_body(scope, receive, limit):
    """The request body, read on the event loop, when it declares a length within limit.

    The app refuses the rest from the headers alone: a larger body with 413, one without
    Content-Length (chunked) with 411. Left unread, gunicorn discards it or closes the
    connection.
    """
    declared = dict(scope["headers"]).get(b"content-length", b"")
    if not declared.isdigit() or int(declared) > limit:
        return b""
    chunks, more = [], True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break  # the client went away; the app sees what arrived
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    return b"".join(chunks)


def build_environ(scope, body):
    """A PEP 3333 environ for an ASGI HTTP scope and its whole body."""
    server = scope.get("server") or ("localhost", 80)
    environ = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": scope.get("root_path", "").encode("utf-8").decode("latin-1"),
        "PATH_INFO": scope["path"].encode("utf-8").decode("latin-1"),
        "QUERY_STRING": scope["query_string"].decode("latin-1"),
        "SERVER_NAME": server[0],
        "SERVER_PORT": str(server[1] or 0),
        "SERVER_PROTOCOL": f"HTTP/{scope['http_version']}",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if scope.get("client"):
        environ["REMOTE_ADDR"], environ["REMOTE_PORT"] = scope["client"][0], str(scope["client"][1])
    for raw_name, raw_value in scope["headers"]:
        name = raw_name.decode("latin-1").upper().replace("-", "_")
        if name not in {"CONTENT_LENGTH", "CONTENT_TYPE"}:
            name = f"HTTP_{name}"
        value = raw_value.decode("latin-1")
        environ[name] = f"{environ[name]},{value}" if name in environ else value
    return environ


async def lifespan(receive, send):
    """Nothing to start or stop: acknowledge both lifespan events."""
    if (await receive())["type"] == "lifespan.startup":
        await send({"type": "lifespan.startup.complete"})
    if (await receive())["type"] == "lifespan.shutdown":
        await send({"type": "lifespan.shutdown.complete"})
