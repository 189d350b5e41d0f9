"""What sync and run print for people: one Spanish line per edition and a summary."""

from __future__ import annotations

from datetime import date

from gazette import Edition
from pipeline import EditionResult, SyncReport
from report.runs import edition_line, sync_summary
from store import RunStatus

DAY = date(2024, 5, 15)


def test_each_state_of_an_edition_reads_in_spanish() -> None:
    counts = {"published": 1, "notices": 8, "amendments_applied": 1, "changes": 14, "findings": 1}
    assert edition_line(EditionResult(DAY, Edition.MAT, RunStatus.OK, counts)) == \
        "15/05/2024 matutina: leída; 8 avisos, 1 reforma aplicada, 14 cambios, 1 hallazgo"
    assert edition_line(EditionResult(DAY, Edition.VES, RunStatus.OK, {"published": 0})) == \
        "15/05/2024 vespertina: sin publicación (se buscará de nuevo)"
    settled = EditionResult(DAY, Edition.EXT, RunStatus.OK, {"published": 0, "checkpointed": 1})
    assert edition_line(settled) == "15/05/2024 extraordinaria: sin publicación"
    assert edition_line(EditionResult(DAY, Edition.MAT, RunStatus.NOOP, {})) == \
        "15/05/2024 matutina: ya leída"
    assert edition_line(EditionResult(DAY, Edition.MAT, RunStatus.FAILED, {}, "sin respuesta")) == \
        "15/05/2024 matutina: falló (se reintenta en la próxima ejecución): sin respuesta"
    attention = EditionResult(DAY, Edition.MAT, RunStatus.NEEDS_ATTENTION, {}, reasons=("a", "b"))
    assert edition_line(attention) == "15/05/2024 matutina: necesita atención (2): a; b"


def test_the_summary_counts_what_happened() -> None:
    results = (EditionResult(DAY, Edition.MAT, RunStatus.OK, {"published": 1, "changes": 1}),
               EditionResult(DAY, Edition.VES, RunStatus.NOOP, {}),
               EditionResult(DAY, Edition.EXT, RunStatus.FAILED, {}, "x"))
    assert sync_summary(SyncReport(results, 2.04)) == \
        "3 ediciones en 2.0 s: 1 revisadas, 1 ya leídas, 1 fallaron; 1 cambio"
