"""Where a paragraph of prose goes in the tree being built: which open unit holds it.

A paragraph after a list item belongs to that item, to a list further up or to the article; the
next list item ahead decides (``parser.tree_rules.next_items``), and a table row goes on the
text written last.
"""

from __future__ import annotations

from .lines import Line, LineKind
from .model import Kind, Status
from .tree_nodes import Node, join_label
from .tree_rules import continues, ends_list, same_list
from .tree_state import BuilderState
from .vocabulary import is_derogation


class ProsePlacement(BuilderState):
    """The ``Builder``'s prose: paragraphs, headings awaited, table rows."""

    def prose(self, index: int, line: Line) -> None:
        if self.awaiting_heading is not None and line.kind is LineKind.PARAGRAPH:
            self.awaiting_heading.heading = line.text
            self.awaiting_heading = None
            return
        if not self.started or self.closed:
            return
        if line.kind is LineKind.TABLE and self.holder is not None:
            self.append_text(self.holder, line.text)
            return
        holder = self.paragraph_holder(index)
        if holder is None:
            return
        self.add_paragraph(holder, line.text, line.lineno)

    def paragraph_holder(self, index: int) -> Node | None:
        """Which open unit a paragraph belongs to, decided by the next list item ahead."""
        if self.article is None:
            return self.containers[-1] if self.containers else None
        if not self.stack:
            return self.article
        ahead = self.next_item[index]
        if ahead is None:
            self.stack.clear()
            return self.article
        kind = ahead.unit
        if self.stack[-1].inner:
            return self.stack[-1]  # an apartado inside a fracción holds párrafos until it closes
        if len(self.stack) > 1 and not same_list(self.stack[-1], kind, ahead.number) \
                and ends_list(self.stack[-2], self.stack[-1]):
            self.stack.pop()  # the list's last item ended: its párrafo after it is its parent's
        for position in range(len(self.stack) - 1, -1, -1):
            node = self.stack[position]
            if same_list(node, kind, ahead.number):
                if continues(node, ahead):
                    del self.stack[position + 1:]
                    return node
                del self.stack[position:]
                return self.stack[-1] if self.stack else self.article
        return self.stack[-1]

    def add_paragraph(self, holder: Node, text: str, lineno: int) -> None:
        holder.paragraphs += 1
        node = Node(join_label(holder.label, f"par_{holder.paragraphs}"), Kind.PARRAFO,
                     str(holder.paragraphs), text=text)
        if is_derogation(text):
            node.status = Status.DEROGADO
        self.labels.add(node.label)
        self.opened[node.label] = lineno
        holder.children.append(node)
        holder.last_paragraph = node
        self.holder = node

    @staticmethod
    def append_text(node: Node, text: str) -> None:
        node.text = f"{node.text}\n{text}" if node.text else text
