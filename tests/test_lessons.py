"""Lesson modules: steps and figures are data, and every state is drawn and described."""

import pytest

from mscourse.export import all_specs
from mscourse.lessons import LESSONS, load
from mscourse.render import Renderer
from mscourse.scene import FigureSpec, Scene, unnamed_actors
from mscourse.widgets import Question, Step

MODULES = [load(name) for name in LESSONS]


def storyboards(module):
    """Every tuple of Steps a lesson module defines, with its scene."""
    out = []
    for name, value in vars(module).items():
        if isinstance(value, tuple) and value and all(isinstance(s, Step) for s in value):
            out.append((name, value))
    return out


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
def test_every_storyboard_step_renders_and_is_described(module):
    # A step's state type tells which scene draws it (the exported figures say so).
    scene_for = {}
    for spec in module.FIGURES:
        scene_for.setdefault(type(spec.state), spec.scene)
    checked = [(spec.scene, spec.state) for spec in module.FIGURES]
    for name, steps in storyboards(module):
        titles = [s.title for s in steps]
        assert len(set(titles)) == len(titles), f"{name}: two steps share a title"
        for step in steps:
            assert step.title.strip() and step.caption.strip(), f"{name}: empty title or caption"
            assert type(step.state) in scene_for, f"{name}: no exported figure uses its scene"
            checked.append((scene_for[type(step.state)], step.state))
    renderers = {}
    for scene, state in checked:
        renderer = renderers.setdefault(scene.name, Renderer(scene))
        renderer.png(state)
        text = scene.describe(state)
        assert renderer.actors, f"{scene.name}: nothing drawn for {state}"
        assert not unnamed_actors(renderer.actors, text), (scene.name, state, text)


def test_figure_slugs_are_unique_across_the_course():
    specs = all_specs()
    assert len({s.slug for s in specs}) == len(specs)
