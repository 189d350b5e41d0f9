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
(``FaultPlan``, ``scraper.mirror_faults``); which file answers a URL is
``scraper.mirror_resolver``. Counters tell what was served. Transport faults need raw socket
control, which is why this is a ``socketserver`` handler and not a web framework
(reliability.md [P6]).

Run it: ``python -m scraper.mirror --port 8000`` then
``dof-tracker sync --date 2024-05-15 --source http://127.0.0.1:8000``.
"""

from __future__ import annotations

import argparse
import random
import socket
import struct
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scraper.mirror_faults import _FAULT_ACTIONS, FAULTS, FaultPlan, _applies, _serve_plain
from scraper.mirror_resolver import FIXTURES, Answer, Resolver


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


__all__ = ["FAULTS", "FIXTURES", "FaultPlan", "Mirror", "MirrorServer", "main", "serve_mirror"]
