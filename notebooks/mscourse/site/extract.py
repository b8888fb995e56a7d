"""Read a lesson notebook into cells: Markdown, and the widgets its code cells build.

Each code cell of a lesson is one call such as ``lesson.tour()``. We run the
notebook's setup cell and those calls in a fresh namespace, exactly as a
kernel would, and keep the objects they return (or the static figures they
display). The widgets' own Python objects then give the data: a storyboard's
steps, an explorer's controls and state function, a quiz's questions. Nothing
here parses lesson source, so it keeps working when the teaching text moves.
"""

import ast
import json
import pathlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

from .. import display as display_module

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
    """Catch static diagrams (``display.show``) as (scene, state, title) instead of displaying them."""
    drawn = []

    def record(scene, state):
        drawn.append((scene, state))
        return real_full_figure(scene, state)

    def capture(png_bytes, description, title=""):
        scene, state = drawn.pop()
        into.append((scene, state, title))
        return ""

    real_full_figure = display_module.full_figure
    with mock.patch.object(display_module, "full_figure", record), \
            mock.patch.object(display_module, "figure_html", capture), \
            mock.patch("IPython.display.display", lambda *a, **k: None):
        yield


def run_cell(source, namespace, filename):
    """Run a cell as IPython does: every statement, and keep the last one's value."""
    tree = ast.parse(source, filename)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, filename, "exec"), namespace)
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), filename, "eval"), namespace)


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
            value = run_cell(source, namespace, f"{path}:cell")
        if value is not None:
            cells.append(Cell("widget", source, slide, tags, widget=value))
        for figure in shown:
            cells.append(Cell("figure", source, slide, tags, figures=[figure]))
    return notebook, cells
