"""Lesson 01, healthy myelin: neurons, myelin-making cells, nodes of Ranvier,
saltatory conduction, OPCs and the axon's dependence on its myelin.

The teaching text (step titles and captions, explorer notes, what the text under
each diagram says, the self-check quiz and the references) is in
``content/lesson01.toml``. This module holds the states, layout and drawing; the
conduction rules (``CREEP_TICKS``) are data near the top of section 4.
"""

from dataclasses import dataclass
from typing import Literal

import ipywidgets as w
import numpy as np
from matplotlib.patches import Circle, Rectangle

from .. import actors as A
from .. import content
from .. import style
from .. import canvas as C
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Quiz, Storyboard

CONTENT = content.for_module(__name__)
TRAIL_COLOUR = A.ACTORS["signal"].ink  # the signal's orange, darker: the path the signal has taken


# ---------------------------------------------------------------- the signal's path (this lesson's own marks)

def _arc(ax, x0, x1, y, height, colour=TRAIL_COLOUR, width=2.0, z=6, arrow=True):
    """A hop: a curved path from x0 to x1 rising ``height`` above y."""
    _arcs(ax, [(x0, x1)], y, height, colour, width, z, arrow)


def _arcs(ax, hops, y, height, colour=TRAIL_COLOUR, width=2.0, z=6, arrow=True):
    """Several hops drawn as one line (fewer artists: faster redraws)."""
    t = np.linspace(0, np.pi, 17)
    xs_all, ys_all = [], []
    for x0, x1 in hops:
        xs = x0 + (x1 - x0) * (1 - np.cos(t)) / 2
        ys = y + height * np.sin(t)
        xs_all += list(xs) + [np.nan]
        ys_all += list(ys) + [np.nan]
        if arrow:  # a small head on the way down
            C.arrow(ax, (xs[-3], ys[-3]), (xs[-1], ys[-1] + 0.2), colour=colour, width=width, z=z)
    if hops:
        C.line(ax, xs_all, ys_all, colour=colour, width=width, z=z)


def _sheath_span(x0, x1, gap=0.55):
    """A sheath between two nodes, leaving a small gap for each node."""
    return x0 + gap, x1 - gap


# ================================================================ 1. a signal's journey

@dataclass(frozen=True)
class JourneyState:
    """Section 1: one neuron with a bare (unmyelinated) axon. Each step's fields are set
    in the content file (``[[storyboard.journey.step]]``, ``state = { ... }``)."""

    parts_named: bool = False  # labels for the dendrites, cell body, axon and terminals
    inputs: bool = False  # inputs from other neurons arrive on the dendrites
    signal_at: Literal["", "start", "midway", "end"] = ""  # where the action potential is
    step: str = ""  # the step's id: picks the text under the diagram


J_Y = 16.0
J_AXON = (13.0, 88.0)
SIGNAL_X = {"start": 16.0, "midway": 50.0, "end": 86.0}  # where the axon begins, its middle, its end


def _name_parts(ax):
    C.text(ax, 7.0, 28.5, "dendrites")
    C.arrow(ax, (6.0, 27.0), (5.6, 23.6), width=1.0)
    C.text(ax, 16.5, 6.5, "cell body")
    C.arrow(ax, (15.0, 8.0), (12.0, 12.4), width=1.0)
    C.text(ax, 50, 20.5, "axon (no myelin in this example)")
    C.text(ax, 89, 26.5, "axon terminals")
    C.text(ax, 89, 7.5, "to the next cells")


def _inputs_arrive(ax):
    for y0, y1 in ((29, 23.5), (3, 8.5)):
        C.arrow(ax, (1.8, y0), (3.4, y1), colour=style.INK, width=1.3)
    C.text(ax, 24, 28.5, "inputs from other neurons arrive on the dendrites", ha="left")
    C.text(ax, 24, 4.5, "the cell body adds them up", ha="left")


def _signal(ax, at):
    """The action potential where it is now, with the path it has crawled behind it."""
    x = SIGNAL_X[at]
    if at != "start":  # continuous conduction: every patch of membrane in turn
        C.line(ax, [SIGNAL_X["start"], x], [J_Y, J_Y], colour=TRAIL_COLOUR, width=3.0,
               dash=(0, (1, 1.6)), z=5)
    A.draw_signal(ax, x, J_Y, size=1.5)
    if at == "start":
        C.text(ax, x + 3.0, J_Y + 4.5, "Na\u207a flows in here", ha="left")
    if at == "midway":
        C.text(ax, x, J_Y + 6.0, "Na\u207a flows in here")
        C.text(ax, x - 12, J_Y - 5.5, "behind it: K\u207a flows out,\nthe membrane rests again")
    if at == "start":
        C.text(ax, 30, 4.5, "enough input: an action potential starts where the axon begins",
               ha="left")
    if at == "end":
        C.text(ax, 40, 28.5, "it arrives at the terminals and passes the message on", ha="left")


def draw_journey(ax, state):
    A.draw_axon(ax, J_AXON[0], J_AXON[1], J_Y)
    A.draw_neuron(ax, 10, J_Y, size=4.0)
    # axon terminals: a few short branches at the far end
    for dy in (4.0, 0.0, -4.0):
        C.line(ax, [J_AXON[1], 95], [J_Y, J_Y + dy], colour=style.INK, width=1.6, z=3)
        ax.add_artist(Circle((95.6, J_Y + dy), 0.8, facecolor=A.ACTORS["axon"].colour,
                             edgecolor=style.INK, linewidth=style.line(1.0), zorder=4))
    if state.parts_named:
        _name_parts(ax)
    if state.inputs:
        _inputs_arrive(ax)
    if state.signal_at:
        _signal(ax, state.signal_at)


def describe_journey(state):
    return f"{CONTENT.text('journey_base')} {CONTENT.text('journey_' + state.step)}"


JOURNEY_SCENE = Scene("journey", draw_journey, describe_journey, width=100, height=32,
                      legend=("neuron", "axon", "signal"))

JOURNEY = CONTENT.step_states("journey", JourneyState)  # {step id: state}, from the content file
JOURNEY_STEPS = CONTENT.steps("journey", JourneyState)


def signal_journey():
    """Storyboard: a signal's journey through one neuron (no myelin yet)."""
    return Storyboard(JOURNEY_SCENE, JOURNEY_STEPS, heading=CONTENT.heading("storyboard", "journey"))


# ======================================================== 2. oligodendrocytes vs Schwann cells

@dataclass(frozen=True)
class CompareState:
    """Section 2: the CNS (top) beside the PNS (bottom); ``focus`` picks what to point out."""

    focus: str = "overview"  # overview | oligodendrocyte | schwann | ms | repair


COMPARE_CHOICES = (
    ("Overview", "overview"),
    ("One oligodendrocyte", "oligodendrocyte"),
    ("One Schwann cell", "schwann"),
    ("Which one MS attacks", "ms"),
    ("Repair after injury", "repair"),
)

O_XY = (50.0, 38.0)  # the oligodendrocyte's cell body
# (axon height, this oligodendrocyte's sheath); the other sheaths on each axon
# (made by other oligodendrocytes) follow every 28 units, with a node between.
CNS_AXONS = ((50.0, (9.5, 36.5)), (44.0, (46.5, 73.5)), (32.0, (22.5, 49.5)), (26.0, (53.5, 80.5)))
CNS_PERIOD = 28.0
SHEATH_HALF = 0.8 + 1.76  # half the height of a sheath on a standard axon
CNS_X = (1.0, 99.0)


def _cns_sheaths(mine):
    """Every sheath on one CNS axon: ``mine`` plus its neighbours, one period apart."""
    length = mine[1] - mine[0]
    a = mine[0]
    while a > CNS_X[0]:
        a -= CNS_PERIOD
    out = []
    while a < CNS_X[1]:
        x0, x1 = max(a, CNS_X[0] + 0.5), min(a + length, CNS_X[1] - 0.5)
        if x1 - x0 > 3.0:
            out.append((x0, x1))
        a += CNS_PERIOD
    return out


PNS_Y = 7.5
PNS_SHEATHS = ((2.0, 33.0), (34.0, 65.0), (66.0, 97.0))
PNS_TITLE_Y = 18.5
OPC_XY = (6.0, 38.0)


def draw_compare(ax, state):
    f = state.focus
    # --- top: brain and spinal cord
    C.text(ax, 1.0, 56.5, "Brain and spinal cord (CNS)", ha="left", bold=True)
    targets = []
    for y, mine in CNS_AXONS:
        A.draw_axon(ax, CNS_X[0], CNS_X[1], y)
        sheaths = _cns_sheaths(mine)
        for x0, x1 in sheaths:
            A.draw_myelin(ax, x0, x1, y)
        for (_, a), (b, _) in zip(sheaths, sheaths[1:]):
            A.draw_node(ax, (a + b) / 2, y)
        cx = (mine[0] + mine[1]) / 2
        targets.append((cx, y - SHEATH_HALF if y > O_XY[1] else y + SHEATH_HALF))
    # z=7: the arms lie on top of the other cells' sheaths, which are further back
    A.draw_oligodendrocyte(ax, *O_XY, targets=targets, z=7)
    # --- bottom: a peripheral nerve fibre
    C.text(ax, 1.0, PNS_TITLE_Y, "Peripheral nerve (PNS)", ha="left", bold=True)
    A.draw_axon(ax, 1.0, 99.0, PNS_Y)
    for x0, x1 in PNS_SHEATHS:
        A.draw_schwann(ax, x0, x1, PNS_Y)
    for (_, a), (b, _) in zip(PNS_SHEATHS, PNS_SHEATHS[1:]):
        A.draw_node(ax, (a + b) / 2, PNS_Y)

    if f == "oligodendrocyte":
        C.ring(ax, *O_XY, 4.2)
        for i, (y, mine) in enumerate(CNS_AXONS):
            C.text(ax, (mine[0] + mine[1]) / 2, y, str(i + 1), bold=True)
        C.text(ax, 98.5, O_XY[1], "1 cell: many sheaths (4 drawn),\neach on a different axon",
               ha="right", bold=True)
    elif f == "schwann":
        x0, x1 = PNS_SHEATHS[1]
        ax.add_artist(Rectangle((x0 - 0.6, PNS_Y - 3.4), x1 - x0 + 1.2, 9.6, fill=False,
                                edgecolor=style.INK, linewidth=style.line(2.0),
                                linestyle=(0, (4, 2)), zorder=10))
        C.text(ax, (x0 + x1) / 2, PNS_Y, "1", bold=True)
        C.text(ax, 98.5, PNS_TITLE_Y, "1 cell: 1 sheath, 1 axon", ha="right", bold=True)
    elif f == "ms":
        ax.add_artist(Rectangle((0.4, 22.7), 99.2, 32.0, fill=False, edgecolor=style.INK,
                                linewidth=style.line(2.2), linestyle=(0, (5, 3)), zorder=10))
        C.text(ax, 98.5, O_XY[1], "MS attacks this myelin", ha="right", bold=True)
        C.text(ax, 98.5, PNS_TITLE_Y, "spared in MS", ha="right", bold=True)
    elif f == "repair":
        A.draw_opc(ax, *OPC_XY)
        C.text(ax, OPC_XY[0] + 5.0, OPC_XY[1], "precursor (OPC)", ha="left")
        C.text(ax, 98.5, O_XY[1], "repair relies mainly on OPCs", ha="right", bold=True)
        C.text(ax, 98.5, PNS_TITLE_Y, "switch to a repair state", ha="right", bold=True)


def describe_compare(state):
    return f"{CONTENT.text('compare_base')} {CONTENT.text('compare_' + state.focus)}"


COMPARE_SCENE = Scene("cns_vs_pns", draw_compare, describe_compare, width=100, height=58,
                      legend=("axon", "myelin", "node", "oligodendrocyte", "schwann", "opc"))


def compare_cells():
    """Explorer: oligodendrocytes (CNS) beside Schwann cells (PNS)."""
    choice = w.ToggleButtons(options=COMPARE_CHOICES, value="overview", description="Show",
                             style={"button_width": "auto"})
    return Explorer(COMPARE_SCENE, {"focus": choice},
                    make_state=lambda v: CompareState(v["focus"]),
                    heading=CONTENT.heading("explorer", "compare"))


# ================================================================ 3. one saltatory conduction event

@dataclass(frozen=True)
class EventState:
    """Section 3: a close-up of three nodes while one signal passes (fields set per step in
    the content file)."""

    fires: int = 0  # the node (1-3) firing now: Na+ flows in; 0 for none
    recovers: int = 0  # the node (1-3) recovering: K+ flows out; 0 for none
    hops: int = 0  # jumps the signal has made so far, drawn as arcs
    current_spreads: bool = False  # current spreading inside the axon, under the myelin
    at_rest: bool = False  # notes on the resting nodes and where the K+ channels sit
    energy: bool = False  # where ions cross, and the signal moving on past node 3
    step: str = ""  # the step's id: picks the text under the diagram


E_Y = 16.0
E_THICK = 3.4  # a thick axon: the close-up shows the inside of the axon
E_BAND = 2.4  # each myelin band of the lengthwise cut
E_NODES = (12.0, 50.0, 88.0)
E_HALF = E_THICK / 2 + E_BAND  # half the height of a sheath in the close-up


def _ion(ax, x, kind):
    """An ion arrow under a node: Na+ flowing in (up), K+ flowing out (down)."""
    low, high = 5.8, E_Y - E_HALF - 0.4
    if kind == "na":
        C.arrow(ax, (x, low), (x, high), width=1.8)
        C.text(ax, x, 3.6, "Na\u207a in", bold=True)
    else:
        C.arrow(ax, (x, high), (x, low), width=1.8, dashed=True)
        C.text(ax, x, 3.6, "K\u207a out")


def _cut_sheath(ax, x0, x1):
    """A sheath cut open lengthwise: a band of myelin above and below the axon."""
    for sign in (1, -1):
        A.draw_myelin(ax, x0, x1, E_Y + sign * (E_THICK + E_BAND) / 2, thickness=E_BAND / 3.2)


def _rest_notes(ax):
    C.text(ax, 50.0, 25.5, "myelin drawn cut open lengthwise: the grey axon runs inside it")
    C.text(ax, 31.0, 6.0, "at rest: every node is ready to fire")
    # K+ channels cluster beside the node, under the sheath's edge (juxtaparanode)
    jxp = E_NODES[2] + 2.6
    C.arrow(ax, (jxp - 5.5, 6.6), (jxp, E_Y - E_THICK / 2 + 0.5), width=1.0)
    C.text(ax, jxp - 6.5, 5.2,
           "K\u207a channels sit just beside\neach node, under the sheath's edge", ha="right")


def _energy_notes(ax):
    C.arrow(ax, (E_NODES[2] + 1.5, E_Y), (93.8, E_Y), width=2.0, dashed=True)
    A.draw_signal(ax, 96.4, E_Y, size=1.2)
    for x in E_NODES:
        C.text(ax, x, 5.0, "ions cross\nhere", bold=True)
    for a, b in zip(E_NODES, E_NODES[1:]):
        C.text(ax, (a + b) / 2, 6.0, "hardly any ion flow here")


def draw_event(ax, state):
    A.draw_axon(ax, 1.0, 99.0, E_Y, thickness=E_THICK)
    edges = (1.5,) + E_NODES + (98.5,)
    for a, b in zip(edges, edges[1:]):
        x0 = a if a == edges[0] else a + 0.9
        x1 = b if b == edges[-1] else b - 0.9
        _cut_sheath(ax, x0, x1)
    for i, x in enumerate(E_NODES):
        A.draw_node(ax, x, E_Y, thickness=E_THICK)
        C.text(ax, x, 32.5, f"node {i + 1}")
    top = E_Y + E_HALF + 0.3
    _arcs(ax, [(E_NODES[i], E_NODES[i + 1]) for i in range(state.hops)], top, 7.5)
    if state.current_spreads:
        C.arrow(ax, (E_NODES[0] + 2.8, E_Y), (E_NODES[1] - 1.5, E_Y), width=2.0, dashed=True)
        C.text(ax, 31.0, E_Y + E_HALF + 3.0,
               "current spreads fast inside the axon, under the myelin")
    if state.fires:
        A.draw_signal(ax, E_NODES[state.fires - 1], E_Y, size=1.5)
        _ion(ax, E_NODES[state.fires - 1], "na")
    if state.recovers:
        _ion(ax, E_NODES[state.recovers - 1], "k")
    if state.at_rest:
        _rest_notes(ax)
    if state.energy:
        _energy_notes(ax)


def describe_event(state):
    return f"{CONTENT.text('saltatory_base')} {CONTENT.text('saltatory_' + state.step)}"


EVENT_SCENE = Scene("saltatory_event", draw_event, describe_event, width=100, height=35,
                    legend=("axon", "myelin", "node", "signal"))

EVENT = CONTENT.step_states("saltatory", EventState)
EVENT_STEPS = CONTENT.steps("saltatory", EventState)


def saltatory_story():
    """Storyboard: one saltatory conduction event, step by step."""
    return Storyboard(EVENT_SCENE, EVENT_STEPS, heading=CONTENT.heading("storyboard", "saltatory"))


# ======================================================== 4. remove myelin, sheath by sheath

N_SHEATHS = 5
CREEP_TICKS = 3  # time steps a signal needs to creep across one bare sheath's length
C_Y = 13.0
C_NODES = tuple(14.0 + 15.4 * i for i in range(N_SHEATHS + 1))
C_TOP = C_Y + SHEATH_HALF + 0.3  # where hop arcs start and end


@dataclass(frozen=True)
class ConductionState:
    """Section 4: which sheaths (1..5) have no myelin, and the time step."""

    bare: tuple = ()  # sorted sheath numbers without myelin
    time: int = 0


@dataclass(frozen=True)
class Tick:
    kind: str  # start | hop | creep | renewed | fading | block
    x: float
    sheath: int = 0  # the sheath the signal is on or just crossed


def conduction_path(bare):
    """The signal's position at every time step, in this simplified model.

    A stretch that has just lost its myelin has few Na+ channels, so only nodes
    renew the signal. Over an intact sheath the signal hops to the next node in
    one step. Along one bare sheath current leaks out, so it creeps, taking
    ``CREEP_TICKS`` steps, and the next node renews it. Along two or more bare
    sheaths in a row, the node between them has lost its structure with the
    myelin on both sides, nothing renews the signal over the long leaky stretch,
    and it fades out partway (conduction block). The later spreading of Na+
    channels along the bare axon is left out.
    """
    bare = set(bare)
    ticks = [Tick("start", C_NODES[0])]
    i = 0
    while i < N_SHEATHS:
        k = i + 1
        if k not in bare:
            ticks.append(Tick("hop", C_NODES[i + 1], k))
            i += 1
            continue
        run = 1
        while k + run <= N_SHEATHS and k + run in bare:
            run += 1
        length = C_NODES[i + 1] - C_NODES[i]
        if run == 1:
            for j in range(1, CREEP_TICKS + 1):
                kind = "renewed" if j == CREEP_TICKS else "creep"
                ticks.append(Tick(kind, C_NODES[i] + length * j / CREEP_TICKS, k))
            i += 1
            continue
        for j in range(1, CREEP_TICKS + 2):
            ticks.append(Tick("fading", C_NODES[i] + length * j / CREEP_TICKS,
                              k if j <= CREEP_TICKS else k + 1))
        ticks.append(Tick("block", ticks[-1].x, k + 1))
        break
    return tuple(ticks)


def lost_nodes(bare):
    """Nodes (1..4) with bare axon on both sides: in this model they can no longer work."""
    return tuple(n for n in range(1, N_SHEATHS) if n in bare and n + 1 in bare)


MAX_TIME = max(len(conduction_path([k for k in range(1, N_SHEATHS + 1) if mask >> (k - 1) & 1])) - 1
               for mask in range(2 ** N_SHEATHS))
HEALTHY_ARRIVAL = len(conduction_path(())) - 1


def _now(state):
    path = conduction_path(state.bare)
    return path, path[min(state.time, len(path) - 1)]


def _and(items):
    """['1', '2', '3'] -> '1, 2 and 3'."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _status(state):
    """(short on-canvas status, longer sentence for the description)."""
    path, tick = _now(state)
    t = state.time
    end = path[-1]
    arrived = end.kind in ("hop", "renewed") and end.x == C_NODES[-1] and t >= len(path) - 1
    if arrived:
        when = len(path) - 1
        short = ("it reaches the end of the axon" if t == when
                 else f"it reached the end of the axon at step {when}")
        return (short,
                f"The signal has reached the end of the axon; it arrived at time step {when}.")
    if tick.kind == "block":
        return ("conduction block: the signal fails",
                f"Conduction block: with no node to renew it over the long leaky stretch of "
                f"bare sheaths {tick.sheath - 1} and {tick.sheath}, the signal fades out inside "
                f"sheath {tick.sheath}. It will never arrive.")
    if tick.kind == "start":
        return ("the signal starts at the first node",
                "The signal starts at the first node, next to the cell body.")
    if tick.kind == "hop":
        return ("it jumps from node to node over the myelin",
                f"The signal has just jumped over sheath {tick.sheath} to the next node "
                f"(saltatory conduction).")
    if tick.kind == "creep":
        return (f"it creeps slowly along bare sheath {tick.sheath}",
                f"With no myelin on sheath {tick.sheath}, current leaks out, so the signal "
                f"creeps slowly along the bare axon.")
    if tick.kind == "renewed":
        return (f"across bare sheath {tick.sheath}: the next node renews it",
                f"The signal crept across bare sheath {tick.sheath}, late but strong enough: "
                f"the next node renews it.")
    return ("current leaks away along the bare stretch",
            f"The signal is weakening (smaller star) as current leaks out along bare sheath "
            f"{tick.sheath}.")


def draw_conduction(ax, state):
    bare = set(state.bare)
    lost = lost_nodes(bare)
    A.draw_axon(ax, 9.0, 92.5, C_Y)
    A.draw_neuron(ax, 6.5, C_Y, size=3.0)
    C.line(ax, [92.0, 97.5, np.nan, 92.0, 97.5, np.nan, 92.0, 97.5],  # axon terminals
           [C_Y, C_Y + 3.0, np.nan, C_Y, C_Y, np.nan, C_Y, C_Y - 3.0], width=1.5, z=3)
    for k in range(1, N_SHEATHS + 1):
        x0, x1 = _sheath_span(C_NODES[k - 1], C_NODES[k])
        if k not in bare:
            A.draw_myelin(ax, x0, x1, C_Y)
            C.text(ax, (x0 + x1) / 2, 7.0, f"sheath {k}", colour=style.MUTED)
        else:
            C.text(ax, (x0 + x1) / 2, 6.3, f"sheath {k}:\nno myelin", bold=True)
    tick_x, tick_y = [], []
    for n, x in enumerate(C_NODES):
        if n in lost:  # a node that has lost its structure: scattered grey ticks
            for dx in (-3.5, -1.2, 1.2, 3.5):
                tick_x += [x + dx, x + dx, np.nan, x + dx * 0.8, x + dx * 0.8, np.nan]
                tick_y += [C_Y + 1.0, C_Y + 1.9, np.nan, C_Y - 1.0, C_Y - 1.9, np.nan]
        else:
            A.draw_node(ax, x, C_Y)
    if tick_x:
        C.line(ax, tick_x, tick_y, colour=style.GREY, width=1.3)
    # the path so far
    path, tick = _now(state)
    seen = path[: min(state.time, len(path) - 1) + 1]
    creep_x, creep_y, hops = [], [], []
    for prev, cur in zip(seen, seen[1:]):
        if cur.kind == "hop":
            hops.append((prev.x, cur.x))
        elif cur.kind in ("creep", "renewed", "fading"):
            if not creep_x or creep_x[-1] != prev.x:
                if creep_x:
                    creep_x.append(np.nan)
                    creep_y.append(np.nan)
                creep_x.append(prev.x)
                creep_y.append(C_Y)
            creep_x.append(cur.x)
            creep_y.append(C_Y)
    _arcs(ax, hops, C_TOP, 6.0)
    if creep_x:
        C.line(ax, creep_x, creep_y, colour=TRAIL_COLOUR, width=3.2, dash=(0, (1, 1.4)), z=6)
    if tick.kind == "block":
        A.draw_block(ax, tick.x, C_Y, size=1.6)
    else:
        if tick.kind == "fading":
            fade = sum(1 for t in seen if t.kind == "fading")
            size = 1.25 - 0.12 * fade
        else:
            size = 1.15 if tick.kind == "creep" else 1.5
        A.draw_signal(ax, tick.x, C_Y, size=size)
    short, _ = _status(state)
    C.text(ax, 50.0, 31.5, f"Time step {state.time}: {short}", bold=True)
    if bare:
        C.text(ax, 50.0, 27.8,
               f"(with all its myelin, this axon delivers the signal at time " f"step {HEALTHY_ARRIVAL})",
               colour=style.MUTED)
    else:
        C.text(ax, 50.0, 27.8, "all myelin intact", colour=style.MUTED)


def describe_conduction(state):
    bare = sorted(state.bare)
    text = ("A neuron on the left sends its axon to the right, wrapped in five myelin sheaths "
            "with a node of Ranvier at each gap. ")
    if not bare:
        text += "Every sheath is intact. "
    elif len(bare) == N_SHEATHS:
        text += ("All five sheaths have lost their myelin: the axon is bare. Unlike the "
                 "naturally unmyelinated axon of section 1, a freshly bare axon has few sodium "
                 "channels along its length. ")
    elif len(bare) == 1:
        text += f"Sheath {bare[0]} has no myelin (bare axon). "
    else:
        text += f"Sheaths {_and(bare)} have no myelin (bare axon). "
    lost = lost_nodes(bare)
    if lost:
        if len(lost) == 1:
            text += (f"The node between bare sheaths {lost[0]} and {lost[0] + 1} has lost its "
                     f"structure, because the myelin on both sides is gone (drawn as scattered "
                     f"grey ticks): in this model it cannot renew the signal. ")
        else:
            pairs = [f"between {'sheaths ' if i == 0 else ''}{n} and {n + 1}"
                     for i, n in enumerate(lost)]
            text += (f"The nodes with bare axon on both sides ({', '.join(pairs[:-1])}, "
                     f"and {pairs[-1]}) have lost their structure, because the myelin on both "
                     f"sides is gone (drawn as scattered grey ticks): in this model they cannot "
                     f"renew the signal. ")
    _, sentence = _status(state)
    text += f"Time step {state.time}. {sentence} "
    path, tick = _now(state)
    seen = path[: min(state.time, len(path) - 1) + 1]
    if tick.kind != "block":
        text += "The nerve signal is the orange star. "
    marks = []
    if any(t.kind == "hop" for t in seen):
        marks.append("arcs mark its jumps")
    if any(t.kind in ("creep", "renewed", "fading") for t in seen):
        marks.append("a dotted line marks where it crept")
    if marks:
        text += _and(marks).capitalize() + ". "
    if bare:
        text += (f"With all its myelin, this axon delivers the signal at time step "
                 f"{HEALTHY_ARRIVAL}.")
    return text.strip()


CONDUCTION_SCENE = Scene("conduction", draw_conduction, describe_conduction, width=100,
                         height=34, legend=("neuron", "axon", "myelin", "node", "signal", "block"))


def _conduction_state(values):
    bare = tuple(k for k in range(1, N_SHEATHS + 1) if values[f"strip{k}"])
    return ConductionState(bare=bare, time=values["time"])


def conduction_explorer():
    """Explorer: strip myelin sheath by sheath and move the signal along in time."""
    time = w.IntSlider(value=0, min=0, max=MAX_TIME, step=1, description="Time step",
                       continuous_update=False, style={"description_width": "initial"},
                       layout=w.Layout(width="420px"))
    controls = {"time": time}
    for k in range(1, N_SHEATHS + 1):
        controls[f"strip{k}"] = w.Checkbox(value=False, description=f"Remove sheath {k}",
                                           indent=False, layout=w.Layout(width="auto"))
    return Explorer(CONDUCTION_SCENE, controls, make_state=_conduction_state,
                    heading=CONTENT.heading("explorer", "conduction"),
                    note=CONTENT.text("conduction_note"))


# ======================================================== 5. OPCs: a lifelong source of new myelin

@dataclass(frozen=True)
class OpcState:
    """Section 5: OPCs in the adult tissue, and how one becomes a myelinating cell (fields
    set per step in the content file)."""

    opcs: Literal["waiting", "dividing", "one_matured"] = "waiting"
    new_sheath: bool = False  # the new oligodendrocyte has wrapped the bare stretch
    signal_jumps: bool = False  # a signal jumps over the new sheath
    step: str = ""  # the step's id: picks the text under the diagram


P_Y = 9.0
P_NODES = (30.0, 70.0)


def _matured(ax, state):
    """One OPC stays; the other has become an oligodendrocyte, perhaps wrapping a sheath."""
    A.draw_opc(ax, 40.0, 25.0)
    targets = [(50.0, P_Y + SHEATH_HALF)] if state.new_sheath else []
    A.draw_oligodendrocyte(ax, 58.0, 25.0, targets=targets)
    if state.new_sheath:
        A.draw_myelin(ax, P_NODES[0] + 0.55, P_NODES[1] - 0.55, P_Y)
    if state.signal_jumps:
        label = "the new sheath carries the signal"
    elif state.new_sheath:
        label = "the new oligodendrocyte wraps a new sheath"
    else:
        label = "one matures into an oligodendrocyte (O)"
    C.text(ax, 58.0, 31.5, label, bold=True)


def draw_opc_story(ax, state):
    A.draw_axon(ax, 1.0, 99.0, P_Y)
    A.draw_myelin(ax, 2.0, P_NODES[0] - 0.55, P_Y)
    A.draw_myelin(ax, P_NODES[1] + 0.55, 98.0, P_Y)
    for x in P_NODES:
        A.draw_node(ax, x, P_Y)
    A.draw_oligodendrocyte(ax, 14.0, 25.0, targets=[(16.0, P_Y + SHEATH_HALF)])
    C.text(ax, 14.0, 31.5, "an existing oligodendrocyte", colour=style.MUTED)
    A.draw_opc(ax, 88.0, 25.0)
    if state.opcs == "waiting":
        A.draw_opc(ax, 50.0, 25.0)
        C.text(ax, 50.0, 31.5, "OPCs are spread through the tissue", colour=style.INK)
    elif state.opcs == "dividing":
        A.draw_opc(ax, 43.0, 25.0)
        A.draw_opc(ax, 57.0, 25.0)
        C.text(ax, 50.0, 31.5, "an OPC divides: one becomes two", bold=True)
    else:
        _matured(ax, state)
    if not state.new_sheath:
        C.text(ax, 50.0, P_Y - 5.0, "a stretch of axon without myelin", colour=style.MUTED)
    elif not state.signal_jumps:
        C.text(ax, 50.0, P_Y - 5.0, "new myelin", bold=True)
    if state.signal_jumps:
        top = P_Y + SHEATH_HALF + 0.3
        _arc(ax, P_NODES[0], P_NODES[1], top, 5.5)
        A.draw_signal(ax, P_NODES[1], P_Y, size=1.4)
        C.text(ax, 50.0, P_Y - 5.0, "the signal jumps over the new sheath", bold=True)


def describe_opc_story(state):
    return f"{CONTENT.text('opc_base')} {CONTENT.text('opc_' + state.step)}"


OPC_SCENE = Scene("opc_story", draw_opc_story, describe_opc_story, width=100, height=34,
                  legend=("axon", "myelin", "node", "oligodendrocyte", "opc", "signal"))

OPC = CONTENT.step_states("opc", OpcState)
OPC_STEPS = CONTENT.steps("opc", OpcState)


def opc_story():
    """Storyboard: an OPC divides, matures and wraps a new sheath."""
    return Storyboard(OPC_SCENE, OPC_STEPS, heading=CONTENT.heading("storyboard", "opc"))


# ================================================================ 6. myelin keeps the axon alive

@dataclass(frozen=True)
class SupportState:
    """Section 6: the axon with its myelin and oligodendrocyte, or without them."""

    condition: str = "healthy"  # healthy | lost | long


SUPPORT_CHOICES = (
    ("Myelin intact", "healthy"),
    ("Myelin just lost", "lost"),
    ("Myelin lost for a long time", "long"),
)
S_Y = 12.0
S_THICK = 2.2
S_HALF = S_THICK / 2 + S_THICK * 1.1
S_NODES = (30.0, 64.0)
S_O = (16.0, 27.0)


def draw_support(ax, state):
    c = state.condition
    nodes = S_NODES
    right = ((nodes[0] + 0.6, nodes[1] - 0.6), (nodes[1] + 0.6, 98.0))
    top = S_Y + S_HALF + 0.3
    if c == "healthy":
        A.draw_axon(ax, 1.0, 99.0, S_Y, thickness=S_THICK)
        A.draw_myelin(ax, 2.0, nodes[0] - 0.6, S_Y, thickness=S_THICK)
        A.draw_oligodendrocyte(ax, *S_O, targets=[(S_O[0], S_Y + S_HALF)])
        C.arrow(ax, (11.5, 24.5), (11.5, S_Y + S_HALF + 0.4), width=2.0)
        C.text(ax, 10.0, 20.0, "lactate\n(fuel)", ha="right", bold=True)
        _arc(ax, nodes[0], nodes[1], top, 6.0)
        A.draw_signal(ax, nodes[1], S_Y, size=1.5)
        C.text(ax, 47.0, 5.0, "fast signal, well-fed axon", bold=True)
        status = "Myelin intact: the axon is fed, and the signal jumps"
    elif c == "lost":
        A.draw_axon(ax, nodes[0] - 1.0, 99.0, S_Y, thickness=S_THICK)
        # the bare stretch is stressed: swollen in places
        for x0, x1, thick in ((1.0, 7.0, S_THICK), (7.0, 10.0, S_THICK * 1.5),
                              (10.0, 17.0, S_THICK), (17.0, 20.0, S_THICK * 1.5),
                              (20.0, nodes[0] - 0.9, S_THICK)):
            A.draw_axon(ax, x0, x1, S_Y, thickness=thick)
        C.line(ax, [2.0, 14.0], [S_Y, S_Y], colour=TRAIL_COLOUR, width=3.2, dash=(0, (1, 1.4)), z=6)
        A.draw_signal(ax, 14.0, S_Y, size=1.15)
        C.text(ax, 1.0, 24.0,
               "myelin gone, and with it the fuel its oligodendrocyte\n" "supplied: the axon is stressed (swollen in places)",
               ha="left", bold=True)
        C.text(ax, 15.0, 5.0, "slow signal", bold=True)
        status = "Myelin just lost: slow (or blocked) signal, axon short of energy"
    else:
        A.draw_axon(ax, 1.0, 12.5, S_Y, thickness=S_THICK)
        A.draw_block(ax, 15.0, S_Y, size=1.5)
        for x0, x1 in ((17.5, 24.0), (25.5, 37.0), (38.5, 52.0), (53.5, 66.0), (67.5, 80.0),
                       (81.5, 93.0), (94.5, 99.0)):
            A.draw_axon(ax, x0, x1, S_Y, thickness=S_THICK * 0.8)
        for x0, x1 in right:
            A.draw_myelin(ax, x0, x1, S_Y, thickness=S_THICK, kind="damaged")
        C.text(ax, 1.0, 24.0, "the axon has broken:\nthe signal fails here, for good", ha="left",
               bold=True)
        C.text(ax, 58.0, 4.0, "beyond the break, the axon and its myelin fall apart", bold=True)
        status = "Myelin lost for a long time: the axon degenerates"
    if c != "long":
        for x in nodes:
            A.draw_node(ax, x, S_Y, thickness=S_THICK)
        for x0, x1 in right:
            A.draw_myelin(ax, x0, x1, S_Y, thickness=S_THICK)
    C.text(ax, 99.0, 32.5, status, ha="right", bold=True)


def describe_support(state):
    return CONTENT.text("support_" + state.condition)


SUPPORT_SCENE = Scene("axon_support", draw_support, describe_support, width=100, height=35,
                      legend=("axon", "myelin", "damaged_myelin", "node", "oligodendrocyte",
                              "signal", "block"))


def support_explorer():
    """Explorer: the axon with and without its myelin, over time."""
    choice = w.ToggleButtons(options=SUPPORT_CHOICES, value="healthy", description="Myelin",
                             style={"button_width": "auto"})
    return Explorer(SUPPORT_SCENE, {"condition": choice},
                    make_state=lambda v: SupportState(v["condition"]),
                    heading=CONTENT.heading("explorer", "support"))


# ================================================================ self-check

QUESTIONS = CONTENT.questions()


def self_check():
    """The lesson's self-check quiz."""
    return Quiz(QUESTIONS, heading=CONTENT.heading("quiz", "self_check"))


# ================================================================ static exports

FIGURES = (
    FigureSpec("01-signal-journey", JOURNEY_SCENE, JOURNEY["travels"],
               "A signal crawling along an axon without myelin"),
    FigureSpec("01-cns-vs-pns", COMPARE_SCENE, CompareState("oligodendrocyte"),
               "One oligodendrocyte makes many sheaths; one Schwann cell makes one"),
    FigureSpec("01-cns-vs-pns-ms", COMPARE_SCENE, CompareState("ms"),
               "MS attacks myelin in the CNS and spares peripheral nerves"),
    FigureSpec("01-saltatory-rest", EVENT_SCENE, EVENT["rest"],
               "Nodes at rest: Na+ channels in the node, K+ channels just beside it"),
    FigureSpec("01-saltatory-event", EVENT_SCENE, EVENT["node2_fires"],
               "Saltatory conduction: node 2 fires, node 1 recovers"),
    FigureSpec("01-saltatory-energy", EVENT_SCENE, EVENT["energy"],
               "Why saltatory conduction saves energy"),
    FigureSpec("01-conduction-healthy", CONDUCTION_SCENE, ConductionState((), 3),
               "Healthy myelin: the signal jumps from node to node"),
    FigureSpec("01-conduction-one-bare", CONDUCTION_SCENE, ConductionState((3,), 5),
               "One sheath without myelin: the signal creeps across, late"),
    FigureSpec("01-conduction-block", CONDUCTION_SCENE, ConductionState((3, 4), MAX_TIME),
               "Two bare sheaths in a row: conduction block"),
    FigureSpec("01-opc-new-sheath", OPC_SCENE, OPC["wraps"],
               "An OPC-derived oligodendrocyte wraps a new sheath"),
    FigureSpec("01-axon-support-healthy", SUPPORT_SCENE, SupportState("healthy"),
               "The oligodendrocyte feeds the axon it wraps"),
    FigureSpec("01-axon-support-lost", SUPPORT_SCENE, SupportState("lost"),
               "Myelin just lost: slow signal, stressed axon"),
    FigureSpec("01-axon-support-long", SUPPORT_SCENE, SupportState("long"),
               "Myelin lost for a long time: the axon degenerates"),
)
