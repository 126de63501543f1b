"""The shape of the code: domain modules without Flask, no import cycles, the workflow's
rules declared once, and writes that roll back cleanly."""

import ast
import importlib
import sqlite3

import pytest

from factcheck import transitions, workflow
from factcheck.config import PROJECT_ROOT
from factcheck.db import connect, write_transaction

PACKAGE = PROJECT_ROOT / "factcheck"
WEB_FRAMEWORKS = ("flask", "werkzeug", "flask_smorest", "webargs", "jinja2")
# The web side (api/, and web/: the reader pages) and the app factory may know Flask;
# everything else is domain code.
WEB_SIDE = ("factcheck", "factcheck.__main__", "factcheck.cli")


def module_name(path):
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(module):
    """Every module this one imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from factcheck import claims` imports the module factcheck.claims.
            submodules = {f"{node.module}.{alias.name}" for alias in node.names}
            names.update(submodules & MODULES.keys() or {node.module})
    return names


def is_domain(module):
    return module not in WEB_SIDE and not module.startswith(("factcheck.api", "factcheck.web"))


@pytest.mark.parametrize("module", sorted(filter(is_domain, MODULES)))
def test_domain_modules_import_nothing_from_flask(module):
    web = sorted(name for name in imported(module) if name.split(".")[0] in WEB_FRAMEWORKS)
    assert web == [], f"{module} imports {web}"


def find_cycle(graph):
    """A list of modules that import each other in a ring, or None."""
    done, path = set(), []

    def visit(module):
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return None
        path.append(module)
        for neighbour in sorted(graph[module]):
            if cycle := visit(neighbour):
                return cycle
        path.pop()
        done.add(module)
        return None

    return next(filter(None, map(visit, sorted(graph))), None)


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles_inside_the_package():
    graph = {module: imported(module) & MODULES.keys() for module in MODULES}
    assert find_cycle(graph) is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"preconditions": ("no_such_rule",)}, "unknown precondition"),
        ({"target": "limbo"}, "unknown state or role"),
        ({"role": "intern"}, "unknown state or role"),
        ({"assigns": "somebody"}, "unknown assigns"),
        ({"assigns": workflow.ASSIGNS_NAMED}, "assigns without valid_assignee"),
    ],
)
def test_a_transition_with_an_undeclared_rule_fails_at_import(fields, message):
    declared = {"source": "new", "target": "in_research", "role": "reviewer", **fields}
    with pytest.raises(ValueError, match=message):
        workflow.Transition(**declared)


def test_a_precondition_without_a_check_fails_at_import(monkeypatch):
    monkeypatch.setitem(workflow.PRECONDITIONS, "moon_is_full", "the moon is full")
    with pytest.raises(ValueError, match=r"missing \['moon_is_full'\]"):
        importlib.reload(transitions)
    monkeypatch.undo()
    importlib.reload(transitions)
    assert transitions.CHECKS.keys() == workflow.PRECONDITIONS.keys()


def test_every_declared_transition_uses_only_checked_preconditions():
    used = {name for t in workflow.TRANSITIONS for name in t.preconditions}
    assert used <= transitions.CHECKS.keys()


def test_a_write_that_sqlite_already_rolled_back_raises_the_real_error(db_path):
    with connect(db_path) as db:
        db.execute("CREATE TABLE guarded (x INTEGER)")
        db.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON guarded "
            "BEGIN SELECT RAISE(ROLLBACK, 'refused by trigger'); END"
        )
        with (
            pytest.raises(sqlite3.IntegrityError, match="refused by trigger"),
            write_transaction(db),
        ):
            db.execute("INSERT INTO guarded VALUES (1)")
        assert not db.conn.in_transaction
        with write_transaction(db):
            db.execute("DROP TRIGGER refuse")
            db.execute("INSERT INTO guarded VALUES (2)")
        assert [row[0] for row in db.execute("SELECT x FROM guarded")] == [2]


def test_a_failed_write_leaves_nothing_behind(db_path):
    with connect(db_path) as db:
        db.execute("CREATE TABLE notes (x INTEGER)")
        with pytest.raises(ZeroDivisionError), write_transaction(db):
            db.execute("INSERT INTO notes VALUES (1)")
            1 / 0  # noqa: B018
        assert db.execute("SELECT count(*) FROM notes").fetchone()[0] == 0
