"""The interactive patterns every lesson shares: storyboard, explorer, quiz.

* ``Storyboard``: Previous / Next, a step slider, a title and caption per
  step, the diagram redrawn in place, Reset.
* ``Explorer``: a few labelled controls that set a scene's state, Reset.
* ``Quiz``: single- or multiple-choice questions with a Check button and
  feedback that explains each option.

Every widget shows its state in words as well as in the picture. Each one
can also drive itself through every state (``exercise``), which the tests
and the benchmark use.
"""

import html
import random
import time
import zlib
import weakref
from dataclasses import dataclass
from typing import Any

import ipywidgets as w

from . import style
from .scene import Renderer, describe, legend_png, unnamed_actors

# Every live widget, so tests and the benchmark can drive them all.
_LIVE = weakref.WeakSet()


def live_widgets():
    """The course widgets created in this kernel that are still alive."""
    return sorted(_LIVE, key=lambda x: x.serial)


_serial = [0]


def register(widget):
    _serial[0] += 1
    widget.serial = _serial[0]
    _LIVE.add(widget)


def _esc(text):
    return html.escape(text, quote=False)


class DiagramView(w.VBox):
    """A diagram and its description, redrawn in place for each new state."""

    verify = False  # tests switch this on: each description must name what is drawn

    def __init__(self, scene, state):
        self.scene = scene
        self.renderer = Renderer(scene)
        # No tooltip on the image: ipywidgets 8.1 ImageView fails to render with one.
        # The description below (aria-live) is the diagram's text alternative.
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        self.image.add_class("mscourse-diagram")
        self.description = w.HTML(layout=w.Layout(width="100%"))
        self.description.add_class("mscourse-description")
        self.timings = []  # seconds per update, read by the benchmark
        parts = [self.image]
        if scene.legend:  # drawn once: the legend never changes between states
            parts.append(w.Image(value=legend_png(scene.legend, scene.width, scene.inches),
                                 format="png", layout=w.Layout(max_width="100%", height="auto")))
        super().__init__(parts + [self.description])
        self.show(state)

    def show(self, state):
        start = time.perf_counter()
        self.image.value = self.renderer.png(state)
        self.state = state
        text = describe(self.scene, state)
        self.description.value = (
            f'<div style="font-size:{style.html_font_size()}" role="status" aria-live="polite">'
            f"<em>What the diagram shows:</em> {_esc(text)}</div>"
        )
        if DiagramView.verify:
            missing = unnamed_actors(self.renderer.actors, text)
            assert not missing, f"{self.scene.name}: description does not name {missing}: {text}"
        self.timings.append(time.perf_counter() - start)


# ---------------------------------------------------------------- storyboard

@dataclass(frozen=True)
class Step:
    """One step of a storyboard: data an instructor can edit."""

    title: str
    caption: str
    state: Any


class Storyboard(w.VBox):
    """Step through a sequence of states of one scene."""

    def __init__(self, scene, steps, heading=""):
        if not steps:
            raise ValueError("a storyboard needs at least one step")
        self.steps = list(steps)
        self.heading = heading
        self.title = w.HTML()
        self.view = DiagramView(scene, self.steps[0].state)
        self.caption = w.HTML()
        self.caption.add_class("mscourse-caption")
        last = len(self.steps)
        self.previous = w.Button(description="Previous", icon="arrow-left",
                                 tooltip="Go to the previous step")
        self.next = w.Button(description="Next", icon="arrow-right",
                             tooltip="Go to the next step")
        self.reset = w.Button(description="Reset", icon="undo", tooltip="Back to step 1")
        self.slider = w.IntSlider(value=1, min=1, max=last, step=1, description="Step",
                                  continuous_update=False, readout=True,
                                  layout=w.Layout(width="320px"))
        self.previous.on_click(lambda _: self.go(self.index - 1))
        self.next.on_click(lambda _: self.go(self.index + 1))
        self.reset.on_click(lambda _: self.go(0))
        self.slider.observe(lambda change: self.go(change["new"] - 1), names="value")
        controls = w.HBox([self.previous, self.next, self.slider, self.reset],
                          layout=w.Layout(flex_flow="row wrap", align_items="center"))
        self.index = -1
        super().__init__([self.title, controls, self.caption, self.view])
        self.add_class("mscourse-storyboard")
        register(self)
        self.go(0)

    def go(self, index):
        """Show step ``index`` (0-based), clamped to the first and last step."""
        index = max(0, min(index, len(self.steps) - 1))
        if index == self.index:
            return
        self.index = index
        step = self.steps[index]
        if self.slider.value != index + 1:
            self.slider.value = index + 1  # its observer re-enters go(), which returns at once
        self.previous.disabled = index == 0
        self.next.disabled = index == len(self.steps) - 1
        size = style.html_font_size()
        heading = f"{_esc(self.heading)}: " if self.heading else ""
        self.title.value = (
            f'<h4 style="margin:0.3em 0;font-size:{size}">{heading}'
            f"Step {index + 1} of {len(self.steps)}: {_esc(step.title)}</h4>"
        )
        self.caption.value = f'<p style="font-size:{size}">{step.caption}</p>'
        self.view.show(step.state)

    @property
    def current(self):
        return self.steps[self.index]

    def exercise(self):
        """Drive every state: each step forwards and back, both ends, Reset."""
        count = 0
        for _ in range(len(self.steps) + 1):  # one press past the end
            self.next.click()
            count += 1
        assert self.index == len(self.steps) - 1, "Next should stop at the last step"
        for _ in range(len(self.steps) + 1):
            self.previous.click()
            count += 1
        assert self.index == 0, "Previous should stop at the first step"
        for value in (self.slider.max, self.slider.min, self.slider.max):
            self.slider.value = value
            count += 1
        assert self.index == len(self.steps) - 1
        for _ in range(2):
            self.reset.click()
            count += 1
        assert self.index == 0, "Reset should return to step 1"
        return count


# ---------------------------------------------------------------- explorer

class Explorer(w.VBox):
    """A scene whose state is set by a few labelled controls.

    ``controls`` maps a state key to an ipywidgets value widget; ``make_state``
    turns the dict of control values into the scene's state.
    """

    def __init__(self, scene, controls, make_state=dict, heading="", note="", note_for=None):
        """``note`` is fixed HTML under the diagram; ``note_for(values)`` returns HTML
        that follows the controls (for example, feedback on the chosen option)."""
        self.controls = dict(controls)
        self.note_for = note_for
        self.make_state = make_state
        self.defaults = {k: c.value for k, c in self.controls.items()}
        self.view = DiagramView(scene, self.state())
        self.reset = w.Button(description="Reset", icon="undo", tooltip="Back to the start")
        self.reset.on_click(lambda _: self.restore())
        for control in self.controls.values():
            control.observe(lambda _: self.refresh(), names="value")
        parts = []
        if heading:
            parts.append(w.HTML(f'<h4 style="margin:0.3em 0;font-size:{style.html_font_size()}">'
                                f"{_esc(heading)}</h4>"))
        parts.append(w.HBox(list(self.controls.values()) + [self.reset],
                            layout=w.Layout(flex_flow="row wrap", align_items="center")))
        parts.append(self.view)
        if note:
            parts.append(w.HTML(f'<p style="font-size:{style.html_font_size()}">{note}</p>'))
        self.live_note = w.HTML()
        self.live_note.add_class("mscourse-note")
        if note_for:
            parts.append(self.live_note)
            self._update_note()
        self._muted = False
        super().__init__(parts)
        self.add_class("mscourse-explorer")
        register(self)

    def values(self):
        return {k: c.value for k, c in self.controls.items()}

    def state(self):
        return self.make_state(self.values())

    def _update_note(self):
        if self.note_for:
            self.live_note.value = (f'<div style="font-size:{style.html_font_size()}">'
                                    f"{self.note_for(self.values())}</div>")

    def refresh(self):
        if not self._muted:
            self.view.show(self.state())
            self._update_note()

    def restore(self):
        self._muted = True  # one redraw for the whole reset, not one per control
        try:
            for key, control in self.controls.items():
                control.value = self.defaults[key]
        finally:
            self._muted = False
        self.refresh()

    def exercise(self):
        """Every option of every control, both ends of every slider, Reset twice."""
        count = 0
        for control in self.controls.values():
            for value in _all_values(control):
                control.value = value
                count += 1
        for _ in range(2):
            self.reset.click()
            count += 1
        assert self.values() == self.defaults, "Reset should restore every control"
        return count


def _all_values(control):
    if isinstance(control, (w.IntSlider, w.FloatSlider)):
        return [control.max, control.min, control.max, control.value]
    if isinstance(control, (w.Checkbox, w.ToggleButton)):
        return [not control.value, control.value, not control.value]
    if isinstance(control, w.TagsInput):
        return []
    if hasattr(control, "options"):
        values = [opt[1] if isinstance(opt, tuple) else opt for opt in control.options]
        if isinstance(control.value, tuple):  # multiple selection: none, each alone, all
            return [()] + [(v,) for v in values] + [tuple(values)]
        return values + [values[0]]
    raise TypeError(f"cannot exercise control {control!r}")


# ---------------------------------------------------------------- quiz

@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str  # shown after Check: why this option is right or wrong


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple
    multiple: bool = False  # True: tick every correct option
    topic: str = ""

    def __post_init__(self):
        if not any(o.correct for o in self.options):
            raise ValueError(f"question has no correct option: {self.prompt}")
        if not self.multiple and sum(o.correct for o in self.options) != 1:
            raise ValueError(f"single-choice question needs exactly one answer: {self.prompt}")


def display_order(question):
    """A fixed shuffle of a question's options, the same on every run.

    Authors list the right answer wherever it is natural; students should not
    learn that it is usually second. Seeded by the prompt, so tests and
    screenshots are reproducible.
    """
    order = list(range(len(question.options)))
    random.Random(zlib.crc32(question.prompt.encode("utf-8"))).shuffle(order)
    return order


def grade(question, chosen, show_all=True):
    """Feedback for a set of chosen option indices: (verdict, html).

    show_all=False keeps the panel that explains every option closed to a
    first wrong try, so "try again" still means something.
    """
    chosen = set(chosen)
    if not chosen:
        return "empty", "<p>Choose an answer first, then press <b>Check</b>.</p>"
    right = {i for i, o in enumerate(question.options) if o.correct}
    if chosen == right:
        verdict, head = "correct", "✔ Correct."
    elif question.multiple and chosen < right:
        verdict, head = "partial", "◐ Partly right: you have not ticked every correct option yet."
    else:
        verdict, head = "wrong", "✘ Not quite."
    lines = []
    for i in sorted(chosen):
        option = question.options[i]
        mark = "✔ right" if option.correct else "✘ wrong"
        lines.append(f"<li><b>You chose “{option.text}”</b> ({mark}): {option.why}</li>")
    every = "".join(
        f"<li>“{o.text}”: {'✔ right' if o.correct else '✘ wrong'}. {o.why}</li>"
        for o in question.options
    )
    reveal = "" if verdict == "correct" else "<p>Think about the explanation, then try again.</p>"
    body = f"<p><b>{head}</b></p><ul>{''.join(lines)}</ul>{reveal}"
    if show_all or verdict == "correct":
        body += f"<details><summary>Why each option is right or wrong</summary><ul>{every}</ul></details>"
    else:
        body += "<p><i>After your next try, you can open an explanation of every option.</i></p>"
    return verdict, body


class QuestionWidget(w.VBox):
    """One question: its options, a Check button and explained feedback."""

    def __init__(self, question, number=1):
        self.question = question
        self.order = display_order(question)  # display position -> option index
        self.attempts = 0
        labels = [question.options[i].text for i in self.order]
        if question.multiple:
            self.choices = [w.Checkbox(value=False, description=t, indent=False,
                                       layout=w.Layout(width="auto")) for t in labels]
            chooser = w.VBox(self.choices)
            hint = " <i>(tick every correct option)</i>"
        else:
            self.choices = w.RadioButtons(options=[(t, i) for t, i in zip(labels, self.order)],
                                          value=None, layout=w.Layout(width="auto"))
            chooser = self.choices
            hint = " <i>(choose one)</i>"
        self.check = w.Button(description="Check", icon="check", button_style="primary",
                              tooltip="Check your answer")
        self.feedback = w.HTML()
        self.feedback.add_class("mscourse-feedback")
        self.verdict = None
        self.check.on_click(lambda _: self.grade())
        prompt = w.HTML(f'<p style="font-size:{style.html_font_size()}"><b>Question {number}.</b> '
                        f"{question.prompt}{hint}</p>")
        super().__init__([prompt, chooser, self.check, self.feedback])
        self.add_class("mscourse-question")

    def chosen(self):
        """The chosen options, as indices into ``question.options``."""
        if self.question.multiple:
            return {i for i, box in zip(self.order, self.choices) if box.value}
        return set() if self.choices.value is None else {self.choices.value}

    def choose(self, indices):
        indices = set(indices)
        if self.question.multiple:
            for i, box in zip(self.order, self.choices):
                box.value = i in indices
        else:
            self.choices.value = next(iter(indices)) if indices else None

    def grade(self):
        chosen = self.chosen()
        if chosen:
            self.attempts += 1
        self.verdict, body = grade(self.question, chosen, show_all=self.attempts >= 2)
        self.feedback.value = f'<div style="font-size:{style.html_font_size()}">{body}</div>'
        return self.verdict


# ipywidgets gives each radio and checkbox label one fixed line: long answers
# would spill over the next option and hide its button. Let them wrap.
QUIZ_CSS = """<style>
.mscourse-question .widget-radio-box label {
  height: auto !important; line-height: 1.35 !important; white-space: normal;
  position: relative; padding: 3px 0 3px 24px; }
.mscourse-question .widget-radio-box input {
  position: absolute; left: 0; top: 3px; float: none; margin: 0 !important;
  height: 1.35em !important; line-height: 1.35em !important; }
.mscourse-question .widget-checkbox { height: auto !important; }
.mscourse-question .widget-checkbox .widget-label-basic {
  display: flex !important; height: auto !important; line-height: 1.35 !important;
  align-items: flex-start; }
.mscourse-question .widget-checkbox .widget-label-basic span {
  white-space: normal !important; overflow: visible !important; }
.mscourse-question .widget-checkbox input { flex-shrink: 0; }
</style>"""


class Quiz(w.VBox):
    """A set of self-check questions."""

    def __init__(self, questions, heading="Self-check"):
        self.questions = [QuestionWidget(q, i + 1) for i, q in enumerate(questions)]
        title = w.HTML(f'{QUIZ_CSS}<h4 style="font-size:{style.html_font_size()}">{_esc(heading)}</h4>')
        super().__init__([title] + self.questions)
        self.add_class("mscourse-quiz")
        register(self)

    def exercise(self):
        """Check with nothing chosen, then each option alone, then the right answer."""
        count = 0
        for qw in self.questions:
            options = qw.question.options
            qw.choose(set())
            assert qw.grade() == "empty"
            for i, option in enumerate(options):
                qw.choose({i})
                verdict = qw.grade()
                qw.check.click()  # pressed twice: same verdict, no error
                only_answer = option.correct and sum(o.correct for o in options) == 1
                assert (verdict == "correct") == only_answer, (qw.question.prompt, i, verdict)
                assert option.why in qw.feedback.value
                count += 1
            qw.choose({i for i, o in enumerate(options) if o.correct})
            assert qw.grade() == "correct"
            count += 1
        return count
