"""Statutes and amending instruments -> frozen provision trees and instructions.

Names are imported on first use (PEP 562 ``__getattr__``): ``from parser import Provision``
loads parser.model only, not the statute and clause grammars whose regular expressions take
most of a command's start-up (``dof-tracker at`` needs none of them).
"""

from typing import TYPE_CHECKING

from lazy import lazy_exports

if TYPE_CHECKING:
    from .amendments import (
        Amendment,
        OperativeArticle,
        parse_amendment,
        read_amendment_text,
        resolve_directives,
    )
    from .body import BodyUnit, Elision
    from .check import check_document
    from .citations import format_citation, parse_citation
    from .decode import decode_bytes
    from .instruments import name_words, same_instrument
    from .labels import number_sort_key
    from .lines import Line, LineKind, classify_lines
    from .model import (
        CONTAINER_KINDS,
        Annotation,
        Document,
        Finding,
        FindingKind,
        Instruction,
        Kind,
        Provision,
        Status,
        Verb,
        comparable_text,
    )
    from .render import outline, provision_text
    from .statute import build_tree, ensure_whole, parse_statute, read_statute
    from .transitorios import EntryIntoForce, Transitorio

_WHERE = {
    "Amendment": "amendments",
    "OperativeArticle": "amendments",
    "parse_amendment": "amendments",
    "read_amendment_text": "amendments",
    "resolve_directives": "amendments",
    "BodyUnit": "body",
    "Elision": "body",
    "check_document": "check",
    "format_citation": "citations",
    "parse_citation": "citations",
    "decode_bytes": "decode",
    "name_words": "instruments",
    "same_instrument": "instruments",
    "number_sort_key": "labels",
    "Line": "lines",
    "LineKind": "lines",
    "classify_lines": "lines",
    "CONTAINER_KINDS": "model",
    "Annotation": "model",
    "Document": "model",
    "Finding": "model",
    "FindingKind": "model",
    "Instruction": "model",
    "Kind": "model",
    "Provision": "model",
    "Status": "model",
    "Verb": "model",
    "comparable_text": "model",
    "outline": "render",
    "provision_text": "render",
    "build_tree": "statute",
    "ensure_whole": "statute",
    "parse_statute": "statute",
    "read_statute": "statute",
    "EntryIntoForce": "transitorios",
    "Transitorio": "transitorios",
}


__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())

__all__ = [
    "CONTAINER_KINDS",
    "Amendment",
    "Annotation",
    "BodyUnit",
    "Elision",
    "EntryIntoForce",
    "OperativeArticle",
    "Transitorio",
    "name_words",
    "number_sort_key",
    "parse_amendment",
    "read_amendment_text",
    "resolve_directives",
    "Document",
    "Finding",
    "FindingKind",
    "Instruction",
    "Kind",
    "Line",
    "LineKind",
    "Provision",
    "Status",
    "Verb",
    "build_tree",
    "check_document",
    "classify_lines",
    "comparable_text",
    "decode_bytes",
    "format_citation",
    "outline",
    "parse_citation",
    "parse_statute",
    "provision_text",
    "ensure_whole",
    "read_statute",
    "same_instrument",
]
