"""Lesson 04, mechanism 2: promoting regeneration.

The body's own myelin repair (remyelination) step by step, what blocks it,
which cells can and cannot make myelin (HSC, MSC, NSC, OPC), and drugs that
push the patient's own precursor cells to mature.

The teaching text (storyboard captions, the blocks, cell and drug tables,
the descriptions' prose, the self-check and the references) lives in
``content/lesson04.toml``, which an instructor can edit without Python. This module
keeps the states, the layout and the drawing.
"""

import html
import re
import textwrap
from dataclasses import dataclass
from typing import Literal

import ipywidgets as w

from .. import actors as A
from .. import content
from .. import evidence as E
from .. import style
from .. import canvas as C
from ..display import show
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Quiz, Step, Storyboard

# The teaching text lives in content/lesson04.toml; this module keeps states and drawing.
CONTENT = content.for_module(__name__)
MARKER = re.compile(r"\{evidence:(\w+)(\+guideline)?\}")


def with_markers(text):
    """Content text with each {evidence:key} (or {evidence:key+guideline}) replaced by the
    evidence badge (and the separate "endorsed in guidelines" badge)."""
    return MARKER.sub(lambda m: E.evidence_html(m.group(1), guideline=bool(m.group(2))), text)

# ---------------------------------------------------------------- this lesson's own mark


def _cross_out(ax, x0, y0, x1, y1):
    """Two bold diagonal strokes over a picture: 'this does not happen'."""
    C.line(ax, [x0, x1], [y0, y1], colour=style.INK, width=4.0, z=9)
    C.line(ax, [x0, x1], [y1, y0], colour=style.INK, width=4.0, z=9)


# ================================================================ shared tissue geometry
# Two axons run across a lesion in the middle, so one oligodendrocyte can be
# seen myelinating both (as in life: one cell makes many sheaths).

AX_Y = (13.0, 29.0)  # axon 1 (lower), axon 2 (upper)
AX_X = (3.0, 97.0)
LESION = (26.0, 74.0)
LESION_ZONE = dict(fill=style.PALE, edge=style.MUTED, width=1.0, dashed=(0, (4, 3)), rounding=2.5,
                   z=0.5)  # the lesion: a pale area with a dashed edge, behind everything
OUTER = ((3.5, 25.5), (74.5, 96.5))  # healthy sheaths either side of the lesion
OLD = ((26.5, 49.5), (50.5, 73.5))  # the two original internodes inside the lesion
NEW = ((26.5, 41.5), (42.5, 57.5), (58.5, 73.5))  # three thinner, shorter new ones
OLD_NODES = (26.0, 50.0, 74.0)
NEW_NODES = (26.0, 42.0, 58.0, 74.0)
MID_Y = 21.0  # between the two axons
INTACT_EDGE = 0.8 + 1.76  # axon half-thickness + intact wrap (draw_myelin defaults)
THIN_EDGE = 0.8 + 0.88


def _sheaths(ax, axon, spans, kind="intact"):
    for x0, x1 in spans:
        A.draw_myelin(ax, x0, x1, AX_Y[axon], kind=kind)


def _nodes(ax, axon, xs):
    for x in xs:
        A.draw_node(ax, x, AX_Y[axon])


def _arms(xs, edge):
    """Oligodendrocyte arm targets: the top of axon 1's sheath, the bottom of axon 2's."""
    return [(x, AX_Y[0] + edge) for x in xs] + [(x, AX_Y[1] - edge) for x in xs]


def _healthy_outside(ax):
    """The stretches outside the lesion stay myelinated in every state."""
    for axon in (0, 1):
        _sheaths(ax, axon, OUTER)


# ================================================================ 1. the repair story

@dataclass(frozen=True)
class RepairState:
    """Section 1: one lesion from healthy tissue to remyelination. Each step's fields are
    set in the content file (``[[storyboard.repair.step]]``, ``state = { ... }``)."""

    myelin: Literal["intact", "damaged", "bare", "thin"] = "intact"  # inside the lesion
    old_oligodendrocytes: Literal["both_wrap", "one_died", "one_left", "survivor_helps"] = \
        "both_wrap"
    new_oligodendrocyte: Literal["", "maturing", "wrapping"] = ""
    opcs: Literal["resting", "dividing", "recruited"] = "resting"
    immune: Literal["resting", "attacking", "clearing"] = "resting"
    shadow_plaque_note: bool = False  # name the thin new myelin a 'shadow plaque'
    signal_crosses: bool = False
    step: str = ""  # the step's id: picks the text under the diagram

    @property
    def lesion_formed(self):
        return self.myelin != "intact"


SURVIVOR = (31.5, MID_Y)  # a mature oligodendrocyte that survives the attack
NEWCOMER = (54.0, MID_Y)  # where the new oligodendrocyte matures
OPC_HOME = ((81.0, 39.0), (91.0, 39.0))  # resting place above axon 2, outside the lesion
GHOST = (64.0, MID_Y)  # where an oligodendrocyte died
NEW_ARMS = (34.0, 50.0, 66.0)  # one arm to each new sheath on each axon
SURVIVOR_ARMS = (34.0,)  # the sheaths a helping survivor makes


def _myelin_in_lesion(ax, myelin):
    for axon in (0, 1):
        if myelin == "intact":
            _sheaths(ax, axon, OLD)
            _nodes(ax, axon, OLD_NODES)
        elif myelin == "damaged":
            _sheaths(ax, axon, OLD, kind="damaged")
        elif myelin == "thin":
            _sheaths(ax, axon, NEW, kind="thin")
            _nodes(ax, axon, NEW_NODES)


def _old_oligodendrocytes(ax, which):
    """In health, two make the sheaths inside the lesion; one may die, one may help repair."""
    if which == "both_wrap":
        A.draw_oligodendrocyte(ax, *SURVIVOR, targets=_arms((36.0,), INTACT_EDGE))
        A.draw_oligodendrocyte(ax, *GHOST, targets=_arms((64.0,), INTACT_EDGE))
    elif which == "survivor_helps":
        A.draw_oligodendrocyte(ax, *SURVIVOR, targets=_arms(SURVIVOR_ARMS, THIN_EDGE))
        C.ring(ax, *SURVIVOR, 4.2)
        C.text(ax, 4.0, 40.5, "an old oligodendrocyte that\nsurvived may help", ha="left")
        C.arrow(ax, (17.0, 37.5), (28.6, 24.2), width=1.2)
    else:
        A.draw_oligodendrocyte(ax, *SURVIVOR)  # survived, but lost its sheaths here
    if which == "one_died":  # an outline where an oligodendrocyte died
        C.ghost(ax, *GHOST, 2.6)
        C.text(ax, GHOST[0] + 3.4, MID_Y, "died", ha="left", colour=style.MUTED)


def _new_oligodendrocyte(ax, state):
    if state.new_oligodendrocyte == "maturing":  # arms touch the axons, not wrapped yet
        touch = [(x, AX_Y[0] + 0.8) for x in (46.0, 62.0)] \
            + [(x, AX_Y[1] - 0.8) for x in (46.0, 62.0)]
        A.draw_oligodendrocyte(ax, *NEWCOMER, targets=touch)
        C.text(ax, 54.0, 41.5, "an OPC matures into a new oligodendrocyte")
    elif state.new_oligodendrocyte == "wrapping":
        taken = SURVIVOR_ARMS if state.old_oligodendrocytes == "survivor_helps" else ()
        arms = tuple(x for x in NEW_ARMS if x not in taken)
        A.draw_oligodendrocyte(ax, *NEWCOMER, targets=_arms(arms, THIN_EDGE))
    if state.shadow_plaque_note:
        C.text(ax, 50.0, 41.5, "thinner, shorter new sheaths: a pale 'shadow plaque'")


def _opcs(ax, opcs):
    """OPCs: resting (a pool is always kept), dividing, or recruited into the lesion."""
    if opcs == "dividing":
        for x, y in OPC_HOME:
            A.draw_opc(ax, x, y)
        C.text(ax, 75.5, 43.0, "OPCs activated: they divide", ha="right")
    elif opcs == "recruited":
        A.draw_opc(ax, *OPC_HOME[1])
        A.draw_opc(ax, *NEWCOMER)
        C.arrow(ax, (81.0, 36.5), (59.0, 23.2), rad=0.15, width=1.4, dashed=True)
        C.text(ax, 60.0, 41.5, "recruited: OPCs move into the lesion")
    else:
        A.draw_opc(ax, *OPC_HOME[1])


def _immune(ax, immune):
    """Immune cells: the attack, then the clear-up, then rest."""
    if immune == "attacking":
        A.draw_t_cell(ax, 38.0, 6.0)
        A.draw_macrophage(ax, 48.0, MID_Y, size=2.6)
        C.text(ax, 50.0, 41.5, "an immune attack strips the myelin")
    elif immune == "clearing":
        A.draw_macrophage(ax, 50.0, 6.0, size=2.4, eating=True)
        C.text(ax, 55.0, 6.0, "clears myelin debris", ha="left")
    else:
        A.draw_macrophage(ax, 50.0, 6.0, size=1.7, resting=True)


def draw_repair(ax, state):
    C.box(ax, LESION[0], 1.5, LESION[1], 36.0, **LESION_ZONE)
    C.text(ax, 50, 38.0, "lesion" if state.lesion_formed else "where a lesion will form",
           colour=style.MUTED)
    for axon in (0, 1):
        A.draw_axon(ax, AX_X[0], AX_X[1], AX_Y[axon])
    _healthy_outside(ax)
    _myelin_in_lesion(ax, state.myelin)
    _old_oligodendrocytes(ax, state.old_oligodendrocytes)
    _new_oligodendrocyte(ax, state)
    _opcs(ax, state.opcs)
    _immune(ax, state.immune)
    if state.signal_crosses:
        A.draw_signal(ax, 88.0, AX_Y[0], size=1.3)
        C.text(ax, 88.0, 7.0, "signals cross again")


def describe_repair(state):
    """What is new in this step comes first; what stays the same comes last."""
    text = CONTENT.text(f"repair_{state.step}")
    if state.lesion_formed:
        text += " " + CONTENT.text("repair_outside")
    return text


REPAIR_SCENE = Scene(
    "remyelination", draw_repair, describe_repair, width=100, height=46,
    legend=("axon", "myelin", "damaged_myelin", "thin_myelin", "node", "oligodendrocyte", "opc",
            "signal", "macrophage", "microglia", "t_cell"),
)

REPAIR = CONTENT.step_states("repair", RepairState)  # {step id: state}, from the content file
REPAIR_STEPS = tuple(Step(s.title, with_markers(s.caption), s.state)
                     for s in CONTENT.steps("repair", RepairState))


def remyelination_story():
    """Storyboard: the body's own repair, from healthy tissue to new thin myelin."""
    return Storyboard(REPAIR_SCENE, REPAIR_STEPS, heading=CONTENT.heading("storyboard", "repair"))


# ================================================================ 2. what blocks repair

@dataclass(frozen=True)
class Block:
    """One reason remyelination fails: a switch in the explorer, a row in its table."""

    key: str
    control: str  # the label on the checkbox
    seen: str  # what is known (HTML, with reference numbers)
    idea: str  # an idea to lift the block (HTML)
    level: str  # evidence key for the idea, or "" when there is no treatment
    guideline: bool = False  # the idea is also endorsed in guidelines (a mark, not a rung)


BLOCKS = tuple(Block(**row) for row in CONTENT.table("blocks"))
BLOCK_KEYS = tuple(b.key for b in BLOCKS)


@dataclass(frozen=True)
class BlockState:
    """Section 2: which blocks act on the lesion (all off: repair succeeds)."""

    differentiation: bool = False
    ageing: bool = False
    debris: bool = False
    inflammation: bool = False
    axon_lost: bool = False

    def acting(self):
        return tuple(b for b in BLOCKS if getattr(self, b.key))

    @property
    def repaired(self):
        """True when OPCs can do their job (a lost axon still cannot be repaired)."""
        return not (self.differentiation or self.ageing or self.debris or self.inflammation)

    @property
    def held_back_by(self):
        """The blocks other than the differentiation block that hold OPCs in the lesion back."""
        return tuple(word for key, word in (("debris", "debris"), ("inflammation", "inflammation"))
                     if getattr(self, key))

    @property
    def opcs_in_lesion(self):
        """OPCs reach the lesion unless ageing is the only block."""
        return self.differentiation or bool(self.held_back_by)


OPCS_STUCK = ((42.0, MID_Y), (60.0, MID_Y))
FRAGMENTS = ((35.0, 38.5, 12.6), (44.0, 47.0, 13.5), (54.0, 57.5, 12.4), (63.0, 66.0, 13.3))
DISTAL = ((75.5, 80.0, 13.4), (82.0, 86.0, 12.5), (88.5, 92.5, 13.2))  # beyond the cut
OLD_OPC = (89.0, 43.0)


def _outcome(state):
    if state.repaired and not state.axon_lost:
        return "Outcome: repair succeeds on both axons"
    if state.repaired:
        return "Outcome: axon 2 is repaired; axon 1 is lost"
    if state.axon_lost:
        return "Outcome: no repair, and axon 1 is lost"
    return "Outcome: repair fails; both axons stay bare"


def _opc_label(state):
    """Why the OPCs in the lesion fail, named by cause."""
    held = " and ".join(state.held_back_by)
    if state.differentiation and held:
        return f"OPCs stuck: cannot mature,\nand held back by {held}"
    if state.differentiation:
        return "OPCs stuck: cannot mature"
    return f"OPCs held back by {held}" if held else ""


def draw_blocks(ax, state):
    """Each block draws its own cue, so several blocks can be seen at once."""
    C.box(ax, LESION[0], 1.5, LESION[1], 38.5, **LESION_ZONE)
    C.text(ax, 50.0, 40.5, "lesion", colour=style.MUTED)
    C.text(ax, 50.0, 46.3, _outcome(state), bold=True)
    C.text(ax, 14.0, AX_Y[0] + 4.6, "axon 1", colour=style.MUTED)
    C.text(ax, 14.0, AX_Y[1] + 4.6, "axon 2", colour=style.MUTED)
    live = (1,) if state.axon_lost else (0, 1)
    A.draw_axon(ax, AX_X[0], AX_X[1], AX_Y[1])
    _sheaths(ax, 1, OUTER)
    _sheaths(ax, 0, OUTER[:1])
    if state.axon_lost:  # axon 1: a stump, and pieces in the lesion and beyond the cut
        A.draw_axon(ax, AX_X[0], 30.0, AX_Y[0])
        for x0, x1, y in FRAGMENTS + DISTAL:
            A.draw_axon(ax, x0, x1, y, thickness=1.3)
        A.draw_myelin(ax, *OUTER[1], AX_Y[0], kind="damaged")
        C.text(ax, 50.0, 8.6, "axon 1 lost: nothing to remyelinate")
    else:
        A.draw_axon(ax, AX_X[0], AX_X[1], AX_Y[0])
        _sheaths(ax, 0, OUTER[1:])
    for axon in live:
        if state.repaired:
            _sheaths(ax, axon, NEW, kind="thin")
            _nodes(ax, axon, NEW_NODES)
        elif state.debris:
            _sheaths(ax, axon, OLD, kind="damaged")
    # cells: a new oligodendrocyte, or each block's own cue
    if state.repaired:
        targets = [(x, AX_Y[1] - THIN_EDGE) for x in (34.0, 50.0, 66.0)]
        if not state.axon_lost:
            targets += [(x, AX_Y[0] + THIN_EDGE) for x in (34.0, 50.0, 66.0)]
        A.draw_oligodendrocyte(ax, *NEWCOMER, targets=targets)
        A.draw_opc(ax, *OPC_HOME[1])
    if state.opcs_in_lesion:
        for x, y in OPCS_STUCK:
            A.draw_opc(ax, x, y)
            if state.differentiation:
                C.arrow(ax, (x + 3.2, y + 1.6), (x + 6.6, y + 3.2), kind="inh")
        label = _opc_label(state)
        C.text(ax, 50.0, 35.0 if "\n" in label else 34.2, label)
    if state.ageing:
        A.draw_opc(ax, *OLD_OPC)
        C.arrow(ax, (OLD_OPC[0] - 4.5, OLD_OPC[1]), (OLD_OPC[0] - 11.5, OLD_OPC[1]), kind="inh")
        C.text(ax, 99.5, 37.5, "old OPCs\nrespond poorly", ha="right")
    if state.differentiation or state.ageing:  # a key for the inhibition symbol
        C.arrow(ax, (1.5, 43.0), (5.5, 43.0), kind="inh")
        C.text(ax, 6.8, 43.0, "= this step cannot happen", ha="left")
    if state.debris:
        C.text(ax, 87.0, 5.2, "myelin debris\nnot cleared")
    if state.inflammation:
        A.draw_t_cell(ax, 31.0, 4.6)
        A.draw_t_cell(ax, 37.0, 4.6)
        A.draw_macrophage(ax, 44.0, 4.6, size=2.2)
        C.text(ax, 48.0, 4.6, "inflammation goes on", ha="left")
    else:
        A.draw_macrophage(ax, 30.5, 5.0, size=1.6, resting=True)
    # the signal on each axon: through the lesion, or stopped at its edge
    for axon in (0, 1):
        if axon in live and state.repaired:
            A.draw_signal(ax, 88.0, AX_Y[axon], size=1.2)
        else:
            A.draw_signal(ax, 12.0, AX_Y[axon], size=1.2)
            A.draw_block(ax, 26.0 if state.debris and axon in live else 28.5, AX_Y[axon], size=1.2)


def describe_blocks(state):
    """Which blocks act and the outcome first; then each block's cue; the setting last."""
    acting = state.acting()
    names = ", ".join(b.control for b in acting) or "none"
    text = [f"Blocks switched on: {names}. {_outcome(state)}."]
    if state.repaired:
        which = "axon 2" if state.axon_lost else "both axons"
        text.append(f"A new oligodendrocyte (O) has wrapped {which} in thin new myelin: shorter, "
                    f"hatched sheaths with nodes of Ranvier between them, and the nerve signal "
                    f"(orange star) gets through. A spare OPC (P) waits outside the lesion.")
    else:
        bare = "covered in broken myelin debris" if state.debris else "bare"
        which = "Axon 2 stays" if state.axon_lost else "Both axons stay"
        text.append(f"No new oligodendrocyte forms. {which} {bare} inside the lesion, so the "
                    f"nerve signal (orange star) stops at its edge (black cross, conduction "
                    f"block).")
    if state.opcs_in_lesion:
        if state.differentiation:
            why = "they are stuck and cannot mature (each has a line ending in a bar)"
            if state.held_back_by:
                why += ", and " + " and ".join(state.held_back_by) + " hold them back too"
        else:
            why = "they are held back by " + " and ".join(state.held_back_by)
        text.append(f"Two OPCs (P) have reached the lesion, but {why}.")
    if state.ageing:
        text.append("An old OPC (P) stays outside the lesion, with a line ending in a bar: it "
                    "responds poorly.")
    if state.differentiation or state.ageing:
        text.append("The key at the top left says that a line ending in a bar means this step "
                    "cannot happen.")
    if state.axon_lost:
        text.append("Axon 1 has died: only a stump and a few pieces remain, so there is nothing "
                    "to remyelinate and its signal stops at the lesion (black cross). Beyond the "
                    "cut, the rest of axon 1 breaks down too, and its myelin there is broken.")
    if state.inflammation:
        text.append("Inflammation goes on: two T cells and an active macrophage (M) sit in the "
                    "lesion.")
    else:
        text.append("A resting microglial cell (M) sits in the lesion.")
    text.append("Outside the lesion (pale dashed area), the axons keep their myelin sheaths"
                + (", except beyond the cut in axon 1." if state.axon_lost else "."))
    return " ".join(text)


BLOCK_SCENE = Scene(
    "repair-blocks", draw_blocks, describe_blocks, width=100, height=49,
    legend=("axon", "myelin", "damaged_myelin", "thin_myelin", "node", "oligodendrocyte", "opc",
            "signal", "block", "macrophage", "microglia", "t_cell"),
)


def _badge(level, guideline=False):
    return E.evidence_html(level, guideline) if level else "<i>no treatment</i>"


_TABLE = ('style="width:100%;border-collapse:collapse;line-height:1.4;'
          'font-size:{size}"')
_CELL = f'style="vertical-align:top;text-align:left;padding:4px 8px;border-top:1px solid {style.LIGHT_GREY}"'


def _table(headers, rows):
    head = "".join(f'<th {_CELL}>{h}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td {_CELL}>{c}</td>" for c in row) + "</tr>"
                   for row in rows)
    return (f"<table {_TABLE.format(size=style.html_font_size())}><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def blocks_table():
    """HTML: each block, what is known, and an idea to lift it with its evidence level."""
    return _table(
        ("Block", "What is known", "An idea to lift it, and the evidence for that idea"),
        [(f"<b>{html.escape(b.control)}</b>", b.seen, f"{b.idea}<br>{_badge(b.level, b.guideline)}")
         for b in BLOCKS],
    )


def repair_blocks():
    """Explorer: switch each block on or off and see repair succeed or fail."""
    controls = {
        b.key: w.Checkbox(value=False, description=b.control, indent=False,
                          layout=w.Layout(width="auto", margin="0 1em 0 0"))
        for b in BLOCKS
    }
    return Explorer(BLOCK_SCENE, controls, make_state=lambda v: BlockState(**v),
                    heading=CONTENT.heading("explorer", "blocks"),
                    note=blocks_table())


# ================================================================ 3. which cell can make myelin?

@dataclass(frozen=True)
class Cell:
    """One candidate cell: what it is, whether it can make myelin, how it may help."""

    key: str  # the actor key
    button: str  # the toggle's label
    title: str  # drawn at the top of the diagram
    origin: str  # where it comes from (description, tooltip and table)
    verdict: str  # right column: can it make new myelin? (drawn)
    helps: str  # how it may help in MS (description and table)
    level: str  # evidence key for the 'helps' claim: the rung its evidence reaches
    guideline: bool  # also endorsed in guidelines (a separate mark beside the rung)
    short: str  # the 'helps' claim in a few words, drawn above the marker
    about: str  # what the marker rates, drawn in its label: "evidence for <about>: <level>"
    summary: str  # one plain sentence for the description and the table (HTML, refs)


# What each cell makes or does, drawn in the middle of the diagram: a short label kept
# here with its line break (the science about each cell is in the content file).
MAKES = {
    "hsc": "blood and immune cells only",
    "msc": "signals: calm immune cells,\nsupport the body's own OPCs",
    "nsc": "in mice: mostly 'bystander'\nsignals that calm and support",
    "opc": "activated, recruited,\nmatures into an oligodendrocyte",
}
CELLS = tuple(Cell(**row) for row in CONTENT.table("cells"))
CELL_BY_KEY = {c.key: c for c in CELLS}
DRAW_CELL = {"hsc": A.draw_hsc, "msc": A.draw_msc, "nsc": A.draw_nsc, "opc": A.draw_opc}


@dataclass(frozen=True)
class CellState:
    """Section 3: which candidate cell is shown."""

    cell: str = "hsc"


def _signals(ax, x0, y0, targets):
    """Dotted arrows: a cell signalling to others without becoming them."""
    for tx, ty in targets:
        C.arrow(ax, (x0, y0), (tx, ty), dashed=True)


def draw_cell(ax, state):
    c = CELL_BY_KEY[state.cell]
    C.text(ax, 50.0, 38.6, c.title, bold=True)
    # left: the candidate cell
    size = 2.6 if c.key == "opc" else 3.4
    DRAW_CELL[c.key](ax, 11.0, 21.0, size=size)
    # middle: what it makes or does
    C.text(ax, 41.0, 32.0, "What it does", colour=style.MUTED)
    if c.key == "hsc":  # a T cell and a B cell stand for all the blood and immune cells
        for x, draw in ((33.0, A.draw_t_cell), (43.0, A.draw_b_cell)):
            draw(ax, x, 24.0)
        C.arrow(ax, (15.5, 21.5), (29.5, 23.4), width=1.4)
    elif c.key in ("msc", "nsc"):
        A.draw_t_cell(ax, 32.0, 26.5)
        A.draw_opc(ax, 48.0, 23.0)
        _signals(ax, 16.0, 22.0, [(30.0, 25.9), (44.3, 23.0)])
    else:
        C.arrow(ax, (16.0, 21.0), (69.0, 21.0), width=1.8)
    C.text(ax, 41.0, 17.0, MAKES[c.key])
    # right: can it make new myelin?
    C.text(ax, 80.0, 32.0, "Makes new myelin?", colour=style.MUTED)
    C.text(ax, 80.0, 28.2, c.verdict, bold=True)
    A.draw_axon(ax, 63.0, 97.0, 13.0)
    for x0, x1 in ((63.5, 79.5), (80.5, 96.5)):
        A.draw_myelin(ax, x0, x1, 13.0, kind="thin")
    A.draw_node(ax, 80.0, 13.0)
    A.draw_oligodendrocyte(ax, 80.0, 21.0, targets=[(71.5, 13.0 + THIN_EDGE),
                                                     (88.5, 13.0 + THIN_EDGE)])
    if c.key in ("hsc", "msc"):
        _cross_out(ax, 66.0, 9.5, 94.0, 25.0)
    elif c.key == "nsc":
        C.ring(ax, 80.0, 21.0, 4.0)
        C.arrow(ax, (14.0, 18.0), (75.6, 19.4), rad=0.16, width=1.4, dashed=True)
    # bottom: how it may help in MS, and the kind of study behind that claim
    C.text(ax, 3.0, 7.4, "In MS: " + c.short, ha="left")
    E.draw_evidence(ax, 3.0, 1.2, c.level, width=7.0, label=False, guideline=c.guideline)
    C.text(ax, 11.6, 2.2, f"evidence for {c.about}: {E.label_text(c.level, c.guideline)}",
           ha="left")


def describe_cell(state):
    c = CELL_BY_KEY[state.cell]
    name = A.ACTORS[c.key].name
    middle = CONTENT.text(f"cell_{c.key}_does")
    right = CONTENT.text(f"cell_{c.key}_myelin")
    helps = c.helps[0].lower() + c.helps[1:]
    return (f"The {name}, {c.origin}. {middle} {right} At the bottom, how it may help in MS: "
            f"{helps}. The marker beside it rates the kind of study behind that claim (evidence "
            f"for {c.about}): {E.describe_evidence(c.level, c.guideline)}.")


CELL_SCENE = Scene(
    "which-cell", draw_cell, describe_cell, width=100, height=41,
    legend=("hsc", "msc", "nsc", "opc", "oligodendrocyte", "thin_myelin", "node", "t_cell",
            "b_cell"),
)


def cell_table():
    """HTML: the four cells side by side, each with its evidence badge."""
    return _table(
        ("Cell", "Makes new myelin?", "What the evidence says",
         "How it may help in MS, and the evidence level"),
        [(f"<b>{html.escape(c.title)}</b><br>{html.escape(c.origin)}", html.escape(c.verdict),
          c.summary, f"{html.escape(c.helps)}<br>Evidence for "
          f"{html.escape(c.about)}: {E.evidence_html(c.level, c.guideline)}")
         for c in CELLS],
    )


def which_cell():
    """Explorer: choose a cell type and see whether it can make myelin."""
    choice = w.ToggleButtons(options=[(c.button, c.key) for c in CELLS], value="hsc",
                             description="Cell", style={"button_width": "auto"},
                             tooltips=[f"{c.title}, {c.origin}" for c in CELLS])
    return Explorer(CELL_SCENE, {"cell": choice}, make_state=lambda v: CellState(v["cell"]),
                    heading=CONTENT.heading("explorer", "which_cell"),
                    note="<b>The four cells side by side:</b>" + cell_table())


# ================================================================ 4. drugs that boost repair

@dataclass(frozen=True)
class DrugRow:
    text: str  # the claim, drawn beside the marker (wrapped to CLAIM_WIDTH characters)
    level: str  # the kind of study behind the claim
    guideline: bool = False  # also endorsed in guidelines


DRUG_ROWS = tuple(DrugRow(**row) for row in CONTENT.table("drug_claims"))
CLAIM_WIDTH = 60  # characters per drawn line of a claim
CLAIM_X = 36.0  # where the claim column starts


@dataclass(frozen=True)
class DrugState:
    """Section 4: one static picture (no choices)."""

    rows: int = len(DRUG_ROWS)


DRUG_TOP = 16.0  # the picture sits above the table of claims (five rows)
TABLE_TOP = 29.2


def draw_drugs(ax, state):
    t = DRUG_TOP
    A.draw_opc(ax, 8.0, 28.0 + t)
    C.arrow(ax, (13.0, 28.0 + t), (33.5, 28.0 + t), width=1.8)
    C.text(ax, 23.0, 31.0 + t, "a drug such as clemastine")
    C.text(ax, 23.0, 25.0 + t, "pushes it to mature")
    A.draw_axon(ax, 30.0, 54.0, 20.0 + t)
    for x0, x1 in ((30.5, 41.5), (42.5, 53.5)):
        A.draw_myelin(ax, x0, x1, 20.0 + t, kind="thin")
    A.draw_node(ax, 42.0, 20.0 + t)
    A.draw_oligodendrocyte(ax, 42.0, 28.5 + t, targets=[(36.0, 20.0 + t + THIN_EDGE),
                                                        (48.0, 20.0 + t + THIN_EDGE)])
    C.text(ax, 58.0, 29.5 + t, "aim: more thin new myelin\nfrom the patient's own cells", ha="left")
    # a small table: the kind of study (marker and its name), then the claim
    C.text(ax, 3.0, TABLE_TOP + 1.8, "Kind of study behind the claim", ha="left",
           colour=style.MUTED)
    C.text(ax, CLAIM_X, TABLE_TOP + 1.8, "Claim", ha="left", colour=style.MUTED)
    C.line(ax, [3.0, 97.0], [TABLE_TOP, TABLE_TOP], colour=style.MUTED, width=0.8)
    y = TABLE_TOP
    for row in DRUG_ROWS[: state.rows]:
        text = "\n".join(textwrap.wrap(row.text, CLAIM_WIDTH))
        lines = text.count("\n") + 1
        height = 2.3 * lines + 2.0
        mid = y - height / 2
        E.draw_evidence(ax, 3.0, mid - 1.3, row.level, width=7.0, label=False,
                        guideline=row.guideline)
        C.text(ax, 11.6, mid, E.label_text(row.level, row.guideline), ha="left")
        C.text(ax, CLAIM_X, mid, text, ha="left")
        y -= height


def describe_drugs(state):
    rows = "; ".join(f"{row.text} ({E.describe_evidence(row.level, row.guideline)})"
                     for row in DRUG_ROWS[: state.rows])
    return f"{CONTENT.text('drugs_picture')} {rows}."


DRUG_SCENE = Scene("remyelination-drugs", draw_drugs, describe_drugs, width=100, height=50,
                   legend=("opc", "oligodendrocyte", "axon", "thin_myelin", "node"))


def drug_evidence():
    """Show the drug picture with an evidence marker on each claim."""
    show(DRUG_SCENE, DrugState(), title=CONTENT.text("drugs_title"))


# ================================================================ self-check

QUESTIONS = CONTENT.questions()


def self_check():
    return Quiz(QUESTIONS)


# ================================================================ static exports

FIGURES = (
    FigureSpec("04-remyelination-lesion", REPAIR_SCENE, REPAIR["attack"],
               "Demyelination: an immune attack strips the myelin"),
    FigureSpec("04-remyelination-opcs-recruited", REPAIR_SCENE, REPAIR["recruited"],
               "Remyelination: OPCs are recruited into the lesion"),
    FigureSpec("04-remyelination-thin-myelin", REPAIR_SCENE, REPAIR["new_myelin"],
               "Remyelination: thinner, shorter new myelin sheaths"),
    FigureSpec("04-remyelination-old-cells", REPAIR_SCENE, REPAIR["old_cells"],
               "In people, surviving oligodendrocytes may help repair"),
    FigureSpec("04-blocks-none", BLOCK_SCENE, BlockState(),
               "No blocks: repair succeeds"),
    FigureSpec("04-blocks-differentiation", BLOCK_SCENE, BlockState(differentiation=True),
               "Differentiation block: OPCs present but stuck"),
    FigureSpec("04-blocks-differentiation-debris", BLOCK_SCENE,
               BlockState(differentiation=True, debris=True),
               "Two blocks at once: OPCs stuck and held back by debris"),
    FigureSpec("04-blocks-axon-lost", BLOCK_SCENE, BlockState(axon_lost=True),
               "A lost axon cannot be remyelinated"),
    FigureSpec("04-which-cell-hsc", CELL_SCENE, CellState("hsc"), "HSCs do not make myelin"),
    FigureSpec("04-which-cell-msc", CELL_SCENE, CellState("msc"),
               "MSCs act mostly by signalling"),
    FigureSpec("04-which-cell-nsc", CELL_SCENE, CellState("nsc"),
               "NSCs: plausible, but mostly signalling in mice"),
    FigureSpec("04-which-cell-opc", CELL_SCENE, CellState("opc"),
               "OPCs: the patient's own repair cells"),
    FigureSpec("04-remyelination-drugs", DRUG_SCENE, DrugState(),
               "Boosting the body's own repair with drugs"),
)
