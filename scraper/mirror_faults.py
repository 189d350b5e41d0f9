"""The faults the mirror can inject, one serving function each, and the plan that draws them.

Chosen per request, deterministically from a seed and per-fault rates (``FaultPlan``): never
answering, slow drip, connection reset, 429 with Retry-After, 500/503, bodies cut with and
without Content-Length, another day's page, undeclared cp1252 and a false ISO-8859-1 header;
headers dripped a byte at a time (each inside any read timeout); bodies sent gzip-encoded (as a
compressing server or CDN does), whole or cut.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scraper.mirror_resolver import HTML, Answer

if TYPE_CHECKING:
    from scraper.mirror import _Handler


FAULTS = ("hang", "drip", "drip_headers", "reset", "http_429", "http_500", "http_503",
          "cut_with_length", "cut_without_length", "wrong_day", "cp1252", "latin1_header", "gzip",
          "gzip_cut")


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


def _applies(fault: str, answer: Answer) -> bool:
    if fault == "wrong_day":
        return answer.wrong_day is not None
    if fault in ("cp1252", "latin1_header"):
        return answer.content_type == HTML and answer.status == 200
    return True


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
