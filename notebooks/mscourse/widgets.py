"""The interactive patterns every lesson shares: storyboard, explorer, quiz.

* ``Storyboard``: Previous / Next, a step list, Home/End, Reset; a title and
  caption per step and the diagram with its description.
* ``Explorer``: a few labelled controls that set a scene's state, Reset.
* ``Quiz``: single- or multiple-choice questions with a Check button and
  feedback that explains each option.

The browser side is one set of plain ES modules in ``web/`` (hosted by
anywidget; the host contract is ``web/README.md``). The browser holds what a
student is likely to need next, so a click never waits for the kernel:

* a storyboard ships every frame. The first is rendered while the cell runs,
  the others one per event-loop turn after it (the likely next step first), so a
  cell never blocks on them and after Run All every storyboard has every frame;
* an explorer caches every state it has shown, and the kernel renders the
  states one control change away ahead, while the student looks;
* a quiz gets its feedback for every possible answer up front and grades in
  the browser.

Every widget shows its state in words as well as in the picture. Each one can
also drive itself through every state (``exercise``), which the tests and the
benchmark use.
"""

import asyncio
import base64
import html
import json
import pathlib
import random
import re
import time
import weakref
import zlib
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import anywidget
import ipywidgets as w
import traitlets as t

from . import style
from .actors import legend_alt, legend_items
from .render import Renderer, legend_png
from .scene import describe, unnamed_actors

WEB = pathlib.Path(__file__).with_name("web")


def esm_text(kind):
    """A widget's ES module: the shared helpers, then the widget (see web/README.md)."""
    return (WEB / "common.js").read_text(encoding="utf-8") + "\n" + \
        (WEB / f"{kind}.js").read_text(encoding="utf-8")


def css_text():
    return (WEB / "course.css").read_text(encoding="utf-8")


# ---------------------------------------------------------------- registry

_LIVE = weakref.WeakSet()  # every open course widget, so tests and the benchmark can drive them
_serial = [0]
_BY_CELL = {}  # notebook cell id -> (id of the run that made them, [widgets])


def live_widgets():
    """The course widgets created in this kernel that are still open."""
    return sorted((x for x in _LIVE if not x.closed), key=lambda x: x.serial)


def _cell_run():
    """(cell id, execute-request id) of the cell running now, when a front end says."""
    try:
        from IPython import get_ipython

        kernel = getattr(get_ipython(), "kernel", None)
        parent = kernel.get_parent() if kernel is not None else {}
        return parent.get("metadata", {}).get("cellId"), parent.get("header", {}).get("msg_id")
    except Exception:  # not in a kernel, or an older one: no replacement by cell
        return None, None


def register(widget):
    """Count the widget as live; a rerun of its cell closes the widgets of the last run."""
    _serial[0] += 1
    widget.serial = _serial[0]
    _LIVE.add(widget)
    cell, run = _cell_run()
    if cell:
        last_run, widgets = _BY_CELL.get(cell, (None, []))
        if last_run != run:
            for old in widgets:
                old.close()
            widgets = []
        _BY_CELL[cell] = (run, widgets + [widget])


# ---------------------------------------------------------------- lazy rendering

_QUEUE = []  # widgets with frames still to render
_TICKING = [None]  # the event loop a render tick is queued on
# Rendering ahead waits this long after a student's last click or key: on a small
# machine the browser paints the click's picture while the kernel would be busy
# drawing guesses. A state the student asks for is drawn at once, never queued.
QUIET_SECONDS = 0.3
_LAST_INPUT = [float("-inf")]


def student_acted():
    """A student just changed a widget: hold rendering ahead for ``QUIET_SECONDS``."""
    _LAST_INPUT[0] = time.monotonic()


def _schedule(widget):
    """Render ``widget``'s pending frames one per event-loop turn, after the cell.

    Outside a kernel (no running loop) nothing is scheduled: frames render when
    asked for (``render_all``, a step, a browser request).
    """
    if widget not in _QUEUE:
        _QUEUE.append(widget)
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    if _TICKING[0] is loop:
        return
    _TICKING[0] = loop
    loop.call_soon(_tick)


def _tick():
    loop = asyncio.get_running_loop()
    _TICKING[0] = None
    wait = QUIET_SECONDS - (time.monotonic() - _LAST_INPUT[0])
    if wait > 0 and _QUEUE:
        _TICKING[0] = loop
        loop.call_later(wait, _tick)
        return
    _QUEUE.sort(key=lambda x: x.lazy_priority)  # storyboards' frames before explorers' guesses
    while _QUEUE:
        widget = _QUEUE[0]
        try:
            if not widget.closed and widget.render_one():
                break
        except Exception:  # a broken state shows when it is asked for, with its traceback
            pass
        _QUEUE.pop(0)
    if _QUEUE:
        _TICKING[0] = loop
        loop.call_soon(_tick)


def pending_work():
    """How many widgets still have frames to render (tests wait for 0)."""
    return sum(1 for x in _QUEUE if not x.closed)


# ---------------------------------------------------------------- diagrams

def _plain(fragment):
    """Visible text of an HTML fragment (titles may carry simple markup)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def data_url(png):
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


_LEGENDS = {}


def legend_for(scene):
    """The scene's legend strip as fixed images with alt text (drawn once per size)."""
    if not scene.legend:
        return []
    key = (tuple(scene.legend), scene.width, scene.inches, style.dpi())
    if key not in _LEGENDS:
        _LEGENDS[key] = {"image": data_url(legend_png(scene.legend, scene.width, scene.inches)),
                         "alt": legend_alt(scene.legend), "items": legend_items(scene.legend)}
    return [dict(_LEGENDS[key])]


class Diagram:
    """One scene, rendered state by state to PNG plus its description."""

    verify = False  # tests switch this on: each description must name what is drawn

    def __init__(self, scene):
        self.scene = scene
        self.renderer = Renderer(scene)
        self.timings = []  # seconds per render, read by the benchmark

    def render(self, state):
        start = time.perf_counter()
        png = self.renderer.png(state)
        text = describe(self.scene, state)
        if Diagram.verify:
            missing = unnamed_actors(self.renderer.actors, text)
            assert not missing, f"{self.scene.name}: description does not name {missing}: {text}"
        self.timings.append(time.perf_counter() - start)
        return png, text


class CourseWidget(anywidget.AnyWidget):
    """What every course widget shares: heading, text scale, kernel flag, registry."""

    _css = css_text()
    heading = t.Unicode("").tag(sync=True)
    scale = t.Float(1.0).tag(sync=True)  # presenter style: larger text
    kernel = t.Bool(True).tag(sync=True)  # a static page sets False: nothing to ask for
    lazy_priority = 0
    closed = False

    def close(self):
        self.closed = True
        _LIVE.discard(self)
        if self in _QUEUE:
            _QUEUE.remove(self)
        layout = getattr(self, "layout", None)
        super().close()
        if layout is not None:  # its own model: close it too, or every rerun leaves one
            layout.close()

    def render_one(self):
        """Render one pending frame and send it; False when nothing is pending."""
        return False

    def host_data(self):
        """The traits a host feeds to ``web/<kind>.js`` as plain JSON (web/README.md):
        what a static page embeds. A storyboard renders every frame first."""
        if isinstance(self, Storyboard):
            for index in range(len(self.steps)):
                if self._images[index] is None:
                    self._render(index)
            frames = [dict(f, image=self._images[i]) for i, f in enumerate(self.frames)]
            return {**self._host_traits(), "frames": frames, "kernel": False}
        return {**self._host_traits(), "kernel": False}

    def _host_traits(self):
        skip = {"layout", "tabbable", "tooltip", "comm", "keys", "log"}
        return {name: getattr(self, name) for name in self.trait_names(sync=True)
                if not name.startswith("_") and name not in skip}

    def add_legend_image(self, png, alt):
        """A fixed image under the diagram (for example a key), with its alt text."""
        self.legend = [{"image": data_url(png), "alt": alt}] + list(self.legend)


# ---------------------------------------------------------------- storyboard

@dataclass(frozen=True)
class Step:
    """One step of a storyboard: data an instructor can edit."""

    title: str
    caption: str
    state: Any


class Storyboard(CourseWidget):
    """Step through a sequence of states of one scene, all in the browser."""

    _esm = esm_text("storyboard")
    frames = t.List().tag(sync=True)
    step = t.Int(0).tag(sync=True)
    legend = t.List().tag(sync=True)

    def __init__(self, scene, steps, heading=""):
        steps = list(steps)
        if not steps:
            raise ValueError("a storyboard needs at least one step")
        self.scene, self.steps, self.diagram = scene, steps, Diagram(scene)
        self._images = [None] * len(steps)  # data URLs, None until rendered
        name = heading or scene.name.replace("_", " ").capitalize()
        frames = [{"title": _plain(s.title), "caption": s.caption,
                   "alt": f"{name}, step {i + 1} of {len(steps)}: {_plain(s.title)}",
                   "description": describe(scene, s.state), "image": ""}
                  for i, s in enumerate(steps)]
        frames[0]["image"] = self._render(0)
        super().__init__(heading=heading, frames=frames, legend=legend_for(scene),
                         scale=style.scale())
        self.on_msg(self._on_message)
        self.observe(lambda _: student_acted(), names="step")
        register(self)
        _schedule(self)

    # -- rendering
    def _render(self, index):
        png, _ = self.diagram.render(self.steps[index].state)
        self._images[index] = data_url(png)
        return self._images[index]

    def _send_image(self, index):
        self.send({"type": "frame", "index": index, "image": self._images[index]})

    def _next_to_render(self):
        """The unrendered step a student most likely wants next: ahead first, then behind."""
        here, count = self.step, len(self.steps)
        order = list(range(here + 1, count)) + list(range(here, -1, -1))
        return next((i for i in order if self._images[i] is None), None)

    def render_one(self):
        index = self._next_to_render()
        if index is None:
            return False
        self._render(index)
        self._send_image(index)
        return True

    def render_all(self):
        while self.render_one():
            pass

    def _on_message(self, _, content, buffers):
        if content.get("type") != "need":
            return
        wanted = [i for i in content.get("indexes", []) if 0 <= i < len(self.steps)]
        for i in wanted:
            if self._images[i] is not None:
                self._send_image(i)
        missing = [i for i in wanted if self._images[i] is None]
        if len(missing) == 1:  # a student is waiting on this step now
            self._render(missing[0])
            self._send_image(missing[0])
        elif missing:
            _schedule(self)

    # -- the Python side of the controls (tests, exercise, lesson code)
    @property
    def index(self):
        return self.step

    @property
    def current(self):
        return self.steps[self.step]

    def go(self, index):
        """Show step ``index`` (0-based), clamped to the first and last step."""
        self.step = max(0, min(index, len(self.steps) - 1))

    def next(self):
        self.go(self.step + 1)

    def previous(self):
        self.go(self.step - 1)

    def reset(self):
        self.go(0)

    @property
    def status(self):
        return f"Step {self.step + 1} of {len(self.steps)}: {self.frames[self.step]['title']}"

    @property
    def caption(self):
        return self.current.caption

    @property
    def description(self):
        return self.frames[self.step]["description"]

    @property
    def image(self):
        """PNG bytes of the step shown (rendered now if it was still pending)."""
        if self._images[self.step] is None:
            self._render(self.step)
        return base64.b64decode(self._images[self.step].split(",", 1)[1])

    def exercise(self):
        """Every frame rendered and checked; each step forwards and back, both ends, Reset."""
        count = 0
        for i, step in enumerate(self.steps):
            _, text = self.diagram.render(step.state)
            assert text == self.frames[i]["description"]
            if self._images[i] is None:
                self._render(i)
                self._send_image(i)
        for _ in range(len(self.steps) + 1):  # one press past the end
            self.next()
            count += 1
        assert self.index == len(self.steps) - 1, "Next should stop at the last step"
        for _ in range(len(self.steps) + 1):
            self.previous()
            count += 1
        assert self.index == 0, "Previous should stop at the first step"
        for value in (len(self.steps) - 1, 0, len(self.steps) - 1):  # the step list
            self.go(value)
            count += 1
        assert self.index == len(self.steps) - 1
        for _ in range(2):
            self.reset()
            count += 1
        assert self.index == 0, "Reset should return to step 1"
        assert all(self._images), "every frame should be in the browser"
        return count


# ---------------------------------------------------------------- explorer

def control_spec(key, control):
    """What the browser needs to draw an ipywidgets value control, as plain data."""
    label = (control.description or key.replace("_", " ")).strip()
    spec = {"key": key, "label": label}
    if isinstance(control, w.Checkbox):
        return {**spec, "kind": "checkbox"}
    if isinstance(control, w.ToggleButton):
        return {**spec, "kind": "toggle"}
    if isinstance(control, (w.IntSlider, w.FloatSlider)):
        return {**spec, "kind": "range", "min": control.min, "max": control.max, "step": control.step}
    if hasattr(control, "_options_labels") and not isinstance(control.value, tuple):
        options = [{"label": str(lab), "value": val}
                   for lab, val in zip(control._options_labels, control._options_values)]
        kind = "choice" if isinstance(control, (w.ToggleButtons, w.RadioButtons)) else "select"
        return {**spec, "kind": kind, "options": options}
    raise TypeError(f"the explorer cannot show control {control!r}")


def _neighbours(spec, value):
    """Values one change of this control away, the likeliest first."""
    kind = spec["kind"]
    if kind in ("checkbox", "toggle"):
        return [not value]
    if kind == "range":
        return [v for v in (value + spec["step"], value - spec["step"]) if spec["min"] <= v <= spec["max"]]
    values = [o["value"] for o in spec["options"]]
    if value not in values:
        return values
    i = values.index(value)
    near = [values[j] for j in (i + 1, i - 1) if 0 <= j < len(values)]
    return near + [v for v in values if v != value and v not in near]


class Explorer(CourseWidget):
    """A scene whose state is set by a few labelled controls.

    ``controls`` maps a state key to an ipywidgets value control (Checkbox,
    ToggleButton, ToggleButtons, RadioButtons, Dropdown, IntSlider): it describes
    the control and holds its value on the Python side; the browser draws its own
    accessible control from it. ``make_state`` turns the dict of control values
    into the scene's state.
    """

    _esm = esm_text("explorer")
    controls = t.List().tag(sync=True)
    values = t.Dict().tag(sync=True)
    defaults = t.Dict().tag(sync=True)
    frames = t.List().tag(sync=True)
    note = t.Unicode("").tag(sync=True)
    legend = t.List().tag(sync=True)
    lazy_priority = 1

    def __init__(self, scene, controls, make_state=dict, heading="", note="", note_for=None):
        """``note`` is fixed HTML under the diagram; ``note_for(values)`` returns HTML
        that follows the controls (for example, feedback on the chosen option)."""
        self.inputs = dict(controls)
        self.specs = [control_spec(k, c) for k, c in self.inputs.items()]
        self.make_state, self.note_for, self.diagram = make_state, note_for, Diagram(scene)
        self._muted = False  # lessons set it while they change several controls at once
        self._quiet = 0  # while the explorer itself moves controls
        self._syncing = False
        self._just_sent = None
        self._sent = set()  # keys of the frames the browser has
        self._plan = []  # (control key, value) changes to render ahead
        self.heading_text = heading
        start = self.current_values()
        first = self._frame(start)
        self._sent.add(self._key(start))
        super().__init__(heading=heading, controls=self.specs, values=start, defaults=dict(start),
                         frames=[first], note=note, legend=legend_for(scene), scale=style.scale())
        for control in self.inputs.values():
            control.observe(self._on_control, names="value")
        self.observe(self._on_values, names="values")
        self.on_msg(self._on_message)
        register(self)
        self._plan_ahead(start)

    # -- values and frames
    def current_values(self):
        return {k: c.value for k, c in self.inputs.items()}

    def state(self):
        return self.make_state(self.current_values())

    def _key(self, values):
        """The browser's key for a frame: JSON of the values in control order."""
        return json.dumps([values[s["key"]] for s in self.specs], separators=(",", ":"),
                          ensure_ascii=False)

    def _alt(self, values):
        chosen, switched = [], []
        for spec in self.specs:
            value = values[spec["key"]]
            label = spec["label"].rstrip(":")
            if spec["kind"] in ("checkbox", "toggle"):
                if value:
                    switched.append(label)
            elif spec["kind"] == "range":
                chosen.append(f"{label} {value}")
            else:
                shown = next((o["label"] for o in spec["options"] if o["value"] == value), str(value))
                chosen.append(f"{label}: {shown}")
        if any(s["kind"] in ("checkbox", "toggle") for s in self.specs):
            chosen.append("switched on: " + (", ".join(switched) if switched else "nothing"))
        name = self.heading_text or self.diagram.scene.name.replace("_", " ").capitalize()
        return f"{name}; " + "; ".join(chosen) if chosen else name

    def _frame(self, values):
        png, text = self.diagram.render(self.make_state(values))
        self._png, self._text = png, text
        note = self.note_for(values) if self.note_for else ""
        self._note = note
        return {"values": dict(values), "alt": self._alt(values), "description": text,
                "image": data_url(png), "note": note}

    def _send_frame(self, values, request):
        frame = self._frame(values)
        self.send({"type": "frame", "frame": frame, "request": request})
        self._sent.update({request, self._key(values)})

    def _move(self, wanted):
        """Set the controls named in ``wanted``, in control order, as a student would
        (a lesson's own observers may change others). Returns the values after."""
        self._quiet += 1
        try:
            for key, control in self.inputs.items():
                if key in wanted and control.value != wanted[key]:
                    control.value = wanted[key]
        finally:
            self._quiet -= 1
        return self.current_values()

    def _set_values(self, values):
        if values != self.values:
            self._syncing = True
            try:
                self.values = dict(values)
            finally:
                self._syncing = False

    # -- events
    def _on_control(self, _):
        if not (self._quiet or self._muted):
            self.refresh()

    def refresh(self):
        """Show the controls' current values (after Python code changed a control)."""
        values = self.current_values()
        self._set_values(values)
        key = self._key(values)
        self._frame(values)  # the Python side always knows the picture shown
        if key not in self._sent:
            self._send_frame(values, key)
        self._plan_ahead(values)

    def _on_values(self, change):
        """The browser changed a control: move the Python controls the same way."""
        if self._syncing:
            return
        student_acted()
        wanted = dict(change["new"])
        before = self.current_values()
        result = self._move({k: v for k, v in wanted.items() if before.get(k) != v})
        self._set_values(result)
        self._frame(result)
        request = self._key(wanted)
        if request not in self._sent:
            self._send_frame(result, request)
            self._just_sent = request  # the browser's "need" for it follows: do not send twice
        self._plan_ahead(result)

    def _on_message(self, _, content, buffers):
        if content.get("type") != "need":
            return
        wanted = content.get("values") or {}
        if wanted and self._key(wanted) == self._just_sent:
            self._just_sent = None
            return
        current = self.current_values()
        if self._key(wanted) == self._key(current) or not all(k in wanted for k in self.inputs):
            self._send_frame(current, self._key(wanted) if wanted else self._key(current))
        else:  # an older request: draw exactly what was asked
            self._send_frame({k: wanted[k] for k in self.inputs}, self._key(wanted))

    # -- rendering ahead
    def _plan_ahead(self, values):
        near, far = [], []
        for spec in self.specs:
            options = _neighbours(spec, values[spec["key"]])
            near += [(spec["key"], v) for v in options[:1]]
            far += [(spec["key"], v) for v in options[1:]]
        self._plan = near + far
        self._plan_base = dict(values)
        if self._plan:
            _schedule(self)

    def render_one(self):
        while self._plan:
            key, value = self._plan.pop(0)
            wanted = {**self._plan_base, key: value}
            request = self._key(wanted)
            if request in self._sent:
                continue
            before, shown = self.current_values(), (self._png, self._text, self._note)
            result = self._move({key: value})
            self._move(before)  # put the controls back where the student left them
            self._send_frame(result, request)
            self._png, self._text, self._note = shown  # the picture shown is still the student's
            return True
        return False

    def close(self):
        for control in self.inputs.values():  # never displayed: they only held the values
            control.close()
        super().close()

    # -- the Python side for tests
    @property
    def image(self):
        return self._png

    @property
    def description(self):
        return self._text

    @property
    def live_note(self):
        return self._note

    def reset(self):
        self._muted = True  # one redraw for the whole reset, not one per control
        try:
            self._move(self.defaults)
        finally:
            self._muted = False
        self.refresh()

    def exercise(self):
        """Every option of every control, both ends of every slider, Reset twice."""
        count = 0
        for control in self.inputs.values():
            for value in _all_values(control):
                control.value = value
                assert self._text == describe(self.diagram.scene, self.state())
                count += 1
        for _ in range(2):
            self.reset()
            count += 1
        assert self.current_values() == self.defaults, "Reset should restore every control"
        assert self.values == self.defaults, "the browser should show the reset values"
        return count


def _all_values(control):
    if isinstance(control, (w.IntSlider, w.FloatSlider)):
        return [control.max, control.min, control.max, control.value]
    if isinstance(control, (w.Checkbox, w.ToggleButton)):
        return [not control.value, control.value, not control.value]
    if hasattr(control, "options"):
        values = [opt[1] if isinstance(opt, tuple) else opt for opt in control.options]
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


def _answer_key(indices):
    return ",".join(str(i) for i in sorted(indices))


def feedback_table(question):
    """Feedback for every answer a student can give, keyed as the browser keys it."""
    n = len(question.options)
    if question.multiple:
        answers = [c for size in range(n + 1) for c in combinations(range(n), size)]
    else:
        answers = [()] + [(i,) for i in range(n)]
    table = {}
    for answer in answers:
        verdict, first = grade(question, answer, show_all=False)
        table[_answer_key(answer)] = {"verdict": verdict, "first": first,
                                      "later": grade(question, answer, show_all=True)[1]}
    return table


class QuestionWidget:
    """One question's Python side: choose, grade, and the feedback shown."""

    def __init__(self, question, number=1, quiz=None):
        self.question, self.number, self.quiz = question, number, quiz
        self.order = display_order(question)  # display position -> option index
        self.attempts, self.verdict, self.feedback = 0, None, ""
        self._chosen = set()

    def spec(self):
        return {"prompt": self.question.prompt, "multiple": self.question.multiple,
                "options": [{"label": self.question.options[i].text, "index": i} for i in self.order],
                "feedback": feedback_table(self.question)}

    def chosen(self):
        """The chosen options, as indices into ``question.options``."""
        return set(self._chosen)

    def choose(self, indices):
        indices = set(indices)
        if not self.question.multiple and len(indices) > 1:
            raise ValueError("a single-choice question takes one answer")
        self._chosen = indices

    def grade(self):
        """Press Check: grade the chosen options and show the feedback."""
        chosen = self.chosen()
        if chosen:
            self.attempts += 1
        self.verdict, self.feedback = grade(self.question, chosen, show_all=self.attempts >= 2)
        if self.quiz is not None:
            self.quiz._publish()
        return self.verdict

    def answer(self):
        return {"chosen": sorted(self._chosen), "attempts": self.attempts, "verdict": self.verdict or ""}

    def take(self, answer):
        """The browser graded: take its answer as this question's state."""
        self._chosen = set(answer.get("chosen", []))
        self.attempts = answer.get("attempts", 0)
        self.verdict = answer.get("verdict") or None
        self.feedback = (grade(self.question, self._chosen, show_all=self.attempts >= 2)[1]
                         if self.verdict else "")


class Quiz(CourseWidget):
    """A set of self-check questions, graded in the browser."""

    _esm = esm_text("quiz")
    questions = t.List().tag(sync=True)
    answers = t.List().tag(sync=True)

    def __init__(self, questions, heading="Self-check"):
        self.items = [QuestionWidget(q, i + 1, self) for i, q in enumerate(questions)]
        super().__init__(heading=heading, questions=[q.spec() for q in self.items],
                         answers=[q.answer() for q in self.items], scale=style.scale())
        self.observe(self._on_answers, names="answers")
        register(self)

    def _publish(self):
        self.answers = [q.answer() for q in self.items]

    def _on_answers(self, change):
        student_acted()
        for item, answer in zip(self.items, change["new"]):
            if answer != item.answer():
                item.take(answer)

    def exercise(self):
        """Check with nothing chosen, then each option alone, then the right answer."""
        count = 0
        for qw in self.items:
            options = qw.question.options
            qw.choose(set())
            assert qw.grade() == "empty"
            for i, option in enumerate(options):
                qw.choose({i})
                verdict = qw.grade()
                assert qw.grade() == verdict  # pressed twice: same verdict, no error
                only_answer = option.correct and sum(o.correct for o in options) == 1
                assert (verdict == "correct") == only_answer, (qw.question.prompt, i, verdict)
                assert option.why in qw.feedback
                assert qw.feedback == feedback_table(qw.question)[str(i)]["later"]
                count += 1
            qw.choose({i for i, o in enumerate(options) if o.correct})
            assert qw.grade() == "correct"
            count += 1
        return count
