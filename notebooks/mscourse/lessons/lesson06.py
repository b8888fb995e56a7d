"""Lesson 06, mechanism 4: neuroprotection.

An axon under stress (energy failure, calcium overload, death signals, and
finally a cut axon), the protections proposed for it, each with its evidence
marker, why stopping inflammation is the best-proven neuroprotection in people,
and how neuroprotection is measured (neurofilament light chain, brain volume,
visual evoked potentials).

The teaching text (step titles and captions, the protections, claims and
measures with their evidence markers, explorer notes, descriptions, quiz and
references) lives in ``content/lesson06.toml``; this module pairs it with
states and draws them. The stress markers (mitochondria, calcium, sodium
channels, death signals, leaking neurofilament) are drawn here, lesson-local.
"""

from dataclasses import dataclass
from typing import Literal

import re

import ipywidgets as w
import numpy as np
from matplotlib.patches import Circle, Ellipse

from .. import actors as A
from .. import content, style
from .. import evidence as E
from ..evidence import draw_evidence, evidence_html
from .. import canvas as C
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Quiz, Step, Storyboard

CONTENT = content.for_module(__name__)

MSC_INK = A.ACTORS["msc"].ink  # the MSC's olive, darkened: arrows for MSC signals
HARM_INK = style.HARM  # stress and harm markers (always labelled as well)
HARM_FADED = style.paler(style.HARM, 0.6)  # a death signal held back
MITO_FILL = style.PEACH  # a healthy mitochondrion
CALCIUM_FILL = style.OKABE_ITO["sky_blue"]


# ---------------------------------------------------------------- text from the content file

def _fill(text):
    """``{marker:key}`` becomes the evidence badge, ``{level:key}`` the marker's words."""
    text = re.sub(r"\{marker:(\w+)\}", lambda m: evidence_html(m.group(1)), text)
    return re.sub(r"\{level:(\w+)\}", lambda m: E.level(m.group(1)).label, text)


def _text(key):
    return _fill(CONTENT.text(key))


# ---------------------------------------------------------------- this lesson's own stress markers

def _mito(ax, x, y, healthy=True):
    """A mitochondrion: a rounded body with folded inner membranes (a zigzag).
    A failing one is grey, dashed and crossed through."""
    ax.add_artist(Ellipse((x, y), 4.4, 1.9, facecolor=MITO_FILL if healthy else style.LIGHT_GREY,
                          edgecolor=style.INK, linewidth=style.line(1.0),
                          linestyle="-" if healthy else (0, (2, 1.5)), zorder=5))
    xs = np.linspace(x - 1.6, x + 1.6, 7)
    ys = y + np.array([0.5, -0.5] * 4)[:7]
    C.line(ax, xs, ys, colour=style.INK, width=0.8, z=5.1)
    if not healthy:
        C.line(ax, [x - 2.0, x + 2.0], [y - 1.2, y + 1.2], colour=HARM_INK, width=1.6, z=5.2)


def _calcium(ax, points):
    """Calcium ions: small blue dots inside the axon (labelled Ca²⁺ nearby)."""
    for x, y in points:
        ax.add_artist(Circle((x, y), 0.5, facecolor=CALCIUM_FILL, edgecolor=style.INK,
                             linewidth=style.line(0.7), zorder=5.3))


def _sodium(ax, x0, x1, y, half):
    """Sodium channels spread out along a bare membrane: short ticks above and below."""
    xs, ys = [], []
    for x in np.arange(x0, x1, 3.0):  # one artist for all ticks: cheaper to redraw
        for sign in (1, -1):
            xs += [x, x, np.nan]
            ys += [y + sign * half, y + sign * (half + 1.0), np.nan]
    C.line(ax, xs, ys, colour=style.INK, width=1.4, z=4.5)


def _death(ax, x, y, size=1.3, faded=False):
    """A death (apoptosis) signal: a jagged bolt (pale and dashed when held back)."""
    xs = x + size * np.array([0.0, 0.8, -0.3, 0.7])
    ys = y + size * np.array([1.6, 0.3, 0.0, -1.4])
    C.line(ax, xs, ys, colour=HARM_FADED if faded else HARM_INK, width=2.2,
           dash=(0, (2.2, 1.0)) if faded else None, z=6.5 if faded else 8)


def _leak(ax, x, y):
    """Neurofilament light chain leaking from a cut axon: small grey dots drifting away."""
    for dx, dy in ((-1.2, -3.0), (0.6, -4.4), (-0.4, -6.0), (1.4, -6.8)):
        ax.add_artist(Circle((x + dx, y + dy), 0.45, facecolor=style.GREY, edgecolor=style.INK,
                             linewidth=style.line(0.6), zorder=5))


# ================================================================ the axon under stress

@dataclass(frozen=True)
class AxonState:
    """One picture of the axon. The storyboard's steps set these fields by name in the
    content file (``[[storyboard.stress.step]]``, ``state = { ... }``).

    myelin: the myelin inside the lesion (bare: the axon's membrane is exposed and
    short of energy). calcium: calcium overload and death signals. cut: the axon is
    cut. inflamed: immune cells attacking. protect: the protections switched on.
    repaired: the patient's own OPCs remyelinate part of the lesion (inflammation
    stopped for years). claim: an evidence claim to mark ("" none).
    """

    myelin: Literal["intact", "stripped", "bare"] = "intact"
    calcium: bool = False
    cut: bool = False
    inflamed: bool = True
    protect: tuple = ()
    repaired: bool = False
    claim: str = ""


Y = 22.0  # the axon's centre line (a close-up: the axon is drawn thick)
HALF = 1.5  # half the axon's thickness
LESION = (38.0, 72.0)
LEFT_SHEATHS = ((13.0, 25.0), (26.0, 37.4))
RIGHT_SHEATHS = ((72.6, 85.0), (86.0, 98.0))


@dataclass(frozen=True)
class Features:
    """What is on screen for a state: shared by the drawing and the description."""

    healthy: bool  # the lesion still has its myelin
    stripped: bool  # broken myelin
    remyel_full: bool  # the remyelination protection: thin new myelin over the whole lesion
    remyel_part: bool  # years after inflammation stopped: own repair of part of the lesion
    bare: tuple  # (x0, x1) of the bare, stressed membrane, or ()
    mito: tuple  # x positions of the mitochondria drawn
    mito_ok: bool  # refuelled by the MSC
    calcium: int  # calcium dots drawn: 4 overload, 2 easing (mitochondria refuelled), 0 none
    # Apoptosis is a programme of whole cells, so the death signal is drawn at the neuron's
    # cell body; the axon itself breaks down by calcium-activated enzymes instead.
    held_bolt: bool  # the neuron's death signal, held back by the MSC (drawn faded)
    neuron_bolt: bool  # a death signal at the neuron's cell body
    cut: bool
    immune: bool  # T cell and macrophage attacking
    msc: bool  # an MSC is drawn (any MSC protection on)


def features(state):
    on = set(state.protect)
    exposed = state.myelin == "bare"
    full = "remyelination" in on and exposed
    part = state.repaired and not full and exposed
    cut = state.cut and not full
    bare = ()
    if exposed and not full:
        bare = (55.4, LESION[1]) if part else LESION
    mito_ok = "mitochondria" in on
    mito = ()
    if exposed and not cut and (not full or mito_ok):
        mito = (63.0,) if part else (46.0, 63.0)
    calcium = 0
    if state.calcium and not full and not cut:
        calcium = 2 if mito_ok else 4
    return Features(
        healthy=state.myelin == "intact", stripped=state.myelin == "stripped", remyel_full=full,
        remyel_part=part, bare=bare, mito=mito, mito_ok=mito_ok, calcium=calcium,
        held_bolt=state.calcium and "apoptosis" in on,
        neuron_bolt=state.calcium and "apoptosis" not in on and "trophic" not in on,
        cut=cut, immune=state.inflamed and state.myelin != "intact",
        msc=bool(on - {"remyelination"}),
    )


def _axon_core(ax, state, dy=0.0):
    """Everything but the evidence board, drawn ``dy`` above the design coordinates.

    Bands: sources (MSC, OPC, immune cells) on top, stress markers just above and
    below the axon, the axon in the middle.
    """
    f, y = features(state), Y + dy
    _draw_axon_and_sheaths(ax, f, y)
    _draw_lesion_myelin(ax, f, y)
    _draw_stresses(ax, f, y)
    _draw_inflammation(ax, state, f, y)
    _draw_msc_protections(ax, state, f, y)


def _draw_axon_and_sheaths(ax, f, y):
    """The neuron and its axon (cut, if it is), with the healthy sheaths either side of the lesion."""
    A.draw_neuron(ax, 8.5, y, size=3.4)
    if f.cut:
        A.draw_axon(ax, 11.0, 56.0, y, thickness=2 * HALF)
        A.draw_axon(ax, 59.5, 98.0, y, thickness=2 * HALF)
    else:
        A.draw_axon(ax, 11.0, 98.0, y, thickness=2 * HALF)
    for a, b in LEFT_SHEATHS + RIGHT_SHEATHS:
        A.draw_myelin(ax, a, b, y, thickness=2 * HALF)
    for x in (25.5, 85.5):
        A.draw_node(ax, x, y, thickness=2 * HALF)


def _draw_lesion_myelin(ax, f, y):
    """The myelin inside the lesion: healthy, stripped, or thin and new (with the cells that made it)."""
    l0, l1 = LESION
    if f.healthy:
        A.draw_myelin(ax, l0 + 0.2, 54.6, y, thickness=2 * HALF)
        A.draw_myelin(ax, 55.4, l1 - 0.2, y, thickness=2 * HALF)
        A.draw_node(ax, 55.0, y, thickness=2 * HALF)
        A.draw_oligodendrocyte(ax, 55.0, y + 15.0, targets=[(46.0, y + 4.8), (64.0, y + 4.8)])
        C.text(ax, 60.0, y + 17.0, "feeds the axon\n(lactate)", ha="left")
        A.draw_signal(ax, 92.0, y, size=1.3)
        C.text(ax, 24.0, y + 14.0, "a healthy myelinated axon:\nthe signal gets through")
    elif f.stripped:
        A.draw_myelin(ax, l0 + 0.5, l1 - 0.5, y, thickness=2 * HALF, kind="damaged")
        C.text(ax, 55.0, y - 6.5, "myelin stripped")
    elif f.remyel_full or f.remyel_part:
        spans = [(l0 + 0.3, 54.6)] + ([] if f.remyel_part else [(55.4, l1 - 0.3)])
        for a, b in spans:
            A.draw_myelin(ax, a, b, y, thickness=2 * HALF, kind="thin")
        if f.remyel_full:
            A.draw_node(ax, 55.0, y, thickness=2 * HALF)
        A.draw_oligodendrocyte(ax, 56.0, y + 15.0, size=2.3,
                               targets=[(46.0, y + 3.3)] + ([] if f.remyel_part else [(64.0, y + 3.3)]))
        A.draw_opc(ax, 43.0, y + 17.5)
        C.arrow(ax, (45.6, y + 17.2), (53.3, y + 15.8), colour=style.INK, width=1.2)
        if f.remyel_part:  # drawn as possible: remyelination was not measured after AHSCT
            C.text(ax, 37.5, y + 18.0, "own OPC matures\n(possible; not\nmeasured after AHSCT)",
                   ha="right")
        else:
            C.text(ax, 49.5, y + 21.0, "own OPC matures")


def _draw_stresses(ax, f, y):
    """Spread-out sodium channels, failing mitochondria, calcium, death signals, a cut."""
    if f.bare:
        _sodium(ax, f.bare[0] + 1.0, f.bare[1] - 0.5, y, HALF)
        C.text(ax, (f.bare[0] + f.bare[1]) / 2 - 1.0, y + 5.0, "Na⁺ channels spread out")
    for x in f.mito:
        _mito(ax, x, y, healthy=f.mito_ok)
    if f.mito:
        C.text(ax, f.mito[0], y - 5.2,
               "mitochondria refuelled" if f.mito_ok else "mitochondria failing")
    if f.calcium:
        dots = ((51.0, y + 0.6), (53.5, y - 0.6), (56.0, y + 0.6), (58.5, y - 0.6))
        _calcium(ax, dots[1:1 + f.calcium])
        C.text(ax, 62.0, y - 8.2, "Ca²⁺ floods in" if f.calcium == 4 else "less Ca²⁺ builds up")
    if f.neuron_bolt or f.held_bolt:
        _death(ax, 12.5, y + 5.0, faded=f.held_bolt)
    if f.neuron_bolt:
        C.text(ax, 18.5, y - 9.0, "death signal at the\ncell body (apoptosis)")
    if f.cut:
        A.draw_block(ax, 57.8, y, size=1.6)
        _leak(ax, 57.8, y - 1.5)
        C.text(ax, 64.0, y - 6.5, "axon cut: neurofilament leaks out", ha="left")


def _draw_inflammation(ax, state, f, y):
    """The immune attack (a T cell and a macrophage sending oxidants), or a note that it stopped."""
    if f.immune:
        A.draw_t_cell(ax, 78.0, y + 17.0)
        A.draw_macrophage(ax, 89.0, y + 13.5, size=2.4, eating=True)
        C.arrow(ax, (86.8, y + 11.8), (71.0, y + 3.4), colour=HARM_INK)
        C.arrow(ax, (76.8, y + 15.4), (68.5, y + 3.4), colour=HARM_INK)
        C.text(ax, 92.0, y + 19.5, "oxidants")
    elif state.myelin != "intact":
        C.text(ax, 84.0, y + 16.0, "inflammation stopped:\nno immune cells")


def _draw_msc_protections(ax, state, f, y):
    """The proposed MSC protections switched on, each an arrow from the MSC to what it protects."""
    on = set(state.protect)
    if f.msc:
        A.draw_msc(ax, 18.0, y + 19.0, size=2.4)
        C.text(ax, 8.0, y + 19.0, "MSC")
    if "trophic" in on:
        C.arrow(ax, (15.0, y + 17.8), (9.8, y + 4.2), colour=MSC_INK)
        C.note(ax, 3.0, y + 12.5, "trophic factors", ha="left")
    if f.held_bolt:
        C.arrow(ax, (18.6, y + 16.8), (14.4, y + 8.0), kind="inh", colour=MSC_INK)
        C.note(ax, 17.2, y + 9.6, "anti-apoptosis", ha="left")
    if "mitochondria" in on and f.mito:
        target = (f.mito[0], y + 1.3)
        C.arrow(ax, (21.5, y + 18.0), target, colour=MSC_INK)
        mx, my = 21.5 + 0.45 * (target[0] - 21.5), y + 18.0 + 0.45 * (target[1] - y - 18.0)
        _mito(ax, mx, my, healthy=True)
        C.text(ax, mx + 2.8, my + 0.4, "mitochondria", ha="left")


# key, button, name on the board, what the picture shows when it is on, evidence key
PROTECTIONS = tuple((r["key"], r["button"], r["short"], r["shows"], r["evidence"])
                    for r in CONTENT.table("protections"))
PROTECTION_KEYS = tuple(p[0] for p in PROTECTIONS)
CLAIMS = {r["key"]: (r["evidence"], r["text"]) for r in CONTENT.table("claims")}

def _board(ax, state, top):
    """The evidence board: one slot per protection, filled when it is switched on."""
    C.line(ax, [1, 99], [top + 1.9, top + 1.9], colour=style.LIGHT_GREY, width=1.0)
    if not state.protect:
        C.text(ax, 50, top - 2.2, "Evidence markers appear here.", colour=style.MUTED)
    for i, (key, _, short, _, level) in enumerate(PROTECTIONS):
        if key not in state.protect:
            continue
        col, row = divmod(i, 2)
        x0, y = 1.5 + 50.0 * col, top - row * 4.4
        C.text(ax, x0, y, "✔ " + short, ha="left", bold=True)
        # the marker's own label is shortened here: the board's columns are narrow
        draw_evidence(ax, x0 + 24.5, y - 1.1, level, width=6.0, label=False)
        C.text(ax, x0 + 31.5, y, E.level(level).label, ha="left")


def draw_stress(ax, state):
    _axon_core(ax, state)
    if state.claim:
        level, text = CLAIMS[state.claim]
        draw_evidence(ax, 3.0, 2.0, level, width=6.5)
        C.text(ax, 40.0, 2.9, text, ha="left")


def draw_protect(ax, state):
    _axon_core(ax, state, dy=6.0)
    _board(ax, state, top=7.0)


def _evidence_words(level):
    """Short evidence wording for descriptions: the label drawn on the marker."""
    return f"evidence: {E.level(level).label}"


def describe_axon(state):
    f, on = features(state), set(state.protect)
    parts = [_text("axon_scene")]
    if f.healthy:
        parts.append(_text("axon_healthy"))
    elif f.stripped:
        parts.append(_text("axon_stripped"))
    elif f.remyel_part:
        parts.append(_text("axon_repaired_part"))
    elif not f.remyel_full:
        parts.append(_text("axon_bare"))
    if f.bare:
        parts.append(_text("axon_energy"))
    if f.mito and not f.mito_ok:
        parts.append(_text("axon_mito_failing"))
    if f.calcium == 4:
        parts.append(_text("axon_calcium"))
    elif f.calcium:
        parts.append(_text("axon_calcium_easing"))
    if f.neuron_bolt:  # a held-back bolt is described with the protection that holds it
        parts.append(_text("axon_death_neuron"))
    if f.cut:
        parts.append(_text("axon_cut"))
    for key, button, _, text, _ in PROTECTIONS:
        if key in on:
            parts.append(f"{button}: {text}.")
    if f.msc:
        parts.append(_text("axon_msc"))
    if on:
        groups = {}
        for key, _, short, _, level in PROTECTIONS:
            if key in on:
                groups.setdefault(E.level(level).label, []).append(short.lower())
        parts.append("Evidence board: " + "; ".join(
            f"{', '.join(names)}: {label}" for label, names in groups.items()) + ".")
    if f.immune:
        parts.append(("The immune attack goes on" if on else "Inflammation continues")
                     + ": " + _text("axon_attack"))
    elif state.myelin != "intact":
        parts.append(_text("axon_stopped"))
    if state.claim:
        level, text = CLAIMS[state.claim]
        parts.append(f"The marker rates one claim, “{text}”: {_evidence_words(level)}.")
    return " ".join(parts)


STRESS_SCENE = Scene("axon_stress", draw_stress, describe_axon, width=100, height=46,
                     legend=("neuron", "axon", "myelin", "damaged_myelin", "thin_myelin", "node",
                             "oligodendrocyte", "opc", "t_cell", "macrophage", "signal", "block"))
PROTECT_SCENE = Scene("axon_protect", draw_protect, describe_axon, width=100, height=52,
                      legend=("neuron", "axon", "myelin", "thin_myelin", "node", "oligodendrocyte",
                              "opc", "msc", "t_cell", "macrophage"))

MARKER_KEY = _text("marker_key")

STRESS = CONTENT.step_states("stress", AxonState)  # {step id: state}, from the content file
STRESS_STEPS = tuple(
    Step(s.title, _fill(s.caption), s.state) for s in CONTENT.steps("stress", AxonState))

def axon_story():
    """Storyboard: an axon under stress, from healthy to cut."""
    return Storyboard(STRESS_SCENE, STRESS_STEPS, heading=CONTENT.heading("storyboard", "stress"))


def _protect_state(values):
    return AxonState(myelin="bare", calcium=True, inflamed=True,
                     protect=tuple(k for k in PROTECTION_KEYS if values[k]))


PROTECT_NOTE = MARKER_KEY + " " + _text("protections_note")

def protection_explorer():
    """Explorer: switch the proposed protections on, each with its evidence marker."""
    controls = {
        key: w.ToggleButton(value=False, description=button, icon="check",
                            tooltip=f"Switch {button.lower()} on or off",
                            layout=w.Layout(width="auto"))
        for key, button, _, _, _ in PROTECTIONS
    }
    return Explorer(PROTECT_SCENE, controls, make_state=_protect_state,
                    heading=CONTENT.heading("explorer", "protections"), note=PROTECT_NOTE)


# ================================================================ stopping inflammation

SCENARIOS = {
    # (inflammation, time) -> the state drawn
    ("ongoing", "months"): AxonState(myelin="bare", calcium=True, inflamed=True),
    ("ongoing", "years"): AxonState(myelin="bare", calcium=True, cut=True, inflamed=True),
    ("stopped", "months"): AxonState(myelin="bare", inflamed=False, claim="stopped"),
    ("stopped", "years"): AxonState(myelin="bare", inflamed=False, repaired=True,
                                           claim="stopped"),
}


def inflammation_explorer():
    """Explorer: inflammation ongoing or stopped, months or years later."""
    inflammation = w.ToggleButtons(options=[("Ongoing", "ongoing"), ("Stopped (drug or AHSCT)", "stopped")],
                                   value="ongoing", description="Inflammation",
                                   style={"description_width": "initial"})
    time = w.ToggleButtons(options=[("Months later", "months"), ("Years later", "years")],
                           value="months", description="Time",
                           style={"description_width": "initial"})
    return Explorer(STRESS_SCENE, {"inflammation": inflammation, "time": time},
                    make_state=lambda v: SCENARIOS[(v["inflammation"], v["time"])],
                    heading=CONTENT.heading("explorer", "inflammation"),
                    note=_text("inflammation_note"))


# ================================================================ measuring neuroprotection

@dataclass(frozen=True)
class MeasureState:
    measure: str = "nfl"  # "nfl", "atrophy" or "vep"
    treated: bool = False


MEASURE_ROWS = {r["key"]: r for r in CONTENT.table("measures")}
MEASURES = tuple((r["button"], key) for key, r in MEASURE_ROWS.items())
PLOT = (12.0, 96.0, 9.0, 34.0)  # x0, x1, y0, y1 of the sketch area
ICON_Y = 38.0  # the small drawing of what is measured: clear of the "illustrative" tag


def _axes(ax, xlabel, ylabel):
    x0, x1, y0, y1 = PLOT
    C.arrow(ax, (x0, y0), (x1, y0), colour=style.INK, width=1.2)
    C.arrow(ax, (x0, y0), (x0, y1), colour=style.INK, width=1.2)
    C.text(ax, x1, y0 - 2.6, xlabel, ha="right")
    C.text(ax, x0 + 1.0, y1 + 1.8, ylabel, ha="left")


def _curve(ax, xs, ys, colour=style.INK, dash=None, width=2.2):
    C.line(ax, xs, ys, colour=colour, width=width, dash=dash, z=6)


def draw_measure(ax, state):
    x0, x1, y0, y1 = PLOT
    C.illustrative_tag(ax, 100, 44)
    t = np.linspace(x0 + 1, x1 - 2, 60)
    treat_x = 44.0
    after = t >= treat_x
    if state.measure == "nfl":
        _axes(ax, "time →", "NfL in blood or spinal fluid ↑")
        _curve(ax, [x0 + 1, x1 - 2], [15.0, 15.0], colour=style.MUTED, dash=(0, (4, 3)), width=1.4)
        C.text(ax, x1 - 2, 13.4, "healthy range", ha="right", colour=style.MUTED)
        untreated = 26.0 + 2.5 * np.sin((t - x0) / 3.0) + 5.0 * np.exp(-((t - 30) / 2.5) ** 2) \
            + 5.0 * np.exp(-((t - 64) / 2.5) ** 2)
        start = np.interp(treat_x, t, untreated)
        # after intensive conditioning NfL first rises for a few months, then falls
        bump = 7.0 * np.exp(-((t - treat_x - 4.0) / 2.6) ** 2)
        treated = np.where(after, 15.8 + (start - 15.8) * np.exp(-(t - treat_x) / 7.0) + bump,
                           untreated)
        # what is measured: a cut axon leaking neurofilament
        if state.treated:
            C.text(ax, treat_x + 9.0, 21.5, "brief rise: injury from\nintensive conditioning",
                   ha="left")
        A.draw_axon(ax, 52.0, 59.0, ICON_Y, thickness=1.2)
        A.draw_axon(ax, 60.5, 67.0, ICON_Y, thickness=1.2)
        _leak(ax, 59.8, ICON_Y + 2.6)
        C.text(ax, 69.0, ICON_Y, "injured axon", ha="left")
    elif state.measure == "atrophy":
        _axes(ax, "time →", "brain volume ↑")
        healthy = 32.0 - 0.06 * (t - x0)
        _curve(ax, t, healthy, colour=style.MUTED, dash=(0, (4, 3)), width=1.4)
        C.text(ax, x1 - 2, healthy[-1] + 1.8, "healthy ageing", ha="right", colour=style.MUTED)
        untreated = 31.0 - 0.2 * (t - x0)
        start = np.interp(treat_x, t, untreated)
        treated = np.where(after, start - 3.0 * (1 - np.exp(-(t - treat_x) / 4.0))
                           - 0.06 * (t - treat_x), untreated)
        if state.treated:
            C.text(ax, treat_x - 1.5, start - 7.5,
                   "early extra drop:\npseudo-atrophy plus\nreal injury →", ha="right")
        A.draw_neuron(ax, 60.0, ICON_Y, size=1.8)
        C.text(ax, 65.0, ICON_Y, "nerve tissue lost", ha="left")
    else:
        _axes(ax, "time after the pattern appears →", "brain's response")
        tt = np.linspace(x0 + 1, x1 - 2, 80)

        def wave(peak):
            return 18.0 + 9.0 * np.exp(-((tt - peak) / 4.0) ** 2) \
                - 3.0 * np.exp(-((tt - peak + 9) / 4.0) ** 2)

        _curve(ax, tt, wave(38.0), colour=style.MUTED, dash=(0, (4, 3)), width=1.4)
        C.text(ax, 38.0, 12.5, "healthy", colour=style.MUTED)
        _curve(ax, tt, wave(58.0), colour=style.MUTED if state.treated else style.INK,
               dash=(0, (1, 1.5)) if state.treated else None)
        C.text(ax, 62.0, 26.0, "demyelinated: late", ha="left")
        if state.treated:
            _curve(ax, tt, wave(53.0))
            C.text(ax, 54.5, 33.0, "remyelinated: a little earlier", ha="left")
            C.text(ax, 54.5, 30.4, "clemastine (ReBUILD), not a cell therapy", ha="left")
        A.draw_axon(ax, 41.0, 59.0, ICON_Y, thickness=1.2)
        A.draw_myelin(ax, 42.0, 49.0, ICON_Y, thickness=1.2)
        A.draw_signal(ax, 54.0, ICON_Y, size=1.0)
        C.text(ax, 61.0, ICON_Y, "optic nerve", ha="left")
    if state.measure != "vep":
        if state.treated:
            _curve(ax, t, untreated, colour=style.MUTED, dash=(0, (1, 1.5)))
            _curve(ax, t, treated)
            C.line(ax, [treat_x, treat_x], [y0, y1 - 1.0], colour=style.INK, width=1.2,
                   dash=(0, (2, 2)))
            C.note(ax, treat_x, y0 + 2.2, "inflammation stopped (e.g. AHSCT)")
        else:
            _curve(ax, t, untreated)
    level = MEASURE_ROWS[state.measure]["evidence"]
    if state.treated:
        draw_evidence(ax, 3.0, 40.0, level, width=6.5)
    C.text(ax, 3.0, 1.5, MEASURE_ROWS[state.measure]["label"], ha="left")


def describe_measure(state):
    key = state.measure
    suffix = "_treated" if state.treated else "_untreated"
    if key == "vep":
        return _text("measure_vep") + (" " + _text("measure_vep_treated") if state.treated else "")
    return _text(f"measure_{key}") + " " + _text(f"measure_{key}{suffix}")

MEASURE_SCENE = Scene("measures", draw_measure, describe_measure, width=100, height=44,
                      legend=("axon", "myelin", "neuron", "signal"))


def measure_explorer():
    """Explorer: three ways to measure neuroprotection, before and after treatment."""
    measure = w.ToggleButtons(options=MEASURES, value="nfl", description="Measure",
                              style={"description_width": "initial"})
    treated = w.Checkbox(value=False, description="Show the treated course", indent=False)
    return Explorer(MEASURE_SCENE, {"measure": measure, "treated": treated},
                    make_state=lambda v: MeasureState(v["measure"], v["treated"]),
                    heading=CONTENT.heading("explorer", "measures"),
                    note=_text("measures_note"))


# ================================================================ self-check

QUESTIONS = CONTENT.questions()

def self_check():
    return Quiz(QUESTIONS, heading=CONTENT.heading("quiz", "self_check"))


# ================================================================ static exports

FIGURES = (
    FigureSpec("06-axon-healthy", STRESS_SCENE, STRESS["healthy"], "A healthy myelinated axon"),
    FigureSpec("06-axon-energy-failure", STRESS_SCENE, STRESS["energy_failure"],
               "A demyelinated axon: energy failure"),
    FigureSpec("06-axon-calcium-death", STRESS_SCENE, STRESS["calcium_death"],
               "A demyelinated axon: calcium overload and death signals"),
    FigureSpec("06-axon-cut", STRESS_SCENE, STRESS["cut"], "The axon is cut"),
    FigureSpec("06-inflammation-stopped", STRESS_SCENE, SCENARIOS[("stopped", "years")],
               "Years after the inflammation stopped"),
    FigureSpec("06-protections-all", PROTECT_SCENE, AxonState(myelin="bare", calcium=True,
                                                                protect=PROTECTION_KEYS),
               "Proposed protections for a stressed axon, with evidence markers"),
    FigureSpec("06-protections-msc", PROTECT_SCENE,
               AxonState(myelin="bare", calcium=True,
                         protect=("trophic", "mitochondria", "apoptosis")),
               "MSC protections without remyelination"),
    FigureSpec("06-measure-nfl", MEASURE_SCENE, MeasureState("nfl", True),
               "Neurofilament light chain before and after inflammation stops (illustrative)"),
    FigureSpec("06-measure-atrophy", MEASURE_SCENE, MeasureState("atrophy", True),
               "Brain volume before and after inflammation stops (illustrative)"),
    FigureSpec("06-measure-vep", MEASURE_SCENE, MeasureState("vep", True),
               "Visual evoked potential latency and remyelination (illustrative)"),
)
