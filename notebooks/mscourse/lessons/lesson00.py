"""Lesson 00, start here: the cast of the course and a tour of the controls."""

from dataclasses import dataclass

import ipywidgets as w
from matplotlib.patches import Circle

from .. import actors as A
from .. import glossary as course_glossary
from .. import style
from ..export import FigureSpec
from ..scene import Scene, caption_text
from ..widgets import Explorer, Option, Question, Quiz, Step, Storyboard

# The cast in the order the tour introduces it: (actor key, where it is drawn,
# what it does in one line).
CAST = (
    ("neuron", (10, 31), "A neuron (nerve cell) sends signals along its axon."),
    ("myelin", (27, 31), "Myelin sheaths wrap the axon in segments and speed up the signal."),
    ("node", (36, 31), "Nodes of Ranvier are the short gaps between sheaths, where the signal is renewed."),
    ("oligodendrocyte", (50, 42), "An oligodendrocyte makes the myelin sheaths of the brain and spinal cord, "
                                  "several at once, each on a different axon (the other axons are out of view)."),
    ("opc", (80, 42), "An oligodendrocyte precursor cell (OPC) can mature into a new oligodendrocyte."),
    ("microglia", (88, 20), "Microglia are the brain's resident immune cells. Resting, they have many fine "
                            "branches; activated, they (and macrophages from the blood) become lumpy "
                            "and can eat myelin."),
    ("vessel", (14, 9), "A blood vessel: its tightly sealed wall is the blood-brain barrier."),
    ("t_cell", (34, 9), "T cells are immune cells that recognise a target and direct or carry out attacks."),
    ("b_cell", (52, 9), "B cells make antibodies and present targets to T cells."),
    ("antibody", (62, 10), "Antibodies are Y-shaped proteins that stick to a target."),
)
CAST_KEYS = tuple(key for key, _, _ in CAST)


@dataclass(frozen=True)
class CastState:
    revealed: int = len(CAST)  # how many cast members are drawn
    highlight: str = ""  # actor key to ring, or "" for none


SEGMENTS = ((14.5, 35.5), (36.5, 57.5), (58.5, 79.5), (80.5, 96))
NODES = (36.0, 58.0, 80.0)


def draw_cast(ax, state):
    shown = set(CAST_KEYS[: state.revealed])
    if "neuron" in shown:
        A.draw_axon(ax, 12, 97, 31)
        A.draw_neuron(ax, 10, 31, size=3.4)
    if "myelin" in shown:
        for x0, x1 in SEGMENTS:
            A.draw_myelin(ax, x0, x1, 31)
    if "node" in shown:
        for x in NODES:
            A.draw_node(ax, x, 31)
    if "oligodendrocyte" in shown:
        # One sheath on this axon; the other arms reach axons out of view.
        A.draw_oligodendrocyte(ax, 50, 42, targets=[(47, 33), (36, 50.5), (64, 50.5)])
    if "opc" in shown:
        A.draw_opc(ax, 80, 42)
    if "microglia" in shown:
        A.draw_macrophage(ax, 88, 20, resting=True)
    if "vessel" in shown:
        A.draw_vessel(ax, 3, 75, 9, height=8)
        caption_text(ax, 39, 15.6, "blood flows inside the vessel; brain tissue lies outside its wall", size_step=-1,
                     colour=style.MUTED)
    if "t_cell" in shown:
        A.draw_t_cell(ax, 34, 9)
    if "b_cell" in shown:
        A.draw_b_cell(ax, 52, 9)
    if "antibody" in shown:
        A.draw_antibody(ax, 61, 9.5, angle=-20)
        A.draw_antibody(ax, 67, 8.5, angle=25)
    if state.highlight and state.highlight in shown:
        x, y = dict((k, xy) for k, xy, _ in CAST)[state.highlight]
        ax.add_artist(Circle((x, y), 5.2, fill=False, edgecolor=style.INK,
                             linewidth=style.line(2.2), linestyle=(0, (4, 2)), zorder=10))


def describe_cast(state):
    shown = CAST[: state.revealed]
    names = ", ".join("a neuron with its axon" if key == "neuron" else A.ACTORS[key].name
                      for key, _, _ in shown)
    text = f"A schematic piece of nerve tissue showing: {names}."
    if state.highlight:
        line = next(t for k, _, t in CAST if k == state.highlight)
        text += f" A dashed ring marks the {A.ACTORS[state.highlight].name}. {line}"
    return text


CAST_SCENE = Scene("cast", draw_cast, describe_cast, width=100, height=50,
                   legend=CAST_KEYS[:5] + ("microglia", "macrophage") + CAST_KEYS[6:])

TOUR_STEPS = tuple(
    Step(
        title=A.ACTORS[key].name[0].upper() + A.ACTORS[key].name[1:],
        caption=line + (" Press <b>Next</b> to meet the next one." if i < len(CAST) - 1
                        else " That is the whole cast. Living in the brain: neurons, oligodendrocytes, "
                             "OPCs and microglia. Arriving from the blood: T cells, B cells, antibodies "
                             "and macrophages. Every lesson draws them the same way."),
        state=CastState(revealed=i + 1, highlight=key),
    )
    for i, (key, _, line) in enumerate(CAST)
)


def tour():
    """The storyboard that introduces the cast, one actor per step."""
    return Storyboard(CAST_SCENE, TOUR_STEPS, heading="Meet the cast")


def spotlight():
    """An explorer: choose an actor and the diagram rings it."""
    choice = w.Dropdown(options=[("(none)", "")] + [(A.ACTORS[k].name, k) for k in CAST_KEYS],
                        value="", description="Highlight",
                        style={"description_width": "initial"})
    return Explorer(CAST_SCENE, {"highlight": choice},
                    make_state=lambda v: CastState(highlight=v["highlight"]),
                    heading="Try a control: highlight one actor")


QUESTIONS = (
    Question(
        "The diagrams in this course show cells as simple shapes. What does the size of a "
        "shape tell you?",
        (
            Option("The real size of the cell, to scale.", False,
                   "The diagrams are schematic: a T cell is drawn almost as big as an "
                   "oligodendrocyte's cell body so that you can see it."),
            Option("Nothing about real size: the diagrams are illustrative, not to scale.", True,
                   "Yes. Shapes, colours and letters tell you which actor it is. Real numbers "
                   "appear only in the text, with a reference."),
            Option("How active the cell is.", False,
                   "Activity is shown by the cell's shape and by the caption, not by its size."),
        ),
    ),
    Question(
        "A box headed <b>Evidence check</b> appears in a lesson. What is it for?",
        (
            Option("It gives the dose of a treatment.", False,
                   "The lessons never give treatment doses for you to use: this is teaching "
                   "material, not medical advice."),
            Option("It says how strong the evidence for a claim is: shown in people, only in "
                   "animals, or disputed.", True,
                   "Yes. Many stem cell claims are strong in mice and unproven in people; the "
                   "box tells you which."),
            Option("It is optional reading you can skip.", False,
                   "It is the part that stops you from over-believing a result. Do not skip it."),
        ),
    ),
    Question(
        "Which of these can you do in these lessons? Tick every one that applies.",
        (
            Option("Step through a process with Previous and Next.", True,
                   "Yes: every storyboard has Previous, Next, a list of its steps and Reset."),
            Option("Read what every diagram shows in words, under the diagram.", True,
                   "Yes: every diagram has a text description, so you can follow without "
                   "seeing the picture."),
            Option("Decide whether a stem cell treatment is right for you.", False,
                   "No. Treatment decisions belong with a person's MS specialist. The course "
                   "teaches the science."),
        ),
        multiple=True,
    ),
)


def glossary():
    """The glossary search box."""
    return course_glossary.search_widget()


def self_check():
    return Quiz(QUESTIONS)


FIGURES = (
    FigureSpec("00-cast", CAST_SCENE, CastState(), "The cast of the course"),
)
