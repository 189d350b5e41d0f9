"""Statutes and amending instruments -> frozen provision trees and instructions."""

from .citations import format_citation, parse_citation
from .model import (
    CONTAINER_KINDS,
    Annotation,
    Document,
    Instruction,
    Kind,
    Provision,
    Status,
    Verb,
    comparable_text,
)

__all__ = [
    "CONTAINER_KINDS",
    "Annotation",
    "Document",
    "Instruction",
    "Kind",
    "Provision",
    "Status",
    "Verb",
    "comparable_text",
    "format_citation",
    "parse_citation",
]
