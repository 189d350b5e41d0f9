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
        refused = [r for r in round_results if r.startswith("refused: otro proceso de dof-tracker")]
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
        with pytest.raises(WriterBusy, match="otro proceso de dof-tracker"), \
                store.acquire_writer_lock(engine):
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
    assert "no se puede abrir postgresql+psycopg://tracker:***@127.0.0.1:9/nowhere" in str(caught.value)
    assert store.safe_url(rendered) == "postgresql+psycopg://tracker:***@127.0.0.1:9/nowhere"
    assert not any(form in texts for form in forms)


@pytest.mark.postgres
def test_a_writer_whose_lock_session_is_terminated_stops_before_writing_again(tmp_path: Path) -> None:
    """Issue #9 finding 9: killing only the backend that holds the advisory lock let a second
    process take the lock while the first went on writing."""
    import contextlib

    from sqlalchemy import text
    from test_store_support import database_url

    from store.db import writer_lock_holder

    with contextlib.ExitStack() as stack:
        url = database_url("postgresql", tmp_path, stack)
        first, second = store.open_engine(url), store.open_engine(url)
        stack.callback(first.dispose)
        stack.callback(second.dispose)
        with store.acquire_writer_lock(first):
            with store.transaction(first) as conn:  # the holder writes normally
                conn.execute(text("SELECT 1"))
            with second.connect() as admin:
                holder = writer_lock_holder(admin)
                assert holder is not None
                admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": holder})
                admin.commit()
                # pg_terminate_backend only signals: the lock is free once the backend has exited
                deadline = time.monotonic() + 30
                while writer_lock_holder(admin) is not None and time.monotonic() < deadline:
                    admin.rollback()
                    time.sleep(0.05)
            with store.acquire_writer_lock(second):  # the lock is free: another writer takes it
                with pytest.raises(StoreError, match="se perdió el candado de escritura"), \
                        store.transaction(first):
                    pytest.fail("the first writer wrote after losing its lock")
                with store.transaction(second) as conn:  # the new holder is unaffected
                    conn.execute(text("SELECT 1"))


@pytest.mark.parametrize("url", [
    f"postgresql+psycopg://tracker@127.0.0.1:9/nowhere?password={quote(SENTINEL, safe='')}",
    f"postgresql+psycopg://tracker@127.0.0.1:9/nowhere?PassWord={quote(SENTINEL, safe='')}&sslmode=disable",
    f"postgresql+psycopg://tracker:{quote(SENTINEL, safe='')}@127.0.0.1:9/nowhere"
    f"?sslpassword={quote(SENTINEL, safe='')}",
])
def test_a_password_in_the_query_is_hidden_too(url: str) -> None:
    """Issue #9 finding 4: ``?password=`` was printed by info, errors, logs and the lock message."""
    forms = (SENTINEL, quote(SENTINEL, safe=""))
    with pytest.raises(StoreError) as caught:
        store.open_engine(url)
    for shown in (str(caught.value), store.safe_url(url)):
        assert "***" in shown and not any(form in shown for form in forms), shown


@pytest.mark.parametrize("url", ["postgresql://u:pw@127.0.0.1:abc/test", "postgresql://u:pw@[::1/test",
                                 "mysql://u:pw@h/db", "oracle://u:pw@h/db", "sqlite+pysqlcipher://:pw@/x.db",
                                 "postgresql+asyncpg://u:pw@h/db", "nonsense"])
def test_unusable_database_urls_are_one_line_input_errors(url: str) -> None:
    """Issue #9 finding 8: a bad port or an unknown dialect was a traceback."""
    from errors import InputError

    with pytest.raises(InputError) as caught:
        store.open_engine(url)
    assert ":pw@" not in str(caught.value) and "\n" not in str(caught.value)
