"""Shared helpers for the tests: building small corpora in temporary folders."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# The properties are about values, not speed: the first example of a test may pay for
# compiling the grammar, which Hypothesis's default deadline would call a failure.
settings.register_profile("syriatl", deadline=None)
settings.load_profile("syriatl")


@pytest.fixture
def corpus(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write files (name -> text or bytes) into a fresh folder and return the folder."""

    def write(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return write


@pytest.fixture(autouse=True, scope="session")
def _cache_of_the_tests(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Builds run by the tests keep their cache (``build`` uses one by default) in a
    folder of the test run, never in the user's own cache folder."""
    folder = tmp_path_factory.mktemp("user-cache")
    names = ["XDG_CACHE_HOME", "LOCALAPPDATA"] + (["HOME"] if sys.platform == "darwin" else [])
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update(dict.fromkeys(names, str(folder)))
    yield folder
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
