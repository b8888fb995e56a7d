"""Lesson 02, what goes wrong in MS: the life of one lesion, and disease courses.

Three scenes:

* ``LESION_SCENE``: a piece of brain tissue (two myelinated axons, an
  oligodendrocyte, resting microglia) above a blood vessel whose wall is the
  blood-brain barrier, with a lymph node "outside the brain" at the lower left.
  One state type (``LesionState``) describes every stage of a lesion; the
  storyboard and three of the explorers set it.
* ``MRI_SCENE``: the same tissue under a schematic, illustrative MRI strip: one
  brain slice as a T2/FLAIR scan and as a T1 scan with contrast (``MriState``).
* ``COURSE_SCENE``: an axis-free, illustrative sketch of disability over time
  for relapsing-remitting, secondary progressive and primary progressive MS.

The teaching text (step titles and captions, the first sentence under each
diagram, explorer notes, the self-check quiz and the references) is in
``content/lesson02.toml``: edit it there without touching the drawing code. The
states each step and explorer shows are data below (``HEALTHY`` ... ``CHRONIC``).
"""

from dataclasses import dataclass, replace
from functools import lru_cache

import ipywidgets as w
import numpy as np
from matplotlib.patches import Circle, Ellipse, FancyBboxPatch

from .. import actors as A
from .. import content
from .. import style
from .. import canvas as C
from ..display import show
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Quiz, Storyboard

# ================================================================ the lesion scene

CONTENT = content.for_module(__name__)

WIDTH, HEIGHT = 100.0, 60.0
UPPER_Y, LOWER_Y = 45.0, 31.0  # the two axons
BETWEEN_Y = 38.0  # the row of cells between the axons
BAND_Y = 21.0  # the row of cells between the lower axon and the vessel
VESSEL_X0, VESSEL_X1, VESSEL_Y, VESSEL_H = 20.0, 95.0, 7.5, 8.0
WALL_TOP = VESSEL_Y + VESSEL_H / 2  # the top of the vessel wall
GAP = (49.5, 54.5)  # where a leaky barrier has a gap (centres of the missing wall cells)
GAP_X = 52.0  # where a T cell crawls through the wall
SEGMENTS = ((1.0, 22.5), (23.5, 48.5), (49.5, 74.5), (75.5, 99.0))
NODES = (23.0, 49.0, 75.0)
# Remyelinated: shorter, thinner sheaths, so more nodes, across the same stretch.
THIN_SEGMENTS = ((23.5, 39.5), (40.5, 57.5), (58.5, 74.5))
THIN_NODES = (40.0, 58.0)
CUT = (44.0, 54.0)  # the gap in a transected lower axon
LESION_CENTRE, LESION_A, LESION_B = (49.0, 33.0), 34.0, 17.5  # the dashed lesion outline (an ellipse)
TAG_TOP = 58.6  # y of the top of the text tags, top right

MYELIN_WORDS = {
    "intact": "still has its myelin",
    "damaged": "has damaged myelin: broken pieces are coming away",
    "bare": "has lost its myelin (demyelinated): the axon is bare",
    "thin": "has short, thin new myelin (remyelinated), with more nodes than before",
    "cut": "has been cut: its two ends no longer meet",
}


@dataclass(frozen=True)
class LesionState:
    """One stage of a lesion's life (what is where, and what MRI would show)."""

    lymph: str = "quiet"  # "quiet" or "active": T cells multiplying in a lymph node
    barrier: str = "sealed"  # "sealed" or "leaky" (a gap in the vessel wall)
    entry: str = "none"  # "none", "crossing" (a T cell crawls through the wall) or "blocked" (VLA-4 blocked)
    t4: int = 0  # CD4 helper T cells in the tissue (0-1)
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
    highlight: str = ""  # "", "t4", "t8", "b", "macrophage": dashed rings
    tags: tuple = ()  # short text tags at the top right (MRI, symptoms, outcome)
    lead: str = ""  # the first sentence of the description: what is new or what matters here


def _on_outline(degrees):
    """A point on the dashed lesion outline."""
    a = np.radians(degrees)
    return (LESION_CENTRE[0] + LESION_A * np.cos(a), LESION_CENTRE[1] + LESION_B * np.sin(a))


RIM_SPOTS = (_on_outline(220), _on_outline(320))  # activated microglia on the lesion's edge


def _t4_spots(state):
    return [(40.0, BAND_Y)][: state.t4]


def _t8_spots(state):
    return [(54.0, BAND_Y + 2.0), (26.0, BETWEEN_Y), (46.0, BAND_Y + 3.0)][: state.t8]


def _macrophage_spots(state):
    if state.macrophages == "none":
        return []
    return [(48.0, BETWEEN_Y), (71.0, BAND_Y + 3.5)] if state.mood == "" else [MOOD_SPOT]


B_SPOT = (37.0, BETWEEN_Y)
MOOD_SPOT = (32.0, BAND_Y + 3.2)
ANTIBODY_SPOTS = ((41.0, 27.1, 0), (33.0, 27.1, 0), (72.0, 41.3, 0))
NEW_OLIGO = (37.0, BETWEEN_Y)
OLD_OLIGO = (62.0, BETWEEN_Y)


def _stuck_spots(state):
    """Where OPCs wait: by each bare axon (stuck) or arriving."""
    if state.opcs == "arriving":
        return [(32.0, BETWEEN_Y), (38.0, BAND_Y + 2.5), (62.0, BAND_Y + 1.0)]
    if state.opcs != "repair":
        return []
    spots = []
    if state.upper == "bare":
        spots.append((40.0, BETWEEN_Y))
    if state.lower in ("bare", "damaged"):
        spots.append((64.0, BAND_Y + 1.0))
    return spots


def _has_lesion(state):
    return (state.macrophages != "none" or state.rim or state.upper != "intact"
            or state.lower != "intact")


def _old_arms(state):
    """The old oligodendrocyte's arms: one sheath on each axon (never two on the same axon)."""
    arms = []
    if state.upper == "intact":
        arms.append((69.0, UPPER_Y - 2.6))
    if state.lower == "intact":
        arms.append((55.0, LOWER_Y + 2.6))
    return arms


def _new_oligo(state):
    return state.opcs == "repair" and "thin" in (state.upper, state.lower)


def _draw_axon_row(ax, y, kind):
    if kind == "cut":
        A.draw_axon(ax, 1.0, CUT[0], y)
        A.draw_axon(ax, CUT[1], 99.0, y)
    else:
        A.draw_axon(ax, 1.0, 99.0, y)
    A.draw_myelin(ax, *SEGMENTS[0], y)
    A.draw_myelin(ax, *SEGMENTS[3], y)
    nodes = ()
    if kind == "intact":
        for x0, x1 in SEGMENTS[1:3]:
            A.draw_myelin(ax, x0, x1, y)
        nodes = NODES
    elif kind == "damaged":
        for x0, x1 in SEGMENTS[1:3]:
            A.draw_myelin(ax, x0, x1, y, kind="damaged")
    elif kind == "thin":
        for x0, x1 in THIN_SEGMENTS:
            A.draw_myelin(ax, x0, x1, y, kind="thin")
        nodes = (NODES[0],) + THIN_NODES + (NODES[2],)
    for x in nodes:
        A.draw_node(ax, x, y)


def draw_lesion(ax, state):
    _draw_tissue(ax, state)
    _draw_vessel_and_entry(ax, state)
    _draw_immune_cells(ax, state)
    _draw_damage_signs(ax, state)
    _draw_tags_and_highlights(ax, state)


def _draw_tissue(ax, state):
    """The lesion's outline, the two axons, the oligodendrocytes and resting microglia."""
    # -- the lesion: a faint dashed outline once there is one
    if _has_lesion(state):
        ax.add_artist(Ellipse(LESION_CENTRE, 2 * LESION_A, 2 * LESION_B, fill=False, edgecolor=style.MUTED,
                              linewidth=style.line(1.1), linestyle=(0, (4, 3)), zorder=1.2))
        C.text(ax, LESION_CENTRE[0], LESION_CENTRE[1] + LESION_B + 1.9, "lesion",
               colour=style.MUTED)
    # -- the two axons and their sheaths
    _draw_axon_row(ax, UPPER_Y, state.upper)
    _draw_axon_row(ax, LOWER_Y, state.lower)
    # -- the old oligodendrocyte: it survives the attack, without its sheaths
    arms = _old_arms(state)
    A.draw_oligodendrocyte(ax, *OLD_OLIGO, targets=arms)
    if not arms and state.upper != "damaged":
        C.text(ax, OLD_OLIGO[0] + 3.4, OLD_OLIGO[1], "old: lost\nits sheaths", ha="left",
               linespacing=1.0)
    # -- a new oligodendrocyte, matured from an OPC, wraps thin new myelin (one sheath per axon)
    if _new_oligo(state):
        targets = []
        if state.upper == "thin":
            targets.append((49.0, UPPER_Y - 1.5))
        if state.lower == "thin":
            targets.append((31.5, LOWER_Y + 1.5))
        A.draw_oligodendrocyte(ax, *NEW_OLIGO, targets=targets)
        C.text(ax, NEW_OLIGO[0] + 3.4, NEW_OLIGO[1], "new", ha="left")
    # -- resting microglia in the healthy tissue on the left
    A.draw_macrophage(ax, 11.0, BETWEEN_Y, size=2.0, resting=True)


def _draw_vessel_and_entry(ax, state):
    """The blood vessel, the lymph node outside the brain, and a T cell at the barrier."""
    # -- the blood vessel, with the lymph node (outside the brain) to its left
    A.draw_vessel(ax, VESSEL_X0, VESSEL_X1, VESSEL_Y, height=VESSEL_H,
                  leaky_at=GAP if state.barrier == "leaky" else ())
    _draw_lymph_node(ax, state)
    if state.lymph == "active":
        A.draw_t_cell(ax, 34.0, VESSEL_Y, tag="4")
    else:
        A.draw_t_cell(ax, 74.0, VESSEL_Y)
    # -- a T cell at the barrier
    if state.entry == "crossing":  # it crawls through the intact wall: no gap
        A.draw_t_cell(ax, GAP_X, WALL_TOP, tag="4")
        C.arrow(ax, (GAP_X, WALL_TOP + 2.0), (GAP_X, WALL_TOP + 5.0), width=1.2, z=8)
        C.text(ax, 57.0, 17.0, "VLA-4 on the T cell grips\nVCAM-1 on the vessel wall", ha="left")
    elif state.entry == "blocked":
        if state.lymph == "active":
            A.draw_t_cell(ax, GAP_X, VESSEL_Y + 1.2, tag="4")
            text = "VLA-4 blocked (natalizumab):\nthe T cell cannot grip the wall"
        else:
            text = "VLA-4 blocked (natalizumab):\nno activated T cells to stop"
        C.text(ax, 57.0, 17.0, text, ha="left")


def _draw_immune_cells(ax, state):
    """T cells, B cells with antibodies, macrophages and the smouldering edge in the tissue."""
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
        C.text(ax, MOOD_SPOT[0], MOOD_SPOT[1] - 3.9, state.mood)
    if state.rim:
        for x, y in RIM_SPOTS:
            A.draw_macrophage(ax, x, y, size=2.0)
        C.text(ax, RIM_SPOTS[1][0] + 3.0, RIM_SPOTS[1][1], "smouldering\nedge", ha="left",
               linespacing=1.0)
    # -- OPCs
    for x, y in _stuck_spots(state):
        A.draw_opc(ax, x, y)
        if state.opcs == "repair":
            C.text(ax, x + 4.0, y, "stuck", ha="left")


def _draw_damage_signs(ax, state):
    """A blocked signal, and neurofilament leaving a cut axon for the blood."""
    # -- a blocked signal, and what leaves a cut axon
    if state.block:
        A.draw_block(ax, 49.0, LOWER_Y)
        if state.lower == "cut":
            C.text(ax, 49.0, LOWER_Y + 3.6, "axon cut")
    if state.nfl:
        C.arrow(ax, (49.0, LOWER_Y - 2.2), (49.0, WALL_TOP + 1.3), width=1.2, z=8)
        C.text(ax, 50.5, BAND_Y, "NfL → blood", ha="left")


def _draw_tags_and_highlights(ax, state):
    """The tags at the top right (MRI, symptoms, outcome) and the dashed rings asked for."""
    # -- labels and tags
    if state.tags:  # one text object for all tags: cheaper to draw than one per line
        C.text(ax, 99.0, TAG_TOP - 1.55 * len(state.tags), "\n".join(state.tags), ha="right",
               linespacing=1.3, backing=C.TAG_BACKING)
    if state.highlight:
        for x, y in _highlight_spots(state):
            C.ring(ax, x, y, 3.4, dash=(0, (3, 2)))


def _draw_lymph_node(ax, state):
    """A dashed box at the lower left: a lymph node, outside the brain."""
    x0, x1, y0, y1 = 0.6, 18.4, 0.6, 24.2
    C.line(ax, [x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0], colour=style.MUTED, width=1.2,
           dash=(0, (4, 3)), z=1, caps=None)
    C.text(ax, (x0 + x1) / 2, 21.0, "lymph node,\noutside the brain", colour=style.MUTED,
           linespacing=1.0)
    if state.lymph == "active":
        A.draw_b_cell(ax, 5.0, 13.0, size=1.5)
        for x, y in ((11.5, 13.0), (9.0, 6.5)):
            A.draw_t_cell(ax, x, y, tag="4")
        C.arrow(ax, (15.5, 4.0), (VESSEL_X0 + 5.0, VESSEL_Y - 1.0), width=1.4, z=8)
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


def role(highlight):
    """The first sentences under the attack explorer's diagram: what the chosen cells do."""
    return CONTENT.notes("attack")[highlight or "none"]


def describe_lesion(state):
    parts = [state.lead] if state.lead else []
    if not _has_lesion(state):
        parts.append("Two axons run through healthy brain tissue, wrapped in myelin sheaths with nodes of "
                     "Ranvier in the gaps.")
    else:
        parts.append("Two axons run through brain tissue; a dashed outline marks the lesion. Outside it, the "
                     "axons keep their myelin sheaths, with nodes of Ranvier in the gaps.")
        if state.upper == state.lower:
            parts.append(f"In the lesion, each axon {MYELIN_WORDS[state.upper]}.")
        else:
            parts.append(f"In the lesion, the upper axon {MYELIN_WORDS[state.upper]}, and the lower axon "
                         f"{MYELIN_WORDS[state.lower]}.")
    arms = len(_old_arms(state))
    if arms == 2:
        parts.append("An oligodendrocyte (O) between the axons makes one sheath on each axon.")
    elif arms == 1:
        parts.append("The oligodendrocyte (O) between the axons still holds its sheath on the lower axon.")
    else:
        parts.append(CONTENT.text("old_oligodendrocyte_survives"))
    thin = [n for n, k in (("upper", state.upper), ("lower", state.lower)) if k == "thin"]
    if _new_oligo(state):
        parts.append(f"A new oligodendrocyte (O, labelled new), matured from an oligodendrocyte precursor "
                     f"cell (OPC), made the thin new myelin on the {' and '.join(thin)} axon"
                     f"{'s' if len(thin) > 1 else ''}.")
    stuck = _stuck_spots(state)
    if state.opcs == "arriving":
        parts.append("Oligodendrocyte precursor cells (OPCs, P) have moved into the lesion.")
    elif stuck:
        one = len(stuck) == 1
        parts.append(f"{'An OPC (P) waits' if one else 'OPCs (P) wait'} beside the bare axon"
                     f"{'' if one else 's'} but {'is' if one else 'are'} stuck: not maturing.")
    parts.append("Resting microglia (M, thin branches) sit in healthy tissue on the left.")
    if _macrophage_spots(state):
        what = ("full of yellow myelin pieces: they are engulfing the debris"
                if state.macrophages == "eating" else "activated and lumpy")
        label = f", labelled {state.mood}" if state.mood else ""
        parts.append(f"In the lesion, macrophages or activated microglia (M) are {what}{label}.")
    if state.rim:
        parts.append("Activated microglia (M) sit on the lesion's edge: a smouldering rim that can slowly grow.")
    t4, t8 = len(_t4_spots(state)), len(_t8_spots(state))
    if t4 or t8:
        bits = [f"{n} {kind}" for n, kind in ((t4, "CD4 helper (T4)"), (t8, "CD8 (T8)")) if n]
        parts.append(f"T cells in the tissue: {' and '.join(bits)}.")
    if state.b_cells:
        parts.append("A B cell (B) is in the tissue, and antibodies (Y shapes) sit on the myelin.")
    wall = "is sealed: the blood-brain barrier is closed" if state.barrier == "sealed" else \
        "has a gap: the blood-brain barrier is leaky"
    parts.append(f"At the bottom, the wall of a blood vessel {wall}.")
    if state.lymph == "active":
        parts.append("At the lower left, outside the brain, helper T cells (T4) multiply in a lymph node beside "
                     "a B cell (B) that presents their target; an arrow shows them entering the blood.")
    else:
        parts.append("At the lower left, outside the brain, a lymph node holds a quiet T cell; another "
                     "drifts in the blood.")
    if state.entry == "crossing":
        parts.append("A CD4 T cell crawls through the vessel wall: VLA-4 on the T cell grips VCAM-1 on the wall.")
    elif state.entry == "blocked" and state.lymph == "active":
        parts.append("At the wall, a T cell cannot grip it: VLA-4 is blocked by an antibody drug "
                     "(natalizumab), so it stays in the blood.")
    elif state.entry == "blocked":
        parts.append("A label says VLA-4 is blocked by an antibody drug (natalizumab), but no T cells are "
                     "activated, so there is nothing to stop.")
    if state.block:
        parts.append("A black cross on the lower axon marks where the nerve signal is blocked.")
    if state.nfl:
        parts.append("An arrow shows neurofilament light chain (NfL), a protein from the cut axon, leaking "
                     "into the blood.")
    if state.tags:
        parts.append("Tags: " + "; ".join(t.rstrip(".") for t in state.tags) + ".")
    return " ".join(parts)


LESION_LEGEND = ("axon", "myelin", "thin_myelin", "damaged_myelin", "node", "oligodendrocyte", "opc",
                 "t_cell", "b_cell", "antibody", "microglia", "macrophage", "vessel", "block")
LESION_SCENE = Scene("lesion", draw_lesion, describe_lesion, width=WIDTH, height=HEIGHT,
                     legend=LESION_LEGEND)

# ---------------------------------------------------------------- the key states

HEALTHY = LesionState(tags=("MRI: normal",), lead=CONTENT.text("lead_healthy"))
ACTIVATED = LesionState(lymph="active", tags=("MRI: normal",), lead=CONTENT.text("lead_activation"))
CROSSING = LesionState(lymph="active", entry="crossing", t4=1, tags=("MRI: nothing visible yet",),
                       lead=CONTENT.text("lead_crossing"))
INFLAMED = LesionState(barrier="leaky", t4=1, t8=3, b_cells=True, macrophages="active",
                       tags=("MRI: new T2 lesion, gadolinium-enhancing",), lead=CONTENT.text("lead_inflammation"))
DEMYELINATED = LesionState(barrier="leaky", t4=1, t8=3, b_cells=True, macrophages="eating",
                           upper="damaged", lower="bare", block=True,
                           tags=("MRI: gadolinium-enhancing, T2 lesion",
                                 "Symptoms: depend on where it is"), lead=CONTENT.text("lead_demyelination"))
RECRUITING = LesionState(t8=1, macrophages="eating", upper="bare", lower="bare", opcs="arriving", block=True,
                         tags=("MRI: T2 lesion, enhancement fading",), lead=CONTENT.text("lead_opcs_arrive"))
PARTIAL = LesionState(macrophages="active", mood="pro-repair", upper="thin", lower="bare", opcs="repair",
                      block=True, tags=("MRI: T2 lesion, no enhancement",), lead=CONTENT.text("lead_partial"))
CHRONIC = LesionState(upper="thin", lower="cut", opcs="repair", block=True, rim=True, nfl=True,
                      tags=("MRI: T2 lesion; T1 black hole if tissue loss is severe",
                            "Over years: the brain shrinks (atrophy)"), lead=CONTENT.text("lead_chronic"))

LESION_STEPS = CONTENT.steps("lesion", {
    "healthy": HEALTHY, "activation": ACTIVATED, "crossing": CROSSING, "inflammation": INFLAMED,
    "demyelination": DEMYELINATED, "opcs_arrive": RECRUITING, "partial": PARTIAL, "chronic": CHRONIC})


def lesion_story():
    """Core interactive 1: step through one lesion's life, with what MRI would show."""
    return Storyboard(LESION_SCENE, LESION_STEPS, heading=CONTENT.heading("storyboard", "lesion"))


# ---------------------------------------------------------------- explorers on the same scene

def barrier_state(values):
    """Section 2: activation outside the brain, and blocking VLA-4."""
    active, blocked = values["activated"], values["blocked"]
    if not active and not blocked:
        return replace(HEALTHY, lead=CONTENT.notes("barrier")["none"])
    if not active:
        return LesionState(entry="blocked", tags=("MRI: normal",),
                           lead=CONTENT.notes("barrier")["blocked_only"])
    if blocked:
        return LesionState(lymph="active", entry="blocked", tags=("Most activated T cells stay in the blood",),
                           lead=CONTENT.notes("barrier")["blocked"])
    return replace(CROSSING, lead=CONTENT.notes("barrier")["crossing"])


def barrier_explorer():
    activated = w.Checkbox(value=False, description="T cells activated outside the brain", indent=False,
                           layout=w.Layout(width="auto"))
    blocked = w.Checkbox(value=False, description="Block VLA-4 with an antibody drug (natalizumab)",
                         indent=False, layout=w.Layout(width="auto"))
    return Explorer(LESION_SCENE, {"activated": activated, "blocked": blocked}, make_state=barrier_state,
                    heading=CONTENT.heading("explorer", "barrier"))


ATTACK_CHOICES = (("(none)", ""), ("CD4 helper T cells (T4)", "t4"), ("CD8 T cells (T8)", "t8"),
                  ("B cells and antibodies", "b"), ("macrophages and microglia", "macrophage"))


def attack_state(values):
    h = values["highlight"]
    return replace(DEMYELINATED, lower="intact", block=False, highlight=h, tags=INFLAMED.tags, lead=role(h))


def attack_explorer():
    choice = w.Dropdown(options=ATTACK_CHOICES, value="", description="Highlight",
                        style={"description_width": "initial"})
    return Explorer(LESION_SCENE, {"highlight": choice}, make_state=attack_state,
                    heading=CONTENT.heading("explorer", "attack"))


# ---------------------------------------------------------------- the MRI explorer: tissue plus a schematic scan

MRI_STRIP = 19.0  # extra canvas height for the MRI strip above the tissue
MRI_HEIGHT = HEIGHT + MRI_STRIP
MRI_GREY, MRI_DARK, MRI_BRIGHT = style.SCAN_GREY, style.SCAN_DARK, style.PAPER
SLICES = ((11.0, "T2/FLAIR scan"), (50.0, "T1 scan with contrast"))  # x of each slice, its name
SLICE_Y, SLICE_W, SLICE_H = HEIGHT + 9.2, 12.0, 14.5
SPOT = (3.3, 1.6)  # where the lesion sits on a slice, relative to its centre: beside a ventricle
MRI_SIGNS = {  # what the T1-with-contrast slice shows, and its label
    "days": ("ring", "bright ring: contrast leaks in\n(gadolinium-enhancing)"),
    "months": ("none", "nothing: the barrier has\nclosed, no enhancement"),
    "years": ("hole", "dark hole (T1 black hole),\nonly if tissue loss is severe"),
}


@dataclass(frozen=True)
class MriState:
    """The lesion at one age, and the schematic MRI signs it would give."""

    age: str = "days"  # "days", "months" or "years"
    lesion: LesionState = LesionState()


def _draw_slice(ax, x, sign):
    """One schematic, axis-free brain slice: grey brain, two dark ventricles, the lesion's sign."""
    y = SLICE_Y
    ax.add_artist(Ellipse((x, y), SLICE_W, SLICE_H, facecolor=MRI_GREY, edgecolor=style.INK,
                          linewidth=style.line(1.0), zorder=2))
    for dx in (-1.3, 1.3):
        ax.add_artist(Ellipse((x + dx, y + 0.4), 1.4, 4.6, angle=-12 * np.sign(dx), facecolor=MRI_DARK,
                              edgecolor="none", zorder=3))
    sx, sy = x + SPOT[0], y + SPOT[1]
    if sign == "spot":
        ax.add_artist(Circle((sx, sy), 1.2, facecolor=MRI_BRIGHT, edgecolor="none", zorder=4))
    elif sign == "ring":
        ax.add_artist(Circle((sx, sy), 1.1, fill=False, edgecolor=MRI_BRIGHT, linewidth=style.line(2.2),
                             zorder=4))
    elif sign == "hole":
        ax.add_artist(Circle((sx, sy), 1.2, facecolor=MRI_DARK, edgecolor="none", zorder=4))


def draw_mri(ax, state):
    draw_lesion(ax, state.lesion)
    ax.add_artist(FancyBboxPatch((0.6, HEIGHT + 0.6), WIDTH - 1.2, MRI_STRIP - 1.2,
                                 boxstyle="round,pad=0,rounding_size=1.0", facecolor=style.FAINT,
                                 edgecolor=style.GREY, linewidth=style.line(0.8), zorder=1))
    C.illustrative_tag(ax, WIDTH - 0.6, MRI_HEIGHT - 0.8)
    signs = {"T2/FLAIR scan": ("spot", "bright spot: a lesion,\nold or new (T2 lesion)"),
             "T1 scan with contrast": MRI_SIGNS[state.age]}
    for x, name in SLICES:  # one text per slice: its name, then what it shows
        sign, label = signs[name]
        _draw_slice(ax, x, sign)
        C.text(ax, x + SLICE_W / 2 + 1.4, SLICE_Y, f"Schematic {name}:\n{label}", ha="left",
               linespacing=1.15)


def describe_mri(state):
    return (f"{CONTENT.text('mri_strip')} {CONTENT.text('mri_t1_' + state.age)} Below, the tissue. "
            f"{describe_lesion(state.lesion)}")


MRI_SCENE = Scene("mri", draw_mri, describe_mri, width=WIDTH, height=MRI_HEIGHT, legend=LESION_LEGEND)

MRI_AGES = (("a few days: an active lesion", "days"), ("weeks to months later", "months"),
            ("years later: a chronic lesion", "years"))
_MRI_BASE = {"days": DEMYELINATED, "months": PARTIAL, "years": CHRONIC}
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
    # The MRI strip shows the scan, so the tissue's tag only says whether the person notices.
    lesion = replace(_MRI_BASE[age], tags=(_SYMPTOMS[(matters, age)],), lead=CONTENT.notes("mri")[age])
    return MriState(age=age, lesion=lesion)


def mri_explorer():
    age = w.Dropdown(options=MRI_AGES, value="days", description="Time since the lesion formed",
                     style={"description_width": "initial"})
    matters = w.Checkbox(value=True,
                         description="The lesion lies in a pathway you would notice (e.g. the optic nerve)",
                         indent=False, layout=w.Layout(width="auto"))
    return Explorer(MRI_SCENE, {"age": age, "matters": matters}, make_state=mri_state,
                    heading=CONTENT.heading("explorer", "mri"))


# ---------------------------------------------------------------- the repair explorer

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
    lost = bool(values["axon_lost"])
    upper = "thin" if n <= 1 else "bare"
    lower = "cut" if lost else ("thin" if n == 0 else "bare")
    if n >= 2:
        outcome = "Outcome: repair fails"
    elif lost:
        outcome = "Outcome: upper axon remyelinated; lower axon lost"
    else:
        outcome = "Outcome: remyelination" if n == 0 else "Outcome: partial remyelination"
    tags = [outcome]
    if values["older"]:
        tags.append("Older tissue: OPCs respond less")
    if lost:
        tags.append("Lower axon lost: nothing to remyelinate")
    inflamed = bool(values["inflammation"])
    return LesionState(
        barrier="leaky" if inflamed else "sealed", t8=2 if inflamed else 0,
        macrophages="eating" if values["debris"] else "active",
        mood="pro-inflammatory" if values["inflamed_microglia"] else "pro-repair",
        upper=upper, lower=lower, opcs="repair", block=lower != "thin", tags=tuple(tags),
        lead=outcome.replace("Outcome: ", "Outcome of the repair: ") + ".",
    )


def repair_explorer():
    boxes = {key: w.Checkbox(value=False, description=label, indent=False, layout=w.Layout(width="auto"))
             for key, label in REPAIR_OBSTACLES}
    return Explorer(LESION_SCENE, boxes, make_state=repair_state,
                    heading=CONTENT.heading("explorer", "repair"), note=CONTENT.text("repair_note"))


def show_axon_loss():
    """Section 6: the chronic lesion as a static diagram with its description."""
    show(LESION_SCENE, replace(CHRONIC, lead=""), title=CONTENT.text("axon_loss_title"))

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
    C.line(ax, [AXIS_X, AXIS_X, X1 + 4.0], [Y1 + 4.0, AXIS_Y, AXIS_Y], colour=ink, width=1.4, z=3,
           caps=None)
    C.arrow(ax, (AXIS_X, Y1 + 3.0), (AXIS_X, Y1 + 5.0), z=3, width=1.4)
    C.arrow(ax, (X1 + 3.0, AXIS_Y), (X1 + 5.0, AXIS_Y), z=3, width=1.4)
    C.text(ax, (X0 + X1) / 2, AXIS_Y - 2.6, "time (years)")
    C.text(ax, AXIS_X - 3.2, (Y0 + Y1) / 2, "disability", rotation=90)
    C.text(ax, AXIS_X + 1.5, C_HEIGHT - 1.8, c["name"], ha="left", step=1, bold=True)
    C.illustrative_tag(ax, C_WIDTH, C_HEIGHT - 3.4)

    t, d, stairs = course_curve(state.course)
    xs, ys = _xy(t, d)
    C.line(ax, xs, ys, colour=ink, width=2.6, z=5)

    # word labels for the phases
    if state.course == "sp":
        xs_switch, _ = _xy(c["switch"], 0)
        C.line(ax, [xs_switch, xs_switch], [AXIS_Y + 0.5, Y1 + 1.0], colour=muted, width=1.2,
               dash=(0, (1, 2.5)), z=2, caps=None)
        C.text(ax, xs_switch - 1.0, Y1 + 2.6, "relapsing phase", ha="right", colour=muted)
        C.text(ax, xs_switch + 1.0, Y1 + 2.6, "progressive phase", ha="left", colour=muted)
    elif state.course == "pp":
        C.text(ax, X0 + 1.0, Y1 + 2.6, "worsening from the start", ha="left", colour=muted)
    else:
        C.text(ax, X0 + 1.0, Y1 + 2.6, "relapses, then partial or full recovery", ha="left", colour=muted)

    if state.relapses:
        for i, (t0, peak) in enumerate(zip(c["times"], c["peaks"])):
            k = int(np.argmax(np.where(t >= t0, d, -1) * (t < t0 + 0.03)))
            px, py = _xy(t[k], d[k])
            label = "first attack\n(CIS)" if i == 0 else "relapse"
            C.arrow(ax, (px, py + 5.2), (px, py + 0.6), width=1.0, z=8)
            C.text(ax, px, py + (6.7 if "\n" not in label else 7.8), label, linespacing=1.0)
        if not c["times"]:
            C.text(ax, X0 + 1.0, Y1 - 3.0, "no relapsing phase", ha="left")

    if state.pira:
        sx, sy = _xy(t, stairs)
        C.line(ax, sx, sy, colour=style.OKABE_ITO["blue"], width=2.2, dash=(0, (1.2, 1.6)), z=4,
               caps=None)
        end_x = X1 + 2.2
        top, bottom = ys[-1], sy[-1]
        C.arrow(ax, (end_x, bottom), (end_x, top), colour=style.OKABE_ITO["vermillion"], width=1.8,
                z=6, kind="span")
        C.text(ax, end_x + 1.0, (top + bottom) / 2, "PIRA", ha="left",
               colour=style.darker(style.OKABE_ITO["vermillion"]), bold=True)
        key_y = Y1 - 3.0 if state.course != "pp" else Y1 - 6.5
        C.line(ax, [X0 + 1.0, X0 + 6.0], [key_y, key_y], colour=style.OKABE_ITO["blue"], width=2.2,
               dash=(0, (1.2, 1.6)), z=4, caps=None)
        C.text(ax, X0 + 7.0, key_y, "worsening left by relapses", ha="left",
               colour=style.OKABE_ITO["blue"])

    # what drives each shape: the course's actors, always shown
    A.draw_t_cell(ax, 4.0, 3.4, size=1.4)
    C.text(ax, 6.4, 3.4, "peaks: new inflammation", ha="left")
    A.draw_axon(ax, 40.0, 47.0, 3.4, thickness=1.0)
    A.draw_block(ax, 43.5, 3.4, size=1.0)
    C.text(ax, 48.5, 3.4, "slow rise: smouldering damage and axon loss", ha="left")


def describe_course(state):
    c = COURSES[state.course]
    text = CONTENT.text("course_" + state.course)
    parts = [text]
    if state.relapses:
        if c["times"]:
            parts.append(f"Each of the {len(c['times'])} peaks is labelled 'relapse'; the first is labelled "
                         "'first attack (CIS)', a clinically isolated syndrome.")
        else:
            parts.append("A label says 'no relapsing phase'.")
    if state.pira:
        parts.append(CONTENT.text("course_pira"))
        if state.course != "pp":
            parts.append("The gap is larger than the worsening left by relapses.")
        else:
            parts.append("In this sketch all of the worsening happens without relapses: that is what "
                         "defines primary progressive MS.")
    parts.append(CONTENT.text("course_key"))
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
                    heading=CONTENT.heading("explorer", "course"))


# ================================================================ self-check

QUESTIONS = CONTENT.questions()


def self_check():
    return Quiz(QUESTIONS, heading=CONTENT.heading("quiz", "self_check"))


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
    FigureSpec("02-mri-days", MRI_SCENE, mri_state({"age": "days", "matters": True}),
               "Schematic MRI of an active lesion: a T2 bright spot and an enhancing ring"),
    FigureSpec("02-mri-months", MRI_SCENE, mri_state({"age": "months", "matters": True}),
               "Schematic MRI weeks to months later: the T2 spot stays, the enhancement has gone"),
    FigureSpec("02-mri-years", MRI_SCENE, mri_state({"age": "years", "matters": True}),
               "Schematic MRI years later: a T2 spot and, where tissue loss is severe, a T1 black hole"),
    FigureSpec("02-barrier-natalizumab", LESION_SCENE, barrier_state({"activated": True, "blocked": True}),
               "Blocking VLA-4 keeps activated T cells in the blood"),
    FigureSpec("02-course-rrms", COURSE_SCENE, CourseState("rr", True, True),
               "Relapsing-remitting MS, with PIRA (illustrative)"),
    FigureSpec("02-course-spms", COURSE_SCENE, CourseState("sp", True, True),
               "Secondary progressive MS, with PIRA (illustrative)"),
    FigureSpec("02-course-ppms", COURSE_SCENE, CourseState("pp", True, True),
               "Primary progressive MS (illustrative)"),
)
