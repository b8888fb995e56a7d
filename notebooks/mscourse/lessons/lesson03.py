"""Lesson 03, mechanism 1: the immune reset by autologous haematopoietic stem
cell transplantation (AHSCT), step by step.

The teaching text (step titles and captions, the prose each diagram's description
says, explorer headings, the self-check and the references) lives in
``content/lesson03.toml``, which an instructor can edit without Python. This module
keeps the states (``STAGES``, ``OLD_CLONES``, ``REPERTOIRES``, ``RESCUE_VIEW``,
``INTENSITIES``, ``PHASES``), the layout and the drawing.

Clone types are drawn as T cells (or B cells) carrying a small shape marker
(a lesson-local badge): a black triangle for autoreactive clones, a white
square for protective clones, a grey diamond for regulatory clones. A dashed
empty outline (with its T4/T8 or B label and its marker in pale grey) is a
clone removed by conditioning; an extra outer ring marks a newly made cell. The widgets show this key once under the diagram (``with_key``);
exported figures draw it in (``key=True``). Colour is never the only cue.
"""

from dataclasses import dataclass

import ipywidgets as w
from matplotlib.patches import FancyBboxPatch, Polygon, Rectangle

from .. import actors as A
from .. import content
from .. import style
from .. import canvas as C
from ..render import Renderer
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Quiz, Storyboard

# The teaching text (captions, descriptions' prose, quiz, references) lives in
# content/lesson03.toml; this module keeps the states and the drawing.
CONTENT = content.for_module(__name__)

# ================================================================ shared drawing helpers

ROOM_EDGE = dict(edge=style.DARK_GREY, z=0.5)  # body compartments: a grey outline, behind all
ROOM = dict(ROOM_EDGE, width=1.2)
KIND_WORDS = {  # the clone types, in words (key, descriptions)
    "auto": "autoreactive",
    "prot": "protective",
    "reg": "regulatory",
    "B": "B cell",
}


def _badge(ax, kind, x, y, r=0.95, ghost=False, z=7):
    """The lesson's clone-type marker: triangle, square or diamond."""
    if kind == "auto":
        pts = [(x - r, y - r * 0.8), (x + r, y - r * 0.8), (x, y + r)]
        fill = style.INK
    elif kind == "prot":
        pts = [(x - r * 0.8, y - r * 0.8), (x + r * 0.8, y - r * 0.8),
               (x + r * 0.8, y + r * 0.8), (x - r * 0.8, y + r * 0.8)]
        fill = style.PAPER
    elif kind == "reg":
        pts = [(x, y - r * 1.05), (x + r, y), (x, y + r * 1.05), (x - r, y)]
        fill = style.GREY
    else:
        return
    ax.add_artist(Polygon(
        pts, closed=True, facecolor=style.GHOST_GREY if ghost else fill,
        edgecolor=style.MUTED if ghost else style.INK, linewidth=style.line(1.0), zorder=z))


def draw_clone(ax, x, y, kind, tag="", mark="", size=1.7):
    """One clone: a T cell (kind auto/prot/reg) or a B cell (kind "B").

    mark: "" an existing cell, "ghost" removed by conditioning, "new" newly made.
    """
    if mark == "ghost":
        C.ghost(ax, x, y, size, square=(kind == "B"), label="B" if kind == "B" else "T" + tag)
        _badge(ax, kind, x + size * 1.05, y + size * 1.0, ghost=True)
        return
    if mark == "new":
        C.ring(ax, x, y, size + 0.75, width=1.2, dash=None, z=5.5)
    if kind == "B":
        A.draw_b_cell(ax, x, y, size=size * 0.92)
    else:
        A.draw_t_cell(ax, x, y, size=size, tag=tag)
        _badge(ax, kind, x + size * 1.05, y + size * 1.0)


def draw_hsc_slot(ax, x, y, mark="", size=1.9):
    """A blood-forming stem cell, or the dashed outline of one that was destroyed."""
    if mark == "ghost":
        C.ghost(ax, x, y, size)
    else:
        A.draw_hsc(ax, x, y, size=size)


def draw_repertoire(ax, cells, x0, y0, dx, dy, cols, size=1.7):
    """Draw clones on a grid; cells are (slot, kind, tag, mark) tuples."""
    for slot, kind, tag, mark in cells:
        r, c = divmod(slot, cols)
        draw_clone(ax, x0 + c * dx, y0 - r * dy, kind, tag, mark, size=size)


def _stem_cells(count):
    return _n(count, "haematopoietic stem cell (HSC)", "haematopoietic stem cells (HSCs)")


def count_cells(cells):
    """Counts for descriptions: {(kind, mark): n}."""
    out = {}
    for _, kind, _, mark in cells:
        out[(kind, mark)] = out.get((kind, mark), 0) + 1
    return out


def _n(count, word, plural=None):
    if count == 1:
        return f"one {word}"
    names = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
    return f"{names.get(count, count)} {plural or word + 's'}"


def describe_cells(cells):
    """Plain words for a set of clones: what is present, removed and new."""
    counts = count_cells(cells)
    parts = []
    for mark, lead in (("", "old cells"), ("new", "newly made"), ("ghost", "removed (dashed outlines)")):
        items = []
        for kind in ("auto", "prot", "reg"):
            n = counts.get((kind, mark), 0)
            if n:
                items.append(_n(n, f"{KIND_WORDS[kind]} T cell"))
        n = counts.get(("B", mark), 0)
        if n:
            items.append(_n(n, "B cell"))
        if items:
            parts.append(f"{lead}: " + ", ".join(items))
    return "; ".join(parts) if parts else "no immune cells"


def draw_key(ax, x, y, entries=("auto", "prot", "reg", "ghost", "new"), gap=19.5):
    """A one-row key to the clone markers, starting at (x, y)."""
    labels = {"auto": "autoreactive", "prot": "protective", "reg": "regulatory",
              "ghost": "removed", "new": "newly made"}
    for i, key in enumerate(entries):
        cx = x + i * gap
        if key in ("auto", "prot", "reg"):
            _badge(ax, key, cx, y, r=1.05)
        elif key == "ghost":
            C.ghost(ax, cx, y, 1.5, label="T")
        else:
            C.ring(ax, cx, y, 1.25, width=1.2, dash=None, z=5)
            C.ring(ax, cx, y, 0.7, width=1.0, dash=None, z=5)
        C.text(ax, cx + (1.9 if key in ("auto", "prot", "reg") else 2.6), y, labels[key], ha="left")


KEY_SENTENCE = CONTENT.text("clone_key")
KEY_POINTER = "The shapes on the cells are explained in the key."


def _key_words(state):
    """The full key for exported figures (drawn in); a pointer to it for the widgets."""
    return KEY_SENTENCE if getattr(state, "key", False) else KEY_POINTER


@dataclass(frozen=True)
class KeyState:
    """The clone key on its own (drawn once under a widget)."""

    entries: tuple = ("auto", "prot", "reg", "ghost", "new")


def draw_clone_key(ax, state):
    labels = {"auto": "autoreactive", "prot": "protective", "reg": "regulatory",
              "ghost": "removed", "new": "newly made"}
    for i, key in enumerate(state.entries):
        x = 4.0 + i * 19.5
        if key in ("auto", "prot", "reg"):
            draw_clone(ax, x, 3.0, key, size=1.5)
        elif key == "ghost":
            C.ghost(ax, x, 3.0, 1.5, label="T")
        else:
            draw_clone(ax, x, 3.0, "prot", mark="new", size=1.5)
        C.text(ax, x + 3.6, 3.0, labels[key], ha="left")


def describe_clone_key(state):
    return ("Key to the immune cells: each T cell carries a shape that says what kind of clone it "
            "belongs to. " + KEY_SENTENCE)


KEY_SCENE = Scene("clone-key", draw_clone_key, describe_clone_key, width=100, height=6.5)


def with_key(widget):
    """Show the clone key once, under the widget's diagram (not redrawn per step)."""
    widget.add_legend_image(Renderer(KEY_SCENE).png(KeyState()), describe_clone_key(KeyState()))
    return widget


# ================================================================ 1. the procedure storyboard

# The old repertoire: (slot, kind, tag). Slots fill a 6-column grid in the blood.
# Tags: "4" = CD4 helper T cell, "8" = CD8 (killer/memory) T cell.
OLD_CLONES = (
    (0, "auto", "4"), (1, "auto", "4"), (2, "auto", "4"), (3, "auto", "8"), (4, "prot", "4"),
    (5, "prot", "4"), (6, "prot", "8"), (7, "prot", "8"), (8, "reg", "4"), (9, "reg", "4"),
    (10, "B", ""), (11, "B", ""),
)
SURVIVOR_SLOTS = (3, 6)  # a CD8 autoreactive and a CD8 protective memory clone survive


def _old(mark_removed):
    return tuple((s, k, t, "" if s in SURVIVOR_SLOTS else mark_removed)
                 for s, k, t in OLD_CLONES if mark_removed or s in SURVIVOR_SLOTS)


SURVIVORS = tuple((s, k, t, "") for s, k, t in OLD_CLONES if s in SURVIVOR_SLOTS)
REPERTOIRES = {
    # before treatment: the old repertoire, including dominant autoreactive CD4 clones
    "old": tuple((s, k, t, "") for s, k, t in OLD_CLONES),
    # just after conditioning: most removed (ghosts), a few CD8 memory clones survive
    "ablated": _old("ghost"),
    # during aplasia and engraftment: only the survivors
    "survivors": SURVIVORS,
    # first months: CD8 survivors expand, new naive B cells, the first new thymic T cell
    "early": SURVIVORS + ((7, "prot", "8", ""), (10, "B", "", "new"), (11, "B", "", "new"),
                          (4, "prot", "4", "new")),
    # first years: thymus-made, diverse T cells. Regulatory populations shift rather than
    # simply grow (brief 3.3), so there are as many regulatory cells as before (two).
    "renewed": SURVIVORS + ((7, "prot", "8", ""), (0, "prot", "4", "new"), (1, "prot", "4", "new"),
                            (2, "prot", "4", "new"), (4, "prot", "4", "new"), (5, "prot", "4", "new"),
                            (8, "reg", "4", "new"), (9, "reg", "4", "new"), (10, "B", "", "new"),
                            (11, "B", "", "new")),
}


@dataclass(frozen=True)
class ProcedureState:
    """Section 1: one stage of the procedure (a key of ``STAGES``).

    key=True also draws the clone key in the picture (for exported figures);
    the widget shows the key once, as a separate image, to keep redraws fast.
    """

    stage: str = "workup"
    key: bool = False


@dataclass(frozen=True)
class StageView:
    """What the procedure diagram shows at one stage (data, not code)."""

    marrow: tuple  # 4 slots: "hsc", "ghost" (destroyed by conditioning) or "empty"
    blood_hsc: int  # stem cells passing through the blood
    bag: int  # stem cells in the collection bag
    freezer: int  # stem cells in the freezer
    repertoire: str  # a key of REPERTOIRES
    cns: str  # "old", "ablated", "renewed"
    thymus: int  # new T cells shown leaving the thymus
    arrows: tuple  # movements: "mobilise", "collect", "freeze", "reinfuse", "home", "thymus"
    counts: str  # blood counts, in words (the Blood title)
    gauge: tuple  # (neutrophils, platelets, red cells): keys of GAUGE_LEVELS
    says: str  # what is new at this step, for the description


# The blood-count gauge: qualitative levels, drawn as the filled share of a bar (no numbers).
GAUGE_LEVELS = {"normal": 1.0, "falling": 0.55, "dropping": 0.3, "very low": 0.08,
                "recovering": 0.6, "starting to rise": 0.3, "still low": 0.25, "recovered": 1.0}
GAUGE_ROWS = ("neutrophils", "platelets", "red cells")
NORMAL = ("normal",) * 3
FULL = ("hsc",) * 4
STAGES = {
    "workup": StageView(
        FULL, 0, 0, 0, "old", "old", 0, (), "normal", NORMAL,
        CONTENT.text("procedure_workup")),
    "mobilise": StageView(
        ("hsc", "hsc", "hsc", "empty"), 3, 0, 0, "old", "old", 0, ("mobilise",), "normal",
        NORMAL,
        CONTENT.text("procedure_mobilise")),
    "collect": StageView(
        ("hsc", "hsc", "hsc", "empty"), 1, 3, 0, "old", "old", 0, ("collect",), "normal",
        NORMAL,
        CONTENT.text("procedure_collect")),
    "freeze": StageView(
        FULL, 0, 0, 3, "old", "old", 0, ("freeze",), "normal", NORMAL,
        CONTENT.text("procedure_freeze")),
    "condition": StageView(
        ("hsc", "ghost", "ghost", "ghost"), 0, 0, 3, "ablated", "ablated", 0, (),
        "falling", ("falling",) * 3,
        CONTENT.text("procedure_condition")),
    "reinfuse": StageView(
        ("hsc", "ghost", "ghost", "ghost"), 3, 0, 0, "ablated", "ablated", 0, ("reinfuse", "home"),
        "dropping", ("dropping",) * 3,
        CONTENT.text("procedure_reinfuse")),
    "aplasia": StageView(
        ("hsc", "hsc", "ghost", "ghost"), 0, 0, 0, "survivors", "ablated", 0, (),
        "very low", ("very low",) * 3,
        CONTENT.text("procedure_aplasia")),
    "engraft": StageView(
        FULL, 0, 0, 0, "survivors", "ablated", 0, (), "recovering",
        ("recovering", "starting to rise", "still low"),
        CONTENT.text("procedure_engraft")),
    "early": StageView(
        FULL, 0, 0, 0, "early", "ablated", 1, ("thymus",), "recovered",
        ("recovered",) * 3,
        CONTENT.text("procedure_early")),
    "renewed": StageView(
        FULL, 0, 0, 0, "renewed", "renewed", 2, ("thymus",), "normal", NORMAL,
        CONTENT.text("procedure_renewed")),
    "followup": StageView(
        FULL, 0, 0, 0, "renewed", "renewed", 0, (), "normal", NORMAL,
        CONTENT.text("procedure_followup")),
}

# Canvas geometry (canvas units), bottom to top.
P_W, P_H = 100, 53
PATIENT = (1, 1.2, 64, 51.8)
CNS = (24, 2.5, 62, 11.5)
BLOOD = (24, 13, 62, 47)
MARROW = (3, 27.5, 21, 47)
THYMUS = (3, 2.5, 21, 25.5)
BAG = (67, 27, 81, 48.5)
FREEZER = (84, 27, 98, 48.5)
MARROW_SLOTS = ((8.5, 39.5), (15.5, 39.5), (8.5, 32.5), (15.5, 32.5))
MOBILISED = ((30, 40.6), (37, 40.6), (44, 40.6))
REINFUSED = ((44, 40.6), (51, 40.6), (58, 40.6))
BAG_SLOTS = ((71, 40.4), (77, 40.4), (74, 35.0))
FREEZER_SLOTS = ((88, 40.4), (94, 40.4), (91, 35.0))
GRID = dict(x0=28, y0=34.5, dx=6, dy=7, cols=6)
THYMUS_SLOTS = ((9, 11.5), (16, 11.5))
GAUGE_X, GAUGE_LEN, GAUGE_Y = 41.0, 19.0, (21.7, 18.5, 15.3)  # bars' left end, length, rows


def draw_gauge(ax, levels):
    """Blood counts as three bars: the filled share says how full (qualitative)."""
    for name, level, y in zip(GAUGE_ROWS, levels, GAUGE_Y):
        C.text(ax, GAUGE_X - 1.0, y, name, ha="right")
        ax.add_artist(Rectangle((GAUGE_X, y - 0.75), GAUGE_LEN, 1.5, facecolor=style.PAPER,
                                edgecolor=style.INK, linewidth=style.line(1.0), zorder=3))
        ax.add_artist(Rectangle((GAUGE_X, y - 0.75), GAUGE_LEN * GAUGE_LEVELS[level], 1.5,
                                facecolor=style.GREY, edgecolor="none", zorder=3.1))


def describe_gauge(levels):
    return ", ".join(f"{name} {level}" for name, level in zip(GAUGE_ROWS, levels))


def _draw_cns(ax, kind):
    C.box(ax, *CNS, fill=style.paler(style.OKABE_ITO["orange"]), **ROOM)
    C.text(ax, CNS[0] + 1.2, 7.0, "Brain, spinal cord", ha="left", bold=True)
    # antibody-making B-lineage cells inside the CNS: in many patients they survive conditioning
    A.draw_b_cell(ax, 53.3, 7.0, size=1.55)
    A.draw_antibody(ax, 56.9, 7.9, size=1.0, angle=-20)
    A.draw_antibody(ax, 59.7, 6.3, size=1.0, angle=25)
    if kind == "old":
        draw_clone(ax, 48.1, 7.0, "auto", "4")
    elif kind == "ablated":
        draw_clone(ax, 48.1, 7.0, "auto", "4", "ghost")
    else:
        draw_clone(ax, 48.1, 7.0, "prot", "4", "new")


def describe_cns(kind):
    base = ("In the brain and spinal cord (CNS): a B-lineage (antibody-secreting) cell, drawn as a "
            "B cell, with its antibodies (the oligoclonal bands)")
    if kind == "old":
        return base + ", and an autoreactive T cell."
    if kind == "ablated":
        return base + ", which survives conditioning in many patients; the autoreactive T cell " \
                      "there is removed."
    return base + ", still there years later in many patients, and a newly made protective " \
                  "T cell in place of the old one."


def draw_key_column(ax):
    """The key to the clone markers, in two columns in the lower right corner."""
    entries = (("auto", 68.6, 17.0), ("prot", 68.6, 12.5), ("reg", 68.6, 8.0),
               ("ghost", 84.6, 17.0), ("new", 84.6, 12.5))
    for key, x, y in entries:
        draw_key(ax, x, y, entries=(key,))


def draw_procedure(ax, state):
    v = STAGES[state.stage]
    # compartments
    C.box(ax, *PATIENT, fill=style.PAPER, **ROOM_EDGE, width=2.0)
    C.text(ax, 2.5, PATIENT[3] - 1.9, "Patient", ha="left", bold=True)
    C.box(ax, *MARROW, fill=A.ACTORS["hsc"].pale, **ROOM, title="Bone marrow")
    C.box(ax, *THYMUS, fill=style.paler(style.OKABE_ITO["blue"]), **ROOM, title="Thymus")
    C.box(ax, *BLOOD, fill=A.ACTORS["t_cell"].pale, **ROOM,
          title=f"Blood: counts {v.counts}")
    draw_gauge(ax, v.gauge)
    _draw_cns(ax, v.cns)
    C.box(ax, *BAG, fill=style.PAPER, **ROOM_EDGE, width=1.4)
    C.line(ax, [74, 74], [BAG[3], BAG[3] + 1.3], colour=style.DARK_GREY, width=2.0, z=1, caps=None)
    C.text(ax, 74, BAG[3] + 2.5, "Collection bag", bold=True)
    C.box(ax, *FREEZER, fill=style.paler(style.OKABE_ITO["sky_blue"], 0.85), **ROOM_EDGE, width=2.6)
    C.text(ax, 91, FREEZER[3] + 2.5, "Freezer", bold=True)
    # stem cells
    for (x, y), mark in zip(MARROW_SLOTS, v.marrow):
        if mark != "empty":
            draw_hsc_slot(ax, x, y, "" if mark == "hsc" else "ghost")
    in_blood = REINFUSED if "reinfuse" in v.arrows else MOBILISED
    for x, y in in_blood[: v.blood_hsc]:
        A.draw_hsc(ax, x, y, size=1.9)
    for x, y in BAG_SLOTS[: v.bag]:
        A.draw_hsc(ax, x, y, size=1.9)
    for x, y in FREEZER_SLOTS[: v.freezer]:
        A.draw_hsc(ax, x, y, size=1.9)
    # the immune repertoire in the blood, and new T cells in the thymus
    draw_repertoire(ax, REPERTOIRES[v.repertoire], **GRID)
    for i, (x, y) in enumerate(THYMUS_SLOTS[: v.thymus]):
        draw_clone(ax, x, y, "reg" if i else "prot", "4", "new")
    # movements
    arrows = set(v.arrows)
    if "mobilise" in arrows:
        C.arrow(ax, (18.0, 41.3), (27.6, 41.6), rad=-0.3, z=8)
    if "collect" in arrows:
        C.arrow(ax, (39.6, 41.8), (68.8, 40.8), rad=-0.15, z=8)
    if "freeze" in arrows:
        C.arrow(ax, (80.2, 38.0), (85.8, 38.0), z=8)
    if "reinfuse" in arrows:
        C.line(ax, [91, 91, 66.5], [27, 24.6, 24.6], width=1.6, z=8, caps=None)
        C.arrow(ax, (66.6, 24.6), (61.0, 38.4), rad=-0.2, z=8)
        C.text(ax, 79.5, 22.6, "thawed, given by drip")
    if "home" in arrows:
        C.arrow(ax, (41.9, 41.4), (18.0, 38.4), rad=0.1, z=8)
    if "thymus" in arrows:
        C.arrow(ax, (18.6, 14.6), (25.0, 26.0), rad=-0.25, z=8)
    if state.key:
        draw_key_column(ax)


def describe_procedure(state):
    v = STAGES[state.stage]
    places = []
    marrow = v.marrow.count("hsc")
    places.append(f"the bone marrow holds {_stem_cells(marrow)}"
                  + (f" and {_n(v.marrow.count('ghost'), 'dashed outline')} where stem cells were "
                     "destroyed by conditioning" if "ghost" in v.marrow else ""))
    if v.blood_hsc:
        places.append(f"{_n(v.blood_hsc, 'stem cell')} {'is' if v.blood_hsc == 1 else 'are'} in the blood")
    if v.bag:
        places.append(f"{_n(v.bag, 'stem cell')} {'is' if v.bag == 1 else 'are'} in the collection bag")
    if v.freezer:
        places.append(f"{_n(v.freezer, 'stem cell')} {'waits' if v.freezer == 1 else 'wait'} in the freezer")
    text = v.says + " Drawn: " + "; ".join(places) + "."
    text += " T cells and B cells in the blood, " + describe_cells(REPERTOIRES[v.repertoire]) + "."
    if v.thymus:
        text += (" The thymus is sending out a newly made T cell (arrow)." if v.thymus == 1 else
                 " The thymus is sending out newly made T cells, one protective and one "
                 "regulatory (arrow).")
    text += " " + describe_cns(v.cns)
    text += f" Blood-count bars: {describe_gauge(v.gauge)}. " + _key_words(state)
    return text


PROCEDURE_SCENE = Scene("procedure", draw_procedure, describe_procedure, width=P_W, height=P_H,
                        legend=("hsc", "t_cell", "b_cell", "antibody"))

PROCEDURE_STEPS = CONTENT.steps(
    "procedure", {key: ProcedureState(key) for key in STAGES})


def procedure():
    """Section 1: the whole procedure, step by step."""
    return with_key(Storyboard(PROCEDURE_SCENE, PROCEDURE_STEPS,
                                heading=CONTENT.heading("storyboard", "procedure")))


# ================================================================ 2. rescue, not treatment

@dataclass(frozen=True)
class RescueState:
    """Section 2: a thought experiment about what each part of AHSCT does.

    key=True draws the clone key in the picture (exports only, as for ProcedureState).
    """

    choice: str = "full"
    key: bool = False


RESCUE_CHOICES = (
    ("Full AHSCT", "full"),
    ("Stem cells only", "cells_only"),
    ("Conditioning, no rescue", "no_rescue"),
)
R_OLD = tuple((s if s < 10 else s + 2, k, t) for s, k, t in OLD_CLONES)  # 6 columns here
R_SURV = tuple((s, k, t, "") for s, k, t in R_OLD if k != "B" and t == "8" and s in (3, 6))
RESCUE_VIEW = {
    "full": dict(
        marrow=("hsc", "hsc", "hsc", "hsc"), extra=0,
        # as in REPERTOIRES["renewed"]: as many regulatory cells as before (two), not more
        cells=R_SURV + ((7, "prot", "8", ""), (0, "prot", "4", "new"), (1, "prot", "4", "new"),
                        (2, "prot", "4", "new"), (4, "prot", "4", "new"), (5, "prot", "4", "new"),
                        (8, "reg", "4", "new"), (9, "reg", "4", "new"), (12, "B", "", "new"),
                        (13, "B", "", "new")),
        marrow_note="blood formation restored", rep_note="most old clones gone; new ones made",
        verdict=CONTENT.text("rescue_full_verdict"),
        says=CONTENT.text("rescue_full_says")),
    "cells_only": dict(
        marrow=("hsc", "hsc", "hsc", "hsc"), extra=2,
        cells=tuple((s, k, t, "") for s, k, t in R_OLD),
        marrow_note="extra stem cells: no change", rep_note="old repertoire untouched",
        verdict=CONTENT.text("rescue_cells_only_verdict"),
        says=CONTENT.text("rescue_cells_only_says")),
    "no_rescue": dict(
        marrow=("ghost", "ghost", "ghost", "ghost"), extra=0,
        cells=tuple((s, k, t, "" if (s, k, t, "") in R_SURV else "ghost") for s, k, t in R_OLD),
        marrow_note="blood formation stalls", rep_note="removed, but nothing to regrow from",
        verdict=CONTENT.text("rescue_no_rescue_verdict"),
        says=CONTENT.text("rescue_no_rescue_says")),
}
R_W, R_H = 100, 38


def draw_rescue(ax, state):
    v = RESCUE_VIEW[state.choice]
    C.box(ax, 1, 12, 33, 36, fill=A.ACTORS["hsc"].pale, **ROOM,
          title="Bone marrow")
    for (x, y), mark in zip(((9, 28), (17, 28), (25, 28), (9, 21.5)), v["marrow"]):
        draw_hsc_slot(ax, x, y, "" if mark == "hsc" else "ghost")
    for i in range(v["extra"]):
        A.draw_hsc(ax, 17 + 8 * i, 21.5, size=1.9)
    C.text(ax, 17, 15.2, v["marrow_note"])
    C.box(ax, 36, 12, 99, 36, fill=A.ACTORS["t_cell"].pale, **ROOM,
          title="Immune repertoire")
    draw_repertoire(ax, v["cells"], x0=44, y0=29.3, dx=9, dy=5.8, cols=6, size=1.6)
    C.text(ax, 67.5, 14.1, v["rep_note"])
    C.text(ax, 50, 8.6, v["verdict"], bold=True)
    if state.key:
        draw_key(ax, 3.5, 3.0)


def describe_rescue(state):
    v = RESCUE_VIEW[state.choice]
    marrow = v["marrow"].count("hsc") + v["extra"]
    marrow_text = (_stem_cells(marrow)
                   if marrow else "only dashed outlines, because its stem cells are destroyed")
    return (f"{v['says']} Bone marrow: {marrow_text} ({v['marrow_note']}). T cells and B cells in "
            f"the repertoire: {describe_cells(v['cells'])} ({v['rep_note']}). Verdict: {v['verdict']} "
            + _key_words(state))


RESCUE_SCENE = Scene("rescue", draw_rescue, describe_rescue, width=R_W, height=R_H,
                     legend=("hsc", "t_cell", "b_cell"))


def rescue_explorer():
    """Section 2: which part of AHSCT does what? (a thought experiment)."""
    choice = w.ToggleButtons(options=RESCUE_CHOICES, value="full", description="What if:",
                             tooltips=["Conditioning, then the patient's own stem cells back",
                                       "Give the stem cells back without conditioning",
                                       "Strong conditioning without giving the stem cells back"],
                             style={"description_width": "initial", "button_width": "auto"})
    return with_key(Explorer(RESCUE_SCENE, {"choice": choice},
                    make_state=lambda v: RescueState(v["choice"]),
                    heading=CONTENT.heading("explorer", "rescue")))


# ================================================================ 3. conditioning intensity

@dataclass(frozen=True)
class IntensityState:
    """Section 3: one conditioning regimen (key=True: clone key drawn in, for exports)."""

    regimen: str = "cy_atg"
    key: bool = False


INTENSITIES = {
    "cy_atg": dict(
        name="Cyclophosphamide + ATG", kind="lymphoablative",
        marrow=("hsc", "hsc", "ghost", "ghost"),
        marrow_note="partly spared",
        rescue="Rescue speeds recovery",
        aplasia=20.0, aplasia_word="shorter",  # bar lengths: only the order is meant
        risks=(("Fever, low white cells", "common"),
               ("Severe side-effects", "fewer"),
               ("Hospital stay", "a few days shorter"),
               ("Infertility risk", "lower")),
        says=CONTENT.text("intensity_cy_atg")),
    "beam_atg": dict(
        name="BEAM + ATG", kind="myeloablative",
        marrow=("ghost", "ghost", "ghost", "ghost"),
        marrow_note="destroyed",
        rescue="Rescue is essential",
        aplasia=26.0, aplasia_word="somewhat longer",
        risks=(("Fever, low white cells", "more common"),
               ("Severe side-effects", "more"),
               ("Hospital stay", "a few days longer"),
               ("Infertility risk", "higher")),
        says=CONTENT.text("intensity_beam_atg")),
}
INTENSITY_CHOICES = (("Cyclophosphamide + ATG (lymphoablative)", "cy_atg"),
                     ("BEAM + ATG (myeloablative)", "beam_atg"))
I_W, I_H = 100, 50
I_CELLS = tuple((i, k, t, "" if i in (3, 6) else "ghost")
                for i, (k, t) in enumerate((("auto", "4"), ("auto", "4"), ("prot", "4"), ("auto", "8"),
                                            ("reg", "4"), ("prot", "4"), ("prot", "8"), ("reg", "4"),
                                            ("B", ""), ("B", ""))))


def draw_intensity(ax, state):
    v = INTENSITIES[state.regimen]
    C.text(ax, 1.5, 47.6, f"{v['name']}: {v['kind']}", ha="left", bold=True)
    # old immune cells
    C.box(ax, 1, 23.5, 55, 44.5, fill=A.ACTORS["t_cell"].pale, **ROOM,
          title="Old immune cells")
    draw_repertoire(ax, I_CELLS, x0=8, y0=36.6, dx=10, dy=7.0, cols=5, size=1.6)
    C.text(ax, 28, 25.8, "all kinds hit; a few survive")
    # own marrow
    C.box(ax, 58, 23.5, 99, 44.5, fill=A.ACTORS["hsc"].pale, **ROOM,
          title="Own marrow stem cells")
    for (x, y), mark in zip(((67, 36.4), (75, 36.4), (83, 36.4), (91, 36.4)), v["marrow"]):
        draw_hsc_slot(ax, x, y, "" if mark == "hsc" else "ghost")
    C.text(ax, 78.5, 30.4, v["marrow_note"], bold=True)
    C.text(ax, 78.5, 26.4, v["rescue"])
    if state.key:
        draw_key(ax, 3.0, 20.0, entries=("auto", "prot", "reg", "ghost"), gap=17.0)
    # aplasia bar (illustrative: no numbers)
    C.text(ax, 1.5, 13.5, "Aplasia after reinfusion", ha="left", bold=True)
    ax.add_artist(Rectangle((32, 12.0), v["aplasia"], 3.0, facecolor=style.LIGHT_GREY,
                            edgecolor=style.INK, linewidth=style.line(1.2), zorder=3))
    C.text(ax, 32 + v["aplasia"] + 1.2, 13.5, v["aplasia_word"], ha="left", bold=True)
    # risks, compared with the other regimen
    for i, (what, level) in enumerate(v["risks"]):
        col, row = divmod(i, 2)
        C.text(ax, 1.5 + 50 * col, 7.0 - 3.9 * row, f"{what}: {level}", ha="left")
    C.illustrative_tag(ax, I_W, I_H)


def describe_intensity(state):
    v = INTENSITIES[state.regimen]
    risks = "; ".join(f"{what.lower()}: {level}" for what, level in v["risks"])
    left = v["marrow"].count("hsc")
    marrow = (f"{_stem_cells(left)} {'remains' if left == 1 else 'remain'}" if left else
              "no haematopoietic stem cell (HSC) remains, only dashed outlines")
    return (f"{v['says']} Old immune cells: "
            f"{describe_cells(I_CELLS)}; the diagram draws the same survivors for both regimens "
            f"because the evidence in this course does not show that either one removes more of "
            f"the old repertoire. Own marrow stem cells: {marrow} "
            f"({v['marrow_note']}); {v['rescue'].lower()}. Aplasia, the period of very low blood "
            f"counts after reinfusion, is drawn {v['aplasia_word']}. Risks compared with the other "
            f"regimen: {risks}. {CONTENT.text('intensity_evidence')} This is an illustrative "
            f"comparison, not data. "
            + _key_words(state).replace(", and an extra outer ring marks a newly made cell", ""))


INTENSITY_SCENE = Scene("intensity", draw_intensity, describe_intensity, width=I_W, height=I_H,
                        legend=("hsc", "t_cell", "b_cell"))


def intensity_explorer():
    """Section 3: compare two conditioning intensities."""
    choice = w.ToggleButtons(options=INTENSITY_CHOICES, value="cy_atg", description="Conditioning:",
                             tooltips=["Cyclophosphamide with anti-thymocyte globulin",
                                       "Carmustine, etoposide, cytarabine, melphalan with ATG"],
                             style={"description_width": "initial", "button_width": "auto"})
    return with_key(Explorer(INTENSITY_SCENE, {"regimen": choice},
                    make_state=lambda v: IntensityState(v["regimen"]),
                    heading=CONTENT.heading("explorer", "intensity"),
                    note=CONTENT.text("intensity_note")))


# ================================================================ 4. the patient's timeline

@dataclass(frozen=True)
class TimelineState:
    """Section 4: the patient timeline, with one phase highlighted ("" for none)."""

    highlight: str = ""


# (key, label, start, end, what the patient experiences). Positions are
# illustrative, on a stretched time line that is not to scale.
PHASES = (
    ("workup", "Work-up", 33, 42, CONTENT.text("phase_workup")),
    ("collect", "Mobilise, collect", 41, 47, CONTENT.text("phase_collect")),
    ("wait", "Cells frozen", 46.5, 54, CONTENT.text("phase_wait")),
    ("condition", "Conditioning", 53.5, 57, CONTENT.text("phase_condition")),
    ("reinfuse", "Reinfusion", 56.5, 58, CONTENT.text("phase_reinfuse")),
    ("aplasia", "Aplasia", 57.5, 62, CONTENT.text("phase_aplasia")),
    ("home", "Recovery at home", 61.5, 73, CONTENT.text("phase_home")),
    ("rebuild", "Immune rebuilding", 59, 88, CONTENT.text("phase_rebuild")),
    ("followup", "Follow-up", 70, 98.5, CONTENT.text("phase_followup")),
)
TIMELINE_ICONS = {"collect": "hsc", "reinfuse": "hsc", "rebuild": "t_cell"}
T_W, T_H = 100, 44
T_TOP = 37.5
T_ROW = 3.6


def _icon(ax, kind, x, y, size=1.4):
    (A.draw_hsc if kind == "hsc" else A.draw_t_cell)(ax, x, y, size=size)


def draw_timeline(ax, state):
    # a one-line key to the row icons
    _icon(ax, "hsc", 2.6, 41.7, size=1.2)
    C.text(ax, 4.6, 41.7, "stem cells leave or return", ha="left")
    _icon(ax, "t_cell", 35.0, 41.7, size=1.2)
    C.text(ax, 37.0, 41.7, "T cells regrow", ha="left")
    for i, (key, label, x0, x1, _) in enumerate(PHASES):
        y = T_TOP - i * T_ROW
        on = key == state.highlight
        C.text(ax, 1.5, y, label, ha="left", bold=on)
        if key in TIMELINE_ICONS:  # who moves in this phase
            _icon(ax, TIMELINE_ICONS[key], 28.2, y)
        ax.add_artist(FancyBboxPatch(
            (x0, y - 1.2), x1 - x0, 2.4, boxstyle="round,pad=0,rounding_size=0.6",
            facecolor=style.paler(style.OKABE_ITO["blue"], 0.6 if on else 0.85), edgecolor=style.INK,
            linewidth=style.line(2.6 if on else 1.0), zorder=3))
        if on:  # an arrowhead pointing at the highlighted block
            tip = max(x0 - 0.8, 31.0)
            ax.add_artist(Polygon([(tip, y), (tip - 1.6, y + 0.9), (tip - 1.6, y - 0.9)],
                                  closed=True, facecolor=style.INK, edgecolor="none", zorder=4))
    # the shaded danger window: highest infection risk
    y_bottom = T_TOP - (len(PHASES) - 1) * T_ROW - 2.2
    ax.add_artist(Rectangle((53.0, y_bottom), 20.5, T_TOP + 2.2 - y_bottom, facecolor=style.paler(A.ACTORS["t_cell"].colour, 0.85),
                            edgecolor=style.OKABE_ITO["vermillion"], linewidth=style.line(1.0),
                            linestyle=(0, (4, 2)), zorder=0.5))
    # time arrow, words only
    C.arrow(ax, (32.0, 2.9), (99.0, 2.9), z=3)
    for x, word in ((41, "weeks to months"), (58.5, "weeks"), (67.5, "months"), (90, "years")):
        C.text(ax, x, 0.95, word)
    C.text(ax, 31.0, 2.9, "not to scale", ha="right")
    C.text(ax, 64.0, y_bottom - 1.5, "highest infection risk", colour=A.ACTORS["t_cell"].ink)
    C.illustrative_tag(ax, T_W, T_H)


def describe_timeline(state):
    order = "; ".join(label.lower() for _, label, *_ in PHASES[:7])
    text = ""
    if state.highlight:
        _, label, *_, says = next(p for p in PHASES if p[0] == state.highlight)
        text = f"Highlighted (thick outline and arrowhead): {label}. {says} "
    text += (f"Illustrative sketch, not data: a timeline with no numbers, time stretched and not to "
            f"scale, with each phase drawn as a labelled block on its own row. The phases, in "
            f"order: "
            f"{order}. Immune rebuilding overlaps the recovery and lasts years, and long-term "
            f"follow-up goes on for years. A dashed box marks the period of highest infection "
            f"risk, from conditioning through aplasia into the first months at home. The time "
            f"arrow is labelled in words only: weeks to months, weeks, months, years. Small icons "
            f"mark the rows where the haematopoietic stem cells (HSCs) leave the body and come "
            f"back (mobilise and collect; reinfusion) and where T cells regrow (immune "
            f"rebuilding); a key at the top says so.")
    return text


TIMELINE_SCENE = Scene("timeline", draw_timeline, describe_timeline, width=T_W, height=T_H,
                       legend=("hsc", "t_cell"))


def timeline_explorer():
    """Section 4: the patient's timeline; pick a phase to read about it."""
    phase = w.Dropdown(options=[("(none)", "")] + [(label, key) for key, label, *_ in PHASES],
                       value="", description="Highlight phase",
                       style={"description_width": "initial"})
    return Explorer(TIMELINE_SCENE, {"highlight": phase},
                    make_state=lambda v: TimelineState(v["highlight"]),
                    heading=CONTENT.heading("explorer", "timeline"))


# ================================================================ self-check

QUESTIONS = CONTENT.questions()


def self_check():
    return Quiz(QUESTIONS)


FIGURES = (
    FigureSpec("03-clone-key", KEY_SCENE, KeyState(), "Key to the immune clones in lesson 03"),
    FigureSpec("03-procedure-workup", PROCEDURE_SCENE, ProcedureState("workup", key=True),
               "AHSCT step 1: before treatment, the old immune repertoire"),
    FigureSpec("03-procedure-conditioning", PROCEDURE_SCENE, ProcedureState("condition", key=True),
               "AHSCT: conditioning removes most immune cells of every kind"),
    FigureSpec("03-procedure-aplasia", PROCEDURE_SCENE, ProcedureState("aplasia", key=True),
               "AHSCT: aplasia after reinfusion"),
    FigureSpec("03-procedure-renewed", PROCEDURE_SCENE, ProcedureState("renewed", key=True),
               "AHSCT: the renewed immune repertoire, with surviving old clones"),
    FigureSpec("03-rescue-full", RESCUE_SCENE, RescueState("full", key=True),
               "What each part of AHSCT does: full AHSCT"),
    FigureSpec("03-rescue-cells-only", RESCUE_SCENE, RescueState("cells_only", key=True),
               "Thought experiment: stem cells without conditioning"),
    FigureSpec("03-rescue-no-rescue", RESCUE_SCENE, RescueState("no_rescue", key=True),
               "Thought experiment: conditioning without stem-cell rescue"),
    FigureSpec("03-intensity-cy-atg", INTENSITY_SCENE, IntensityState("cy_atg", key=True),
               "Conditioning with cyclophosphamide and ATG (lymphoablative)"),
    FigureSpec("03-intensity-beam-atg", INTENSITY_SCENE, IntensityState("beam_atg", key=True),
               "Conditioning with BEAM and ATG (myeloablative)"),
    FigureSpec("03-timeline", TIMELINE_SCENE, TimelineState(),
               "A patient's timeline through AHSCT (illustrative)"),
)
