"""Statutes and amending instruments -> frozen provision trees and instructions."""

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
