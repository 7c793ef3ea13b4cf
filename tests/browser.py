"""Headless Chromium for the tests that open an export in a real browser (Debian's
``chromium`` package, run as root with ``--no-sandbox``), and the story they build.

Without Chromium those tests are skipped and say why; ``SYRIATL_BROWSER_TESTS=required``
(set by ``.ci/run``) makes that a failure instead."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
NO_CHROMIUM = "no chromium on PATH (apt-get install chromium; .ci/run does)"

# Sun 3 Jun 2018: June 5, 2018 was a Tuesday, and "on Sunday" in the past is two days
# before it. The script tag must show as text, never run.
STORY = (
    "---\noutlet: Karvana Post\n---\n"
    "Ceasefire Holds in Ostrel\n\nJune 5, 2018\n\n"
    "Fighters shelled the Ostrel bridge on Sunday, residents said.\n\n"
    "Envoys will meet in Velmora on June 20 to discuss <script>alert(1)</script> "
    "prisoner swaps & aid.\n\n"
    "The siege of Ostrel began in March 2016.\n"
)


def unavailable(reason: str) -> None:
    """Skip the test for ``reason``, or fail it where the browser tests are required."""
    if os.environ.get("SYRIATL_BROWSER_TESTS") == "required":
        pytest.fail(f"{reason}, and SYRIATL_BROWSER_TESTS=required")
    pytest.skip(reason)


def dom(address: str, profile: Path, budget_ms: int | None = None) -> str:
    """The DOM of the page at ``address`` once its scripts ran (for ``budget_ms`` of the
    page's own time, when given), as headless Chromium serialises it."""
    if CHROMIUM is None:
        unavailable(NO_CHROMIUM)
    assert CHROMIUM is not None
    budget = [f"--virtual-time-budget={budget_ms}"] if budget_ms is not None else []
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={profile}", *budget, "--dump-dom", address],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout
