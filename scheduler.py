"""Composition root: the command line, the pipeline of one DOF day, and the nightly scheduler.

Business logic lives in the packages; each command here reads its arguments, calls them, and
prints. Every ``TrackerError`` becomes one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from errors import InputError, TrackerError

logger = logging.getLogger("dof_tracker")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]


# --- parse -------------------------------------------------------------------------------------
def cmd_parse(args: argparse.Namespace) -> int:
    """Print a statute's provision tree: an outline for people, or JSON with ``--json``."""
    import json
    from pathlib import Path

    from parser.render import outline
    from parser.statute import read_statute

    path = Path(args.file)
    if not path.exists():
        raise InputError(f"{args.file}: no such file")
    if path.is_dir():
        raise InputError(f"{args.file}: is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{args.file}: cannot read it ({exc.strerror})") from None
    document = read_statute(data, args.file)
    if args.json:
        json.dump(document.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(outline(document))
    return EXIT_OK


# --- amend -------------------------------------------------------------------------------------
def _read_file(name: str) -> bytes:
    from pathlib import Path

    path = Path(name)
    if not path.is_file():
        raise InputError(f"{name}: no such file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror})") from None


def cmd_amend(args: argparse.Namespace) -> int:
    """Apply an amending instrument to a base text; print instructions, changes, discrepancies."""
    import json

    from diffing import amend, render_outcome
    from parser import read_amendment_text, read_statute

    base = read_statute(_read_file(args.base), args.base)
    outcome = amend(base, read_amendment_text(_read_file(args.amendment), args.amendment))
    if args.json:
        json.dump(outcome.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_outcome(outcome))
    return EXIT_OK


# --- store-backed commands (import, sync, notices, run, history, at, changes, info, demo) ------
def cmd_not_ready(args: argparse.Namespace) -> int:
    raise InputError(f"{args.command}: not available yet")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    p.set_defaults(handler=cmd_parse)

    p = sub.add_parser("amend", help="apply an amending instrument to a base text (no database)")
    p.add_argument("base")
    p.add_argument("amendment")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_amend)

    for name in ("import", "sync", "notices", "run", "history", "at", "changes", "info", "demo"):
        sub.add_parser(name).set_defaults(handler=cmd_not_ready)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING - 10 * min(args.verbose, 2),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    handler: Handler = args.handler
    try:
        return handler(args)
    except TrackerError as exc:
        print(f"dof-tracker {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, InputError) else EXIT_ERROR
    except KeyboardInterrupt:
        print(f"dof-tracker {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
