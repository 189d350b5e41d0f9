"""Helpers shared by the web application's tests (no tests of its own): the demo store with one
user of each role, built once per session, and logging a test client in."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from flask.testing import FlaskClient
from sqlalchemy import URL
from test_pipeline_support import ROOT

from web.commands import user_add

PASSWORD = "contraseña-de-prueba"
USERS = {"lectora": "reader", "revisor": "reviewer", "jefa": "admin"}
DOCUMENT_ID = 1
IMSS_CODIGO = "5727205"


def sqlite_url(path: Path) -> str:
    return URL.create("sqlite", database=str(path)).render_as_string()


def build_demo_store(path: Path | str) -> str:
    """``dof-tracker demo`` into a SQLite file or a database URL (a fresh process, as a user runs
    it), plus one user of each role; returns its URL."""
    url = sqlite_url(path) if isinstance(path, Path) else path
    done = subprocess.run([sys.executable, "-m", "scheduler", "--db", url, "demo"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for name, role in USERS.items():
        user_add(url, name, role, PASSWORD)
    return url


def copy_store(source: Path, target: Path) -> str:
    """A private copy of a SQLite store (its WAL included), for a test that writes."""
    for suffix in ("", "-wal", "-shm"):
        origin = Path(str(source) + suffix)
        if origin.exists():
            shutil.copyfile(origin, Path(str(target) + suffix))
    return sqlite_url(target)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def log_in(client: FlaskClient, name: str, password: str = PASSWORD) -> None:
    page = client.get("/login").get_data(as_text=True)
    answer = client.post("/login", data={"name": name, "password": password, "csrf_token": csrf_of(page)})
    assert answer.status_code == 302, answer.get_data(as_text=True)
