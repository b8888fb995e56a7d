"""Benchmark (run by hand, not a test): notebook run time and widget-update time.

    .venv/bin/python tests/benchmark.py

For each lesson it prints the time to execute the notebook headless in a
fresh kernel, then drives every widget through every state in that kernel
with the render cache off (every update is a real redraw, figure rendering
included) and prints the median and worst update time.
Budgets (lesson-design section 7): notebook under 10 s; update median at most
50 ms, worst at most 150 ms on a 2-core machine.
"""

import json
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[1]
DRIVE = """\
import json
from mscourse.testing import exercise_all, timing_summary
s = exercise_all(cache=False)
print(json.dumps(timing_summary(s["timings"])))
"""


def measure(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        start = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        run_seconds = time.perf_counter() - start
        drive = nbformat.v4.new_code_cell(DRIVE)
        nb.cells.append(drive)
        client.execute_cell(drive, len(nb.cells) - 1)
    timings = json.loads(drive.outputs[-1]["text"])
    return run_seconds, timings


def main(paths):
    print(f"{'notebook':34} {'run (s)':>8} {'updates':>8} {'median (ms)':>12} {'worst (ms)':>11}")
    for path in paths:
        seconds, t = measure(path)
        print(f"{path.name:34} {seconds:8.2f} {t['n']:8d} {t['median_ms']:12.1f} {t['worst_ms']:11.1f}")


if __name__ == "__main__":
    chosen = [pathlib.Path(p).resolve() for p in sys.argv[1:]]
    main(chosen or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")))
