"""The connections ``scraper.http`` makes: TLS always verified, every socket under the attempt's deadline.

TLS is verified against certifi plus the GoDaddy G2 intermediate the DOF forgets to send, and
never turned off (S7); the adapters hand each connection's socket to the attempt's ``Watch``
(``scraper.wire``), whose timer cuts it at the deadline.
"""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import TYPE_CHECKING, Any

import certifi
import requests
from requests.adapters import HTTPAdapter

from scraper.wire import watch_pools

if TYPE_CHECKING:
    from requests.adapters import _HostParams, _PoolKwargs

INTERMEDIATE_PEM = Path(__file__).with_name("dof-intermediate.pem")


def tls_context(extra_ca: Path | None = None) -> ssl.SSLContext:
    """certifi's roots plus the DOF's missing intermediate (and an optional extra CA for tests)."""
    context = ssl.create_default_context(cafile=certifi.where())
    context.load_verify_locations(cafile=str(INTERMEDIATE_PEM))
    if extra_ca is not None:
        context.load_verify_locations(cafile=str(extra_ca))
    return context


class _WatchedAdapter(HTTPAdapter):
    """An adapter whose connections hand their socket to the attempt's ``Watch`` (deadline)."""

    def __init__(self) -> None:
        super().__init__(max_retries=0)

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False,
                         **pool_kwargs: Any) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        watch_pools(self.poolmanager)


class _VerifiedAdapter(_WatchedAdapter):
    """An adapter that always verifies TLS against our context."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__()

    def build_connection_pool_key_attributes(
        self, request: requests.PreparedRequest, verify: bool | str, cert: Any = None
    ) -> tuple[_HostParams, _PoolKwargs]:
        host, pool = super().build_connection_pool_key_attributes(request, True, cert)
        pool["ssl_context"] = self._context
        pool.pop("ca_certs", None)
        pool.pop("ca_cert_dir", None)
        pool["cert_reqs"] = "CERT_REQUIRED"
        return host, pool
