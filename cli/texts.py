"""Commands on texts, no database: ``parse`` (a statute's provision tree) and ``amend``."""

from __future__ import annotations

from collections.abc import Sequence

import click

from parser import Finding, ensure_whole, read_statute
from report.words import plural

from .app import EXIT_OK, Command
from .files import read_file
from .options import FILE, json_option, verbosity_options
from .output import emit, emit_json, emit_raw


@click.command(cls=Command, epilog="Ejemplo: dof-tracker parse ley.txt --check")
@click.argument("file", metavar=FILE)
@json_option
@click.option("--check", is_flag=True,
              help="Imprime los hallazgos de la lectura (huecos, orden, encabezados, restos de la página "
                   "en el texto) uno por línea en vez del árbol; código de salida 0. Ejemplo: --check")
@verbosity_options
def parse(file: str, as_json: bool, check: bool) -> int:
    """Divide una ley (texto, texto del PDF de la Cámara, HTML de una nota del DOF) en su árbol de
    disposiciones."""
    from parser.render import outline

    document = read_statute(read_file(file), file)
    if check:
        _print_findings(document.findings, as_json)
    elif as_json:
        emit_json(document.to_json())
    else:
        emit_raw(outline(document))
        if document.findings:
            count = len(document.findings)
            emit(f"{plural(count, 'hallazgo')} en la lectura; "
                 f"--check {'los lista' if count != 1 else 'lo muestra'} con su línea")
    return EXIT_OK


def _print_findings(findings: Sequence[Finding], as_json: bool) -> None:
    """A reading's findings, one per line ("línea N: … [label]"), or as a JSON list. They are
    warnings: the exit code stays 0."""
    if as_json:
        emit_json([f.to_json() for f in findings])
        return
    for finding in findings:
        emit(str(finding))
    emit(plural(len(findings), "hallazgo") if findings else "sin hallazgos")


@click.command(cls=Command, epilog="Ejemplo: dof-tracker amend estatuto.txt decreto.html --json")
@click.argument("base", metavar="BASE")
@click.argument("amendment", metavar="REFORMA")
@json_option
@verbosity_options
def amend(base: str, amendment: str, as_json: bool) -> int:
    """Aplica un instrumento de reforma a un texto base; imprime las instrucciones, los cambios y las
    discrepancias."""
    from diffing import amend as apply_amendment
    from diffing import render_outcome
    from parser import parse_amendment, read_amendment_text

    text = ensure_whole(read_statute(read_file(base), base))
    instrument = parse_amendment(read_amendment_text(read_file(amendment), amendment))
    outcome = apply_amendment(text, instrument)
    if as_json:
        emit_json(outcome.to_json())
    else:
        emit_raw(render_outcome(outcome))
    return EXIT_OK
