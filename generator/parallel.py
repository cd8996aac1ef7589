"""Share a slow loop of the build out over the processor cores.

Two loops take most of the generator's time: rendering the pages of each language and
writing a QR code next to every built page. Both are independent per item, so they run
in forked worker processes, one per core. The result is the same as the plain loop's, in
the same order; only `BUILD_PROCESSES=1` or a single core makes it the plain loop.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The job for the forked workers: they inherit it, so nothing large is pickled on the way in.
_job: tuple[Callable, Sequence] | None = None


def _run(index: int):
    fn, items = _job
    return fn(items[index])


def workers(count: int) -> int:
    """How many processes to use for `count` items: 1 means the plain loop."""
    wanted = os.environ.get("BUILD_PROCESSES")
    cores = int(wanted) if wanted and wanted.isdigit() else len(os.sched_getaffinity(0))
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    # forking a process with other threads (mkdocs serve's server) can copy a held lock
    if threading.active_count() > 1:
        return 1
    return max(1, min(cores, count))


def parallel_map(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[fn(item) for item in items], the items shared out over the cores. `fn` and its
    results must be plain data (they come back pickled); an exception comes back too."""
    global _job
    items = list(items)
    n = workers(len(items))
    if n == 1:
        return [fn(item) for item in items]
    _job = (fn, items)
    try:
        with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run, range(len(items))))
    finally:
        _job = None
