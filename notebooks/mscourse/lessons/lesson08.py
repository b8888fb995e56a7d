"""Lesson 08: safety, ethics and review.

What "experimental" means and the path of a therapy from the lab to
guidelines and phase 4 (drawn with the toolkit's evidence marker); why a relapsing-
remitting disease needs randomised comparisons; a checker for the red flags
of a made-up stem cell clinic advert; the ethics of a high-risk, high-benefit
treatment; and a review quiz across the whole course.

Everything an instructor may want to edit is data near the top of each part:
the stations and steps of the path (``STATIONS``, ``PATH_STEPS``), the advert
features and their three verdicts (``FEATURES``, ``VERDICTS``), the consent
steps (``CONSENT_ITEMS``, ``CONSENT_STEPS``) and the review ``QUESTIONS``. Reference numbers in square
brackets follow the lesson's own reference list in
``08_safety_ethics_review.ipynb``.
"""

import textwrap
from dataclasses import dataclass

import ipywidgets as w
import numpy as np
from matplotlib.patches import Circle, FancyBboxPatch, Polygon

from .. import actors as A
from .. import evidence as E
from .. import style
from .. import canvas as C
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Option, Question, Quiz, Step, Storyboard


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


STATIONS = (
    Station("lab", "Lab", "cell culture", "Does it do anything to cells in a dish?", "in_vitro"),
    Station("animal", "Animals", "e.g. EAE", "Does it help an animal model of the disease?",
            "animal"),
    Station("phase1", "Phase 1", "safety, dose", "Is it safe in people? What dose?",
            "small_trial"),
    Station("phase2", "Phase 2", "signals", "Are there signs that it works?", "small_trial"),
    Station("phase3", "Phase 3", "comparison", "Does it work better than the alternative? "
            "(usually randomised)", "rct"),
    Station("approval", "Approval", "guidelines", "Is it approved for this use, or "
            "recommended, and for whom?", "rct", guideline=True),
    Station("phase4", "Phase 4", "in use", "What happens when many people use it for "
            "years?", "rct", guideline=True),
)
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


PATH_EXAMPLES = {  # example key: (short lines drawn in the panel, words for the description)
    "dish": (("Human MSCs stopped T cells", "dividing in a dish (the enzyme IDO)."),
             "a dish in which a mesenchymal stromal cell (MSC) sits among T cells"),
    "eae": (("In mice with EAE, MSCs made T cells", "unresponsive and reduced the damage."),
            "a mouse model: a CD4 T cell (T4) attacking the myelin of an axon, part of the "
            "myelin damaged, and an MSC holding the T cell back"),
    "nsc": (("Neural stem cells in progressive MS:", "a small phase 1 study of safety."),
            "a neural stem/precursor cell (NSC)"),
    "msc": (("MSCs in progressive MS: a small", "open phase 2a study, no control group."),
            "an MSC"),
    "natalizumab": (("Natalizumab, an antibody that keeps", "T cells out of the brain: a large",
                     "randomised trial cut relapses."),
                    "a blood vessel whose wall is the blood-brain barrier, with T cells held "
                    "in the blood by antibodies"),
    "approved": (("Natalizumab became an approved MS", "medicine. AHSCT reached guidelines",
                  "by another route (see the caption)."),
                 "the same blood vessel with T cells held in the blood by antibodies: "
                 "natalizumab, now an approved medicine"),
    "followup": (("After AHSCT: years of follow-up of", "relapses, MRI, thyroid, blood counts,",
                  "fertility and late effects."),
                 "a haematopoietic stem cell (HSC) standing for AHSCT and its long-term "
                 "follow-up"),
}

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
        C.text(ax, _station_x(4) + BOX_W / 2, 30.0, "AHSCT versus\nthe best drugs:\n"
               "trials running", colour=style.MUTED)
        C.lines(ax, 2.0, 19.5, (
            "AHSCT: guideline-supported for selected people with highly",
            "active relapsing MS; randomised trials against the best drugs",
            "are still running. MSCs and NSCs: experimental, trials only."), gap=3.2)
        C.text(ax, 2.0, 4.0, "AHSCT:", ha="left", bold=True)
        E.draw_evidence(ax, 13.0, 3.0, "rct", width=7.0, guideline=True)
        return
    st = STATIONS[current]
    C.text(ax, 2.0, 31.5, "Question:", ha="left", bold=True)
    C.lines(ax, 15.5, 31.5, textwrap.wrap(st.question, 40), gap=3.2)
    C.text(ax, 2.0, 21.0, "Example:", ha="left", bold=True)
    C.lines(ax, 15.5, 21.0, PATH_EXAMPLES[state.example][0], gap=3.2)
    E.draw_evidence(ax, 2.0, 3.0, st.level, width=7.0, guideline=st.guideline)
    _path_picture(ax, state.example)


def describe_path(state):
    if state.at == "now":
        names = ", ".join(f"{s.name} ({s.sub})" for s in STATIONS)
        return (
            f"A therapy's path as seven boxes from left to right: {names}. Where three cell "
            "therapies stand today: a neural stem/precursor cell (NSC) under phase 1, a "
            "mesenchymal stromal cell (MSC) under phase 2, and a haematopoietic stem cell (HSC) "
            "for AHSCT under approval, labelled 'AHSCT (guidelines)': expert bodies support it "
            "for selected people with highly active relapsing MS; it reached this stage through "
            "guidelines, not a product approval. Under phase 3 a note says that randomised "
            "trials of AHSCT against the best drugs are still running. MSCs and NSCs are "
            "experimental, trials only. The marker for AHSCT: "
            f"{E.describe_evidence('rct', guideline=True)}.")
    st = STATION_BY_KEY[state.at]
    i = STATION_KEYS.index(state.at)
    later = len(STATIONS) - i - 1
    lines, words = PATH_EXAMPLES[state.example]
    text = (f"A therapy's path as seven boxes from left to right. This step: {st.name} "
            f"({st.sub}), drawn with a thick border")
    if i:
        done = ", ".join(f"{s.name} ({s.sub})" for s in STATIONS[:i])
        text += f"; before it, ticked as done: {done}"
    if later:
        text += (f". The {later} later stage{'s are' if later > 1 else ' is'} dashed and marked "
                 "with a question mark: predict what comes next")
    return text + (
        f". The question it answers: {st.question} Example: {' '.join(lines)} The picture "
        f"shows {words}. The marker: {E.describe_evidence(st.level, st.guideline)}.")


PATH_SCENE = Scene("therapy_path", draw_path, describe_path, width=100, height=49,
                   legend=("nsc", "msc", "hsc", "t_cell"))

PATH_STEPS = (
    Step("In the lab",
         "Most ideas start in cells grown in a dish. Example: human MSCs stopped T cells "
         "dividing by breaking down tryptophan with the enzyme IDO [11]. A dish has no blood "
         "vessels, no brain and no disease history. <b>Predict:</b> what is the next "
         "test, before anyone tries it in people? " + E.evidence_html("in_vitro"),
         PathState("lab", "dish")),
    Step("In animals",
         "Next, an animal model. For MS the main one is experimental autoimmune "
         "encephalomyelitis (EAE). Example: in mice with EAE, MSCs made T cells unresponsive and "
         "reduced the damage [12]. Many treatments that work in EAE fail in people [23]. "
         "<b>Predict:</b> what is the first question to ask in people? "
         + E.evidence_html("animal"),
         PathState("animal", "eae")),
    Step("Phase 1: safety and dose",
         "Phase 1 asks whether a treatment is safe in people and at what dose, in a small group. "
         "Example: human fetal neural precursor cells were given into the spinal fluid of 12 "
         "people with progressive MS in a phase 1 study; there were no severe treatment-related "
         "reactions over 2 years, but phase 1 cannot show that a treatment works [13]. "
         + E.evidence_html("small_trial"),
         PathState("phase1", "nsc")),
    Step("Phase 2: signals of activity",
         "Phase 2 looks for signs that a treatment works. Example: in an open phase 2a study, 10 "
         "people with secondary progressive MS received their own MSCs; it was safe, and visual "
         "measures hinted at benefit, but with no control group it only generates hypotheses "
         "[14]. <b>Phase and rung are not the same:</b> the marker shows a typical small "
         "phase 2 study, but a randomised phase 2 trial such as MESEMS reaches the randomised "
         "rung (it found no drop in MRI activity) [15]. " + E.evidence_html("small_trial"),
         PathState("phase2", "msc")),
    Step("Phase 3: does it work better?",
         "Phase 3 compares the treatment with the alternative, usually in a randomised trial. "
         "Example: blocking the molecule α4-integrin prevented EAE in rats [16]; the same idea "
         "became natalizumab, an antibody, which cut relapses by about two-thirds in its pivotal "
         "randomised trial [16, 17]. <b>Predict:</b> what comes after a positive phase 3 trial? "
         + E.evidence_html("rct"),
         PathState("phase3", "natalizumab")),
    Step("Approval and guidelines",
         "Regulators approve a treatment for a use, and guidelines say for whom it is "
         "recommended. Natalizumab is now one of the long-term medicines (disease-modifying "
         "therapies) used in MS [17]. AHSCT reached guidelines by another route, without a "
         "product approval: trials and cohorts led expert bodies to support it for selected "
         "people with highly active relapsing MS, in accredited centres [3, 4, 5]. "
         + E.evidence_html("rct", guideline=True),
         PathState("approval", "approved")),
    Step("Phase 4: watching it in use",
         "Phase 4 studies follow a treatment after approval, as it is used in everyday care "
         "[1]. AHSCT has no product approval, but the same idea applies: guidelines ask for "
         "long-term follow-up (relapses and MRI, thyroid, blood counts, fertility and late "
         "effects) [3, 4]. " + E.evidence_html("rct", guideline=True),
         PathState("phase4", "followup")),
    Step("Where the cell therapies stand",
         "<b>Experimental</b> means not yet shown, in adequately controlled trials, to be safe "
         "and effective for that use, and not approved for it; it should be offered only within "
         "a registered trial, with ethics approval, informed consent and independent monitoring "
         "[1]. AHSCT for highly active relapsing MS is no longer purely experimental: it stands "
         "at guidelines, not at a product approval. MSCs, NSCs and other cell products for MS "
         "are experimental [3, 4, 5].",
         PathState("now", "")),
)


def therapy_path():
    """Storyboard: a therapy's path from the lab to guidelines and phase 4."""
    return Storyboard(PATH_SCENE, PATH_STEPS, heading="From the lab to the clinic")


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
    text = ("An illustrative sketch, not data, with no numbers on its axes: time runs to the "
            "right and symptoms get worse upwards. A solid line shows one treated person's "
            "relapsing-remitting course: a relapse rises to a peak, then symptoms improve. At "
            "the worst moment, a mesenchymal stromal cell (MSC) marks an unproven injection; "
            "the person says they got better.")
    if state.phases:
        text += (" Shaded bands label the relapse and the natural remission that follows it: "
                 "in relapsing-remitting MS, relapses partly or fully recover by themselves.")
    if state.control:
        text += (" A pale band with dashed edges shows the range of courses in an untreated "
                 "comparison group chosen the same way, at their worst: they improve just as "
                 "much, and the treated person's line stays inside the band from start to end. "
                 "The improvement was not caused by the injection; only a comparison group "
                 "shows this.")
    else:
        text += " There is no comparison group, so you cannot tell what would have happened."
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
                    heading="Did the injection work?")


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


FEATURES = (
    Feature("many", "Many diseases", "Our cells treat MS, autism, arthritis...", "red",
            "one cure for all?",
            "The same cells offered for many unrelated diseases is a typical red flag [1, 2]."),
    Feature("registered", "Trial registry", "Listed on a trial registry (number given)",
            "weak", "checkable, not proof",
            "Helpful: you can look the trial up. But registration alone does not show that the "
            "treatment works or that you should pay to join; still ask the questions [2]."),
    Feature("stories", "Patient stories", "Read our patients' amazing stories!", "red",
            "stories, not data",
            "Testimonials are not evidence: people who did not improve are not filmed. Ask what "
            "has been published [1, 2]."),
    Feature("doctor", "Licensed doctor", "Run by a licensed doctor", "weak",
            "needed, not proof",
            "Needed, but not enough: a licence to practise says nothing about whether this "
            "treatment works. Ask what evidence has been published [2]."),
    Feature("fee", "Trial with a fee", "Join our 'trial' for a one-off fee", "red",
            "paying to take part",
            "Large fees, especially paying to take part in a “trial”, are a red flag [1, 2]."),
    Feature("neurologist", "Your neurologist", "Discuss it with your own neurologist", "good",
            "independent advice",
            "A good sign: the ISSCR suggests discussing it with an independent doctor [2]. It "
            "does not make the treatment proven."),
    Feature("own", "Own cells", "Your own cells, so it's risk-free", "red",
            "own cells can harm",
            "Claiming that own cells make it risk-free is a red flag: own cells can still be "
            "contaminated, mishandled or put in the wrong place [1, 2, 8]."),
    Feature("published", "Published results", "Published: 5 patients improved", "weak",
            "5 people, no comparison",
            "Not enough: five people improving, with no comparison group, is what section 2 "
            "showed can happen without any treatment. Ask for a controlled trial [1, 3]."),
    Feature("fast", "Fast start", "Start next week, no ethics committee!", "red",
            "no oversight",
            "No independent ethics or regulatory oversight is a red flag [1, 2]."),
)
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
        return ("<b>Why:</b> each line gets one of three verdicts: <b>red flag</b>, <b>not "
                "enough on its own</b>, or <b>good sign</b>. Make your predictions, then press "
                "<b>Show verdicts</b> to see why.")
    shown = [FEATURE_BY_KEY[k] for k in FEATURE_KEYS if values[k]]
    if not shown:
        return "<b>Why:</b> switch some features on to build the advert."
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
                    heading="Clinic advert checker (a made-up clinic)",
                    note_for=_advert_reasons)


# ================================================================ 4. ethics: what consent covers

@dataclass(frozen=True)
class Item:
    """One thing a consent conversation about AHSCT covers, placed on a side of the scale."""

    key: str
    side: str  # "benefit", "risk" or "base" (conditions under the scale)
    text: str  # a short chip label (drawn)


CONSENT_ITEMS = (
    Item("remission", "benefit", "long remission possible"),
    Item("no_drugs", "benefit", "often no MS drugs after"),
    Item("infection", "risk", "infections; weeks in hospital"),
    Item("death", "risk", "small risk of death"),
    Item("fertility", "risk", "infertility, early menopause"),
    Item("autoimmunity", "risk", "later autoimmune disease (thyroid)"),
    Item("unknown", "risk", "versus best drugs: unknown"),
    Item("alternatives", "base", "alternatives: high-efficacy\ndrugs, with their own risks"),
    Item("centre", "base", "accredited centre,\nlong-term follow-up"),
    Item("access", "base", "cost, travel:\nwho is offered it"),
)
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
            C.text(ax, cx, y, item.text)
    for j, item in enumerate(stacks["base"]):  # also part of the decision, under the scale
        x = 17.0 + j * 33.0
        C.box(ax, x - 15.8, 1.0, x + 15.8, 8.4, dashed=True, z=4, rounding=0.8)
        C.lines(ax, x, 6.1, item.text.split("\n"), ha="center", gap=2.8)


def describe_consent(state):
    items = [ITEM_BY_KEY[k] for k in state.shown]
    text = ("A balance scale under a haematopoietic stem cell (HSC, labelled H) standing for "
            "AHSCT. The left pan is labelled 'possible benefits', the right pan 'risks and "
            "unknowns'. The beam is drawn level on purpose: each person weighs these with their "
            "MS specialist, and the drawing does not decide for them.")
    benefits = [i.text for i in items if i.side == "benefit"]
    risks = [i.text for i in items if i.side == "risk"]
    base = [i.text.replace("\n", " ") for i in items if i.side == "base"]
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

CONSENT_STEPS = (
    Step("The offer",
         "A neurologist and a transplant doctor consider AHSCT for a young person with highly "
         "active relapsing MS despite a high-efficacy drug. Informed consent means the person "
         "understands the benefits, risks, alternatives and uncertainties, and is free to say "
         "no. <b>Predict:</b> what should go on each side of the scale, and what under it?",
         ConsentState(())),
    Step("Possible benefits",
         "Relapses and new lesions almost stop for most, and many stay free of disease activity "
         "for years: in the meta-analysis about two-thirds at 5 years [19]. Usually no MS drugs "
         "are needed afterwards [3]. Not a proven cure: some relapse or worsen.",
         ConsentState(("remission", "no_drugs"))),
    Step("Early risks",
         "High-dose chemotherapy removes protective immune cells too: infections are the main "
         "early danger, during a week or two (longer after some regimens) of very low blood "
         "counts; the hospital stay is typically a few weeks [3, 6]. Deaths caused by the "
         "treatment have become rare in experienced centres, 1 in 507 patients in one large "
         "series [20], but not zero.",
         ConsentState(("remission", "no_drugs", "infection", "death"))),
    Step("Fertility",
         "Infertility and early menopause are real risks, higher with more intensive regimens "
         "and older age; pregnancies after some regimens are reported. Counselling and storing "
         "sperm, eggs or embryos are offered before treatment [3, 4]. <b>Think:</b> how might "
         "this weigh differently for different people?",
         ConsentState(("remission", "no_drugs", "infection", "death", "fertility"))),
    Step("Later risks, unknowns and alternatives",
         "Other autoimmune diseases, most often of the thyroid, can appear later [21]; "
         "long-term follow-up is needed. And it is not yet known whether AHSCT beats today's "
         "best drugs: randomised trials are still running [24, 25, 26]. Those drugs are the "
         "alternative, with their own risks, and they belong in the same conversation [2, 4].",
         ConsentState(("remission", "no_drugs", "infection", "death", "fertility",
                       "autoimmunity", "unknown", "alternatives"))),
    Step("Where, and for whom",
         "Guidelines say: only in accredited, experienced centres (accredited by JACIE, the "
         "joint accreditation committee of the EBMT and ISCT), with MS neurologists involved "
         "and long-term follow-up at home [3, 6]. Cost, travel and waiting lists decide who "
         "can actually get it: a question of fairness (equity of access). Travelling abroad to "
         "unaccredited centres is discouraged [6]. <b>Count</b> the chips on each pan, then "
         "ask: does the longer stack win?",
         ConsentState(("remission", "no_drugs", "infection", "death", "fertility",
                       "autoimmunity", "unknown", "alternatives", "centre", "access"))),
)


def consent_story():
    """Storyboard: what an informed-consent conversation about AHSCT covers."""
    return Storyboard(CONSENT_SCENE, CONSENT_STEPS, heading="Weighing a high-risk, high-benefit "
                      "treatment")


# ================================================================ 5. review quiz across the course

QUESTIONS = (
    Question(
        "Lesson 01. What does a myelin sheath do for an axon? Tick every correct statement.",
        (
            Option("It lets the signal jump from node to node, which is much faster.", True,
                   "Yes: saltatory conduction. The signal is renewed only at the nodes of "
                   "Ranvier."),
            Option("It saves energy: ions cross the membrane mainly at the nodes.", True,
                   "Yes: less pumping is needed afterwards."),
            Option("It speeds signals up, but a bare axon stays just as healthy.", False,
                   "No. Oligodendrocytes also feed axons with metabolites such as lactate; "
                   "losing myelin endangers the axon itself."),
        ),
        multiple=True,
        topic="MS is only demyelination",
    ),
    Question(
        "Lesson 02. A person with MS has several new lesions on their MRI scan but has felt no "
        "new symptoms. What is the best explanation?",
        (
            Option("They must be having a relapse that they have not noticed yet.", False,
                   "No. A relapse means new or worse symptoms. Many lesions are clinically "
                   "silent, which is why MRI detects disease activity far more often than "
                   "relapses happen."),
            Option("Many lesions cause no symptoms: relapses and lesions are not the same.", True,
                   "Yes. That is why trials count MRI activity as well as relapses."),
            Option("The lesions are in peripheral nerves, so they cannot cause symptoms.", False,
                   "No. MS lesions are in the brain, spinal cord and optic nerves, not in the "
                   "peripheral nerves."),
        ),
        topic="Every MRI lesion causes symptoms",
    ),
    Question(
        "Lesson 02. “If someone has no relapses, their MS is not getting worse.” Is that "
        "right?",
        (
            Option("Yes: disability comes from relapses that did not fully recover.", False,
                   "No. Incomplete recovery from relapses adds some disability, but "
                   "progression independent of relapse activity (PIRA) explains most "
                   "disability build-up, even in relapsing MS trials."),
            Option("No: disability can build up slowly without relapses.", True,
                   "Yes. This progression independent of relapse activity (PIRA) is driven by "
                   "nerve-fibre loss and smouldering inflammation, which is also why stopping "
                   "relapses may not stop all progression."),
            Option("Only in primary progressive MS, which has no relapses.", False,
                   "No. Slow worsening without relapses happens in relapsing MS too: it "
                   "explains most disability build-up even in relapsing MS trials."),
        ),
        topic="No relapses means no progression",
    ),
    Question(
        "Lesson 03. After AHSCT, is the old immune system completely erased?",
        (
            Option("Yes: the old cells are removed and the graft grows a new system.", False,
                   "No. Most circulating clones are removed, but some survive, especially CD8 T "
                   "cells and antibody-making cells inside the brain and spinal cord."),
            Option("No: most clones are removed and new ones regrow, but some old ones "
                   "persist.", True,
                   "Yes. “Immune reset” is a metaphor, not a complete erasure."),
            Option("No: the harmful clones are removed, and the protective ones are kept.",
                   False,
                   "No. The chemotherapy is not selective: it removes protective cells too, "
                   "which is why infections are the main early risk."),
        ),
        topic="Immune reset means complete erasure",
    ),
    Question(
        "Lesson 04. Who repairs myelin after AHSCT?",
        (
            Option("The reinfused blood-forming stem cells turn into new oligodendrocytes.",
                   False,
                   "No. Haematopoietic stem cells make only blood and immune cells; they are a "
                   "rescue for the bone marrow."),
            Option("The patient's own precursor cells (OPCs), once the inflammation stops.", True,
                   "Yes. Repair is the body's own (in people, surviving oligodendrocytes may "
                   "help too); remyelination does happen in MS, but often fails in chronic "
                   "lesions and with age."),
            Option("Nobody: myelin lost in MS is replaced by scar tissue for good.", False,
                   "No. Remyelination does happen in MS, sometimes extensively, especially "
                   "early in the disease."),
        ),
        topic="The transplanted stem cells turn into new myelin",
    ),
    Question(
        "Lesson 05. Where do most MSCs go after they are infused into a vein?",
        (
            Option("Into the brain within days, where they settle in the lesions.", False,
                   "No. In tracking studies most were trapped in the lungs and disappeared "
                   "within days; they do not move into the brain in large numbers."),
            Option("Most are trapped in the lungs and disappear within days.", True,
                   "Yes. Any benefit would come from signals: in mice, even lung-trapped and "
                   "dying MSCs can send calming signals."),
            Option("They stay in the blood and circulate for months, calming T cells.", False,
                   "No. Most were trapped in the lungs and disappeared within days."),
        ),
        topic="Infused stem cells home to the brain",
    ),
    Question(
        "Lesson 06. In people with MS, what is the best-proven way to protect nerve fibres so "
        "far?",
        (
            Option("Transplanted cells that release growth factors onto neurons.", False,
                   "No. That is shown in cell culture and animals, not in people."),
            Option("Stopping the inflammation, for example with AHSCT.", True,
                   "Yes. Afterwards the blood marker of nerve-fibre damage (NfL) falls and brain "
                   "shrinkage slows. Anti-inflammatory and neuroprotective effects overlap: "
                   "stopping inflammation is itself the best-proven neuroprotection."),
            Option("Mitochondria transferred from MSCs to nerve cells.", False,
                   "No. Mitochondrial transfer was shown in lung injury, not in MS."),
        ),
        topic="Anti-inflammatory and neuroprotective effects are separate",
    ),
    Question(
        "Lesson 07. Which statement about AHSCT is best supported?",
        (
            Option("It cures MS: after one treatment, the disease does not come back.", False,
                   "No. It can give long remissions, but some people relapse or worsen, the "
                   "figures come from selected patients, and lifelong follow-up is needed."),
            Option("It works as well in progressive MS without inflammation as in relapsing "
                   "MS.", False,
                   "No. The benefit is greatest in active relapsing MS and much smaller in "
                   "progressive MS without inflammatory activity."),
            Option("It almost stops relapses in active relapsing MS; whether it beats the best "
                   "drugs is open.", True,
                   "Yes: relapses and new lesions almost stop. Randomised trials against "
                   "today's best drugs were still running in mid-2025."),
        ),
        topic="AHSCT cures MS",
    ),
    Question(
        "Lesson 07. “All stem cell therapies are basically the same.” Why is that wrong?",
        (
            Option("They differ in origin, route, mechanism, risks and evidence.", True,
                   "Yes. HSCs, MSCs and neural stem cells are different cells, and only AHSCT "
                   "has strong clinical evidence in MS. The words “stem cell” say little about "
                   "what a treatment does."),
            Option("They differ only in where the cells come from; once given, all rebuild "
                   "myelin.", False,
                   "No. None of them has been shown to rebuild myelin in people with MS: HSCs "
                   "make only blood and immune cells, and MSCs act mainly through signals."),
            Option("It is not wrong: all of them work by calming the immune system.", False,
                   "No. AHSCT removes and rebuilds the immune system; MSCs may send calming "
                   "signals, but the largest randomised trial found no effect on MRI activity."),
        ),
        topic="All stem cell therapies are the same",
    ),
    Question(
        "Lesson 08. A clinic says: “We use your own cells, so there is no risk.” What is the "
        "best reply?",
        (
            Option("Own cells cannot be rejected, so the only risk is the needle.", False,
                   "No. Own cells can still be contaminated, mishandled or put in the wrong "
                   "place (section 3 of this lesson)."),
            Option("Own cells can still cause harm: ask the ISSCR questions.", True,
                   "Yes. “Own cells, risk-free” is a red flag. Ask whether it is a registered "
                   "trial and what has been published, and discuss it with an independent "
                   "doctor."),
            Option("That is true, as long as a licensed doctor gives the injection.", False,
                   "No. A licence does not make an unproven treatment safe: cell treatments "
                   "should be tested in regulated trials, whatever their source."),
        ),
        topic="Using my own cells makes it safe",
    ),
    Question(
        "Lesson 08. Why do MS trials need a randomised comparison group?",
        (
            Option("Relapses get better by themselves, and people start treatments at their "
                   "worst.", True,
                   "Yes: improvement can happen without the treatment. Natural remission, the "
                   "placebo effect, regression to the mean and selection can all look like a "
                   "treatment effect."),
            Option("Because a large group without a comparison averages out chance.", False,
                   "No. Size alone does not help: a big study without a comparison group can "
                   "still mislead, because everyone in it may improve by themselves."),
            Option("So that doctors can pick the patients most likely to do well.", False,
                   "No. That is the opposite: chance, not the doctors, decides who gets the "
                   "treatment, so the groups differ only by the treatment."),
        ),
        topic="Why randomise",
    ),
    Question(
        "Lesson 08. A company gives a new cell product to 12 people to check its safety and "
        "dose. What can this study tell you?",
        (
            Option("Whether it seems safe enough to test further, not whether it works.", True,
                   "Yes. That is a phase 1 study: small, with no comparison group. It asks "
                   "about safety and dose, as the study of neural precursor cells did."),
            Option("Whether it works, if most of the 12 people feel better afterwards.", False,
                   "No. With no comparison group, improvement can come from natural remission, "
                   "the placebo effect or regression to the mean; and 12 people are few."),
            Option("That it is approved, since it is now being tested in people.", False,
                   "No. Testing in people is the start of the path: approval comes only after "
                   "controlled trials show that it is safe and that it works."),
        ),
        topic="Tested in people means it works",
    ),
    Question(
        "Lesson 08. The consent scale shows five risks and unknowns but only two benefits. "
        "What follows from that?",
        (
            Option("The risks outweigh the benefits, so AHSCT should not be offered.", False,
                   "No. Counting is not weighing: for one person, years without relapses may "
                   "matter more than anything else on the scale."),
            Option("Nothing by itself: each person weighs the items; counting is not "
                   "weighing.", True,
                   "Yes. How much each item matters depends on the person's disease and "
                   "values, which is why the decision is made with their MS specialist."),
            Option("The benefits must be bigger, because guidelines support AHSCT.", False,
                   "No. Guidelines support it only for selected people in experienced centres; "
                   "for any one person the balance depends on their disease and values."),
        ),
        topic="Counting pros and cons decides",
    ),
)


def self_check():
    return Quiz(QUESTIONS, heading="Review quiz: the whole course")


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
