"""Fetching the DOF: edition indexes, note bodies, raw captures, and a local mirror.

The pipeline's entry points (see each module for the why)::

    from scraper import DofSource, FetchPolicy, open_fetcher, finish_notice
    fetcher = open_fetcher(source=None, policy=FetchPolicy())
    dof = DofSource(fetcher, source=None)       # source = the CLI's --source URL
    index = dof.edition(day, Edition.MAT)       # EditionIndex: published?, notices, truncated
    note = dof.note(notice.codigo)              # Note: title, body_html, image_only, not_found
    notice = finish_notice(notice, note, notice.codigo in index.truncated)
    sidof = dof.sidof_notes(day)                # cross-check: reconcile(codigos, sidof, edition)
    check = fetch_sidof_check(dof, day)         # once per day; never raises for SIDOF's failures
    fetched = fetch_edition(dof, day, Edition.MAT, sidof=check)  # .captures, .cross_check warnings

Pure parsers (``parse_edition``, ``parse_note``, ``parse_sidof_notes``, ``classify``) take text
and return frozen values; only ``scraper.http`` touches the network; ``scraper.mirror`` serves
``fixtures/dof`` like the real sites for tests and the offline demo. Imports no sibling package.
"""

from gazette import Capture, Edition, Notice, NoticeKind
from scraper.classify import classify
from scraper.decode import decode_body, has_mojibake
from scraper.edition import EditionIndex, WrongDay, check_index_complete, parse_edition
from scraper.harvest import (
    FetchedEdition,
    FetchFailed,
    SidofCheck,
    cross_check,
    fetch_edition,
    fetch_policy,
    fetch_sidof_check,
)
from scraper.http import (
    DOF_ORIGINS,
    Fetcher,
    FetchPolicy,
    FetchStats,
    Response,
    RobotsDisallowed,
)
from scraper.note import Note, check_note_complete, parse_note, valid_codigo
from scraper.sidof import Reconciliation, SidofDay, SidofEntry, parse_sidof_notes, reconcile
from scraper.sources import (
    DOF_BASE,
    SIDOF_BASE,
    DofSource,
    allowed_origins,
    finish_notice,
    open_fetcher,
    source_base,
)

__all__ = [
    "DOF_BASE", "DOF_ORIGINS", "SIDOF_BASE", "Capture", "DofSource", "Edition", "EditionIndex",
    "FetchFailed", "FetchPolicy", "FetchStats", "FetchedEdition", "Fetcher", "Note", "Notice", "NoticeKind",
    "Reconciliation", "Response", "RobotsDisallowed", "SidofCheck", "SidofDay", "SidofEntry",
    "WrongDay", "allowed_origins", "check_index_complete", "check_note_complete", "classify",
    "cross_check", "decode_body", "fetch_edition", "fetch_policy", "fetch_sidof_check",
    "finish_notice", "has_mojibake", "open_fetcher", "parse_edition", "parse_note",
    "parse_sidof_notes", "reconcile", "source_base", "valid_codigo",
]
