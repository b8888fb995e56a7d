"""Lesson 02, what goes wrong in MS: the life of one lesion, and disease courses.

Two scenes:

* ``LESION_SCENE``: a piece of brain tissue (two myelinated axons, their
  oligodendrocytes, a resting microglial cell) above a blood vessel whose wall
  is the blood-brain barrier, with a lymph node "outside the brain" at the
  lower left. One state type (``LesionState``) describes every stage of a
  lesion; the storyboard and the four explorers of the lesson all set it.
* ``COURSE_SCENE``: an axis-free, illustrative sketch of disability over time
  for relapsing-remitting, secondary progressive and primary progressive MS.

The storyboard steps (``LESION_STEPS``) are data: edit the captions or states
there without touching the drawing code.
"""

from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as w
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Polygon

from .. import actors as A
from .. import style
from ..export import FigureSpec
from ..scene import Scene, caption_text, illustrative_tag
from ..widgets import Explorer, Option, Question, Quiz, Step, Storyboard

# ================================================================ the lesion scene

WIDTH, HEIGHT = 100.0, 60.0
UPPER_Y, LOWER_Y = 45.0, 31.0  # the two axons
BETWEEN_Y = 38.0  # the row of cells between the axons
BAND_Y = 21.0  # the row of cells between the lower axon and the vessel
VESSEL_X0, VESSEL_X1, VESSEL_Y, VESSEL_H = 20.0, 95.0, 7.5, 8.0
GAP = (49.5, 54.5)  # where the barrier opens (centres of the missing wall cells)
GAP_X = 52.0
SEGMENTS = ((1.0, 22.5), (23.5, 48.5), (49.5, 74.5), (75.5, 99.0))
NODES = (23.0, 49.0, 75.0)
LESION = (1, 2)  # the sheaths inside the lesion
LESION_X0, LESION_X1 = 23.5, 74.5
CUT = (44.0, 54.0)
RIM_X = (26.0, 76.0)  # activated microglia at the lesion edge  # the gap in a transected lower axon
TAG_TOP = 58.6  # y of the top of the text tags, top right

MYELIN_WORDS = {
    "intact": "still has its myelin",
    "damaged": "has damaged myelin: broken fragments are coming away",
    "bare": "has lost its myelin (demyelinated): the axon is bare",
    "thin": "has thin new myelin (remyelinated), thinner than before",
    "cut": "has been cut (transected): its two ends no longer meet",
}


@dataclass(frozen=True)
class LesionState:
    """One stage of a lesion's life (what is where, and what MRI would show)."""

    lymph: str = "quiet"  # "quiet" or "active": T cells multiplying in a lymph node
    barrier: str = "sealed"  # "sealed" or "leaky" (a gap in the vessel wall)
    entry: str = "none"  # "none", "crossing" (a T cell grips the wall) or "blocked" (VLA-4 blocked)
    t4: int = 0  # CD4 helper T cells in the tissue (0-2)
    t8: int = 0  # CD8 T cells in the tissue (0-3)
    b_cells: bool = False  # a B cell and antibodies in the tissue
    macrophages: str = "none"  # lesion macrophages/microglia: "none", "active", "eating"
    mood: str = ""  # a word label on them: "", "pro-inflammatory", "pro-repair"
    upper: str = "intact"  # lesion sheaths of the upper axon: intact, damaged, bare, thin
    lower: str = "intact"  # ... of the lower axon: intact, damaged, bare, thin, cut
    opcs: str = "none"  # "none", "arriving", "repair" (new oligodendrocyte by thin myelin, stuck OPC by bare axon)
    block: bool = False  # the signal is blocked in the lower axon
    rim: bool = False  # activated microglia at the lesion edge (chronic active, smouldering)
    nfl: bool = False  # neurofilament light released into the blood
    highlight: str = ""  # "", "t4", "t8", "b", "macrophage": dashed rings and a role in words
    tags: tuple = ()  # short text tags at the top right (MRI, symptoms, outcome)


def _arrow(ax, x0, y0, x1, y1, colour=style.INK, width=1.4, both=False, head=1.3, z=8):
    """A plain arrow from (x0, y0) to (x1, y1): a line and filled triangle heads (cheap to draw)."""
    d = np.array([x1 - x0, y1 - y0], dtype=float)
    d /= np.hypot(*d)
    n = np.array([-d[1], d[0]])
    ends = [(np.array([x1, y1]), d)] + ([(np.array([x0, y0]), -d)] if both else [])
    start = np.array([x0, y0]) + (d * head * 0.8 if both else 0)
    stop = np.array([x1, y1]) - d * head * 0.8
    ax.add_artist(Line2D([start[0], stop[0]], [start[1], stop[1]], color=colour,
                         linewidth=style.line(width), zorder=z))
    for tip, direction in ends:
        base = tip - direction * head
        ax.add_artist(Polygon([tip, base + n * head * 0.45, base - n * head * 0.45], closed=True,
                              facecolor=colour, edgecolor=colour, linewidth=0.5, zorder=z))


def _t4_spots(state):
    return [(40.0, BAND_Y), (68.0, BAND_Y + 1.5)][: state.t4]


def _t8_spots(state):
    return [(54.0, BAND_Y + 2.0), (26.0, BETWEEN_Y), (46.0, BAND_Y + 3.0)][: state.t8]


def _macrophage_spots(state):
    if state.macrophages == "none":
        return []
    return [(48.0, BETWEEN_Y), (74.0, BAND_Y - 1.0)] if state.mood == "" else [MOOD_SPOT]


B_SPOT = (37.0, BETWEEN_Y)
MOOD_SPOT = (30.0, BAND_Y)
ANTIBODY_SPOTS = ((41.0, 27.1, 0), (33.0, 27.1, 0), (72.0, 41.3, 0))
NEW_OLIGO = (37.0, BETWEEN_Y)
OLD_OLIGO = (62.0, BETWEEN_Y)


def _stuck_spots(state):
    """Where OPCs wait: by each bare axon (stuck) or arriving."""
    if state.opcs == "arriving":
        return [(32.0, BETWEEN_Y), (38.0, BAND_Y - 1.5), (63.5, BAND_Y + 0.5)]
    if state.opcs != "repair":
        return []
    spots = []
    if state.upper == "bare":
        spots.append((40.0, BETWEEN_Y))
    if state.lower in ("bare", "damaged"):
        spots.append((64.0, BAND_Y + 1.0))
    return spots


def _lower_cut(state):
    return state.lower == "cut"


def _sheathed(kind):
    return kind in ("intact", "thin")


def draw_lesion(ax, state):
    ink = style.INK
    # -- the two axons and their sheaths
    for y, kind in ((UPPER_Y, state.upper), (LOWER_Y, state.lower)):
        if kind == "cut":
            A.draw_axon(ax, 1.0, CUT[0], y)
            A.draw_axon(ax, CUT[1], 99.0, y)
        else:
            A.draw_axon(ax, 1.0, 99.0, y)
        for i, (x0, x1) in enumerate(SEGMENTS):
            if i not in LESION:
                A.draw_myelin(ax, x0, x1, y)
            elif kind in ("intact", "thin", "damaged"):
                A.draw_myelin(ax, x0, x1, y, kind=kind)
        sheathed = [True] + [_sheathed(kind)] * 2 + [True]
        for k, x in enumerate(NODES):
            if sheathed[k] and sheathed[k + 1]:
                A.draw_node(ax, x, y)
    # -- the oligodendrocyte that made the lesion's sheaths (it survives the attack, without them)
    old_arms = []
    if state.upper == "intact":
        old_arms += [(40.0, UPPER_Y - 2.6), (63.0, UPPER_Y - 2.6)]
    if state.lower == "intact":
        old_arms += [(40.0, LOWER_Y + 2.6), (63.0, LOWER_Y + 2.6)]
    A.draw_oligodendrocyte(ax, *OLD_OLIGO, targets=old_arms)
    if state.opcs == "repair" and (state.upper == "thin" or state.lower == "thin"):
        arms = []
        if state.upper == "thin":
            arms += [(36.0, UPPER_Y - 1.5), (56.0, UPPER_Y - 1.5)]
        if state.lower == "thin":
            arms += [(30.0, LOWER_Y + 1.5), (44.0, LOWER_Y + 1.5)]
        A.draw_oligodendrocyte(ax, *NEW_OLIGO, targets=arms)
    # -- a resting microglial cell outside the lesion
    A.draw_macrophage(ax, 11.0, BETWEEN_Y, size=2.0, resting=True)
    # -- the blood vessel, with the lymph node (outside the brain) to its left
    A.draw_vessel(ax, VESSEL_X0, VESSEL_X1, VESSEL_Y, height=VESSEL_H,
                  leaky_at=GAP if state.barrier == "leaky" else ())
    _draw_lymph_node(ax, state)
    if state.lymph == "active":
        A.draw_t_cell(ax, 34.0, VESSEL_Y, tag="4")
    else:
        A.draw_t_cell(ax, 74.0, VESSEL_Y)
    # -- a T cell at the barrier
    if state.entry == "crossing":
        A.draw_t_cell(ax, GAP_X, VESSEL_Y + VESSEL_H / 2, tag="4")
        caption_text(ax, 57.5, 17.0, "VLA-4 on the T cell grips\nVCAM-1 on the vessel wall",
                     size_step=-1, ha="left")
    elif state.entry == "blocked":
        A.draw_t_cell(ax, GAP_X, VESSEL_Y + 1.2, tag="4" if state.lymph == "active" else "")
        caption_text(ax, 57.5, 17.0, "VLA-4 blocked (natalizumab):\nthe T cell cannot grip the wall",
                     size_step=-1, ha="left")
    # -- immune cells in the tissue
    for x, y in _t4_spots(state):
        A.draw_t_cell(ax, x, y, tag="4")
    for x, y in _t8_spots(state):
        A.draw_t_cell(ax, x, y, tag="8")
    if state.b_cells:
        A.draw_b_cell(ax, *B_SPOT)
        for x, y, angle in ANTIBODY_SPOTS:
            A.draw_antibody(ax, x, y, angle=angle)
    for x, y in _macrophage_spots(state):
        A.draw_macrophage(ax, x, y, eating=state.macrophages == "eating")
    if state.mood:
        caption_text(ax, MOOD_SPOT[0], MOOD_SPOT[1] - 4.0, state.mood, size_step=-1)
    if state.rim:
        for x in RIM_X:
            A.draw_macrophage(ax, x, BAND_Y + 1.0, size=2.0)
        caption_text(ax, RIM_X[1], BAND_Y - 3.2, "smouldering edge", size_step=-1)
    # -- OPCs
    for x, y in _stuck_spots(state):
        A.draw_opc(ax, x, y)
        if state.opcs == "repair":
            caption_text(ax, x + 4.0, y, "stuck", size_step=-1, ha="left")
    # -- a blocked signal, and what leaves a cut axon
    if state.block:
        A.draw_block(ax, 49.0, LOWER_Y)
        if state.lower == "cut":
            caption_text(ax, 49.0, LOWER_Y - 4.0, "axon cut", size_step=-1)
    if state.nfl:
        caption_text(ax, 30.0, 16.0, "NfL from the cut axon → blood", size_step=-1, ha="left")
    # -- labels and tags
    if state.tags:  # one text object for all tags: cheaper to draw than one per line
        caption_text(ax, 99.0, TAG_TOP - 1.55 * len(state.tags), "\n".join(state.tags), size_step=-1,
                     ha="right", linespacing=1.3,
                     bbox=dict(boxstyle="round,pad=0.3", facecolor="#F2F2F2",
                               edgecolor=style.GREY, linewidth=0.8))
    if state.highlight:
        for x, y in _highlight_spots(state):
            ax.add_artist(Circle((x, y), 3.4, fill=False, edgecolor=ink,
                                 linewidth=style.line(2.0), linestyle=(0, (3, 2)), zorder=10))


def _draw_lymph_node(ax, state):
    """A dashed box at the lower left: a lymph node, outside the brain."""
    x0, x1, y0, y1 = 0.6, 18.4, 0.6, 24.2
    ax.add_artist(Line2D([x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0], color=style.MUTED,
                         linewidth=style.line(1.2), linestyle=(0, (4, 3)), zorder=1))
    caption_text(ax, (x0 + x1) / 2, 21.0, "lymph node,\noutside the brain", size_step=-1,
                 colour=style.MUTED, linespacing=1.0)
    if state.lymph == "active":
        A.draw_b_cell(ax, 5.0, 13.0, size=1.5)
        for x, y in ((11.5, 13.0), (9.0, 6.5)):
            A.draw_t_cell(ax, x, y, tag="4")
        _arrow(ax, 15.5, 4.0, VESSEL_X0 + 5.0, VESSEL_Y - 1.0)
    else:
        A.draw_t_cell(ax, 9.5, 9.0)


def _highlight_spots(state):
    if state.highlight == "t4":
        return _t4_spots(state) + ([(GAP_X, VESSEL_Y + VESSEL_H / 2)] if state.entry == "crossing" else [])
    if state.highlight == "t8":
        return _t8_spots(state)
    if state.highlight == "b":
        return [B_SPOT] if state.b_cells else []
    if state.highlight == "macrophage":
        return _macrophage_spots(state)
    return []


ROLES = {
    "t4": ("CD4 helper T cells (T4)",
           "Dashed rings mark the CD4 helper T cells (T4). Helper T cells of the Th1 and Th17 types are "
           "thought to be switched on outside the brain; inside, they direct the attack by releasing "
           "cytokines, the signalling proteins immune cells use to talk to each other."),
    "t8": ("CD8 T cells (T8)",
           "Dashed rings mark the CD8 T cells (T8). They are often the most abundant T cells in MS lesions."),
    "b": ("B cells and antibodies",
          "A dashed ring marks the B cell. B cells make antibodies (the Y shapes), which with complement "
          "add to the damage, and they present targets to T cells. Drugs that remove B cells "
          "(anti-CD20 antibodies) strongly reduce new lesions and relapses."),
    "macrophage": ("macrophages and microglia",
                   "A dashed ring marks the macrophage or activated microglial cell (M). Macrophages and "
                   "activated microglia strip myelin from axons and engulf it."),
}


def describe_lesion(state):
    parts = ["Two axons run through brain or spinal cord tissue. Outside the lesion they keep their "
             "myelin sheaths, with nodes of Ranvier in the gaps between sheaths."]
    if state.upper == state.lower:
        parts.append(f"In the lesion, in the middle, each axon {MYELIN_WORDS[state.upper]}.")
    else:
        parts.append(f"In the lesion, in the middle, the upper axon {MYELIN_WORDS[state.upper]}, and the "
                     f"lower axon {MYELIN_WORDS[state.lower]}.")
    if state.upper == "intact" and state.lower == "intact":
        parts.append("An oligodendrocyte (O) between the axons reaches out to the four sheaths it makes in "
                     "the middle.")
    else:
        parts.append("The old oligodendrocyte (O) in the middle has lost some or all of its sheaths and "
                     "sits without them.")
    thin = [n for n, k in (("upper", state.upper), ("lower", state.lower)) if k == "thin"]
    if state.opcs == "repair" and thin:
        parts.append(f"A new oligodendrocyte, matured from an oligodendrocyte precursor cell (OPC), has "
                     f"wrapped the {' and '.join(thin)} axon{'s' if len(thin) > 1 else ''} in thin new myelin.")
    stuck = _stuck_spots(state)
    if state.opcs == "arriving":
        parts.append("Oligodendrocyte precursor cells (OPCs, P) have moved into the lesion.")
    elif stuck:
        parts.append(f"{'An OPC (P) waits' if len(stuck) == 1 else 'OPCs (P) wait'} beside the bare axon"
                     f"{'' if len(stuck) == 1 else 's'} but {'is' if len(stuck) == 1 else 'are'} stuck: "
                     "not maturing into myelin-making cells.")
    parts.append("A resting microglial cell (M, with thin branches) watches the healthy tissue on the left.")
    macs = _macrophage_spots(state)
    if macs:
        what = ("with yellow myelin fragments inside: they are engulfing the debris"
                if state.macrophages == "eating" else "activated and lumpy")
        label = f", labelled {state.mood}" if state.mood else ""
        parts.append(f"In the lesion, macrophages or microglia (M) are {what}{label}.")
    if state.rim:
        parts.append("Activated microglia (M) sit at the lesion's edge: a smouldering rim that can slowly grow.")
    t4, t8 = len(_t4_spots(state)), len(_t8_spots(state))
    if t4 or t8:
        bits = [f"{n} {kind}" for n, kind in ((t4, "CD4 helper (T4)"), (t8, "CD8 (T8)")) if n]
        parts.append(f"T cells have entered the tissue: {' and '.join(bits)}.")
    if state.b_cells:
        parts.append("A B cell (B) is in the tissue, and antibodies (Y shapes) sit on the myelin.")
    wall = ("is sealed: a closed blood-brain barrier" if state.barrier == "sealed"
            else "has a gap: the blood-brain barrier is leaky")
    parts.append(f"At the bottom, a blood vessel carries blood; its wall {wall}.")
    if state.lymph == "active":
        parts.append("At the lower left, outside the brain, CD4 helper T cells (T4) multiply in a lymph node "
                     "beside a B cell (B) that presents their target: they have been activated. An arrow shows "
                     "them entering the blood, where an activated T cell travels.")
    else:
        parts.append("At the lower left, outside the brain, a lymph node holds a quiet T cell; "
                     "one T cell drifts past in the blood.")
    if state.entry == "crossing":
        parts.append("A CD4 T cell squeezes through the gap: VLA-4 on the T cell grips VCAM-1 on the vessel wall.")
    elif state.entry == "blocked":
        parts.append("A T cell rolls along the wall but cannot grip it: VLA-4 is blocked by an antibody drug "
                     "(natalizumab), so it stays in the blood.")
    if state.block:
        parts.append("A black cross on the lower axon marks where the nerve signal is blocked.")
    if state.nfl:
        parts.append("A label notes that neurofilament light chain (NfL) from the cut axon leaks into the blood.")
    if state.tags:
        parts.append("Tags: " + "; ".join(t.rstrip(".") for t in state.tags) + ".")
    if state.highlight:
        parts.append(ROLES[state.highlight][1])
    return " ".join(parts)


LESION_LEGEND = ("axon", "myelin", "thin_myelin", "damaged_myelin", "node", "oligodendrocyte", "opc",
                 "t_cell", "b_cell", "antibody", "macrophage", "vessel", "block")
LESION_SCENE = Scene("lesion", draw_lesion, describe_lesion, width=WIDTH, height=HEIGHT,
                     legend=LESION_LEGEND)

# ---------------------------------------------------------------- the key states

HEALTHY = LesionState(tags=("MRI: normal",))
ACTIVATED = LesionState(lymph="active", tags=("MRI: normal",))
CROSSING = LesionState(lymph="active", barrier="leaky", entry="crossing", t4=1,
                       tags=("MRI: gadolinium can leak in",))
INFLAMED = LesionState(lymph="active", barrier="leaky", t4=1, t8=2, b_cells=True, macrophages="active",
                       tags=("MRI: new T2 lesion, gadolinium-enhancing",))
DEMYELINATED = LesionState(lymph="active", barrier="leaky", t4=1, t8=2, b_cells=True, macrophages="eating",
                           upper="damaged", lower="bare", block=True,
                           tags=("MRI: gadolinium-enhancing, T2 lesion",
                                 "Symptoms: depend on where it is"))
RECRUITING = LesionState(t8=1, macrophages="eating", upper="bare", lower="bare", opcs="arriving", block=True,
                         tags=("MRI: T2 lesion, enhancement fading",))
PARTIAL = LesionState(macrophages="active", mood="pro-repair", upper="thin", lower="bare", opcs="repair",
                      block=True, tags=("MRI: T2 lesion, no enhancement",))
CHRONIC = LesionState(upper="thin", lower="cut", opcs="repair", block=True, rim=True, nfl=True,
                      tags=("MRI: T2 lesion, T1 black hole", "Over years: brain atrophy"))

LESION_STEPS = (
    Step("Healthy tissue",
         "Two myelinated axons, the oligodendrocytes that make their myelin, and a resting microglial cell. "
         "Below runs a blood vessel: its sealed wall, the <b>blood-brain barrier</b>, keeps most immune cells "
         "in the blood. At the lower left, outside the brain, is a lymph node.",
         HEALTHY),
    Step("Activation outside the brain",
         "In a lymph node, far from the brain, CD4 helper T cells (<b>T4</b>) that recognise a part of "
         "the person's own nervous system are switched on and multiply. Why this happens is not fully "
         "known: genes, Epstein-Barr virus infection and other factors raise the risk. The activated "
         "cells enter the blood.",
         ACTIVATED),
    Step("Crossing the blood-brain barrier",
         "An activated T cell grips the vessel wall: its adhesion molecule <b>VLA-4</b> binds <b>VCAM-1</b> "
         "on the wall. The barrier opens and the T cell squeezes into the tissue. The drug natalizumab blocks "
         "VLA-4 (see section 2).",
         CROSSING),
    Step("Inflammation",
         "Inside, the T cells meet their target again and call in more cells: CD8 T cells (<b>T8</b>), a "
         "B cell with its antibodies (Y shapes), and activated macrophages and microglia (<b>M</b>). "
         "Contrast leaks through the open barrier: on MRI, the lesion is <b>gadolinium-enhancing</b>.",
         INFLAMED),
    Step("Demyelination",
         "Macrophages and microglia strip the myelin and engulf the fragments. The upper axon's sheaths are "
         "breaking up; the lower axon is bare and its signal is <b>blocked</b> (black cross). If this pathway "
         "matters, for example in the optic nerve, the person notices a <b>relapse</b>. Many lesions cause "
         "no symptoms at all.",
         DEMYELINATED),
    Step("Inflammation settles; OPCs arrive",
         "Within weeks the barrier closes and the enhancement on MRI fades. Macrophages keep clearing myelin "
         "debris. Oligodendrocyte precursor cells (<b>OPCs</b>, P) move into the lesion, ready to make "
         "new myelin.",
         RECRUITING),
    Step("Partial remyelination",
         "On the upper axon an OPC has matured into a new oligodendrocyte and wrapped <b>thin new myelin</b> "
         "(hatched): the signal can pass again. On the lower axon the OPC is <b>stuck</b> and does not mature, "
         "so the axon stays bare. Both outcomes happen in MS.",
         PARTIAL),
    Step("Chronic lesion: axon loss",
         "Axons can be cut at any stage, even in early active lesions. Here the bare lower axon, without "
         "myelin's support, has been <b>cut</b> (transected). Lost axons are not replaced: this is what "
         "makes disability permanent. Neurofilament light chain (<b>NfL</b>) leaks into the blood. "
         "Activated microglia at the edge keep the lesion smouldering.",
         CHRONIC),
)


def lesion_story():
    """Core interactive 1: step through one lesion's life, with what MRI would show."""
    return Storyboard(LESION_SCENE, LESION_STEPS, heading="The life of one lesion")


# ---------------------------------------------------------------- explorers on the same scene

def barrier_state(values):
    """Section 2: activation outside the brain, and blocking VLA-4."""
    active, blocked = values["activated"], values["blocked"]
    if not active:
        tags = ("No activated T cells to block",) if blocked else ("MRI: normal",)
        return LesionState(entry="blocked" if blocked else "none", tags=tags)
    if blocked:
        return LesionState(lymph="active", entry="blocked",
                           tags=("Fewer T cells enter the brain",))
    return LESION_STEPS[2].state


def barrier_explorer():
    activated = w.Checkbox(value=False, description="T cells activated outside the brain", indent=False,
                           layout=w.Layout(width="auto"))
    blocked = w.Checkbox(value=False, description="Block VLA-4 with an antibody drug (natalizumab)",
                         indent=False, layout=w.Layout(width="auto"))
    return Explorer(LESION_SCENE, {"activated": activated, "blocked": blocked}, make_state=barrier_state,
                    heading="Getting in: activation and the blood-brain barrier")


ATTACK_CHOICES = (("(none)", ""), ("CD4 helper T cells (T4)", "t4"), ("CD8 T cells (T8)", "t8"),
                  ("B cells and antibodies", "b"), ("macrophages and microglia", "macrophage"))


def attack_state(values):
    return LesionState(lymph="active", barrier="leaky", t4=1, t8=2, b_cells=True,
                       macrophages="eating", upper="damaged", highlight=values["highlight"],
                       tags=INFLAMED.tags)


def attack_explorer():
    choice = w.Dropdown(options=ATTACK_CHOICES, value="", description="Highlight",
                        style={"description_width": "initial"})
    return Explorer(LESION_SCENE, {"highlight": choice}, make_state=attack_state,
                    heading="Who does what in the attack")


MRI_AGES = (("a few days: an active lesion", "days"), ("weeks to months later", "months"),
            ("years later: a chronic lesion", "years"))
_MRI_BASE = {"days": DEMYELINATED, "months": PARTIAL, "years": CHRONIC}
_MRI_TAGS = {"days": "MRI: gadolinium-enhancing, T2 lesion",
             "months": "MRI: T2 lesion, no enhancement",
             "years": "MRI: T2 lesion, T1 black hole"}
_SYMPTOMS = {
    (True, "days"): "Symptoms: a relapse",
    (True, "months"): "Symptoms: recovering",
    (True, "years"): "Symptoms: may be lasting",
    (False, "days"): "Symptoms: none (silent lesion)",
    (False, "months"): "Symptoms: none (silent lesion)",
    (False, "years"): "Symptoms: none noticed",
}


def mri_state(values):
    age, matters = values["age"], values["matters"]
    base = _MRI_BASE[age]
    return LesionState(**{**base.__dict__, "tags": (_MRI_TAGS[age], _SYMPTOMS[(matters, age)])})


def mri_explorer():
    age = w.Dropdown(options=MRI_AGES, value="days", description="Time since the lesion formed",
                     style={"description_width": "initial"})
    matters = w.Checkbox(value=True,
                         description="The lesion lies in a pathway you would notice (e.g. the optic nerve)",
                         indent=False, layout=w.Layout(width="auto"))
    return Explorer(LESION_SCENE, {"age": age, "matters": matters}, make_state=mri_state,
                    heading="What MRI shows, and whether the person notices")


REPAIR_OBSTACLES = (
    ("older", "An older person (ageing OPCs)"),
    ("debris", "Myelin debris not cleared"),
    ("inflamed_microglia", "Microglia stay pro-inflammatory"),
    ("inflammation", "Inflammation still active"),
    ("axon_lost", "The lower axon is already lost"),
)


def repair_state(values):
    """Section 5: each obstacle makes remyelination less likely (illustrative, not a formula)."""
    n = sum(bool(values[k]) for k in ("older", "debris", "inflamed_microglia", "inflammation"))
    upper = "thin" if n <= 1 else "bare"
    lower = "cut" if values["axon_lost"] else ("thin" if n == 0 else "bare")
    outcome = {0: "Outcome: remyelination", 1: "Outcome: partial remyelination"}.get(n, "Outcome: repair fails")
    tags = [outcome]
    if values["older"]:
        tags.append("Older tissue: OPCs respond less")
    if values["axon_lost"]:
        tags.append("Lower axon lost: nothing to remyelinate")
    inflamed = bool(values["inflammation"])
    return LesionState(
        barrier="leaky" if inflamed else "sealed", t8=2 if inflamed else 0,
        macrophages="eating" if values["debris"] else "active",
        mood="pro-inflammatory" if values["inflamed_microglia"] else "pro-repair",
        upper=upper, lower=lower, opcs="repair", block=lower != "thin", tags=tuple(tags),
    )


def repair_explorer():
    boxes = {key: w.Checkbox(value=False, description=label, indent=False, layout=w.Layout(width="auto"))
             for key, label in REPAIR_OBSTACLES}
    return Explorer(LESION_SCENE, boxes, make_state=repair_state,
                    heading="Why remyelination fails: add obstacles one at a time",
                    note="Illustrative: in real lesions these factors add up and differ from lesion to "
                         "lesion; the picture shows the direction of each effect, not a rule.")


def show_axon_loss():
    """Section 6: the chronic lesion as a static diagram with its description."""
    from ..scene import show

    show(LESION_SCENE, CHRONIC, title="A chronic lesion: one axon remyelinated, one lost")


# ================================================================ the disease-course sketch

C_WIDTH, C_HEIGHT = 100.0, 56.0
X0, X1 = 14.0, 84.0  # time runs from X0 to X1
Y0, Y1 = 15.0, 44.0  # disability runs from Y0 (none) to Y1
AXIS_Y, AXIS_X = 13.0, 12.0

COURSES = {
    # relapse times, peak heights, what each leaves behind, slow worsening, phase change
    "rr": dict(name="Relapsing-remitting MS (RRMS)", times=(0.08, 0.29, 0.5, 0.72),
               peaks=(0.30, 0.34, 0.30, 0.32), left=(0.0, 0.05, 0.03, 0.05), creep=0.26, switch=None),
    "sp": dict(name="Secondary progressive MS (SPMS)", times=(0.07, 0.21, 0.36, 0.7),
               peaks=(0.28, 0.32, 0.3, 0.16), left=(0.0, 0.05, 0.05, 0.02), creep=0.12, switch=0.48),
    "pp": dict(name="Primary progressive MS (PPMS)", times=(), peaks=(), left=(), creep=0.0, switch=None),
}
COURSE_CHOICES = (("relapsing-remitting", "rr"), ("secondary progressive", "sp"),
                  ("primary progressive", "pp"))


@dataclass(frozen=True)
class CourseState:
    course: str = "rr"  # "rr", "sp" or "pp"
    relapses: bool = True  # label each relapse peak
    pira: bool = False  # show the worsening left by relapses and the gap (PIRA)


@lru_cache(maxsize=8)
def course_curve(course):
    """(t, disability, relapse-only staircase), all 0..1: an illustrative shape, not data."""
    c = COURSES[course]
    t = np.linspace(0.0, 1.0, 241)
    base = 0.05
    if course == "pp":
        g = t + 0.022 * np.sin(6 * np.pi * t)  # an uneven pace, never a fall
        d = base + 0.78 * np.clip(g, 0, None) ** 0.9
        return t, d, np.full_like(t, base)
    creep = c["creep"] * t
    if c["switch"] is not None:
        creep = creep + 1.25 * np.clip(t - c["switch"], 0, None) ** 1.15
    stairs = np.full_like(t, base)
    bumps = np.zeros_like(t)
    for t0, peak, left in zip(c["times"], c["peaks"], c["left"]):
        dt = t - t0
        rise = np.clip(dt / 0.012, 0, 1)
        decay = np.where(dt > 0.012, np.exp(-(dt - 0.012) / 0.03), 1.0)
        bumps += np.where(dt >= 0, rise * (left + (peak - left) * decay), 0.0)
        stairs += np.where(dt >= 0.05, left, 0.0)
    return t, base + creep + bumps, stairs


def _xy(t, d):
    return X0 + (X1 - X0) * np.asarray(t), Y0 + (Y1 - Y0) * np.asarray(d)


def draw_course(ax, state):
    ink, muted = style.INK, style.MUTED
    c = COURSES[state.course]
    ax.add_artist(Line2D([AXIS_X, AXIS_X, X1 + 4.0], [Y1 + 4.0, AXIS_Y, AXIS_Y], color=ink,
                         linewidth=style.line(1.4), zorder=3))
    _arrow(ax, AXIS_X, Y1 + 3.0, AXIS_X, Y1 + 5.0, z=3)
    _arrow(ax, X1 + 3.0, AXIS_Y, X1 + 5.0, AXIS_Y, z=3)
    caption_text(ax, (X0 + X1) / 2, AXIS_Y - 2.6, "time (years)")
    caption_text(ax, AXIS_X - 3.2, (Y0 + Y1) / 2, "disability", rotation=90)
    caption_text(ax, AXIS_X + 1.5, C_HEIGHT - 1.8, c["name"], size_step=1, ha="left", fontweight="bold")
    illustrative_tag(ax, C_WIDTH, C_HEIGHT - 3.4)

    t, d, stairs = course_curve(state.course)
    xs, ys = _xy(t, d)
    ax.add_artist(Line2D(xs, ys, color=ink, linewidth=style.line(2.6), zorder=5, solid_capstyle="round"))

    # word labels for the phases
    if state.course == "sp":
        xs_switch, _ = _xy(c["switch"], 0)
        ax.add_artist(Line2D([xs_switch, xs_switch], [AXIS_Y + 0.5, Y1 + 1.0], color=muted,
                             linewidth=style.line(1.2), linestyle=(0, (1, 2.5)), zorder=2))
        caption_text(ax, xs_switch - 1.0, Y1 + 2.6, "relapsing phase", size_step=-1, colour=muted, ha="right")
        caption_text(ax, xs_switch + 1.0, Y1 + 2.6, "progressive phase", size_step=-1, colour=muted, ha="left")
    elif state.course == "pp":
        caption_text(ax, X0 + 1.0, Y1 + 2.6, "worsening from the start", size_step=-1,
                     colour=muted, ha="left")
    else:
        caption_text(ax, X0 + 1.0, Y1 + 2.6, "relapses, then recovery", size_step=-1,
                     colour=muted, ha="left")

    if state.relapses:
        for i, (t0, peak) in enumerate(zip(c["times"], c["peaks"])):
            k = int(np.argmax(np.where(t >= t0, d, -1) * (t < t0 + 0.03)))
            px, py = _xy(t[k], d[k])
            label = "first relapse\n(CIS)" if i == 0 else "relapse"
            _arrow(ax, px, py + 5.2, px, py + 0.6, width=1.0, head=1.1)
            caption_text(ax, px, py + (6.7 if "\n" not in label else 7.8), label, size_step=-1, linespacing=1.0)
        if not c["times"]:
            caption_text(ax, X0 + 1.0, Y1 - 3.0, "no relapses", size_step=-1, ha="left")

    if state.pira:
        sx, sy = _xy(t, stairs)
        ax.add_artist(Line2D(sx, sy, color=style.OKABE_ITO["blue"], linewidth=style.line(2.2),
                             linestyle=(0, (1.2, 1.6)), zorder=4))
        end_x = X1 + 2.2
        top, bottom = ys[-1], sy[-1]
        _arrow(ax, end_x, bottom, end_x, top, colour=style.OKABE_ITO["vermillion"], width=1.8, both=True, z=6)
        caption_text(ax, end_x + 1.0, (top + bottom) / 2, "PIRA", ha="left", fontweight="bold",
                     colour=style.OKABE_ITO["vermillion"])
        key_y = Y1 - 3.0 if state.course != "pp" else Y1 - 6.5
        ax.add_artist(Line2D([X0 + 1.0, X0 + 6.0], [key_y, key_y], color=style.OKABE_ITO["blue"],
                             linewidth=style.line(2.2), linestyle=(0, (1.2, 1.6)), zorder=4))
        caption_text(ax, X0 + 7.0, key_y, "worsening left by relapses", size_step=-1,
                     colour=style.OKABE_ITO["blue"], ha="left")

    # what drives each shape: the course's actors, always shown
    A.draw_t_cell(ax, 4.0, 3.4, size=1.4)
    caption_text(ax, 6.4, 3.4, "peaks: new inflammation", size_step=-1, ha="left")
    A.draw_axon(ax, 40.0, 47.0, 3.4, thickness=1.0)
    A.draw_block(ax, 43.5, 3.4, size=1.0)
    caption_text(ax, 48.5, 3.4, "slow rise: axon loss", size_step=-1, ha="left")


def describe_course(state):
    c = COURSES[state.course]
    text = {
        "rr": "An illustrative sketch, not data, of disability rising over time (no numbers on either axis) "
              "in relapsing-remitting MS: sharp peaks (relapses), each followed by partial or full recovery, "
              "on top of a slow upward drift.",
        "sp": "An illustrative sketch, not data, of disability over time (no numbers on either axis) in "
              "secondary progressive MS: first a relapsing phase with peaks and recovery, then, after a dotted "
              "line, a progressive phase in which disability rises steadily, with only a small relapse.",
        "pp": "An illustrative sketch, not data, of disability over time (no numbers on either axis) in "
              "primary progressive MS: disability rises steadily from the start, and there are no relapse "
              "peaks.",
    }[state.course]
    parts = [text]
    if state.relapses:
        if c["times"]:
            parts.append(f"Each of the {len(c['times'])} peaks is labelled 'relapse'; the first is labelled "
                         "'first relapse (CIS)', a clinically isolated syndrome.")
        else:
            parts.append("A label says 'no relapses'.")
    if state.pira:
        parts.append("A dotted blue line shows only the worsening left behind by relapses (flat if there are "
                     "none). A double arrow at the right end, labelled PIRA, spans the gap between that line "
                     "and the real course: worsening that happened without relapses, progression independent "
                     "of relapse activity.")
        if state.course != "pp":
            parts.append("The gap is larger than the worsening left by relapses.")
        else:
            parts.append("Here all of the worsening is PIRA.")
    parts.append("A key at the bottom links the peaks to new inflammation, shown by a T cell, and the slow rise "
                 "to axon loss, shown by an axon whose signal is blocked (black cross).")
    return " ".join(parts)


COURSE_SCENE = Scene("course", draw_course, describe_course, width=C_WIDTH, height=C_HEIGHT)


def course_explorer():
    """Core interactive 2: an axis-free sketch comparing disease courses."""
    course = w.ToggleButtons(options=COURSE_CHOICES, value="rr", description="Course",
                             style={"description_width": "initial", "button_width": "auto"})
    relapses = w.Checkbox(value=True, description="Mark relapses", indent=False, layout=w.Layout(width="auto"))
    pira = w.Checkbox(value=False, description="Show progression independent of relapses (PIRA)",
                      indent=False, layout=w.Layout(width="auto"))
    return Explorer(COURSE_SCENE, {"course": course, "relapses": relapses, "pira": pira},
                    make_state=lambda v: CourseState(**v),
                    heading="Disease courses: an illustrative sketch, not data")


# ================================================================ self-check

QUESTIONS = (
    Question(
        "Which process best explains why disability in MS can become <b>permanent</b>?",
        (
            Option("Loss of myelin: once a sheath is gone, the signal is lost for good.", False,
                   "Myelin can grow back (remyelination), and a bare axon that survives can sometimes "
                   "conduct again. MS is not only demyelination."),
            Option("Loss of axons and nerve cells, which the brain and spinal cord cannot replace.", True,
                   "Yes. Axons are cut even in early lesions, and lost axons in the central nervous system "
                   "regrow poorly. Neurodegeneration tracks permanent disability better than lesion counts do."),
            Option("The swelling of a relapse, which never goes down.", False,
                   "By definition a relapse partly or fully recovers over weeks to months. What stays is "
                   "mostly the damage to axons."),
        ),
        topic="MS is only demyelination",
    ),
    Question(
        "Sam has relapsing-remitting MS and has had no relapses for several years. Which statement is right?",
        (
            Option("Sam's disability cannot be getting worse: no relapses means no disease activity.", False,
                   "Disability can worsen slowly without any relapse: progression independent of relapse "
                   "activity (PIRA). In trials of relapsing MS it explained most of the disability that "
                   "built up."),
            Option("Sam's disability may still worsen slowly without relapses (PIRA), and MRI may show new "
                   "lesions Sam never noticed.", True,
                   "Yes. Smouldering processes and axon loss can drive worsening from early on, and many "
                   "new lesions are silent."),
            Option("Sam must have primary progressive MS.", False,
                   "Primary progressive MS means steady worsening from onset, without earlier relapses. Sam "
                   "had relapses, so this does not fit."),
        ),
        topic="No relapses means no progression",
    ),
    Question(
        "Which statement about remyelination in MS is right?",
        (
            Option("It never happens: once myelin is lost in MS, it is gone for good.", False,
                   "It does happen: remyelinated 'shadow plaques' are seen in MS brains, and in some people "
                   "remyelination is extensive."),
            Option("It happens, sometimes extensively, especially early in the disease, but often fails in "
                   "chronic lesions and with age.", True,
                   "Yes. In many chronic lesions OPCs are present but stuck, and ageing, debris and "
                   "inflammation all make repair harder."),
            Option("The new myelin is thicker than the original, so repaired areas look darker.", False,
                   "New sheaths are thinner and shorter, which is why remyelinated shadow plaques look pale."),
        ),
        topic="Remyelination never happens",
    ),
    Question(
        "A routine MRI shows two new T2 lesions, but the person noticed nothing. What is the best interpretation?",
        (
            Option("The scan must be wrong: every lesion causes symptoms.", False,
                   "Many new MRI lesions cause no symptoms. That is why MRI detects disease activity far more "
                   "often than relapses do."),
            Option("This is common: many lesions are silent, but they still show that the disease is active.",
                   True,
                   "Yes. Silent lesions are disease activity too, which is why MRI is used to follow MS."),
            Option("This counts as two relapses.", False,
                   "A relapse is defined by symptoms, not by the scan: new or worsening symptoms typical of "
                   "MS lasting at least 24 hours, without fever or infection."),
        ),
        topic="Every MRI lesion causes symptoms",
    ),
    Question(
        "On an MRI scan with contrast, a lesion is <b>gadolinium-enhancing</b>. What does that tell you?",
        (
            Option("The blood-brain barrier is leaky there now: the inflammation is active. Enhancement "
                   "usually lasts a few weeks.", True,
                   "Yes. The contrast agent can only leak into the tissue where the barrier is open."),
            Option("It is an old lesion with severe tissue loss.", False,
                   "That describes a T1 'black hole', not an enhancing lesion."),
            Option("It shows all the lesions the person has had over the years.", False,
                   "The cumulative record, old and new, is shown by the T2/FLAIR bright spots."),
        ),
        topic="Reading MRI",
    ),
    Question(
        "Tick every statement that fits the evidence in this lesson.",
        (
            Option("Drugs that remove B cells (anti-CD20 antibodies) strongly reduce new lesions and relapses.",
                   True, "Yes: shown in randomised trials of rituximab and ocrelizumab."),
            Option("B cells matter in MS only because they make antibodies.", False,
                   "The benefit of removing B cells comes quickly and without lowering antibody levels, which "
                   "suggests B cells also act by presenting targets to T cells and releasing cytokines."),
            Option("CD8 T cells are often the most abundant T cells in MS lesions.", True,
                   "Yes, even though the mouse model (EAE) is driven mainly by CD4 T cells."),
            Option("Macrophages and microglia can only harm myelin.", False,
                   "They also clear myelin debris, and in mice pro-repair states help OPCs mature. Their "
                   "state matters."),
        ),
        multiple=True,
        topic="Cells of the attack",
    ),
)


def self_check():
    return Quiz(QUESTIONS)


# ================================================================ static exports

FIGURES = (
    FigureSpec("02-lesion-1-healthy", LESION_SCENE, HEALTHY, "Healthy tissue and a sealed blood-brain barrier"),
    FigureSpec("02-lesion-2-activation", LESION_SCENE, ACTIVATED, "T cells activated outside the brain"),
    FigureSpec("02-lesion-3-crossing", LESION_SCENE, CROSSING, "A T cell crossing the blood-brain barrier"),
    FigureSpec("02-lesion-4-inflammation", LESION_SCENE, INFLAMED, "Inflammation in a new lesion"),
    FigureSpec("02-lesion-5-demyelination", LESION_SCENE, DEMYELINATED, "Demyelination and conduction block"),
    FigureSpec("02-lesion-6-opcs-arrive", LESION_SCENE, RECRUITING, "Inflammation settles and OPCs arrive"),
    FigureSpec("02-lesion-7-partial-repair", LESION_SCENE, PARTIAL, "Partial remyelination"),
    FigureSpec("02-lesion-8-chronic", LESION_SCENE, CHRONIC, "A chronic lesion with axon loss"),
    FigureSpec("02-barrier-natalizumab", LESION_SCENE, barrier_state({"activated": True, "blocked": True}),
               "Blocking VLA-4 keeps activated T cells in the blood"),
    FigureSpec("02-course-rrms", COURSE_SCENE, CourseState("rr", True, True),
               "Relapsing-remitting MS, with PIRA (illustrative)"),
    FigureSpec("02-course-spms", COURSE_SCENE, CourseState("sp", True, True),
               "Secondary progressive MS, with PIRA (illustrative)"),
    FigureSpec("02-course-ppms", COURSE_SCENE, CourseState("pp", True, True),
               "Primary progressive MS (illustrative)"),
)
