"""DOF pages -> BeautifulSoup trees, the one place bs4 is called.

A fetched page is markup by definition, whatever it looks like: a body that happens to read
"http:" or a file name is still the page the DOF sent, so bs4's guess that it is a locator
(``MarkupResemblesLocatorWarning``) is silenced here and nowhere else.
"""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning


def read_markup(page: str) -> BeautifulSoup:
    """``page`` parsed with lxml, as the DOF's pages are."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(page, "lxml")


__all__ = ["read_markup"]
