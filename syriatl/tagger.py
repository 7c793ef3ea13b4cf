"""Tag a plain text: every temporal expression with its TIMEX3 value.

The one tagger behind both ``syriatl tag`` and ``syriatl build``: detection, then
resolution in text order against one reference date.
"""

from __future__ import annotations

import datetime as dt

from syriatl.detect import detect
from syriatl.model import Anchor, AnchorKind, Resolution
from syriatl.resolve import NEWS, Policy, resolve_all


def tag(
    text: str,
    reference: dt.date | None,
    policy: Policy = NEWS,
    label: str = "document creation time",
) -> tuple[Resolution, ...]:
    """Every temporal expression of ``text``, resolved against ``reference``.

    With ``reference`` None, relative values stay underspecified.
    """
    anchor = Anchor(AnchorKind.GIVEN, reference, None, label) if reference else None
    return resolve_all(detect(text), lambda _mention: anchor, policy)
