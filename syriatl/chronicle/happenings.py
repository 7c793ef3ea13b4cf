"""What a dated expression dates: the happening its clause tells.

STUB: the interface the rest of the pipeline relies on; the clause reading replaces it.
"""

from __future__ import annotations

from syriatl.model import Happening


def happening(sentence: str, start: int | None = None, end: int | None = None) -> Happening:
    """The happening that the expression at ``sentence[start:end]`` dates, read from the
    clause it governs; with no expression (``start`` None), the happening the sentence
    states as its main one (a headline or a lead)."""
    return Happening(text=" ".join(sentence.split()))


def states_happening(sentence: str) -> bool:
    """True when a headline or lead without a date word states a happening of a known
    kind (so it can be an event of the day it was reported)."""
    return False
