"""The storyboard, explorer and quiz, driven as a student would."""

from dataclasses import dataclass

import ipywidgets as w
import pytest

from mscourse import actors as A
from mscourse.scene import Scene
from mscourse.widgets import Explorer, Option, Question, Quiz, Step, Storyboard, grade


@dataclass(frozen=True)
class Count:
    cells: int


def draw(ax, state):
    for i in range(state.cells):
        A.draw_b_cell(ax, 10 + 8 * i, 20)


SCENE = Scene("b", draw, lambda s: f"{s.cells} B cells.", height=40)
STEPS = [Step(f"Step {n}", f"Caption {n}", Count(n)) for n in (1, 2, 3)]


def test_storyboard_starts_at_step_one_with_previous_disabled():
    sb = Storyboard(SCENE, STEPS)
    assert sb.index == 0 and sb.slider.value == 1
    assert sb.previous.disabled and not sb.next.disabled
    assert "Step 1 of 3" in sb.title.value and "Caption 1" in sb.caption.value
    assert "1 B cells" in sb.view.description.value


def test_storyboard_next_stops_at_the_last_step():
    sb = Storyboard(SCENE, STEPS)
    images = {sb.view.image.value}
    for _ in range(5):
        sb.next.click()
        images.add(sb.view.image.value)
    assert sb.index == 2 and sb.slider.value == 3 and sb.next.disabled
    assert "Caption 3" in sb.caption.value and "3 B cells" in sb.view.description.value
    assert len(images) == 3, "each step should show its own diagram"


def test_storyboard_previous_at_first_step_does_nothing():
    sb = Storyboard(SCENE, STEPS)
    before = sb.view.image.value
    sb.previous.click()
    assert sb.index == 0 and sb.view.image.value == before


def test_storyboard_slider_and_reset():
    sb = Storyboard(SCENE, STEPS)
    sb.slider.value = 3
    assert sb.index == 2 and "Caption 3" in sb.caption.value
    sb.reset.click()
    assert sb.index == 0 and sb.slider.value == 1 and "Caption 1" in sb.caption.value


def test_storyboard_rejects_no_steps():
    with pytest.raises(ValueError):
        Storyboard(SCENE, [])


def test_storyboard_exercise_visits_every_state():
    assert Storyboard(SCENE, STEPS).exercise() > 2 * len(STEPS)


def test_explorer_updates_and_resets():
    slider = w.IntSlider(value=1, min=0, max=4, description="Cells")
    ex = Explorer(SCENE, {"cells": slider}, make_state=lambda v: Count(v["cells"]))
    first = ex.view.image.value
    slider.value = 4
    assert "4 B cells" in ex.view.description.value and ex.view.image.value != first
    ex.reset.click()
    assert slider.value == 1 and ex.view.image.value == first
    assert ex.exercise() >= 4


QUESTION = Question("Pick B.", (
    Option("A", False, "A is wrong because of a."),
    Option("B", True, "B is right because of b."),
))
MULTI = Question("Pick A and C.", (
    Option("A", True, "A is one of them."),
    Option("B", False, "B is not."),
    Option("C", True, "C is one of them."),
), multiple=True)


def test_grade_explains_the_chosen_option_and_every_option():
    verdict, body = grade(QUESTION, {0})
    assert verdict == "wrong" and "A is wrong because of a." in body and "B is right" in body
    verdict, body = grade(QUESTION, {1})
    assert verdict == "correct" and "Correct" in body


def test_grade_multiple_choice_partial_and_empty():
    assert grade(MULTI, set())[0] == "empty"
    assert grade(MULTI, {0})[0] == "partial"
    assert grade(MULTI, {0, 1, 2})[0] == "wrong"
    assert grade(MULTI, {0, 2})[0] == "correct"


def test_options_are_shown_in_a_fixed_shuffled_order():
    from mscourse.widgets import QuestionWidget, display_order

    question = Question("Which is right?", tuple(
        Option(f"option {i}", i == 0, f"why {i}") for i in range(5)))
    assert display_order(question) == display_order(question)
    assert sorted(display_order(question)) == list(range(5))
    qw = QuestionWidget(question)
    shown = [label for label, _ in qw.choices.options]
    assert shown == [f"option {i}" for i in display_order(question)]
    qw.choose({0})
    assert qw.chosen() == {0} and qw.grade() == "correct"


def test_every_option_is_explained_only_after_a_second_try_or_a_right_answer():
    from mscourse.widgets import QuestionWidget

    qw = QuestionWidget(QUESTION)
    qw.choose({0})
    qw.grade()
    assert "A is wrong" in qw.feedback.value and "Why each option" not in qw.feedback.value
    qw.grade()
    assert "Why each option" in qw.feedback.value


def test_quiz_widget_check_button_shows_feedback():
    quiz = Quiz([QUESTION, MULTI])
    single, multi = quiz.questions
    single.check.click()
    assert "Choose an answer first" in single.feedback.value
    single.choose({0})
    single.check.click()
    assert "Not quite" in single.feedback.value and "A is wrong" in single.feedback.value
    single.choose({1})
    single.check.click()
    assert "Correct" in single.feedback.value
    multi.choose({0, 2})
    multi.check.click()
    assert multi.verdict == "correct"
    assert quiz.exercise() == 2 + 3 + 2


def test_questions_must_have_a_right_answer():
    with pytest.raises(ValueError):
        Question("?", (Option("x", False, "no"),))
    with pytest.raises(ValueError):
        Question("?", (Option("x", True, "a"), Option("y", True, "b")))


def test_explorer_live_note_follows_the_controls():
    slider = w.IntSlider(value=1, min=0, max=4, description="Cells")
    ex = Explorer(SCENE, {"cells": slider}, make_state=lambda v: Count(v["cells"]),
                  note_for=lambda v: f"You chose {v['cells']} cells.")
    assert "You chose 1 cells." in ex.live_note.value
    slider.value = 3
    assert "You chose 3 cells." in ex.live_note.value
    ex.reset.click()
    assert "You chose 1 cells." in ex.live_note.value
