"""GET /healthz checks the database."""

from factcheck import create_app
from tests.conftest import assert_problem


def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_unmigrated_database_is_503(tmp_path):
    client = create_app({"DATABASE": str(tmp_path / "empty.db")}).test_client()
    assert "migrat" in assert_problem(client.get("/healthz"), 503)["detail"]


def test_unreadable_database_is_503(tmp_path):
    (tmp_path / "dir.db").mkdir()
    client = create_app({"DATABASE": str(tmp_path / "dir.db")}).test_client()
    assert_problem(client.get("/healthz"), 503)
