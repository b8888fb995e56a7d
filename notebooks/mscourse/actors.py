"""The visual vocabulary: one drawing function and one colour per actor.

Every function draws onto a matplotlib ``Axes`` in canvas units (see
``canvas.prepare``) and records which actor it drew, so a diagram's text
description can be checked against what is really on screen.

Colour is never the only cue: each actor has its own shape, and the cells
that could be confused carry a letter (T, B, M ...).
"""

import re
from dataclasses import dataclass
from typing import Callable

import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.patches import (
    Circle,
    Ellipse,
    FancyBboxPatch,
    Polygon,
    Rectangle,
)

from . import style
from .canvas import add as _add
from .canvas import drawn_actors, line, outline_text
from .canvas import mark as _mark


@dataclass(frozen=True)
class Actor:
    key: str
    name: str  # the words used in captions and descriptions
    colour: str
    shape: str  # how it looks, in words (the colour-free cue, for people who cannot see it)
    words: tuple  # regular expressions: a whole-word match in a description names the actor
    icon: Callable  # icon(ax, x, y): a small picture of the actor, for the legend
    short: str = ""  # the legend label, if shorter than the name

    @property
    def legend_label(self):
        return self.short or self.name

    @property
    def ink(self):
        """The actor's colour darkened: arrows, edges and labels that belong to it."""
        return style.darker(self.colour)

    @property
    def pale(self):
        """The actor's colour paled: an area that belongs to it (a compartment, a band)."""
        return style.paler(self.colour)

    def named_in(self, text):
        """True if ``text`` names this actor, as a whole word and not negated.

        "No B cells are drawn" or "without antibodies" do not name the actor;
        "nothing" does not name thin myelin.
        """
        pattern = re.compile(r"\b(?:" + "|".join(self.words) + r")\b", re.IGNORECASE)
        return any(not _negated(text[:m.start()]) for m in pattern.finditer(text))


_NEGATORS = {"no", "without", "nothing", "none", "neither", "nor", "zero", "lacks", "lacking"}


def _negated(before):
    """True if the clause leading up to a word negates it ("no", "without", "not any" ...)."""
    clause = re.split(r"[.;:!?()]|,| but | and ", before.lower())[-1]
    words = re.findall(r"[a-z'-]+", clause)[-3:]
    return bool(_NEGATORS & set(words)) or any(
        a == "not" and b in ("a", "an", "any", "one") for a, b in zip(words, words[1:]))


def _myelin_icon(kind):
    def icon(ax, x, y):
        draw_axon(ax, x - 2.4, x + 2.4, y, thickness=0.7)
        draw_myelin(ax, x - 1.9, x + 1.9, y, thickness=0.7, kind=kind)
    return icon


def _node_icon(ax, x, y):
    draw_axon(ax, x - 2.4, x + 2.4, y, thickness=0.7)
    draw_node(ax, x, y, thickness=0.7)


_OK = style.OKABE_ITO
ACTORS = {
    a.key: a
    for a in [
        Actor("neuron", "neuron (cell body)", style.SILVER, "grey cell body with branching dendrites",
              ("neurons?", "nerve cells?"), lambda ax, x, y: draw_neuron(ax, x, y, size=1.1), "neuron"),
        Actor("axon", "axon", style.SILVER, "long grey cable", ("axons?",),
              lambda ax, x, y: draw_axon(ax, x - 2.4, x + 2.4, y, thickness=0.8)),
        Actor("myelin", "myelin sheath", _OK["yellow"], "yellow rounded sleeve around the axon",
              (r"myelin\w*",), _myelin_icon("intact"), "myelin"),
        Actor("thin_myelin", "thin new myelin", _OK["yellow"], "thinner hatched yellow sleeve",
              ("thin", "thinner", "new myelin", r"remyelin\w*"), _myelin_icon("thin"), "thin new\nmyelin"),
        Actor("damaged_myelin", "damaged myelin", _OK["yellow"], "broken yellow fragments with dashed edge",
              ("damaged", "broken", "stripped", r"demyelinat\w*"), _myelin_icon("damaged"), "damaged\nmyelin"),
        Actor("node", "node of Ranvier", style.INK, "black bars in the gap between sheaths", (r"(?<!lymph )nodes?",),
              _node_icon, "node of\nRanvier"),
        Actor("oligodendrocyte", "oligodendrocyte", _OK["bluish_green"],
              "green round cell with several arms, labelled O", ("oligodendrocytes?",),
              lambda ax, x, y: draw_oligodendrocyte(ax, x, y, size=1.3), "oligodendro-\ncyte"),
        Actor("opc", "oligodendrocyte precursor cell (OPC)", style.PALE_GREEN,
              "small pale green cell with two thin arms, labelled P", ("opcs?", "precursors?"),
              lambda ax, x, y: draw_opc(ax, x, y, size=0.9), "OPC"),
        Actor("schwann", "Schwann cell", _OK["sky_blue"], "blue cell body sitting on one sheath, labelled S",
              ("schwann",), lambda ax, x, y: draw_schwann(ax, x - 2.0, x + 2.0, y - 0.8, thickness=0.6)),
        Actor("t_cell", "T cell", _OK["vermillion"], "orange-red circle labelled T", (r"t[ -]cells?",),
              lambda ax, x, y: draw_t_cell(ax, x, y, size=1.2)),
        Actor("b_cell", "B cell", _OK["blue"], "blue rounded square labelled B", (r"b[ -]cells?",),
              lambda ax, x, y: draw_b_cell(ax, x, y, size=1.1)),
        Actor("antibody", "antibody", _OK["blue"], "small blue Y shape", (r"antibod(?:y|ies)",),
              lambda ax, x, y: draw_antibody(ax, x, y + 0.2, size=0.9)),
        Actor("macrophage", "macrophage / activated microglia", _OK["reddish_purple"],
              "pink-purple lumpy cell labelled M", ("macrophages?", r"microglia\w*"),
              lambda ax, x, y: draw_macrophage(ax, x, y, size=1.3), "macrophage/\nactive microglia"),
        Actor("microglia", "resting microglia", _OK["reddish_purple"],
              "small pink-purple cell with many fine branches, labelled M", (r"microglia\w*",),
              lambda ax, x, y: draw_macrophage(ax, x, y, size=1.2, resting=True), "resting\nmicroglia"),
        Actor("vessel", "blood vessel and blood-brain barrier", style.BLUSH,
              "pale pink tube whose wall is a row of tightly joined cells",
              ("blood vessels?", "blood-brain barrier", "bloodstream"),
              lambda ax, x, y: draw_vessel(ax, x - 2.5, x + 2.5, y, height=1.8), "blood vessel\n(barrier wall)"),
        Actor("signal", "nerve signal (action potential)", _OK["orange"], "orange star",
              ("signals?", "action potentials?", "impulses?"), lambda ax, x, y: draw_signal(ax, x, y, size=1.0),
              "nerve signal"),
        Actor("block", "conduction block", style.INK, "black cross", (r"block\w*", "stops", "fails"),
              lambda ax, x, y: draw_block(ax, x, y, size=0.9), "signal\nblocked"),
        Actor("hsc", "haematopoietic stem cell (HSC)", style.TOL["wine"],
              "wine-red round cell with a large nucleus, labelled H",
              ("hscs?", "haematopoietic", "blood-forming stem"), lambda ax, x, y: draw_hsc(ax, x, y, size=1.2), "HSC"),
        Actor("msc", "mesenchymal stromal cell (MSC)", style.TOL["olive"], "olive spindle-shaped cell, labelled MSC",
              ("mscs?", "mesenchymal"), lambda ax, x, y: draw_msc(ax, x, y, size=1.4), "MSC"),
        Actor("nsc", "neural stem/precursor cell (NSC)", style.TOL["indigo"], "indigo hexagon labelled N",
              ("nscs?", "neural stem"), lambda ax, x, y: draw_nsc(ax, x, y, size=1.2), "NSC"),
    ]
}


def _label(ax, x, y, text, colour=style.INK, z=6):
    """A cell's letter, bold and centred (drawn as an outline: many cells, fast redraws)."""
    outline_text(ax, x, y, text, ha="center", colour=colour, bold=True, z=z)


# ---------------------------------------------------------------- nerve parts

def draw_axon(ax, x0, x1, y, thickness=1.6, z=2):
    """A straight axon from x0 to x1 at height y."""
    _add(ax, Rectangle(
        (x0, y - thickness / 2), x1 - x0, thickness,
        facecolor=ACTORS["axon"].colour, edgecolor=style.INK,
        linewidth=style.line(1.0), zorder=z,
    ))
    _mark(ax, "axon")


def draw_myelin(ax, x0, x1, y, thickness=1.6, kind="intact", z=3):
    """A myelin sheath (internode) wrapped around the axon between x0 and x1.

    kind: "intact", "thin" (remyelinated: thinner, hatched) or "damaged"
    (broken fragments with a dashed edge).
    """
    colour = ACTORS["myelin"].colour
    if kind == "damaged":
        n = 3
        gap = (x1 - x0) * 0.12
        width = (x1 - x0 - gap * (n - 1)) / n
        for i in range(n):
            fx = x0 + i * (width + gap)
            dy = 0.5 if i % 2 else -0.3
            _add(ax, FancyBboxPatch(
                (fx, y - thickness * 0.9 + dy), width, thickness * 1.8,
                boxstyle="round,pad=0.05,rounding_size=0.5", facecolor=colour,
                edgecolor=style.INK, linewidth=style.line(1.0),
                linestyle=(0, (3, 2)), zorder=z, alpha=0.85,
            ))
        _mark(ax, "damaged_myelin")
        return
    wrap = thickness * (0.55 if kind == "thin" else 1.1)
    _add(ax, FancyBboxPatch(
        (x0, y - thickness / 2 - wrap), x1 - x0, thickness + 2 * wrap,
        boxstyle=f"round,pad=0,rounding_size={min(wrap * 1.6, (x1 - x0) / 2):.3f}",
        facecolor=colour, edgecolor=style.INK, linewidth=style.line(1.2),
        hatch="////" if kind == "thin" else None, zorder=z,
    ))
    _mark(ax, "thin_myelin" if kind == "thin" else "myelin")


def draw_node(ax, x, y, thickness=1.6, z=4):
    """A node of Ranvier: sodium-channel clusters drawn as bars above and below."""
    h = thickness * 0.9
    inner, outer = thickness / 2, thickness / 2 + h
    # One artist with a gap (NaN) instead of two: nodes are many, redraws must be fast.
    line(ax, [x, x, np.nan, x, x], [y + inner, y + outer, np.nan, y - inner, y - outer],
         width=2.2, caps="butt", z=z)
    _mark(ax, "node")


def draw_neuron(ax, x, y, size=4.0, z=4):
    """A neuron cell body with dendrites; the axon leaves to the right."""
    rng = np.random.default_rng(7)  # fixed seed: the same neuron every time
    for angle in np.linspace(100, 260, 5):
        a = np.radians(angle + rng.uniform(-8, 8))
        x1, y1 = x + np.cos(a) * size * 1.9, y + np.sin(a) * size * 1.9
        line(ax, [x, x1], [y, y1], width=1.3, z=z - 1, caps=None)
        for da in (-25, 25):
            b = a + np.radians(da)
            line(ax, [x1, x1 + np.cos(b) * size * 0.6], [y1, y1 + np.sin(b) * size * 0.6],
                 width=1.0, z=z - 1, caps=None)
    _add(ax, Polygon(
        [(x - size, y), (x - size * 0.3, y + size * 0.9), (x + size * 0.9, y + size * 0.35),
         (x + size * 0.9, y - size * 0.35), (x - size * 0.3, y - size * 0.9)],
        closed=True, facecolor=ACTORS["neuron"].colour, edgecolor=style.INK,
        linewidth=style.line(1.3), zorder=z,
    ))
    _add(ax, Circle((x - size * 0.1, y), size * 0.3, facecolor=style.GREY,
                        edgecolor=style.INK, linewidth=style.line(0.8), zorder=z + 0.1))
    _mark(ax, "neuron")


def draw_oligodendrocyte(ax, x, y, targets=(), size=2.6, z=5):
    """An oligodendrocyte whose arms reach the sheaths it makes (targets)."""
    for tx, ty in targets:
        line(ax, [x, tx], [y, ty], colour=ACTORS["oligodendrocyte"].colour, width=2.0, z=z - 2.5)
    _add(ax, Circle((x, y), size, facecolor=ACTORS["oligodendrocyte"].colour,
                        edgecolor=style.INK, linewidth=style.line(1.2), zorder=z))
    _label(ax, x, y, "O", z=z + 0.1)
    _mark(ax, "oligodendrocyte")


def draw_opc(ax, x, y, size=1.8, z=5):
    """An oligodendrocyte precursor cell: small, with two thin arms."""
    ink = ACTORS["oligodendrocyte"].ink
    for sign in (1, -1):
        line(ax, [x, x + sign * size * 2.2], [y, y + size * 0.9], colour=ink, width=1.1,
             z=z - 0.5, caps=None)
        line(ax, [x, x + sign * size * 1.6], [y, y - size * 1.2], colour=ink, width=1.1,
             z=z - 0.5, caps=None)
    _add(ax, Ellipse((x, y), size * 2.0, size * 1.6, facecolor=ACTORS["opc"].colour,
                         edgecolor=ink, linewidth=style.line(1.2), zorder=z))
    _label(ax, x, y, "P", z=z + 0.1)
    _mark(ax, "opc")


def draw_schwann(ax, x0, x1, y, thickness=1.6, z=3):
    """A Schwann cell: one sheath on one axon, its cell body sitting on top."""
    draw_myelin(ax, x0, x1, y, thickness=thickness, z=z)
    cx = (x0 + x1) / 2
    top = y + thickness / 2 + thickness * 1.1
    _add(ax, Ellipse((cx, top + 0.9), (x1 - x0) * 0.45, 2.2,
                         facecolor=ACTORS["schwann"].colour, edgecolor=style.INK,
                         linewidth=style.line(1.1), zorder=z + 1))
    _label(ax, cx, top + 0.9, "S", z=z + 1.1)
    _mark(ax, "schwann")


# ---------------------------------------------------------------- immune cells

def draw_t_cell(ax, x, y, size=1.7, tag="", z=6):
    """A T cell: a circle with a T; tag adds a small subtype label (e.g. "8")."""
    _add(ax, Circle((x, y), size, facecolor=ACTORS["t_cell"].colour,
                        edgecolor=style.INK, linewidth=style.line(1.1), zorder=z))
    _label(ax, x, y, "T" + tag, colour=style.OKABE_ITO["black"], z=z + 0.1)
    _mark(ax, "t_cell")


def draw_b_cell(ax, x, y, size=1.7, z=6):
    """A B cell: a rounded square with a B."""
    _add(ax, FancyBboxPatch(
        (x - size, y - size), 2 * size, 2 * size,
        boxstyle=f"round,pad=0,rounding_size={size * 0.5:.3f}",
        facecolor=ACTORS["b_cell"].colour, edgecolor=style.INK,
        linewidth=style.line(1.1), zorder=z,
    ))
    _label(ax, x, y, "B", colour=style.PAPER, z=z + 0.1)
    _mark(ax, "b_cell")


def draw_antibody(ax, x, y, size=1.1, angle=0.0, z=6):
    """An antibody: a Y shape."""
    a = np.radians(angle)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    stem = np.array([[0, -size], [0, 0]])
    arms = [np.array([[0, 0], [-size * 0.7, size * 0.8]]), np.array([[0, 0], [size * 0.7, size * 0.8]])]
    for seg in [stem] + arms:
        pts = seg @ rot.T + [x, y]
        line(ax, pts[:, 0], pts[:, 1], colour=ACTORS["antibody"].colour, width=2.2, z=z)
    _mark(ax, "antibody")


def _blob(x, y, size, lobes=7, seed=3):
    rng = np.random.default_rng(seed)
    t = np.linspace(0, 2 * np.pi, 60, endpoint=False)
    wobble = 1 + 0.16 * np.sin(lobes * t + rng.uniform(0, 6)) + 0.06 * np.sin(3 * t)
    return np.column_stack([x + size * wobble * np.cos(t), y + size * 0.85 * wobble * np.sin(t)])


def draw_macrophage(ax, x, y, size=2.4, resting=False, eating=False, z=6):
    """A macrophage or microglial cell.

    resting=True draws a resting (ramified) microglial cell: small body, many
    fine branches. eating=True shows engulfed myelin fragments inside it.
    """
    colour = ACTORS["macrophage"].colour
    ink = ACTORS["microglia"].ink
    if resting:
        for k, angle in enumerate(np.linspace(0, 360, 6, endpoint=False)):
            a = np.radians(angle + 20)
            x1, y1 = x + np.cos(a) * size * 1.6, y + np.sin(a) * size * 1.6
            line(ax, [x, x1], [y, y1], colour=ink, width=1.1, z=z - 0.5, caps=None)
            b = a + np.radians(35 if k % 2 else -35)
            line(ax, [x1, x1 + np.cos(b) * size * 0.6], [y1, y1 + np.sin(b) * size * 0.6],
                 colour=ink, width=0.9, z=z - 0.5, caps=None)
        _add(ax, Circle((x, y), size * 0.55, facecolor=colour, edgecolor=style.INK,
                            linewidth=style.line(1.0), zorder=z))
        _label(ax, x, y, "M", z=z + 0.1)
    else:
        _add(ax, Polygon(_blob(x, y, size), closed=True, facecolor=colour,
                             edgecolor=style.INK, linewidth=style.line(1.1), zorder=z))
        if eating:
            for dx, dy in ((-0.45, 0.35), (0.35, -0.4), (0.5, 0.35)):
                _add(ax, Ellipse((x + dx * size, y + dy * size), size * 0.45, size * 0.28,
                                     facecolor=ACTORS["myelin"].colour, edgecolor=style.INK,
                                     linewidth=style.line(0.6), zorder=z + 0.05))
        _label(ax, x - (0.0 if not eating else 0.05 * size), y, "M", z=z + 0.1)
    _mark(ax, "microglia" if resting else "macrophage")


# ---------------------------------------------------------------- vessels, signals

def draw_vessel(ax, x0, x1, y, height=6.0, leaky_at=(), z=1):
    """A blood vessel (horizontal) whose wall is the blood-brain barrier.

    leaky_at: x positions where the barrier has opened (a gap in the wall).
    """
    _add(ax, Rectangle((x0, y - height / 2), x1 - x0, height,
                           facecolor=ACTORS["vessel"].colour, edgecolor="none", zorder=z))
    cell_w = 5.0
    wall_cells = []
    for wall_y in (y + height / 2, y - height / 2):
        cx = x0
        while cx < x1 - 0.01:
            w = min(cell_w, x1 - cx)
            mid = cx + w / 2
            if not any(abs(mid - g) < cell_w / 2 for g in leaky_at):
                wall_cells.append(FancyBboxPatch(
                    (cx + 0.15, wall_y - 0.55), w - 0.3, 1.1,
                    boxstyle="round,pad=0,rounding_size=0.5"))
            cx += cell_w
    # One collection for the whole wall: dozens of cells, one artist to draw.
    _add(ax, PatchCollection(wall_cells, facecolor=style.BRICK, edgecolor=style.DARK_BRICK,
                             linewidth=style.line(0.9), zorder=z + 0.5))
    _mark(ax, "vessel")


def draw_signal(ax, x, y, size=1.6, z=8):
    """The nerve signal (action potential): an orange star."""
    angles = np.radians(90 + 36 * np.arange(10))
    radii = np.where(np.arange(10) % 2 == 0, size * 1.6, size * 0.65)
    _add(ax, Polygon(np.column_stack([x + radii * np.cos(angles), y + radii * np.sin(angles)]),
                     closed=True, facecolor=ACTORS["signal"].colour, edgecolor=style.INK,
                     linewidth=style.line(1.0), zorder=z))
    _mark(ax, "signal")


def draw_block(ax, x, y, size=1.4, z=8):
    """A conduction block: a bold black cross where the signal stops."""
    for sx in (1, -1):
        line(ax, [x - size, x + size], [y - sx * size, y + sx * size], width=3.2, z=z)
    _mark(ax, "block")


# ---------------------------------------------------------------- stem cells

def draw_hsc(ax, x, y, size=2.0, z=6):
    """A haematopoietic stem cell: round, with a large nucleus, labelled H."""
    _add(ax, Circle((x, y), size, facecolor=style.paler(ACTORS["hsc"].colour, 0.75), edgecolor=ACTORS["hsc"].colour,
                        linewidth=style.line(1.8), zorder=z))
    _add(ax, Circle((x, y), size * 0.68, facecolor=ACTORS["hsc"].colour,
                        edgecolor=style.INK, linewidth=style.line(0.8), zorder=z + 0.05))
    _label(ax, x, y, "H", colour=style.PAPER, z=z + 0.1)
    _mark(ax, "hsc")


def draw_msc(ax, x, y, size=2.2, z=6):
    """A mesenchymal stromal cell: spindle-shaped, labelled MS."""
    t = np.linspace(0, 2 * np.pi, 60)
    xs = x + size * 1.7 * np.cos(t)
    ys = y + size * 0.55 * np.sin(t) * (1 - 0.35 * np.cos(t) ** 2)
    _add(ax, Polygon(np.column_stack([xs, ys]), closed=True, facecolor=ACTORS["msc"].colour,
                         edgecolor=style.INK, linewidth=style.line(1.1), zorder=z))
    _label(ax, x, y, "MSC", z=z + 0.1)
    _mark(ax, "msc")


def draw_nsc(ax, x, y, size=2.1, z=6):
    """A neural stem/precursor cell: an indigo hexagon, labelled N."""
    angles = np.radians(30 + 60 * np.arange(6))
    _add(ax, Polygon(np.column_stack([x + size * np.cos(angles), y + size * np.sin(angles)]),
                     closed=True, facecolor=ACTORS["nsc"].colour, edgecolor=style.INK,
                     linewidth=style.line(1.1), zorder=z))
    _label(ax, x, y, "N", colour=style.PAPER, z=z + 0.1)
    _mark(ax, "nsc")


# ---------------------------------------------------------------- legend

LEGEND_PER_ROW = 4
LEGEND_ROW_HEIGHT = 5.0


def legend_items(keys):
    """[name, how it is drawn] of each actor in a legend: the key in words."""
    return [[ACTORS[k].name, ACTORS[k].shape] for k in keys if k in ACTORS]


def legend_alt(keys):
    """The legend strip's alt text: each actor's name and how it is drawn."""
    return "Legend: " + "; ".join(f"{name}, drawn as {shape}" for name, shape in legend_items(keys))


def legend_height(keys, per_row=LEGEND_PER_ROW):
    """Canvas units a legend of these actors needs."""
    rows = -(-len(list(keys)) // per_row)
    return rows * LEGEND_ROW_HEIGHT


def draw_legend(ax, keys, width=100.0, per_row=LEGEND_PER_ROW):
    """A legend: each actor's icon beside its name, in rows, on its own canvas.

    The canvas is ``width`` wide and ``legend_height(keys)`` tall.
    """
    keys = list(keys)
    top = legend_height(keys, per_row)
    slot = width / per_row
    for i, key in enumerate(keys):
        r, c = divmod(i, per_row)
        cx = c * slot + 3.0
        cy = top - (r + 0.5) * LEGEND_ROW_HEIGHT
        ACTORS[key].icon(ax, cx, cy)
        ax.text(cx + 3.2, cy, ACTORS[key].legend_label, ha="left", va="center",
                fontsize=style.font(), color=style.INK, zorder=6, linespacing=1.0)
