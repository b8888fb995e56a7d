"""The drawing toolkit under every diagram: text, arrows, lines, boxes, rings, ghosts.

Everything draws onto a matplotlib ``Axes`` prepared as an axis-free canvas
(``prepare``), in canvas units. Actors (``actors.py``) and every lesson draw
with these functions, so a label, an arrow or a dashed ring looks the same in
every lesson. This module imports nothing from the rest of the package but
``style``.
"""

import numpy as np
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch, PathPatch
from matplotlib.path import Path
from matplotlib.textpath import TextPath

from . import style

DASH = (0, (4, 2))  # a dashed outline: a zone, a proposal, something to point at
GHOST_DASH = (0, (2.5, 2))  # the outline of a cell that is gone
ARROW_DASH = (0, (4, 2.5))  # an arrow for something proposed or waiting


# ---------------------------------------------------------------- the canvas

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


def add(ax, artist):
    """Add an artist without autoscaling: canvases have fixed limits."""
    ax.add_artist(artist)
    return artist


def mark(ax, key):
    """Record that an actor is on this canvas (read by descriptions and tests)."""
    ax.__dict__.setdefault("mscourse_actors", set()).add(key)


def drawn_actors(ax):
    """The set of actor keys drawn on ``ax`` since it was last prepared."""
    return set(ax.__dict__.get("mscourse_actors", set()))


# ---------------------------------------------------------------- text

_OUTLINES = {}
LINE_PITCH = 1.2  # line spacing of multi-line labels, in font sizes (matplotlib's default)
NOTE_BACKING = dict(boxstyle="round,pad=0.15", facecolor=style.PAPER, edgecolor="none")
TAG_BACKING = dict(boxstyle="round,pad=0.3", facecolor=style.PALE, edgecolor=style.GREY,
                   linewidth=0.8)


def _units_per_point(ax):
    width_pt = ax.figure.get_size_inches()[0] * 72 * ax.get_position().width
    x0, x1 = ax.get_xlim()
    return (x1 - x0) / width_pt


def _font(bold, italic, size):
    """(properties, height that centres a capital, a line's bottom and top from that centre)."""
    key = (bold, italic, size)
    if key not in _OUTLINES:
        prop = FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal",
                              style="italic" if italic else "normal")
        cap = TextPath((0, 0), "T", size=size, prop=prop).vertices[:, 1]
        middle = (cap.min() + cap.max()) / 2
        row = TextPath((0, 0), "lp", size=size, prop=prop).vertices[:, 1]  # as matplotlib sizes a line
        _OUTLINES[key] = (prop, middle, row.min() - middle, row.max() - middle)
    return _OUTLINES[key]


def _outline(text, bold, italic, size):
    """A line's outline (cached): vertices centred on the capital height, codes, x bounds."""
    key = (text, bold, italic, size)
    if key not in _OUTLINES:
        prop, middle, _, _ = _font(bold, italic, size)
        path = TextPath((0, 0), text, size=size, prop=prop)
        xs = path.vertices[:, 0]  # control-point bounds: cheap, and close enough to align
        _OUTLINES[key] = (path.vertices - [0, middle], path.codes, xs.min(), xs.max())
    return _OUTLINES[key]


def outline_text(ax, x, y, text, ha="center", colour=style.INK, step=0, bold=False, z=9,
                 italic=False, linespacing=LINE_PITCH, backing=None):
    """Text drawn as one filled outline, centred on height y (a multi-line text as a block).

    The course's type (``style.font(step)``) at a fraction of a text artist's
    rendering cost, so text-heavy diagrams stay within the widget-update budget.
    ``backing`` (``NOTE_BACKING``, ``TAG_BACKING``) draws a box behind it, sized
    and padded as matplotlib sizes a text's box.
    """
    size = style.font(step) * _units_per_point(ax)
    rows = text.split("\n")
    pitch = linespacing * size
    top = y + pitch * (len(rows) - 1) / 2
    vertices, codes, left, right = [], [], float("inf"), float("-inf")
    for i, row in enumerate(rows):
        if not row.strip():
            continue
        row_vertices, row_codes, x0, x1 = _outline(row, bold, italic, size)
        dx = x + {"left": -x0, "right": -x1}.get(ha, -(x0 + x1) / 2)
        vertices.append(row_vertices + [dx, top - i * pitch])
        codes.append(row_codes)
        left, right = min(left, dx + x0), max(right, dx + x1)
    if not vertices:
        return
    if backing:
        _, _, low, high = _font(bold, italic, size)
        bottom = top - pitch * (len(rows) - 1) + low
        add(ax, FancyBboxPatch((left, bottom), right - left, top + high - bottom,
                               mutation_scale=size, zorder=z, **backing))
    patch = add(ax, PathPatch(Path(np.concatenate(vertices), np.concatenate(codes)),
                              facecolor=colour, edgecolor="none", zorder=z))
    patch.mscourse_text = text  # its words, for tests (contrast, labels)


def text(ax, x, y, words, ha="center", colour=style.INK, step=0, bold=False, z=9,
         backing=None, italic=False, rotation=0, linespacing=None):
    """A label in the course's type, centred on height y.

    step: 0 body text (11 pt, the smallest the course uses), 0.5 a sub-heading,
    1 a heading. Labels are drawn as outlines (``outline_text``: same look,
    faster), on a backing if asked (``NOTE_BACKING`` keeps a label readable where
    it sits on a line, ``TAG_BACKING`` makes a tag). Only rotated text needs a
    matplotlib text artist.
    """
    if not rotation:
        outline_text(ax, x, y, words, ha=ha, colour=colour, step=step, bold=bold, z=z, italic=italic,
                     linespacing=LINE_PITCH if linespacing is None else linespacing, backing=backing)
        return
    extra = {"bbox": backing} if backing else {}
    if italic:
        extra["style"] = "italic"
    if linespacing is not None:
        extra["linespacing"] = linespacing
    ax.text(x, y, words, ha=ha, va="center", fontsize=style.font(step), color=colour,
            zorder=z, fontweight="bold" if bold else "normal", rotation=rotation, **extra)


def note(ax, x, y, words, **kw):
    """A label on a white backing, readable where it sits on a line or a shape."""
    text(ax, x, y, words, backing=NOTE_BACKING, **kw)


def lines(ax, x, y, rows, gap=3.0, ha="left", **kw):
    """Several lines of text, ``gap`` units apart; the first centred at y (empty ones skipped)."""
    for k, row in enumerate(r for r in rows if r):
        text(ax, x, y - k * gap, row, ha=ha, **kw)


def illustrative_tag(ax, width, height):
    """The 'illustrative, not data' stamp every chart-like sketch carries."""
    size = style.font() * _units_per_point(ax)
    _, _, _, high = _font(False, True, size)
    outline_text(ax, width - 0.8, height - 0.8 - high, "Illustrative sketch, not data",
                 ha="right", colour=style.MUTED, italic=True)


# ---------------------------------------------------------------- lines and shapes

def line(ax, xs, ys, colour=style.INK, width=1.5, dash=None, z=4, caps="round"):
    """A polyline (NaN in xs/ys breaks it: many strokes, one artist, fast redraws).

    caps: "round", "butt", or None for matplotlib's default (square ends).
    """
    return add(ax, Line2D(xs, ys, color=colour, linewidth=style.line(width),
                          linestyle=dash or "-", zorder=z, solid_capstyle=caps))


def arrow(ax, p0, p1, kind="act", colour=style.INK, dashed=False, rad=0.0, width=1.6, z=7):
    """An arrow from p0 to p1 in the course's one arrow language.

    kind "act" ends in a head (moves to, acts on, switches on); kind "inh" ends in
    a flat bar (holds back), the usual biology convention; kind "span" has a head at
    both ends (a distance or a difference). Dashed means proposed or waiting; rad
    bends it. The head grows with the line, up to the size of a standard arrow.
    """
    heads = {"act": "-|>", "inh": "-[,widthB=0.9,lengthB=0", "span": "<|-|>"}
    add(ax, FancyArrowPatch(
        p0, p1, arrowstyle=heads[kind],
        mutation_scale=min(12.0, 7.5 * width) * (0.85 if kind == "inh" else 1.0),
        connectionstyle=f"arc3,rad={rad}", color=colour, linewidth=style.line(width),
        linestyle=ARROW_DASH if dashed else "-", shrinkA=0, shrinkB=0, zorder=z))


def box(ax, x0, y0, x1, y1, fill=style.PAPER, edge=style.INK, width=1.1, dashed=False,
        rounding=1.2, z=1, title="", title_y=None, title_ha="center"):
    """A rounded box from (x0, y0) to (x1, y1); a title sits inside its top edge."""
    add(ax, FancyBboxPatch(
        (x0, y0), x1 - x0, y1 - y0, boxstyle=f"round,pad=0,rounding_size={rounding}",
        facecolor=fill, edgecolor=edge, linewidth=style.line(width),
        linestyle=dashed if isinstance(dashed, tuple) else (DASH if dashed else "-"), zorder=z))
    if title:
        tx = (x0 + x1) / 2 if title_ha == "center" else x0 + 1.2
        text(ax, tx, title_y if title_y is not None else y1 - 1.9, title, ha=title_ha, bold=True)


def ring(ax, x, y, r, colour=style.INK, width=2.0, dash=DASH, z=10):
    """An empty ring: dashed, it points something out; solid (dash=None), it marks a cell."""
    add(ax, Circle((x, y), r, fill=False, edgecolor=colour, linewidth=style.line(width),
                   linestyle=dash or "-", zorder=z))


def ghost(ax, x, y, size=1.7, square=False, label="", z=5):
    """A cell that is gone: its empty dashed outline, with its letters in grey if given."""
    if square:
        add(ax, FancyBboxPatch(
            (x - size, y - size), 2 * size, 2 * size,
            boxstyle=f"round,pad=0,rounding_size={size * 0.5:.2f}", facecolor="none",
            edgecolor=style.MUTED, linewidth=style.line(1.1), linestyle=GHOST_DASH, zorder=z))
    else:
        add(ax, Circle((x, y), size, facecolor="none", edgecolor=style.MUTED,
                       linewidth=style.line(1.1), linestyle=GHOST_DASH, zorder=z))
    if label:
        outline_text(ax, x, y, label, colour=style.MUTED, z=z + 0.1)
