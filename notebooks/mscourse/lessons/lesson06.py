"""Lesson 06, mechanism 4: neuroprotection.

An axon under stress (energy failure, calcium overload, death signals, and
finally a cut axon), the protections proposed for it, each with its evidence
marker, why stopping inflammation is the best-proven neuroprotection in people,
and how neuroprotection is measured (neurofilament light chain, brain volume,
visual evoked potentials).

Everything an instructor may want to edit is data near the top of each part:
the storyboard steps (``STRESS_STEPS``), the protections (``PROTECTIONS``),
the inflammation scenarios (``SCENARIOS``), the measures (``MEASURES``) and
the self-check ``QUESTIONS``. Reference numbers in captions ([n]) follow the
notebook's reference list. The stress markers (mitochondria, calcium, sodium
channels, death signals, leaking neurofilament) are drawn here, lesson-local.
"""

from dataclasses import dataclass

import ipywidgets as w
import numpy as np
from matplotlib.patches import Circle, Ellipse

from .. import actors as A
from .. import style
from .. import evidence as E
from ..evidence import draw_evidence, evidence_html
from .. import canvas as C
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Option, Question, Quiz, Step, Storyboard

MSC_INK = "#5C5C1F"  # the MSC's olive, darkened: arrows for MSC signals
HARM_INK = style.HARM  # stress and harm markers (always labelled as well)
HARM_FADED = "#D99494"  # a death signal held back
MITO_FILL = style.PEACH  # a healthy mitochondrion
CALCIUM_FILL = style.OKABE_ITO["sky_blue"]


# ---------------------------------------------------------------- small drawing helpers

# lesson-local stress markers

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
    """One picture of the axon.

    stage: 0 healthy, 1 myelin stripped, 2 energy failure, 3 calcium overload and
    death signals, 4 axon cut. inflamed: immune cells attacking. protect: the
    protections switched on. repaired: the patient's own OPCs remyelinate part of the
    lesion (inflammation stopped for years). claim: an evidence claim to mark ("" none).
    """

    stage: int = 0
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

    healthy: bool  # stage 0: the lesion still has its myelin
    stripped: bool  # stage 1: broken myelin
    remyel_full: bool  # the remyelination protection: thin new myelin over the whole lesion
    remyel_part: bool  # years after inflammation stopped: own repair of part of the lesion
    bare: tuple  # (x0, x1) of the bare, stressed membrane, or ()
    mito: tuple  # x positions of the mitochondria drawn
    mito_ok: bool  # refuelled by the MSC
    calcium: int  # calcium dots drawn: 4 overload, 2 easing (mitochondria refuelled), 0 none
    axon_bolt: bool  # a death signal on the axon
    held_bolt: bool  # the axon's death signal, held back by the MSC (drawn faded)
    neuron_bolt: bool  # a death signal at the neuron's cell body
    cut: bool
    immune: bool  # T cell and macrophage attacking
    msc: bool  # an MSC is drawn (any MSC protection on)


def features(state):
    s, on = state.stage, set(state.protect)
    full = "remyelination" in on and s >= 2
    part = state.repaired and not full and s >= 2
    cut = s >= 4 and not full
    bare = ()
    if s >= 2 and not full:
        bare = (55.4, LESION[1]) if part else LESION
    mito_ok = "mitochondria" in on
    mito = ()
    if s >= 2 and not cut and (not full or mito_ok):
        mito = (63.0,) if part else (46.0, 63.0)
    calcium = 0
    if s >= 3 and not full and not cut:
        calcium = 2 if mito_ok else 4
    return Features(
        healthy=s == 0, stripped=s == 1, remyel_full=full, remyel_part=part, bare=bare,
        mito=mito, mito_ok=mito_ok, calcium=calcium,
        axon_bolt=s >= 3 and "apoptosis" not in on,
        held_bolt=s >= 3 and "apoptosis" in on,
        neuron_bolt=s >= 3 and "apoptosis" not in on and "trophic" not in on,
        cut=cut, immune=state.inflamed and s >= 1, msc=bool(on - {"remyelination"}),
    )


def _axon_core(ax, state, dy=0.0):
    """Everything but the evidence board, drawn ``dy`` above the design coordinates.

    Bands: sources (MSC, OPC, immune cells) on top, stress markers just above and
    below the axon, the axon in the middle.
    """
    f, on = features(state), set(state.protect)
    y = Y + dy
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
    l0, l1 = LESION
    # the lesion's own myelin
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
    # stresses
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
    if f.axon_bolt or f.held_bolt:
        _death(ax, 28.0, y + 5.6, faded=f.held_bolt)
    if f.neuron_bolt:
        _death(ax, 12.5, y + 5.0)
    if f.axon_bolt or f.neuron_bolt:
        C.text(ax, 19.0, y - 8.6, "death signals\n(apoptosis)")
    if f.cut:
        A.draw_block(ax, 57.8, y, size=1.6)
        _leak(ax, 57.8, y - 1.5)
        C.text(ax, 64.0, y - 6.5, "axon cut: neurofilament leaks out", ha="left")
    # the inflammation
    if f.immune:
        A.draw_t_cell(ax, 78.0, y + 17.0)
        A.draw_macrophage(ax, 89.0, y + 13.5, size=2.4, eating=True)
        C.arrow(ax, (86.8, y + 11.8), (71.0, y + 3.4), colour=HARM_INK)
        C.arrow(ax, (76.8, y + 15.4), (68.5, y + 3.4), colour=HARM_INK)
        C.text(ax, 92.0, y + 19.5, "oxidants")
    elif state.stage >= 1:
        C.text(ax, 84.0, y + 16.0, "inflammation stopped:\nno immune cells")
    # the proposed MSC protections
    if f.msc:
        A.draw_msc(ax, 18.0, y + 19.0, size=2.4)
        C.text(ax, 8.0, y + 19.0, "MSC")
    if "trophic" in on:
        C.arrow(ax, (15.0, y + 17.8), (9.8, y + 4.2), colour=MSC_INK)
        C.note(ax, 3.0, y + 12.5, "trophic factors", ha="left")
    if f.held_bolt:
        C.arrow(ax, (19.0, y + 17.2), (28.4, y + 8.3), kind="inh", colour=MSC_INK)
        C.note(ax, 26.6, y + 8.6, "anti-apoptosis", ha="right")
    if "mitochondria" in on and f.mito:
        target = (f.mito[0], y + 1.3)
        C.arrow(ax, (21.5, y + 18.0), target, colour=MSC_INK)
        mx, my = 21.5 + 0.45 * (target[0] - 21.5), y + 18.0 + 0.45 * (target[1] - y - 18.0)
        _mito(ax, mx, my, healthy=True)
        C.text(ax, mx + 2.8, my + 0.4, "mitochondria", ha="left")


PROTECTIONS = (
    # key, button, name on the board, what the picture shows when it is on, evidence key
    ("trophic", "Trophic factors", "Trophic",
     "proteins from the MSC (an arrow to the neuron) support the neuron, so the death signal "
     "at its cell body goes", "animal"),
    ("mitochondria", "Mitochondrial support", "Mitochondria (lung)",
     "the MSC hands over healthy mitochondria (an arrow labelled mitochondria), so the failing "
     "ones are refuelled; this was shown in injured mouse lungs, not in MS", "animal"),
    ("apoptosis", "Less apoptosis", "Less apoptosis",
     "an anti-apoptosis signal from the MSC (a flat-ended line) holds back the death signal on "
     "the axon (faded bolt) and at the neuron", "animal"),
    ("remyelination", "Remyelination", "Remyelination",
     "the patient's own OPC (precursor cell, P) matures into an oligodendrocyte (O) that wraps "
     "the lesion in thin new myelin with a new node of Ranvier, where the sodium channels "
     "regroup; the calcium overload eases", "animal"),
)
PROTECTION_KEYS = tuple(p[0] for p in PROTECTIONS)
CLAIMS = {
    "stopped": ("small_trial", "stopping inflammation: less axon injury (NfL falls)"),
}


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
    parts = ["A close-up of a neuron (left) and its axon, with myelin sheaths and nodes of "
             "Ranvier on both sides of a lesion in the middle."]
    if f.healthy:
        parts.append("Healthy: the lesion area still has its myelin, made by an oligodendrocyte "
                     "that also feeds the axon with lactate. A nerve signal (orange star) gets "
                     "through.")
    elif f.stripped:
        parts.append("Inflammation has stripped the myelin in the lesion: the sheaths there are "
                     "broken and damaged.")
    elif f.remyel_part:
        parts.append("Years after the inflammation stopped, the patient's own OPC (precursor "
                     "cell, P) may have matured into an oligodendrocyte (O) that wraps part of "
                     "the lesion in thin new myelin: possible, but not measured in AHSCT "
                     "studies. The rest of the axon is still bare.")
    elif not f.remyel_full:
        parts.append("The myelin in the lesion is gone: the axon is bare.")
    if f.bare:
        parts.append("Energy failure: sodium (Na+) channels have spread out along the bare "
                     "membrane (ticks), so the axon needs more energy.")
    if f.mito and not f.mito_ok:
        parts.append("Its mitochondria are failing (grey, crossed through).")
    if f.calcium == 4:
        parts.append("Calcium (Ca2+, blue dots) floods into the axon.")
    elif f.calcium:
        parts.append("With the mitochondria refuelled, calcium overload eases (fewer blue dots) "
                     "but does not go, because the spread-out Na+ channels still raise the "
                     "energy demand.")
    if f.axon_bolt and f.neuron_bolt:
        parts.append("Death (apoptosis) signals (red bolts) hit the axon and the neuron.")
    elif f.axon_bolt:
        parts.append("A death (apoptosis) signal (red bolt) still hits the axon.")
    if f.cut:
        parts.append("The axon is cut: the cross marks where the axon is cut and the signal "
                     "blocked. The part beyond the cut will degenerate, and neurofilament light "
                     "chain leaks out (grey dots).")
    for key, button, _, text, _ in PROTECTIONS:
        if key in on:
            parts.append(f"{button}: {text}.")
    if f.msc:
        parts.append("The MSC is a mesenchymal stromal cell (olive spindle, top left).")
    if on:
        groups = {}
        for key, _, short, _, level in PROTECTIONS:
            if key in on:
                groups.setdefault(E.level(level).label, []).append(short.lower())
        parts.append("Evidence board: " + "; ".join(
            f"{', '.join(names)}: {label}" for label, names in groups.items()) + ".")
    if f.immune:
        parts.append(("The immune attack goes on" if on else "Inflammation continues")
                     + ": a T cell (T) and a macrophage (M) release oxidants that harm the axon "
                     "(red arrows).")
    elif state.stage >= 1:
        parts.append("The inflammation has stopped: no immune cells attack.")
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

MARKER_KEY = (
    "<b>Stress markers</b> (drawn only in this lesson): ticks on the bare axon = sodium "
    "channels spread out; rounded body with a zigzag = a mitochondrion (grey, dashed and crossed "
    "through when failing); blue dots = calcium; red bolt = a death (apoptosis) signal (pale and "
    "dashed when held back); grey dots at a cut = neurofilament leaking out. Red arrows = "
    "oxidants from immune cells."
)

STRESS_STEPS = (
    Step("A healthy axon",
         "Myelin speeds the signal, and the oligodendrocyte that makes it also feeds the axon with "
         "energy-rich metabolites such as lactate. In mice, this support is needed for the axon "
         "to survive in the long term [4, 5]. <b>Predict:</b> what will happen to the axon if its "
         "myelin is stripped away?",
         AxonState(0)),
    Step("Inflammation strips the myelin",
         "Immune cells attack; macrophages and activated microglia strip the myelin and release "
         "damaging oxidants (reactive oxygen and nitrogen species) [2, 3]. Axons are cut even in "
         "early, active lesions [1].",
         AxonState(1)),
    Step("Energy failure",
         "On a bare axon, sodium (Na⁺) channels spread out along the membrane. Pumping the "
         "extra sodium back out needs more energy (adenosine triphosphate, ATP), but the axon's "
         "mitochondria, its power stations, are damaged and the oligodendrocyte's fuel is gone "
         "[2, 3]. <b>Predict:</b> what happens when the "
         "pumps run out of energy?",
         AxonState(2)),
    Step("Calcium overload and death signals",
         "Without enough energy, calcium (Ca²⁺ ions) builds up inside the axon: calcium "
         "overload. Too much of the signalling chemical glutamate (glutamate toxicity) and death "
         "(apoptosis) signals add to the injury [2, 3].",
         AxonState(3)),
    Step("The axon is cut",
         "The axon breaks. The signal can no longer pass, and the part beyond the cut "
         "degenerates. Lost axons in the brain and spinal cord regrow poorly, so this loss, not "
         "demyelination alone, is the main cause of permanent disability [1, 2, 3]. A protein "
         "from the broken axon, neurofilament light chain, leaks into the spinal fluid and blood "
         "[6]. The cross marks where the axon is cut and the signal blocked.",
         AxonState(4)),
)


def axon_story():
    """Storyboard: an axon under stress, from healthy to cut."""
    return Storyboard(STRESS_SCENE, STRESS_STEPS, heading="An axon under stress")


def _protect_state(values):
    return AxonState(stage=3, inflamed=True,
                     protect=tuple(k for k in PROTECTION_KEYS if values[k]))


PROTECT_NOTE = (
    MARKER_KEY + " <b>Evidence:</b> all four protections " + evidence_html("animal")
    + " (mitochondrial support: in injured lungs, not in MS). None of them has been shown to "
    "protect axons in people with MS."
)


def protection_explorer():
    """Explorer: switch the proposed protections on, each with its evidence marker."""
    controls = {
        key: w.ToggleButton(value=False, description=button, icon="check",
                            tooltip=f"Switch {button.lower()} on or off",
                            layout=w.Layout(width="auto"))
        for key, button, _, _, _ in PROTECTIONS
    }
    return Explorer(PROTECT_SCENE, controls, make_state=_protect_state,
                    heading="Proposed protections for a stressed axon", note=PROTECT_NOTE)


# ================================================================ stopping inflammation

SCENARIOS = {
    # (inflammation, time) -> the state drawn
    ("ongoing", "months"): AxonState(stage=3, inflamed=True),
    ("ongoing", "years"): AxonState(stage=4, inflamed=True),
    ("stopped", "months"): AxonState(stage=2, inflamed=False, claim="stopped"),
    ("stopped", "years"): AxonState(stage=2, inflamed=False, repaired=True, claim="stopped"),
}


def inflammation_explorer():
    """Explorer: inflammation ongoing or stopped, months or years later."""
    inflammation = w.ToggleButtons(options=[("Ongoing", "ongoing"), ("Stopped (e.g. AHSCT)", "stopped")],
                                   value="ongoing", description="Inflammation",
                                   style={"description_width": "initial"})
    time = w.ToggleButtons(options=[("Months later", "months"), ("Years later", "years")],
                           value="months", description="Time",
                           style={"description_width": "initial"})
    return Explorer(STRESS_SCENE, {"inflammation": inflammation, "time": time},
                    make_state=lambda v: SCENARIOS[(v["inflammation"], v["time"])],
                    heading="Stop the inflammation, protect the axon",
                    note="Stopping inflammation " + evidence_html("small_trial")
                    + ": after AHSCT, neurofilament light chain falls and brain shrinkage slows "
                    "towards normal (cohorts and single-group trials in people). The marker rates "
                    "only this claim of less axon injury: the remyelination drawn years later is "
                    "possible, but was not measured in AHSCT studies.")


# ================================================================ measuring neuroprotection

@dataclass(frozen=True)
class MeasureState:
    measure: str = "nfl"  # "nfl", "atrophy" or "vep"
    treated: bool = False


MEASURES = (
    ("Neurofilament light chain", "nfl"),
    ("Brain volume", "atrophy"),
    ("Visual evoked potential", "vep"),
)
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
        treated = np.where(after, 15.8 + (start - 15.8) * np.exp(-(t - treat_x) / 6.0), untreated)
        # what is measured: a cut axon leaking neurofilament
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
            C.text(ax, treat_x + 4.0, start - 6.5, "early extra drop\n(partly pseudo-atrophy)",
                   ha="left")
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
    level = {"nfl": "small_trial", "atrophy": "small_trial", "vep": "rct"}[state.measure]
    if state.treated:
        draw_evidence(ax, 3.0, 40.0, level, width=6.5)
    C.text(ax, 3.0, 1.5,
           {"nfl": "NfL: a protein from injured axons", "atrophy": "atrophy: the brain shrinks as nerve tissue is lost", "vep": "VEP: how fast the optic nerve carries a visual signal"}[state.measure],
           ha="left")


def describe_measure(state):
    treated = state.treated
    if state.measure == "nfl":
        text = ("An illustrative sketch, not data, of neurofilament light chain (NfL) over time, "
                "with a small drawing of a cut axon leaking neurofilament. A dashed line marks the "
                "healthy range. ")
        if treated:
            text += ("A vertical line marks when the inflammation is stopped, for example by "
                     "AHSCT. After it, NfL falls towards the healthy range: fewer axons are "
                     "being injured. A dotted line shows the untreated course "
                     f"({_evidence_words('small_trial')}).")
        else:
            text += ("With ongoing inflammation, NfL stays above the healthy range and jumps "
                     "with each attack.")
        return text
    if state.measure == "atrophy":
        text = ("An illustrative sketch, not data, of brain volume over time, with a small "
                "neuron drawing. A dashed line shows the slow shrinkage of healthy ageing; the "
                "MS line falls faster. ")
        if treated:
            text += ("After the inflammation is stopped (vertical line), the volume first drops a "
                     "little faster, partly pseudo-atrophy: inflammatory swelling goes down. Then "
                     "it falls only about as fast as in healthy ageing; a dotted line shows the "
                     f"untreated course ({_evidence_words('small_trial')}).")
        else:
            text += "Untreated, it keeps falling faster than healthy ageing."
        return text
    text = ("An illustrative sketch, not data, of a visual evoked potential (VEP): the brain's "
            "electrical response after a pattern appears, with a small drawing of a partly "
            "myelinated axon of the optic nerve carrying a nerve signal. The VEP mainly reflects "
            "myelin. The dashed healthy wave peaks early; the wave from a demyelinated optic "
            "nerve peaks late.")
    if treated:
        text += (" After remyelination the peak moves a little earlier, as with the drug "
                 "clemastine in the ReBUILD trial, not a cell therapy "
                 f"({_evidence_words('rct')}).")
    return text


MEASURE_SCENE = Scene("measures", draw_measure, describe_measure, width=100, height=44,
                      legend=("axon", "myelin", "neuron", "signal"))


def measure_explorer():
    """Explorer: three ways to measure neuroprotection, before and after treatment."""
    measure = w.ToggleButtons(options=MEASURES, value="nfl", description="Measure",
                              style={"description_width": "initial"})
    treated = w.Checkbox(value=False, description="Show the treated course", indent=False)
    return Explorer(MEASURE_SCENE, {"measure": measure, "treated": treated},
                    make_state=lambda v: MeasureState(v["measure"], v["treated"]),
                    heading="How is neuroprotection measured?",
                    note="Treated course: for NfL and brain volume, stopping inflammation (for "
                         "example with AHSCT) " + evidence_html("small_trial")
                         + "; for the VEP, a remyelinating drug (clemastine, ReBUILD trial) "
                         + evidence_html("rct") + ".")


# ================================================================ self-check

QUESTIONS = (
    Question(
        "A student writes: “Anti-inflammatory effects and neuroprotection are two separate "
        "mechanisms.” What is the best reply?",
        (
            Option("Right: one acts on immune cells, the other on neurons, so they never "
                   "overlap.", False,
                   "No. Inflammation is a main cause of axon damage (oxidants, stripped myelin, "
                   "energy failure), so calming it protects axons."),
            Option("Right: AHSCT only calms inflammation, while MSCs protect nerves "
                   "directly.", False,
                   "No. Direct nerve protection by MSCs has been shown only in animals. After "
                   "AHSCT, fewer axons are injured because the immune attack stops."),
            Option("They overlap: stopping inflammation is the best-proven neuroprotection in "
                   "people.", True,
                   "Yes. After AHSCT stops inflammation, neurofilament light chain falls and brain "
                   "shrinkage slows towards normal (cohorts and single-group trials). But "
                   "neurodegeneration can go on without inflammation (PIRA)."),
        ),
        topic="Anti-inflammatory and neuroprotective effects are separate mechanisms",
    ),
    Question(
        "MSCs transferred mitochondria to stressed cells in one study. How strong is the evidence "
        "that this protects axons in people with MS?",
        (
            Option("Weak: it was shown in injured mouse lungs, not in MS or in people.", True,
                   "Yes. That is why its marker says animal studies, and even that is for another "
                   "tissue."),
            Option("Moderate: it was shown in mice with EAE, but not yet in people.", False,
                   "No. The study was about lung injury, not EAE, the mouse model of MS. Even an "
                   "EAE result would be evidence from animals only."),
            Option("Fair: a small MSC study in MS found better visual nerve measures.", False,
                   "No. That open-label study of 10 people had no control group and did not test "
                   "mitochondrial transfer; it can only generate hypotheses."),
        ),
        topic="Animal findings from other tissues",
    ),
    Question(
        "A growth factor from MSCs (HGF) helped mice with MS-like disease recover. What can you "
        "conclude for people with MS?",
        (
            Option("It should protect nerves in people too, as the mechanism is the same.", False,
                   "No. “If it works in mice with EAE, it works in people” is a misconception: "
                   "many treatments that work in mice fail in trials. In the MESEMS trial, MSCs "
                   "did not reduce MRI inflammation in people."),
            Option("It says little about people, so trials in people are not worth it.", False,
                   "No. Mouse studies show mechanisms and give ideas to test; some, such as the "
                   "idea behind natalizumab, did translate."),
            Option("It is a hypothesis worth testing in controlled trials in people.", True,
                   "Yes. A mouse result tells you what to test, not what works in people."),
        ),
        topic="If it works in mice with EAE, it works in people",
    ),
    Question(
        "Which measures are used to track axon injury or repair in people? Tick every one.",
        (
            Option("Neurofilament light chain (NfL) in blood or spinal fluid.", True,
                   "Yes: it rises when axons are injured, and it fell after AHSCT."),
            Option("New gadolinium-enhancing lesions on MRI scans.", False,
                   "No. They mark active inflammation, where the blood–brain barrier leaks. They "
                   "show new attacks, not axon injury or repair."),
            Option("Brain volume (atrophy) on MRI scans.", True,
                   "Yes: shrinkage reflects the loss of nerve tissue. Watch out for pseudo-atrophy "
                   "just after inflammation stops."),
            Option("Visual evoked potential (VEP) latency.", True,
                   "Yes, for repair: it mainly reflects the myelin of the optic nerve, so it can "
                   "reveal remyelination (ReBUILD)."),
            Option("The number of relapses in a year.", False,
                   "No. Relapses show inflammatory attacks, not axon injury itself, and "
                   "disability can worsen without any relapse (PIRA)."),
        ),
        multiple=True,
        topic="No relapses means no progression",
    ),
    Question(
        "An MSC product fails to suppress T cells in a dish with no inflammatory signals added. "
        "What is the best interpretation?",
        (
            Option("The cells must be faulty: healthy MSCs calm T cells in any dish.", False,
                   "No. Healthy MSCs also stay quiet without inflammatory signals: the test left "
                   "out what switches them on."),
            Option("The test lacked the inflammatory signals that switch MSCs on.", True,
                   "Yes. MSCs become suppressive only after signals such as interferon-gamma "
                   "“license” them (lesson 05; cell culture and mouse studies). A fair test adds "
                   "them, and even then a dish result says nothing yet about patients."),
            Option("MSCs cannot calm T cells at all: the mouse results were artefacts.", False,
                   "No. With inflammatory signals such as interferon-gamma present, MSCs do "
                   "suppress T cells in a dish and in mice (lesson 05)."),
        ),
        topic="All stem cell effects work the same everywhere (licensing)",
    ),
)


def self_check():
    return Quiz(QUESTIONS)


# ================================================================ static exports

FIGURES = (
    FigureSpec("06-axon-healthy", STRESS_SCENE, AxonState(0), "A healthy myelinated axon"),
    FigureSpec("06-axon-energy-failure", STRESS_SCENE, AxonState(2),
               "A demyelinated axon: energy failure"),
    FigureSpec("06-axon-calcium-death", STRESS_SCENE, AxonState(3),
               "A demyelinated axon: calcium overload and death signals"),
    FigureSpec("06-axon-cut", STRESS_SCENE, AxonState(4), "The axon is cut"),
    FigureSpec("06-inflammation-stopped", STRESS_SCENE, SCENARIOS[("stopped", "years")],
               "Years after the inflammation stopped"),
    FigureSpec("06-protections-all", PROTECT_SCENE, AxonState(stage=3, protect=PROTECTION_KEYS),
               "Proposed protections for a stressed axon, with evidence markers"),
    FigureSpec("06-protections-msc", PROTECT_SCENE,
               AxonState(stage=3, protect=("trophic", "mitochondria", "apoptosis")),
               "MSC protections without remyelination"),
    FigureSpec("06-measure-nfl", MEASURE_SCENE, MeasureState("nfl", True),
               "Neurofilament light chain before and after inflammation stops (illustrative)"),
    FigureSpec("06-measure-atrophy", MEASURE_SCENE, MeasureState("atrophy", True),
               "Brain volume before and after inflammation stops (illustrative)"),
    FigureSpec("06-measure-vep", MEASURE_SCENE, MeasureState("vep", True),
               "Visual evoked potential latency and remyelination (illustrative)"),
)
