"""The storyboard, explorer and quiz, driven as a student would."""

import json
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


def test_storyboard_starts_at_step_one_with_every_step_described():
    sb = Storyboard(SCENE, STEPS, heading="Cells")
    assert sb.index == 0 and sb.status == "Step 1 of 3: Step 1" and sb.caption == "Caption 1"
    assert [f["description"] for f in sb.frames] == ["1 B cells.", "2 B cells.", "3 B cells."]
    assert sb.frames[1]["alt"] == "Cells, step 2 of 3: Step 2", "one-line alt: scene and step"
    assert sb.frames[0]["image"].startswith("data:image/png;base64,"), "the first frame ships at once"
    assert not sb.frames[1]["image"], "the others are rendered after the cell, not during it"


def test_storyboard_renders_the_likely_next_step_first_and_every_frame_once():
    sb = Storyboard(SCENE, STEPS)
    sent = []
    sb.send = lambda message, buffers=None: sent.append(message)
    sb.go(1)
    sb.render_one()
    assert [m["index"] for m in sent] == [2], "from step 2, step 3 is the likely next"
    sb.render_all()
    assert [m["index"] for m in sent] == [2, 1]
    assert all(sb._images) and not sb.render_one()


def test_storyboard_answers_a_request_for_a_missing_frame_at_once():
    sb = Storyboard(SCENE, STEPS)
    sent = []
    sb.send = lambda message, buffers=None: sent.append(message)
    sb._on_message(sb, {"type": "need", "indexes": [2]}, [])
    assert [m["index"] for m in sent] == [2] and sent[0]["image"].startswith("data:image/png")


def test_storyboard_next_stops_at_the_last_step():
    sb = Storyboard(SCENE, STEPS)
    images = {sb.image}
    for _ in range(5):
        sb.next()
        images.add(sb.image)
    assert sb.index == 2 and sb.step == 2
    assert sb.caption == "Caption 3" and "3 B cells" in sb.description
    assert len(images) == 3, "each step should show its own diagram"


def test_storyboard_previous_at_first_step_does_nothing():
    sb = Storyboard(SCENE, STEPS)
    before = sb.image
    sb.previous()
    assert sb.index == 0 and sb.image == before


def test_storyboard_step_list_and_reset():
    sb = Storyboard(SCENE, STEPS)
    sb.go(2)
    assert sb.index == 2 and sb.caption == "Caption 3"
    sb.go(99)
    assert sb.index == 2, "clamped to the last step"
    sb.reset()
    assert sb.index == 0 and sb.caption == "Caption 1"


def test_storyboard_follows_the_browser():
    sb = Storyboard(SCENE, STEPS)
    sb.set_state({"step": 2})  # what the front end sends when a student presses End
    assert sb.index == 2 and "3 B cells" in sb.description


def test_storyboard_rejects_no_steps():
    with pytest.raises(ValueError):
        Storyboard(SCENE, [])


def test_storyboard_exercise_visits_every_state():
    sb = Storyboard(SCENE, STEPS)
    assert sb.exercise() > 2 * len(STEPS)
    assert all(sb._images)


def test_rerunning_a_cell_closes_the_widget_it_made_last_time(monkeypatch):
    from mscourse import widgets

    runs = iter([("cell-1", "run-1"), ("cell-1", "run-2")])
    monkeypatch.setattr(widgets, "_cell_run", lambda: next(runs))
    first = Storyboard(SCENE, STEPS)
    second = Storyboard(SCENE, STEPS)
    assert first.closed and first not in widgets.live_widgets()
    assert not second.closed and second in widgets.live_widgets()
    assert first not in widgets._QUEUE, "a closed widget renders nothing more"


def test_explorer_updates_and_resets():
    slider = w.IntSlider(value=1, min=0, max=4, description="Cells")
    ex = Explorer(SCENE, {"cells": slider}, make_state=lambda v: Count(v["cells"]))
    assert ex.controls == [{"key": "cells", "label": "Cells", "kind": "range", "min": 0, "max": 4, "step": 1}]
    first = ex.image
    slider.value = 4
    assert "4 B cells" in ex.description and ex.image != first and ex.values == {"cells": 4}
    ex.reset()
    assert slider.value == 1 and ex.image == first and ex.values == {"cells": 1}
    assert ex.exercise() >= 4


def test_explorer_follows_the_browser_and_sends_what_it_has_not_got():
    box = w.Checkbox(value=False, description="More")
    ex = Explorer(SCENE, {"more": box}, make_state=lambda v: Count(3 if v["more"] else 1))
    sent = []
    ex.send = lambda message, buffers=None: sent.append(message)
    ex.set_state({"values": {"more": True}})
    assert box.value is True and "3 B cells" in ex.description
    assert [m["frame"]["values"] for m in sent] == [{"more": True}]
    assert sent[0]["request"] == "[true]" and sent[0]["frame"]["alt"].endswith("switched on: More")
    ex.set_state({"values": {"more": False}})
    assert len(sent) == 1, "the browser has the first state already"


def test_explorer_renders_the_states_one_change_away_ahead():
    choice = w.ToggleButtons(options=[("one", 1), ("two", 2), ("three", 3)], value=1, description="Cells")
    box = w.Checkbox(value=False, description="Double")
    ex = Explorer(SCENE, {"cells": choice, "double": box},
                  make_state=lambda v: Count(v["cells"] * (2 if v["double"] else 1)))
    sent = []
    ex.send = lambda message, buffers=None: sent.append(message)
    while ex.render_one():
        pass
    ahead = sorted(json.dumps(m["frame"]["values"], sort_keys=True) for m in sent)
    assert ahead == sorted(json.dumps(v, sort_keys=True) for v in (
        {"cells": 2, "double": False}, {"cells": 3, "double": False}, {"cells": 1, "double": True}))
    assert choice.value == 1 and box.value is False and "1 B cells" in ex.description, \
        "rendering ahead leaves the student's state alone"


def test_rendering_ahead_waits_while_a_student_is_clicking(monkeypatch):
    """In a kernel, ahead-renders run after the cell, but never in the moments after a click:
    then the browser is painting the click's picture on the same cores."""
    import asyncio

    from mscourse import widgets

    monkeypatch.setattr(widgets, "QUIET_SECONDS", 0.2)
    monkeypatch.setattr(widgets, "_QUEUE", [])  # other tests' widgets: not this lesson's

    async def lesson():
        box = w.Checkbox(value=False, description="More")
        ex = Explorer(SCENE, {"more": box}, make_state=lambda v: Count(3 if v["more"] else 1))
        sent = []
        ex.send = lambda message, buffers=None: sent.append(message)
        widgets.student_acted()
        await asyncio.sleep(0.1)
        during = len(sent)
        await asyncio.sleep(0.3)
        return during, len(sent), widgets.pending_work()

    during, after, pending = asyncio.run(lesson())
    assert during == 0, "nothing is drawn ahead just after a click"
    assert after == 1 and pending == 0, "once the student pauses, the state one change away is drawn"


def test_explorer_keeps_a_lessons_coupled_controls():
    claim = w.Dropdown(options=["a", "b"], value="a", description="Claim")
    reveal = w.ToggleButton(value=False, description="Reveal")
    claim.observe(lambda _: setattr(reveal, "value", False), names="value")  # a new claim starts hidden
    ex = Explorer(SCENE, {"claim": claim, "reveal": reveal},
                  make_state=lambda v: Count(1 + (v["claim"] == "b") + 2 * v["reveal"]))
    sent = []
    ex.send = lambda message, buffers=None: sent.append(message)
    ex.set_state({"values": {"claim": "a", "reveal": True}})
    ex.set_state({"values": {"claim": "b", "reveal": True}})
    assert ex.values == {"claim": "b", "reveal": False} and reveal.value is False
    assert sent[-1]["request"] == '["b",true]' and sent[-1]["frame"]["values"] == {"claim": "b", "reveal": False}


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
    shown = [option["label"] for option in qw.spec()["options"]]
    assert shown == [f"option {i}" for i in display_order(question)]
    qw.choose({0})
    assert qw.chosen() == {0} and qw.grade() == "correct"


def test_every_option_is_explained_only_after_a_second_try_or_a_right_answer():
    from mscourse.widgets import QuestionWidget

    qw = QuestionWidget(QUESTION)
    qw.choose({0})
    qw.grade()
    assert "A is wrong" in qw.feedback and "Why each option" not in qw.feedback
    qw.grade()
    assert "Why each option" in qw.feedback


def test_quiz_check_shows_feedback():
    quiz = Quiz([QUESTION, MULTI])
    single, multi = quiz.items
    single.grade()
    assert "Choose an answer first" in single.feedback
    single.choose({0})
    single.grade()
    assert "Not quite" in single.feedback and "A is wrong" in single.feedback
    single.choose({1})
    single.grade()
    assert "Correct" in single.feedback
    assert quiz.answers[0] == {"chosen": [1], "attempts": 2, "verdict": "correct"}
    multi.choose({0, 2})
    multi.grade()
    assert multi.verdict == "correct"
    assert quiz.exercise() == 2 + 3 + 2


def test_quiz_ships_feedback_for_every_answer_so_the_browser_grades_it():
    from mscourse.widgets import feedback_table

    quiz = Quiz([QUESTION, MULTI])
    single, multi = quiz.questions
    assert set(single["feedback"]) == {"", "0", "1"}
    assert set(multi["feedback"]) == {"", "0", "1", "2", "0,1", "0,2", "1,2", "0,1,2"}
    assert multi["feedback"]["0,2"]["verdict"] == "correct"
    assert multi["feedback"]["0"]["verdict"] == "partial"
    wrong = single["feedback"]["0"]
    assert "Why each option" not in wrong["first"] and "Why each option" in wrong["later"]
    assert feedback_table(QUESTION) == single["feedback"]
    # The browser grades and reports; the Python side follows.
    quiz.set_state({"answers": [{"chosen": [0], "attempts": 1, "verdict": "wrong"},
                                {"chosen": [], "attempts": 0, "verdict": ""}]})
    assert quiz.items[0].verdict == "wrong" and "A is wrong" in quiz.items[0].feedback


def test_questions_must_have_a_right_answer():
    with pytest.raises(ValueError):
        Question("?", (Option("x", False, "no"),))
    with pytest.raises(ValueError):
        Question("?", (Option("x", True, "a"), Option("y", True, "b")))


def test_explorer_live_note_follows_the_controls():
    slider = w.IntSlider(value=1, min=0, max=4, description="Cells")
    ex = Explorer(SCENE, {"cells": slider}, make_state=lambda v: Count(v["cells"]),
                  note_for=lambda v: f"You chose {v['cells']} cells.")
    assert "You chose 1 cells." in ex.live_note and ex.frames[0]["note"] == "You chose 1 cells."
    slider.value = 3
    assert "You chose 3 cells." in ex.live_note
    ex.reset()
    assert "You chose 1 cells." in ex.live_note


def test_front_end_modules_export_render_and_use_only_the_host_contract():
    """The static site reuses these modules unchanged: only get/set/save_changes/on/send."""
    import re

    from mscourse.widgets import WEB, esm_text

    for kind in ("storyboard", "explorer", "quiz", "glossary"):
        text = esm_text(kind)
        assert "export default { initialize, render }" in text
        assert not re.search(r"^\s*import\b|https?://", text, re.M), "no imports, nothing from the network"
        used = set(re.findall(r"model\.(\w+)\(", text))
        assert used <= {"get", "set", "save_changes", "on", "send"}, used
        events = set(re.findall(r'model\.on\("([^"]+)"', text))
        assert all(e.startswith("change:") or e == "msg:custom" for e in events), events
    assert "focus-visible" in (WEB / "course.css").read_text()


def test_in_a_kernel_a_cell_run_first_works_and_a_rerun_replaces_its_widget():
    """A call cell run before the setup cell works; rerunning it (same JupyterLab cell id)
    closes the widget of the last run, so nothing piles up in the kernel."""
    import nbformat
    from jupyter_client.manager import start_new_kernel

    from conftest import NOTEBOOKS

    nb = nbformat.read(NOTEBOOKS[1], as_version=4)
    call = [c for c in nb.cells if c.cell_type == "code"][1].source
    assert "lesson." in call
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(NOTEBOOKS[1].parent))
    try:
        def run(code, cell_id=None):
            message = client.session.msg("execute_request", {
                "code": code, "silent": False, "store_history": True, "user_expressions": {},
                "allow_stdin": False, "stop_on_error": True}, metadata={"cellId": cell_id} if cell_id else {})
            client.shell_channel.send(message)
            out, error = [], None
            while True:
                reply = client.get_iopub_msg(timeout=60)
                if reply["parent_header"].get("msg_id") != message["header"]["msg_id"]:
                    continue
                kind, content = reply["msg_type"], reply["content"]
                if kind == "stream" and content["name"] == "stdout":
                    out.append(content["text"])
                elif kind == "error":
                    error = content["ename"] + ": " + content["evalue"]
                elif kind == "status" and content["execution_state"] == "idle":
                    return "".join(out), error

        _, error = run(call, "cell-a")  # the setup cell never ran
        assert error is None, error
        count = ("from ipywidgets.widgets import widget; import mscourse.widgets as W; "
                 "print(len(W.live_widgets()), len(widget._instances))")
        first, _ = run(count)
        for _ in range(3):
            _, error = run(call, "cell-a")
            assert error is None, error
        again, _ = run(count)
        assert first.split()[0] == again.split()[0] == "1", (first, again)
        assert int(again.split()[1]) <= int(first.split()[1]), f"widgets pile up: {first} -> {again}"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_explorer_sends_a_frame_once_per_request_but_again_to_a_reloaded_page():
    box = w.Checkbox(value=False, description="More")
    ex = Explorer(SCENE, {"more": box}, make_state=lambda v: Count(3 if v["more"] else 1))
    sent = []
    ex.send = lambda message, buffers=None: sent.append(message)
    ex.set_state({"values": {"more": True}})  # the browser had not got it: it also says "need"
    ex._on_message(ex, {"type": "need", "values": {"more": True}}, [])
    assert len(sent) == 1, "one frame per request, not two"
    ex._on_message(ex, {"type": "need", "values": {"more": True}}, [])  # a page reloaded since
    assert len(sent) == 2 and sent[1]["frame"]["values"] == {"more": True}
