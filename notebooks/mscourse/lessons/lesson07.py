"""Lesson 07: AHSCT versus MSC therapy, and the evidence.

A side-by-side comparison of the two "stem cell" therapies, an evidence
ladder that places each claim of lessons 03 to 06 (built from the toolkit's
evidence marker, ``mscourse.evidence``), the key trials in one sentence each,
and what the running randomised trials are designed to answer.

The teaching text (comparison rows, claims on the ladder, trials, step
captions, explorer notes, the self-check and the numbered references) lives
in ``content/lesson07.toml``; this module holds states, layout and drawing.
"""

import textwrap
from dataclasses import dataclass

import ipywidgets as w

from .. import actors as A
from .. import content
from .. import evidence as E
from .. import style
from .. import canvas as C
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Quiz, Step, Storyboard

CONTENT = content.for_module(__name__)

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
    ahsct_short: str  # drawn under AHSCT (wrapped to the column)
    msc_short: str  # drawn under MSC therapy
    ahsct: str  # the fuller text about AHSCT (description)
    msc: str  # the fuller text about MSC therapy (description)
    picture: str  # words for the small picture under the columns (description)
    ahsct_level: str = ""  # an evidence.LEVELS key drawn under the AHSCT column, or ""
    ahsct_guideline: bool = False  # AHSCT's marker also shows "endorsed in guidelines"
    msc_level: str = ""
    msc_tag: str = ""  # text drawn instead of a marker under the MSC column
    # With msc_level: the lines drawn beside the MSC marker, and the words that follow the
    # marker in the description (what was found, and for which claim the rung holds).
    msc_words: tuple = ()
    msc_note: str = ""


ROWS = tuple(Row(**{**row, "msc_words": tuple(row.get("msc_words", ()))})
             for row in CONTENT.table("compare"))
COLUMN_WRAP = 34  # characters per line under each column
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
        C.text(ax, 72.0, 7.2, "T cells stay; damped (proposed)")
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


def draw_compare(ax, state):
    row = ROW_BY_KEY[state.row]
    C.text(ax, 50.0, 48.0, f"Compare: {row.button}", step=0.5, bold=True)
    C.line(ax, [50, 50], [2, 45], colour=style.LIGHT_GREY, width=1.2, z=1, caps=None)
    for x0, title, draw in ((2.0, "AHSCT", A.draw_hsc), (52.0, "MSC therapy", A.draw_msc)):
        draw(ax, x0 + 3.5, 42.0, size=2.3)
        C.text(ax, x0 + 8.5, 42.0, title, ha="left", step=0.5, bold=True)
    C.lines(ax, 2.0, 34.5, textwrap.wrap(row.ahsct_short, COLUMN_WRAP), step=1, gap=3.8)
    C.lines(ax, 52.0, 34.5, textwrap.wrap(row.msc_short, COLUMN_WRAP), step=1, gap=3.8)
    _compare_pictures(ax, row.key)
    if row.ahsct_level:
        # label drawn here, on two lines when the seal is there, so it stays in its column
        E.draw_evidence(ax, 3.0, 1.6, row.ahsct_level, width=7.0, label=False,
                        guideline=row.ahsct_guideline)
        words = [f"evidence: {E.level(row.ahsct_level).label}"]
        if row.ahsct_guideline:
            words.append(f"+ {E.GUIDELINE_LABEL}")
        C.lines(ax, 11.8, 2.5 + 1.3 * (len(words) - 1), words, gap=2.6)
    if row.msc_level and row.msc_words:
        E.draw_evidence(ax, 53.0, 1.6, row.msc_level, width=7.0, label=False)
        C.lines(ax, 61.8, 2.5 + 1.3 * (len(row.msc_words) - 1), row.msc_words, gap=2.6)
    elif row.msc_level:
        E.draw_evidence(ax, 53.0, 1.6, row.msc_level, width=7.0)
    if row.msc_tag:
        C.text(ax, 53.0, 3.0, row.msc_tag, ha="left", bold=True)


def describe_compare(state):
    row = ROW_BY_KEY[state.row]
    text = (f"Two columns compare AHSCT and MSC therapy by {row.button}. Left: AHSCT "
            f"(autologous haematopoietic stem cell transplantation), drawn as a haematopoietic "
            f"stem cell (HSC, labelled H). "
            f"Right: MSC therapy, drawn as a mesenchymal stromal cell (MSC, labelled MSC). "
            f"AHSCT: {row.ahsct} MSC therapy: {row.msc} {row.picture}")
    if row.ahsct_level:
        text += f" AHSCT's marker: {E.describe_evidence(row.ahsct_level, row.ahsct_guideline)}."
    if row.msc_level:
        text += f" MSC therapy's marker: {E.describe_evidence(row.msc_level)}"
        text += f", {row.msc_note}." if row.msc_note else "."
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
                    heading=CONTENT.heading("explorer", "compare"))


# ================================================================ 2. the evidence ladder

# What a placed claim's evidence found. The rung says what kind of study tested
# the claim; the verdict says what that study found. Symbol + words, never colour.
VERDICTS = {key: (symbol, CONTENT.text(f"verdict_{key}")) for key, symbol in (
    ("supported", "✔"), ("against", "✘"), ("mixed", "±"), ("open", "?"), ("discredited", "✘"),
    ("not_shown", "–"))}
GROUND = "none"  # the place below the ladder: no rung
GROUND_LABEL = CONTENT.text("ground_label")
GROUND_LINES = ("no rung:", "untested, not shown in", "people, or discredited")  # drawn
GROUND_BUTTON = "no rung (below the ladder)"
# Why a claim has no rung, one reason per verdict it can have down there.
GROUND_WHY = {key: CONTENT.text(f"ground_why_{key}") for key in ("open", "not_shown", "discredited")}


@dataclass(frozen=True)
class Claim:
    """One claim from lessons 03 to 06, placed on the evidence ladder."""

    key: str
    text: str  # the claim as a student might meet it
    lesson: str  # where the course discussed it
    actor: str  # the actor key drawn beside the claim
    level: str  # an evidence.LEVELS key, or GROUND
    verdict: str  # a VERDICTS key
    why: str  # the reason in a few short phrases (drawn on the card; no numbers)
    caption: str  # the fuller reason, with reference numbers, for the text under the widget
    guideline: bool = False  # the separate "endorsed in guidelines" mark beside the rung


CLAIMS = tuple(Claim(**row) for row in CONTENT.table("claims"))
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
RUNG_WRAP = 24  # characters per line of a rung's label (the tags sit to its right)


def _rung_y(key):
    """Centre height of a rung (rank 1 to 5), or of the place below the ladder (rank 0)."""
    return RUNG_Y0 + (_rank(key) - 1) * RUNG_GAP if key != GROUND else GROUND_Y


def _about_people(claim):
    return "in people" in claim.text


def _guess_hint(guess, claim):
    """A targeted hint for a wrong prediction: which rule of placing was missed."""
    diff = _rank(guess) - _rank(claim.level)
    if _about_people(claim) and _rank(guess) in (1, 2):
        return CONTENT.text("hint_people")
    if claim.verdict == "open" and _rank(guess) >= 3:
        return CONTENT.text("hint_open")
    if diff > 0 and claim.verdict in ("against", "discredited"):
        return CONTENT.text("hint_convincing")
    if diff < 0 and claim.verdict == "against":
        return CONTENT.text("hint_no_high")
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
        words = textwrap.wrap(f"{lv.rank}  {lv.label}", RUNG_WRAP)  # long ones: two lines,
        C.lines(ax, x0 + 1.5, y + 1.25 * (len(words) - 1), words, gap=2.5)  # clear of tags
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
    guess_lines = textwrap.wrap(f"Your prediction: {guess}", CARD_WRAP)
    C.lines(ax, CARD_X, y, guess_lines, gap=2.9)
    y -= 2.9 * (len(guess_lines) - 1)
    if not state.reveal:
        C.text(ax, CARD_X, y - 4.0, "Predict first, then press Reveal.", ha="left",
               colour=style.MUTED)
        return
    y -= 4.4
    answer = f"Answer: {_rung_label(claim.level)}"
    C.text(ax, CARD_X, y, answer, ha="left", bold=True)
    symbol, words = VERDICTS[claim.verdict]
    if claim.level != GROUND:  # the marker on its own line; words beside it only for the seal
        y -= 4.2
        E.draw_evidence(ax, CARD_X, y - 1.2, claim.level, width=7.0, label=False,
                        guideline=claim.guideline)
        if claim.guideline:  # the endorsement, in words beside the seal: not a rung
            C.text(ax, CARD_X + 8.6, y, CONTENT.text("guideline_card"), ha="left",
                   colour=style.MUTED)
    else:  # which of the three reasons for 'no rung' applies
        y -= 3.2
        C.text(ax, CARD_X, y, f"({GROUND_WHY[claim.verdict]})", ha="left", colour=style.MUTED)
    y -= 4.0
    C.text(ax, CARD_X, y, f"{symbol}  {words}", ha="left", bold=True)
    why = textwrap.wrap(claim.why, CARD_WRAP)
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
        if claim.guideline:
            place += ". A ticked seal beside the rung marks the separate endorsement in guidelines"
    text += (f"A dark 'answer' tag marks where the claim sits: {place}. "
             f"Verdict: {words}. {claim.why}")
    if state.guess:
        text += " " + _guess_feedback(state.guess, claim)
    return text


LADDER_SCENE = Scene("evidence_ladder", draw_ladder, describe_ladder, width=100, height=60,
                     legend=("hsc", "msc", "opc", "neuron"))

LADDER_NOTE = CONTENT.text("ladder_note")


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
                        heading=CONTENT.heading("explorer", "ladder"), note=LADDER_NOTE,
                        note_for=_ladder_sources)
    holder["explorer"] = explorer
    return explorer


def _ladder_sources(values):
    claim = CLAIM_BY_KEY[values["claim"]]
    if not values["reveal"]:
        return CONTENT.text("ladder_hidden")
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
    who: str  # who took part (drawn, wrapped to its box)
    arms: tuple  # (label, actor key or "") for each arm
    outcome: str  # what it found or asks (drawn, wrapped; no numbers)
    symbol: str  # ✔, ✘, ? or – before the outcome
    level: str = ""  # evidence.LEVELS key for the marker, or "" for none
    guideline: bool = False  # the separate "endorsed in guidelines" mark
    tag: str = ""  # drawn instead of a marker (e.g. 'results awaited')


TRIALS = tuple(Trial(**{**row, "arms": tuple(tuple(a) for a in row["arms"])})
               for row in CONTENT.table("trials"))
TRIAL_BY_KEY = {t.key: t for t in TRIALS}


@dataclass(frozen=True)
class TrialState:
    trial: str = "mist"
    reveal: bool = True  # False: the evidence marker is hidden (predict the rung first)


DESIGNS = ("randomised", "crossover", "single", "cohort", "meta")
DESIGN_WORDS = {d: CONTENT.text(f"design_{d}") for d in DESIGNS}
DESIGN_SHORT = {d: CONTENT.text(f"design_short_{d}") for d in DESIGNS}
WHO_WRAP, OUT_WRAP = 21, 24  # characters per line in the 'who' and 'outcome' boxes
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
    C.lines(ax, sum(WHO_X) / 2, y1 - 7.5, textwrap.wrap(t.who, WHO_WRAP), ha="center", gap=3.0)
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
    C.lines(ax, OUT_X[0] + 5.0, y1 - 7.5, textwrap.wrap(t.outcome, OUT_WRAP), gap=3.0)
    # the kind of study, and the level of evidence it gives
    C.text(ax, 2.0, 11.0, DESIGN_SHORT[t.design], ha="left", colour=style.MUTED)
    if t.level and not state.reveal:
        C.text(ax, 2.0, 4.6, "evidence: ?  Predict the rung, then press Next.", ha="left", bold=True)
    elif t.level:
        E.draw_evidence(ax, 2.0, 3.4, t.level, width=7.0, guideline=t.guideline)
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
    outcome = t.outcome.rstrip(".")
    who = _who_head(t)
    text = (f"{t.name}, a {t.kind}. {who}: {t.who}. "
            f"Design: {DESIGN_WORDS[t.design]}. Groups: {'; '.join(arms)}. "
            f"{verb} ({t.symbol}): {outcome}" + ("" if outcome.endswith("?") else "."))
    if t.level and not state.reveal:
        text += " The evidence marker is hidden: predict the rung, then press Next."
    elif t.level:
        text += f" Marker: {E.describe_evidence(t.level, t.guideline)}."
    else:
        text += f" No evidence marker: {t.tag}."
    return text


TRIAL_SCENE = Scene("trial_design", draw_trial, describe_trial, width=100, height=46,
                    legend=("hsc", "msc"))

# The storyboard's states, by the step ids of content/lesson07.toml.
TRIAL_STATES = {
    "mist": TrialState("mist"),
    "halt_predict": TrialState("halt", reveal=False),
    "halt": TrialState("halt"),
    "cohort": TrialState("cohort"),
    "meta": TrialState("meta"),
    "astims": TrialState("astims"),
    "mesems": TrialState("mesems"),
    "petrou": TrialState("petrou"),
}


def _with_badge(step):
    """A revealed step ends with its study's evidence badge."""
    t = TRIAL_BY_KEY[step.state.trial]
    if not (t.level and step.state.reveal):
        return step
    return Step(step.title, f"{step.caption} {E.evidence_html(t.level, t.guideline)}", step.state)


TRIAL_STEPS = tuple(_with_badge(s) for s in CONTENT.steps("trials", TRIAL_STATES))
RUNNING = ("beat", "ram", "starms", "coast")
RUNNING_NOTES = CONTENT.notes("running")


def key_trials():
    """Storyboard: the key published trials, one design sketch each."""
    return Storyboard(TRIAL_SCENE, TRIAL_STEPS, heading=CONTENT.heading("storyboard", "trials"))


def running_trials():
    """Explorer: the randomised trials of AHSCT against the best modern drugs."""
    choice = w.ToggleButtons(options=[(TRIAL_BY_KEY[k].name, k) for k in RUNNING], value="beat",
                             description="Trial:", style={"description_width": "initial"})
    note = CONTENT.text("running_note")
    return Explorer(TRIAL_SCENE, {"trial": choice},
                    make_state=lambda v: TrialState(v["trial"]),
                    heading=CONTENT.heading("explorer", "running"),
                    note=note, note_for=lambda v: RUNNING_NOTES[v["trial"]])


# ================================================================ self-check

QUESTIONS = CONTENT.questions()


def self_check():
    return Quiz(QUESTIONS, heading=CONTENT.heading("quiz", "self_check"))


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
    FigureSpec("07-trial-petrou", TRIAL_SCENE, TrialState("petrou"),
               "Petrou 2020: a randomised, sham-controlled MSC trial"),
    FigureSpec("07-ladder-ahsct-best", LADDER_SCENE, LadderState("ahsct_best", "", True),
               "Evidence ladder: AHSCT against today's best drugs"),
    FigureSpec("07-trial-ram", TRIAL_SCENE, TrialState("ram"),
               "RAM-MS: a running randomised trial"),
)
