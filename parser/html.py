"""The HTML of a DOF note -> its title and its text, one paragraph per line.

Notes are Word exports (dof-source.md §4): ``h1.Titulo_1`` title (in ``<span>`` fragments split
at line breaks, sometimes mid-word: "P</span><span>A</span><span>Z"), ``h2.Titulo_2`` seal line,
``div.Texto`` / ``p`` paragraphs, centred ``div.ANOTACION`` headings (TRANSITORIOS, CAPÍTULO I),
tables with per-cell styles, and in older notes ``<p align="justify"><font ...>``. A
``nota_detalle.php`` page wraps the note as a complete nested document inside
``div#DivDetalleNota``, followed by the site's disclaimer; only the inner document is the note.

Deep nesting is read whole or refused, never cut: libxml2 stops building the tree at 256
levels (2,048 with ``huge_tree``, which we ask for) and silently drops everything past it, so a
resource limit in its error log fails the parse with the line it happened at. The tree is walked
with an explicit stack, not recursion.

Paragraphs come out separated by a blank line. A table comes out one row per line as
``| cell | cell |`` so it stays a table; a row whose first cell is a unit marker ("VI.", "a)")
is a unit laid out as a table and comes out as ordinary text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from errors import InputError

_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table",
                     "blockquote", "pre", "center", "dd", "dt", "dl", "section", "article",
                     "header", "footer", "tr", "tbody", "thead", "form", "body", "html"})
_SKIP = frozenset({"script", "style", "head", "title", "noscript", "iframe", "button", "select"})
_SPACE = re.compile(r"\s+")
_MARKER_CELL = re.compile(r"(?:[IVXL]+(?:\s+Bis)?|\d{1,3})\s*[.)-]{1,2}|[a-zñ]\)")
_INNER_DOC = re.compile(r"<html\b.*?</html\s*>", re.IGNORECASE | re.DOTALL)
_HTML_SNIFF = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html|<head\b|<body\b"
                         r"|<(?:div|p|h1|table)\b[^>]*>)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when the text is markup (a page, a note body or a fragment of one)."""
    return _HTML_SNIFF.match(text[:2048]) is not None or (
        "<html" in text[:4096].lower() and "</" in text)


def _note_document(text: str) -> str:
    """The note itself: the inner <HTML> of a nota_detalle page, else the whole text."""
    marker = text.find("DivDetalleNota")
    if marker >= 0:
        inner = _INNER_DOC.search(text, marker)
        if inner is not None:
            return inner.group()
        raise InputError("la página del DOF no tiene el documento de la nota dentro de DivDetalleNota "
                         "(¿está cortada?)")
    lowered = text.lower()
    if "<html" in lowered and "</html" not in lowered:
        raise InputError("el HTML está cortado: le falta el </html> de cierre")
    return text


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _block_holders(root: etree._Element) -> set[etree._Element]:
    """Every element with a block element below it (one upward walk per block, each ancestor
    visited once: linear however deep the page is)."""
    holders: set[etree._Element] = set()
    for element in root.iter():
        if _tag(element) not in _BLOCKS:
            continue
        parent = element.getparent()
        while parent is not None and parent not in holders:
            holders.add(parent)
            parent = parent.getparent()
    return holders


def _inline_text(element: etree._Element) -> str:
    """Text of an inline run, with <br> as a space and scripts left out."""
    parts: list[str] = []
    for node in element.iter():
        tag = _tag(node)
        if tag in _SKIP or not tag:
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        if tag == "br":
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _table_lines(table: etree._Element) -> Iterator[str]:
    for row in table.iter("tr"):
        cells = [_clean(_inline_text(cell)) for cell in row if _tag(cell) in ("td", "th")]
        cells = [cell for cell in cells if cell]
        if not cells:
            continue
        if len(cells) > 1 and _MARKER_CELL.fullmatch(cells[0]):
            yield " ".join(cells)
        else:
            yield "| " + " | ".join(cells) + " |"


def _blocks(root: etree._Element) -> Iterator[str]:
    """Paragraph texts (and table blocks) under ``root`` in document order, without recursion."""
    holders = _block_holders(root)
    stack = [_element_blocks(root, holders)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, str):
            yield item
        else:
            stack.append(_element_blocks(item, holders))


def _element_blocks(element: etree._Element,
                    holders: set[etree._Element]) -> Iterator[str | etree._Element]:
    """The texts of ``element`` itself, and in their place the children to descend into."""
    tag = _tag(element)
    if tag in _SKIP or not tag:
        return
    if tag == "table":
        rows = list(_table_lines(element))
        if rows:
            yield "\n".join(rows)
        return
    if tag in _BLOCKS and element not in holders:
        text = _clean(_inline_text(element))
        if text:
            yield text
        return
    run: list[str] = [element.text or ""]
    for child in element:
        child_tag = _tag(child)
        if child_tag in _BLOCKS or child_tag in _SKIP:
            text = _clean("".join(run))
            if text:
                yield text
            run = []
            yield child
        elif child_tag:
            run.append(_inline_text(child))
        run.append(child.tail or "")
    text = _clean("".join(run))
    if text:
        yield text


def _title(root: etree._Element) -> str:
    for node in root.iter("h1"):
        if "Titulo_1" in (node.get("class") or ""):
            return _clean(_inline_text(node))
    titles = [_clean(t.text_content()) for t in root.iter("title")]
    titles = [t for t in titles if t and not t.startswith("DOF - Diario Oficial")]
    if titles:
        return titles[-1]
    for node in root.iter("h1"):
        return _clean(_inline_text(node))
    return ""


def _parse(document: str) -> etree._Element:
    """The page's tree, however deep; ``InputError`` if libxml2 had to drop any of it."""
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root: etree._Element = lxml.html.document_fromstring(document, parser=parser)
    except (etree.ParserError, ValueError):
        raise InputError("el HTML no se puede leer") from None
    limits = [e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:
        raise InputError(f"el HTML pasa un límite del lector en la línea {limits[0].line}: se rechaza "
                         "en lugar de leerlo en parte")
    return root


def html_to_text(html: str) -> tuple[str, str]:
    """(title, text) of a DOF note page or body; paragraphs separated by blank lines."""
    root = _parse(_note_document(html))
    title = _title(root)
    body = root.find("body")
    paragraphs = list(_blocks(body if body is not None else root))
    if not paragraphs:
        raise InputError("el HTML no tiene texto")
    return title, "\n\n".join(paragraphs) + "\n"


__all__ = ["html_to_text", "looks_like_html"]
