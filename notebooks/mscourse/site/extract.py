"""Read a lesson notebook into cells: Markdown, and the widgets its code cells build.

Each code cell of a lesson is one call such as ``lesson.tour()``. We run the
notebook's setup cell and those calls in a fresh namespace, exactly as a
kernel would, and keep the objects they return (or the static figures they
display). The widgets' own Python objects then give the data: a storyboard's
steps, an explorer's controls and state function, a quiz's questions. Nothing
here parses lesson source, so it keeps working when the teaching text moves.
"""

import itertools
import json
import pathlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

from .. import scene as scene_module

NOTEBOOKS_DIR = pathlib.Path(__file__).resolve().parents[2]
ROOT = NOTEBOOKS_DIR.parent


def lesson_notebooks(folder=NOTEBOOKS_DIR):
    return sorted(pathlib.Path(folder).glob("[0-9][0-9]_*.ipynb"))


@dataclass
class Cell:
    kind: str  # "markdown", "widget" or "figure"
    source: str = ""  # Markdown text, or the code of a widget cell
    slide: str = ""  # the cell's slide type ("notes" = speaker notes)
    tags: tuple = ()
    widget: Any = None  # the object a widget cell returned
    figures: list = field(default_factory=list)  # (scene, state, title) shown by the cell


@contextmanager
def _captured_figures(into):
    """Catch ``scene.show`` calls (static diagrams) instead of displaying them."""
    def capture(scene, state, title=""):
        into.append((scene, state, title))

    with mock.patch.object(scene_module, "show", capture), \
            mock.patch("IPython.display.display", lambda *a, **k: None):
        yield


def read_notebook(path):
    """The notebook's cells, with each code cell run and its widget kept."""
    notebook = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    namespace = {"__name__": "__lesson__"}
    cells = []
    for raw in notebook["cells"]:
        source = "".join(raw["source"])
        meta = raw.get("metadata", {})
        slide = meta.get("slideshow", {}).get("slide_type", "")
        tags = tuple(meta.get("tags", ()))
        if raw["cell_type"] == "markdown":
            cells.append(Cell("markdown", source, slide, tags))
            continue
        if raw["cell_type"] != "code" or not source.strip():
            continue
        if "setup" in tags:
            exec(compile(source, f"{path}:setup", "exec"), namespace)
            continue
        shown = []
        with _captured_figures(shown):
            code = compile(source, f"{path}:cell", "exec")
            try:  # a one-expression cell: keep its value, as a kernel displays it
                value = eval(compile(source, f"{path}:cell", "eval"), namespace)
            except SyntaxError:
                exec(code, namespace)
                value = None
        if value is not None:
            cells.append(Cell("widget", source, slide, tags, widget=value))
        for figure in shown:
            cells.append(Cell("figure", source, slide, tags, figures=[figure]))
    return notebook, cells


# ---------------------------------------------------------------- explorer states

def control_spec(key, control):
    """A control as data: kind, label, options [(label, value)], default index."""
    import ipywidgets as w

    label = control.description or key
    if isinstance(control, (w.Checkbox, w.ToggleButton)):
        kind = "checkbox" if isinstance(control, w.Checkbox) else "toggle"
        options = [("off", False), ("on", True)]
        default = int(bool(control.value))
    elif isinstance(control, (w.IntSlider, w.FloatSlider)):
        kind = "slider"
        values = []
        value = control.min
        while value <= control.max + 1e-9:
            values.append(value)
            value += control.step
        options = [(str(v), v) for v in values]
        default = values.index(control.value)
    elif hasattr(control, "_options_labels") and not isinstance(control.value, tuple):
        kind = "radio" if isinstance(control, (w.ToggleButtons, w.RadioButtons)) else "select"
        options = list(zip(control._options_labels, control._options_values))
        default = list(control._options_values).index(control.value)
    else:
        raise TypeError(f"no static twin for control {key!r} ({type(control).__name__})")
    return {"key": key, "kind": kind, "label": label,
            "options": [str(text) for text, _ in options], "values": [v for _, v in options],
            "default": default}


def reachable_states(specs, limit):
    """Index tuples of every control combination, or the ones nearest the start.

    Returns (combinations shipped, total combinations). When there are more than
    ``limit``, whole rings of states are kept by the number of controls changed
    from the default (0, 1, 2 ...), as far as the limit allows.
    """
    sizes = [len(s["options"]) for s in specs]
    total = 1
    for size in sizes:
        total *= size
    every = itertools.product(*[range(n) for n in sizes])
    if total <= limit:
        return list(every), total
    default = tuple(s["default"] for s in specs)
    by_distance = {}
    for combo in every:
        distance = sum(a != b for a, b in zip(combo, default))
        by_distance.setdefault(distance, []).append(combo)
    kept = []
    for distance in sorted(by_distance):
        if len(kept) + len(by_distance[distance]) > limit:
            break
        kept += by_distance[distance]
    return kept, total
