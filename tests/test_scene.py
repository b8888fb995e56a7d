"""Rendering: pure scenes, cached renders, no side effects, no figures left open."""

import ast
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest
from matplotlib.colors import to_hex

from conftest import ROOT
from mscourse import actors as A
from mscourse import style
from mscourse.canvas import NOTE_BACKING, outline_text, prepare
from mscourse.display import figure_html
from mscourse.render import Renderer, full_figure
from mscourse.scene import Scene, unnamed_actors


@dataclass(frozen=True)
class Count:
    cells: int


def draw_cells(ax, state):
    for i in range(state.cells):
        A.draw_t_cell(ax, 10 + 10 * i, 20)


def describe_cells(state):
    return f"{state.cells} T cells." if state.cells else "An empty canvas."


SCENE = Scene("cells", draw_cells, describe_cells, height=40, legend=("t_cell",))


def test_renderer_returns_png_and_records_actors():
    r = Renderer(SCENE)
    png = r.png(Count(2))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert r.actors == {"t_cell"}
    r.png(Count(0))
    assert r.actors == set(), "actors from the previous state leaked into the next"


def test_renderer_redraws_in_place_on_one_figure():
    r = Renderer(SCENE)
    figure = r.figure
    for n in (3, 1, 4, 0, 2):
        r.png(Count(n))
    assert r.figure is figure and len(figure.axes) == 1
    cells = [a for a in r.ax.patches if type(a).__name__ == "Circle"]
    assert len(cells) == 2, "old artists were not removed"


def test_cached_render_is_identical_and_different_states_differ():
    r = Renderer(SCENE)
    a, b = r.png(Count(1)), r.png(Count(2))
    assert a != b
    assert r.png(Count(1)) == a


def test_presenter_style_renders_bigger_images():
    small = Renderer(SCENE).png(Count(1))
    with style.presenter_style():
        big = Renderer(SCENE).png(Count(1))
    assert not style.is_presenter()
    assert len(big) > len(small)


def test_full_figure_has_legend_and_description_check():
    figure, actors = full_figure(SCENE, Count(1))
    assert len(figure.axes) == 2 and actors == {"t_cell"}
    assert unnamed_actors(actors, describe_cells(Count(1))) == []
    assert unnamed_actors({"b_cell"}, "Only T cells here.") == ["b_cell"]


def test_figure_html_escapes_and_carries_alt_text():
    out = figure_html(b"png", 'Cells <b> & "quotes"')
    assert 'alt="Cells &lt;b&gt; &amp; &quot;quotes&quot;"' in out
    assert "What the diagram shows" in out


def test_import_has_no_side_effects():
    code = (
        "import sys, matplotlib;"
        "snap = lambda: {k: matplotlib.rcParams[k] for k in matplotlib.rcParams if k != 'backend'};"
        "before = snap();"
        "sys.path.insert(0, 'notebooks');"
        "import mscourse, mscourse.widgets, mscourse.export, mscourse.testing;"
        "from mscourse.lessons import all_lessons; all_lessons();"
        "assert snap() == before, 'rcParams changed';"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported';"
        "print('clean')"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "clean"


def test_presenter_mode_can_be_set_for_every_kernel_by_environment(monkeypatch):
    monkeypatch.setitem(style._state, "scale", None)
    monkeypatch.setenv("MSCOURSE_PRESENTER", "1")
    assert style.is_presenter() and style.dpi() > style.BASE_DPI
    monkeypatch.setenv("MSCOURSE_PRESENTER", "0")
    assert not style.is_presenter()
    style.presenter(True)
    assert style.is_presenter()
    style.presenter(False)
    assert not style.is_presenter()


def test_outline_text_draws_each_label_as_one_shape_where_asked():
    r = Renderer(SCENE)
    prepare(r.ax, 100, 40)
    outline_text(r.ax, 50, 20, "two", ha="center")
    outline_text(r.ax, 50, 20, "two\nlines", ha="center")
    outline_text(r.ax, 10, 5, "left", ha="left")
    shapes = [p for p in r.ax.get_children() if type(p).__name__ == "PathPatch"]
    assert [p.mscourse_text for p in shapes] == ["two", "two\nlines", "left"]
    one, two, left = (p.get_path().vertices for p in shapes)
    height = one[:, 1].max() - one[:, 1].min()
    assert two[:, 1].max() - two[:, 1].min() > 1.8 * height, "the second line sits under the first"
    assert abs((two[:, 1].max() + two[:, 1].min()) / 2 - 20) < 0.3 * height, "the block centred on y"
    assert abs((two[:, 0].min() + two[:, 0].max()) / 2 - 50) < 0.5, "centred on x"
    assert abs(left[:, 0].min() - 10) < 0.5, "left-aligned at x"


def test_a_backed_label_sits_on_its_box():
    r = Renderer(SCENE)
    prepare(r.ax, 100, 40)
    outline_text(r.ax, 50, 20, "a note\non two lines", backing=NOTE_BACKING)
    box, words = [a for a in r.ax.get_children() if type(a).__name__ in ("FancyBboxPatch", "PathPatch")]
    assert type(box).__name__ == "FancyBboxPatch", "the box is drawn first, under the words"
    r.figure.canvas.draw()
    inside = box.get_window_extent()
    ink = words.get_window_extent()
    assert inside.x0 < ink.x0 and inside.x1 > ink.x1 and inside.y0 < ink.y0 and inside.y1 > ink.y1
    assert to_hex(box.get_facecolor()) == to_hex(NOTE_BACKING["facecolor"])


PACKAGE = ROOT / "notebooks" / "mscourse"


def package_imports(path):
    """The package modules a file imports (``from . import x``, ``from .x import y``, ``..x``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found |= {alias.name for alias in node.names}
    return found


def test_the_drawing_toolkit_sits_below_everything_else():
    """style <- canvas <- actors <- scene <- render <- display: no module imports one above it."""
    layers = ["style", "canvas", "actors", "scene", "render", "display"]
    for i, name in enumerate(layers):
        above = set(layers[i + 1:]) | {"lessons", "widgets", "export", "testing"}
        if name == "scene":  # its import block for old paths is at the very end; see scene.py
            above -= {"render", "canvas"}
        imported = package_imports(PACKAGE / f"{name}.py")
        assert not imported & above, f"{name}.py imports {sorted(imported & above)}"


def test_lessons_do_not_import_the_export_for_a_type():
    for path in sorted((PACKAGE / "lessons").glob("lesson*.py")):
        assert "export" not in package_imports(path), f"{path.name} imports export"


LOCAL_HELPERS = re.compile(r"^def (_arrow|_note|_line|_lines|_box|_ghost|_ring|_rule|_label|_letters)\(",
                           re.MULTILINE)
HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")


def test_no_lesson_keeps_its_own_copy_of_a_drawing_helper():
    for path in sorted((PACKAGE / "lessons").glob("lesson*.py")):
        copies = LOCAL_HELPERS.findall(path.read_text(encoding="utf-8"))
        assert not copies, f"{path.name} defines {copies}: use mscourse.canvas instead"


def test_colours_are_written_down_only_in_the_palette():
    for path in sorted(PACKAGE.glob("*.py")) + sorted((PACKAGE / "lessons").glob("*.py")):
        if path.name in ("style.py", "widgets.py"):  # widgets: CSS for the page, not diagrams
            continue
        literals = HEX.findall(path.read_text(encoding="utf-8"))
        assert not literals, (f"{path.relative_to(ROOT)} writes colours {literals}: name them in "
                              "style.py or derive them (Actor.ink, Actor.pale, style.darker/paler)")


def test_text_is_never_smaller_than_body_text():
    assert style.font() >= 11.0 and style.font(1) > style.font(0.5) > style.font()
    with pytest.raises(ValueError):
        style.font(-1)
