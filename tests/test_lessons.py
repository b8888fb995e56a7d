"""Lesson modules: steps and figures are data, and every state is drawn and described."""

import pytest

from course_states import drawn, storyboards
from mscourse.canvas import drawn_actors
from mscourse.export import all_specs
from mscourse.lessons import LESSONS, load
from mscourse.scene import FigureSpec, Scene, unnamed_actors
from mscourse.widgets import Question

MODULES = [load(name) for name in LESSONS]


def scenes(module):
    return [v for v in vars(module).values() if isinstance(v, Scene)]


@pytest.mark.parametrize("module", MODULES, ids=LESSONS)
def test_lesson_has_questions_figures_and_scenes(module):
    assert len(module.QUESTIONS) >= 3 and all(isinstance(q, Question) for q in module.QUESTIONS)
    for q in module.QUESTIONS:
        assert len(q.options) >= 2 and all(o.why.strip() for o in q.options), q.prompt
    assert module.FIGURES and all(isinstance(f, FigureSpec) for f in module.FIGURES)
    number = module.__name__[-2:]
    assert all(f.slug.startswith(number + "-") for f in module.FIGURES)
    assert scenes(module)
    exported = {f.scene.name for f in module.FIGURES}
    assert {s.name for s in scenes(module)} <= exported, "every diagram has a static export"


@pytest.mark.parametrize("module", MODULES, ids=LESSONS)
def test_storyboard_steps_have_distinct_titles_and_captions(module):
    for name, steps in storyboards(module):
        titles = [s.title for s in steps]
        assert len(set(titles)) == len(titles), f"{name}: two steps share a title"
        for step in steps:
            assert step.title.strip() and step.caption.strip(), f"{name}: empty title or caption"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_state_draws_actors_and_its_description_names_them(lesson):
    for label, scene, state, ax in drawn(lesson):
        actors = drawn_actors(ax)
        assert actors, f"{lesson} {label}: no actor drawn"
        text = scene.describe(state)
        missing = unnamed_actors(actors, text)
        assert not missing, f"{lesson} {label}: the description does not name {missing}: {text}"


@pytest.mark.parametrize("text, key", [
    ("No B cells are drawn.", "b_cell"),
    ("Nothing else is drawn.", "thin_myelin"),
    ("An axon without myelin.", "myelin"),
    ("The cells sit in a lymph node.", "node"),
    ("There is not a single antibody here.", "antibody"),
    ("A T-shaped mark.", "t_cell"),
])
def test_a_description_that_negates_or_only_contains_a_word_does_not_name_the_actor(text, key):
    assert unnamed_actors({key}, text) == [key]


@pytest.mark.parametrize("text, key", [
    ("T cells and B cells cross the wall.", "b_cell"),
    ("The axon has no myelin here, but myelin wraps it further on.", "myelin"),
    ("Thin new myelin wraps the axon.", "thin_myelin"),
    ("Antibodies bind to the sheath.", "antibody"),
    ("Nodes of Ranvier sit between the sheaths.", "node"),
    ("The signal stops: conduction is blocked.", "block"),
])
def test_a_description_that_names_an_actor_counts(text, key):
    assert unnamed_actors({key}, text) == []


def test_figure_slugs_are_unique_across_the_course():
    specs = all_specs()
    assert len({s.slug for s in specs}) == len(specs)
