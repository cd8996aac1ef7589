"""The build's loops shared out over processes (generator/parallel.py) give what the plain loop gives.

The forking cases run in a fresh interpreter, as `mkdocs build` does: a pytest worker has
threads of its own, and with other threads alive parallel_map keeps to the plain loop."""
import os
import subprocess
import sys
import threading
from pathlib import Path

from generator.parallel import parallel_map, workers

ROOT = Path(__file__).resolve().parent.parent

CHILD = r'''
import json, os, sys
from generator.errors import InputError, InputErrors
from generator.parallel import parallel_map, workers

def square_and_pid(n):
    return n * n, os.getpid()

def fail_on_three(n):
    if n == 3:
        raise InputErrors([InputError("translations/ar.po", 12, "bad placeholder. What to do: fix it")])
    return n

results = parallel_map(square_and_pid, range(8))
try:
    parallel_map(fail_on_three, range(6))
    error = None
except InputErrors as exc:
    error = [str(e) for e in exc.errors]
print(json.dumps({"workers": workers(8), "squares": [r for r, _ in results],
                  "in_parent": os.getpid() in {pid for _, pid in results}, "error": error}))
'''


def _run_child(processes: str) -> dict:
    import json
    env = dict(os.environ, BUILD_PROCESSES=processes)
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_results_and_errors_come_back_in_order_from_the_worker_processes():
    child = _run_child("2")
    assert child["workers"] == 2 and child["in_parent"] is False
    assert child["squares"] == [n * n for n in range(8)]
    # a bad-input error raised in a worker reaches the build with its file, line and advice
    assert child["error"] == ["translations/ar.po:12: bad placeholder. What to do: fix it"]


def test_one_process_is_the_plain_loop():
    child = _run_child("1")
    assert child["workers"] == 1 and child["in_parent"] is True
    assert child["squares"] == [n * n for n in range(8)]


def test_no_fork_while_other_threads_run(monkeypatch):
    """mkdocs serve rebuilds while its web server thread runs: a forked copy could inherit a held lock."""
    monkeypatch.setenv("BUILD_PROCESSES", "2")
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        assert workers(8) == 1
        assert parallel_map(abs, [-1, -2]) == [1, 2]
    finally:
        stop.set()
        server.join()
