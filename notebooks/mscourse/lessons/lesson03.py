"""Lesson 03, mechanism 1: the immune reset by autologous haematopoietic stem
cell transplantation (AHSCT), step by step.

What an instructor may want to edit is data near the top of each part:
the procedure storyboard (``STAGES`` and ``PROCEDURE_STEPS``), the repertoire
at each stage (``OLD_CLONES``, ``REPERTOIRES``), the thought experiment
(``RESCUE_CHOICES``), the two conditioning intensities (``INTENSITIES``),
the patient timeline (``PHASES``) and the self-check ``QUESTIONS``.

Clone types are drawn as T cells (or B cells) carrying a small shape marker
(a lesson-local badge): a black triangle for autoreactive clones, a white
square for protective clones, a grey diamond for regulatory clones. A dashed
empty outline (with its T4/T8 or B label and its marker in pale grey) is a
clone removed by conditioning; an extra outer ring marks a newly made cell. The widgets show this key once under the diagram (``with_key``);
exported figures draw it in (``key=True``). Colour is never the only cue.

Labels are drawn by ``_text``: the course's font and sizes (as ``scene.caption_text``),
but as filled outlines, which render about four times faster than text artists and keep
every widget update within the time budget.
"""

from dataclasses import dataclass

import ipywidgets as w
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch, Polygon, Rectangle

from .. import actors as A
from .. import style
from ..export import FigureSpec
from ..scene import Renderer, Scene, illustrative_tag, outline_text
from ..widgets import Explorer, Option, Question, Quiz, Step, Storyboard

# ================================================================ shared drawing helpers

KIND_WORDS = {  # the clone types, in words (key, descriptions)
    "auto": "autoreactive",
    "prot": "protective",
    "reg": "regulatory",
    "B": "B cell",
}
BOX_EDGE = "#4D4D4D"
BOX_FILL = "#F7F7F7"
GHOST_FILL = "#E6E6E6"  # the marker of a removed clone: same shape, pale grey


def _box(ax, x0, y0, x1, y1, title="", fill=BOX_FILL, lw=1.2, dash=None, title_y=None,
         title_ha="center", z=0.5):
    ax.add_artist(FancyBboxPatch(
        (x0, y0), x1 - x0, y1 - y0, boxstyle="round,pad=0,rounding_size=1.2",
        facecolor=fill, edgecolor=BOX_EDGE, linewidth=style.line(lw),
        linestyle=dash or "-", zorder=z))
    if title:
        tx = (x0 + x1) / 2 if title_ha == "center" else x0 + 1.2
        _text(ax, tx, title_y if title_y is not None else y1 - 1.9, title, ha=title_ha,
              fontweight="bold")


def _arrow(ax, x0, y0, x1, y1, colour=style.INK, width=1.6, rad=0.0, dash=None, z=8, head=12):
    ax.add_artist(FancyArrowPatch(
        (x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=head, color=colour,
        linewidth=style.line(width), linestyle=dash or "-", shrinkA=0, shrinkB=0,
        connectionstyle=f"arc3,rad={rad}", zorder=z))


def _text(ax, x, y, text, ha="center", colour=style.INK, step=-1, fontweight="normal"):
    """A label in the course's type (as scene.caption_text), drawn as outlines for speed."""
    _letters(ax, x, y, text, colour=colour, ha=ha, bold=fontweight == "bold", step=step, z=9)


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
        pts, closed=True, facecolor=GHOST_FILL if ghost else fill,
        edgecolor=style.MUTED if ghost else style.INK, linewidth=style.line(1.0), zorder=z))


def _letters(ax, x, y, text, colour=style.MUTED, ha="center", bold=False, step=-1, z=5.1):
    """Text as filled outlines (scene.outline_text): cheap to redraw, same look."""
    outline_text(ax, x, y, text, ha=ha, colour=colour, step=step, bold=bold, z=z)


def _ghost(ax, x, y, size=1.7, square=False, label="", z=5):
    """An empty dashed outline: a cell removed by conditioning.

    label: the cell's letters (T4, T8, B) in grey, so a removed CD4 clone can be
    told from a surviving CD8 clone.
    """
    if square:
        ax.add_artist(FancyBboxPatch(
            (x - size, y - size), 2 * size, 2 * size,
            boxstyle=f"round,pad=0,rounding_size={size * 0.5:.2f}", facecolor="none",
            edgecolor=style.MUTED, linewidth=style.line(1.1), linestyle=(0, (2.5, 2)), zorder=z))
    else:
        ax.add_artist(Circle((x, y), size, facecolor="none", edgecolor=style.MUTED,
                             linewidth=style.line(1.1), linestyle=(0, (2.5, 2)), zorder=z))
    if label:
        _letters(ax, x, y, label, z=z + 0.1)


def _new_ring(ax, x, y, size=1.7, z=5.5):
    """The outer ring that marks a newly made cell."""
    ax.add_artist(Circle((x, y), size + 0.75, facecolor="none", edgecolor=style.INK,
                         linewidth=style.line(1.2), zorder=z))


def draw_clone(ax, x, y, kind, tag="", mark="", size=1.7):
    """One clone: a T cell (kind auto/prot/reg) or a B cell (kind "B").

    mark: "" an existing cell, "ghost" removed by conditioning, "new" newly made.
    """
    if mark == "ghost":
        _ghost(ax, x, y, size, square=(kind == "B"), label="B" if kind == "B" else "T" + tag)
        _badge(ax, kind, x + size * 1.05, y + size * 1.0, ghost=True)
        return
    if mark == "new":
        _new_ring(ax, x, y, size)
    if kind == "B":
        A.draw_b_cell(ax, x, y, size=size * 0.92)
    else:
        A.draw_t_cell(ax, x, y, size=size, tag=tag)
        _badge(ax, kind, x + size * 1.05, y + size * 1.0)


def draw_hsc_slot(ax, x, y, mark="", size=1.9):
    """A blood-forming stem cell, or the dashed outline of one that was destroyed."""
    if mark == "ghost":
        _ghost(ax, x, y, size)
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
            _ghost(ax, cx, y, 1.5, label="T")
        else:
            ax.add_artist(Circle((cx, y), 1.25, facecolor="none", edgecolor=style.INK,
                                 linewidth=style.line(1.2), zorder=5))
            ax.add_artist(Circle((cx, y), 0.7, facecolor="none", edgecolor=style.INK,
                                 linewidth=style.line(1.0), zorder=5))
        _text(ax, cx + (1.9 if key in ("auto", "prot", "reg") else 2.6), y, labels[key], ha="left")


KEY_SENTENCE = (
    "Key: a black triangle marks an autoreactive clone (one that can attack myelin), a white "
    "square a protective clone (fights infections), a grey diamond a regulatory clone (keeps "
    "others in check); a dashed empty outline, with its letters and marker in pale grey, is a "
    "cell removed by conditioning, and an extra outer ring marks a newly made cell."
)
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
            _ghost(ax, x, 3.0, 1.5, label="T")
        else:
            draw_clone(ax, x, 3.0, "prot", mark="new", size=1.5)
        _text(ax, x + 3.6, 3.0, labels[key], ha="left")


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
        "Before treatment, the stem cells sit in the bone marrow and the old immune repertoire "
        "circulates, including dominant autoreactive CD4 clones."),
    "mobilise": StageView(
        ("hsc", "hsc", "hsc", "empty"), 3, 0, 0, "old", "old", 0, ("mobilise",), "normal",
        NORMAL,
        "Mobilisation: G-CSF pushes stem cells out of the marrow into the blood. The mobilising "
        "dose of cyclophosphamide dampens MS activity for a while, but the old repertoire is "
        "not removed."),
    "collect": StageView(
        ("hsc", "hsc", "hsc", "empty"), 1, 3, 0, "old", "old", 0, ("collect",), "normal",
        NORMAL,
        "Collection: an apheresis machine takes the stem cells out of the blood into a bag."),
    "freeze": StageView(
        FULL, 0, 0, 3, "old", "old", 0, ("freeze",), "normal", NORMAL,
        "Freezing: the collected stem cells are stored in the freezer while the patient waits."),
    "condition": StageView(
        ("hsc", "ghost", "ghost", "ghost"), 0, 0, 3, "ablated", "ablated", 0, (),
        "falling", ("falling",) * 3,
        "Conditioning: the chemotherapy and ATG remove most immune cells of every kind, "
        "protective and regulatory as well as autoreactive, and hit the marrow too. A few old "
        "clones survive: here two CD8 T cells (T8)."),
    "reinfuse": StageView(
        ("hsc", "ghost", "ghost", "ghost"), 3, 0, 0, "ablated", "ablated", 0, ("reinfuse", "home"),
        "dropping", ("dropping",) * 3,
        "Reinfusion: the thawed stem cells go back into the blood and home to the marrow."),
    "aplasia": StageView(
        ("hsc", "hsc", "ghost", "ghost"), 0, 0, 0, "survivors", "ablated", 0, (),
        "very low", ("very low",) * 3,
        "Aplasia: the blood is almost empty of new cells while the stem cells settle in; "
        "infection is the main danger."),
    "engraft": StageView(
        FULL, 0, 0, 0, "survivors", "ablated", 0, (), "recovering",
        ("recovering", "starting to rise", "still low"),
        "Engraftment: the marrow is full of stem cells again and blood counts recover, "
        "neutrophils first, then platelets; the T cells and B cells are still few."),
    "early": StageView(
        FULL, 0, 0, 0, "early", "ablated", 1, ("thymus",), "recovered",
        ("recovered",) * 3,
        "First months: surviving CD8 clones expand, new naive B cells return and the thymus "
        "sends out its first new T cells."),
    "renewed": StageView(
        FULL, 0, 0, 0, "renewed", "renewed", 2, ("thymus",), "normal", NORMAL,
        "First years: the thymus has rebuilt a broad, diverse T-cell repertoire, and regulatory "
        "populations have shifted towards immune control (the new cells' targets are mixed; "
        "the drawing simplifies them to protective or regulatory). A few old clones remain, "
        "and in many patients so do antibody-making cells inside the CNS."),
    "followup": StageView(
        FULL, 0, 0, 0, "renewed", "renewed", 0, (), "normal", NORMAL,
        "Long-term follow-up: the renewed repertoire usually keeps MS inflammation quiet "
        "without MS medicines, but it needs checking for years."),
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
        _text(ax, GAUGE_X - 1.0, y, name, ha="right")
        ax.add_artist(Rectangle((GAUGE_X, y - 0.75), GAUGE_LEN, 1.5, facecolor=style.PAPER,
                                edgecolor=style.INK, linewidth=style.line(1.0), zorder=3))
        ax.add_artist(Rectangle((GAUGE_X, y - 0.75), GAUGE_LEN * GAUGE_LEVELS[level], 1.5,
                                facecolor=style.GREY, edgecolor="none", zorder=3.1))


def describe_gauge(levels):
    return ", ".join(f"{name} {level}" for name, level in zip(GAUGE_ROWS, levels))


def _draw_cns(ax, kind):
    _box(ax, *CNS, fill="#FBF3E4")
    _text(ax, CNS[0] + 1.2, 7.0, "Brain, spinal cord", ha="left", fontweight="bold")
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
    _box(ax, *PATIENT, fill=style.PAPER, lw=2.0)
    _text(ax, 2.5, PATIENT[3] - 1.9, "Patient", ha="left", step=0, fontweight="bold")
    _box(ax, *MARROW, title="Bone marrow", fill="#F6EDF1")
    _box(ax, *THYMUS, title="Thymus", fill="#EEF3F8")
    _box(ax, *BLOOD, title=f"Blood: counts {v.counts}", fill="#FCEFEC")
    draw_gauge(ax, v.gauge)
    _draw_cns(ax, v.cns)
    _box(ax, *BAG, fill=style.PAPER, lw=1.4)
    ax.add_artist(Line2D([74, 74], [BAG[3], BAG[3] + 1.3], color=BOX_EDGE,
                         linewidth=style.line(2.0), zorder=1))
    _text(ax, 74, BAG[3] + 2.5, "Collection bag", fontweight="bold")
    _box(ax, *FREEZER, fill="#E6F1FA", lw=2.6)
    _text(ax, 91, FREEZER[3] + 2.5, "Freezer", fontweight="bold")
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
        _arrow(ax, 18.0, 41.3, 27.6, 41.6, rad=-0.3)
    if "collect" in arrows:
        _arrow(ax, 39.6, 41.8, 68.8, 40.8, rad=-0.15)
    if "freeze" in arrows:
        _arrow(ax, 80.2, 38.0, 85.8, 38.0)
    if "reinfuse" in arrows:
        ax.add_artist(Line2D([91, 91, 66.5], [27, 24.6, 24.6], color=style.INK,
                             linewidth=style.line(1.6), zorder=8))
        _arrow(ax, 66.6, 24.6, 61.0, 38.4, rad=-0.2)
        _text(ax, 79.5, 22.6, "thawed, given by drip")
    if "home" in arrows:
        _arrow(ax, 41.9, 41.4, 18.0, 38.4, rad=0.1)
    if "thymus" in arrows:
        _arrow(ax, 18.6, 14.6, 25.0, 26.0, rad=-0.25)
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

PROCEDURE_STEPS = (
    Step("Selection and work-up",
         "A neurologist and a haematologist decide together whether AHSCT suits this person. "
         "Heart, lungs, kidneys and liver are tested, infections are screened for and the teeth "
         "are checked. Fertility counselling is offered, with storage of sperm, eggs or embryos. "
         "MS medicines are stopped, with a wash-out time that depends on the drug.",
         ProcedureState("workup")),
    Step("Mobilisation",
         "Cyclophosphamide, then daily injections of G-CSF (a growth factor), push blood-forming "
         "stem cells out of the bone marrow into the blood. G-CSF alone can trigger MS flares, "
         "so it is given with cyclophosphamide and/or steroids. The mobilising dose of "
         "cyclophosphamide already dampens MS activity and lowers lymphocyte numbers for a "
         "while, but the old repertoire is not removed: that happens at conditioning.",
         ProcedureState("mobilise")),
    Step("Collection by apheresis",
         "Some days later, a cell-separator machine draws blood, keeps the stem cells "
         "(counted by their surface marker CD34) and returns the rest. No bone-marrow drilling: "
         "today the cells are almost always collected from the blood.",
         ProcedureState("collect")),
    Step("Freezing",
         "The bag of stem cells is frozen with a protective chemical and stored. The patient "
         "goes home and waits, for weeks to months.",
         ProcedureState("freeze")),
    Step("Conditioning: the actual treatment",
         "High-dose chemotherapy, usually with anti-thymocyte globulin (ATG, antibodies against "
         "T cells), removes most of the immune system. It is <b>not selective</b>: protective "
         "and regulatory clones go along with the autoreactive ones. A few old clones survive, "
         "such as some CD8 memory T cells and, in many patients, antibody-making cells inside "
         "the brain and spinal cord. Section 3 compares two conditioning intensities.",
         ProcedureState("condition")),
    Step("Reinfusion (day zero)",
         "The stored stem cells are thawed and given back through a drip, much like a blood "
         "transfusion. They find their own way to the bone marrow. They are a <b>rescue</b> for "
         "blood formation: they do not travel to the brain and do not become myelin.",
         ProcedureState("reinfuse")),
    Step("Aplasia",
         "For a while (longer after stronger regimens) the marrow makes almost no white "
         "cells, platelets or red cells. With so few defenders, infections are the main danger: "
         "patients are protected in isolation and given antibiotics, antivirals, antifungals and "
         "transfusions. Fever with low white cells, hair loss and a sore mouth are common.",
         ProcedureState("aplasia")),
    Step("Engraftment",
         "The reinfused stem cells settle in the marrow and start making blood again: "
         "neutrophils (infection-fighting white cells) recover first, then platelets (watch the "
         "bars in the Blood box). The whole hospital stay is typically a few weeks. T cells and "
         "B cells are still very few.",
         ProcedureState("engraft")),
    Step("Immune reconstitution: the first months",
         "The immune system regrows in order. Surviving CD8 T cells expand early, so the CD8 "
         "repertoire rebuilds mainly from old cells. New, naive B cells return after a few "
         "months. The thymus starts sending out new T cells. Tiredness and infection risk last "
         "for months, so antiviral protection continues.",
         ProcedureState("early")),
    Step("Immune reconstitution: the first years",
         "CD4 T cells are the slowest to return, often taking years. For a long time there are "
         "still fewer CD4 than CD8 T cells; the picture shows the later state. Many of the new "
         "CD4 T cells are made in the thymus, so the T-cell repertoire becomes broader and "
         "largely renewed, and regulatory populations shift towards immune control. The old "
         "dominant CD4 clones became undetectable in the blood, but some old CD8 clones and, in "
         "many patients, antibody-making cells inside the CNS remain: the reset is not total. "
         "The new repertoire appears less prone to attack the CNS, but why is not fully known.",
         ProcedureState("renewed")),
    Step("Long-term follow-up",
         "Usually no MS medicines are needed afterwards. Follow-up for years checks relapses and "
         "MRI, thyroid function (new autoimmunity), blood counts, fertility and late effects, "
         "including a small risk of cancers. Childhood vaccinations are repeated.",
         ProcedureState("followup")),
)


def procedure():
    """Section 1: the whole procedure, step by step."""
    return with_key(Storyboard(PROCEDURE_SCENE, PROCEDURE_STEPS, heading="AHSCT step by step"))


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
        verdict="Reset: old clones go; new blood and immune cells grow from the stem cells.",
        says="Full AHSCT: conditioning, then the patient's own stem cells are given back."),
    "cells_only": dict(
        marrow=("hsc", "hsc", "hsc", "hsc"), extra=2,
        cells=tuple((s, k, t, "") for s, k, t in R_OLD),
        marrow_note="extra stem cells: no change", rep_note="old repertoire untouched",
        verdict="No reset: the autoreactive clones are still there.",
        says="Thought experiment, stem cells only: the patient's own stem cells are given back "
             "without conditioning."),
    "no_rescue": dict(
        marrow=("ghost", "ghost", "ghost", "ghost"), extra=0,
        cells=tuple((s, k, t, "" if (s, k, t, "") in R_SURV else "ghost") for s, k, t in R_OLD),
        marrow_note="blood formation stalls", rep_note="removed, but nothing to regrow from",
        verdict="Dangerous: blood formation may not recover.",
        says="Thought experiment, strong (myeloablative) conditioning with no stem-cell rescue."),
}
R_W, R_H = 100, 38


def draw_rescue(ax, state):
    v = RESCUE_VIEW[state.choice]
    _box(ax, 1, 12, 33, 36, title="Bone marrow", fill="#F6EDF1")
    for (x, y), mark in zip(((9, 28), (17, 28), (25, 28), (9, 21.5)), v["marrow"]):
        draw_hsc_slot(ax, x, y, "" if mark == "hsc" else "ghost")
    for i in range(v["extra"]):
        A.draw_hsc(ax, 17 + 8 * i, 21.5, size=1.9)
    _text(ax, 17, 15.2, v["marrow_note"])
    _box(ax, 36, 12, 99, 36, title="Immune repertoire", fill="#FCEFEC")
    draw_repertoire(ax, v["cells"], x0=44, y0=29.3, dx=9, dy=5.8, cols=6, size=1.6)
    _text(ax, 67.5, 14.1, v["rep_note"])
    _text(ax, 50, 8.6, v["verdict"], fontweight="bold")
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
                    heading="Which part does what? A thought experiment"))


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
        says="Cyclophosphamide with ATG is lymphoablative: it mainly destroys lymphocytes. The "
             "marrow is partly spared and could in principle recover without a graft, but "
             "slowly, so the stem-cell rescue speeds recovery."),
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
        says="BEAM (four chemotherapy drugs) with ATG is myeloablative: it destroys the bone "
             "marrow's own stem cells too, so the stem-cell rescue is essential."),
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
    _text(ax, 1.5, 47.6, f"{v['name']}: {v['kind']}", ha="left", step=0, fontweight="bold")
    # old immune cells
    _box(ax, 1, 23.5, 55, 44.5, title="Old immune cells", fill="#FCEFEC")
    draw_repertoire(ax, I_CELLS, x0=8, y0=36.6, dx=10, dy=7.0, cols=5, size=1.6)
    _text(ax, 28, 25.8, "all kinds hit; a few survive")
    # own marrow
    _box(ax, 58, 23.5, 99, 44.5, title="Own marrow stem cells", fill="#F6EDF1")
    for (x, y), mark in zip(((67, 36.4), (75, 36.4), (83, 36.4), (91, 36.4)), v["marrow"]):
        draw_hsc_slot(ax, x, y, "" if mark == "hsc" else "ghost")
    _text(ax, 78.5, 30.4, v["marrow_note"], fontweight="bold")
    _text(ax, 78.5, 26.4, v["rescue"])
    if state.key:
        draw_key(ax, 3.0, 20.0, entries=("auto", "prot", "reg", "ghost"), gap=17.0)
    # aplasia bar (illustrative: no numbers)
    _text(ax, 1.5, 13.5, "Aplasia after reinfusion", ha="left", fontweight="bold")
    ax.add_artist(Rectangle((32, 12.0), v["aplasia"], 3.0, facecolor=style.LIGHT_GREY,
                            edgecolor=style.INK, linewidth=style.line(1.2), zorder=3))
    _text(ax, 32 + v["aplasia"] + 1.2, 13.5, v["aplasia_word"], ha="left", fontweight="bold")
    # risks, compared with the other regimen
    for i, (what, level) in enumerate(v["risks"]):
        col, row = divmod(i, 2)
        _text(ax, 1.5 + 50 * col, 7.0 - 3.9 * row, f"{what}: {level}", ha="left")
    illustrative_tag(ax, I_W, I_H)


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
            f"regimen: {risks}. In one non-randomised comparison the two regimens controlled MS "
            f"about equally well. This is an illustrative comparison, not data. "
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
                    heading="How strong a conditioning?",
                    note="Words such as “fewer” and “longer” compare the two regimens with each "
                         "other. The sketch has no numbers: the real figures are in the text."))


# ================================================================ 4. the patient's timeline

@dataclass(frozen=True)
class TimelineState:
    """Section 4: the patient timeline, with one phase highlighted ("" for none)."""

    highlight: str = ""


# (key, label, start, end, what the patient experiences). Positions are
# illustrative, on a stretched time line that is not to scale.
PHASES = (
    ("workup", "Work-up", 33, 42,
     "Weeks of tests, fertility counselling and stopping MS medicines."),
    ("collect", "Mobilise, collect", 41, 47,
     "A short hospital visit: cyclophosphamide, G-CSF injections, then apheresis."),
    ("wait", "Cells frozen", 46.5, 54,
     "Weeks to months at home while the cells are stored."),
    ("condition", "Conditioning", 53.5, 57,
     "A few days of high-dose chemotherapy and ATG in hospital."),
    ("reinfuse", "Reinfusion", 56.5, 58,
     "The stem cells go back by drip, in one short session (day zero), in hospital."),
    ("aplasia", "Aplasia", 57.5, 62,
     "A period of very low blood counts in protective isolation in hospital, until the stem "
     "cells engraft and blood counts recover; the whole hospital stay is typically a few weeks."),
    ("home", "Recovery at home", 61.5, 73,
     "Months at home with tiredness and a raised risk of infections: the risk does not end "
     "when the patient leaves hospital, so antiviral protection continues."),
    ("rebuild", "Immune rebuilding", 59, 88,
     "B cells return within months; CD4 T cells take the longest, often years, and many are newly "
     "made by the thymus."),
    ("followup", "Follow-up", 70, 98.5,
     "Long-term follow-up from home: years of check-ups for relapses, MRI, thyroid, blood "
     "counts, fertility and late effects; childhood vaccinations are repeated."),
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
    _text(ax, 4.6, 41.7, "stem cells leave or return", ha="left")
    _icon(ax, "t_cell", 35.0, 41.7, size=1.2)
    _text(ax, 37.0, 41.7, "T cells regrow", ha="left")
    for i, (key, label, x0, x1, _) in enumerate(PHASES):
        y = T_TOP - i * T_ROW
        on = key == state.highlight
        _text(ax, 1.5, y, label, ha="left", fontweight="bold" if on else "normal")
        if key in TIMELINE_ICONS:  # who moves in this phase
            _icon(ax, TIMELINE_ICONS[key], 28.2, y)
        ax.add_artist(FancyBboxPatch(
            (x0, y - 1.2), x1 - x0, 2.4, boxstyle="round,pad=0,rounding_size=0.6",
            facecolor="#9EC9E2" if on else "#DCEBF5", edgecolor=style.INK,
            linewidth=style.line(2.6 if on else 1.0), zorder=3))
        if on:  # an arrowhead pointing at the highlighted block
            tip = max(x0 - 0.8, 31.0)
            ax.add_artist(Polygon([(tip, y), (tip - 1.6, y + 0.9), (tip - 1.6, y - 0.9)],
                                  closed=True, facecolor=style.INK, edgecolor="none", zorder=4))
    # the shaded danger window: highest infection risk
    y_bottom = T_TOP - (len(PHASES) - 1) * T_ROW - 2.2
    ax.add_artist(Rectangle((53.0, y_bottom), 20.5, T_TOP + 2.2 - y_bottom, facecolor="#F7E1DA",
                            edgecolor=style.OKABE_ITO["vermillion"], linewidth=style.line(1.0),
                            linestyle=(0, (4, 2)), zorder=0.5))
    # time arrow, words only
    ax.add_artist(FancyArrowPatch((32.0, 2.9), (99.0, 2.9), arrowstyle="-|>", mutation_scale=14,
                                  color=style.INK, linewidth=style.line(1.6), zorder=3))
    for x, word in ((41, "weeks to months"), (58.5, "weeks"), (67.5, "months"), (90, "years")):
        _text(ax, x, 0.95, word)
    _text(ax, 31.0, 2.9, "not to scale", ha="right")
    _text(ax, 64.0, y_bottom - 1.5, "highest infection risk", colour="#8A3A00")
    illustrative_tag(ax, T_W, T_H)


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
                    heading="The patient's timeline")


# ================================================================ self-check

QUESTIONS = (
    Question(
        "Which sequence puts these steps of AHSCT in the right order?",
        (
            Option("Conditioning, mobilisation, collection, reinfusion, engraftment, aplasia.",
                   False,
                   "No. Conditioning damages the marrow's own stem cells, so they are collected "
                   "before it, not after. And aplasia comes before engraftment: counts recover "
                   "once the stem cells engraft."),
            Option("Mobilisation, collection, conditioning, reinfusion, aplasia, engraftment.",
                   True,
                   "Yes. The stem cells are collected while the marrow is healthy and frozen. "
                   "Conditioning then removes most of the immune system, the stem cells go back, "
                   "and blood counts stay very low (aplasia) until the stem cells engraft."),
            Option("Mobilisation, conditioning, collection, reinfusion, aplasia, engraftment.",
                   False,
                   "No. Collected after conditioning, the stem cells would be too few or damaged. "
                   "They are collected first and kept frozen until reinfusion."),
        ),
    ),
    Question(
        "In AHSCT, what do the reinfused stem cells do?",
        (
            Option("They travel to the brain and spinal cord and turn into oligodendrocytes that "
                   "make new myelin.", False,
                   "Haematopoietic stem cells make only blood and immune cells. They home to the "
                   "bone marrow, not the brain. Myelin repair is done by the patient's own "
                   "oligodendrocyte precursor cells (lesson 04)."),
            Option("They stay in the blood and calm the immune system by sending "
                   "anti-inflammatory signals.", False,
                   "That is a proposed action of mesenchymal stromal cells (lesson 05), not of the "
                   "stem cells given back in AHSCT."),
            Option("They rescue blood formation after conditioning, and the new blood and immune "
                   "cells grow from them.", True,
                   "Yes. They are a rescue: they shorten the dangerous aplasia. The benefit "
                   "against MS comes mainly from removing the old immune system and rebuilding it."),
        ),
    ),
    Question(
        "Which immune cells does the conditioning chemotherapy remove?",
        (
            Option("Only the autoreactive clones, because the drugs recognise the cells that attack "
                   "myelin.", False,
                   "The chemotherapy cannot tell a harmful clone from a helpful one. It is not "
                   "selective."),
            Option("None: it only empties the bone marrow to make space for the new stem cells.",
                   False,
                   "No. Removing the old immune system is the actual treatment; the patient's own "
                   "stem cells find their way to the marrow by themselves."),
            Option("Most immune cells of every kind: autoreactive, protective and regulatory "
                   "alike.", True,
                   "Yes. That is why infections are the main early danger: the cells that fight "
                   "germs are removed too."),
        ),
    ),
    Question(
        "A few years after AHSCT, which of these are found in the patient? Tick every one that "
        "applies.",
        (
            Option("Some old CD8 T-cell clones.", True,
                   "Yes. The dominant old CD4 clones became undetectable, but the CD8 repertoire "
                   "rebuilt mainly from surviving old cells."),
            Option("In many patients, antibody-making cells inside the brain and spinal cord "
                   "(oligoclonal bands in the CSF).", True,
                   "Yes. In a Swedish series (section 2) the bands were still present in about "
                   "three-quarters of patients about 2 years after AHSCT, and in about half of "
                   "those followed for more than 4 years."),
            Option("Nothing of the old immune system: it is completely erased.", False,
                   "'Reset' is a metaphor. Most circulating clones go, but some survive."),
            Option("Many new T cells made by the thymus.", True,
                   "Yes. The thymus makes new naive T cells, so the repertoire becomes broader "
                   "and largely renewed."),
        ),
        multiple=True,
    ),
    Question(
        "Which statement about AHSCT and a cure is best supported?",
        (
            Option("It can give long-lasting remission in many selected patients, but remission "
                   "is not guaranteed.", True,
                   "Yes. In the meta-analysis (section 5) about two-thirds had no evidence of "
                   "disease activity at 5 years; these figures come from selected patients in "
                   "observational studies, mostly without a comparison group."),
            Option("AHSCT cures MS: once the immune system has been reset, the disease can never "
                   "come back.", False,
                   "Cure is not established. Some patients relapse or worsen, and lifelong "
                   "follow-up is needed."),
            Option("Its effect fades within a few months, like a relapse treatment, so MS soon "
                   "returns.", False,
                   "Long-term cohorts follow patients for many years, and many stay free of "
                   "disease activity without MS medicines (section 5)."),
        ),
    ),
    Question(
        "Does AHSCT work as well in progressive MS as in relapsing MS?",
        (
            Option("Yes: it removes the whole immune system, so the type of MS makes no "
                   "difference to the benefit.", False,
                   "In progressive MS much of the damage comes from neurodegeneration and "
                   "smouldering processes that go on after the inflammation is switched off."),
            Option("Better in progressive MS: more disability means more damaged tissue for the "
                   "treatment to repair.", False,
                   "AHSCT does not repair nerve fibres. Higher disability and progressive disease "
                   "predict less benefit and a higher treatment-related risk."),
            Option("No: benefit is greatest in active relapsing MS, much smaller in progressive MS "
                   "without inflammation.", True,
                   "Yes. In the long-term cohort, progression-free survival (the share of people "
                   "whose disability had not worsened) was much higher in relapsing MS; "
                   "guidelines consider progressive MS only with clear inflammatory activity."),
        ),
    ),
    Question(
        "Which of these are risks of AHSCT that people need to know about? Tick every one that "
        "applies.",
        (
            Option("A new autoimmune disease, most often of the thyroid gland.", True,
                   "Yes. In the EBMT series (across several autoimmune diseases, not only MS) "
                   "about 10% had a new autoimmune disease by 5 years, thyroid disease most often; "
                   "that is why thyroid tests are part of follow-up."),
            Option("Infertility or early menopause, more likely with BEAM, busulfan and older age.",
                   True,
                   "Yes. That is why fertility counselling, and storage of eggs, sperm or embryos "
                   "if wanted, come before treatment."),
            Option("Graft-versus-host disease, because a new immune system attacks the patient.",
                   False,
                   "No. The cells are the patient's own, so there is no graft-versus-host disease "
                   "and no lifelong anti-rejection medicine."),
            Option("Infections, but only while the patient is in hospital during aplasia.", False,
                   "No. Infection is the main early danger, and the risk lasts for months at "
                   "home: antiviral protection continues and childhood vaccinations are repeated."),
        ),
        multiple=True,
    ),
    Question(
        "Why has treatment-related mortality after AHSCT for MS fallen? Tick every reason that "
        "applies.",
        (
            Option("Better selection: younger people with relapsing MS and less disability.", True,
                   "Yes. Older studies included more people with progressive MS and high "
                   "disability, who had higher risk."),
            Option("Less intense regimens and more experienced, accredited centres.", True,
                   "Yes. Guidelines ask for accredited centres where neurologists and transplant "
                   "doctors work together."),
            Option("Newer chemotherapy removes only the harmful cells and spares the others.",
                   False,
                   "The chemotherapy is still non-selective; infections remain the main early "
                   "danger."),
        ),
        multiple=True,
    ),
)


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
