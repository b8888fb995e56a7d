"""Rendering a scene to pixels: one reusable figure per scene, cached by state.

Rendering uses a private ``matplotlib.figure.Figure`` (never pyplot), so no
figure is ever left open in the notebook and nothing flickers.
"""

import io

import matplotlib
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from . import style
from .actors import draw_legend, legend_height
from .canvas import drawn_actors, prepare


def to_png(figure, dpi=None, colours=None, compress_level=1):
    """The figure as PNG: (bytes, (width, height)) in pixels.

    Widgets use full colour at fast compression (level 1), so an update stays
    well inside its 50 ms budget. ``colours`` makes a smaller palette PNG (the
    static site, built once: 64 colours at level 9).
    """
    if dpi:
        figure.set_dpi(dpi)
    with matplotlib.rc_context(style.rc()):
        figure.canvas.draw()
    size = figure.canvas.get_width_height(physical=True)
    image = PIL.Image.frombuffer("RGBA", size, figure.canvas.buffer_rgba()).convert("RGB")
    if colours:
        image = image.quantize(colours, method=PIL.Image.Quantize.FASTOCTREE,
                               dither=PIL.Image.Dither.NONE)
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=compress_level)
    return buffer.getvalue(), size


def canvas_figure(width, height, inches):
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
        self.figure, self.ax = canvas_figure(scene.width, scene.height, scene.inches)
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
            self._cache[key] = (to_png(self.figure)[0], frozenset(self.actors))
        png, actors = self._cache[key]
        self.actors = set(actors)
        return png


def legend_png(keys, width=100.0, inches=8.5):
    """The legend strip for these actors as PNG bytes."""
    height = legend_height(keys)
    figure, ax = canvas_figure(width, height, inches)
    with matplotlib.rc_context(style.rc()):
        prepare(ax, width, height)
        draw_legend(ax, keys, width)
    return to_png(figure)[0]


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
