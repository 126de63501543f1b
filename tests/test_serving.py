"""The event-loop worker's WSGI bridge (factcheck/serving.py), driven without a server: a
short answer goes out whole from the loop, a long one streams chunk by chunk from its thread,
and the loop waits for an answer only briefly, taking one made meanwhile at once."""

import asyncio
import time

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


async def serve_on_this_loop(app, wait_for_answer=WSGIOnLoop.WAIT_FOR_ANSWER):
    """Run one request through WSGIOnLoop; return the messages it sent."""
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    bridge = WSGIOnLoop(app, threads=2, max_body=1024)
    bridge.WAIT_FOR_ANSWER = wait_for_answer
    await bridge(SCOPE, receive, send)
    return sent


def serve(app):
    return asyncio.run(serve_on_this_loop(app))


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


def sleeping_app(seconds, ran):
    def app(environ, start_response):
        ran.append(time.monotonic())
        time.sleep(seconds)
        ran.append(time.monotonic())
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"done"]

    return app


@pytest.mark.parametrize(
    ("answer_takes", "wait_for_answer", "loop_runs_meanwhile"),
    [
        # A quick answer: the loop waits for it, taking no GIL from its thread (a wait far
        # longer than the answer, so that a loaded machine cannot stretch one past the other).
        (0.02, 0.5, False),
        # A slow one (a write waiting for its turn): the loop goes on after a while.
        (0.5, WSGIOnLoop.WAIT_FOR_ANSWER, True),
    ],
)
def test_the_loop_waits_for_an_answer_only_briefly(
    answer_takes, wait_for_answer, loop_runs_meanwhile
):
    ticks, ran = [], []

    async def ticking(until):
        while time.monotonic() < until:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.005)

    async def main():
        ticker = asyncio.create_task(ticking(time.monotonic() + answer_takes + 0.2))
        await asyncio.sleep(0.01)  # the ticker is running
        sent = serve_on_this_loop(sleeping_app(answer_takes, ran), wait_for_answer)
        assert (await sent)[-1]["body"] == b"done"
        await ticker

    asyncio.run(main())
    during = [tick for tick in ticks if ran[0] < tick < ran[1]]
    assert bool(during) is loop_runs_meanwhile, during
    if loop_runs_meanwhile:  # and it had the loop back after the wait
        assert during[0] - ran[0] < wait_for_answer + 0.3


@pytest.mark.parametrize(
    ("answer_takes", "wait_for_answer", "wakes_the_loop"),
    [
        (0.01, 0.5, False),  # made while the loop waited: taken at once
        (0.2, 0.01, True),  # made after the wait: handed to the loop from its thread
    ],
)
def test_an_answer_made_while_the_loop_waits_is_taken_without_waking_it(
    answer_takes, wait_for_answer, wakes_the_loop
):
    wakes, ran = [], []

    async def main():
        loop = asyncio.get_running_loop()
        handing = loop.call_soon_threadsafe

        def counted(*arguments, **keywords):
            wakes.append(arguments[0])
            return handing(*arguments, **keywords)

        loop.call_soon_threadsafe = counted
        sent = await serve_on_this_loop(sleeping_app(answer_takes, ran), wait_for_answer)
        assert sent[-1]["body"] == b"done"

    asyncio.run(main())
    assert bool(wakes) is wakes_the_loop, wakes
