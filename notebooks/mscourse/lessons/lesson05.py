"""Lesson 05, mechanism 3: anti-inflammatory effects.

The signals mesenchymal stromal cells (MSCs) are proposed to send, switched on
one at a time; AHSCT's very different route (removing the immune cells); where
infused MSCs really go; and the gap between mouse (EAE) results and the MESEMS
trial in people.

The teaching text (signals table, step titles and captions, explorer notes,
descriptions, quiz and references) lives in ``content/lesson05.toml``; this
module pairs it with states and draws them.
"""

from dataclasses import dataclass
from typing import Literal

import re

import ipywidgets as w

from .. import actors as A
from .. import content, style
from ..evidence import LEVELS, draw_evidence, evidence_html, level
from .. import canvas as C
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Quiz, Step, Storyboard

CONTENT = content.for_module(__name__)

MSC_INK = A.ACTORS["msc"].ink  # the MSC's olive, darkened: arrows for MSC signals
T_INK = A.ACTORS["t_cell"].colour  # the T cell's own vermillion (its ink would pass for the MSC's): the licensing signal from T cells
FADED = style.GREY  # a signal switched on that cannot act yet (dashed as well)


# ---------------------------------------------------------------- text from the content file

def _fill(text):
    """``{marker:key}`` becomes the evidence badge, ``{level:key}`` the marker's words."""
    text = re.sub(r"\{marker:(\w+)\}", lambda m: evidence_html(m.group(1)), text)
    return re.sub(r"\{level:(\w+)\}", lambda m: level(m.group(1)).label, text)


def _text(key):
    return _fill(CONTENT.text(key))


def _steps(name, states):
    return tuple(Step(s.title, _fill(s.caption), s.state) for s in CONTENT.steps(name, states))


# ---------------------------------------------------------------- this lesson's own pictures

def _damaged_axon(ax, x0, x1, y, lesion=(None, None), seg_len=11.0):
    """An axon with intact myelin outside the lesion and damaged myelin inside it.

    Nodes of Ranvier are drawn only between two intact sheaths. Returns True if
    any node was drawn (descriptions then name them).
    """
    A.draw_axon(ax, x0, x1, y)
    l0, l1 = lesion
    n = max(1, round((x1 - x0 - 2) / seg_len))
    seg = (x1 - x0 - 2) / n
    kinds = []
    for i in range(n):
        a, b = x0 + 1 + i * seg, x0 + 1 + (i + 1) * seg
        inside = l0 is not None and b > l0 and a < l1
        kinds.append("damaged" if inside else "intact")
        A.draw_myelin(ax, a + 0.5, b - 0.5, y, kind=kinds[-1])
    nodes = False
    for i in range(1, n):
        if kinds[i - 1] == kinds[i] == "intact":
            A.draw_node(ax, x0 + 1 + i * seg, y)
            nodes = True
    return nodes


# ================================================================ 1. the MSC signals

@dataclass(frozen=True)
class Signal:
    """One proposed MSC signal: what it is, what it acts on, how good the evidence is."""

    key: str
    button: str  # the toggle's label
    name: str  # the name in descriptions
    target: str  # what it acts on, in words
    effect: str  # what it does, one plain clause
    evidence: str  # an evidence.LEVELS key
    needs: str = ""  # another signal that must act first ("" = only licensing)
    unlicensed: bool = False  # found to act without licensing signals (TGF-β)
    where: str = ""  # where the evidence comes from, if not an MS model

    @property
    def short(self):
        """The name on the diagram's evidence board."""
        return {"licensing": "Licensing", "shift": "Macrophage shift"}.get(self.key, self.button)


SIGNALS = tuple(Signal(**row) for row in CONTENT.table("signals"))
SIGNAL_KEYS = tuple(s.key for s in SIGNALS)
BY_KEY = {s.key: s for s in SIGNALS}


@dataclass(frozen=True)
class SignalState:
    on: tuple = ()  # keys of the signals switched on, in SIGNALS order


def status(state, key):
    """'off', 'acting', or why a switched-on signal cannot act yet."""
    if key not in state.on:
        return "off"
    if key == "licensing" or BY_KEY[key].unlicensed:
        return "acting"
    if "licensing" not in state.on:
        return "the MSC is not licensed"
    need = BY_KEY[key].needs
    if need and need not in state.on:
        return f"it needs {BY_KEY[need].button} first"
    return "acting"


# positions on the signal diagram (the evidence board sits below the axon)
DY = -13.5  # the diagram is drawn this far below its design coordinates
MSC_XY = (12.0, 50.0 + DY)
T_CELLS = ((79.0, 61.0 + DY), (84.5, 63.0 + DY), (85.5, 57.5 + DY))
TREG_XY = (80.0, 48.0 + DY)
NEW_TREG_XY = (71.0, 46.0 + DY)  # drawn when HLA-G5 acts
MAC_XY = (80.0, 36.5 + DY)
BOARD_TOP = 9.4
ROW_H = 4.6


def _p(x, y):
    """A point given in design coordinates, shifted onto the canvas."""
    return (x, y + DY)


def _signal_arrow(ax, state, key, p0, p1, kind, label, label_xy, rad=0.0, colour=MSC_INK):
    st = status(state, key)
    if st == "off":
        return
    acting = st == "acting"
    C.arrow(ax, _p(*p0), _p(*p1), kind=kind, colour=colour if acting else FADED, dashed=not acting,
            rad=rad)
    # labels sit beside their arrows, not on them: no white backing to draw
    C.text(ax, *_p(*label_xy), label, colour=style.INK if acting else style.MUTED, bold=acting)


def _macrophage_label(acting):
    if "pge2" in acting and "shift" in acting:
        return "pro-repair,\nmaking IL-10"
    if "pge2" in acting:
        return "making\nIL-10"
    if "shift" in acting:
        return "pro-repair"
    return "attacking"


def draw_signals(ax, state):
    acting = {k for k in SIGNAL_KEYS if status(state, k) == "acting"}
    # the lesion: an axon with damaged myelin and the cells of the inflammation
    _damaged_axon(ax, 44, 99, 31.5 + DY, lesion=(67, 99))
    C.text(ax, *_p(33, 31.5), "inflamed lesion")
    for x, y in T_CELLS:
        A.draw_t_cell(ax, x, y)
    C.text(ax, *_p(93.5, 66.5), "effector\nT cells")
    A.draw_t_cell(ax, *TREG_XY, size=2.3, tag="reg")
    more = "hlag5" in acting
    if more:
        A.draw_t_cell(ax, *NEW_TREG_XY, size=2.3, tag="reg")
    C.text(ax, *_p(91.5, 48.0), "more\nTregs" if more else "few\nTregs")
    A.draw_macrophage(ax, *MAC_XY, size=2.6, eating="shift" in acting)
    C.text(ax, *_p(92.5, 37.5), _macrophage_label(acting))
    A.draw_msc(ax, *MSC_XY, size=3.2)
    licensed = "licensing" in acting
    C.text(ax, *_p(12.0, 45.0), "licensed" if licensed else "not licensed",
           colour=style.INK if licensed else style.MUTED, bold=licensed)
    mx, my = 12.0, 50.0  # design coordinates of the MSC
    _signal_arrow(ax, state, "licensing", (77.0, 63.5), (mx + 1.0, my + 2.2), "act",
                  "IFN-γ", (50.0, 67.3), rad=0.18, colour=T_INK)
    _signal_arrow(ax, state, "ido", (mx + 5.6, my + 0.6), (76.6, 60.6), "inh", "IDO", (32.0, 55.4))
    _signal_arrow(ax, state, "tgfb", (mx + 5.6, my), (83.0, 55.6), "inh", "TGF-β", (66.0, 56.4))
    _signal_arrow(ax, state, "hlag5", (mx + 5.6, my - 0.4),
                  (68.5, 46.2) if more else (77.5, 48.0), "act", "HLA-G5", (50.0, 49.9))
    _signal_arrow(ax, state, "treg", (79.0, 50.3), (80.0, 58.4), "inh", "Tregs", (74.0, 52.6))
    _signal_arrow(ax, state, "pge2", (mx + 5.0, my - 1.0), (77.3, 37.3), "act", "PGE2",
                  (38.0, 42.6))
    _signal_arrow(ax, state, "il10", (82.6, 38.6), (85.6, 55.5), "inh", "IL-10", (88.2, 44.4))
    if not state.on:
        C.text(ax, *_p(44.0, 60.0), "no signal on: the MSC is idle", colour=style.MUTED)
    # the evidence board: one row per evidence level among the signals switched on
    C.line(ax, [1, 99], [BOARD_TOP + 2.6, BOARD_TOP + 2.6], colour=style.LIGHT_GREY, width=1.0)
    if not state.on:
        C.text(ax, 50, BOARD_TOP - 2.3, "Evidence markers appear here.", colour=style.MUTED)
    for row, (key, names) in enumerate(_board_rows(state)):
        y = BOARD_TOP - row * ROW_H
        draw_evidence(ax, 1.5, y - 1.1, key, width=6.0, label=False)
        C.text(ax, 8.3, y - 0.2, f"evidence: {level(key).label} – {', '.join(names)}", ha="left")


def _board_rows(state):
    """(evidence key, names) for each evidence level among the signals switched on."""
    rows = {}
    for sig in SIGNALS:
        st = status(state, sig.key)
        if st != "off":
            name = sig.short + ("" if st == "acting" else " (waiting)")
            rows.setdefault(sig.evidence, []).append(name)
    order = [lv.key for lv in LEVELS]
    return sorted(rows.items(), key=lambda kv: order.index(kv[0]))


def describe_signals(state):
    parts = [_text("signals_scene")]
    acting = [s for s in SIGNALS if status(state, s.key) == "acting"]
    waiting = [s for s in SIGNALS if status(state, s.key) not in ("off", "acting")]
    if not state.on:
        parts.append(_text("signals_idle"))
    for s in acting:
        ev = f"(evidence: {level(s.evidence).label}{', ' + s.where if s.where else ''})"
        if s.key == "licensing":
            parts.append(f"Licensing: {s.effect} {ev}.")
        elif s.key == "shift":
            parts.append(f"Macrophage shift, {s.effect} {ev}.")
        else:
            verb = "act" if s.key == "treg" else "acts"
            parts.append(f"{s.short} {verb} on {s.target}: {s.effect} {ev}.")
    for s in waiting:
        parts.append(f"{s.short} is switched on but dashed and grey: {status(state, s.key)}.")
    if waiting and "licensing" not in state.on:
        parts.append(_text("signals_unlicensed"))
    brakes = [s for s in acting if s.target == "the effector T cells"]
    if brakes:
        parts.append(f"The T cells are now held back by {len(brakes)} "
                     f"signal{'s' if len(brakes) > 1 else ''}.")
    if acting and any(s.key != "licensing" for s in acting):
        parts.append(_text("signals_onward"))
    return " ".join(parts)


SIGNAL_SCENE = Scene("msc_signals", draw_signals, describe_signals, width=100, height=56,
                     legend=("msc", "t_cell", "macrophage", "axon", "myelin", "damaged_myelin",
                             "node"))


def _signal_state(values):
    return SignalState(on=tuple(k for k in SIGNAL_KEYS if values[k]))


SIGNAL_NOTE = _text("signal_note")

def signal_explorer():
    """Explorer: switch the proposed MSC signals on one at a time."""
    controls = {
        s.key: w.ToggleButton(value=False, description=s.button, icon="check",
                              tooltip=f"Switch {s.name} on or off",
                              layout=w.Layout(width="auto"))
        for s in SIGNALS
    }
    return Explorer(SIGNAL_SCENE, controls, make_state=_signal_state,
                    heading=CONTENT.heading("explorer", "signals"), note=SIGNAL_NOTE)

# ================================================================ 2. two routes: signalling or removal

@dataclass(frozen=True)
class ApproachState:
    approach: str = "none"  # "none", "msc" or "ahsct"


APPROACHES = (
    ("Untreated", "none"),
    ("MSC signalling", "msc"),
    ("AHSCT ablation", "ahsct"),
)

VESSEL_Y = 45.0
BLOOD_CELLS = ((22.0, "t"), (34.0, "b"), (62.0, "t"), (76.0, "b"))
TISSUE_CELLS = ((44.0, 31.0, "t"), (57.0, 29.0, "t"), (51.0, 35.0, "b"))


def _cell(ax, x, y, kind, tag=""):
    if kind == "t":
        A.draw_t_cell(ax, x, y, tag=tag)
    else:
        A.draw_b_cell(ax, x, y)


def draw_approach(ax, state):
    a = state.approach
    inflamed = a in ("none", "msc")
    A.draw_vessel(ax, 1, 99, VESSEL_Y, height=8, leaky_at=(50.0,) if inflamed else ())
    C.text(ax, 4.5, VESSEL_Y, "blood", colour=style.INK)
    C.text(ax, 93.0, VESSEL_Y - 6.2, "barrier " + ("leaky" if inflamed else "sealed"),
           colour=style.INK)
    _damaged_axon(ax, 3, 97, 15.0, lesion=(36, 70))
    C.text(ax, 3.0, 21.0, "brain tissue", ha="left")
    if inflamed:
        for x, kind in BLOOD_CELLS:
            _cell(ax, x, VESSEL_Y, kind)
        for x, y, kind in TISSUE_CELLS:
            _cell(ax, x, y, kind)
        C.arrow(ax, (50.0, VESSEL_Y - 2.5), (50.5, 38.0), colour=style.INK)
        A.draw_macrophage(ax, 64.0, 21.0, size=2.6, eating=(a == "none"))
        C.text(ax, 75.0, 25.5, "attacking myelin" if a == "none" else "calmer? (mice only)")
    if a == "none":
        C.text(ax, 30.0, 30.0, "immune cells cross\nand attack", ha="center")
    if a == "msc":
        A.draw_msc(ax, 11.5, VESSEL_Y, size=2.2)
        C.text(ax, 2.0, 33.5, "MSC in the blood:\nwhere does it go?", ha="left")
        for target in ((42.0, 31.8), (55.0, 29.8), (61.4, 22.4)):
            C.arrow(ax, (13.0, VESSEL_Y - 2.6), target, kind="inh", colour=MSC_INK, dashed=True)
        C.note(ax, 27.0, 37.6, "signals (proposed)")
        C.text(ax, 33, 3.0, "MSC signalling: the cells stay, damped.")
        draw_evidence(ax, 64.0, 1.6, "animal", width=7.0)
    if a == "ahsct":
        for x, kind in BLOOD_CELLS:
            if x == 62.0:
                A.draw_t_cell(ax, x, VESSEL_Y, tag="8")  # a surviving CD8 clone
            else:
                C.ghost(ax, x, VESSEL_Y)
        for x, y, kind in TISSUE_CELLS:
            if kind == "b":
                A.draw_b_cell(ax, x, y)  # antibody-producing cells in the CNS often persist
            else:
                C.ghost(ax, x, y)
        A.draw_hsc(ax, 11.5, VESSEL_Y)
        C.text(ax, 3.0, 36.0, "reinfused HSCs rebuild\nblood and immune cells", ha="left")
        C.note(ax, 62.0, 39.3, "a few old cells survive")
        A.draw_macrophage(ax, 64.0, 21.0, size=2.4, resting=True)
        C.text(ax, 75.0, 25.5, "microglia calmer")
        C.text(ax, 33, 3.0, "AHSCT: dashed circles = removed cells.")
        draw_evidence(ax, 64.0, 1.6, "rct", width=7.0)


def describe_approach(state):
    return " ".join([_text("approach_scene"), _text(f"approach_{state.approach}")])

APPROACH_SCENE = Scene("approach", draw_approach, describe_approach, width=100, height=50,
                       legend=("vessel", "t_cell", "b_cell", "macrophage", "microglia", "msc", "hsc",
                               "axon", "myelin", "damaged_myelin", "node"))


APPROACH_NOTE = _text("approach_note")

def approach_explorer():
    """Explorer: untreated lesion, MSC signalling, or AHSCT ablation."""
    choice = w.ToggleButtons(options=APPROACHES, value="none", description="Approach",
                             tooltips=["No treatment: active inflammation",
                                       "MSCs send calming signals (proposed)",
                                       "AHSCT removes most immune cells"],
                             style={"description_width": "initial"})
    return Explorer(APPROACH_SCENE, {"approach": choice},
                    make_state=lambda v: ApproachState(v["approach"]),
                    heading=CONTENT.heading("explorer", "approach"), note=APPROACH_NOTE)


# ================================================================ 3. where infused MSCs go

@dataclass(frozen=True)
class RouteState:
    """Section 3: where infused MSCs go. Each step's fields are set in the content file
    (``[[storyboard.route.step]]``, ``state = { ... }``)."""

    mscs: Literal["in_drip", "in_lungs", "gone"] = "in_drip"
    lungs_named: bool = True  # False: the middle box is a '?' (predict where they go)
    few_arrive: bool = False  # most are trapped in the lungs; few, if any, reach the brain
    dying: bool = False  # the trapped MSCs die within days; phagocytes engulf them
    lung_signals: bool = False  # signals sent from the lungs (mice), not shown in MS
    step: str = ""  # the step's id: picks the text under the diagram


VEIN = (2.0, 22.0)
LUNGS = (27.0, 61.0)
BRAIN = (66.0, 98.0)
BOX_Y = (9.0, 38.0)
LUNG_MSCS = ((35.0, 30.0), (47.0, 30.0), (38.0, 22.0), (50.0, 22.0))


def _route_map(ax, lungs_named):
    """The three places, the vessels and the lesion, and the way from the vein to the lungs."""
    y0, y1 = BOX_Y
    for (x0, x1), label in ((VEIN, "arm vein (drip)"), (LUNGS, "lungs" if lungs_named else "?"),
                            (BRAIN, "brain and spinal cord")):
        C.box(ax, x0, y0, x1, y1, fill="none", edge=style.MUTED, width=1.2, rounding=2.0)
        C.text(ax, (x0 + x1) / 2, y1 + 2.0, label, bold=True)
    A.draw_vessel(ax, VEIN[0] + 1, VEIN[1] - 1, 25.0, height=7)
    A.draw_vessel(ax, LUNGS[0] + 2, LUNGS[1] - 2, 30.0, height=5)
    A.draw_vessel(ax, LUNGS[0] + 2, LUNGS[1] - 2, 22.0, height=5)
    C.text(ax, 44.0, 13.5, "tiny lung vessels" if lungs_named else "tiny vessels",
           colour=style.MUTED)
    _damaged_axon(ax, BRAIN[0] + 2, BRAIN[1] - 2, 20.0, lesion=(77, 96), seg_len=7.0)
    A.draw_t_cell(ax, 75.0, 30.0)
    C.text(ax, 88.5, 30.0, "the lesion", colour=style.MUTED)
    C.arrow(ax, (VEIN[1] + 0.3, 25.0), (LUNGS[0] - 0.3, 26.0), colour=style.INK)


def _lung_signals(ax):
    C.arrow(ax, (50.5, 31.6), (72.8, 30.6), kind="inh", colour=MSC_INK, dashed=True, rad=-0.12)
    C.note(ax, 77.0, 35.3, "TSG-6 (heart model)")
    C.arrow(ax, (58.0, 16.5), (73.6, 28.4), kind="inh", colour=MSC_INK, dashed=True)
    C.note(ax, 82.0, 25.6, "calming?\n(not shown in MS)")
    C.text(ax, 30.0, 4.5, "signals from the lungs (mice):", ha="left")
    draw_evidence(ax, 62.0, 2.6, "animal", width=6.5)


def draw_route(ax, state):
    _route_map(ax, state.lungs_named)
    if state.mscs == "in_drip":
        for x in (7.0, 15.0):
            A.draw_msc(ax, x, 25.0, size=1.9)
        C.text(ax, 12.0, 15.0, "MSCs go in\nthrough a drip")
    if state.mscs == "in_lungs":
        for x, y in LUNG_MSCS:
            A.draw_msc(ax, x, y, size=1.9)
            if state.dying:
                C.ring(ax, x, y, 3.2, width=1.3, dash=(0, (1.5, 1.5)), z=8)
    if state.few_arrive:
        C.text(ax, 44.0, 4.5, "most are trapped here", bold=True)
        C.arrow(ax, (LUNGS[1] + 0.3, 26.0), (BRAIN[0] - 0.3, 26.0), colour=FADED, dashed=True)
        C.text(ax, 82.0, 4.5, "few, if any, arrive")
        draw_evidence(ax, 2.0, 2.0, "animal", width=6.5)
    if state.dying or state.lung_signals:  # a phagocyte among the trapped cells
        A.draw_macrophage(ax, 56.0, 15.5, size=2.0)
    if state.dying:
        C.text(ax, 44.0, 4.5, "dotted rings: dying within days; phagocytes (M) engulf them")
    if state.lung_signals:
        _lung_signals(ax)
    if state.mscs == "gone":
        C.text(ax, 82.0, 4.5, "no MSCs rebuilding myelin here", bold=True)
        C.text(ax, 44.0, 4.5, "the MSCs are gone")


def describe_route(state):
    if state.mscs == "in_drip":
        return _text("route_start")
    return " ".join([_text("route_scene"), _text(f"route_{state.step}")])

ROUTE_SCENE = Scene("msc_route", draw_route, describe_route, width=100, height=42,
                    legend=("msc", "vessel", "macrophage", "t_cell", "axon", "myelin",
                            "damaged_myelin"))

ROUTE = CONTENT.step_states("route", RouteState)  # {step id: state}, from the content file
ROUTE_STEPS = _steps("route", RouteState)

def msc_route():
    """Storyboard: where intravenously infused MSCs go."""
    return Storyboard(ROUTE_SCENE, ROUTE_STEPS, heading=CONTENT.heading("storyboard", "route"))


# ================================================================ 4. mice versus people

@dataclass(frozen=True)
class ModelState:
    """Section 4: mice with EAE (left) beside people in the MESEMS trial (right). Each step's
    fields are set in the content file (``[[storyboard.model.step]]``, ``state = { ... }``)."""

    mice: Literal["attacked", "treated"] = "attacked"  # EAE made, or MSCs given early
    people: Literal["", "design", "result"] = ""  # the MESEMS trial: not yet, its design, its result
    differences: bool = False  # labels that say how the mice and the people differed


def _mice(ax, state):
    _damaged_axon(ax, 3, 47, 18.0, lesion=(16, 34) if state.mice == "attacked" else (None, None))
    A.draw_t_cell(ax, 18.0, 27.5, tag="4")
    A.draw_t_cell(ax, 30.0, 28.0, tag="4")
    if state.mice == "attacked":
        C.arrow(ax, (18.0, 25.6), (18.8, 22.0), colour=style.INK)
        C.arrow(ax, (30.0, 26.1), (29.4, 22.0), colour=style.INK)
        C.text(ax, 25, 38.5, "immunised against myelin:\nCD4 T cells attack it")
    else:
        A.draw_msc(ax, 8.0, 38.0, size=2.2)
        C.arrow(ax, (11.6, 37.2), (16.6, 29.2), kind="inh", colour=MSC_INK)
        C.arrow(ax, (12.0, 38.0), (28.3, 29.4), kind="inh", colour=MSC_INK)
        C.text(ax, 31, 40.5, "given early, in induced,\nCD4-driven disease" if state.differences
               else "MSCs given early")
        C.text(ax, 25, 10.5, "less attack, less myelin damage")
        draw_evidence(ax, 4.0, 2.0, "animal", width=7.0)


def _people(ax, state):
    C.text(ax, 75, 41.2, "one dose, in people with\nestablished MS" if state.differences
           else "one dose of own MSCs (or placebo)\ninto a vein")
    A.draw_vessel(ax, 52, 98, 33.0, height=6, leaky_at=(79.5,))
    A.draw_msc(ax, 58.0, 33.0, size=2.0)
    A.draw_t_cell(ax, 69.0, 33.0)
    A.draw_t_cell(ax, 90.0, 33.0)
    _damaged_axon(ax, 53, 97, 18.0, lesion=(66, 85))
    if state.people == "result":
        A.draw_t_cell(ax, 79.5, 25.5)
        C.arrow(ax, (79.5, 30.6), (79.5, 27.6), colour=style.INK)
        C.text(ax, 75, 9.4, "no fewer active MRI lesions\nthan placebo (a negative result)")
        draw_evidence(ax, 54.0, 2.0, "rct", width=7.0, label=False)
        C.text(ax, 61.8, 2.9, "evidence: randomised trial – no effect", ha="left")
    else:
        C.text(ax, 75, 10.5, "result? (predict first)", colour=style.MUTED)


def draw_model(ax, state):
    C.line(ax, [50, 50], [1, 49], colour=style.LIGHT_GREY, width=1.5)
    C.text(ax, 25, 47.5, "Mice with EAE", bold=True)
    C.text(ax, 75, 47.5, "People with MS (MESEMS trial)", bold=True)
    _mice(ax, state)
    if state.people:
        _people(ax, state)


def describe_model(state):
    if state.mice == "attacked":
        return _text("model_eae")
    parts = [_text("model_mice_treated")]
    if not state.people:
        return " ".join(parts + [_text("model_right_empty")])
    parts.append(_text("model_people"))
    if state.people == "design":
        return " ".join(parts + [_text("model_predict")])
    parts.append(_text("model_result"))
    if state.differences:
        parts.append(_text("model_differences"))
    return " ".join(parts)

MODEL_SCENE = Scene("mice_vs_people", draw_model, describe_model, width=100, height=50,
                    legend=("t_cell", "msc", "vessel", "axon", "myelin", "damaged_myelin", "node"))

MODEL = CONTENT.step_states("model", ModelState)  # {step id: state}, from the content file
MODEL_STEPS = _steps("model", ModelState)

def mice_vs_people():
    """Storyboard: MSCs in EAE and in the MESEMS trial."""
    return Storyboard(MODEL_SCENE, MODEL_STEPS, heading=CONTENT.heading("storyboard", "model"))


# ================================================================ self-check

QUESTIONS = CONTENT.questions()

def self_check():
    return Quiz(QUESTIONS, heading=CONTENT.heading("quiz", "self_check"))


# ================================================================ static exports

FIGURES = (
    FigureSpec("05-msc-signals-idle", SIGNAL_SCENE, SignalState(),
               "An inflamed lesion with an idle MSC"),
    FigureSpec("05-msc-signals-unlicensed", SIGNAL_SCENE, SignalState(on=("ido", "pge2")),
               "MSC signals switched on without licensing"),
    FigureSpec("05-msc-signals-all", SIGNAL_SCENE, SignalState(on=SIGNAL_KEYS),
               "All proposed MSC signals and their targets"),
    FigureSpec("05-approach-untreated", APPROACH_SCENE, ApproachState("none"),
               "An untreated inflamed lesion"),
    FigureSpec("05-approach-msc", APPROACH_SCENE, ApproachState("msc"),
               "MSC signalling: immune cells stay, their activity is damped (proposed)"),
    FigureSpec("05-approach-ahsct", APPROACH_SCENE, ApproachState("ahsct"),
               "AHSCT: most immune cells removed"),
    FigureSpec("05-msc-route-lungs", ROUTE_SCENE, ROUTE["lungs"],
               "Intravenous MSCs are trapped in the lungs"),
    FigureSpec("05-msc-route-signals", ROUTE_SCENE, ROUTE["lung_signals"],
               "Signals from lung-trapped and dying MSCs (mice; not shown in MS)"),
    FigureSpec("05-mice-vs-people", MODEL_SCENE, MODEL["side_by_side"],
               "MSCs in EAE and in the MESEMS trial"),
)
