"""One writer at a time, across processes, on both backends; and no password in any message."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import URL
from test_store_support import db_url_fixture  # noqa: F401  (fixture)

import store
from errors import StoreError, WriterBusy

ROOT = Path(__file__).resolve().parent.parent

# A child process: at each agreed instant, try to become the writer, hold it briefly, report.
CONTENDER = """
import json, sys, time
import store
from errors import WriterBusy
url, start, rounds = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
engine = store.open_engine(url)
results = []
for i in range(rounds):
    while time.time() < start + i * 0.6:
        time.sleep(0.002)
    try:
        with store.acquire_writer_lock(engine):
            results.append("writer")
            time.sleep(0.3)
    except WriterBusy as exc:
        results.append("refused: " + str(exc))
print(json.dumps(results))
"""

OPENER = """
import sys, time
import store
url, start = sys.argv[1], float(sys.argv[2])
while time.time() < start:
    time.sleep(0.002)
engine = store.open_engine(url)
with engine.connect() as conn:
    print(store.schema_revision(conn))
"""

HOLDER = """
import sys, time
import store
engine = store.open_engine(sys.argv[1])
with store.acquire_writer_lock(engine):
    print("holding", flush=True)
    time.sleep(60)
"""


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_processes_at_once_exactly_one_writes(db_url: str) -> None:
    store.open_engine(db_url).dispose()  # migrate first, so the children only race for the lock
    rounds = 3
    start = time.time() + 2.5
    children = [_python(CONTENDER, db_url, str(start), str(rounds)) for _ in range(2)]
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        outputs.append(json.loads(out))
    for round_results in zip(*outputs, strict=True):
        writers = [r for r in round_results if r == "writer"]
        refused = [r for r in round_results if r.startswith("refused: another dof-tracker writer")]
        assert (len(writers), len(refused)) == (1, 1), round_results
    print(f"\noverlap: {rounds} rounds x 2 processes -> exactly one writer each round")


def test_two_processes_migrating_a_fresh_database_at_once(db_url: str) -> None:
    start = time.time() + 2.0
    children = [_python(OPENER, db_url, str(start)) for _ in range(2)]
    for child in children:
        out, err = child.communicate(timeout=60)
        assert (child.returncode, out.strip()) == (0, store.schema.SCHEMA_REVISION), err


def test_a_killed_writer_leaves_no_stale_lock(db_url: str) -> None:
    engine = store.open_engine(db_url)
    holder = _python(HOLDER, db_url)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(WriterBusy, match="another dof-tracker writer"), store.acquire_writer_lock(engine):
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        deadline = time.monotonic() + 5  # PostgreSQL notices the dead session within ~0.5 s (P9)
        while True:
            try:
                with store.acquire_writer_lock(engine):
                    break
            except WriterBusy:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate()
        engine.dispose()


def test_a_second_writer_in_the_same_process_is_refused(db_url: str) -> None:
    engine = store.open_engine(db_url)
    try:
        with store.acquire_writer_lock(engine), pytest.raises(WriterBusy) as busy, \
                store.acquire_writer_lock(engine):
            pass
        assert isinstance(busy.value, StoreError)  # one hierarchy: a busy store is a store error
        with store.acquire_writer_lock(engine):  # released after the block
            pass
    finally:
        engine.dispose()


SENTINEL = "S3nt1nel-P@ss:/?"


def test_passwords_never_appear_in_errors_or_urls(caplog: pytest.LogCaptureFixture) -> None:
    url = URL.create("postgresql+psycopg", username="tracker", password=SENTINEL, host="127.0.0.1",
                     port=9, database="nowhere")  # nothing listens on port 9: the connect fails
    rendered = url.render_as_string(hide_password=False)
    forms = (SENTINEL, quote(SENTINEL, safe=""))
    assert forms[1] in rendered  # the URL really carries it (escaped)
    with pytest.raises(StoreError) as caught:
        store.open_engine(rendered)
    chain = [caught.value, caught.value.__cause__, caught.value.__context__]
    texts = " ".join(f"{e} {e!r}" for e in chain if e is not None) + caplog.text
    assert "cannot open postgresql+psycopg://tracker:***@127.0.0.1:9/nowhere" in str(caught.value)
    assert store.safe_url(rendered) == "postgresql+psycopg://tracker:***@127.0.0.1:9/nowhere"
    assert not any(form in texts for form in forms)
