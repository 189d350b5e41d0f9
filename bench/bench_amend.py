"""Change records for a ~3,000-article code with 2 % of its articles changed, next to
whole-document diff-match-patch diffs of the same pair, in the same run.

    .venv/bin/python bench/bench_amend.py [--rounds 5] [--articles 3000] [--seed 0] [--slow]

The base is ``bench.synthetic.generate_code`` parsed by ``parse_statute``; the new version
changes 2 % of the articles the way decrees do (a word substitution, a sentence added to a
paragraph, a fracción derogated, an article derogated, a new "Bis" article). Both versions are
rendered back to text with ``parser.render.render_document`` so the whole-document diffs see
the same pair. Medians of interleaved rounds:

* records: ``diffing.changes_between(old, new)`` - digest walk plus a word-level redline per
  changed provision (what the store keeps);
* parse+records: both texts parsed, then the records (the cost from text, for reference);
* whole, words: the same deterministic word-level redline over the whole document at once
  (the only whole-document diff with the same output granularity);
* whole, lines+chars: ``checklines=True`` character diff of the whole document (locates
  changes, gives no provision labels and no word-level redline);
* with ``--slow``: the pure-Python engine on the whole document (``Diff_Timeout=0``).

Targets (issue #3): records under 0.5 s, and at least 10x faster than the whole-document diff.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import generate_code  # noqa: E402
from diffing import changes_between, redline  # noqa: E402
from diffing.text import ENGINE_NAME, python_engine, whole_text_diff  # noqa: E402
from parser import Document, Kind, Provision, Status, parse_statute  # noqa: E402
from parser.render import render_document  # noqa: E402

_SUBSTITUTIONS = [("La autoridad fiscal", "La autoridad hacendaria"), ("deberá", "estará obligada a"),
                  ("Los particulares", "Las personas particulares"), ("podrá", "deberá")]


def _change_article(article: Provision, rng: random.Random, kind: int) -> Provision:
    """One decree-like change to an article (``kind`` picks which)."""
    if kind == 0:                                  # the whole article derogated
        return Provision(article.label, article.kind, article.number, text="(Se deroga).",
                         status=Status.DEROGADO)
    fracciones = [c for c in article.children if c.kind is Kind.FRACCION]
    if kind == 1 and fracciones:                   # one fracción derogated
        target = rng.choice(fracciones)
        derogated = Provision(target.label, target.kind, target.number, text="Se deroga.",
                              status=Status.DEROGADO)
        children = tuple(derogated if c is target else c for c in article.children)
        return Provision(article.label, article.kind, article.number, children=children)
    paragraphs = [c for c in article.children if c.kind is Kind.PARRAFO and c.text]
    target = rng.choice(paragraphs or list(article.walk())[1:] or [article])
    text = target.text
    for old, new in _SUBSTITUTIONS:
        if old in text and kind == 2:
            text = text.replace(old, new, 1)
            break
    else:
        text = text + " Lo anterior, sin perjuicio de las demás disposiciones aplicables."
    return _replace(article, target.label, text)


def _replace(node: Provision, label: str, text: str) -> Provision:
    if node.label == label:
        return Provision(node.label, node.kind, node.number, node.heading, text, node.status,
                         node.annotations, node.children)
    return Provision(node.label, node.kind, node.number, node.heading, node.text, node.status,
                     node.annotations, tuple(_replace(c, label, text) for c in node.children))


def _new_bis(article: Provision) -> Provision:
    number = article.label.removeprefix("art_")
    label = f"art_{number}-quinquies"
    paragraph = Provision(f"{label}__par_1", Kind.PARRAFO, "1",
                          text="Las disposiciones de este artículo se aplicarán supletoriamente.")
    return Provision(label, Kind.ARTICULO, f"{article.number} Quinquies", children=(paragraph,))


def amended(base: Document, share: float, seed: int) -> tuple[Document, int]:
    """The base with ``share`` of its articles changed; returns the new version and the count."""
    rng = random.Random(seed)
    articles = [p for p in base.walk() if p.kind is Kind.ARTICULO and p.children]
    chosen = {a.label: i for i, a in enumerate(rng.sample(articles, int(len(articles) * share)))}

    def rebuild(node: Provision) -> tuple[Provision, ...]:
        if node.label in chosen:
            kind = chosen[node.label] % 5
            if kind == 4:
                return (node, _new_bis(node))
            return (_change_article(node, rng, kind),)
        children = tuple(c for child in node.children for c in rebuild(child))
        return (Provision(node.label, node.kind, node.number, node.heading, node.text,
                          node.status, node.annotations, children),)

    provisions = tuple(p for top in base.provisions for p in rebuild(top))
    return Document(base.title, provisions), len(chosen)


def _median(function: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--slow", action="store_true", help="also time the pure-Python engine")
    args = parser.parse_args(argv)

    base = parse_statute(generate_code(args.articles, args.seed))
    new, changed = amended(base, 0.02, args.seed)
    old_text, new_text = render_document(base), render_document(new)
    old_parsed, new_parsed = parse_statute(old_text), parse_statute(new_text)
    records = changes_between(old_parsed, new_parsed)
    print(f"code: {args.articles} articles, {len(old_text):,} -> {len(new_text):,} chars; "
          f"{changed} articles changed (2 %); {len(records)} change records; engine {ENGINE_NAME}")

    jobs: dict[str, Callable[[], object]] = {
        "records (changes_between)": lambda: changes_between(old_parsed, new_parsed),
        "parse+records": lambda: changes_between(parse_statute(old_text), parse_statute(new_text)),
        "whole, words (same redline)": lambda: redline(old_text, new_text),
        "whole, lines+chars": lambda: whole_text_diff(old_text, new_text),
    }
    if args.slow:
        engine = python_engine()
        jobs["whole, words, pure Python"] = lambda: redline(old_text, new_text, engine)
    results: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(args.rounds):                   # interleaved: noise hits all alike
        for name, job in jobs.items():
            results[name].append(_median(job, 1))
    medians = {name: statistics.median(values) for name, values in results.items()}
    records_time = medians["records (changes_between)"]
    for name, value in medians.items():
        ratio = value / records_time if records_time else float("inf")
        print(f"  {name:<30} {value * 1000:9.1f} ms   {ratio:6.1f}x records")
    word_ratio = medians["whole, words (same redline)"] / records_time
    print(f"target: records < 500 ms: {'yes' if records_time < 0.5 else 'NO'} "
          f"({records_time * 1000:.1f} ms); >= 10x faster than the whole-document word diff: "
          f"{'yes' if word_ratio >= 10 else 'NO'} ({word_ratio:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
