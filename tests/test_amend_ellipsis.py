"""Which base unit a bare "…" stands for, when the body alone leaves two readings.

After "XI. y XII. …" a bare "…" may be the article's next paragraph or the elided fracciones'
own tail restated. The operative clause settles it when it names the paragraph that follows
(the Registro Público Único decree of 1 April 2024, article 26, has this shape); when it does
not, the default reading stands and any disagreement is reported, never guessed away.
"""

from __future__ import annotations

from diffing import ChangeType, amend
from parser import parse_statute

BASE = """REGLAMENTO de Pruebas
Artículo 26. La persona solicitante debe proporcionar lo siguiente:
I. La solicitud de inscripción;
II. El instrumento jurídico;
Párrafo de la fracción II que queda igual, y
III. La tabla de pagos.
Asimismo, el Solicitante Autorizado deberá entregar la información del artículo 48.
Artículo 27. Los gastos no deben rebasar el 0.15% del monto contratado.
"""

BODY = """ARTÍCULO ÚNICO.- Se REFORMAN los artículos 26, fracción I, {declared}; \
del Reglamento de Pruebas, para quedar como sigue:
Artículo 26. ...
I. La solicitud de inscripción generada en el sistema;
II. y III. ...
...
Asimismo, la persona solicitante autorizada debe entregar la información del artículo 48.
TRANSITORIO
ÚNICO.- El presente Decreto entrará en vigor al día siguiente de su publicación.
"""


def test_clause_naming_the_second_paragraph_reads_the_ellipsis_as_the_fracciones_tail() -> None:
    outcome = amend(parse_statute(BASE), BODY.format(declared="y segundo párrafo"))
    assert outcome.discrepancies == ()
    changes = {(c.label, c.type) for c in outcome.changes}
    assert changes == {("art_26__frac_i", ChangeType.MODIFIED),
                       ("art_26__par_2", ChangeType.MODIFIED)}
    (paragraph,) = [c for c in outcome.changes if c.label == "art_26__par_2"]
    assert paragraph.after is not None and paragraph.after.startswith("Asimismo, la persona")


def test_silent_clause_keeps_the_default_reading_and_reports_it() -> None:
    # Without the clause's word the "…" is the article's paragraph 2 (the base "Asimismo"),
    # so the restated "Asimismo" is a third paragraph nobody declared: reported.
    outcome = amend(parse_statute(BASE), BODY.format(declared="y fracción III"))
    found = {(str(d.kind), d.label) for d in outcome.discrepancies}
    assert ("undeclared_change", "art_26__par_3") in found
    assert ("unmatched_instruction", "art_26__frac_iii") in found


def test_clause_naming_the_third_paragraph_keeps_the_default_reading() -> None:
    # "se adiciona un tercer párrafo": the "…" is paragraph 2, the restated one a new third
    outcome = amend(parse_statute(BASE),
                    BODY.format(declared="se ADICIONA un tercer párrafo al artículo 26"))
    assert outcome.discrepancies == ()
    changes = {(c.label, c.type) for c in outcome.changes}
    assert ("art_26__par_3", ChangeType.ADDED) in changes
    assert ("art_26__par_2", ChangeType.MODIFIED) not in changes


def test_several_ellipses_on_one_line_each_keep_one_sibling() -> None:
    # "… … I. a III. … …" (a body printed from PDF): two párrafos, the fracciones, one párrafo
    base = parse_statute("DISPOSICIONES X\nDisposición 41.- Invitación restringida.\n"
                         "Primer párrafo.\nSegundo párrafo:\nI. Uno;\nII. Dos, y\nIII. Tres.\n"
                         "Tercer párrafo.\nCuarto párrafo.\nQuinto párrafo.\n")
    body = ("Se modifican las Disposiciones 41, cuarto párrafo de las Disposiciones X, para "
            "quedar como sigue:\nDisposición 41.- Invitación restringida.\n… … I. a III. … …\n"
            "Cuarto párrafo, nuevo.\n")
    outcome = amend(base, body)
    assert [(c.label, c.type) for c in outcome.changes] == [("art_41__par_4", ChangeType.MODIFIED)]
    assert outcome.discrepancies == ()


def test_a_lead_in_ellipsis_before_a_run_is_no_sibling() -> None:
    # "… III. y IV. …" right after fracción II's incisos: the "…" only leads into the run
    base = parse_statute("REGLAMENTO X\nArtículo 45. Se presentará:\nI. Uno;\nII. Dos:\n"
                         "a) Inciso a;\nb) Inciso b;\nIII. Tres;\nIV. Cuatro, y\nV. Cinco.\n")
    body = ("ARTÍCULO ÚNICO.- Se reforma el artículo 45, fracción V del Reglamento X, para "
            "quedar como sigue:\nArtículo 45. …\nI. y II. …\n… III. y IV. …\nV. Cinco, nueva.\n")
    outcome = amend(base, body)
    assert [(c.label, c.type) for c in outcome.changes] == [("art_45__frac_v", ChangeType.MODIFIED)]
    assert outcome.discrepancies == ()


def test_units_printed_without_their_ellipsis_stand_as_they_were() -> None:
    # "I." and "II." with nothing after them, and "IV. a V." with no ellipsis: unchanged units
    base = parse_statute("DISPOSICIONES X\nDisposición 45.- Justificación de excepciones.\n"
                         "La justificación contendrá:\nI. Uno;\nII. Dos;\nIII. Tres;\nIV. Cuatro;\n"
                         "V. Cinco, y\nVI. Seis.\nPárrafo final.\n")
    body = ("Se modifican las Disposiciones 45, fracción III y último párrafo de las "
            "Disposiciones X, para quedar como sigue:\nDisposición 45.- Justificación de "
            "excepciones.\n…\nI.\nII.\nIII. Tres, nueva;\nIV. a VI.\nPárrafo final, nuevo.\n")
    outcome = amend(base, body)
    assert {(c.label, c.type) for c in outcome.changes} == {
        ("art_45__frac_iii", ChangeType.MODIFIED), ("art_45__par_2", ChangeType.MODIFIED)}
    assert outcome.discrepancies == ()
