"""The first reading of each article on a Dask cluster (``build --dask``).

This process, the client, finds the files, reads their bytes and sends each file's bytes
with its job, so a worker needs syriatl and the ``dask`` extra but no access to the
files. A worker runs ``pipeline.tell_shipped``: the same told from the same job as the
function ``--jobs`` workers run. What needs the whole corpus stays here: the ids of files
that share a stem (given when the files are found), the years that datelines without one
take, the second pass those years allow, and the merge.

Dask is imported here only, and this module only by a build given ``--dask``.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from syriatl.errors import ExitCode, SyriatlError

if TYPE_CHECKING:
    from syriatl.pipeline import Job, Told

LOCAL = "local"  # --dask local: a cluster of one worker thread in this process
EXTRA = "pip install 'syriatl[dask]'"
CONNECT = 5  # seconds to reach a scheduler, and then for it to have a worker
WINDOW = 1024  # jobs per bag; two bags are in flight, so the client holds two windows of bytes
PER_PARTITION = 32  # jobs per task: enough to pay for a task's cost, small enough to spread
# A scheduler without a dashboard still serves its health page, by default on port
# 8787, and warns when another cluster has it: any free port will do.
QUIET = {"dashboard_address": ":0"}


def _fail(address: str, problem: str, code: ExitCode = ExitCode.INPUT) -> SyriatlError:
    return SyriatlError(f"--dask {address}", problem, code)


@contextmanager
def connected(address: str) -> Iterator[Any]:
    """A Dask client of the scheduler at ``address``, or of a cluster of this process for
    "local"; a one-line error when Dask is not installed, the scheduler cannot be
    reached, has no worker, or its workers run other code."""
    try:
        import dask.bag  # noqa: F401  (what ``told`` maps over: part of the extra)
        from distributed import Client, LocalCluster
    except ImportError:
        raise _fail(address, f"Dask is not installed: {EXTRA}", ExitCode.USAGE) from None
    if address == LOCAL:
        # One thread: the analysis is pure Python, so more threads in one process would
        # not go faster (--jobs uses the cores of one machine).
        with (
            LocalCluster(
                n_workers=1,
                threads_per_worker=1,
                processes=False,
                dashboard_address=None,
                scheduler_kwargs=QUIET,
            ) as local,
            Client(local, set_as_default=False) as client,
        ):
            yield client
        return
    from distributed.comm.addressing import get_address_host_port

    try:
        get_address_host_port(address)  # a Client given no port would not close cleanly
    except ValueError:
        problem = "not a scheduler's address: give e.g. tcp://host:8786, or local"
        raise _fail(address, problem, ExitCode.USAGE) from None
    try:
        client = Client(address, timeout=CONNECT, set_as_default=False)
    except (OSError, TimeoutError):
        raise _fail(
            address, f"cannot reach a Dask scheduler there (tried for {CONNECT} s)"
        ) from None
    with client:
        _ready(client, address)
        yield client


def _ready(client: Any, address: str) -> None:
    """Refuse a scheduler without a worker, or with a worker that runs other code than
    this process (another syriatl, Python or library version): its output could differ."""
    from syriatl.chronicle.cache import code_hash

    try:
        client.wait_for_workers(1, timeout=CONNECT)
    except TimeoutError:
        raise _fail(address, f"the scheduler has no worker (waited {CONNECT} s)") from None
    try:
        theirs = client.run(code_hash)
    except Exception as error:  # whatever a worker raises: it cannot run syriatl
        problem = f"a worker cannot run syriatl ({type(error).__name__}): install the same "
        raise _fail(address, problem + "syriatl and extra on every worker") from None
    ours = code_hash()
    others = sorted(worker for worker, code in theirs.items() if code != ours)
    if others:
        problem = f"worker {others[0]} runs another syriatl, Python or library version than "
        raise _fail(address, problem + "this one: install the same on every worker")


def told(client: Any, address: str, jobs: Sequence[Job]) -> Iterator[Told]:
    """The told of each first-pass job, in order, told by the workers of ``client``."""
    import dask.bag as bag
    from distributed import CancelledError

    from syriatl.pipeline import ship, tell_shipped

    def send(window: Sequence[Job]) -> Any:
        shipped = [ship(job) for job in window]
        parts = -(-len(shipped) // PER_PARTITION)
        return client.compute(bag.from_sequence(shipped, npartitions=parts).map(tell_shipped))

    windows = (jobs[i : i + WINDOW] for i in range(0, len(jobs), WINDOW))
    flying = deque(send(window) for window in itertools.islice(windows, 2))
    while flying:
        future = flying.popleft()
        following = next(windows, None)
        if following is not None:
            flying.append(send(following))
        try:
            results: list[Told] = future.result()
        except (OSError, CancelledError) as error:
            raise _fail(address, f"the cluster was lost ({type(error).__name__})") from None
        yield from results
