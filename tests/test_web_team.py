"""For a team: ``serve(workers=2)`` runs gunicorn with two worker processes against one
PostgreSQL database; requests in parallel, reads and writes, reach both workers and all land."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from test_pipeline_support import ROOT
from test_web_support import PASSWORD, build_demo_store, csrf_of

from store.testing import PostgresUnavailable, temporary_postgres_schema
from web.commands import user_token

pytestmark = pytest.mark.postgres
PARALLEL = 8


@pytest.fixture(scope="module")
def team_url() -> Iterator[str]:
    try:
        with temporary_postgres_schema() as url:
            build_demo_store(url)
            yield url
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(team_url: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = {k: v for k, v in os.environ.items() if k != "DOF_TRACKER_SECRET"}
    code = (f"import sys; from web.commands import serve; "
            f"sys.exit(serve({team_url!r}, '127.0.0.1', {port}, workers=2))")
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while log.read_text(errors="replace").count("Booting worker") < 2 or not _answers(base):
            assert process.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "gunicorn did not start: " + log.read_text(errors="replace")
            time.sleep(0.2)
        yield base, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _answers(base: str) -> bool:
    try:
        return requests.get(f"{base}/login", timeout=2).status_code == 200
    except requests.ConnectionError:
        return False


def test_two_gunicorn_workers_serve_one_postgres_store_in_parallel(team_url: str,
                                                                  server: tuple[str, Path]) -> None:
    base, log = server
    workers = set(re.findall(r"Booting worker with pid: (\d+)", log.read_text(errors="replace")))
    assert len(workers) == 2
    token = user_token(team_url, "revisor")
    bearer = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    first = requests.get(f"{base}/changes", headers=bearer, timeout=10).json()
    ids = [c["id"] for c in first["changes"]]
    assert first["total"] == len(ids) > PARALLEL

    def read(_: int) -> int:
        return requests.get(f"{base}/changes?type=added", headers=bearer, timeout=30).status_code

    def review(change_id: int) -> int:
        return requests.post(f"{base}/changes/{change_id}/review", headers=bearer, timeout=30,
                             data={"state": "revisada", "note": f"lote {change_id}"}).status_code

    with ThreadPoolExecutor(PARALLEL) as pool:
        reads = list(pool.map(read, range(4 * PARALLEL)))
        writes = list(pool.map(review, ids))
    assert reads == [200] * (4 * PARALLEL) and writes == [200] * len(ids)
    reviewed = requests.get(f"{base}/changes?state=revisada", headers=bearer, timeout=10).json()
    assert sorted(c["id"] for c in reviewed["changes"]) == sorted(ids)


def test_a_session_made_by_one_worker_is_honoured_by_the_other(server: tuple[str, Path]) -> None:
    """Both workers sign sessions with the key kept in the store's meta table."""
    base, _ = server
    browser = requests.Session()
    page = browser.get(f"{base}/login", timeout=10).text
    form = {"name": "lectora", "password": PASSWORD, "csrf_token": csrf_of(page)}
    done = browser.post(f"{base}/login", data=form, allow_redirects=False, timeout=10)
    assert done.status_code == 302
    with ThreadPoolExecutor(PARALLEL) as pool:
        codes = list(pool.map(lambda _: browser.get(f"{base}/documents", allow_redirects=False,
                                                    timeout=30).status_code, range(4 * PARALLEL)))
    assert codes == [200] * (4 * PARALLEL)
