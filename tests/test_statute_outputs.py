"""The parser's outputs on every real sample, pinned: speed work must not change a single byte.

``fixtures/statutes/real_samples.outputs.json`` holds, per real sample, a sha256 of the
classified lines (every field of every ``Line``, which amendment parsing builds on), a sha256 of
``Document.to_json()``, a sha256 of every node's label, Merkle ``digest`` and ``own_digest``, and
the node count; or the error the sample is refused with. It was written by the parser as it
stood before the speed-ups, so equal hashes mean identical trees, texts and digests. A deliberate
change of output is recorded with ``pytest --update-golden`` and reviewed like any golden file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from errors import TrackerError
from parser import (
    Annotation,
    Document,
    Kind,
    Line,
    LineKind,
    Provision,
    Status,
    classify_lines,
    comparable_text,
    decode_bytes,
    read_statute,
)
from parser.line_values import fast_line
from parser.model import make_provision

STORED = Path(__file__).resolve().parent.parent / "fixtures" / "statutes" / "real_samples.outputs.json"


def _inputs(samples: Path) -> list[Path]:
    return [*sorted((samples / "consolidated").glob("*.txt")), *sorted((samples / "texts").glob("*")),
            *sorted((samples / "dof-web").glob("nota_*.html")),
            *sorted((samples / "sidof-web").glob("*docFuente*.html")),
            *sorted((samples / "api-json").glob("*.txt"))]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _tree(document: Document) -> dict[str, object]:
    nodes = [f"{p.label} {p.digest} {p.own_digest}" for p in document.walk()]
    return {"json": _sha(json.dumps(document.to_json(), ensure_ascii=False, sort_keys=True)),
            "digests": _sha("\n".join(nodes)), "nodes": len(nodes)}


def _outputs(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    out: dict[str, object] = {
        "lines": _sha("\n".join(repr(line) for line in classify_lines(decode_bytes(data))))}
    try:
        out.update(_tree(read_statute(data, path.name)))
    except TrackerError as error:
        out["error"] = f"{type(error).__name__}: {error}"
    return out


def test_outputs_on_real_samples_are_unchanged(samples: Path, update_golden: bool) -> None:
    found = {path.name: _outputs(path) for path in _inputs(samples)}
    if update_golden or not STORED.exists():
        STORED.write_text(json.dumps(found, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                          encoding="utf-8")
        pytest.fail(f"{STORED.name} written; review it and run again")
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    assert sorted(found) == sorted(stored)
    for name, outputs in found.items():
        assert outputs == stored[name], name
    assert sum(1 for outputs in found.values() if "nodes" in outputs) >= 8  # trees, not only refusals


def test_digest_is_the_merkle_hash_of_the_tree(samples: Path) -> None:
    """Every digest is sha256 over the node's comparable fields and its children's labels and
    digests, as stored versions were hashed; computed here from scratch, independently."""
    path = next((samples / "consolidated").glob("LAmp_*.txt"))
    document = read_statute(path.read_bytes(), path.name)

    def expected(node: Provision) -> str:
        h = hashlib.sha256()
        for value in (node.kind, node.number, comparable_text(node.heading),
                      comparable_text(node.text), node.status):
            h.update(str(value).encode() + b"\x1f")
        for child in node.children:
            h.update(child.label.encode() + expected(child).encode())
        return h.hexdigest()[:32]

    for top in document.provisions:
        assert top.digest == expected(top)
    article = document.index()["art_1"]
    assert article.children
    assert article.own_digest == expected(Provision(article.label, article.kind, article.number,
                                                    article.heading, article.text, article.status))


def test_digest_is_kept_without_changing_equality() -> None:
    """The digest is computed on first use and memoised; equality, hashing and ``replace`` ignore
    the memo, so a tree whose digests were read equals and hashes like a fresh one."""
    def tree() -> Provision:
        fraccion = Provision("art_5__frac_i", Kind.FRACCION, "I", text="Primera;")
        return Provision("art_5", Kind.ARTICULO, "5", children=(
            Provision("art_5__par_1", Kind.PARRAFO, "1", text="Texto:"), fraccion))

    read, fresh = tree(), tree()
    first = read.digest
    assert read.digest == first == fresh.digest
    assert read == tree() and hash(read) == hash(tree())
    assert {read, fresh} == {fresh}
    changed = replace(read, children=read.children[:1])
    assert changed.digest != first
    assert changed.digest == Provision("art_5", Kind.ARTICULO, "5", children=read.children[:1]).digest
    assert "digest" not in repr(read)


def test_fast_constructors_make_equal_values() -> None:
    """The parser builds Lines and Provisions by setting their slots directly (see ``fast_line`` and
    ``make_provision``); what they make must be indistinguishable from the dataclass constructors'."""
    fast = fast_line(LineKind.FRACCION, "Texto;", "III", Kind.FRACCION, False, True, "III. Texto;", 7)
    slow = Line(LineKind.FRACCION, "Texto;", "III", Kind.FRACCION, elided=False, derogated=True,
                raw="III. Texto;", lineno=7)
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    note = (Annotation("reformado", ()),)
    child = make_provision("art_1__par_1", Kind.PARRAFO, "1", "", "Uno.", Status.VIGENTE, (), ())
    fast_tree = make_provision("art_1", Kind.ARTICULO, "1", "", "", Status.DEROGADO, note, (child,))
    slow_tree = Provision("art_1", Kind.ARTICULO, "1", "", "", Status.DEROGADO, note,
                          (Provision("art_1__par_1", Kind.PARRAFO, "1", text="Uno."),))
    assert fast_tree == slow_tree and hash(fast_tree) == hash(slow_tree)
    assert fast_tree.digest == slow_tree.digest and fast_tree.own_digest == slow_tree.own_digest
