"""The only module that touches the network: polite, bounded, verified, and fully recorded.

``Fetcher.get(url)`` makes one GET the way research/reliability.md asks:

* only allowed origins (the two DOF hosts, or the single ``--source`` base), redirects checked
  hop by hop, so nothing outside can make us fetch anywhere else (S4);
* robots.txt of each origin respected (www.dof.gob.mx disallows nota_detalle.php);
* one request at a time, a polite delay between requests, ``(connect, read)`` timeouts plus a
  TOTAL deadline per attempt that covers connecting, headers and body: a timer cuts the socket,
  so a server dripping its headers a byte at a time cannot hang us either (F1, F2);
* retries with jittered exponential backoff on connection errors, timeouts, cut bodies, 408,
  429 and 5xx, honouring Retry-After up to a cap (a longer wait is left for the next run) (F3-F7);
* gzip/deflate bodies decoded as they arrive, the maximum body size applied to the decoded
  bytes (a gzip bomb stops at the cap); an encoding we never asked for is refused (S9);
* a completeness check on every body: Content-Length against the bytes received, plus the
  caller's structural check (closing ``</html>``, the note's own ``</BODY>``, valid JSON);
* TLS verified against certifi plus the GoDaddy G2 intermediate the DOF forgets to send;
  verification is never turned off (S7);
* ``on_capture`` receives a ``Capture`` for EVERY response, including error statuses and cut
  bodies (``complete=False``), so each stored record traces to the exact bytes received
  (decoded: the body as the server meant it, whatever its transfer compression);
* every URL in a message goes through ``untrusted.printable_url`` (a redirect can carry escapes).

The retry rules (which failures are retried, Retry-After, the words for a reason) are in
``scraper.retry``; the TLS context and the adapters that install the deadline are in
``scraper.transport``; the bytes on the wire in ``scraper.wire``.
"""

from __future__ import annotations

import hashlib
import logging
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import requests

from errors import FetchError, IncompleteBody, InputError
from gazette import Capture
from scraper.decode import decode_body
from scraper.retry import _RETRY_STATUSES, _Retry, parse_retry_after, reason_words
from scraper.transport import _VerifiedAdapter, _WatchedAdapter, tls_context
from scraper.wire import ACCEPT_ENCODING, Watch, read_body
from untrusted import printable_url

logger = logging.getLogger(__name__)

USER_AGENT = "dof-tracker/0.1 (regulatory change tracker; polite, one request at a time)"
DOF_ORIGINS = ("https://www.dof.gob.mx", "https://dof.gob.mx", "https://sidof.segob.gob.mx")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_HOPS = 5

Check = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Timing and size limits; production defaults follow research/reliability.md §1.4."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    deadline: float = 180.0  # total seconds for one attempt, headers to last byte
    attempts: int = 5
    backoff_base: float = 2.0
    backoff_max: float = 120.0
    retry_after_max: float = 120.0  # a server asking for longer is left for the next run
    delay: float = 1.0  # polite pause between any two requests
    max_bytes: int = 50 * 2**20
    respect_robots: bool = True


@dataclass(frozen=True, slots=True)
class Response:
    """A complete, checked response and its decoded text."""

    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    text: str
    capture: Capture


@dataclass(slots=True)
class FetchStats:
    """Counters for the run report and the fault-injection figures."""

    requests: int = 0
    fetches: int = 0
    retries: int = 0
    failures: int = 0
    bytes: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    slept: float = 0.0


class RobotsDisallowed(FetchError):
    """robots.txt of the origin forbids this URL; no request was made."""


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, lowercased, default ports dropped."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a bad port, an unclosed IPv6 bracket
        raise InputError(f"no es una URL utilizable: {printable_url(url)}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username is not None:
        raise InputError(f"no es una URL http(s) sin credenciales: {printable_url(url)}")
    default = {"http": 80, "https": 443}[parts.scheme]
    host = parts.hostname.lower()
    host = f"[{host}]" if ":" in host else host  # IPv6 literals keep their brackets
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def robots_lines(text: str) -> list[str]:
    """robots.txt lines without blank and comment-only lines.

    The DOF's robots.txt puts a blank line between ``User-agent: *`` and its rules. Python's
    ``RobotFileParser`` (pre-RFC 9309) ends a group at a blank line, so it would silently
    drop every DOF rule; RFC 9309 groups by user-agent lines, which this filtering restores.
    """
    return [line for line in text.splitlines() if line.split("#", 1)[0].strip()]


class Fetcher:
    """GET with the discipline described in the module docstring. Not thread-safe by design:
    the DOF gets one request at a time."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        allowed: Iterable[str] = DOF_ORIGINS,
        on_capture: Callable[[Capture], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        extra_ca: Path | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.allowed = frozenset(origin_of(o) for o in allowed)
        self.on_capture = on_capture
        self.stats = FetchStats()
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._robots: dict[str, RobotFileParser] = {}
        self._last_request = float("-inf")
        self._lock = threading.Lock()
        self._session = requests.Session()
        self._session.headers.update({"User-Agent": self.policy.user_agent,
                                      "Accept-Encoding": ACCEPT_ENCODING})
        self._session.trust_env = False  # no proxy or netrc from the environment
        adapter = _VerifiedAdapter(tls_context(extra_ca))
        self._session.mount("https://", adapter)
        self._session.mount("http://", _WatchedAdapter())

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- public ---------------------------------------------------------------------------
    def get(self, url: str, *, check: Check | None = None,
            retry_on: tuple[type[Exception], ...] = (IncompleteBody,)) -> Response:
        """Fetch ``url`` completely or raise.

        ``check(text)`` validates the decoded body; the exception types in ``retry_on`` that it
        raises cause a retry (a cut body, another day's page), and if every attempt fails that
        way the last one is raised (``IncompleteBody``, or e.g. the caller's ``SanityError``).
        Other failures raise ``FetchError`` (``RobotsDisallowed`` before any request).
        """
        self._require_allowed(url)
        with self._lock:
            self.stats.fetches += 1
            if self.policy.respect_robots and not self._robots_allow(url):
                raise RobotsDisallowed(f"robots.txt no permite descargar {printable_url(url)}", url=url)
            return self._get_with_retries(url, check, retry_on)

    # --- policy pieces --------------------------------------------------------------------
    def _require_allowed(self, url: str) -> None:
        if origin_of(url) not in self.allowed:
            raise InputError(f"no se descarga nada fuera de los servidores permitidos: {printable_url(url)}")

    def _robots_allow(self, url: str) -> bool:
        origin = origin_of(url)
        parser = self._robots.get(origin)
        if parser is None:
            parser = self._load_robots(origin)
            self._robots[origin] = parser
        return parser.can_fetch(self.policy.user_agent, url)

    def _load_robots(self, origin: str) -> RobotFileParser:
        parser = RobotFileParser()
        robots_url = origin + "/robots.txt"
        try:
            response = self._get_with_retries(robots_url, None, ())
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                parser.parse([])  # RFC 9309: an unavailable robots.txt allows everything
                return parser
            raise
        parser.parse(robots_lines(response.text))
        return parser

    def _pause(self) -> None:
        wait = self._last_request + self.policy.delay - time.monotonic()
        if wait > 0:
            self._do_sleep(wait)

    def _do_sleep(self, seconds: float) -> None:
        self.stats.slept += seconds
        self._sleep(seconds)

    def _backoff(self, attempt: int) -> float:
        raw = min(self.policy.backoff_max, self.policy.backoff_base * 2.0 ** (attempt - 1))
        jitter: float = 0.5 + self._rng.random() / 2  # half to full
        return raw * jitter

    # --- the attempt loop -----------------------------------------------------------------
    def _get_with_retries(self, url: str, check: Check | None,
                          retry_on: tuple[type[Exception], ...]) -> Response:
        last: _Retry | None = None
        for attempt in range(1, self.policy.attempts + 1):
            if attempt > 1:
                self.stats.retries += 1
                assert last is not None
                self._do_sleep(max(last.wait, self._backoff(attempt - 1)))
            try:
                return self._follow(url, check, retry_on)
            except _Retry as exc:
                self.stats.faults[exc.reason] += 1
                logger.debug("attempt %d for %s failed: %s", attempt, url, exc.reason)
                last = exc
        self.stats.failures += 1
        assert last is not None
        tries = "1 intento" if self.policy.attempts == 1 else f"{self.policy.attempts} intentos"
        message = f"se dejó {printable_url(url)} tras {tries}: {reason_words(last.reason)}"
        if last.cause is not None and not isinstance(last.cause, IncompleteBody):
            raise last.cause
        if last.reason.startswith("incomplete"):
            raise IncompleteBody(message, url=url, status=last.status)
        raise FetchError(message, url=url, status=last.status)

    def _follow(self, url: str, check: Check | None,
                retry_on: tuple[type[Exception], ...]) -> Response:
        """One attempt, following redirects hop by hop inside the allowed origins."""
        current = url
        for _ in range(_MAX_HOPS + 1):
            response = self._one_request(current, check, retry_on)
            if response.status not in _REDIRECTS:
                return response
            location = {k.lower(): v for k, v in response.headers}.get("location")
            if not location:
                raise FetchError(f"redirección sin Location desde {printable_url(current)}",
                                 url=current, status=response.status)
            current = self._redirect_target(current, location, response.status)
        raise FetchError(f"demasiadas redirecciones desde {printable_url(url)}", url=url)

    def _redirect_target(self, current: str, location: str, status: int) -> str:
        """Where a redirect leads, if it stays inside the allowed origins; FetchError otherwise."""
        try:
            target = urljoin(current, location)
            allowed = origin_of(target) in self.allowed
        except (ValueError, InputError):
            raise FetchError(f"redirección con un Location mal formado desde {printable_url(current)}: "
                             f"{printable_url(location)}", url=current, status=status) from None
        if not allowed:
            raise FetchError(f"redirección a un servidor fuera de los permitidos: {printable_url(target)}",
                             url=current, status=status)
        return target

    def _one_request(self, url: str, check: Check | None,
                     retry_on: tuple[type[Exception], ...]) -> Response:
        self._pause()
        self.stats.requests += 1
        with Watch(self.policy.deadline) as watch:
            raw = self._send(url, watch)
            try:
                body, problem = read_body(raw, watch, self.policy.max_bytes)
            finally:
                raw.close()
                self._last_request = time.monotonic()
        status = raw.status_code
        headers = tuple((str(k), str(v)) for k, v in raw.headers.items())
        text = decode_body(body, raw.headers.get("Content-Type"))
        rejection: Exception | None = None
        if problem is None and 200 <= status < 300 and check is not None:
            try:
                check(text)
            except Exception as exc:  # recorded first, re-raised below: every response is captured
                rejection = exc
        complete = problem is None and rejection is None
        capture = self._capture(url, status, headers, body, complete)
        if problem is not None and problem.startswith("refused"):
            why = problem.removeprefix("refused: ")
            raise FetchError(f"se rechazó el cuerpo de {printable_url(url)}: {why}",
                             url=url, status=status)
        if problem is not None:
            raise _Retry(problem, status)
        if rejection is not None and not isinstance(rejection, retry_on):
            raise rejection
        if rejection is not None:
            reason = "incomplete" if isinstance(rejection, IncompleteBody) else "rejected"
            raise _Retry(f"{reason}: {rejection}", status, cause=rejection)
        if status in _RETRY_STATUSES:
            return self._retry_status(url, status, raw.headers.get("Retry-After"))
        if status >= 400:
            raise FetchError(f"HTTP {status} en {printable_url(url)}", url=url, status=status)
        return Response(url=url, status=status, headers=headers, body=body, text=text,
                        capture=capture)

    def _send(self, url: str, watch: Watch) -> requests.Response:
        """The request up to its headers, inside the attempt's deadline."""
        policy = self.policy
        try:
            return self._session.get(url, stream=True, allow_redirects=False,
                                     timeout=(policy.connect_timeout, policy.read_timeout))
        except requests.Timeout as exc:
            raise _Retry("deadline" if watch.expired else "timeout") from exc
        except requests.RequestException as exc:
            raise _Retry("deadline" if watch.expired else "connection") from exc
        except ValueError:  # requests reads a redirect's Location even when not following
            raise FetchError(f"un Location de redirección o una respuesta mal formados en "
                             f"{printable_url(url)}", url=url) from None
        finally:
            self._last_request = time.monotonic()

    def _retry_status(self, url: str, status: int, retry_after: str | None) -> Response:
        """A retryable status: retry after the announced wait, or give up when it is too long."""
        wait = parse_retry_after(retry_after) or 0.0
        if wait > self.policy.retry_after_max:
            raise FetchError(f"HTTP {status} en {printable_url(url)} pide esperar {wait:.0f} s "
                             f"(más de {self.policy.retry_after_max:.0f} s): queda para la próxima ejecución",
                             url=url, status=status)
        raise _Retry(f"http_{status}", status, wait)

    def _capture(self, url: str, status: int, headers: tuple[tuple[str, str], ...], body: bytes,
                 complete: bool) -> Capture:
        capture = Capture(url=url, status=status, headers=headers, body=body,
                          sha256=hashlib.sha256(body).hexdigest(),
                          fetched_at=datetime.now(UTC), complete=complete)
        self.stats.bytes += len(body)
        if self.on_capture is not None:
            self.on_capture(capture)
        return capture
