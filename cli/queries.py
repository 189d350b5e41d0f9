"""Read-only commands over the change log: ``notices``, ``history``, ``at``, ``changes``, ``info``.

They open the store read-only (``open_engine(create=False)``): a store that does not exist is an
error, never created.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

import click

from diffing import ChangeType
from errors import InputError
from gazette import MEXICO_CITY
from parser import Finding
from report import (
    FORMATS,
    at_text,
    changes_table,
    describe_filters,
    findings_text,
    history_text,
    info_text,
    notices_text,
)
from store import Store, StoreStatus, history_json, open_engine, safe_url, store_status, stored_findings

from .app import EXIT_OK, Command
from .options import (
    CITATION,
    DATE,
    DOCUMENT,
    Choice,
    date_option,
    document_option,
    format_option,
    json_format,
    json_option,
    since_until_options,
    store_options,
)
from .output import emit, emit_data, emit_json, emit_raw


def open_reader(db: str | None) -> Store:
    """The store at ``db``, opened read-only: never created, never migrated."""
    return Store(open_engine(db, create=False))


@click.command(cls=Command, epilog="Ejemplo: dof-tracker notices --date 15/05/2024 --json")
@date_option
@since_until_options
@json_option
@store_options
def notices(on: date | None, since: date | None, until: date | None, as_json: bool, db: str | None) -> int:
    """Los avisos que publicó el DOF, hasta donde los descargamos."""
    if on and (since or until):
        raise InputError("dé --date o --since/--until, no ambas")
    with open_reader(db) as store:
        found = store.notices(on=on, since=since, until=until)
    emit_data(as_json, [n.to_json() for n in found], notices_text(found))
    return EXIT_OK


@click.command(cls=Command, epilog="Ejemplo: dof-tracker history IMSS-BIENESTAR '57, fracción IX' --json")
@click.argument("document", metavar=DOCUMENT)
@click.argument("citation", metavar=CITATION)
@json_option
@store_options
def history(document: str, citation: str, as_json: bool, db: str | None) -> int:
    """Todas las versiones de una disposición, de la más antigua a la más reciente, cada una
    con el aviso del DOF que la hizo.

    DOCUMENTO es el id de un documento o cualquier parte inequívoca de su título; CITA se escribe
    como la escribe la gente: 57, "57 Bis", "artículo 57, fracción IX", "art. 2o.-A".
    """
    with open_reader(db) as store:
        versions = store.document(document).history(citation)
    emit_data(as_json, history_json(versions), history_text(versions))
    return EXIT_OK


@click.command(cls=Command, epilog="Ejemplo: dof-tracker at IMSS-BIENESTAR '57, fracción IX' 15/05/2024")
@click.argument("document", metavar=DOCUMENT)
@click.argument("citation", metavar=CITATION)
@click.argument("on", metavar=DATE.name, type=DATE)
@json_option
@store_options
def at(document: str, citation: str, on: date, as_json: bool, db: str | None) -> int:
    """El texto de una disposición vigente en la FECHA (2024-05-15 o 15/05/2024)."""
    with open_reader(db) as store:
        version = store.document(document).at(citation, on)
    emit_data(as_json, version.at_json(on), at_text(version, on))
    return EXIT_OK


@click.command(cls=Command,
               epilog="Ejemplo: dof-tracker changes --document IMSS --since 2024-05-01 --format html "
                      "> cambios.html")
@since_until_options
@document_option
@click.option("--type", "kind", type=Choice([str(t) for t in ChangeType]), default=None,
              help=f"Solo los cambios de este tipo ({', '.join(f'{t}: {t.spanish}' for t in ChangeType)}). "
                   "Ejemplo: --type derogated")
@format_option(FORMATS, "csv")
@json_option
@click.option("--redlines", is_flag=True,
              help="Formato de tabla: muestra bajo cada cambio sus palabras suprimidas y añadidas. "
                   "Ejemplo: --redlines")
@store_options
def changes(since: date | None, until: date | None, document: str | None, kind: str | None, fmt: str,
            as_json: bool, redlines: bool, db: str | None) -> int:
    """La bitácora de cambios: los conocidos entre --since y --until, ambos incluidos."""
    fmt = json_format(as_json, fmt)
    if redlines and fmt != "table":
        raise InputError(f"--redlines es para la tabla; --format {fmt} siempre lleva las marcas de cambio")
    with open_reader(db) as store:
        entries = store.changes(since=since, until=until, document=document, type=kind)
        if fmt == "html":  # the lawyers' page reads its context (opening words, editions) from the store

            from report import change_log_html

            emit_raw(change_log_html(store, entries, since=since, until=until, document=document,
                                     filters=describe_filters(since, until, document, kind),
                                     generated=datetime.now(MEXICO_CITY)))
            return EXIT_OK
    if fmt in ("json", "csv"):  # report.csv_json: only these two formats need it
        from report import changes_csv, changes_json

        emit_raw((changes_json if fmt == "json" else changes_csv)(entries))
    else:
        emit_raw(changes_table(entries, redlines=redlines))
    return EXIT_OK


@click.command(cls=Command, epilog="Ejemplo: dof-tracker info --findings")
@click.option("--findings", is_flag=True,
              help="Los hallazgos (revisión de la estructura, dudas de lectura) del último texto de "
                   "cada documento, uno por línea. Ejemplo: --findings")
@json_option
@store_options
def info(findings: bool, as_json: bool, db: str | None) -> int:
    """Dónde está la base de datos (sin la contraseña), qué contiene y hasta dónde ha llegado."""
    engine = open_engine(db, create=False)
    try:
        with engine.connect() as conn:
            status = store_status(conn)
            found = {c.document_id: stored_findings(conn, c.document_id, c.revision)
                     for c in status.findings if c.current} if findings else {}
    finally:
        engine.dispose()
    if as_json:
        emit_json(_info_json(safe_url(engine), status, found))
    elif findings:
        emit_raw(findings_text(status.findings, found))
    else:
        emit(f"base de datos: {safe_url(engine)}")
        emit_raw(info_text(status))
    return EXIT_OK


def _info_json(url: str, status: StoreStatus, found: Mapping[int, Sequence[Finding]]) -> dict[str, Any]:
    """``info --json``: the database (password hidden), the figures of ``StoreStatus``, and with
    ``--findings`` each document's findings."""
    data: dict[str, Any] = {"database": url, **_jsonable(asdict(status))}  # type: ignore[dict-item]
    if found:
        data["findings_by_document"] = {str(k): [f.to_json() for f in v] for k, v in found.items()}
    return data


def _jsonable(value: object) -> object:
    """Dates as ISO strings, enums as their values, mappings and sequences walked."""
    if isinstance(value, dict):
        return {str(_jsonable(k)): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)
