"""Drive every live course widget through every state (tests and benchmark).

A notebook test runs the lesson in a real kernel, then calls
``exercise_all()`` there. It raises on any failure, and returns a summary.
"""

import statistics

from .scene import Renderer
from .widgets import Diagram, live_widgets


def exercise_all(cache=True):
    """Exercise every live widget; return counts and widget-update timings.

    Every description shown is checked to name every actor drawn.
    cache=False times real renders only (the benchmark); cache=True is what
    a student gets, where revisiting a state is instant.
    """
    summary = {"widgets": 0, "states": 0, "timings": [], "kinds": []}
    Diagram.verify, Renderer.use_cache = True, cache
    try:
        for widget in live_widgets():
            diagram = getattr(widget, "diagram", None)
            if diagram is not None:
                diagram.renderer._cache.clear()
                diagram.timings.clear()
            summary["states"] += widget.exercise()
            summary["widgets"] += 1
            summary["kinds"].append(type(widget).__name__)
            if diagram is not None:
                summary["timings"].extend(diagram.timings)
    finally:
        Diagram.verify, Renderer.use_cache = False, True
    open_figures = _open_pyplot_figures()
    if open_figures:
        raise AssertionError(f"figures left open: {open_figures}")
    return summary


def _open_pyplot_figures():
    import sys

    pyplot = sys.modules.get("matplotlib.pyplot")
    return pyplot.get_fignums() if pyplot else []


def timing_summary(timings):
    if not timings:
        return {"median_ms": 0.0, "worst_ms": 0.0, "n": 0}
    return {
        "median_ms": round(1000 * statistics.median(timings), 1),
        "worst_ms": round(1000 * max(timings), 1),
        "n": len(timings),
    }
