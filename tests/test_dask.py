"""``build --dask``: the articles told on a Dask cluster give the bytes of a build in one
process, and what cannot run is one line and an exit code, never a traceback."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from syriatl import cluster
from syriatl.cli import app
from syriatl.errors import ExitCode, SyriatlError

Corpus = Callable[[dict[str, str | bytes]], Path]
runner = CliRunner()
DASK = importlib.util.find_spec("distributed") is not None and (
    importlib.util.find_spec("dask.bag") is not None
)
needs_dask = pytest.mark.skipif(
    not DASK, reason="needs the dask extra: pip install -e '.[dask]' (make test installs it)"
)

# A corpus with what stays on the client: the wire's dateline has no year and takes the
# corpus's (2019; 12 March 2019 is a Tuesday: 1 Jan 2019 a Tuesday, + 70 days = 10
# weeks), and two files share the stem "story" (ids a/story and b/story).
FILES = {
    "a/story.txt": "Talks End in Velmora\n\nMarch 12, 2019\n\n"
    "The talks ended on Tuesday, officials said.\n",
    # Mon 4 Mar 2019 (1 Jan + 62 days, 62 = 8 * 7 + 6: a Monday), so Sunday is 3 March.
    "b/story.txt": "Truce holds\n\nKARVANA, March 4, 2019 (Velmora Wire) — A truce between "
    "the army and the Northern Front came into force on Sunday.\n",
    "wire.txt": "Talks Resume\n\nVELMORA, March 12 – Negotiators met again on Tuesday, "
    "aides said.\n",
    "blog.txt": "---\npublished: 2019-03-13\n---\nDaily Brief: Talks Over\n\n"
    "UPDATE 1130 GMT: Jets bombed Karvana this morning.\n\n"
    "ORIGINAL ENTRY: The three mediators said on Tuesday they would monitor the truce.\n",
}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(corpus: Corpus) -> Path:
    folder = corpus({})
    for name, text in FILES.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a cluster of one worker process for this module: the jobs and their
    tolds cross processes as they would between machines."""
    if not DASK:
        pytest.skip("needs the dask extra: pip install -e '.[dask]' (make test installs it)")
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_kwargs=cluster.QUIET,
    ) as local:
        yield local.scheduler_address


def transitions(address: str) -> int:
    """How many task transitions the scheduler at ``address`` has made so far."""
    from distributed import Client

    with Client(address, set_as_default=False) as client:
        count: int = client.run_on_scheduler(
            lambda dask_scheduler: dask_scheduler.transition_counter
        )
    return count


@needs_dask
@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("where", ["local", "cluster"])
def test_dask_gives_the_bytes_of_one_process(
    corpus: Corpus, scheduler: str, where: str, fmt: str
) -> None:
    folder = write(corpus)
    code, one, err = run("build", str(folder), "-f", fmt, "--no-cache")
    assert code == 0, err
    if fmt == "json":
        articles = {a["id"]: a["published"] for a in json.loads(one)["articles"]}
        assert articles == {
            "a/story": "2019-03-12",
            "b/story": "2019-03-04",
            "wire": "2019-03-12",
            "blog": "2019-03-13",
        }
    address = scheduler if where == "cluster" else "local"
    before = transitions(scheduler)
    code, spread, err = run("build", str(folder), "-f", fmt, "--no-cache", "--dask", address)
    assert (code, err) == (0, "")
    assert spread == one
    # The cluster's scheduler scheduled tasks only when it was the one given.
    assert (transitions(scheduler) > before) == (where == "cluster")


@needs_dask
def test_dask_with_the_cache_gives_the_same_bytes(
    corpus: Corpus, scheduler: str, tmp_path: Path
) -> None:
    folder = write(corpus)
    one = run("build", str(folder), "-f", "yaml", "--no-cache")[1]
    cache = str(tmp_path / "cache")
    cold = run("build", str(folder), "-f", "yaml", "--cache", cache, "--dask", scheduler)
    before = transitions(scheduler)
    warm = run("build", str(folder), "-f", "yaml", "--cache", cache, "--dask", scheduler)
    assert cold == warm == (0, one, "")
    assert transitions(scheduler) == before  # every article came from the cache


ERRORS = [
    # (arguments after the corpus folder, exit code, the one line said)
    (["--dask", "local", "--jobs", "2"], 2,
     "syriatl: --dask: give --jobs N (one machine) or --dask SCHEDULER (a cluster), not both"),
    (["--dask", " "], 2, "syriatl: --dask: give a scheduler address (tcp://host:8786) or local"),
    (["--dask", "karvana"], 2,
     "syriatl: --dask karvana: not a scheduler's address: give e.g. tcp://host:8786, or local"),
    # Port 9 (discard): nothing listens there on a test machine.
    (["--dask", "tcp://127.0.0.1:9"], 3,
     "syriatl: --dask tcp://127.0.0.1:9: cannot reach a Dask scheduler there (tried for 1 s)"),
]  # fmt: skip


@needs_dask
@pytest.mark.parametrize(("args", "code", "said"), ERRORS)
def test_what_cannot_run_on_dask_is_one_line(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int, said: str
) -> None:
    monkeypatch.setattr(cluster, "CONNECT", 1)
    folder = write(corpus)
    got, out, err = run("build", str(folder), "-f", "json", *args)
    assert (got, out) == (code, "")
    assert err.splitlines()[0] == said
    assert "Traceback" not in err


@pytest.mark.parametrize("missing", ["dask.bag", "distributed"])
def test_dask_not_installed_says_how_to_install_it(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    modules: dict[str, Any] = sys.modules
    monkeypatch.setitem(modules, missing, None)  # an import of it raises ImportError
    folder = write(corpus)
    code, out, err = run("build", str(folder), "-f", "json", "--dask", "local")
    assert (code, out) == (2, "")
    assert err == "syriatl: --dask local: Dask is not installed: pip install 'syriatl[dask]'\n"


class Scheduler:
    """A stand-in for a client of a scheduler: its workers, and the hash of the code each
    runs (None: it has none)."""

    def __init__(self, codes: dict[str, str] | None) -> None:
        self.codes = codes

    def wait_for_workers(self, count: int, timeout: float) -> None:
        if not self.codes:
            raise TimeoutError(f"fewer than {count} workers after {timeout} s")

    def run(self, function: Callable[[], str]) -> dict[str, str]:
        assert self.codes is not None
        return {
            worker: function() if code == "ours" else code for worker, code in self.codes.items()
        }


READY = [
    # (the workers and their code, what is said); workers that all run this code are
    # the cluster tests above
    ({"tcp://w1:1": "ours", "tcp://w2:1": "0123abcd"},
     "--dask tcp://s:8786: worker tcp://w2:1 runs another syriatl, Python or library version "
     "than this one: install the same on every worker"),
    ({}, "--dask tcp://s:8786: the scheduler has no worker (waited 5 s)"),
]  # fmt: skip


@pytest.mark.parametrize(("codes", "said"), READY)
def test_a_cluster_without_a_worker_of_this_code_is_refused(
    codes: dict[str, str], said: str
) -> None:
    with pytest.raises(SyriatlError) as raised:
        cluster._ready(Scheduler(codes), "tcp://s:8786")
    assert (str(raised.value), raised.value.code) == (said, ExitCode.INPUT)
