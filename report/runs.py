"""What a sync or a nightly pass says to the person who ran it, in Spanish: one line per edition
and a summary. The run records and the logs keep ``EditionResult.line`` (English, for operators)."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline import EditionResult, SyncReport
from pipeline.digests import DigestOutcome, DigestStatus
from store import RunStatus

from .words import edition_word, plural, short_date

# the counts worth a reader's attention, in the order they are told
_COUNTS = (("notices", "aviso", "avisos"), ("amendments_applied", "reforma aplicada", "reformas aplicadas"),
           ("changes", "cambio", "cambios"), ("documents_registered", "documento registrado",
                                              "documentos registrados"),
           ("instructions_unapplied", "instrucción sin aplicar", "instrucciones sin aplicar"),
           ("errata", "fe de erratas", "fe de erratas"), ("problems", "problema", "problemas"),
           ("findings", "hallazgo", "hallazgos"))

NOTHING_TO_DO = "nada que hacer: cada edición desde el inicio del seguimiento ya está leída"


def edition_line(result: EditionResult) -> str:
    """'15/05/2024 matutina: leída; 8 avisos, 1 reforma aplicada, 14 cambios'."""
    head = f"{short_date(result.day)} {edition_word(result.edition)}"
    if result.status is RunStatus.FAILED:
        return f"{head}: falló (se reintenta en la próxima ejecución): {result.error}"
    if result.status is RunStatus.NEEDS_ATTENTION:
        return f"{head}: necesita atención ({len(result.reasons)}): " + "; ".join(result.reasons)
    if result.status is RunStatus.NOOP:
        return f"{head}: ya leída"
    if not result.counts.get("published", 1):
        again = "" if result.counts.get("checkpointed") else " (se buscará de nuevo)"
        return f"{head}: sin publicación{again}"
    told = [plural(result.counts[key], one, many) for key, one, many in _COUNTS if result.counts.get(key)]
    return f"{head}: leída; " + (", ".join(told) or "nada nuevo")


def warning_line(warning: str) -> str:
    return f"advertencia: {warning}"


def notify_text(report: SyncReport) -> str:
    """What ``--notify-command`` reads on stdin: the summary, each edition that failed or needs
    attention, and each new warning with its edition."""
    lines = [sync_summary(report)]
    lines += [edition_line(r) for r in report.results
              if r.status in (RunStatus.FAILED, RunStatus.NEEDS_ATTENTION)]
    lines += [warning_line(f"{short_date(r.day)} {edition_word(r.edition)}: {w}")
              for r in report.results for w in r.warnings]
    return "\n".join(lines) + "\n"


def sync_summary(report: SyncReport) -> str:
    """'15 ediciones en 2.1 s: 15 revisadas, 0 ya leídas, 0 fallaron; 14 cambios'."""
    ok = sum(1 for r in report.results if r.status is RunStatus.OK)
    noop = sum(1 for r in report.results if r.status is RunStatus.NOOP)
    changes = sum(r.counts.get("changes", 0) for r in report.results)
    attention = f"{len(report.attention)} necesitan atención, " if report.attention else ""
    return (f"{plural(len(report.results), 'edición', 'ediciones')} en {report.seconds:.1f} s: "
            f"{ok} revisadas, {noop} ya leídas, {attention}{len(report.failed)} fallaron; "
            f"{plural(changes, 'cambio')}")


def digest_line(outcome: DigestOutcome) -> str:
    """'ana: 3 cambios enviados a ana@example.mx', 'luis: sin cambios', 'marta: sin dirección de correo'."""
    head, status = f"{outcome.user}:", outcome.status
    if status is DigestStatus.SENT:
        return f"{head} {plural(outcome.changes, 'cambio enviado', 'cambios enviados')} a {outcome.email}"
    if status is DigestStatus.PRINTED:
        return f"{head} {plural(outcome.changes, 'cambio')} para {outcome.email} (no se envió: --print)"
    if status is DigestStatus.FAILED:
        return f"{head} no se envió (se reintenta en la próxima ejecución): {outcome.error}"
    return f"{head} {_DIGEST_WORDS[status]}"


def undelivered_text(outcomes: Sequence[DigestOutcome]) -> str:
    """What ``--notify-command`` reads when digests were not delivered: how many, then each one's line."""
    undelivered = [o for o in outcomes if o.status is DigestStatus.FAILED]
    head = plural(len(undelivered), "resumen no se envió; se reintenta",
                  "resúmenes no se enviaron; se reintentan")
    return "\n".join([f"{head} en la próxima ejecución",
                      *(digest_line(o) for o in undelivered)]) + "\n"


_DIGEST_WORDS = {DigestStatus.NO_CHANGES: "sin cambios", DigestStatus.NO_ADDRESS: "sin dirección de correo",
                 DigestStatus.ALREADY_SENT: "ya recibió el resumen de hoy"}


__all__ = ["NOTHING_TO_DO", "digest_line", "edition_line", "notify_text", "sync_summary", "undelivered_text",
           "warning_line"]
