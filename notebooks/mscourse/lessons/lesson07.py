"""Lesson 07: AHSCT versus MSC therapy, and the evidence.

A side-by-side comparison of the two "stem cell" therapies, an evidence
ladder that places each claim of lessons 03 to 06 (built from the toolkit's
evidence marker, ``mscourse.evidence``), the key trials in one sentence each,
and what the running randomised trials are designed to answer.

Everything an instructor may want to edit is data near the top of each part:
the comparison rows (``ROWS``), the claims on the ladder (``CLAIMS``), the
trials (``TRIALS``, ``TRIAL_STEPS``, ``RUNNING``) and the self-check
``QUESTIONS``. Reference numbers in square brackets follow the lesson's own
reference list in ``07_ahsct_vs_msc_evidence.ipynb``.
"""

import textwrap
from dataclasses import dataclass

import ipywidgets as w

from .. import actors as A
from .. import evidence as E
from .. import style
from .. import canvas as C
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Option, Question, Quiz, Step, Storyboard

MSC_INK = A.ACTORS["msc"].ink  # the MSC's olive, darkened: arrows for MSC signals
HSC_INK = A.ACTORS["hsc"].colour  # the HSC's wine red (already dark): arrows for blood-forming cells
RUNG_FILL = style.PALE


# ================================================================ 1. side by side

@dataclass(frozen=True)
class Row:
    """One row of the comparison: what AHSCT and MSC therapy each are or do."""

    key: str
    button: str  # the toggle's label
    title: str  # drawn at the top of the diagram
    ahsct_short: tuple  # two short lines drawn under AHSCT
    msc_short: tuple  # two short lines drawn under MSC therapy
    ahsct: tuple  # the fuller text about AHSCT (description)
    msc: tuple  # the fuller text about MSC therapy (description)
    ahsct_level: str = ""  # an evidence.LEVELS key drawn under the AHSCT column, or ""
    msc_level: str = ""
    msc_tag: str = ""  # text drawn instead of a marker under the MSC column
    ahsct_guideline: bool = False  # AHSCT's marker also shows "endorsed in guidelines"


ROWS = (
    Row("cell", "cell type", "Which cell?",
        ("HSCs: blood-forming stem cells", "make only blood and immune cells"),
        ("MSCs: connective-tissue cells", "act mainly by sending signals"),
        ("Haematopoietic stem cells (HSCs): the",
         "blood-forming stem cells of the marrow.",
         "They make only blood and immune cells,",
         "never myelin or nerve cells."),
        ("Mesenchymal stromal cells (MSCs):",
         "connective-tissue cells that act mainly",
         "by sending signals. Claims that they turn",
         "into myelin cells: largely discredited.")),
    Row("source", "source", "Where do the cells come from?",
        ("the patient's own cells,", "collected from the blood"),
        ("bone marrow, fat or umbilical", "cord; own or donor cells"),
        ("The patient's own cells (autologous),",
         "pushed out of the marrow by drugs",
         "(mobilisation), collected from the blood",
         "(apheresis), then frozen."),
        ("Bone marrow (the patient's own in most",
         "MS trials), fat, or umbilical cord (cord",
         "cells usually from a donor). Products",
         "differ between sources and makers.")),
    Row("route", "route", "How are they given?",
        ("a drip into a vein after", "high-dose chemotherapy"),
        ("usually a drip into a vein;", "some trials: into spinal fluid"),
        ("Thawed and given through a drip into a",
         "vein, after high-dose chemotherapy.",
         "The cells find their own way back",
         "to the bone marrow."),
        ("Usually a drip into a vein: most cells are",
         "trapped in the lungs and gone within days",
         "(tracking in mice). Some trials inject",
         "them into the spinal fluid.")),
    Row("action", "what it does", "What does the treatment do?",
        ("chemotherapy removes most immune", "cells; the HSCs rescue the marrow"),
        ("proposed: calming and", "supporting signals"),
        ("Chemotherapy removes most immune cells;",
         "the stem cells rescue blood formation;",
         "a new immune repertoire regrows. The",
         "cells are the rescue, not the treatment."),
        ("Proposed: calming and supporting signals",
         "to immune cells and to the body's own",
         "repair cells (paracrine signalling),",
         "shown mostly in cell culture and mice."),
        ahsct_level="rct", msc_level="animal"),
    Row("risks", "main risks", "What are the main risks?",
        ("infections, infertility,", "later autoimmune problems"),
        ("short-term safe in trials;", "unregulated products: harms"),
        ("Infections while blood counts are very",
         "low; infertility or early menopause;",
         "later autoimmune problems (e.g. thyroid);",
         "deaths now rare in experienced centres."),
        ("Appeared safe in the short term in",
         "trials. Cell products sold outside trials",
         "carry their own risks: injections of own",
         "fat-derived cells have blinded people.")),
    Row("status", "regulatory status", "Where do they stand?",
        ("a guideline-supported option", "for selected patients"),
        ("experimental:", "only in clinical trials"),
        ("A guideline-supported option for selected",
         "people with highly active relapsing MS",
         "despite treatment, in accredited centres.",
         "Trials against the best drugs: running."),
        ("Experimental: only within regulated",
         "clinical trials. Not an approved MS",
         "treatment. No convincing benefit in",
         "adequately controlled trials so far."),
        ahsct_level="rct", ahsct_guideline=True, msc_tag="experimental: trials only"),
)
ROW_BY_KEY = {r.key: r for r in ROWS}


@dataclass(frozen=True)
class CompareState:
    row: str = "cell"


def _compare_pictures(ax, row):
    """Small pictures under each column, made of the course's actors."""
    if row == "cell":
        A.draw_hsc(ax, 8.0, 14.0, size=2.2)
        C.arrow(ax, (10.8, 14.0), (25.6, 14.0), colour=HSC_INK, width=1.4)
        A.draw_t_cell(ax, 29.0, 14.0)
        A.draw_b_cell(ax, 36.5, 14.0)
        C.text(ax, 24.0, 9.0, "blood and immune cells only")
        A.draw_msc(ax, 58.0, 14.0, size=2.4)
        C.arrow(ax, (62.5, 14.8), (74.6, 16.6), colour=MSC_INK, dashed=True, width=1.4)
        C.arrow(ax, (62.5, 13.2), (85.0, 11.6), colour=MSC_INK, dashed=True, width=1.4)
        A.draw_t_cell(ax, 77.0, 17.0)
        A.draw_opc(ax, 88.0, 11.5, size=1.6)
        C.text(ax, 74.0, 7.6, "signals to immune cells and OPCs (proposed)")
    elif row == "source":
        A.draw_vessel(ax, 3.0, 28.0, 14.0, height=6.0)
        for x in (9.0, 16.0, 23.0):
            A.draw_hsc(ax, x, 14.0, size=1.8)
        C.text(ax, 37.0, 14.0, "collected\nfrom blood")
        for x, label in ((60.0, "bone marrow"), (74.5, "fat"), (88.0, "umbilical cord")):
            A.draw_msc(ax, x, 15.5, size=2.0)
            C.text(ax, x, 10.8, label)
    elif row == "route":
        A.draw_vessel(ax, 3.0, 28.0, 14.0, height=6.0)
        A.draw_hsc(ax, 12.0, 14.0, size=1.8)
        C.arrow(ax, (15.0, 14.0), (25.0, 14.0), colour=style.INK, width=1.4)
        C.text(ax, 38.5, 14.0, "to the bone\nmarrow")
        A.draw_vessel(ax, 53.0, 78.0, 14.0, height=6.0)
        A.draw_msc(ax, 62.0, 14.0, size=1.9)
        C.arrow(ax, (65.8, 14.0), (75.0, 14.0), colour=style.INK, width=1.4)
        C.text(ax, 89.0, 14.0, "lungs (most\nof the cells)")
    elif row == "action":
        for x, y in ((6.0, 17.0), (12.0, 12.0), (18.0, 17.0), (30.0, 12.0)):
            C.ghost(ax, x, y, 1.6)
        A.draw_t_cell(ax, 24.0, 16.5, tag="8")
        A.draw_hsc(ax, 40.0, 14.0, size=2.2)
        C.text(ax, 15.0, 8.2, "removed; a few survive")
        C.text(ax, 40.0, 9.0, "rescue")
        A.draw_msc(ax, 60.0, 14.0, size=2.4)
        for ty in (18.0, 10.5):
            C.arrow(ax, (64.6, 14.0 + (ty - 14.0) * 0.2), (81.2, ty), kind="inh", colour=MSC_INK,
                    dashed=True, width=1.4)
        A.draw_t_cell(ax, 84.0, 18.0)
        A.draw_t_cell(ax, 84.0, 10.5)
        C.text(ax, 72.0, 6.6, "T cells stay; damped (proposed)")
    elif row == "risks":
        for x in (8.0, 15.0, 22.0, 29.0):
            C.ghost(ax, x, 19.5, 1.9)
        C.text(ax, 23.0, 14.6, "(dashed circles: missing blood cells)", colour=style.MUTED)
        C.text(ax, 23.0, 8.0,
               "days to weeks of very low blood counts:\ninfections are the main early risk")
        for x0, x1, dashed, label in ((53.0, 73.0, False, "in a regulated trial"),
                                      (76.5, 98.0, True, "sold outside trials")):
            C.box(ax, x0, 10.0, x1, 23.0, dashed=dashed)
            A.draw_msc(ax, (x0 + x1) / 2, 18.5, size=2.0)
            C.text(ax, (x0 + x1) / 2, 13.0, label)
        C.text(ax, 75.5, 5.6, "same cells: the setting changes the risk")
    elif row == "status":
        C.box(ax, 6.0, 8.0, 42.0, 21.0)
        A.draw_hsc(ax, 11.0, 14.5, size=2.2)
        C.text(ax, 15.0, 16.0, "accredited transplant centre,", ha="left")
        C.text(ax, 15.0, 12.8, "neurologists involved", ha="left")
        C.box(ax, 56.0, 8.0, 92.0, 21.0, dashed=True)
        A.draw_msc(ax, 61.5, 14.5, size=2.2)
        C.text(ax, 66.0, 16.0, "registered clinical trial,", ha="left")
        C.text(ax, 66.0, 12.8, "ethics approval, consent", ha="left")


COMPARE_PICTURES = {
    "cell": ("A small picture under AHSCT: an HSC with an arrow to a T cell and a B cell, "
             "labelled 'blood and immune cells only'. Under MSC therapy: an MSC sends dashed "
             "signal arrows to a T cell and an oligodendrocyte precursor cell (OPC), labelled "
             "'signals to immune cells and OPCs (proposed)'."),
    "source": ("Under AHSCT: a blood vessel holding three HSCs, labelled 'collected from blood'. "
               "Under MSC therapy: three MSCs labelled bone marrow, fat and umbilical cord."),
    "route": ("Under AHSCT: an HSC in a blood vessel, with an arrow 'to the bone marrow'. Under "
              "MSC therapy: an MSC in a blood vessel, with an arrow to the lungs, where most of "
              "the cells end up."),
    "action": ("Under AHSCT: dashed empty circles for removed immune cells, one surviving CD8 "
               "T cell (T8), and an HSC labelled 'rescue'. Under MSC therapy: an MSC sends dashed "
               "arrows ending in bars to two T cells, which stay where they are."),
    "risks": ("Under AHSCT: dashed empty circles, labelled as missing blood cells, stand for the "
              "days to weeks of very low blood counts, when infections are the main early risk. "
              "Under MSC therapy: the same MSC drawn twice, in a solid box 'in a regulated trial' "
              "and in a dashed box 'sold outside trials', labelled 'same cells: the setting "
              "changes the risk'."),
    "status": ("Under AHSCT: an HSC in a box 'accredited transplant centre, neurologists "
               "involved'. Under MSC therapy: an MSC in a dashed box 'registered clinical trial, "
               "ethics approval, consent'."),
}


def draw_compare(ax, state):
    row = ROW_BY_KEY[state.row]
    C.text(ax, 50.0, 48.0, f"Compare: {row.button}", step=0.5, bold=True)
    C.line(ax, [50, 50], [2, 45], colour=style.LIGHT_GREY, width=1.2, z=1, caps=None)
    for x0, title, draw in ((2.0, "AHSCT", A.draw_hsc), (52.0, "MSC therapy", A.draw_msc)):
        draw(ax, x0 + 3.5, 42.0, size=2.3)
        C.text(ax, x0 + 8.5, 42.0, title, ha="left", step=0.5, bold=True)
    C.lines(ax, 2.0, 34.5, row.ahsct_short, step=1, gap=3.8)
    C.lines(ax, 52.0, 34.5, row.msc_short, step=1, gap=3.8)
    _compare_pictures(ax, row.key)
    if row.ahsct_level:
        E.draw_evidence(ax, 3.0, 1.6, row.ahsct_level, width=7.0, guideline=row.ahsct_guideline)
    if row.msc_level:
        E.draw_evidence(ax, 53.0, 1.6, row.msc_level, width=7.0)
    if row.msc_tag:
        C.text(ax, 53.0, 3.0, row.msc_tag, ha="left", bold=True)


def describe_compare(state):
    row = ROW_BY_KEY[state.row]
    text = (f"Two columns compare the {row.button}. Left: AHSCT (autologous haematopoietic stem "
            f"cell transplantation), drawn as a haematopoietic stem cell (HSC, labelled H). "
            f"Right: MSC therapy, drawn as a mesenchymal stromal cell (MSC, labelled MSC). "
            f"AHSCT: {' '.join(row.ahsct)} MSC therapy: {' '.join(row.msc)}")
    if row.key in COMPARE_PICTURES:
        text += " " + COMPARE_PICTURES[row.key]
    if row.ahsct_level:
        text += f" AHSCT's marker: {E.describe_evidence(row.ahsct_level, row.ahsct_guideline)}."
    if row.msc_level:
        text += f" MSC therapy's marker: {E.describe_evidence(row.msc_level)}."
    if row.msc_tag:
        text += f" MSC therapy is labelled '{row.msc_tag}'."
    return text


COMPARE_SCENE = Scene("ahsct_vs_msc", draw_compare, describe_compare, width=100, height=50,
                      legend=("hsc", "msc", "t_cell", "b_cell", "opc", "vessel"))


def compare_explorer():
    """Explorer: compare AHSCT and MSC therapy one row at a time."""
    choice = w.ToggleButtons(options=[(r.button, r.key) for r in ROWS], value="cell",
                             description="Compare:", style={"description_width": "initial"},
                             tooltips=[r.title for r in ROWS])
    return Explorer(COMPARE_SCENE, {"row": choice},
                    make_state=lambda v: CompareState(v["row"]),
                    heading="AHSCT and MSC therapy, side by side")


# ================================================================ 2. the evidence ladder

# What a placed claim's evidence found. The rung says what kind of study tested
# the claim; the verdict says what that study found. Symbol + words, never colour.
VERDICTS = {
    "supported": ("✔", "supported at this level"),
    "against": ("✘", "tested at this level: not supported"),
    "open": ("?", "not known yet: being tested"),
    "discredited": ("✘", "largely discredited"),
    "not_shown": ("–", "not shown in people"),
}
GROUND = "none"  # the place below the ladder: no rung
GROUND_LABEL = "no rung: untested, not shown in people, or discredited"
GROUND_LINES = ("no rung:", "untested, not shown in", "people, or discredited")  # drawn
GROUND_BUTTON = "no rung (below the ladder)"
# Why a claim has no rung, one reason per verdict it can have down there.
GROUND_WHY = {
    "open": "nothing has tested it yet",
    "not_shown": "about people, but shown only in animals so far",
    "discredited": "early support was later explained away",
}


@dataclass(frozen=True)
class Claim:
    """One claim from lessons 03 to 06, placed on the evidence ladder."""

    key: str
    text: str  # the claim as a student might meet it
    lesson: str  # where the course discussed it
    actor: str  # the actor key drawn beside the claim
    level: str  # an evidence.LEVELS key, or GROUND
    verdict: str  # a VERDICTS key
    why: tuple  # the reason in a few short phrases (description; no numbers)
    caption: str  # the fuller reason, with reference numbers, for the text under the widget
    guideline: bool = False  # the separate "endorsed in guidelines" mark beside the rung


CLAIMS = (
    Claim("ahsct_activity",
          "AHSCT almost stops relapses and new MRI lesions in active relapsing MS",
          "lessons 03 and 05", "hsc", "rct", "supported",
          ("A randomised trial, single-group trials",
           "and cohorts agree; guidelines support it",
           "for selected people with highly active",
           "relapsing MS, in accredited centres."),
          "Relapses and new MRI lesions almost stopped in a randomised trial (MIST), in "
          "single-group trials and in cohorts [9, 10, 25]; European and US guidelines support "
          "AHSCT for selected people with highly active relapsing MS [2, 3, 4].", guideline=True),
    Claim("ahsct_disability",
          "AHSCT slows disability worsening more than the drugs it was compared with in MIST",
          "lesson 03", "hsc", "rct", "supported",
          ("One randomised trial (MIST): far fewer",
           "people worsened after AHSCT. But the",
           "comparison drugs were not today's most",
           "effective ones; patients and doctors knew."),
          "In MIST, disability worsened in 3 of 55 people after AHSCT versus 34 of 55 on other "
          "drugs [9]. The comparison group did not get today's most effective drugs."),
    Claim("ahsct_best",
          "AHSCT works better than today's most effective MS drugs",
          "lesson 03", "hsc", GROUND, "open",
          ("No randomised trial has answered this",
           "yet. Three are running (BEAT-MS,",
           "RAM-MS, StarMS); none had reported",
           "by mid-2025."),
          "This is exactly what BEAT-MS, RAM-MS and StarMS are testing; none had reported primary "
          "results by mid-2025 [15, 16, 17] (section 4)."),
    Claim("ahsct_remission",
          "After AHSCT, many people stay free of disease activity for years",
          "lesson 03", "hsc", "small_trial", "supported",
          ("Single-group trials, cohorts and a",
           "meta-analysis of them: selected patients,",
           "no comparison group. Long remission is",
           "common, but it is not a proven cure."),
          "In the meta-analysis, about two-thirds had no evidence of disease activity (NEDA) at "
          "5 years [13]; in a Swedish cohort, 65% at 10 years [29]. These come from selected "
          "patients without a comparison group."),
    Claim("ahsct_progressive",
          "AHSCT works just as well in progressive MS",
          "lesson 03", "hsc", "small_trial", "against",
          ("Long-term cohorts show much less benefit",
           "in progressive MS without inflammatory",
           "activity than in relapsing MS: nerve",
           "loss goes on after inflammation stops."),
          "In the long-term cohort, progression-free survival was much higher in relapsing MS "
          "than overall [12]; guidelines consider progressive MS only with clear inflammatory "
          "activity [3]."),
    Claim("hsc_myelin",
          "In AHSCT, the reinfused stem cells turn into new myelin or nerve cells",
          "lessons 03 and 04", "hsc", GROUND, "discredited",
          ("HSCs make only blood and immune cells.",
           "Early reports that marrow cells become",
           "other tissues were explained by cell",
           "fusion or could not be repeated."),
          "HSCs make only blood and immune cells; in AHSCT they do not become oligodendrocytes, "
          "neurons or myelin [1, 2, 19, 20]."),
    Claim("msc_tcells",
          "MSCs calm T cells",
          "lesson 05", "msc", "animal", "supported",
          ("Shown in cell culture (e.g. the enzyme",
           "IDO) and in mice with EAE, where MSCs",
           "made T cells unresponsive. Not shown",
           "to calm MS in people."),
          "In the dish, human MSCs stop T cells dividing, for example through the enzyme IDO "
          "[23]; in mice with EAE, MSCs made T cells unresponsive [22]."),
    Claim("msc_mri",
          "MSCs reduce MRI signs of inflammation in people with MS",
          "lesson 05", "msc", "rct", "against",
          ("Tested in the largest randomised MSC",
           "trial (MESEMS): no fewer active lesions",
           "than placebo. Other doses, routes or",
           "products are not ruled out."),
          "MESEMS found no reduction in gadolinium-enhancing lesions over 24 weeks compared with "
          "placebo [14]."),
    Claim("msc_oligo",
          "MSCs become oligodendrocytes inside the body",
          "lesson 04", "msc", GROUND, "discredited",
          ("Early claims were explained by cell",
           "fusion or by artefacts of the culture.",
           "MSCs may support the body's own repair",
           "cells by signalling instead."),
          "Claims that marrow-derived cells become nerve-system cells were largely explained by "
          "cell fusion or culture artefacts [19, 20, 21]."),
    Claim("msc_trophic",
          "MSC signals help nerve cells and myelin-making cells survive",
          "lesson 06", "msc", "animal", "supported",
          ("Growth factors from MSCs supported cells",
           "in the dish, and one factor (HGF) drove",
           "recovery in mouse MS models. Not shown",
           "in people."),
          "MSCs release growth factors that support neurons and oligodendrocytes in culture "
          "[6, 32]; hepatocyte growth factor (HGF) drove recovery in mouse models of MS [24]."),
    Claim("direct_np",
          "Transplanted cells protect neurons directly in people",
          "lesson 06", "neuron", GROUND, "not_shown",
          ("Direct protection of nerve cells by",
           "transplanted cells is an animal finding.",
           "In people it has not been shown.",
           ""),
          "Direct neuroprotection by transplanted cells has been seen only in animal models; it "
          "is not proven in people [1]."),
    Claim("indirect_np",
          "Stopping inflammation protects nerve fibres in people (after AHSCT)",
          "lesson 06", "neuron", "small_trial", "supported",
          ("After AHSCT, a blood marker of nerve-",
           "fibre damage (NfL) falls and brain",
           "shrinkage slows towards normal, in",
           "uncontrolled studies."),
          "After AHSCT, neurofilament light (NfL) falls and brain atrophy slows towards the rate "
          "of healthy people after an early phase [1, 25, 26]."),
    Claim("opc_drug",
          "A drug can help the patient's own OPCs repair myelin",
          "lesson 04", "opc", "rct", "supported",
          ("One small randomised trial (clemastine):",
           "visual signals got slightly faster. The",
           "effect was small, and no treatment has",
           "yet restored function by remyelination."),
          "In the ReBUILD trial, clemastine shortened the delay of visual signals slightly: the "
          "first randomised evidence of drug-induced remyelination in MS [27]."),
)
CLAIM_BY_KEY = {c.key: c for c in CLAIMS}

# The predictions a student can make: the five rungs of the toolkit's marker,
# then the place under the ladder.
GUESSES = tuple((f"{lv.rank} {lv.label}", lv.key) for lv in E.LEVELS) + ((GROUND_BUTTON, GROUND),)


@dataclass(frozen=True)
class LadderState:
    claim: str = CLAIMS[0].key
    guess: str = ""  # "" = no prediction yet, else a LEVELS key or GROUND
    reveal: bool = False


def _rank(key):
    return 0 if key == GROUND else E.level(key).rank


def _rung_label(key):
    if key == GROUND:
        return "no rung (below the ladder)"
    lv = E.level(key)
    return f"rung {lv.rank}, {lv.label}"


LADDER_X = (3.0, 47.0)
RUNG_Y0, RUNG_GAP, RUNG_H = 17.0, 8.0, 5.6
GROUND_Y = 6.6  # centre of the dashed box under the ladder
CARD_X = 53.0
CARD_WRAP = 42  # characters per line on the claim card


def _rung_y(key):
    """Centre height of a rung (rank 1 to 5), or of the place below the ladder (rank 0)."""
    return RUNG_Y0 + (_rank(key) - 1) * RUNG_GAP if key != GROUND else GROUND_Y


def _about_people(claim):
    return "in people" in claim.text


def _guess_hint(guess, claim):
    """A targeted hint for a wrong prediction: which rule of placing was missed."""
    diff = _rank(guess) - _rank(claim.level)
    if _about_people(claim) and _rank(guess) in (1, 2):
        return "This claim is about people; dish and mouse results don't count for it."
    if claim.verdict == "open" and _rank(guess) >= 3:
        return "Trials are running, but a claim climbs only when a trial has reported."
    if diff > 0 and claim.verdict in ("against", "discredited"):
        return ("Did you rank how convincing it sounds? The rung is the kind of study that "
                "tested it.")
    if diff < 0 and claim.verdict == "against":
        return "A 'no' can sit high: the rung is the kind of study, not the result."
    return ""


def _guess_feedback(guess, claim):
    diff = _rank(guess) - _rank(claim.level)
    if diff == 0:
        return "Your prediction matches."
    steps = "one step" if abs(diff) == 1 else f"{abs(diff)} steps"
    text = f"Your prediction was {steps} too {'high' if diff > 0 else 'low'}."
    hint = _guess_hint(guess, claim)
    return f"{text} {hint}" if hint else text


def draw_ladder(ax, state):
    claim = CLAIM_BY_KEY[state.claim]
    x0, x1 = LADDER_X
    C.text(ax, 25.0, 57.0, "↑ stronger evidence", step=0.5, bold=True)
    for x in (x0 + 2.0, x1 - 2.0):  # the rails
        C.line(ax, [x, x], [12.0, 52.5], colour=style.GREY, width=2.4, z=0.5, caps=None)
    for lv in E.LEVELS:
        y = _rung_y(lv.key)
        C.box(ax, x0, y - RUNG_H / 2, x1, y + RUNG_H / 2, fill=RUNG_FILL)
        C.text(ax, x0 + 1.5, y, f"{lv.rank}  {lv.label}", ha="left")
    C.box(ax, x0, GROUND_Y - 5.4, x1, GROUND_Y + 5.4, dashed=True)
    C.lines(ax, x0 + 1.5, GROUND_Y + 3.0, GROUND_LINES, gap=3.0)
    # the prediction and the answer, as labelled tags on a rung
    if state.guess:
        y = _rung_y(state.guess)
        C.box(ax, 28.6, y - 1.8, 37.2, y + 1.8, dashed=True, width=1.4, z=3, rounding=0.8)
        C.text(ax, 32.9, y, "guess", bold=True)
    if state.reveal:
        y = _rung_y(claim.level)
        C.box(ax, 37.8, y - 1.8, 46.4, y + 1.8, fill=style.INK, z=3, rounding=0.8)
        C.text(ax, 42.1, y, "answer", colour=style.PAPER, bold=True)
    # the claim card
    C.line(ax, [50.5, 50.5], [1.0, 59.0], colour=style.LIGHT_GREY, width=1.2, z=1, caps=None)
    C.text(ax, CARD_X, 57.5, f"Claim from {claim.lesson}:", ha="left", colour=style.MUTED)
    lines = textwrap.wrap(f"“{claim.text}”", 37)
    C.lines(ax, CARD_X, 53.8, lines, bold=True, gap=3.0)
    draw = {"hsc": A.draw_hsc, "msc": A.draw_msc, "opc": A.draw_opc}.get(claim.actor)
    if draw:
        draw(ax, 95.0, 57.0, size=2.0)
    else:
        A.draw_neuron(ax, 94.5, 54.5, size=1.3)
    y = 53.8 - 3.0 * len(lines) - 1.4
    guess = _rung_label(state.guess) if state.guess else "(none yet)"
    C.text(ax, CARD_X, y, f"Your prediction: {guess}", ha="left")
    if not state.reveal:
        C.text(ax, CARD_X, y - 4.0, "Predict first, then press Reveal.", ha="left",
               colour=style.MUTED)
        return
    y -= 4.4
    answer = f"Answer: {_rung_label(claim.level)}"
    C.text(ax, CARD_X, y, answer, ha="left", bold=True)
    symbol, words = VERDICTS[claim.verdict]
    if claim.level != GROUND:  # the marker, without its label: the answer line names the rung
        E.draw_evidence(ax, 90.0, y - 1.2, claim.level, width=7.0, label=False,
                        guideline=claim.guideline)
    else:  # which of the three reasons for 'no rung' applies
        y -= 3.2
        C.text(ax, CARD_X, y, f"({GROUND_WHY[claim.verdict]})", ha="left", colour=style.MUTED)
    y -= 4.0
    C.text(ax, CARD_X, y, f"{symbol}  {words}", ha="left", bold=True)
    why = [t for t in claim.why if t]
    y -= 4.0
    C.lines(ax, CARD_X, y, why, gap=2.9)
    y -= 2.9 * (len(why) - 1) + 5.0
    if state.guess:
        feedback = textwrap.wrap(_guess_feedback(state.guess, claim), CARD_WRAP)
        C.lines(ax, CARD_X, y, feedback, bold=True, gap=2.9)


def describe_ladder(state):
    claim = CLAIM_BY_KEY[state.claim]
    who = {"hsc": "a haematopoietic stem cell (HSC, labelled H)",
           "msc": "a mesenchymal stromal cell (MSC, labelled MSC)",
           "opc": "an oligodendrocyte precursor cell (OPC, labelled P)",
           "neuron": "a neuron (nerve cell)"}[claim.actor]
    text = (f"An evidence ladder with five rungs, from 1 cell culture at the bottom to "
            f"5 {E.LEVELS[-1].label} at the top, and a dashed box below it: {GROUND_LABEL}. "
            f"On the right, the claim from {claim.lesson}: “{claim.text}”, "
            f"drawn beside {who}. ")
    if state.guess:
        text += f"A dashed 'guess' tag marks your prediction: {_rung_label(state.guess)}. "
    else:
        text += "You have not made a prediction yet. "
    if not state.reveal:
        return text + "The answer is hidden: predict first, then press Reveal."
    symbol, words = VERDICTS[claim.verdict]
    if claim.level == GROUND:
        place = f"no rung, below the ladder ({GROUND_WHY[claim.verdict]})"
    else:
        place = f"{_rung_label(claim.level)} ({E.describe_evidence(claim.level, claim.guideline)})"
    text += (f"A dark 'answer' tag marks where the claim sits: {place}. "
             f"Verdict: {words}. {' '.join(t for t in claim.why if t)}")
    if state.guess:
        text += " " + _guess_feedback(state.guess, claim)
    return text


LADDER_SCENE = Scene("evidence_ladder", draw_ladder, describe_ladder, width=100, height=60,
                     legend=("hsc", "msc", "opc", "neuron"))

LADDER_NOTE = (
    "The rung says what kind of study tested the claim; the symbol says what it found: "
    "✔ supported, ✘ not supported or discredited, ? not known yet, – not shown in people."
)


def evidence_ladder():
    """Explorer: pick a claim, predict its rung, then reveal where it sits."""
    claim = w.Dropdown(options=[(c.text, c.key) for c in CLAIMS], value=CLAIMS[0].key,
                       description="Claim:", style={"description_width": "initial"},
                       layout=w.Layout(width="100%"))
    guess = w.ToggleButtons(options=[("no prediction yet", "")] + list(GUESSES), value="",
                            description="Your prediction:",
                            style={"description_width": "initial", "button_width": "auto"})
    reveal = w.ToggleButton(value=False, description="Reveal", icon="eye",
                            tooltip="Show where this claim sits on the ladder")
    holder = {}

    def new_claim(_):
        # A new claim starts hidden, with no prediction: predict before you look.
        explorer = holder.get("explorer")
        if explorer is None:
            return
        explorer._muted = True
        try:
            guess.value, reveal.value = "", False
        finally:
            explorer._muted = False

    claim.observe(new_claim, names="value")  # registered first: runs before the redraw
    explorer = Explorer(LADDER_SCENE, {"claim": claim, "guess": guess, "reveal": reveal},
                        make_state=lambda v: LadderState(v["claim"], v["guess"], v["reveal"]),
                        heading="Place each claim on the evidence ladder", note=LADDER_NOTE,
                        note_for=_ladder_sources)
    holder["explorer"] = explorer
    return explorer


def _ladder_sources(values):
    claim = CLAIM_BY_KEY[values["claim"]]
    if not values["reveal"]:
        return ("<b>Where this comes from:</b> make your prediction, then press <b>Reveal</b> to "
                "see the rung and the sources.")
    badge = (E.evidence_html(claim.level, claim.guideline) if claim.level != GROUND
             else f"<b>No rung</b> ({GROUND_WHY[claim.verdict]})")
    return f"<b>Where this comes from:</b> {badge} {claim.caption}"


# ================================================================ 3 and 4. the trials

@dataclass(frozen=True)
class Trial:
    """One trial or study, drawn as a design sketch (no numbers on the drawing)."""

    key: str
    name: str
    design: str  # "randomised", "crossover", "single", "cohort", "meta"
    kind: str  # the kind of study, drawn in the title
    who: tuple  # two or three short lines: who took part
    arms: tuple  # (label, actor key or "") for each arm
    outcome: tuple  # short lines: what it found or asks (no numbers)
    symbol: str  # ✔, ✘, ? or – before the outcome
    level: str = ""  # evidence.LEVELS key for the marker, or "" for none
    tag: str = ""  # drawn instead of a marker (e.g. 'results awaited')


TRIALS = (
    Trial("mist", "MIST", "randomised", "randomised trial",
          ("relapsing MS, still", "active despite their", "drugs"),
          (("AHSCT", "hsc"), ("another drug (DMT)", "")),
          ("far fewer people's", "disability worsened", "after AHSCT"), "✔", "rct"),
    Trial("halt", "HALT-MS", "single", "single-group trial",
          ("relapsing MS, still", "active despite their", "drugs"),
          (("AHSCT, intensive", "hsc"),),
          ("most stayed free of", "any disease activity", "for several years"), "✔",
          "small_trial"),
    Trial("cohort", "Long-term cohort", "cohort", "cohort study, looking back",
          ("patients at many", "centres, mostly with", "progressive MS"),
          (("AHSCT, routine care", "hsc"),),
          ("benefit mostly in", "relapsing MS; a few", "deaths from treatment"), "✔",
          "small_trial"),
    Trial("meta", "Meta-analysis", "meta", "pooled analysis of studies",
          ("earlier AHSCT", "studies, mostly with", "no comparison group"),
          (("all pooled", "hsc"),),
          ("most free of disease", "activity for years;", "deaths fell over time"), "✔",
          "small_trial"),
    Trial("mesems", "MESEMS", "crossover", "randomised crossover trial",
          ("people with active", "MS, at sites in", "several countries"),
          (("MSCs, then placebo", "msc"), ("placebo, then MSCs", "msc")),
          ("safe, but no fewer", "active MRI lesions", "than placebo"), "✘", "rct"),
    Trial("beat", "BEAT-MS", "randomised", "randomised trial, running",
          ("adults with", "treatment-resistant", "relapsing MS"),
          (("AHSCT", "hsc"), ("best available drug", "")),
          ("Does AHSCT do better", "than the best available", "drugs? Results awaited."),
          "?", tag="results awaited (as of mid-2025)"),
    Trial("ram", "RAM-MS", "randomised", "randomised trial, running",
          ("adults with relapsing", "MS breaking through", "their drugs"),
          (("AHSCT", "hsc"), ("alemtuzumab, cladribine", ""), ("or ocrelizumab", "")),
          ("Do more people stay", "free of disease activity", "(NEDA) after AHSCT?"),
          "?", tag="results awaited (as of mid-2025)"),
    Trial("starms", "StarMS", "randomised", "randomised trial, running",
          ("highly active, or", "rapidly evolving", "severe, relapsing MS"),
          (("AHSCT", "hsc"), ("one of four high-", ""), ("efficacy drugs", "")),
          ("Do more people stay", "free of disease activity", "(NEDA)? And how?"),
          "?", tag="results awaited (as of mid-2025)"),
    Trial("coast", "COAST", "randomised", "randomised trial, stopped",
          ("people with active", "relapsing MS", "(Germany)"),
          (("AHSCT", "hsc"), ("ocrelizumab or", ""), ("alemtuzumab", "")),
          ("stopped early with", "almost no one enrolled:", "no efficacy results"),
          "–", tag="stopped early"),
)
TRIAL_BY_KEY = {t.key: t for t in TRIALS}


@dataclass(frozen=True)
class TrialState:
    trial: str = "mist"
    reveal: bool = True  # False: the evidence marker is hidden (predict the rung first)


DESIGN_WORDS = {
    "randomised": "People are assigned at random to two or more groups, which are then compared",
    "crossover": "People are assigned at random to an order: MSCs first then placebo, or placebo "
                 "first then MSCs, switching halfway, so everyone gets both",
    "single": "Everyone gets the treatment; there is no comparison group",
    "cohort": "Records of patients treated in routine care are looked at afterwards; there is no "
              "comparison group",
    "meta": "The results of several earlier studies are pooled; most had no comparison group",
}
DESIGN_SHORT = {
    "randomised": "Randomised: groups assigned by chance, then compared.",
    "crossover": "Randomised crossover: everyone gets both, in a random order.",
    "single": "Single group: everyone treated, no comparison group.",
    "cohort": "Cohort: records looked at afterwards, no comparison group.",
    "meta": "Meta-analysis: studies pooled; pooling adds no comparison group.",
}
WHO_X = (1.5, 25.0)
OUT_X = (64.5, 98.5)
BOX_Y = (17.0, 37.0)
MID_Y = 27.0


def _who_head(trial):
    return {"?": "Who takes part", "–": "Planned for"}.get(trial.symbol, "Who took part")


def _arm_box(ax, x0, x1, y, label, actor):
    C.box(ax, x0, y - 2.6, x1, y + 2.6, z=2)
    if actor == "hsc":
        A.draw_hsc(ax, x0 + 3.2, y, size=1.8)
    elif actor == "msc":
        A.draw_msc(ax, x0 + 3.6, y, size=1.7)
    C.text(ax, x0 + {"hsc": 7.0, "msc": 8.0}.get(actor, 1.5), y, label, ha="left")


def draw_trial(ax, state):
    t = TRIAL_BY_KEY[state.trial]
    y0, y1 = BOX_Y
    C.text(ax, 50.0, 43.5, f"{t.name}: {t.kind}", step=0.5, bold=True)
    # who took part
    C.box(ax, WHO_X[0], y0, WHO_X[1], y1)
    C.text(ax, sum(WHO_X) / 2, y1 - 3.0, _who_head(t), bold=True)
    C.lines(ax, sum(WHO_X) / 2, y1 - 7.5, t.who, ha="center", gap=3.0)
    # the design
    arms = t.arms
    start = (WHO_X[1] + 0.2, MID_Y)
    if t.design == "meta":
        for y in (34.5, 29.5, 24.5, 19.5):
            C.box(ax, 28.0, y - 1.8, 35.0, y + 1.8, fill=RUNG_FILL, z=2, rounding=0.6)
            C.text(ax, 31.5, y, "study")
            C.arrow(ax, (35.2, y), (38.8, MID_Y + (y - MID_Y) * 0.3), width=1.4)
        _arm_box(ax, 39.0, 61.0, MID_Y, arms[0][0], arms[0][1])
    elif t.design in ("single", "cohort"):
        C.arrow(ax, start, (32.8, MID_Y), width=1.4)
        _arm_box(ax, 33.0, 61.0, MID_Y, arms[0][0], arms[0][1])
        C.text(ax, 47.0, MID_Y - 5.5, "no comparison group", colour=style.MUTED)
        if t.design == "cohort":
            C.text(ax, 47.0, MID_Y + 5.5, "records looked at afterwards", colour=style.MUTED)
    else:
        ys = (MID_Y + 6.0, MID_Y - 6.0)
        C.text(ax, 29.0, 39.5, "random split", bold=True)
        for y in ys:
            C.arrow(ax, start, (32.8, y), width=1.4)
        _arm_box(ax, 33.0, 61.0, ys[0], arms[0][0], arms[0][1])
        if len(arms) == 2:
            _arm_box(ax, 33.0, 61.0, ys[1], arms[1][0], arms[1][1])
        else:  # a list of comparison drugs in one box, on two lines
            C.box(ax, 33.0, ys[1] - 3.6, 61.0, ys[1] + 3.6, z=2)
            C.lines(ax, 34.5, ys[1] + 1.5, (arms[1][0], arms[2][0]), gap=3.0)
        if t.design == "crossover":
            C.text(ax, 47.0, MID_Y, "switch halfway", colour=style.MUTED)
    # what it found, or what it asks
    C.box(ax, OUT_X[0], y0, OUT_X[1], y1, dashed=t.symbol in ("?", "–"))
    head = {"✔": "What it found", "✘": "What it found", "?": "What it asks",
            "–": "What happened"}[t.symbol]
    C.text(ax, sum(OUT_X) / 2, y1 - 3.0, head, bold=True)
    C.text(ax, OUT_X[0] + 1.6, y1 - 7.5, t.symbol, ha="left", step=1, bold=True)
    C.lines(ax, OUT_X[0] + 5.0, y1 - 7.5, t.outcome, gap=3.0)
    # the kind of study, and the level of evidence it gives
    C.text(ax, 2.0, 11.0, DESIGN_SHORT[t.design], ha="left", colour=style.MUTED)
    if t.level and not state.reveal:
        C.text(ax, 2.0, 4.6, "evidence: ?  Predict the rung, then press Next.", ha="left", bold=True)
    elif t.level:
        E.draw_evidence(ax, 2.0, 3.4, t.level, width=7.0)
    else:
        C.text(ax, 2.0, 4.6, t.tag, ha="left", bold=True)


def describe_trial(state):
    t = TRIAL_BY_KEY[state.trial]
    arms = []
    for label, actor in t.arms:
        if actor == "hsc":
            arms.append(f"{label} (drawn as a haematopoietic stem cell, HSC)")
        elif actor == "msc":
            arms.append(f"{label} (drawn as a mesenchymal stromal cell, MSC)")
        else:
            arms.append(label)
    if len(arms) == 3:  # the comparison drugs share one box
        arms = [arms[0], f"{arms[1]} {arms[2]}"]
    verb = {"✔": "What it found", "✘": "What it found", "?": "What it asks",
            "–": "What happened"}[t.symbol]
    outcome = " ".join(t.outcome).rstrip(".")
    who = _who_head(t)
    text = (f"{t.name}, a {t.kind}. {who}: {' '.join(t.who)}. "
            f"Design: {DESIGN_WORDS[t.design]}. Groups: {'; '.join(arms)}. "
            f"{verb} ({t.symbol}): {outcome}" + ("" if outcome.endswith("?") else "."))
    if t.level and not state.reveal:
        text += " The evidence marker is hidden: predict the rung, then press Next."
    elif t.level:
        text += f" Marker: {E.describe_evidence(t.level)}."
    else:
        text += f" No evidence marker: {t.tag}."
    return text


TRIAL_SCENE = Scene("trial_design", draw_trial, describe_trial, width=100, height=46,
                    legend=("hsc", "msc"))

TRIAL_STEPS = (
    Step("MIST: AHSCT against other drugs",
         "<b>MIST</b> randomised 110 people with relapsing MS that stayed active despite their "
         "drugs to AHSCT or to another disease-modifying therapy (DMT); disability worsened in "
         "3 of 55 after AHSCT versus 34 of 55 on DMT over a median of 2 years [9]. "
         "<b>Caveats:</b> the DMT group did not get today's most effective drugs, and patients "
         "and their doctors knew who got what. " + E.evidence_html("rct"),
         TrialState("mist")),
    Step("HALT-MS: excellent numbers",
         "<b>HALT-MS</b> gave 24 people with relapsing MS an intensive AHSCT regimen (BEAM plus "
         "anti-thymocyte globulin, ATG); at 5 years, 69% were alive without any disease activity "
         "(event-free survival), 91% free of disability progression [10, 11]. "
         "<b>Predict:</b> look at the design sketch. Which rung of the ladder does this study "
         "reach? Decide, then press <b>Next</b>.",
         TrialState("halt", reveal=False)),
    Step("HALT-MS: the rung",
         "<b>HALT-MS</b> reaches rung 3 however good its numbers: everyone got AHSCT, so there "
         "is no comparison group to show how these people would have done without it. "
         + E.evidence_html("small_trial"),
         TrialState("halt")),
    Step("The long-term cohort",
         "<b>The long-term cohort</b> looked back at 281 patients treated at 25 centres in 13 "
         "countries from 1995 to 2006, most with progressive MS: they had a 46% chance of being "
         "free of progression at 5 years overall, but about 80% at 3 to 4 years in relapsing MS, "
         "and 2.8% died of the treatment [12]. Rung 3 also holds large studies without a "
         "comparison group. " + E.evidence_html("small_trial"),
         TrialState("cohort")),
    Step("The meta-analysis",
         "<b>The meta-analysis</b> pooled 15 studies with 764 patients: no evidence of disease "
         "activity (NEDA) in 83% at 2 years and 67% at 5 years; treatment-related deaths 2.1% "
         "overall, lower in more recent studies and in studies with more relapsing patients "
         "and less disability [13]. Pooling studies without comparison groups does not create "
         "one. " + E.evidence_html("small_trial"),
         TrialState("meta")),
    Step("MESEMS: MSCs against placebo",
         "<b>MESEMS</b> gave 144 people with active MS one intravenous dose of their own "
         "bone-marrow MSCs or placebo, switching at week 24; the cells were safe but did not "
         "reduce active (gadolinium-enhancing) lesions compared with placebo (rate ratio 0.94, "
         "95% confidence interval 0.58 to 1.50) [14]. " + E.evidence_html("rct")
         + " (a randomised trial with a negative result).",
         TrialState("mesems")),
)

RUNNING = ("beat", "ram", "starms", "coast")
RUNNING_NOTES = {
    "beat": "<b>BEAT-MS</b> (USA and UK): 156 adults aged 18 to 55 with treatment-resistant "
            "relapsing MS, AHSCT versus the best available high-efficacy drug, with raters who do "
            "not know the treatment and 72 months of follow-up. Registry status in mid-2025: "
            "recruiting; no results yet [15].",
    "ram": "<b>RAM-MS</b> (Norway, Sweden, Denmark, Netherlands): 100 adults aged 18 to 50 with "
           "relapsing MS breaking through standard drugs, AHSCT (cyclophosphamide plus ATG) versus "
           "alemtuzumab, cladribine or ocrelizumab; main outcome NEDA at 2 years. Registry status "
           "in mid-2025: active, not recruiting; results not yet published [16].",
    "starms": "<b>StarMS</b> (UK): planned 198 participants at 19 centres with highly active "
              "relapsing MS despite treatment, or untreated rapidly evolving severe MS; AHSCT "
              "(cyclophosphamide plus ATG) versus alemtuzumab, ocrelizumab, ofatumumab or "
              "cladribine; raters blinded; main outcome NEDA over 2 years, with studies of how "
              "the treatment works [17]. Recruitment closed in November 2024 with 94 "
              "participants, fewer than planned, and results are expected around 2027 (MS "
              "Trust report).",
    "coast": "<b>COAST</b> (Germany): ocrelizumab or alemtuzumab versus AHSCT in active relapsing "
             "MS. It started in August 2021 and was terminated in February 2022 with 1 "
             "participant enrolled, so it will not report efficacy results [18].",
}


def key_trials():
    """Storyboard: the key published trials, one design sketch each."""
    return Storyboard(TRIAL_SCENE, TRIAL_STEPS, heading="The key trials")


def running_trials():
    """Explorer: the randomised trials of AHSCT against the best modern drugs."""
    choice = w.ToggleButtons(options=[(TRIAL_BY_KEY[k].name, k) for k in RUNNING], value="beat",
                             description="Trial:", style={"description_width": "initial"})
    note = ("As of mid-2025, when this lesson was last checked, none of these trials had "
            "reported its main results; check the trial registries for news.")
    return Explorer(TRIAL_SCENE, {"trial": choice},
                    make_state=lambda v: TrialState(v["trial"]),
                    heading="The running trials: what are they designed to answer?",
                    note=note, note_for=lambda v: RUNNING_NOTES[v["trial"]])


# ================================================================ self-check

QUESTIONS = (
    Question(
        "A friend says: “AHSCT and MSC therapy are both stem cell treatments, so they work the "
        "same way.” Which reply is right?",
        (
            Option("True: in both, stem cells travel to the brain and rebuild myelin.", False,
                   "No. The HSCs in AHSCT make only blood and immune cells, and most MSCs given "
                   "into a vein are trapped in the lungs. Neither rebuilds myelin."),
            Option("No: in AHSCT the chemotherapy is the treatment and the stem cells a rescue; "
                   "MSCs may act by signals.", True,
                   "Yes. Different cells, sources, routes, risks and evidence: “all stem cell "
                   "therapies are the same” is a misconception."),
            Option("No: MSC therapy is the proven one, while AHSCT is still given only in "
                   "trials.", False,
                   "The other way round: AHSCT is a guideline-supported option for selected "
                   "people with highly active relapsing MS; MSC therapy is experimental, trials "
                   "only."),
        ),
        topic="All stem cell therapies are the same",
    ),
    Question(
        "“MSCs calm T cells” sits on the animal-studies rung. What does that tell you about "
        "MSCs in people with MS?",
        (
            Option("They will calm MS in people too: mice and people share the same immune "
                   "cells.", False,
                   "No. Many treatments that work in mice with EAE fail in people. MSCs are an "
                   "example: in MESEMS they did not reduce MRI inflammation."),
            Option("On its own, nothing about people: a mouse result is only a hypothesis "
                   "for people.", True,
                   "Yes. The rung says what kind of study supports the claim; it does not carry "
                   "over to people by itself. And the largest trial in people found no drop in "
                   "MRI inflammation."),
            Option("That MSCs will work in people too, but only at doses much higher than "
                   "in mice.", False,
                   "No. A mouse result does not tell you which dose would work in people, or "
                   "whether any would. In MESEMS a single dose did not reduce MRI inflammation; "
                   "other doses were not tested there."),
        ),
        topic="If it works in mice with EAE, it works in people",
    ),
    Question(
        "In the meta-analysis of AHSCT studies, about two-thirds of patients had no evidence of "
        "disease activity at 5 years. What is the best conclusion?",
        (
            Option("AHSCT cures MS: disease that stays quiet for 5 years is gone for good.",
                   False,
                   "No. About a third did have disease activity by 5 years, the figures come "
                   "from selected patients without a comparison group, and lifelong follow-up is "
                   "needed. “Cure” is not established."),
            Option("It can give long remission in many selected patients, but not all: not a "
                   "proven cure.", True,
                   "Yes. Long remissions are common, but they are not guaranteed."),
            Option("The result is meaningless because it is not a randomised trial.", False,
                   "Too harsh. Studies without a comparison group are weaker, not worthless; "
                   "MIST, a randomised trial, pointed the same way."),
        ),
        topic="AHSCT cures MS",
    ),
    Question(
        "HALT-MS reported good results, yet it sits a rung lower than MIST. Why?",
        (
            Option("HALT-MS had worse results than MIST, so it earns a lower rung.", False,
                   "No. The rung is about the kind of study, not about how good the numbers "
                   "look; HALT-MS's numbers were excellent."),
            Option("HALT-MS had no comparison group, so it cannot show how people would have "
                   "done without AHSCT.", True,
                   "Yes. Only a randomised comparison separates the treatment's effect from "
                   "chance, natural ups and downs, and the choice of patients."),
            Option("HALT-MS had fewer patients (24) than MIST (110).", False,
                   "Size is not the reason: the long-term cohort of 281 patients sits on the "
                   "same rung as HALT-MS. What HALT-MS lacks is a comparison group."),
        ),
        topic="Reading the evidence ladder",
    ),
    Question(
        "What are BEAT-MS, RAM-MS and StarMS designed to answer?",
        (
            Option("Whether AHSCT is safe enough to be tested in people with MS.", False,
                   "No. Earlier studies showed AHSCT can be given with acceptable risk to "
                   "selected patients; these randomised trials compare its benefits and harms "
                   "with today's best drugs."),
            Option("Whether AHSCT does better than today's most effective MS drugs.", True,
                   "Yes, in people with active relapsing MS. MIST's comparison group did not "
                   "get today's most effective drugs; these trials compare AHSCT with drugs "
                   "such as ocrelizumab, alemtuzumab and cladribine. As of mid-2025 none had "
                   "reported."),
            Option("Whether AHSCT works in progressive MS without inflammation.", False,
                   "No. They recruit people with active relapsing MS, where the benefit is "
                   "greatest."),
        ),
        topic="Ongoing trials",
    ),
    Question(
        "Which claims have no rung at all (they sit below the ladder)? Tick every one.",
        (
            Option("In AHSCT the reinfused stem cells turn into new myelin.", True,
                   "Right: HSCs make only blood and immune cells."),
            Option("MSCs become oligodendrocytes inside the body.", True,
                   "Right: largely discredited (cell fusion, culture artefacts)."),
            Option("AHSCT almost stops relapses and new MRI lesions in active relapsing MS.",
                   False,
                   "No: this one is at the top, supported by a randomised trial and by "
                   "guidelines."),
            Option("Transplanted cells protect neurons directly in people.", True,
                   "Right: seen in animals, not shown in people."),
        ),
        multiple=True,
        topic="In AHSCT the transplanted stem cells turn into new myelin",
    ),
)


def self_check():
    return Quiz(QUESTIONS)


# ================================================================ static exports

FIGURES = (
    FigureSpec("07-compare-cell", COMPARE_SCENE, CompareState("cell"),
               "AHSCT and MSC therapy: which cell?"),
    FigureSpec("07-compare-action", COMPARE_SCENE, CompareState("action"),
               "AHSCT and MSC therapy: what each does"),
    FigureSpec("07-compare-status", COMPARE_SCENE, CompareState("status"),
               "AHSCT and MSC therapy: where they stand"),
    FigureSpec("07-ladder-ahsct", LADDER_SCENE, LadderState("ahsct_activity", "", True),
               "Evidence ladder: AHSCT against relapses and new lesions"),
    FigureSpec("07-ladder-msc-mri", LADDER_SCENE, LadderState("msc_mri", "", True),
               "Evidence ladder: MSCs and MRI inflammation"),
    FigureSpec("07-ladder-msc-oligo", LADDER_SCENE, LadderState("msc_oligo", "", True),
               "Evidence ladder: MSCs becoming oligodendrocytes"),
    FigureSpec("07-trial-mist", TRIAL_SCENE, TrialState("mist"), "MIST: a randomised trial"),
    FigureSpec("07-trial-halt", TRIAL_SCENE, TrialState("halt"), "HALT-MS: a single-group trial"),
    FigureSpec("07-trial-mesems", TRIAL_SCENE, TrialState("mesems"),
               "MESEMS: a randomised crossover trial"),
    FigureSpec("07-trial-ram", TRIAL_SCENE, TrialState("ram"),
               "RAM-MS: a running randomised trial"),
)
