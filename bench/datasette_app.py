"""Datasette as an ASGI application for uvicorn, so that it can run as many worker processes
as gunicorn runs for factcheck (`datasette serve` runs one). bench/servers.py starts it:

    BENCH_DATASETTE_DB=desk.db uvicorn bench.datasette_app:app --workers 3

BENCH_DATASETTE_IMMUTABLE=1 opens the file as immutable (`datasette -i`); otherwise it is
opened as `datasette desk.db` opens it, a file that may change, as factcheck's does.
"""

import os

from datasette.app import Datasette

_path = os.environ["BENCH_DATASETTE_DB"]
_immutable = os.environ.get("BENCH_DATASETTE_IMMUTABLE") == "1"
app = Datasette(files=[] if _immutable else [_path], immutables=[_path] if _immutable else []).app()
