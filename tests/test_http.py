"""scraper.http against real local servers: retries, deadlines, completeness, SSRF, TLS, robots."""

from __future__ import annotations

import hashlib
import http.server
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from errors import FetchError, IncompleteBody, InputError
from gazette import Capture
from scraper.decode import decode_body, has_mojibake
from scraper.edition import check_index_complete
from scraper.http import Fetcher, FetchPolicy, RobotsDisallowed
from scraper.mirror import FaultPlan, serve_mirror
from scraper.retry import parse_retry_after
from scraper.transport import tls_context

INDEX = "/index_111.php?year=2024&month=05&day=15&edicion=MAT"
# No backoff, generous timeouts: a loaded machine must not turn a 429 into a timeout (the tests of
# timeouts and deadlines set their own).
FAST = FetchPolicy(delay=0, backoff_base=0.001, connect_timeout=5, read_timeout=5, deadline=10,
                   attempts=4, respect_robots=False)


def fetcher(base: str, policy: FetchPolicy = FAST, **kwargs: object) -> Fetcher:
    return Fetcher(policy, allowed=[base], **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("status", ["http_500", "http_503", "reset"])
def test_persistent_failure_gives_up_after_exact_attempts(status: str) -> None:
    with serve_mirror(plan=FaultPlan(rates={status: 1.0})) as mirror:
        client = fetcher(mirror.base_url)
        with pytest.raises(FetchError):
            client.get(mirror.base_url + INDEX)
        assert mirror.counters.requests == FAST.attempts == client.stats.requests
        assert client.stats.retries == FAST.attempts - 1


def test_retry_after_is_honoured_before_every_retry() -> None:
    sleeps: list[float] = []
    with serve_mirror(plan=FaultPlan(rates={"http_429": 1.0}, retry_after=7)) as mirror:
        client = fetcher(mirror.base_url, sleep=sleeps.append)
        with pytest.raises(FetchError) as info:
            client.get(mirror.base_url + INDEX)
    assert info.value.status == 429
    assert len(sleeps) == FAST.attempts - 1 and all(s >= 7 for s in sleeps)


def test_never_answering_server_times_out() -> None:
    with serve_mirror(plan=FaultPlan(rates={"hang": 1.0}, hang=3.0)) as mirror:
        client = fetcher(mirror.base_url, FetchPolicy(delay=0, read_timeout=0.2, attempts=2,
                                                      backoff_base=0.001, respect_robots=False))
        started = time.monotonic()
        with pytest.raises(FetchError, match="no respondió a tiempo"):
            client.get(mirror.base_url + INDEX)
        assert time.monotonic() - started < 2 * (0.2 + 1.0)


def test_slow_drip_is_cut_by_the_total_deadline() -> None:
    """Each chunk arrives well within the read timeout; only the total deadline can stop it."""
    plan = FaultPlan(rates={"drip": 1.0}, drip_interval=0.05, drip_for=5.0)
    with serve_mirror(plan=plan) as mirror:
        client = fetcher(mirror.base_url, FetchPolicy(delay=0, read_timeout=1.0, deadline=0.4,
                                                      attempts=1, respect_robots=False))
        started = time.monotonic()
        with pytest.raises(FetchError, match="se agotó el plazo"):
            client.get(mirror.base_url + INDEX)
        assert time.monotonic() - started < 0.4 + 0.5


@pytest.mark.parametrize("fault", ["cut_with_length", "cut_without_length"])
def test_cut_bodies_are_never_accepted(fault: str) -> None:
    captures: list[Capture] = []
    with serve_mirror(plan=FaultPlan(seed=3, rates={fault: 1.0})) as mirror:
        client = fetcher(mirror.base_url, on_capture=captures.append)
        with pytest.raises(IncompleteBody):
            client.get(mirror.base_url + INDEX, check=check_index_complete)
        assert len(captures) == mirror.counters.requests == FAST.attempts
    assert not any(c.complete for c in captures)  # recorded as evidence, flagged as cut


@pytest.mark.parametrize("fault", ["cp1252", "latin1_header"])
def test_encodings_decode_without_mojibake(fault: str) -> None:
    with serve_mirror(plan=FaultPlan(rates={fault: 1.0})) as mirror:
        response = fetcher(mirror.base_url).get(mirror.base_url + "/notas/docFuente/5727205")
    assert "Orgánico" in response.text and "MODIFICACIÓN" in response.text
    assert not has_mojibake(response.text)


def test_every_response_is_captured_with_its_digest() -> None:
    captures: list[Capture] = []
    with serve_mirror() as mirror:
        client = Fetcher(FetchPolicy(delay=0), allowed=[mirror.base_url],
                         on_capture=captures.append)
        client.get(mirror.base_url + INDEX)
        client.get(mirror.base_url + "/notas/docFuente/5727205")
        with pytest.raises(FetchError):
            client.get(mirror.base_url + "/no/such/page")
        assert len(captures) == mirror.counters.requests == 4  # robots.txt + 3
    for capture in captures:
        assert capture.sha256 == hashlib.sha256(capture.body).hexdigest()
        assert capture.fetched_at.tzinfo is not None and capture.headers
    assert [c.status for c in captures] == [200, 200, 200, 404]


def test_robots_txt_is_respected_without_a_request() -> None:
    with serve_mirror() as mirror:
        client = Fetcher(FetchPolicy(delay=0), allowed=[mirror.base_url])
        for path in ("/notas/docFuente/5727999", "/nota_detalle.php?codigo=5727301&fecha=16/05/2024"):
            with pytest.raises(RobotsDisallowed):
                client.get(mirror.base_url + path)
        client.get(mirror.base_url + "/notas/docFuente/5727205")
        assert mirror.counters.kinds == {"robots": 1, "note": 1}


def test_body_size_is_capped() -> None:
    with serve_mirror() as mirror:
        client = fetcher(mirror.base_url, FetchPolicy(delay=0, max_bytes=1000, respect_robots=False))
        with pytest.raises(FetchError, match="pasa de"):
            client.get(mirror.base_url + INDEX)
        assert mirror.counters.requests == 1


def test_polite_delay_spaces_requests() -> None:
    sleeps: list[float] = []
    with serve_mirror() as mirror:
        client = fetcher(mirror.base_url, FetchPolicy(delay=5.0, respect_robots=False),
                         sleep=sleeps.append)
        client.get(mirror.base_url + INDEX)
        client.get(mirror.base_url + INDEX)
    assert len(sleeps) == 1 and 4.0 < sleeps[0] <= 5.0


# --- SSRF -----------------------------------------------------------------------------------
@contextmanager
def counting_listener() -> Iterator[tuple[str, list[int]]]:
    """A loopback listener that only counts the connections it accepts."""
    sock = socket.create_server(("127.0.0.1", 0))
    sock.settimeout(0.1)
    accepted: list[int] = []
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            accepted.append(1)
            conn.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}", accepted
    finally:
        stop.set()
        thread.join()
        sock.close()


@contextmanager
def redirecting_server(target: str) -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_redirect_outside_the_allowlist_never_connects() -> None:
    with counting_listener() as (elsewhere, accepted), redirecting_server(elsewhere + "/x") as base:
        client = fetcher(base)
        with pytest.raises(FetchError, match="fuera de los permitidos"):
            client.get(base + INDEX)
    assert accepted == []


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "file:///etc/passwd",
                                 "ftp://www.dof.gob.mx/x", "https://evil.example/index_111.php",
                                 "https://user:pw@www.dof.gob.mx/", "http://www.dof.gob.mx/"])
def test_urls_outside_the_allowlist_are_refused(url: str) -> None:
    with pytest.raises(InputError):
        Fetcher(FAST).get(url)


# --- TLS ------------------------------------------------------------------------------------
def test_bundle_carries_the_godaddy_intermediate() -> None:
    subjects = [dict(x[0] for x in cert["subject"]).get("commonName")
                for cert in tls_context().get_ca_certs()]
    assert "Go Daddy Secure Certificate Authority - G2" in subjects
    assert "Go Daddy Root Certificate Authority - G2" in subjects  # from certifi


@contextmanager
def tls_server(tmp: Path) -> Iterator[tuple[str, Path]]:
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = b"<html><body>ok</body></html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", cert
    finally:
        server.shutdown()
        server.server_close()


def test_tls_is_verified(tmp_path: Path) -> None:
    """An untrusted certificate fails; the same server passes once its CA is trusted."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not available to make a test certificate")
    with tls_server(tmp_path) as (base, cert):
        policy = FetchPolicy(delay=0, attempts=1, respect_robots=False)
        with pytest.raises(FetchError):
            Fetcher(policy, allowed=[base]).get(base + "/")
        trusted = Fetcher(policy, allowed=[base], extra_ca=cert)
        assert trusted.get(base + "/").text.endswith("ok</body></html>")


# --- decoding and headers (pure) ------------------------------------------------------------
def test_decoding_rules() -> None:
    text = "Diario Oficial de la Federación — “Sección” Ñ"
    assert decode_body(text.encode("utf-8"), "text/html; charset=ISO-8859-1") == text
    assert decode_body(text.encode("cp1252"), "text/html") == text
    assert decode_body(text.encode("cp1252"), "text/html; charset=UTF-8") == text
    assert decode_body(b"\xef\xbb\xbf" + text.encode("utf-8"), None) == text
    assert decode_body(b"a\x81b", None) == "a\x81b"  # cp1252 hole: no U+FFFD, no exception
    assert not has_mojibake(decode_body("Federación".encode("cp1252"), None))


def test_retry_after_forms() -> None:
    from datetime import UTC, datetime
    now = datetime(2024, 5, 15, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after("Wed, 15 May 2024 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("Wed, 15 May 2024 11:00:00 GMT", now) == 0.0
    assert parse_retry_after("", now) is None and parse_retry_after("later", now) is None
