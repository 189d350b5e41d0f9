"""A real local SMTP server (aiosmtpd) for the digest tests: what it receives is kept in order."""

from __future__ import annotations

import contextlib
import email
import email.policy
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


class Inbox:
    """An aiosmtpd handler keeping what it receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 OK"

    def plain_texts(self) -> dict[str, str]:
        """Each recipient's plain-text body (line ends as written, not SMTP's CRLF)."""
        found = {}
        for _, recipients, message in self.messages:
            body = message.get_body(("plain",))
            assert body is not None
            for recipient in recipients:
                found[recipient] = body.get_content().replace("\r\n", "\n")
        return found


def free_port() -> int:
    """A port nothing listens on (just released by the operating system)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()
