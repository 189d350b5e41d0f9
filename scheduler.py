"""Composition root: the command line, the pipeline of one DOF day, and the nightly scheduler.

Business logic lives in the packages; each command here reads its arguments, calls them, and
prints. Every ``TrackerError`` becomes one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import URL, Engine
from sqlalchemy.exc import SQLAlchemyError

from diffing import ChangeType
from errors import InputError, StoreError, TrackerError, WriterBusy
from parser import Finding, ensure_whole, read_statute
from pipeline import (
    LOOKBACK_DAYS,
    MEXICO_CITY,
    NOTIFY_ENV,
    EditionResult,
    catch_up,
    day_range,
    import_document,
    mexico_today,
    notify,
    report_outcome,
    reprocess,
    short_error,
    sync,
)
from report import (
    FORMATS,
    at_text,
    changes_csv,
    changes_html,
    changes_json,
    changes_table,
    describe_filters,
    findings_text,
    history_text,
    info_text,
    notices_text,
    one_line,
)
from scraper.mirror import serve_mirror
from scraper.sources import source_base
from store import (
    Tracked,
    history_json,
    open_engine,
    open_store,
    safe_url,
    store_status,
    stored_findings,
)
from store.api import Store, as_date
from untrusted import json_visible, plain, visible

logger = logging.getLogger("dof_tracker")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader left

Handler = Callable[[argparse.Namespace], int]


# --- parse -------------------------------------------------------------------------------------
def cmd_parse(args: argparse.Namespace) -> int:
    """Print a statute's provision tree: an outline for people, or JSON with ``--json``."""
    import json

    from parser.render import outline
    from parser.statute import read_statute

    document = read_statute(_read_file(args.file), args.file)
    if args.check:
        _print_findings(document.findings, args.json)
    elif args.json:
        json.dump(document.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(outline(document))
        if document.findings:
            count = len(document.findings)
            _print(f"{count} hallazgo{'s' if count != 1 else ''} en la lectura; "
                   f"--check {'los lista' if count != 1 else 'lo muestra'} con su línea")
    return EXIT_OK


def _print_findings(findings: Sequence[Finding], as_json: bool) -> None:
    """A reading's findings, one per line ("línea N: … [label]"), or as a JSON list. They are
    warnings: the exit code stays 0."""
    if as_json:
        json.dump([f.to_json() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for finding in findings:
        _print(plain(str(finding)))
    _print(f"{len(findings)} hallazgo{'s' if len(findings) != 1 else ''}" if findings else "sin hallazgos")


# --- amend -------------------------------------------------------------------------------------
MAX_INPUT_BYTES = 64 * 2**20  # the longest real law is a few MB; the fetcher's cap is 50 MiB


def _read_file(name: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """A regular file's bytes, at most ``limit``; InputError for anything else.

    Opened without blocking (a FIFO would wait for a writer) and checked on the open handle,
    so a device (``/dev/zero`` reads forever), FIFO or socket is refused by what it is, and a
    file that grows past the limit while read is refused too.
    """
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot open it ({exc.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{name}: is a directory, not a file")
        if not stat.S_ISREG(mode):
            raise InputError(f"{name}: not a regular file (a device, FIFO or socket): refused")
        os.set_blocking(fd, True)
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(f"{name}: larger than {limit // 2**20} MiB, the most an input may be")
    return data


def cmd_amend(args: argparse.Namespace) -> int:
    """Apply an amending instrument to a base text; print instructions, changes, discrepancies."""
    import json

    from diffing import amend, render_outcome
    from parser import parse_amendment, read_amendment_text

    base = ensure_whole(read_statute(_read_file(args.base), args.base))
    amendment = parse_amendment(read_amendment_text(_read_file(args.amendment), args.amendment))
    outcome = amend(base, amendment)
    if args.json:
        json.dump(outcome.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_outcome(outcome))
    return EXIT_OK


ROOT = Path(__file__).resolve().parent


# --- the nightly scheduler (APScheduler 3) -------------------------------------------------------
JOB_ID = "dof-tracker-nightly"
JOB_TABLE = "dof_tracker_jobs"


@dataclass(frozen=True, slots=True)
class RunConfig:
    """What the nightly job needs. Kept in memory, never in the job store, so no database
    password is ever pickled into a table."""

    url: str | None
    source: str | None
    notify: str | None
    lookback: int = LOOKBACK_DAYS
    since: date | None = None


_RUN_CONFIG: list[RunConfig] = []


def nightly_job() -> None:
    """The scheduled job: one catch-up pass. Never raises (APScheduler would only log it)."""
    config = _RUN_CONFIG[-1]
    engine: Engine | None = None
    try:
        engine = open_engine(config.url)
        report = catch_up(engine, config.source, since=config.since, lookback=config.lookback)
        report_outcome(report, config.notify)
    except WriterBusy as exc:
        logger.warning("skipping this pass: %s", visible(str(exc)))
    except TrackerError as exc:
        logger.error("nightly pass failed: %s", visible(str(exc)))
        notify(config.notify, "failed", f"nightly pass failed: {exc}")
    except Exception as exc:  # a bug must not kill the scheduler; it is logged and notified
        logger.exception("nightly pass failed unexpectedly")
        notify(config.notify, "failed", f"nightly pass failed: {type(exc).__name__}: {exc}")
    finally:
        if engine is not None:
            engine.dispose()


def nightly_trigger(hours: str = "7,21", minute: int = 30) -> CronTrigger:
    """07:30 (the matutina is out, yesterday's late editions too) and 21:30 (vespertina and
    extraordinaria of the day), Mexico City time."""
    return CronTrigger(hour=hours, minute=minute, timezone=MEXICO_CITY)


def build_scheduler(url: str, *, blocking: bool = True, hours: str = "7,21", minute: int = 30,
                    ) -> BaseScheduler:
    """A scheduler whose job lives in the store's database, so it survives restarts.

    coalesce + max_instances=1 + a generous misfire grace: after downtime the job runs once, not
    once per missed time; the database writer lock (not APScheduler) keeps two processes or
    machines from writing at once.
    """
    kind = BlockingScheduler if blocking else BackgroundScheduler
    scheduler = kind(
        timezone=MEXICO_CITY,
        jobstores={"default": SQLAlchemyJobStore(url=url, tablename=JOB_TABLE)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 6 * 3600},
    )
    scheduler.add_job("scheduler:nightly_job", trigger=nightly_trigger(hours, minute), id=JOB_ID,
                      name="DOF nightly catch-up", replace_existing=True,
                      next_run_time=datetime.now(MEXICO_CITY))
    return scheduler


# --- the store-backed commands -------------------------------------------------------------------
def _engine(args: argparse.Namespace) -> Engine:
    return open_engine(args.db)


FIRST_DOF_DAY = date(1917, 1, 1)  # the Diario Oficial de la Federación under the 1917 Constitution
MAX_LOOKBACK = 366


def _date(value: str, what: str = "date") -> date:
    """A DOF day: not in the future, not before 1917 (each day is three editions to fetch)."""
    day = as_date(value, what)
    if day > mexico_today():
        raise InputError(f"{what} {day} is in the future: the DOF has not published it yet")
    if day < FIRST_DOF_DAY:
        raise InputError(f"{what} {day} is before {FIRST_DOF_DAY.year}: the DOF has no such edition")
    return day


def _source(value: str | None) -> str | None:
    """``--source`` checked before any work; an empty one is refused, never the real DOF."""
    if value is None:
        return None
    if not value.strip():
        raise InputError("--source is empty: give a base URL like http://127.0.0.1:8000, or leave "
                         "it out to fetch from the DOF")
    source_base(value)
    return value


def _sync_days(args: argparse.Namespace) -> list[date]:
    if args.date and (args.start or args.end):
        raise InputError("give either --date or --from/--to, not both")
    if args.date:
        return [_date(args.date)]
    if args.start or args.end:
        if not (args.start and args.end):
            raise InputError("--from and --to go together")
        return day_range(_date(args.start, "--from"), _date(args.end, "--to"))
    return [mexico_today()]


def _print(text: str) -> None:
    """One piece of terminal output; control and bidi characters never reach the terminal."""
    text = plain(text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_import(args: argparse.Namespace) -> int:
    """Register a statute's text as of a date, then apply the stored amendments that came later."""
    as_of = as_date(args.as_of, "--as-of")
    engine = _engine(args)
    try:
        result = import_document(engine, _read_file(args.file), args.file, args.title, as_of)
    finally:
        engine.dispose()
    verb = "registered" if result.created else f"new text ({result.changes} changes) for"
    _print(f"{verb} document {result.document_id}: {result.title} (as of {as_of})")
    if result.findings:
        _print(f"{result.findings} hallazgo{'s' if result.findings != 1 else ''} en el texto "
               "(dof-tracker info --findings)")
    pending = result.pending
    if pending.applied or pending.reflected:
        _print(f"pending amendments: {pending.applied} applied ({pending.changes} changes), "
               f"{pending.reflected} already in this text")
    for warning in pending.warnings:
        _print(f"warning: {warning}")
    return EXIT_OK


def _print_result(result: EditionResult, indent: str = "") -> None:
    _print(indent + result.line())
    for warning in result.warnings:
        _print(f"{indent}    warning: {plain(warning)}")


def cmd_sync(args: argparse.Namespace) -> int:
    """Fetch and ingest DOF editions; one line per edition, non-zero if any failed."""
    days = _sync_days(args)
    _source(args.source)  # an unusable --source is bad input, refused before any work
    engine = _engine(args)
    try:
        report = sync(engine, days, args.source, progress=len(days) > 1, on_result=_print_result)
    finally:
        engine.dispose()
    _print(report.summary().splitlines()[0])
    return report_outcome(report, args.notify_command)


def cmd_run(args: argparse.Namespace) -> int:
    """The nightly scheduler (blocking), or one catch-up pass with ``--once``."""
    since = _date(args.since, "--since") if args.since is not None else None
    _source(args.source)
    if not 0 <= args.lookback <= MAX_LOOKBACK:
        raise InputError(f"--lookback {args.lookback} makes no sense: give 0 to {MAX_LOOKBACK} days")
    if args.once:
        engine = _engine(args)
        try:
            report = catch_up(engine, args.source, since=since, lookback=args.lookback, progress=True)
        finally:
            engine.dispose()
        for result in report.results:
            _print(result.line())
        _print(report.summary().splitlines()[0] if report.results else "nothing to do")
        return report_outcome(report, args.notify_command)
    engine = _engine(args)  # validates and migrates the store before the scheduler starts
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()
    _RUN_CONFIG.append(RunConfig(args.db, args.source, args.notify_command, args.lookback, since))
    scheduler = build_scheduler(url)
    logger.info("dof-tracker run: passes at 07:30 and 21:30 America/Mexico_City on %s", safe_url(url))
    with contextlib.suppress(KeyboardInterrupt, SystemExit):
        scheduler.start()
    return EXIT_OK


def _print_json(value: object) -> None:
    sys.stdout.write(json_visible(json.dumps(value, ensure_ascii=False, indent=2)) + "\n")


def cmd_reprocess(args: argparse.Namespace) -> int:
    """Run archived captures through the current reader again (no network); what changed."""
    if args.notice and (args.date or args.since or args.until) or args.date and (args.since or args.until):
        raise InputError("give one of --date, --since/--until or --notice")
    since = _date(args.date or args.since, "--since") if args.date or args.since else None
    until = _date(args.date or args.until, "--until") if args.date or args.until else None
    engine = _engine(args)
    try:
        report = reprocess(engine, since=since, until=until, notice=args.notice, progress=not args.json)
    finally:
        engine.dispose()
    if args.json:
        _print_json(report.to_json())
    else:
        _print(report.summary())
    return EXIT_OK


def cmd_notices(args: argparse.Namespace) -> int:
    """What the DOF published, as far as we fetched it."""
    if args.date and args.since:
        raise InputError("give either --date or --since, not both")
    with open_store(args.db) as store:
        found = store.notices(on=args.date, since=args.since)
    if args.json:
        _print_json([n.to_json() for n in found])
    else:
        sys.stdout.write(notices_text(found))
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    """Every version of one provision, oldest first, with the notice that made each."""
    with open_store(args.db) as store:
        versions = store.document(args.document).history(args.citation)
    if args.json:
        _print_json(history_json(versions))
    else:
        sys.stdout.write(history_text(versions))
    return EXIT_OK


def cmd_at(args: argparse.Namespace) -> int:
    """The text of one provision as in force on a date."""
    on = as_date(args.date)
    with open_store(args.db) as store:
        version = store.document(args.document).at(args.citation, on)
    if args.json:
        _print_json(version.at_json(on))
    else:
        sys.stdout.write(at_text(version, on))
    return EXIT_OK


def cmd_changes(args: argparse.Namespace) -> int:
    """The change log in one of four formats."""
    since = as_date(args.since, "--since") if args.since else None
    until = as_date(args.until, "--until") if args.until else None
    with open_store(args.db) as store:
        entries = store.changes(since=since, until=until, document=args.document, type=args.type)
    if args.format == "json":
        sys.stdout.write(json_visible(changes_json(entries)))
    elif args.format == "csv":
        sys.stdout.write(changes_csv(entries))
    elif args.format == "html":
        filters = describe_filters(since, until, args.document, args.type)
        sys.stdout.write(changes_html(entries, filters=filters, generated=datetime.now(MEXICO_CITY)))
    else:
        sys.stdout.write(changes_table(entries, redlines=args.redlines))
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    """Where the store is (password hidden), what it holds, and how far it has got."""
    engine = _engine(args)
    try:
        with engine.connect() as conn:
            status = store_status(conn)
            findings = {c.document_id: stored_findings(conn, c.document_id, c.revision)
                        for c in status.findings if c.current} if args.findings else {}
    finally:
        engine.dispose()
    if args.findings:
        sys.stdout.write(findings_text(status.findings, findings))
        return EXIT_OK
    _print(f"database: {safe_url(engine)}")
    sys.stdout.write(info_text(status))
    return EXIT_OK


DEMO_TITLE = ("Estatuto Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social para el "
              "Bienestar (IMSS-BIENESTAR)")
DEMO_AS_OF = date(2023, 10, 6)  # the Estatuto of 05/10/2023 took effect the next day
DEMO_DAYS = (date(2024, 5, 13), date(2024, 5, 17))


def cmd_demo(args: argparse.Namespace) -> int:
    """The main job, offline: a local DOF mirror, a fresh store, the IMSS-BIENESTAR case."""
    base = ROOT / "fixtures" / "imss" / "estatuto_organico_base.txt"
    tree = ROOT / "fixtures" / "dof"
    if not base.is_file() or not tree.is_dir():
        raise InputError(f"the demo needs the fixtures of a source checkout ({base} is missing)")
    with contextlib.ExitStack() as stack:
        url = args.db
        if url is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dof-tracker-demo-")))
            url = URL.create("sqlite", database=str(folder / "demo.sqlite")).render_as_string()
        mirror = stack.enter_context(serve_mirror(tree))
        engine = open_engine(url)
        stack.callback(engine.dispose)
        _print(f"Local DOF mirror on {mirror.base_url}; store {safe_url(engine)}"
               + ("" if args.db else " (temporary: pass --db URL to keep it)"))
        _demo_import(engine, base)
        _print(f"\n$ dof-tracker sync --from {DEMO_DAYS[0]} --to {DEMO_DAYS[1]} --source {mirror.base_url}")
        report = sync(engine, day_range(*DEMO_DAYS), mirror.base_url, progress=True,
                      on_result=lambda r: _print_result(r, "  "))
        if report.failed:
            raise StoreError(f"the demo sync failed: {report.failed[0].error}")
        _demo_show(Store(engine))
    return EXIT_OK


def _demo_import(engine: Engine, base: Path) -> None:
    _print(f"\n$ dof-tracker import {base.relative_to(ROOT)} --title '{DEMO_TITLE}' --as-of {DEMO_AS_OF}")
    with engine.connect() as conn:
        known = Tracked.load(conn).match(DEMO_TITLE)
    if known is not None:
        _print(f"  already tracked as document {known}")
        return
    result = import_document(engine, base.read_bytes(), str(base), DEMO_TITLE, DEMO_AS_OF)
    _print(f"  registered document {result.document_id}: {result.title}")


def _demo_show(store: Store) -> None:
    estatuto = store.document(DEMO_TITLE)
    entries = estatuto.changes(since=DEMO_DAYS[0])
    _print(f"\n$ dof-tracker changes --document IMSS-BIENESTAR --since {DEMO_DAYS[0]} --redlines")
    _print(f"{len(entries)} changes to the {estatuto.title}:")
    sys.stdout.write(changes_table(entries, redlines=True))
    for notice in {e.notice.codigo: e.notice for e in entries if e.notice}.values():
        _print(f"\nDOF notice {notice.codigo} of {notice.date:%d/%m/%Y} ({notice.edition}): {notice.title}\n"
               f"  {notice.url}")
    _print("\n$ dof-tracker history IMSS-BIENESTAR '57, fracción IX'")
    for v in estatuto.history("57, fracción IX"):
        source = f" by DOF {v.notice.codigo} of {v.notice.date:%d/%m/%Y}" if v.notice else ""
        until = v.valid_to.isoformat() if v.valid_to else "today"
        _print(f"  {v.valid_from} .. {until}  {v.status}{source}: {one_line(v.text)}")



# --- arguments of the store-backed commands ------------------------------------------------------
class UsageError(Exception):
    """Bad command-line syntax: reported as one line, exit status 2 (argparse's convention)."""


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr instead of a usage block plus a line."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def add_store_commands(sub: Any) -> None:
    """The subcommands of DESIGN §1.3 that use the store (``import`` … ``demo``)."""
    p = sub.add_parser("import", help="register a document's text as of a date")
    p.add_argument("file")
    p.add_argument("--title", help="the document's title (default: the one the text gives)")
    p.add_argument("--as-of", required=True, metavar="DATE", help="the date the text is as of (YYYY-MM-DD)")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("sync", help="fetch DOF editions (MAT, VES, EXT) and ingest them")
    p.add_argument("--date", help="one day (default: today in Mexico City)")
    p.add_argument("--from", dest="start", metavar="D1", help="first day of a range")
    p.add_argument("--to", dest="end", metavar="D2", help="last day of a range")
    _source_options(p)
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser("notices", help="what the DOF published (as far as we fetched it)")
    p.add_argument("--date")
    p.add_argument("--since")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_notices)

    p = sub.add_parser("reprocess", help="archived captures through the current reader again (no network)")
    p.add_argument("--date", help="one day")
    p.add_argument("--since", help="first day of a range")
    p.add_argument("--until", help="last day of a range")
    p.add_argument("--notice", metavar="CODIGO", help="one notice")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_reprocess)

    p = sub.add_parser("run", help="the nightly scheduler (blocking; catches up missed days)")
    p.add_argument("--once", action="store_true", help="one catch-up pass, then exit")
    p.add_argument("--since", help="track from this day on (first run only; default: a week ago)")
    p.add_argument("--lookback", type=int, default=LOOKBACK_DAYS,
                   help="days a missing edition is looked for again (late EXT/VES editions)")
    _source_options(p)
    p.set_defaults(handler=cmd_run)

    p = sub.add_parser("history", help="every version of one provision")
    p.add_argument("document", metavar="DOC", help="document id or any unambiguous part of its title")
    p.add_argument("citation", metavar="CITATION", help='e.g. "57, fracción IX"')
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("at", help="a provision's text in force on a date")
    p.add_argument("document", metavar="DOC")
    p.add_argument("citation", metavar="CITATION")
    p.add_argument("date", metavar="DATE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_at)

    p = sub.add_parser("changes", help="the change log")
    p.add_argument("--since")
    p.add_argument("--until")
    p.add_argument("--document", metavar="DOC")
    p.add_argument("--type", choices=[str(t) for t in ChangeType])
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--redlines", action="store_true", help="table: show each change's redline")
    p.set_defaults(handler=cmd_changes)

    p = sub.add_parser("info", help="where the store is and what it holds")
    p.add_argument("--findings", action="store_true",
                   help="the findings (structural check, reading doubts) of each document's latest text")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("demo", help="offline demo: local DOF mirror, the IMSS-BIENESTAR case")
    p.set_defaults(handler=cmd_demo)


def _source_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--source", metavar="URL", help="base URL replacing www.dof.gob.mx and "
                   "sidof.segob.gob.mx (e.g. a local mirror)")
    p.add_argument("--notify-command", metavar="CMD", default=None,
                   help=f"run CMD (summary on stdin) when editions fail or look wrong (or ${NOTIFY_ENV})")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="dof-tracker",
        description="Track what the Diario Oficial de la Federación changes, provision by provision.",
    )
    parser.add_argument("--db", help="SQLAlchemy URL (default: $DOF_TRACKER_DB, else a SQLite "
                        "file in the user's data directory; see 'dof-tracker info')")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="split a statute (text, HTML or DOF note) into provisions")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print the provision tree as JSON")
    p.add_argument("--check", action="store_true",
                   help="print the reading's findings (structural check) instead of the tree")
    p.set_defaults(handler=cmd_parse)

    p = sub.add_parser("amend", help="apply an amending instrument to a base text (no database)")
    p.add_argument("base")
    p.add_argument("amendment")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_amend)

    add_store_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """The ``dof-tracker`` command. Every error is one line on stderr and a non-zero status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    quiet = logging.INFO if args.command == "run" else logging.WARNING
    logging.basicConfig(
        level=quiet - 10 * min(args.verbose, 2),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    handler: Handler = args.handler
    try:
        status = handler(args)
        sys.stdout.flush()  # here, so a closed pipe is caught below and not at exit
        return status
    except BrokenPipeError:  # `dof-tracker … | head`: the reader has gone; nothing to say
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except TrackerError as exc:
        print(f"dof-tracker {args.command}: {visible(str(exc))}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, InputError) else EXIT_ERROR
    except SQLAlchemyError as exc:
        print(f"dof-tracker {args.command}: database error: {short_error(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"dof-tracker {args.command}: interrupted", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
