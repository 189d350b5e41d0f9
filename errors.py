"""The one error hierarchy of dof-tracker.

Every package raises from this tree, so the command line can turn any of them into one
clear line on stderr and a non-zero exit, and a Python user can catch ``TrackerError``::

    TrackerError
    ├── InputError          the caller handed us something unusable (empty, binary, truncated file,
    │   │                   unknown citation, bad date)
    │   └── CitationError   a citation with a word that cannot be read (the word is named)
    ├── ParseError          a text or page is not what its grammar says it should be
    │   └── AmendmentError  an amending instrument cannot be read or applied
    ├── FetchError          the network or the DOF site failed us (carries url and status)
    │   └── IncompleteBody  a body arrived cut short or without its closing structure
    ├── SanityError         parsed, but the data is implausible (wrong day, layout change)
    ├── PermissionDenied    a user's role does not allow what they asked (a reader reviewing)
    ├── DeliveryError       a digest could not be handed to the mail server or the notify command
    └── StoreError          the database refused, or holds something inconsistent
        ├── NotFound        no such document, provision or version
        │   └── NotInForce  the provision exists, but was not in force on the date asked
        └── WriterBusy      another process holds the store's writer lock (a run or sync)

Pure code raises these and never logs; only ``scheduler.main`` turns them into messages.
"""

from __future__ import annotations


class TrackerError(Exception):
    """Root of every error dof-tracker raises on purpose."""


class InputError(TrackerError):
    """Input handed to us is unusable: empty, binary, truncated or malformed."""


class ParseError(TrackerError):
    """A text or page does not follow the grammar we expect of it."""


class AmendmentError(ParseError):
    """An amending instrument cannot be read or applied to its base text."""


class FetchError(TrackerError):
    """A request failed for good (after its retries)."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class IncompleteBody(FetchError):
    """A response body is shorter than declared or lacks its closing structure."""


class SanityError(TrackerError):
    """The data parsed, but it is implausible (another day's page, a layout change)."""


class StoreError(TrackerError):
    """The store refused an operation or found itself inconsistent."""


class NotFound(StoreError):
    """No document, provision or version matches the request."""


class WriterBusy(StoreError):
    """Another process holds the store's writer lock: a run or sync is in progress.

    Not a failure of this store: the nightly job skips its pass, a command says so and exits.
    """


class CitationError(InputError):
    """A citation that cannot be read completely; ``word`` is the one not understood."""

    def __init__(self, message: str, *, citation: str = "", word: str = "") -> None:
        super().__init__(message)
        self.citation = citation
        self.word = word


class NotInForce(NotFound):
    """The document has the provision, but it was not in force on the date asked."""


class PermissionDenied(TrackerError):
    """The user is known, but their role does not allow the operation (a reader setting a
    review state)."""


class DeliveryError(TrackerError):
    """A message (the daily digest) could not be handed to the SMTP server or the notify command."""


__all__ = [
    "AmendmentError",
    "DeliveryError",
    "CitationError",
    "FetchError",
    "IncompleteBody",
    "InputError",
    "NotFound",
    "NotInForce",
    "ParseError",
    "PermissionDenied",
    "SanityError",
    "StoreError",
    "TrackerError",
    "WriterBusy",
]
