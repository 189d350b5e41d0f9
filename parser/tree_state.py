"""The state of ``parser.tree.Builder`` while it reads a statute's lines: what is open, what was read.

The builder's parts (``parser.tree``, ``parser.tree_prose``, ``parser.tree_notes``) share it:
the open containers, article and list items (``stack``), the node whose text was written last
(``holder``), the labels claimed and the line on which each opened, and the findings.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lines import Line, TopLevel
from .model import Finding
from .tree_nodes import Node
from .tree_rules import next_items


class BuilderState:
    """What ``Builder`` knows at each line (see the module docstring)."""

    def __init__(self, lines: Sequence[Line], top: TopLevel | None = None) -> None:
        self.lines = lines
        self.top_kind = top.kind if top is not None else None
        self.top_opens = top.opens if top is not None else frozenset()
        self.next_item = next_items(lines, self.top_opens)
        self.top: list[Node] = []
        self.containers: list[Node] = []
        self.article: Node | None = None
        self.stack: list[Node] = []       # open apartados / fracciones / incisos / numerales
        self.holder: Node | None = None   # the node whose text was written last
        self.awaiting_heading: Node | None = None
        self.labels: set[str] = set()
        self.started = False
        self.closed = False                # after a signature, prose is not law
        self.in_transitorios = False
        self.transitorios_seen = False
        self.findings: list[Finding] = []
        self.opened: dict[str, int] = {}   # label -> the input line on which the provision opened
        self.numbered_articles = False     # an "Artículo 5" was read: bare ordinals are prose
        self.epigraphs: bool | None = None  # decided at the first line that may be an epigraph
