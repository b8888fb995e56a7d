"""Every state the course draws (each lesson's exported figures and storyboard steps),
drawn once per test run, and what is on each canvas: actors and colours."""

import functools

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text

from mscourse import style
from mscourse.actors import ACTORS
from mscourse.canvas import prepare
from mscourse.lessons import load
from mscourse.widgets import Step


def storyboards(module):
    """Every tuple of Steps a lesson module defines, by name."""
    return [(name, value) for name, value in vars(module).items()
            if isinstance(value, tuple) and value and all(isinstance(s, Step) for s in value)]


def lesson_states(module):
    """(scene, state, label) for every exported figure and storyboard step of a lesson."""
    scene_for = {}  # a step's state type tells which scene draws it (the figures say so)
    for spec in module.FIGURES:
        scene_for.setdefault(type(spec.state), spec.scene)
    out = [(spec.scene, spec.state, spec.slug) for spec in module.FIGURES]
    for name, steps in storyboards(module):
        for k, step in enumerate(steps):
            scene = scene_for.get(type(step.state))
            assert scene, f"{module.__name__}.{name}: no exported figure uses the scene of step {k + 1}"
            out.append((scene, step.state, f"{name} step {k + 1}"))
    return out


@functools.lru_cache(maxsize=None)
def drawn(lesson):
    """[(label, scene, state, ax)] for every state of a lesson, drawn (not rasterised)."""
    out = []
    for scene, state, label in lesson_states(load(lesson)):
        figure = Figure(figsize=(scene.inches, scene.inches * scene.height / scene.width))
        FigureCanvasAgg(figure)
        ax = figure.add_axes((0, 0, 1, 1))
        prepare(ax, scene.width, scene.height)
        scene.draw(ax, state)
        out.append((label, scene, state, ax))
    return out


def _artists(ax):
    skip = {ax.patch, ax.xaxis, ax.yaxis, *ax.spines.values(), ax.title, ax._left_title,
            ax._right_title}
    return [a for a in ax.get_children() if a not in skip and a.get_visible()]


def _hexes(value):
    """The opaque colours in a matplotlib colour value or array (transparent ones dropped)."""
    try:
        rgba = [to_rgba(value)]
    except (ValueError, TypeError):
        rgba = [to_rgba(v) for v in value]
    return [to_hex(c[:3]).upper() for c in rgba if c[3] > 0]


def colours(ax):
    """{(hex colour, role)} of everything drawn on ``ax``; role is "text", "arrow", "line",
    "fill" or "edge" (of shapes)."""
    out = set()
    for artist in _artists(ax):
        if isinstance(artist, Text):
            out |= {(c, "text") for c in _hexes(artist.get_color())}
            box = artist.get_bbox_patch()
            if box is not None:
                out |= {(c, "fill") for c in _hexes(box.get_facecolor())}
                out |= {(c, "edge") for c in _hexes(box.get_edgecolor())}
        elif getattr(artist, "mscourse_text", False):
            out |= {(c, "text") for c in _hexes(artist.get_facecolor())}
        elif isinstance(artist, FancyArrowPatch):
            out |= {(c, "arrow") for c in _hexes(artist.get_edgecolor())}
        elif isinstance(artist, (Line2D, LineCollection)):
            value = artist.get_color() if isinstance(artist, Line2D) else artist.get_edgecolor()
            out |= {(c, "line") for c in _hexes(value)}
        else:
            out |= {(c, "fill") for c in _hexes(artist.get_facecolor())}
            if np.max(artist.get_linewidth()) > 0:
                out |= {(c, "edge") for c in _hexes(artist.get_edgecolor())}
    return out


def _palette():
    names = {}
    for name, value in vars(style).items():
        if isinstance(value, str) and value.startswith("#") and len(value) == 7:
            names.setdefault(value.upper(), f"style.{name}")
    for table in ("OKABE_ITO", "TOL"):
        for name, value in getattr(style, table).items():
            names.setdefault(value.upper(), f"style.{table}[{name!r}]")
    for actor in ACTORS.values():  # actor names win: they are what a reader sees
        names[actor.colour.upper()] = f"{actor.key} ({style_name(names, actor.colour)})"
    return names


def style_name(names, colour):
    return names.get(colour.upper(), colour)


def colour_name(hex_colour):
    """Where a colour comes from: a palette entry, an actor, or derived from one (None if unknown)."""
    names = _palette()
    hex_colour = hex_colour.upper()
    if hex_colour in names:
        return names[hex_colour]
    if hex_colour in style.DERIVED:
        base, other, amount = style.DERIVED[hex_colour]
        how = "darker" if other == "#000000" else "paler"
        return f"{colour_name(base) or base} {how} {amount}"
    return None


def family(hex_colour):
    """The palette colour a colour is derived from (itself if it is not derived)."""
    hex_colour = hex_colour.upper()
    while hex_colour in style.DERIVED:
        hex_colour = style.DERIVED[hex_colour][0]
    return hex_colour

