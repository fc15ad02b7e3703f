"""Optional dependencies: imported only where a feature needs them, with an error that says
which extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["MissingExtraError", "require"]


class MissingExtraError(ImportError):
    """A feature's optional dependency is not installed; the message names the extra."""


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module`` for ``feature``, or raise :class:`MissingExtraError` naming the extra.

    >>> require("json", "none", "a test").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{feature} needs {module}, which is not installed: "
            f"pip install 'extractor[{extra}]' (or pip install {module})"
        ) from None
