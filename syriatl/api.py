"""The library's functions beside ``build_timeline``: tag one text, and write a built
chronology in a format of ``syriatl build``, as a string. None of them reads the clock,
prints or touches a file: the caller chooses the reference date and where text goes."""

from __future__ import annotations

import datetime as dt

from syriatl.model import Article, Resolution, Timeline
from syriatl.pipeline import Build, Options, tag_articles

_DEFAULTS = Options()


def tag(
    text: str, reference: dt.date | None = None, options: Options = _DEFAULTS
) -> tuple[Resolution, ...]:
    """Every temporal expression of ``text`` in text order, resolved as ``syriatl tag``
    resolves it: against ``reference`` (``--dct``) or, when it is None, against the
    publication date the text gives; with neither, relative values stay underspecified
    (``XXXX-WXX-2``), never guessed. ``options.policy`` is the resolution policy."""
    (tagged,) = tag_articles([Article("-", "-", text)], reference, options.policy)
    return tagged.resolutions


def dumps(chronology: Timeline | Build, fmt: str = "json", explain: bool = False) -> str:
    """The chronology (a ``Build``'s timeline, or a timeline of your own, e.g. filtered
    with ``dataclasses.replace``) as ``syriatl build --format FMT`` writes it, the same
    bytes; ``table`` is the plain table 120 columns wide, as written into a file; with
    ``explain`` every source says how its date was reached (``build --explain``).

    Raises ValueError naming the formats when ``fmt`` is none of them.
    """
    from syriatl.render import RENDERERS, plain_text

    timeline = chronology.timeline if isinstance(chronology, Build) else chronology
    table = RENDERERS["build-explained" if explain else "build"]
    renderer = table.get(fmt)
    if renderer is None:
        names = list(table)
        choices = ", ".join(names[:-1]) + f" or {names[-1]}"
        raise ValueError(f"{fmt!r} is not a format: choose {choices}")
    rendered = renderer(timeline)
    if fmt == "table":
        return plain_text(rendered)  # type: ignore[arg-type]
    return "".join(rendered)  # type: ignore[arg-type]
