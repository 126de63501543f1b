"""A client generated from /openapi.json by openapi-python-client drives a claim through its
workflow against the service on a real HTTP server (werkzeug on loopback): what a tool
developer who reads only the document would do.

Generation reads the document from a file and writes Python, with no network; it takes
about a second, once per test session.
"""

import importlib
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.concurrency import free_port

BIN = Path(sys.executable).parent
PACKAGE = "factcheck_client"


@pytest.fixture(scope="session")
def generated(session_app, tmp_path_factory):
    """The generated client package, imported."""
    folder = tmp_path_factory.mktemp("generated")
    document = folder / "openapi.json"
    document.write_text(json.dumps(session_app.app.test_client().get("/openapi.json").json))
    config = folder / "config.json"
    # No post hooks: they would run ruff over the output, which only costs time here.
    config.write_text(json.dumps({"post_hooks": [], "package_name_override": PACKAGE}))
    generate = [BIN / "openapi-python-client", "generate", "--path", document]
    subprocess.run(
        [*generate, "--config", config, "--output-path", folder / PACKAGE, "--meta", "none"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))


@pytest.fixture
def served(app):
    """The app on a real HTTP server on a free loopback port."""
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def operation(name):
    """A generated operation module, such as claims.create_claim (tag, then operationId)."""
    return importlib.import_module(f"{PACKAGE}.api.{name}")


def test_a_generated_client_runs_a_claim_through_its_workflow(generated, served, keys):
    models = importlib.import_module(f"{PACKAGE}.models")

    def as_user(name):
        # trust_env=False: no proxy from the environment between the test and loopback.
        httpx_args = {"trust_env": False}
        if name is None:
            return generated.Client(base_url=served, httpx_args=httpx_args)
        return generated.AuthenticatedClient(
            base_url=served, token=keys[name], httpx_args=httpx_args
        )

    def ok(response, status, kind):
        assert response.status_code == status, response.content
        assert isinstance(response.parsed, kind), response.parsed
        return response.parsed

    rita, eve, ed, reader = as_user("rita"), as_user("eve"), as_user("ed"), as_user(None)
    get_claim, move = operation("claims.get_claim"), operation("transitions.move_claim")
    body = "The mayor said the bridge cost $4 million. The minutes say $9.2 million."

    article = ok(
        operation("articles.create_article").sync_detailed(
            client=rita, body=models.ArticleCreate(title="Bridge", body=body, language="en")
        ),
        201,
        models.ArticleCreated,
    )
    created = operation("claims.create_claim").sync_detailed(
        client=rita,
        body=models.ClaimCreate(
            article_id=article.id, text="the bridge cost $4 million", claimant="The mayor"
        ),
    )
    claim = ok(created, 201, models.ClaimCreated)
    assert claim.duplicates == []
    assert created.headers["Location"].endswith(f"/claims/{claim.id}")
    assert claim.span_start == body.index("the bridge")

    def moved(client, to, **fields):
        tag = get_claim.sync_detailed(claim.id, client=client).headers["ETag"]
        transition = models.TransitionCreate(to=models.TransitionCreateTo(to), **fields)
        answer = move.sync_detailed(claim.id, client=client, body=transition, if_match=tag)
        return ok(answer, 200, models.Claim)

    assert moved(rita, "in_research", assignee="rita").status == "in_research"
    source = ok(
        operation("sources.add_source").sync_detailed(
            claim.id,
            client=rita,
            body=models.SourceCreate(
                url="https://council.example/minutes",
                kind=models.SourceCreateKind.PRIMARY,
                note="The approved budget line is $9.2 million.",
            ),
        ),
        201,
        models.Source,
    )
    ok(
        operation("verdicts.add_verdict").sync_detailed(
            claim.id,
            client=rita,
            body=models.VerdictCreate(
                rating="false", explanation="The minutes say $9.2 million.", source_ids=[source.id]
            ),
        ),
        201,
        models.Verdict,
    )
    assert moved(rita, "in_review").status == "in_review"
    assert moved(eve, "approved").status == "approved"
    assert moved(ed, "published").status == "published"

    public = ok(get_claim.sync_detailed(claim.id, client=reader), 200, models.Claim)
    assert public.status == "published" and public.verdict.rating == "false"
    listed = ok(
        operation("claims.list_claims").sync_detailed(client=reader, q="bridge"),
        200,
        models.ClaimList,
    )
    assert [item.id for item in listed.items] == [claim.id]
    refused = move.sync_detailed(
        claim.id, client=reader, body=models.TransitionCreate(to=models.TransitionCreateTo.NEW)
    )
    assert refused.status_code == 401 and isinstance(refused.parsed, models.Problem)
