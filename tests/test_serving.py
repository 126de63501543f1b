"""The event-loop worker's WSGI bridge (factcheck/serving.py), driven without a server: a
short answer goes out whole from the loop, a long one streams chunk by chunk from its thread."""

import asyncio

import pytest

from factcheck.config import DEFAULTS
from factcheck.serving import WSGIOnLoop

STREAM_AFTER = DEFAULTS["STREAM_AFTER"]

SCOPE = {
    "type": "http",
    "method": "GET",
    "path": "/export",
    "query_string": b"",
    "http_version": "1.1",
    "headers": [],
    "client": ("127.0.0.1", 5000),
    "server": ("127.0.0.1", 8000),
}


def chunked_app(chunk, count):
    """A WSGI app answering `count` copies of `chunk`, made one at a time as it is read."""
    made = []

    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/csv")])
        for number in range(count):
            made.append(number)
            yield chunk

    return app, made


def serve(app):
    """Run one request through WSGIOnLoop; return the messages it sent."""
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    async def main():
        await WSGIOnLoop(app, threads=2, max_body=1024)(SCOPE, receive, send)

    asyncio.run(main())
    return sent


@pytest.mark.parametrize(
    ("chunk", "count", "body_messages"),
    [
        (b"a,b\r\n", 10, 1),  # short: collected, one body message
        (b"x" * 65536, STREAM_AFTER // 65536 - 1, 1),  # just under the limit: still whole
        (b"x" * 65536, 3 * STREAM_AFTER // 65536, 2 * STREAM_AFTER // 65536 + 1),  # streamed
    ],
)
def test_long_answers_stream_and_short_ones_go_out_whole(chunk, count, body_messages):
    app, made = chunked_app(chunk, count)
    sent = serve(app)
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 200
    assert (b"content-type", b"text/csv") in sent[0]["headers"]
    bodies = [m for m in sent[1:] if m["type"] == "http.response.body"]
    assert len(bodies) == body_messages
    assert b"".join(m["body"] for m in bodies) == chunk * count
    assert [m.get("more_body", False) for m in bodies][-1] is False
    assert made == list(range(count))
