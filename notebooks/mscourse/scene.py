"""Scenes: a diagram as a pure function of a state, plus its text description.

A ``Scene`` pairs ``draw(ax, state)`` with ``describe(state)``. The same
scene serves the notebook, the widgets, the static export and the tests.
Rendering uses a private ``matplotlib.figure.Figure`` (never pyplot), so no
figure is ever left open in the notebook and nothing flickers.
"""

import base64
import html
import io
from dataclasses import dataclass
from typing import Any, Callable

import matplotlib
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch, PathPatch
from matplotlib.path import Path
from matplotlib.textpath import TextPath

from . import style
from .actors import ACTORS, draw_legend, drawn_actors, legend_height


@dataclass(frozen=True)
class Scene:
    """A diagram: what to draw for a state, and how to say it in words."""

    name: str
    draw: Callable[[Any, Any], None]
    describe: Callable[[Any], str]
    width: float = 100.0  # canvas units
    height: float = 50.0
    inches: float = 8.5  # figure width at notebook size
    legend: tuple = ()  # actor keys shown in the legend under the diagram


def prepare(ax, width, height):
    """Empty ``ax`` and make it an axis-free canvas of width x height units."""
    if ax.__dict__.get("mscourse_canvas") == (width, height):
        for artist in list(ax.get_children()):
            if artist.axes is ax and artist not in (ax.patch, ax.xaxis, ax.yaxis) \
                    and artist not in ax.spines.values() and artist is not ax.title \
                    and artist not in (ax._left_title, ax._right_title):
                artist.remove()  # much cheaper than ax.clear() on every redraw
    else:
        ax.clear()
        ax.set_xlim(0, width)
        ax.set_ylim(0, height)
        ax.set_aspect("equal")
        ax.set_axis_off()
        ax.__dict__["mscourse_canvas"] = (width, height)
    ax.__dict__["mscourse_actors"] = set()


def caption_text(ax, x, y, text, size_step=0, colour=style.INK, ha="center", **kw):
    """Plain text on a canvas, in the course's type sizes.

    Plain labels are drawn as outlines (``outline_text``): they look the same and
    redraw several times faster. Anything fancier (rotation, a backing box,
    italics) falls back to a matplotlib text artist.
    """
    weight = kw.pop("fontweight", "normal")
    if not kw and weight in ("normal", "bold"):
        outline_text(ax, x, y, text, ha=ha, colour=colour, step=size_step, bold=weight == "bold")
        return
    ax.text(x, y, text, ha=ha, va="center", fontsize=style.font(size_step),
            color=colour, zorder=9, fontweight=weight, **kw)


_OUTLINES = {}
LINE_PITCH = 1.2  # line spacing of multi-line labels, in font sizes (matplotlib's default)


def _units_per_point(ax):
    width_pt = ax.figure.get_size_inches()[0] * 72 * ax.get_position().width
    x0, x1 = ax.get_xlim()
    return (x1 - x0) / width_pt


def _outline(text, bold, size):
    """A line's outline (cached): vertices centred on the capital height, codes, x bounds."""
    key = (text, bold, size)
    if key not in _OUTLINES:
        font = (bold, size)
        if font not in _OUTLINES:  # the font, and the height that centres a capital letter
            prop = FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal")
            cap = TextPath((0, 0), "T", size=size, prop=prop).vertices[:, 1]
            _OUTLINES[font] = (prop, (cap.min() + cap.max()) / 2)
        prop, middle = _OUTLINES[font]
        path = TextPath((0, 0), text, size=size, prop=prop)
        xs = path.vertices[:, 0]  # control-point bounds: cheap, and close enough to align
        _OUTLINES[key] = (path.vertices - [0, middle], path.codes, xs.min(), xs.max())
    return _OUTLINES[key]


def outline_text(ax, x, y, text, ha="center", colour=style.INK, step=-1, bold=False, z=9):
    """Text drawn as filled outlines, centred on height y (a multi-line text as a block).

    Same font and size as ``caption_text`` but several times cheaper to render, so
    text-heavy diagrams stay within the widget-update budget. Use it for labels
    that change from state to state.
    """
    size = style.font(step) * _units_per_point(ax)
    lines = text.split("\n")
    pitch = LINE_PITCH * size
    top = y + pitch * (len(lines) - 1) / 2
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        vertices, codes, x0, x1 = _outline(line, bold, size)
        dx = {"left": -x0, "right": -x1}.get(ha, -(x0 + x1) / 2)
        ax.add_artist(PathPatch(Path(vertices + [x + dx, top - i * pitch], codes),
                                facecolor=colour, edgecolor="none", zorder=z))


def arrow(ax, p0, p1, kind="act", colour=style.INK, dashed=False, rad=0.0, width=1.6, z=7):
    """An arrow from p0 to p1 in the course's one arrow language.

    kind "act" ends in a head (moves to, acts on, switches on); kind "inh" ends in a
    flat bar (holds back), the usual biology convention. Dashed means proposed or
    waiting; rad bends it.
    """
    head = "-|>" if kind == "act" else "-[,widthB=0.9,lengthB=0"
    ax.add_artist(FancyArrowPatch(
        p0, p1, arrowstyle=head, mutation_scale=12 if kind == "act" else 10,
        connectionstyle=f"arc3,rad={rad}", color=colour, linewidth=style.line(width),
        linestyle=(0, (4, 2.5)) if dashed else "-", shrinkA=0, shrinkB=0, zorder=z))


def illustrative_tag(ax, width, height):
    """The 'illustrative, not data' stamp every chart-like sketch carries."""
    ax.text(width - 0.8, height - 0.8, "Illustrative sketch, not data",
            ha="right", va="top", fontsize=style.font(-1), style="italic",
            color=style.MUTED, zorder=9)


def _to_png(figure):
    with matplotlib.rc_context(style.rc()):
        figure.canvas.draw()
    width, height = figure.canvas.get_width_height(physical=True)
    image = PIL.Image.frombuffer("RGBA", (width, height), figure.canvas.buffer_rgba())
    buffer = io.BytesIO()
    # Fast compression: widget updates must stay well under 50 ms.
    image.convert("RGB").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def _canvas_figure(width, height, inches):
    figure = Figure(figsize=(inches, inches * height / width), dpi=style.dpi())
    FigureCanvasAgg(figure)
    return figure, figure.add_axes((0, 0, 1, 1))


class Renderer:
    """Draws one scene into one reusable figure and returns PNG bytes.

    Renders are cached by state, so revisiting a step costs nothing.
    """

    CACHE_SIZE = 64
    use_cache = True  # the benchmark turns this off to time real renders

    def __init__(self, scene):
        self.scene = scene
        self.figure, self.ax = _canvas_figure(scene.width, scene.height, scene.inches)
        self.actors = set()
        self._cache = {}

    def draw(self, state):
        with matplotlib.rc_context(style.rc()):
            prepare(self.ax, self.scene.width, self.scene.height)
            self.scene.draw(self.ax, state)
        self.actors = drawn_actors(self.ax)

    def png(self, state):
        key = (repr(state), style.dpi())
        if key not in self._cache or not Renderer.use_cache:
            self.draw(state)
            self.figure.set_dpi(style.dpi())
            if len(self._cache) >= self.CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = (_to_png(self.figure), frozenset(self.actors))
        png, actors = self._cache[key]
        self.actors = set(actors)
        return png


def legend_png(keys, width=100.0, inches=8.5):
    """The legend strip for these actors as PNG bytes."""
    height = legend_height(keys)
    figure, ax = _canvas_figure(width, height, inches)
    with matplotlib.rc_context(style.rc()):
        prepare(ax, width, height)
        draw_legend(ax, keys, width)
    return _to_png(figure)


def full_figure(scene, state):
    """A new figure holding the scene with its legend below (for exports)."""
    extra = legend_height(scene.legend) if scene.legend else 0.0
    total = scene.height + extra
    figure = Figure(figsize=(scene.inches, scene.inches * total / scene.width))
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0, extra / total, 1, scene.height / total))
    with matplotlib.rc_context(style.rc()):
        prepare(ax, scene.width, scene.height)
        scene.draw(ax, state)
        if scene.legend:
            legend_ax = figure.add_axes((0, 0, 1, extra / total))
            prepare(legend_ax, scene.width, extra)
            draw_legend(legend_ax, scene.legend, scene.width)
    return figure, drawn_actors(ax)


def describe(scene, state):
    """The text alternative of a scene in a state."""
    return scene.describe(state)


def actor_names(keys):
    """Readable names of actor keys, for descriptions."""
    return [ACTORS[k].name for k in sorted(keys)]


def unnamed_actors(actors, description):
    """Actors drawn but not named in the description (should be empty)."""
    return sorted(k for k in actors if not ACTORS[k].named_in(description))


def figure_html(png_bytes, description, title=""):
    """A self-contained image with alt text and a visible description."""
    data = base64.b64encode(png_bytes).decode("ascii")
    alt = html.escape(description, quote=True)
    heading = f"<p><strong>{html.escape(title)}</strong></p>" if title else ""
    return (
        f'<figure class="mscourse-figure" style="margin:0">{heading}'
        f'<img src="data:image/png;base64,{data}" alt="{alt}" '
        f'style="max-width:100%;height:auto">'
        f'<figcaption style="font-size:{style.html_font_size()}">'
        f"<em>What the diagram shows:</em> {html.escape(description)}</figcaption></figure>"
    )


def show(scene, state, title=""):
    """Display a static diagram with its description (for non-interactive figures)."""
    from IPython.display import HTML, display

    figure, _ = full_figure(scene, state)
    figure.set_dpi(style.dpi())
    display(HTML(figure_html(_to_png(figure), describe(scene, state), title)))
