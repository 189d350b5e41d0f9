"""Lazy package exports (PEP 562): a package's names imported from their submodule on first use.

``parser``, ``diffing`` and ``store`` re-export their public names from ``__init__`` so users
write ``from parser import Provision``; done eagerly, that loads every submodule, and a command
that needs the labels pays for the statute grammar's regular expressions. With::

    __getattr__, __dir__ = lazy_exports(__name__, {"Provision": "model", ...}, globals())

``from parser import Provision`` imports ``parser.model`` only.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def lazy_exports(package: str, where: Mapping[str, str], namespace: MutableMapping[str, Any],
                 shadowed: tuple[str, ...] = ()) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose name ``N`` lives in submodule
    ``where[N]``. ``shadowed`` names a function called like its own submodule (``diffing.amend``):
    importing that submodule binds the package attribute to the module, so the function is put
    back after every import."""

    def getattr_(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        for same in shadowed:
            loaded = sys.modules.get(f"{package}.{same}")
            if loaded is not None:
                namespace[same] = getattr(loaded, same)
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *where})

    return getattr_, dir_
