"""syriatl: build one trustworthy chronology out of news articles about a peace process.

The library's entry point is ``from syriatl import build_timeline, tag, Options``
(and ``dumps`` to write a chronology in any format of ``syriatl build``). ``import
syriatl`` loads nothing else: each name is imported the first time it is used, so the
command line starts without the pipeline and a library user pays only for what is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from syriatl.api import dumps, tag
    from syriatl.errors import SyriatlError
    from syriatl.model import Event, Resolution, Source, Timeline, When
    from syriatl.pipeline import Build, Options, build_timeline

# Each public name and the module it lives in, imported on first use.
_HOMES = {
    "build_timeline": "syriatl.pipeline",
    "Options": "syriatl.pipeline",
    "Build": "syriatl.pipeline",
    "tag": "syriatl.api",
    "dumps": "syriatl.api",
    "SyriatlError": "syriatl.errors",
    "Timeline": "syriatl.model",
    "Event": "syriatl.model",
    "Source": "syriatl.model",
    "When": "syriatl.model",
    "Resolution": "syriatl.model",
}

__all__ = [
    "Build",
    "Event",
    "Options",
    "Resolution",
    "Source",
    "SyriatlError",
    "Timeline",
    "When",
    "__version__",
    "build_timeline",
    "dumps",
    "tag",
]


def __getattr__(name: str) -> object:
    """A public name, imported from its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'syriatl' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(home), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
