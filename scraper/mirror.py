"""A local DOF mirror: our fixtures served under the DOF's and SIDOF's own URL schemes.

A real HTTP server (stdlib, threaded) on 127.0.0.1 that answers like the real sites do, so tests,
benchmarks and the offline demo exercise the production code path end to end:

* ``/index_111.php?year=&month=&day=&edicion=`` (also ``index.php``, ``index_113.php``): the
  edition page; a day without that edition answers 200 with the "No hay datos" page, and a
  request without ``edicion`` gets the vespertina when there is one, as the real site does;
* ``/nota_detalle.php?codigo=&fecha=``: the site page, or the epoch ``DOF: 31/12/1969`` page for
  unknown codes; ``/notas/docFuente/{codigo}``: the bare note (an empty document when unknown);
* ``/dof/sidof/notas/DD-MM-YYYY``: the SIDOF JSON list (empty lists when we have none, like the
  days SIDOF lost); ``/robots.txt``.

Faults are switchable per request, chosen deterministically from a seed and per-fault rates
(``FaultPlan``): never answering, slow drip, connection reset, 429 with Retry-After, 500/503,
bodies cut with and without Content-Length, another day's page, undeclared cp1252 and a false
ISO-8859-1 header; headers dripped a byte at a time (each inside any read timeout); bodies sent
gzip-encoded (as a compressing server or CDN does), whole or cut. Counters tell what was
served. Transport faults need raw socket control, which is why this is a ``socketserver``
handler and not a web framework (reliability.md [P6]).

Run it: ``python -m scraper.mirror --port 8000`` then
``dof-tracker sync --date 2024-05-15 --source http://127.0.0.1:8000``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dof"
FAULTS = ("hang", "drip", "drip_headers", "reset", "http_429", "http_500", "http_503",
          "cut_with_length", "cut_without_length", "wrong_day", "cp1252", "latin1_header", "gzip",
          "gzip_cut")
HTML = "text/html; charset=UTF-8"
JSON = "application/json;charset=UTF-8"
_INDEX = re.compile(r"^/index(?:_\d+)?\.php$")
_DOC_FUENTE = re.compile(r"^/notas/docFuente/(\d{1,10})$")
_SIDOF_DAY = re.compile(r"^/dof/sidof/notas/(\d{2})-(\d{2})-(\d{4})$")
_EMPTY_NOTE = ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" '
               '"http://www.w3.org/TR/html4/strict.dtd"> <HTML> <head> <title></title> </head> '
               "<BODY> </BODY> </HTML> ")
_EMPTY_DAY = {"messageCode": 200, "response": "OK", "NotasMatutinas": [], "NotasVespertinas": [],
              "NotasExtraordinarias": [], "imagenesDiario": [], "audioSumario": None}


@dataclass(frozen=True, slots=True)
class FaultPlan:
    """Which faults to inject and how often; the same seed gives the same sequence."""

    seed: int = 0
    rates: Mapping[str, float] = field(default_factory=dict)  # fault name -> probability
    retry_after: int = 1  # seconds announced by 429/503
    hang: float = 1.0  # seconds a "never answer" connection is held before closing
    drip_interval: float = 0.05
    drip_for: float = 2.0

    def __post_init__(self) -> None:
        unknown = set(self.rates) - set(FAULTS)
        if unknown or sum(self.rates.values()) > 1.0:
            raise ValueError(f"bad fault rates: unknown {sorted(unknown)} or sum > 1")


@dataclass(frozen=True, slots=True)
class Answer:
    """What a URL resolves to in the fixture tree."""

    status: int
    content_type: str
    body: bytes
    kind: str  # index / no_edition / note / detail / sidof / robots / missing
    wrong_day: bytes | None = None  # another day's index page, for the wrong_day fault


class Counters:
    """Thread-safe tallies of what the mirror served."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests = 0
        self.kinds: Counter[str] = Counter()
        self.faults: Counter[str] = Counter()

    def count(self, kind: str, fault: str | None) -> None:
        with self._lock:
            self.requests += 1
            self.kinds[kind] += 1
            if fault:
                self.faults[fault] += 1


class Resolver:
    """Maps DOF/SIDOF request paths onto files under the fixture root."""

    def __init__(self, root: Path = FIXTURES) -> None:
        self.root = root

    def _read(self, *parts: str) -> bytes | None:
        path = self.root.joinpath(*parts)
        return path.read_bytes() if path.is_file() else None

    def index(self, query: Mapping[str, list[str]]) -> Answer:
        try:
            day = date(int(query["year"][0]), int(query["month"][0]), int(query["day"][0]))
        except (KeyError, ValueError):
            return self.no_edition()
        editions = [query["edicion"][0].upper()] if "edicion" in query else ["VES", "MAT"]
        for edition in editions:
            if not re.fullmatch(r"MAT|VES|EXT", edition):
                break
            body = self._read("www", "index", f"{day.isoformat()}_{edition}.html")
            if body is not None:
                return Answer(200, HTML, body, "index", self._other_day(day, edition))
        return self.no_edition()

    def _other_day(self, day: date, edition: str) -> bytes | None:
        for path in sorted((self.root / "www" / "index").glob(f"*_{edition}.html")):
            if not path.name.startswith(day.isoformat()):
                return path.read_bytes()
        return None

    def no_edition(self) -> Answer:
        return Answer(200, HTML, self._read("www", "no-edition.html") or b"", "no_edition")

    def resolve(self, target: str) -> Answer:
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        if path == "/robots.txt":
            return Answer(200, "text/plain", self._read("robots.txt") or b"", "robots")
        if _INDEX.match(path):
            return self.index(query)
        if path == "/nota_detalle.php" and re.fullmatch(r"\d{1,10}", query.get("codigo", [""])[0]):
            body = self._read("www", "nota_detalle", f"{query['codigo'][0]}.html")
            return Answer(200, HTML, body or self._read("www", "nota_detalle", "epoch.html")
                          or b"", "detail")
        if match := _DOC_FUENTE.match(path):
            body = self._read("sidof", "docFuente", f"{match.group(1)}.html")
            return Answer(200, HTML, body or _EMPTY_NOTE.encode(), "note")
        if match := _SIDOF_DAY.match(path):
            dd, mm, yyyy = match.groups()
            body = self._read("sidof", "notas", f"{dd}-{mm}-{yyyy}.json")
            return Answer(200, JSON, body or json.dumps(_EMPTY_DAY).encode(), "sidof")
        return Answer(404, HTML, b"<html><body>Not Found</body></html>\n", "missing")


class MirrorServer(ThreadingHTTPServer):
    """The threaded server; holds the resolver, the fault plan and the counters."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, port: int, resolver: Resolver, plan: FaultPlan) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.resolver = resolver
        self.plan = plan
        self.counters = Counters()
        self._rng = random.Random(plan.seed)
        self._rng_lock = threading.Lock()

    def draw_cut(self, size: int) -> int:
        """Where to cut a body: somewhere past its first tenth, before its last bytes."""
        with self._rng_lock:
            return self._rng.randrange(max(1, size // 10), max(2, size - 16))

    def pick_fault(self, answer: Answer) -> str | None:
        """Draw this request's fault; faults that make no sense for the answer are skipped."""
        with self._rng_lock:
            draw = self._rng.random()
        edge = 0.0
        for name in FAULTS:
            edge += self.plan.rates.get(name, 0.0)
            if draw < edge:
                return name if _applies(name, answer) else None
        return None


def _applies(fault: str, answer: Answer) -> bool:
    if fault == "wrong_day":
        return answer.wrong_day is not None
    if fault in ("cp1252", "latin1_header"):
        return answer.content_type == HTML and answer.status == 200
    return True


class _Handler(BaseHTTPRequestHandler):
    """Serves one request, possibly with a fault."""

    server: MirrorServer
    protocol_version = "HTTP/1.1"
    server_version = "Apache"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        # headers and body go out in separate writes; without this, delayed ACKs add ~40 ms
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        """Quiet: the counters are the log."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib hook name
        answer = self.server.resolver.resolve(self.path)
        fault = self.server.pick_fault(answer)
        self.server.counters.count(answer.kind, fault)
        try:
            _FAULT_ACTIONS.get(fault or "", _serve_plain)(self, answer)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    # --- building blocks ---------------------------------------------------------------------
    def head(self, status: int, content_type: str, length: int | None,
             extra: Mapping[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-store, no-cache, must-revalidate")
        if length is not None:
            self.send_header("Content-Length", str(length))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()

    def reset(self) -> None:
        """Abort with a TCP RST (SO_LINGER 0), as a dropped connection looks to the client."""
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()


def _serve_plain(handler: _Handler, answer: Answer) -> None:
    handler.head(answer.status, answer.content_type, len(answer.body))
    handler.wfile.write(answer.body)


def _serve_hang(handler: _Handler, answer: Answer) -> None:
    time.sleep(handler.server.plan.hang)
    handler.close_connection = True


def _serve_drip(handler: _Handler, answer: Answer) -> None:
    handler.head(answer.status, answer.content_type, len(answer.body))
    plan = handler.server.plan
    stop = time.monotonic() + plan.drip_for
    for start in range(0, len(answer.body), 64):
        if time.monotonic() > stop:
            break
        handler.wfile.write(answer.body[start:start + 64])
        handler.wfile.flush()
        time.sleep(plan.drip_interval)
    handler.close_connection = True


def _serve_drip_headers(handler: _Handler, answer: Answer) -> None:
    """Status line and headers one byte at a time: a read timeout never fires, a deadline must."""
    plan = handler.server.plan
    head = (f"HTTP/1.1 {answer.status} OK\r\nContent-Type: {answer.content_type}\r\n"
            f"Content-Length: {len(answer.body)}\r\n").encode() + b"X-Padding: " + b"." * 4000
    stop = time.monotonic() + plan.drip_for
    for byte in head:
        if time.monotonic() > stop:
            break
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(plan.drip_interval)
    handler.close_connection = True


def _serve_gzip(handler: _Handler, answer: Answer) -> None:
    body = gzip.compress(answer.body, mtime=0)
    handler.head(answer.status, answer.content_type, len(body), {"Content-Encoding": "gzip"})
    handler.wfile.write(body)


def _serve_gzip_cut(handler: _Handler, answer: Answer) -> None:
    """A gzip body cut short without a Content-Length: only the gzip stream can tell."""
    body = gzip.compress(answer.body, mtime=0)
    handler.head(answer.status, answer.content_type, None, {"Content-Encoding": "gzip"})
    handler.wfile.write(body[: _cut_point(handler, len(body))])


def _serve_reset(handler: _Handler, answer: Answer) -> None:
    handler.head(answer.status, answer.content_type, len(answer.body))
    handler.wfile.write(answer.body[: len(answer.body) // 3])
    handler.reset()


Serve = Callable[["_Handler", Answer], None]


def _serve_status(status: int) -> Serve:
    def serve(handler: _Handler, answer: Answer) -> None:
        body = f"<html><body>Error {status}</body></html>\n".encode()
        handler.head(status, HTML, len(body),
                     {"Retry-After": str(handler.server.plan.retry_after)})
        handler.wfile.write(body)
    return serve


def _cut_point(handler: _Handler, size: int) -> int:
    return handler.server.draw_cut(size)


def _serve_cut_with_length(handler: _Handler, answer: Answer) -> None:
    handler.head(answer.status, answer.content_type, len(answer.body))
    handler.wfile.write(answer.body[: _cut_point(handler, len(answer.body))])
    handler.close_connection = True


def _serve_cut_without_length(handler: _Handler, answer: Answer) -> None:
    handler.head(answer.status, answer.content_type, None)
    handler.wfile.write(answer.body[: _cut_point(handler, len(answer.body))])


def _serve_wrong_day(handler: _Handler, answer: Answer) -> None:
    body = answer.wrong_day or answer.body
    handler.head(200, HTML, len(body))
    handler.wfile.write(body)


def _serve_cp1252(handler: _Handler, answer: Answer) -> None:
    body = answer.body.decode("utf-8").encode("cp1252", errors="xmlcharrefreplace")
    handler.head(answer.status, "text/html", len(body))  # no charset declared
    handler.wfile.write(body)


def _serve_latin1_header(handler: _Handler, answer: Answer) -> None:
    handler.head(answer.status, "text/html; charset=ISO-8859-1", len(answer.body))  # false
    handler.wfile.write(answer.body)


_FAULT_ACTIONS: dict[str, Serve] = {
    "hang": _serve_hang, "drip": _serve_drip, "reset": _serve_reset,
    "http_429": _serve_status(429), "http_500": _serve_status(500),
    "http_503": _serve_status(503), "cut_with_length": _serve_cut_with_length,
    "cut_without_length": _serve_cut_without_length, "wrong_day": _serve_wrong_day,
    "cp1252": _serve_cp1252, "latin1_header": _serve_latin1_header,
    "drip_headers": _serve_drip_headers, "gzip": _serve_gzip, "gzip_cut": _serve_gzip_cut,
}


class Mirror:
    """A running mirror: ``base_url`` to point ``--source`` at, ``counters`` to read."""

    def __init__(self, server: MirrorServer) -> None:
        self.server = server
        host, port = server.server_address[:2]
        self.base_url = f"http://{host!s}:{port}"
        self.counters = server.counters
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="dof-mirror", daemon=True)

    def start(self) -> Mirror:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)


@contextmanager
def serve_mirror(root: Path = FIXTURES, plan: FaultPlan | None = None,
                 port: int = 0) -> Iterator[Mirror]:
    """Run a mirror on 127.0.0.1 (port 0 = any free port) for the duration of the block."""
    mirror = Mirror(MirrorServer(port, Resolver(root), plan or FaultPlan())).start()
    try:
        yield mirror
    finally:
        mirror.stop()


def main(argv: list[str] | None = None) -> int:
    """``python -m scraper.mirror``: serve the fixtures until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m scraper.mirror", description=__doc__.split(
        "\n\n")[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=FIXTURES, help="fixture tree to serve")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fault", action="append", default=[], metavar="NAME=RATE",
                        help=f"inject a fault, e.g. http_503=0.1; names: {', '.join(FAULTS)}")
    args = parser.parse_args(argv)
    rates = {name: float(rate) for name, rate in (f.split("=", 1) for f in args.fault)}
    server = MirrorServer(args.port, Resolver(args.root), FaultPlan(seed=args.seed, rates=rates))
    host, port = server.server_address[:2]
    print(f"DOF mirror serving {args.root} on http://{host!s}:{port} (Ctrl-C to stop)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
