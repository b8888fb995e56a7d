"""Lesson 08: safety, ethics and review.

What "experimental" means and the path of a therapy from the lab to
guidelines and phase 4 (drawn with the toolkit's evidence marker); why a relapsing-
remitting disease needs randomised comparisons; a checker for the red flags
of a made-up stem cell clinic advert; the ethics of a high-risk, high-benefit
treatment; and a review quiz across the whole course.

The teaching text (step captions, the path's stations and examples, the
advert features and their verdicts, the consent items, the review quiz and
the numbered references) lives in ``content/lesson08.toml``; this module
holds states, layout and drawing.
"""

import textwrap
from dataclasses import dataclass

import ipywidgets as w
import numpy as np
from matplotlib.patches import Circle, FancyBboxPatch, Polygon

from .. import actors as A
from .. import content
from .. import evidence as E
from .. import style
from .. import canvas as C
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Quiz, Step, Storyboard

CONTENT = content.for_module(__name__)


# ================================================================ 1. the path of a therapy

@dataclass(frozen=True)
class Station:
    """One stage on a therapy's path from the lab to the clinic."""

    key: str
    name: str  # bold, in the station box
    sub: str  # small, in the station box
    question: str  # the question this stage answers
    level: str  # the evidence.LEVELS key this stage can reach
    guideline: bool = False  # also the separate "endorsed in guidelines" mark


STATIONS = tuple(Station(**row) for row in CONTENT.table("stations"))
STATION_KEYS = tuple(s.key for s in STATIONS)
STATION_BY_KEY = {s.key: s for s in STATIONS}
BOX_W = 13.0  # width of a station box, canvas units


@dataclass(frozen=True)
class PathState:
    at: str = "lab"  # the current station, or "now" for the summary
    example: str = ""  # which example picture to draw (see _path_picture)


def _station_x(i):
    return 0.8 + i * 14.2


def _path_picture(ax, example):
    """The example at the current stage, drawn with the course's actors and labelled."""
    if example == "dish":
        ax.add_artist(Circle((80.0, 15.5), 10.0, fill=False, edgecolor=style.INK,
                             linewidth=style.line(1.4), zorder=2))
        C.text(ax, 80.0, 28.0, "a dish: an MSC among T cells", colour=style.MUTED)
        A.draw_msc(ax, 76.0, 16.5, size=2.2)
        for x, y in ((84.0, 19.5), (86.0, 13.0), (81.0, 10.0)):
            A.draw_t_cell(ax, x, y, size=1.6)
    elif example == "eae":
        A.draw_axon(ax, 66.0, 97.0, 9.5)
        A.draw_myelin(ax, 67.0, 78.0, 9.5)
        A.draw_myelin(ax, 79.0, 96.0, 9.5, kind="damaged")
        A.draw_t_cell(ax, 86.0, 19.5, tag="4")
        C.arrow(ax, (86.0, 17.4), (86.5, 12.9), width=1.4)
        A.draw_msc(ax, 71.0, 21.5, size=2.0)
        C.arrow(ax, (74.6, 21.3), (83.6, 19.8), colour=A.ACTORS["msc"].ink, kind="inh", width=1.4)
        C.text(ax, 80.0, 28.0, "a mouse with EAE", colour=style.MUTED)
        C.text(ax, 81.5, 5.0, "axon with myelin, part damaged", colour=style.MUTED)
    elif example == "nsc":
        A.draw_nsc(ax, 80.0, 17.0, size=3.0)
        C.text(ax, 80.0, 10.5, "fetal neural precursor cells,", colour=style.MUTED)
        C.text(ax, 80.0, 7.5, "into the spinal fluid", colour=style.MUTED)
    elif example == "msc":
        A.draw_msc(ax, 80.0, 17.0, size=3.0)
        C.text(ax, 80.0, 10.5, "own bone-marrow MSCs,", colour=style.MUTED)
        C.text(ax, 80.0, 7.5, "into a vein", colour=style.MUTED)
    elif example in ("natalizumab", "approved"):
        A.draw_vessel(ax, 64.0, 97.0, 17.0, height=8.0)
        A.draw_t_cell(ax, 76.0, 17.0)
        A.draw_antibody(ax, 80.2, 18.4, angle=-60)
        A.draw_t_cell(ax, 88.0, 17.0)
        A.draw_antibody(ax, 92.2, 18.4, angle=-60)
        C.text(ax, 80.5, 24.5, "blood vessel", colour=style.MUTED)
        if example == "natalizumab":
            C.text(ax, 80.5, 9.5, "an antibody (Y) keeps T cells", colour=style.MUTED)
            C.text(ax, 80.5, 6.5, "in the blood", colour=style.MUTED)
        else:
            C.text(ax, 80.5, 9.5, "natalizumab, an antibody (Y):", colour=style.MUTED)
            C.text(ax, 80.5, 6.5, "now an approved MS medicine", colour=style.MUTED)
    elif example == "followup":
        A.draw_hsc(ax, 80.0, 17.0, size=3.0)
        C.text(ax, 80.0, 10.5, "AHSCT (H: blood-forming stem cell):", colour=style.MUTED)
        C.text(ax, 80.0, 7.5, "follow-up for years", colour=style.MUTED)


# example key: (what the panel draws, wrapped where drawn; words for the description)
PATH_EXAMPLES = {row["key"]: (row["drawn"], row["words"]) for row in CONTENT.table("path_examples")}
EXAMPLE_WRAP = 38  # characters per line in the example panel

# Where three cell therapies stand today (the summary step): station, actor, label.
STANDING = (
    ("phase1", "nsc", "NSCs"),
    ("phase2", "msc", "MSCs"),
    ("approval", "hsc", "AHSCT\n(guidelines)"),
)


def draw_path(ax, state):
    now = state.at == "now"
    current = -1 if now else STATION_KEYS.index(state.at)
    for i, st in enumerate(STATIONS):
        x0 = _station_x(i)
        xc = x0 + BOX_W / 2
        past, here = i < current, i == current
        future = not now and i > current
        C.box(ax, x0, 37.0, x0 + BOX_W, 45.0, fill=style.PALE if here else style.PAPER,
              width=2.6 if here else 1.1, dashed=future, z=2)
        if future:  # not yet reached: predict what comes next
            C.text(ax, xc, 41.0, "?", colour=style.MUTED, step=1, bold=True)
        else:
            C.text(ax, xc, 42.8, st.name, bold=True)
            C.text(ax, xc, 39.4, st.sub)
        if i < len(STATIONS) - 1:
            C.arrow(ax, (x0 + BOX_W + 0.1, 41.0), (x0 + 14.0, 41.0), dashed=future, width=1.4)
        if here:
            C.text(ax, xc, 47.2, "▼ this step", bold=True)
        if past:
            C.text(ax, xc, 47.2, "✔ done", colour=style.MUTED)
    if now:
        for key, actor, label in STANDING:
            x = _station_x(STATION_KEYS.index(key)) + BOX_W / 2
            {"nsc": A.draw_nsc, "msc": A.draw_msc, "hsc": A.draw_hsc}[actor](ax, x, 31.5,
                                                                             size=2.3)
            C.text(ax, x, 26.8 - 1.5 * label.count("\n"), label, bold=True)
        C.text(ax, _station_x(4) + BOX_W / 2, 30.0,
               "AHSCT versus\nthe best drugs:\n" "trials running", colour=style.MUTED)
        C.lines(ax, 2.0, 19.5, textwrap.wrap(CONTENT.text("path_now_drawn"), 62), gap=3.2)
        C.text(ax, 2.0, 4.0, "AHSCT:", ha="left", bold=True)
        E.draw_evidence(ax, 13.0, 3.0, "rct", width=7.0, guideline=True)
        return
    st = STATIONS[current]
    C.text(ax, 2.0, 31.5, "Question:", ha="left", bold=True)
    C.lines(ax, 15.5, 31.5, textwrap.wrap(st.question, 40), gap=3.2)
    C.text(ax, 2.0, 21.0, "Example:", ha="left", bold=True)
    C.lines(ax, 15.5, 21.0, textwrap.wrap(PATH_EXAMPLES[state.example][0], EXAMPLE_WRAP), gap=3.2)
    E.draw_evidence(ax, 2.0, 3.0, st.level, width=7.0, guideline=st.guideline)
    _path_picture(ax, state.example)


def describe_path(state):
    if state.at == "now":
        names = ", ".join(f"{s.name} ({s.sub})" for s in STATIONS)
        return (
            f"A therapy's path as seven boxes from left to right: {names}. "
            f"{CONTENT.text('path_now_words')} The marker for AHSCT: "
            f"{E.describe_evidence('rct', guideline=True)}.")
    st = STATION_BY_KEY[state.at]
    i = STATION_KEYS.index(state.at)
    later = len(STATIONS) - i - 1
    drawn, words = PATH_EXAMPLES[state.example]
    text = (f"A therapy's path as seven boxes from left to right. This step: {st.name} "
            f"({st.sub}), drawn with a thick border")
    if i:
        done = ", ".join(f"{s.name} ({s.sub})" for s in STATIONS[:i])
        text += f"; before it, ticked as done: {done}"
    if later:
        text += (f". The {later} later stage{'s are' if later > 1 else ' is'} dashed and marked "
                 "with a question mark: predict what comes next")
    return text + (
        f". The question it answers: {st.question} Example: {drawn} The picture "
        f"shows {words}. The marker: {E.describe_evidence(st.level, st.guideline)}.")


PATH_SCENE = Scene("therapy_path", draw_path, describe_path, width=100, height=49,
                   legend=("nsc", "msc", "hsc", "t_cell"))

# The storyboard's states, by the step ids of content/lesson08.toml.
PATH_STATES = {
    "lab": PathState("lab", "dish"),
    "animal": PathState("animal", "eae"),
    "phase1": PathState("phase1", "nsc"),
    "phase2": PathState("phase2", "msc"),
    "phase3": PathState("phase3", "natalizumab"),
    "approval": PathState("approval", "approved"),
    "phase4": PathState("phase4", "followup"),
    "now": PathState("now", ""),
}


def _with_badge(step):
    """Each station's step ends with the evidence badge that stage can reach."""
    if step.state.at == "now":
        return step
    st = STATION_BY_KEY[step.state.at]
    return Step(step.title, f"{step.caption} {E.evidence_html(st.level, st.guideline)}", step.state)


PATH_STEPS = tuple(_with_badge(s) for s in CONTENT.steps("path", PATH_STATES))


def therapy_path():
    """Storyboard: a therapy's path from the lab to guidelines and phase 4."""
    return Storyboard(PATH_SCENE, PATH_STEPS, heading=CONTENT.heading("storyboard", "path"))


# ================================================================ 2. why randomise?

@dataclass(frozen=True)
class CourseState:
    control: bool = False  # show a comparison group chosen the same way, not treated
    phases: bool = False  # mark the natural relapse and remission


T = np.linspace(0.0, 1.0, 60)


def _symptoms(t, peak=0.38, height=1.0, second=0.0):
    """An illustrative relapsing-remitting course (no units): a relapse, then remission."""
    rise = np.exp(-((t - peak) / 0.06) ** 2)
    fall = np.exp(-(t - peak) / 0.16)
    bump = np.where(t < peak, rise, fall)
    late = second * np.exp(-((t - 0.85) / 0.05) ** 2)
    return 0.18 + 0.62 * height * bump + 0.4 * late


BAND = style.paler(style.OKABE_ITO["blue"], 0.85)  # pale blue: the untreated group's band (it also has dashed edges)


def _comparison_band():
    """Lower and upper edges of the untreated group's courses: the same relapse and recovery,
    spread most around the relapse and ending at the same level as the treated person."""
    centre = _symptoms(T)
    half = 0.045 + 0.07 * np.exp(-((T - 0.40) / 0.12) ** 2)
    return centre - half, centre + half


CHART = (17.0, 94.0, 8.0, 36.0)  # x0, x1, y0, y1 of the sketch area, canvas units


def _to_canvas(t, y):
    x0, x1, y0, y1 = CHART
    return x0 + t * (x1 - x0), y0 + y * (y1 - y0)


def draw_course(ax, state):
    x0, x1, y0, y1 = CHART
    C.illustrative_tag(ax, 100, 48)
    C.arrow(ax, (x0, y0), (x1 + 2.0, y0), width=1.2)
    C.arrow(ax, (x0, y0), (x0, y1 + 3.0), width=1.2)
    C.text(ax, x1 + 2.0, y0 - 3.0, "time →", ha="right", colour=style.MUTED)
    C.text(ax, x0 - 1.5, y1 - 2.0, "symptoms\nworse ↑", ha="right", colour=style.MUTED)
    if state.phases:
        for (a, b), label in (((0.26, 0.40), "relapse"), ((0.42, 0.80), "natural remission")):
            xa, _ = _to_canvas(a, 0)
            xb, _ = _to_canvas(b, 0)
            ax.add_artist(FancyBboxPatch((xa, y0 + 0.3), xb - xa, y1 - y0 - 0.3,
                                         boxstyle="square,pad=0", facecolor=style.PALE,
                                         edgecolor="none", zorder=0.5))
            C.text(ax, (xa + xb) / 2, y0 + 2.0, label, colour=style.MUTED)
    xs, ys = _to_canvas(T, _symptoms(T))
    C.line(ax, xs, ys, width=2.6, z=3)
    # the "treatment" at the worst moment
    tx, ty = _to_canvas(0.38, _symptoms(np.array([0.38]))[0])
    A.draw_msc(ax, tx, ty + 5.0, size=1.8)
    C.text(ax, tx + 5.0, ty + 5.0, "unproven injection, given at the worst moment", ha="left")
    ex, ey = _to_canvas(0.62, _symptoms(np.array([0.62]))[0])
    C.text(ax, ex + 1.5, ey + 4.2, "“I got better!”", ha="left", bold=True)
    # a small key, top left
    C.line(ax, [x0 + 2.0, x0 + 7.0], [44.0, 44.0], width=2.6, z=3)
    C.text(ax, x0 + 8.5, 44.0, "one treated person", ha="left")
    if state.control:
        # the untreated group as a band: the range of their courses, chosen the same way
        lower, upper = _comparison_band()
        xs_lo, ys_lo = _to_canvas(T, lower)
        xs_up, ys_up = _to_canvas(T, upper)
        ax.add_artist(Polygon(np.column_stack([np.r_[xs_up, xs_lo[::-1]],
                                               np.r_[ys_up, ys_lo[::-1]]]),
                              closed=True, facecolor=BAND, edgecolor=style.INK,
                              linewidth=style.line(0.9), linestyle=(0, (3, 2)), zorder=1))
        ax.add_artist(FancyBboxPatch((x0 + 2.0, 39.4), 5.0, 2.4, boxstyle="square,pad=0",
                                     facecolor=BAND, edgecolor=style.INK,
                                     linewidth=style.line(0.9), linestyle=(0, (3, 2)),
                                     zorder=1))
        C.text(ax, x0 + 8.5, 40.6, "untreated comparison group, chosen the same way: " "better too",
               ha="left")


def describe_course(state):
    text = CONTENT.text("course_base")
    if state.phases:
        text += " " + CONTENT.text("course_phases")
    text += " " + CONTENT.text("course_control" if state.control else "course_no_control")
    return text


COURSE_SCENE = Scene("why_randomise", draw_course, describe_course, width=100, height=48,
                     legend=("msc",))


def why_randomise():
    """Explorer: a relapse that improves by itself, with and without a comparison group."""
    controls = {
        "phases": w.ToggleButton(value=False, description="Mark relapse and remission",
                                 icon="check", layout=w.Layout(width="auto"),
                                 tooltip="Shade the natural relapse and remission"),
        "control": w.ToggleButton(value=False, description="Add an untreated comparison group",
                                  icon="check", layout=w.Layout(width="auto"),
                                  tooltip="Show people chosen the same way, without treatment"),
    }
    return Explorer(COURSE_SCENE, controls,
                    make_state=lambda v: CourseState(control=v["control"], phases=v["phases"]),
                    heading=CONTENT.heading("explorer", "randomise"))


# ================================================================ 3. the clinic advert checker

@dataclass(frozen=True)
class Verdict:
    """One of the three verdicts a line of the advert can get."""

    key: str
    mark: str  # symbol and words drawn beside the line (never colour alone)
    plural: str  # for the count at the top, e.g. "red flags"
    singular: str
    bold: bool


VERDICTS = {
    "red": Verdict("red", "⚑ red flag", "red flags", "red flag", True),
    "weak": Verdict("weak", "◐ not enough alone", "not enough alone", "not enough alone", False),
    "good": Verdict("good", "✔ good sign", "good signs", "good sign", False),
}


@dataclass(frozen=True)
class Feature:
    """One feature a stem cell clinic's advert might have."""

    key: str
    button: str  # the toggle's label: neutral, it does not give the verdict away
    line: str  # how it appears on the made-up advert (short)
    verdict: str  # a VERDICTS key: "red", "weak" (not enough on its own) or "good"
    short: str  # the reason in two or three words (drawn beside the verdict)
    why: str  # the explanation, with reference numbers


FEATURES = tuple(Feature(**row) for row in CONTENT.table("features"))
FEATURE_KEYS = tuple(f.key for f in FEATURES)
FEATURE_BY_KEY = {f.key: f for f in FEATURES}
ADVERT_NAME = "“Miracle Cell Centre” (made up)"


@dataclass(frozen=True)
class AdvertState:
    on: tuple = ("registered", "stories", "neurologist")  # features shown, in FEATURES order
    verdicts: bool = False


def _counts(shown):
    """'2 red flags', '1 not enough alone', ... for the verdicts present, in VERDICTS order."""
    out = []
    for v in VERDICTS.values():
        n = sum(f.verdict == v.key for f in shown)
        if n:
            out.append((v, f"{n} {v.singular if n == 1 else v.plural}"))
    return out


def draw_advert(ax, state):
    # the made-up advert
    C.box(ax, 1.5, 1.5, 53.0, 56.5, fill=style.PALE, width=2.0, rounding=2.0)
    C.text(ax, 27.25, 53.0, ADVERT_NAME, step=0.5, bold=True)
    A.draw_msc(ax, 9.0, 47.0, size=3.0)
    C.text(ax, 16.0, 47.0, "Stem cell therapy for MS!", ha="left", step=0.5, bold=True)
    C.line(ax, [4.0, 50.5], [42.5, 42.5], colour=style.GREY, width=1.0, z=3)
    shown = [FEATURE_BY_KEY[k] for k in FEATURE_KEYS if k in state.on]
    if not shown:
        C.text(ax, 27.25, 26.0, "(switch features on to build the advert)", colour=style.MUTED)
    for i, f in enumerate(shown):
        y = 39.0 - i * 4.1
        C.text(ax, 4.0, y, "• " + f.line, ha="left")
        if state.verdicts:
            v = VERDICTS[f.verdict]
            C.text(ax, 57.0, y, f"{v.mark}: {f.short}", ha="left", bold=v.bold)
            C.line(ax, [53.5, 56.3], [y, y], colour=style.GREY, width=0.8, dash=(0, (1, 1.5)), z=3)
        else:
            C.text(ax, 57.0, y, "? predict", ha="left", colour=style.MUTED)
    # the summary
    if state.verdicts and not shown:
        C.text(ax, 57.0, 53.0, "Nothing to check yet", ha="left", step=1, bold=True)
    elif state.verdicts:
        for j, (v, text) in enumerate(_counts(shown)):
            C.text(ax, 57.0, 53.0 - j * 3.6, text, ha="left", bold=v.bold)
    else:
        C.text(ax, 57.0, 53.0, "Red flag or not?", ha="left", step=1, bold=True)
        C.text(ax, 57.0, 48.5, "predict, then show verdicts", ha="left", colour=style.MUTED)


def describe_advert(state):
    shown = [FEATURE_BY_KEY[k] for k in FEATURE_KEYS if k in state.on]
    text = (f"A made-up clinic advert, {ADVERT_NAME}, headed “Stem cell therapy for MS!” with "
            "a picture of a mesenchymal stromal cell (MSC). ")
    if not shown:
        return text + "No features are switched on yet: the advert is empty."
    if not state.verdicts:
        return text + ("It says: " + "; ".join(f.line for f in shown) + ". Each line is marked "
                       "“? predict”: decide for each whether it is a red flag, not enough on its "
                       "own, or a good sign, then show the verdicts.")
    parts = [f"{f.line}: {VERDICTS[f.verdict].singular} ({f.short})" for f in shown]
    counts = ", ".join(t for _, t in _counts(shown))
    return text + ("Verdicts: " + "; ".join(parts) + f". In total: {counts}. Even a good sign "
                   "is not a guarantee: still ask the questions.")


ADVERT_SCENE = Scene("clinic_advert", draw_advert, describe_advert, width=100, height=58,
                     legend=("msc",))


def _advert_state(values):
    return AdvertState(on=tuple(k for k in FEATURE_KEYS if values[k]),
                       verdicts=values["verdicts"])


def _advert_reasons(values):
    if not values["verdicts"]:
        return CONTENT.text("advert_hidden")
    shown = [FEATURE_BY_KEY[k] for k in FEATURE_KEYS if values[k]]
    if not shown:
        return CONTENT.text("advert_empty")
    items = "".join(f"<li><b>{VERDICTS[f.verdict].mark}:</b> “{f.line}”: {f.why}</li>"
                    for f in shown)
    return f"<b>Why:</b><ul>{items}</ul>"


def advert_checker():
    """Explorer: build a made-up clinic advert and check it for red flags."""
    default = AdvertState()
    controls = {
        f.key: w.ToggleButton(value=f.key in default.on, description=f.button, icon="check",
                              layout=w.Layout(width="auto"),
                              tooltip=f"Put “{f.line}” on the advert")
        for f in FEATURES
    }
    controls["verdicts"] = w.ToggleButton(value=False, description="Show verdicts", icon="eye",
                                          button_style="info",
                                          tooltip="Show the verdict on each line of the advert")
    return Explorer(ADVERT_SCENE, controls, make_state=_advert_state,
                    heading=CONTENT.heading("explorer", "advert"),
                    note_for=_advert_reasons)


# ================================================================ 4. ethics: what consent covers

@dataclass(frozen=True)
class Item:
    """One thing a consent conversation about AHSCT covers, placed on a side of the scale."""

    key: str
    side: str  # "benefit", "risk" or "base" (conditions under the scale)
    text: str  # a short chip label (drawn)


CONSENT_ITEMS = tuple(Item(**row) for row in CONTENT.table("consent_items"))
CHIP_WRAP, BASE_WRAP = 36, 31  # characters per line on a pan's chip and under the scale
ITEM_BY_KEY = {i.key: i for i in CONSENT_ITEMS}


@dataclass(frozen=True)
class ConsentState:
    shown: tuple = ()  # keys of the items on the scale so far


def draw_consent(ax, state):
    # the scale: a post, a level beam and two pans; it stays level on purpose
    C.line(ax, [50, 50], [18.0, 50.0], width=3.0, z=3)
    ax.add_artist(Polygon([(45.0, 15.0), (55.0, 15.0), (50.0, 18.5)], closed=True,
                          facecolor=style.GREY, edgecolor=style.INK, zorder=3))
    C.line(ax, [18.0, 82.0], [50.0, 50.0], width=3.0, z=3)
    for cx in (25.0, 75.0):
        for dx in (-18.0, 18.0):
            C.line(ax, [cx + dx, cx], [20.0, 50.0], width=1.0, colour=style.GREY, z=1)
        C.line(ax, [cx - 20.0, cx + 20.0], [20.0, 20.0], width=2.4, z=3)
    C.text(ax, 22.0, 56.5, "possible benefits", step=0.5, bold=True)
    C.text(ax, 78.0, 56.5, "risks and unknowns", step=0.5, bold=True)
    A.draw_hsc(ax, 46.0, 55.5, size=2.4)
    C.text(ax, 49.5, 55.5, "AHSCT", ha="left", bold=True)
    C.text(ax, 50.0, 12.2,
           "drawn level on purpose: each person weighs it with their MS " "specialist",
           colour=style.MUTED)
    stacks = {"benefit": [], "risk": [], "base": []}
    for key in state.shown:
        stacks[ITEM_BY_KEY[key].side].append(ITEM_BY_KEY[key])
    for side, cx in (("benefit", 25.0), ("risk", 75.0)):
        for j, item in enumerate(stacks[side]):
            y = 22.4 + j * 3.5
            C.box(ax, cx - 17.0, y - 1.5, cx + 17.0, y + 1.5, fill=style.PALE, z=4, rounding=0.7)
            C.text(ax, cx, y, item.text)  # chips are one short line each
    for j, item in enumerate(stacks["base"]):  # also part of the decision, under the scale
        x = 17.0 + j * 33.0
        C.box(ax, x - 15.8, 1.0, x + 15.8, 8.4, dashed=True, z=4, rounding=0.8)
        C.lines(ax, x, 6.1, textwrap.wrap(item.text, BASE_WRAP), ha="center", gap=2.8)


def describe_consent(state):
    items = [ITEM_BY_KEY[k] for k in state.shown]
    text = CONTENT.text("consent_base")
    benefits = [i.text for i in items if i.side == "benefit"]
    risks = [i.text for i in items if i.side == "risk"]
    base = [i.text for i in items if i.side == "base"]
    if not items:
        return text + " Both pans are empty so far."
    if benefits:
        text += " Benefits: " + "; ".join(benefits) + "."
    if risks:
        text += " Risks and unknowns: " + "; ".join(risks) + "."
    if base:
        text += (" Under the scale, also part of the decision (dashed boxes): " + "; ".join(base)
                 + ".")
    return text


CONSENT_SCENE = Scene("consent_scale", draw_consent, describe_consent, width=100, height=60,
                      legend=("hsc",))

def _consent_states():
    """Each step adds its items to the scale: the states, by the step ids of the content file."""
    added = {
        "offer": (),
        "benefits": ("remission", "no_drugs"),
        "early_risks": ("infection", "viruses", "ptld", "death"),
        "fertility": ("fertility",),
        "later": ("autoimmunity", "cancer", "unknown", "alternatives"),
        "where": ("centre", "access"),
    }
    states, shown = {}, ()
    for step_id, keys in added.items():
        shown += keys
        states[step_id] = ConsentState(shown)
    return states


CONSENT_STEPS = CONTENT.steps("consent", _consent_states())


def consent_story():
    """Storyboard: what an informed-consent conversation about AHSCT covers."""
    return Storyboard(CONSENT_SCENE, CONSENT_STEPS, heading=CONTENT.heading("storyboard", "consent"))


# ================================================================ 5. review quiz across the course

QUESTIONS = CONTENT.questions()


def self_check():
    return Quiz(QUESTIONS, heading=CONTENT.heading("quiz", "self_check"))


# ================================================================ static exports

FIGURES = (
    FigureSpec("08-path-animal", PATH_SCENE, PathState("animal", "eae"),
               "A therapy's path: animal studies"),
    FigureSpec("08-path-phase3", PATH_SCENE, PathState("phase3", "natalizumab"),
               "A therapy's path: phase 3"),
    FigureSpec("08-path-now", PATH_SCENE, PathState("now", ""),
               "Where the cell therapies for MS stand"),
    FigureSpec("08-why-randomise", COURSE_SCENE, CourseState(control=True, phases=True),
               "Why a relapsing-remitting disease needs a comparison group"),
    FigureSpec("08-advert-verdicts", ADVERT_SCENE,
               AdvertState(on=FEATURE_KEYS, verdicts=True),
               "Red flags on a made-up clinic advert"),
    FigureSpec("08-consent-scale", CONSENT_SCENE, CONSENT_STEPS[-1].state,
               "What informed consent for AHSCT covers"),
)
