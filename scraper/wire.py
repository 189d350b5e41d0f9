"""The bytes on the wire: one bounded decoder for every body, one deadline for every attempt.

``read_body`` is the one reader of every response body, bounded in size and time.
``BodyDecoder`` undoes the ``Content-Encoding`` we announce (``gzip, deflate``) as the chunks
arrive, with the size cap applied to the *decoded* bytes: a gzip bomb stops at the cap, not at
the end of its expansion. An encoding we did not ask for is refused, never stored as text.

``Watch`` bounds a whole attempt: a timer shuts down the socket of the request in flight when
the attempt's deadline passes, whether the server drips its headers a byte at a time (each byte
inside the read timeout, so ``requests``' timeouts never fire) or its body. A connect still in
progress at the deadline is bounded by the connect timeout, and its socket is shut as soon as it
is handed over. The connection classes below hand their socket to the watch of the current
thread; the adapters in ``scraper.http`` install them.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import zlib
from typing import Any

import requests
import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

ACCEPT_ENCODING = "gzip, deflate"
_GZIP = 16 + zlib.MAX_WBITS
_ZLIB = zlib.MAX_WBITS
_RAW_DEFLATE = -zlib.MAX_WBITS


class TooLarge(Exception):
    """The decoded body passed the size cap."""


class Undecodable(Exception):
    """The body is not in the encoding it declares (or in one we never accept)."""


class BodyDecoder:
    """Incremental, capped decoding of one body's ``Content-Encoding``.

    >>> import gzip
    >>> decoder = BodyDecoder("gzip", limit=100)
    >>> decoder.feed(gzip.compress(b"hola")) + decoder.finish()
    b'hola'
    """

    def __init__(self, encoding: str | None, limit: int) -> None:
        codings = [c.strip().lower() for c in (encoding or "").split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise Undecodable(f"Content-Encoding «{encoding}» no admitido (se admiten gzip y deflate)")
        self.coding = codings[0] if codings else None
        self.limit = limit
        self.size = 0
        self._started = False
        self._z: Any = None

    def feed(self, data: bytes) -> bytes:
        """The decoded bytes of the next chunk; ``TooLarge`` past the cap."""
        if self.coding is None:
            return self._count(data)
        out: list[bytes] = []
        while data:
            if self._z is None or self._z.eof:
                if self._z is not None and self.coding == "deflate":
                    raise Undecodable("hay datos después del final del flujo deflate")
                self._z = zlib.decompressobj(self._wbits(data))
            try:
                out.append(self._count(self._z.decompress(data, self.limit - self.size + 1)))
            except zlib.error:
                raise Undecodable(f"el cuerpo no se puede descomprimir como {self.coding}") from None
            data = self._z.unused_data if self._z.eof else b""
        return b"".join(out)

    def finish(self) -> bytes:
        """The rest of the output; ``Undecodable`` when the compressed stream stopped early."""
        if self._z is None:
            return b""
        if not self._z.eof:
            raise Undecodable(f"el flujo {self.coding} se corta antes de terminar")
        return self._count(self._z.flush())

    def _wbits(self, head: bytes) -> int:
        if self.coding != "deflate":
            return _GZIP
        # RFC 9110 deflate is zlib-wrapped; some servers send raw deflate: the zlib header's
        # checksum (a multiple of 31) tells them apart.
        wrapped = len(head) >= 2 and (head[0] & 0x0F) == 8 and (head[0] << 8 | head[1]) % 31 == 0
        return _ZLIB if wrapped else _RAW_DEFLATE

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise TooLarge(f"más de {self.limit} bytes una vez descomprimido")
        return data


class Watch:
    """The socket of the attempt in flight, shut down by a timer at the attempt's deadline."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self.expire)
        self._timer.daemon = True

    def __enter__(self) -> Watch:
        _CURRENT.watch = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _CURRENT.watch = None

    def attach(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def read_body(raw: requests.Response, watch: Watch, limit: int) -> tuple[bytes, str | None]:
    """The decoded body of a streamed response and what went wrong, if anything (None: whole).

    Read with read1 (raw bytes, as sent) so the deadline is checked between socket reads;
    the watch's timer wakes a read that blocks past it. Decoded chunk by chunk, so the cap
    applies to what the body expands to.
    """
    try:
        decoder = BodyDecoder(raw.headers.get("Content-Encoding"), limit)
    except Undecodable as exc:
        return b"", f"refused: {exc}"
    chunks: list[bytes] = []
    received = 0
    try:
        while True:
            if watch.expired:
                return b"".join(chunks), "deadline"
            chunk = raw.raw.read1(65536)
            if not chunk:
                break
            received += len(chunk)
            chunks.append(decoder.feed(chunk))
        chunks.append(decoder.finish())
    except TooLarge:
        return b"".join(chunks), f"refused: pasa de {limit} bytes"
    except Undecodable as exc:
        return b"".join(chunks), f"incomplete: {exc}"
    except (urllib3.exceptions.ReadTimeoutError, TimeoutError):
        return b"".join(chunks), "deadline" if watch.expired else "timeout"
    except (urllib3.exceptions.HTTPError, OSError):
        cut = "incomplete: la conexión se cortó a media respuesta"
        return b"".join(chunks), "deadline" if watch.expired else cut
    body = b"".join(chunks)
    declared = raw.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) != received:
        return body, f"incomplete: llegaron {received} de {declared} bytes"
    return body, None


def _shut(sock: socket.socket) -> None:
    """Wake the reader blocked on ``sock``: the plain socket's shutdown, even under TLS
    (``SSLSocket.shutdown`` would also drop the SSL object under the reading thread)."""
    with contextlib.suppress(OSError):  # already closed: nothing is blocked on it
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


_CURRENT = threading.local()


def _attach_current(connection: HTTPConnection) -> None:
    watch: Watch | None = getattr(_CURRENT, "watch", None)
    if watch is not None:
        watch.attach(connection.sock)


class WatchedHTTPConnection(HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        super().request(*args, **kwargs)
        _attach_current(self)


class WatchedHTTPSConnection(HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        super().request(*args, **kwargs)
        _attach_current(self)


class WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = WatchedHTTPConnection


class WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = WatchedHTTPSConnection


def watch_pools(manager: urllib3.PoolManager) -> None:
    """Make a pool manager's connections report their sockets to the current ``Watch``."""
    manager.pool_classes_by_scheme = {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}


__all__ = ["ACCEPT_ENCODING", "BodyDecoder", "TooLarge", "Undecodable", "Watch", "read_body", "watch_pools"]
