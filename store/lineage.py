"""A provision's lineage across renumbering: the rows of one provision, whatever its label then.

"fracción VI, antes V": a renumbered row keeps where it was (``from_label``), so the history of
fracción VI goes back to the versions of fracción V up to the revision that moved it, and the
history of a fracción that was moved on goes forward to its versions under the new label. One
label may also hold several provisions over time (a fracción V added where the old V moved
out): the rows of a label are cut into *identities* — a new one starts at a row that was added
or moved in, or after a gap — and a citation means the label's latest identity.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import Connection, select

from diffing.model import ChangeType

from . import schema as s
from .revision_reads import subtree_rows
from .tree import RowIndex, StoredRow

MAX_STEPS = 64  # renumberings followed each way (a guard against a cycle in bad data)

Lineage = list[tuple[RowIndex, StoredRow]]


def _identities(rows: Sequence[StoredRow], moved_out: Collection[int] = ()) -> list[list[StoredRow]]:
    """The rows of one label (oldest first) cut where another provision takes the label: a row
    added or moved in, one after a gap, or one from a revision that moved the label's provision
    away (``moved_out``)."""
    out: list[list[StoredRow]] = []
    for row in rows:
        arrived = row.change in (ChangeType.ADDED, ChangeType.RENUMBERED) or row.rev_from in moved_out
        if not out or arrived or out[-1][-1].rev_to != row.rev_from:
            out.append([row])
        else:
            out[-1].append(row)
    return out


def lineage(conn: Connection, document_id: int, label: str) -> Lineage:
    """Every version of the provision ``label`` names now, across renumbering, oldest first."""
    index = subtree_rows(conn, document_id, label)
    identities = _identities(index.versions(label), _moved_out(conn, document_id, label))
    if not identities:
        return []
    out: Lineage = [(index, row) for row in identities[-1]]
    for _ in range(MAX_STEPS):   # backwards: where the first version came from
        first = out[0][1]
        if first.change != ChangeType.RENUMBERED or not first.from_label:
            break
        before = subtree_rows(conn, document_id, first.from_label)
        moved = [i for i in _identities(before.versions(first.from_label),
                                        _moved_out(conn, document_id, first.from_label))
                 if i[-1].rev_to == first.rev_from]
        if not moved:
            break
        out[:0] = [(before, row) for row in moved[-1]]
    for _ in range(MAX_STEPS):   # forwards: where the last version went
        last = out[-1][1]
        if last.rev_to is None:
            break
        moved_to = _moved_to(conn, document_id, last)
        if moved_to is None:
            break
        after = subtree_rows(conn, document_id, moved_to)
        following = [i for i in _identities(after.versions(moved_to), _moved_out(conn, document_id, moved_to))
                     if i[0].rev_from == last.rev_to]
        if not following:
            break
        out.extend((after, row) for row in following[0])
    return out


def _moved_out(conn: Connection, document_id: int, label: str) -> set[int]:
    """The revisions that renumbered ``label``'s provision away."""
    pv = s.provision_version
    return {int(r) for r in conn.execute(select(pv.c.rev_from).where(
        pv.c.document_id == document_id, pv.c.from_label == label,
        pv.c.change == str(ChangeType.RENUMBERED))).scalars()}


def _moved_to(conn: Connection, document_id: int, row: StoredRow) -> str | None:
    """The label ``row``'s provision was renumbered to when its version ended, if it was."""
    pv = s.provision_version
    found = conn.execute(select(pv.c.label).where(
        pv.c.document_id == document_id, pv.c.from_label == row.label, pv.c.rev_from == row.rev_to,
        pv.c.change == str(ChangeType.RENUMBERED)).limit(1)).scalar()
    return str(found) if found is not None else None


__all__ = ["Lineage", "lineage"]
