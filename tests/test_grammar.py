"""The compiled grammar: the same pattern text in every process."""

from __future__ import annotations

import os
import subprocess
import sys

_PATTERNS = """
from syriatl.grammar import grammar
print("\\n".join(entry.regex.pattern for entry in grammar().rules))
"""


def _patterns(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _PATTERNS], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_compiled_pattern_text_does_not_depend_on_the_hash_seed() -> None:
    # Sets iterate in an order that changes with PYTHONHASHSEED; no pattern may follow it.
    first = _patterns("0")
    assert first.count("\n") > 50
    assert _patterns("1") == first
