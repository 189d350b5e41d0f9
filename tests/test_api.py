"""The Python-shell API on both backends: lookup, history, at, diff, change log, JSON shapes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine
from test_store_support import (  # noqa: F401  (fixtures)
    BASE_DAY,
    DECREE_DAY,
    FRACCIONES_57,
    TITLE,
    amended_document,
    base_document,
    db_url_fixture,
    engine_fixture,
)

import store
from diffing.model import ChangeType, DiffOp
from errors import CitationError, InputError, NotFound, NotInForce
from gazette import Edition, Notice, NoticeKind
from parser import parse_statute
from parser.model import Document, Status
from parser.render import provision_text as render
from store import Store

DECREE = Notice(
    codigo="5727035", date=date(2024, 5, 15), edition=Edition.MAT, section="Primera Sección",
    poder="Organismos Descentralizados", issuer="SERVICIOS DE SALUD DEL IMSS-BIENESTAR",
    title="MODIFICACIÓN al Estatuto Orgánico de Servicios de Salud del Instituto Mexicano del Seguro "
          "Social para el Bienestar (IMSS-BIENESTAR).",
    url="https://www.dof.gob.mx/nota_detalle.php?codigo=5727035&fecha=15/05/2024",
    kind=NoticeKind.AMENDS, document="Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR",
)
OTHER_TITLE = "Reglamento Interior de la Secretaría de Salud"


def populate(engine: Engine) -> None:
    """The Estatuto as of 2023, its 2024 modification from a notice, and a second document."""
    amended, changes = amended_document()
    with store.transaction(engine) as conn:
        document_id = store.register_document(conn, TITLE, base_document(), BASE_DAY, kind="estatuto")
        notice_id = store.save_notice(conn, DECREE, document_id=document_id)
        store.apply_new_version(conn, document_id, amended, changes, DECREE_DAY, notice_id,
                                undeclared={"art_57-bis"})
        store.register_document(conn, OTHER_TITLE, Document(OTHER_TITLE, base_document().provisions[:1]),
                                date(2010, 1, 19), kind="reglamento")


@pytest.fixture
def tracker(engine: Engine) -> Store:
    populate(engine)
    return Store(engine)


def test_documents_are_found_by_any_unambiguous_part_of_their_title(tracker: Store) -> None:
    assert [d.title for d in tracker.documents()] == [TITLE, OTHER_TITLE]
    for name in ("imss-bienestar", "ESTATUTO ORGANICO", "  estatuto   orgánico  ", "1", 1, TITLE):
        assert tracker.document(name).title == TITLE
    assert tracker.document("secretaría de salud").id == 2
    assert repr(tracker.document(1)) == (f"<Document 1 {TITLE[:57] + '...'!r} since 2023-03-01, "
                                         "2 revisions>")


def test_ambiguous_and_unknown_names_say_so(tracker: Store) -> None:
    with pytest.raises(InputError,
                       match=r"'salud' coincide con 2 documentos: \[1\] Estatuto.*; \[2\] Reglamento"):
        tracker.document("salud")
    with pytest.raises(NotFound, match="ningún documento coincide con 'código fiscal'"):
        tracker.document("código fiscal")
    with pytest.raises(NotFound, match="no hay ningún documento con id 7"):
        tracker.document(7)


def test_history_of_a_fraccion_shows_the_derogation_and_its_notice(tracker: Store) -> None:
    versions = tracker.document("imss-bienestar").history("57, fracción IX")
    old, new = versions
    before = base_document().index()["art_57__frac_ix"]
    after = amended_document()[0].index()["art_57__frac_ix"]
    assert (old.provision, old.text, old.status) == (before, render(before), Status.VIGENTE)
    assert (old.valid_from, old.valid_to, old.change, old.notice) == (BASE_DAY, DECREE_DAY, None, None)
    assert (new.provision, new.text, new.status) == (after, render(after), Status.DEROGADO)
    assert (new.valid_from, new.valid_to, new.change) == (DECREE_DAY, None, ChangeType.DEROGATED)
    assert new.notice == DECREE
    assert repr(new) == ("<Version artículo 57, fracción IX 2024-05-16.. derogado (derogated, DOF 5727035) "
                         f"{render(after)!r}>")
    assert store.history_json(versions) == {
        "document": TITLE, "label": "art_57__frac_ix",
        "versions": [
            {"text": render(before), "status": "vigente", "valid_from": "2023-03-01",
             "valid_to": "2024-05-16", "change": None, "notice": None,
             "label": "art_57__frac_ix", "pending": False},
            {"text": render(after), "status": "derogado", "valid_from": "2024-05-16", "valid_to": None,
             "change": "derogated", "notice": DECREE.to_json(),
             "label": "art_57__frac_ix", "pending": False},
        ],
    }


def test_history_of_an_article_includes_its_fracciones(tracker: Store) -> None:
    versions = tracker.document(TITLE).history("artículo 57")
    assert [v.valid_from for v in versions] == [BASE_DAY, DECREE_DAY]
    assert versions[0].text == render(base_document().index()["art_57"])
    assert FRACCIONES_57["ix"] in versions[0].text and "Se deroga." not in versions[0].text
    assert "Integrar el padrón de proveedores;" in versions[1].text
    labels = [c.label for c in versions[1].provision.children]
    assert labels[3:5] == ["art_57__frac_iv", "art_57__frac_iv-bis"]


def test_at_gives_the_text_in_force_on_a_date(tracker: Store) -> None:
    estatuto = tracker.document("imss")
    assert FRACCIONES_57["ix"] in estatuto.at("fracción IX del artículo 57", "2024-05-15").text
    assert estatuto.at("57, fracción IX", date(2024, 5, 16)).provision.text == "Se deroga."
    after = estatuto.at("art. 57 Bis", "2025-01-01")
    assert after.change is ChangeType.ADDED and after.notice is not None
    assert after.at_json(date(2025, 1, 1)) == {
        "document": TITLE, "label": "art_57-bis", "date": "2025-01-01", "text": after.text,
        "status": "vigente", "notice": DECREE.to_json()}
    with pytest.raises(NotInForce, match="artículo 57 Bis no estaba vigente el 15 de mayo de 2024 .*"
                                         r"\(en vigor desde el 16 de mayo de 2024\)"):
        estatuto.at("57 Bis", "2024-05-15")
    with pytest.raises(NotInForce, match="no tiene texto vigente antes del 1 de marzo de 2023"):
        estatuto.at("57", "1999-01-01")
    with pytest.raises(NotFound, match="el documento no tiene artículo 99") as missing:
        estatuto.history("99")
    assert not isinstance(missing.value, NotInForce)


def test_provision_by_citation_now_and_then(tracker: Store, engine: Engine) -> None:
    estatuto = tracker.document("imss")
    assert estatuto.provision("57, fracción IX").status is Status.DEROGADO
    assert estatuto.provision("57, fracción IX", "2024-01-01").text == FRACCIONES_57["ix"]
    shorter = Document(TITLE, amended_document()[0].provisions[:1])
    with store.transaction(engine) as conn:
        store.apply_new_version(conn, estatuto.id, shorter, [], date(2025, 1, 1))
    gone = "no está en el texto vigente .*dejó de estarlo el 1 de enero de 2025"
    with pytest.raises(NotInForce, match=gone):
        estatuto.provision("57")
    assert estatuto.provision("57", "2024-12-31").label == "art_57"


def test_a_container_is_rebuilt_from_its_articles(tracker: Store) -> None:
    estatuto = tracker.document("imss")
    chapter = estatuto.at("capítulo 7", "2024-06-01")
    assert [c.label for c in chapter.provision.children] == ["cap_7__sec_1", "cap_7__sec_2"]
    assert "Integrar el padrón de proveedores;" in chapter.text
    assert [v.valid_from for v in estatuto.history("capítulo 7")] == [BASE_DAY, DECREE_DAY]
    assert estatuto.text("2024-01-01").provisions == base_document().provisions
    assert estatuto.text().provisions == amended_document()[0].provisions


def test_diff_between_two_dates(tracker: Store) -> None:
    comparison = tracker.document("imss").diff("57", "2024-01-01", "2024-06-01")
    assert comparison.changed
    assert (DiffOp.INSERT, "y supervisar ") in comparison.diff or any(
        op is DiffOp.INSERT and "supervisar" in piece for op, piece in comparison.diff)
    assert [c.label for c in comparison.changes] == ["art_57__frac_iv", "art_57__frac_iv-bis",
                                                     "art_57__frac_ix"]
    same = tracker.document("imss").diff("57, fracción I", "2024-01-01", "2024-06-01")
    assert not same.changed and same.changes == ()
    new = tracker.document("imss").diff("57 Bis", "2024-01-01", "2024-06-01")
    assert new.before is None and new.after is not None


def test_change_log_filters(tracker: Store) -> None:
    everything = tracker.changes()
    assert [c.label for c in everything] == ["art_57__frac_iv", "art_57__frac_iv-bis", "art_57__frac_ix",
                                             "cap_7__sec_2", "art_57-bis"]
    assert all(c.date == DECREE.date and c.valid_from == DECREE_DAY for c in everything)
    assert [c.reconciled for c in everything] == [True, True, True, True, False]
    assert tracker.changes(since="2024-05-15", until="2024-05-15") == everything
    assert tracker.changes(since="2024-05-16") == ()
    assert tracker.changes(until=date(2024, 5, 14)) == ()
    assert [c.label for c in tracker.changes(type="derogated")] == ["art_57__frac_ix"]
    assert tracker.changes(document="reglamento") == ()
    assert tracker.document("imss").changes(type=ChangeType.ADDED) == tracker.changes(type="added")
    entry = everything[2]
    assert repr(entry).startswith("<ChangeEntry 2024-05-15 derogated artículo 57, fracción IX in ")
    data = entry.to_json()
    assert {k: data[k] for k in ("label", "type", "from_label", "before", "after")} == {
        "label": "art_57__frac_ix", "type": "derogated", "from_label": None,
        "before": FRACCIONES_57["ix"], "after": "Se deroga."}
    assert {k: data["notice"][k] for k in ("codigo", "date", "edition", "title", "url")} == {
        "codigo": "5727035", "date": "2024-05-15", "edition": "MAT", "title": DECREE.title,
        "url": DECREE.url}
    assert everything[0].to_json()["diff"] == [["=", "Administrar "], ["+", "y supervisar "],
                                               ["=", "los almacenes del organismo;"]]


def test_notices(tracker: Store) -> None:
    assert tracker.notices() == (DECREE,)
    assert tracker.notices(on="2024-05-15", kind="amends") == (DECREE,)
    assert tracker.notices(since="2024-05-16") == ()
    with pytest.raises(InputError, match="clase de aviso desconocida"):
        tracker.notices(kind="decree")


def test_bad_inputs_are_input_errors(tracker: Store) -> None:
    with pytest.raises(InputError, match="tipo de cambio desconocido: 'deleted'"):
        tracker.changes(type="deleted")
    with pytest.raises(InputError, match="since: se esperaba una fecha AAAA-MM-DD"):
        tracker.changes(since="15/05/2024")
    with pytest.raises(CitationError, match='no se entiende "de" en "el de los insumos"'):
        tracker.document("imss").history("el de los insumos")


def test_open_store_on_a_url(db_url: str) -> None:
    with store.open_store(db_url) as tracker:
        assert tracker.documents() == ()
        assert "***" not in tracker.url and repr(tracker).startswith("<Store ")


def test_enye_and_n_are_two_provisions_in_the_store(engine: Engine) -> None:
    """Artículo 353-Ñ is art_353-nn, next to art_353-n (DESIGN §1.2), and citations find each."""
    text = ("LEY FEDERAL DEL TRABAJO\n\nArtículo 353-N.- Sindicatos universitarios.\n\n"
            "Artículo 353-Ñ.- Los sindicatos de las universidades.\n\n"
            "Artículo 353-O.- Disposiciones del capítulo.\n")
    with store.transaction(engine) as conn:
        store.register_document(conn, "Ley Federal del Trabajo", parse_statute(text), BASE_DAY)
    ley = Store(engine).document("Ley Federal del Trabajo")
    assert ley.at("artículo 353-Ñ", BASE_DAY).label == "art_353-nn"
    assert "universidades" in ley.at("353 Ñ", BASE_DAY).text
    assert "universitarios" in ley.at("353-N", BASE_DAY).text
    assert ley.history("353-Ñ")[-1].citation == "artículo 353-Ñ"
