"""Strict citations through the API on a stored document and through the command line.

A document holding exactly the provisions the citation tables of tests/test_citations.py name is
stored; every accepted form must find its provision (never its parent), every refused one is a
``CitationError`` (exit code 2), a provision the document lacks is ``NotFound`` (exit 1) and one
not in force on the date asked is ``NotInForce`` (exit 1), each with its own Spanish message.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import URL, Engine
from test_api import populate
from test_citations import ACCEPTED, REFUSED
from test_store_support import (  # noqa: F401  (fixtures)
    DECREE_DAY,
    db_url_fixture,
    engine_fixture,
)

import scheduler
import store
from diffing.model import Change, ChangeType, DiffOp
from errors import CitationError, NotFound, NotInForce
from parser.citations import format_citation
from parser.labels import Label, display_number
from parser.model import Document, Provision
from report import changes_html, changes_table
from store import Store, open_engine
from store.values import ChangeEntry

TITLE = "Ley de Citas de Prueba"
DAY = date(2020, 1, 1)
NUMERALES = "Manual de Organización de Prueba"


def document_of(labels: set[str], title: str) -> Document:
    """A document with a provision for each label and for every label above it."""
    every = {Label(parsed.parts[:depth]) for parsed in map(Label.parse, labels)
             for depth in range(1, len(parsed) + 1)}

    def provision(label: Label) -> Provision:
        children = sorted((other for other in every if other.parent == label), key=Label.sort_key)
        return Provision(str(label), label.kind, display_number(label.kind, label.number), "",
                         f"Texto de {format_citation(label)}.",
                         children=tuple(provision(child) for child in children))

    top = sorted((label for label in every if len(label) == 1), key=Label.sort_key)
    return Document(title, tuple(provision(label) for label in top))


def register(engine: Engine) -> None:
    with store.transaction(engine) as conn:
        store.register_document(conn, TITLE, document_of({label for _, label in ACCEPTED}, TITLE), DAY)
        store.register_document(conn, NUMERALES, document_of({"num_7-bis__inc_a", "apt_iv"}, NUMERALES),
                                DAY)


@pytest.fixture
def ley(engine: Engine) -> Store:
    register(engine)
    return Store(engine)


def test_every_accepted_form_finds_its_own_provision(ley: Store) -> None:
    handle = ley.document(TITLE)
    for citation, label in ACCEPTED:
        assert handle.label(citation) == label, citation
        (version,) = handle.history(citation)
        assert version.label == label and version.provision.text == f"Texto de {format_citation(label)}."
        assert handle.at(citation, DAY).label == label


def test_every_refused_form_is_a_citation_error_naming_the_word(ley: Store) -> None:
    handle = ley.document(TITLE)
    for citation, word in REFUSED:
        with pytest.raises(CitationError) as refused:
            handle.history(citation)
        assert refused.value.word == word


def test_a_provision_the_document_lacks_is_not_found_never_its_parent(ley: Store) -> None:
    handle = ley.document(TITLE)
    for citation, missing in [
        ("57, fracción XX", "artículo 57, fracción XX"),
        ("fracción IX, inciso c) del artículo 57", "artículo 57, fracción IX, inciso c)"),
        ("párrafo tercero del artículo 56", "artículo 56, párrafo tercero"),
        ("transitorio quinto", "artículo quinto transitorio"),
    ]:
        with pytest.raises(NotFound) as lacking:
            handle.at(citation, DAY)
        assert not isinstance(lacking.value, NotInForce)
        assert str(lacking.value) == f"el documento no tiene {missing} ({TITLE})"


def test_a_bare_number_names_the_numeral_of_an_instrument_of_numerales(ley: Store) -> None:
    manual = ley.document(NUMERALES)
    assert manual.label("7 Bis") == "num_7-bis"
    assert manual.label("7 Bis, inciso a)") == "num_7-bis__inc_a"
    assert manual.label("numeral 7 Bis") == "num_7-bis"
    assert manual.label("apartado IV") == "apt_iv"
    with pytest.raises(NotFound, match="el documento no tiene artículo 7 Bis"):
        manual.label("artículo 7 Bis")   # a named artículo is an artículo


def test_not_in_force_is_another_answer_than_not_found(engine: Engine) -> None:
    populate(engine)
    estatuto = Store(engine).document("imss")
    with pytest.raises(NotInForce) as early:
        estatuto.at("57 Bis", "2024-05-15")
    assert str(early.value) == (f"artículo 57 Bis no estaba vigente el 15 de mayo de 2024 en "
                                f"{estatuto.title[:57] + '...'!r} (en vigor desde el 16 de mayo de 2024)")
    assert estatuto.at("57 Bis", DECREE_DAY).label == "art_57-bis"
    with pytest.raises(NotFound) as missing:
        estatuto.at("57, fracción XX", "2024-05-15")
    assert type(missing.value) is NotFound
    assert str(missing.value).startswith("el documento no tiene artículo 57, fracción XX (")


# --- the command line ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path: Path = tmp_path_factory.mktemp("citations") / "citas.sqlite"
    url = URL.create("sqlite", database=str(path)).render_as_string()
    engine = open_engine(url)
    register(engine)
    populate(engine)
    engine.dispose()
    yield url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = scheduler.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("citation", "label"), ACCEPTED)
def test_history_on_the_command_line_reads_every_form(cli_db: str, capsys: pytest.CaptureFixture[str],
                                                      citation: str, label: str) -> None:
    code, out, err = run(capsys, "--db", cli_db, "history", TITLE, citation, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["label"] == label


@pytest.mark.parametrize(("citation", "word"), REFUSED)
def test_a_refused_citation_exits_2_with_one_line(cli_db: str, capsys: pytest.CaptureFixture[str],
                                                  citation: str, word: str) -> None:
    code, out, err = run(capsys, "--db", cli_db, "history", TITLE, citation)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and f'"{word}"' in err and "Traceback" not in err


@pytest.mark.parametrize(("argv", "message"), [
    (["history", TITLE, "57, fracción XX"], f"el documento no tiene artículo 57, fracción XX ({TITLE})"),
    (["at", "imss", "57 Bis", "2024-05-15"], "artículo 57 Bis no estaba vigente el 15 de mayo de 2024"),
    (["at", "imss", "art. 57, frac. XX", "2024-05-15"], "el documento no tiene artículo 57, fracción XX"),
])
def test_not_found_and_not_in_force_exit_1(cli_db: str, capsys: pytest.CaptureFixture[str],
                                           argv: list[str], message: str) -> None:
    code, out, err = run(capsys, "--db", cli_db, *argv)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and message in err



def test_a_renumbered_provision_shows_where_it_was_as_a_citation() -> None:
    change = Change("art_58", ChangeType.RENUMBERED, "Texto.", "Texto.", ((DiffOp.EQUAL, "Texto."),),
                    from_label="art_57-bis__frac_ix")
    entry = ChangeEntry(document=TITLE, document_id=1, date=DAY, valid_from=DAY, change=change, notice=None,
                        reconciled=False, origin="computed")
    assert "(antes artículo 57 Bis, fracción IX)" in changes_table([entry], redlines=True)
    assert "(antes artículo 57 Bis, fracción IX)" in changes_html([entry])
