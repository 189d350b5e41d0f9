"""Issue #9 against real local servers: compressed bodies, dripped headers, long Retry-After,
hostile redirects. Each test reproduces a finding of the hardening probe."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from errors import FetchError, IncompleteBody, InputError
from gazette import Capture
from scraper.edition import check_index_complete
from scraper.http import Fetcher, FetchPolicy, RobotsDisallowed, origin_of
from scraper.mirror import FaultPlan, serve_mirror
from scraper.wire import BodyDecoder, TooLarge, Undecodable

INDEX = "/index_111.php?year=2024&month=05&day=15&edicion=MAT"
NOTE = "/notas/docFuente/5727205"
FAST = FetchPolicy(delay=0, backoff_base=0.001, connect_timeout=2, read_timeout=0.5, deadline=1.0,
                   attempts=3, respect_robots=False)

Reply = Callable[[http.server.BaseHTTPRequestHandler], None]


@contextmanager
def replying_server(reply: Reply) -> Iterator[tuple[str, list[int]]]:
    """A loopback server answering every GET with ``reply``; yields its base and a hit list."""
    hits: list[int] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            hits.append(1)
            reply(self)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def body_reply(body: bytes, headers: dict[str, str], status: int = 200) -> Reply:
    def reply(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    return reply


# --- 1. gzip ----------------------------------------------------------------------------------
def test_gzip_encoded_edition_decodes_to_the_plain_page() -> None:
    captures: list[Capture] = []
    with serve_mirror() as mirror:
        plain = Fetcher(FAST, allowed=[mirror.base_url]).get(mirror.base_url + INDEX)
    with serve_mirror(plan=FaultPlan(rates={"gzip": 1.0})) as mirror:
        client = Fetcher(FAST, allowed=[mirror.base_url], on_capture=captures.append)
        response = client.get(mirror.base_url + INDEX, check=check_index_complete)
        assert mirror.counters.faults["gzip"] == 1
    assert response.text == plain.text and response.body == plain.body
    assert captures[0].body == plain.body and captures[0].complete


def test_gzip_encoded_robots_txt_is_read_as_rules() -> None:
    with serve_mirror(plan=FaultPlan(rates={"gzip": 1.0})) as mirror:
        client = Fetcher(FetchPolicy(delay=0), allowed=[mirror.base_url])
        with pytest.raises(RobotsDisallowed):
            client.get(mirror.base_url + "/notas/docFuente/5727999")


def test_gzip_cut_short_is_never_accepted() -> None:
    with serve_mirror(plan=FaultPlan(seed=5, rates={"gzip_cut": 1.0})) as mirror:
        with pytest.raises(IncompleteBody, match="gzip"):
            Fetcher(FAST, allowed=[mirror.base_url]).get(mirror.base_url + INDEX)
        assert mirror.counters.requests == FAST.attempts


def test_gzip_bomb_stops_at_the_cap_on_decoded_bytes() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip, built without 200 MiB
    mib = bytes(2**20)
    bomb = b"".join(packer.compress(mib) for _ in range(200)) + packer.flush()  # 200 MiB in ~200 KB
    policy = FetchPolicy(delay=0, attempts=3, respect_robots=False, max_bytes=2 * 2**20)
    with replying_server(body_reply(bomb, {"Content-Encoding": "gzip"})) as (base, hits):
        tracemalloc.start()
        try:
            with pytest.raises(FetchError, match="pasa de"):
                Fetcher(policy, allowed=[base]).get(base + "/")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert len(hits) == 1  # refused, not retried
    assert peak < 16 * 2**20, peak  # the cap (2 MiB) plus buffers, never the 200 MiB


@pytest.mark.parametrize("encode", [zlib.compress, lambda b: zlib.compress(b)[2:-4]],
                         ids=["zlib", "raw-deflate"])
def test_deflate_both_forms(encode: Callable[[bytes], bytes]) -> None:
    page = "<html><body>Diario Oficial de la Federación</body></html>".encode()
    with replying_server(body_reply(encode(page), {"Content-Encoding": "deflate",
                                                   "Content-Type": "text/html; charset=UTF-8"})) as (base, _):
        assert Fetcher(FAST, allowed=[base]).get(base + "/").text == page.decode()


def test_an_encoding_we_never_asked_for_is_refused() -> None:
    reply = body_reply(b"\x1b\x00garbage", {"Content-Encoding": "br"})
    with replying_server(reply) as (base, hits), pytest.raises(FetchError, match="no admitido"):
        Fetcher(FAST, allowed=[base]).get(base + "/")
    assert len(hits) == 1


@pytest.mark.parametrize("coding", ["gzip", "deflate", None])
def test_decoder_round_trip_and_cap(coding: str | None) -> None:
    data = ("Artículo 1.- Texto. " * 5000).encode()
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, None: bytes}[coding](data)
    decoder = BodyDecoder(coding, limit=len(data))
    out = b"".join(decoder.feed(packed[i:i + 777]) for i in range(0, len(packed), 777))
    assert out + decoder.finish() == data
    with pytest.raises(TooLarge):
        small = BodyDecoder(coding, limit=len(data) - 1)
        small.feed(packed)
        small.finish()
    if coding:
        cut = BodyDecoder(coding, limit=len(data))
        cut.feed(packed[: len(packed) // 2])
        with pytest.raises(Undecodable):
            cut.finish()


# --- 3. time bounds ---------------------------------------------------------------------------
def test_dripped_headers_are_cut_by_the_total_deadline() -> None:
    """One header byte every 50 ms never trips a 1 s read timeout; the 0.5 s deadline cuts it."""
    plan = FaultPlan(rates={"drip_headers": 1.0}, drip_interval=0.05, drip_for=30.0)
    policy = FetchPolicy(delay=0, read_timeout=1.0, deadline=0.5, attempts=2, backoff_base=0.001,
                         respect_robots=False)
    with serve_mirror(plan=plan) as mirror:
        started = time.monotonic()
        with pytest.raises(FetchError, match="se agotó el plazo"):
            Fetcher(policy, allowed=[mirror.base_url]).get(mirror.base_url + INDEX)
        elapsed = time.monotonic() - started
    assert elapsed < 2 * (0.5 + 0.3), elapsed


def test_dripped_headers_are_retried_and_then_served() -> None:
    plan = FaultPlan(seed=1, rates={"drip_headers": 0.5}, drip_interval=0.05, drip_for=30.0)
    policy = FetchPolicy(delay=0, read_timeout=1.0, deadline=0.3, attempts=8, backoff_base=0.001,
                         respect_robots=False)
    with serve_mirror(plan=plan) as mirror:
        client = Fetcher(policy, allowed=[mirror.base_url])
        assert "</html>" in client.get(mirror.base_url + INDEX).text.lower()
        assert client.stats.faults["deadline"] == mirror.counters.faults["drip_headers"] >= 1


def test_a_retry_after_past_the_cap_gives_up_at_once() -> None:
    sleeps: list[float] = []
    with serve_mirror(plan=FaultPlan(rates={"http_503": 1.0}, retry_after=86400)) as mirror:
        client = Fetcher(FAST, allowed=[mirror.base_url], sleep=sleeps.append)
        with pytest.raises(FetchError, match="pide esperar 86400 s") as info:
            client.get(mirror.base_url + INDEX)
        assert mirror.counters.requests == 1
    assert info.value.status == 503 and sleeps == []


# --- 7, 8. hostile redirects and URLs ---------------------------------------------------------
@pytest.mark.parametrize("location", ["http://[::1", "http://127.0.0.1:99999/x", "http://a:b@[bad/"])
def test_a_malformed_redirect_is_a_fetch_error(location: str) -> None:
    reply = body_reply(b"", {"Location": location}, status=302)
    with replying_server(reply) as (base, _), pytest.raises(FetchError, match="mal formad"):
        Fetcher(FAST, allowed=[base]).get(base + "/")


def test_escape_sequences_in_a_redirect_never_reach_the_message() -> None:
    rlo = "\u202e".encode().decode("latin-1")  # header bytes as the server sends them
    reply = body_reply(b"", {"Location": f"http://evil.example/\x1b]0;pwned\x07\x1b[2J{rlo}"}, status=302)
    with replying_server(reply) as (base, _), pytest.raises(FetchError) as info:
        Fetcher(FAST, allowed=[base]).get(base + "/")
    message = str(info.value)
    assert "fuera de los permitidos" in message and "evil.example" in message
    assert not any(c in message for c in "\x1b\x07\x80\u202e"), message


@pytest.mark.parametrize(("url", "origin"), [
    ("http://[::1]:8000/", "http://[::1]:8000"),
    ("HTTP://WWW.DOF.GOB.MX:443/", "http://www.dof.gob.mx:443"),
    ("https://www.dof.gob.mx:443/x", "https://www.dof.gob.mx"),
])
def test_origin_of_forms(url: str, origin: str) -> None:
    assert origin_of(url) == origin


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999", "http://[::1", "http://h:port/",
                                 "http://user:secreto@h/", ""])
def test_origin_of_bad_urls_are_input_errors(url: str) -> None:
    with pytest.raises(InputError) as info:
        origin_of(url)
    assert "secreto" not in str(info.value)


# --- 10. a sane cap on notices per edition ----------------------------------------------------
def test_an_index_with_400000_links_is_refused_without_building_it() -> None:
    """Issue #9 finding 10: such a page was accepted and stored (1.4 GB of memory)."""
    from datetime import date

    from errors import SanityError
    from gazette import Edition
    from scraper.edition import MAX_NOTICES, parse_edition

    rows = "".join(f'<tr><td><a href="/nota_detalle.php?codigo={5_000_000 + n}&fecha=15/05/2024">'
                   f"ACUERDO {n}</a></td></tr>" for n in range(400_000))
    page = ('<html><body><table><tr><td class="txt">Fecha: 15/05/2024 - Edición Matutina</td></tr>'
            + rows + "</table></body></html>")
    tracemalloc.start()
    try:
        with pytest.raises(SanityError, match=f"más de {MAX_NOTICES} notas"):
            parse_edition(page, date(2024, 5, 15), Edition.MAT)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"\n400,000-link index ({len(page) / 2**20:.0f} MiB): refused, {peak / 2**20:.1f} MiB peak")
    assert peak < 2 * 2**20
