"""Two complete real decrees (DOF 1 April 2024, marker-converted Markdown in ../shared/dof-samples)
applied to base texts we reconstructed as a lawyer would (fixtures/amendments/).

Done when: every instruction the operative clause gives is listed (the renumbering of the
"actual V" to VI included) and the text changes match them with no discrepancy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diffing import AmendmentOutcome, ChangeType, amend
from parser import Verb, parse_statute

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "amendments"


def demarkdown(text: str) -> str:
    """Marker's Markdown back to DOF plain text: bold, headings, bullets, page breaks, tables.

    A table row becomes one line of its cells; the running page header the converter caught in
    a table ("| 6 | DIARIO OFICIAL | Lunes 1 de abril de 2024 |") is page furniture and goes.
    """
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if re.fullmatch(r"\{\d+\}-*", line):
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if all(re.fullmatch(r":?-+:?", c) for c in cells if c) or \
                    any("DIARIO OFICIAL" in c for c in cells):
                continue
            line = " ".join(c for c in cells if c).replace("<br>", " ")
        line = re.sub(r"^(?:#+\s*|[-*]\s+)+", "", line).replace("**", "")
        line = " ".join(line.split())
        if line:
            out.append(line)
    return "\n".join(out) + "\n"


def run(samples: Path, sample: str, base: str) -> AmendmentOutcome:
    text = demarkdown((samples / "texts" / sample).read_text(encoding="utf-8"))
    document = parse_statute((FIXTURES / base).read_text(encoding="utf-8"))
    return amend(document, text)


CULTURA = ("DOF_2024-04-01_MAT_SEP_DECRETO_reforma-adiciona-deroga_Reglamento_Ley_General_"
           "Cultura_Fisica_Deporte.marker.md")


@pytest.fixture(scope="module")
def cultura(samples: Path) -> AmendmentOutcome:
    return run(samples, CULTURA, "reglamento_cultura_fisica_deporte_base.txt")


def test_cultura_every_instruction(cultura: AmendmentOutcome) -> None:
    got = [(str(i.verb), i.target, i.new_label) for i in cultura.instructions]
    assert got == [
        ("reforma", "art_2__frac_iv", None),
        ("reforma", "art_2__frac_v", "art_2__frac_vi"),     # "actual V", now VI
        ("reforma", "art_82", None),
        ("reforma", "art_84", None),
        ("adiciona", "art_2__frac_v", None),
        ("renumera", "art_2__frac_v", "art_2__frac_vi"),    # "recorriéndose … la actual V"
        ("adiciona", "art_84-bis", None),
        ("adiciona", "art_84-ter", None),
        ("adiciona", "art_84-quater", None),
        ("adiciona", "art_84-quintus", None),
        ("adiciona", "art_84-sextus", None),
        ("deroga", "art_83", None),
    ]
    assert cultura.document == "Reglamento de la Ley General de Cultura Física y Deporte"


def test_cultura_changes_match(cultura: AmendmentOutcome) -> None:
    got = [(str(c.type), c.label, c.from_label) for c in cultura.changes]
    assert got == [
        ("modified", "art_2__frac_iv", None),
        ("added", "art_2__frac_v", None),
        ("renumbered", "art_2__frac_vi", "art_2__frac_v"),
        ("modified", "art_82__par_1", None),
        ("derogated", "art_83", None),
        ("modified", "art_84__par_1", None),
        ("added", "art_84-bis", None),
        ("added", "art_84-ter", None),
        ("added", "art_84-quater", None),
        ("added", "art_84-quintus", None),
        ("added", "art_84-sextus", None),
    ]
    assert cultura.discrepancies == ()


def test_cultura_new_text(cultura: AmendmentOutcome) -> None:
    index = cultura.new.index()
    assert index["art_2__frac_vi"].text.startswith("Reglas de operación: Conjunto de disposiciones "
                                                   "normativas")
    assert index["art_2__frac_i"].text.startswith("CONADE")        # "I. a III. ..." kept
    article = cultura.new.provisions[1].children[0]
    order = [c.label for c in article.children]
    assert order == ["art_82", "art_83", "art_84", "art_84-bis", "art_84-ter", "art_84-quater",
                     "art_84-quintus", "art_84-sextus", "art_85"]
    assert index["art_84-bis__frac_ii__inc_e"].text.startswith("Estado de cuenta bancaria")
    assert cultura.entry_into_force.kind == "day_after_publication"
    renumbered = next(c for c in cultura.changes if c.type is ChangeType.RENUMBERED)
    assert renumbered.before != renumbered.after                   # reformed as well as moved


def test_cultura_verbs_cover_title(cultura: AmendmentOutcome) -> None:
    # "se reforman, adicionan y derogan": all three verbs appear in the instructions
    assert {i.verb for i in cultura.instructions} >= {Verb.REFORMA, Verb.ADICIONA, Verb.DEROGA}


REGISTRO = ("DOF_2024-04-01_MAT_SHCP_DECRETO_reforma-adiciona-deroga_Reglamento_Registro_Publico_"
            "Unico.marker.md")


@pytest.fixture(scope="module")
def registro(samples: Path) -> AmendmentOutcome:
    return run(samples, REGISTRO, "reglamento_registro_publico_unico_base.txt")


def test_registro_every_instruction(registro: AmendmentOutcome) -> None:
    got = {(str(i.verb), i.target, i.new_label) for i in registro.instructions}
    assert len(registro.instructions) == 118
    assert {
        ("reforma", "art_2__par_1", None),
        ("reforma", "art_2__frac_xii", None),
        ("reforma", "cap_4", None),                           # "la denominación del CAPÍTULO IV"
        ("reforma", "art_25__frac_i", None),                  # "fracción I, primer párrafo"
        ("reforma", "art_25__frac_i__par_2", None),           # "… incisos e), f), y g) y segundo párrafo"
        ("reforma", "art_25__frac_ii__inc_c__num_2", None),
        ("reforma", "art_25__frac_ii__inc_f", None),          # incisos d) a f) of II, not of numeral 2
        ("reforma", "art_25__par_2", None),                   # "fracción XI, y segundo párrafo"
        ("reforma", "art_27__par_3", "art_27__par_2"),        # "tercer párrafo, que pasa a ser el segundo"
        ("renumera", "art_27__par_3", "art_27__par_2"),
        ("reforma", "art_33__par_2", None),                   # II's 2nd paragraph = the article's
        ("reforma", "art_41__par_2", None),                   # "penúltimo", read against the base
        ("reforma", "art_41__par_3", None),                   # "último"
        ("adiciona", "art_28__frac_ii__par_2", None),
        ("adiciona", "art_41__frac_ii", None),
        ("adiciona", "art_48__par_3", None),
        ("deroga", "art_25__frac_vi__par_3", None),
        ("deroga", "art_27__par_2", None),
        ("deroga", "art_30__par_2", None),
    } <= got


def test_registro_changes_match(registro: AmendmentOutcome) -> None:
    assert registro.discrepancies == ()


def test_registro_article_26_ellipsis_follows_the_clause(registro: AmendmentOutcome) -> None:
    # Article 26's body shows "XI. y XII. …", then "…", then the new "Asimismo, …" paragraph,
    # which the clause calls the "segundo párrafo": the bare "…" is the fracciones' tail, not a
    # paragraph of the article (tests/test_amend_ellipsis.py has both readings).
    by_label = {(c.label, str(c.type)): c for c in registro.changes}
    second = by_label[("art_26__par_2", "modified")]
    assert second.after is not None and second.after.startswith("Asimismo, la persona solicitante")
    assert not [c for c in registro.changes if c.label == "art_26__par_3"]


def test_registro_paragraph_renumbering(registro: AmendmentOutcome) -> None:
    by_label = {(c.label, str(c.type)): c for c in registro.changes}
    moved = by_label[("art_27__par_2", "renumbered")]
    assert moved.from_label == "art_27__par_3"
    assert moved.after is not None and moved.after.startswith("Asimismo, las reservas")
    assert ("art_27__par_2", "derogated") in by_label
    assert ("art_27__par_3", "added") in by_label
    assert by_label[("art_41__par_4", "renumbered")].from_label == "art_41__par_3"
    heading = by_label[("cap_4", "modified")]
    assert heading.after == "Obligaciones de la Persona Solicitante Autorizada"


def test_registro_transitorios(registro: AmendmentOutcome) -> None:
    assert [t.number for t in registro.transitorios] == [1, 2, 3, 4, 5, 6]
    assert registro.entry_into_force.kind == "day_after_publication"
    assert registro.transitorios[3].text.startswith("La Secretaría de Hacienda y Crédito Público "
                                                    "tiene un plazo de 180 días naturales")
