"""The Makefile finds any Python 3.11 or newer on PATH, not only a command named python3.11."""

import os
import shutil
import subprocess
import sys

import pytest

from factcheck.config import PROJECT_ROOT

MAKE = shutil.which("make")
TOO_OLD = "#!/bin/sh\necho\n"  # what the Makefile's version probe gets from a Python 3.10


def make_venv(tmp_path, commands, dry_run=True):
    """Ask make to create a venv with only `commands` on PATH (name -> None for this Python)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name, script in commands.items():
        if script is None:
            (folder / name).symlink_to(sys.executable)
        else:
            (folder / name).write_text(script)
            (folder / name).chmod(0o755)
    venv = tmp_path / "venv"
    return subprocess.run(
        [
            MAKE,
            "-C",
            PROJECT_ROOT,
            *(["-n"] if dry_run else []),
            f"VENV={venv}",
            f"{venv}/bin/python",
        ],
        env={**os.environ, "PATH": str(folder)},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("commands", "chosen"),
    [
        ({"python3": None}, "python3"),
        ({"python3.12": None}, "python3.12"),
        ({"python3": TOO_OLD, "python3.13": None}, "python3.13"),
        ({"python3": TOO_OLD, "python": None}, "python"),
    ],
)
def test_make_takes_the_first_python_that_is_3_11_or_newer(tmp_path, commands, chosen):
    done = make_venv(tmp_path, commands)
    assert done.returncode == 0, done.stderr
    assert f"\n{chosen} -m venv " in f"\n{done.stdout}"


def test_make_names_what_it_needs_when_no_python_is_new_enough(tmp_path):
    done = make_venv(tmp_path, {"python3": TOO_OLD}, dry_run=False)
    assert done.returncode != 0
    assert "Python 3.11 or newer is needed" in done.stdout + done.stderr
    assert not (tmp_path / "venv").exists()
