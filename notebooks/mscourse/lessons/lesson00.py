"""Lesson 00, start here: the cast of the course and a tour of the controls.

The teaching text (tour captions, what each actor does, the quiz, the
references) is in ``content/lesson00.toml``; this module draws.
"""

from dataclasses import dataclass

import ipywidgets as w

from .. import actors as A
from .. import content
from .. import glossary as course_glossary
from .. import style
from .. import canvas as C
from ..scene import FigureSpec, Scene
from ..widgets import Explorer, Quiz, Storyboard

# The cast in the order the tour introduces it: (actor key, where it is drawn).
# What each one does, in words, is in content/lesson00.toml.
CAST = (
    ("neuron", (10, 31)),
    ("myelin", (27, 31)),
    ("node", (36, 31)),
    ("oligodendrocyte", (50, 42)),
    ("opc", (80, 42)),
    ("microglia", (88, 20)),
    ("vessel", (14, 9)),
    ("t_cell", (34, 9)),
    ("b_cell", (52, 9)),
    ("antibody", (62, 10)),
)
CONTENT = content.for_module(__name__)
CAST_KEYS = tuple(key for key, _ in CAST)


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
        C.text(ax, 39, 15.6, "blood flows inside the vessel; brain tissue lies outside its wall",
               colour=style.MUTED)
    if "t_cell" in shown:
        A.draw_t_cell(ax, 34, 9)
    if "b_cell" in shown:
        A.draw_b_cell(ax, 52, 9)
    if "antibody" in shown:
        A.draw_antibody(ax, 61, 9.5, angle=-20)
        A.draw_antibody(ax, 67, 8.5, angle=25)
    if state.highlight and state.highlight in shown:
        x, y = dict(CAST)[state.highlight]
        C.ring(ax, x, y, 5.2, width=2.2)


def describe_cast(state):
    shown = CAST[: state.revealed]
    names = ", ".join("a neuron with its axon" if key == "neuron" else A.ACTORS[key].name
                      for key, _ in shown)
    text = f"A schematic piece of nerve tissue showing: {names}."
    if state.highlight:
        line = CONTENT.notes("spotlight")[state.highlight]
        text += f" A dashed ring marks the {A.ACTORS[state.highlight].name}. {line}"
    return text


CAST_SCENE = Scene("cast", draw_cast, describe_cast, width=100, height=50,
                   legend=CAST_KEYS[:5] + ("microglia", "macrophage") + CAST_KEYS[6:])

# One step per cast member, in CAST order; the step ids are the actor keys.
TOUR_STATES = {key: CastState(revealed=i + 1, highlight=key) for i, (key, _) in enumerate(CAST)}
TOUR_STEPS = CONTENT.steps("tour", TOUR_STATES)


def tour():
    """The storyboard that introduces the cast, one actor per step."""
    return Storyboard(CAST_SCENE, TOUR_STEPS, heading=CONTENT.heading("storyboard", "tour"))


def spotlight():
    """An explorer: choose an actor and the diagram rings it."""
    choice = w.Dropdown(options=[("(none)", "")] + [(A.ACTORS[k].name, k) for k in CAST_KEYS],
                        value="", description="Highlight",
                        style={"description_width": "initial"})
    return Explorer(CAST_SCENE, {"highlight": choice},
                    make_state=lambda v: CastState(highlight=v["highlight"]),
                    heading=CONTENT.heading("explorer", "spotlight"))


QUESTIONS = CONTENT.questions()


def glossary():
    """The glossary search box."""
    return course_glossary.search_widget()


def self_check():
    return Quiz(QUESTIONS, heading=CONTENT.heading("quiz", "self_check"))


FIGURES = (
    FigureSpec("00-cast", CAST_SCENE, CastState(), "The cast of the course"),
)
