"""A course widget as data for its static twin: every frame, state and feedback.

Read through the widgets' Python objects (``Storyboard.steps``,
``Explorer.controls`` and ``make_state``, ``Quiz.questions`` and ``grade``), so
the site shows exactly what the notebook can show.
"""

import html
import itertools
import re

from ..widgets import Explorer, Quiz, Storyboard, grade
from .extract import control_spec, reachable_states

STATE_LIMIT = 400  # explorer states shipped per explorer; more are cut to the nearest rings


def _text_of(widget_html):
    return html.unescape(re.sub(r"<[^>]+>", "", widget_html)).strip()


def _html_children(widget):
    import ipywidgets as w

    return [c for c in widget.children if isinstance(c, w.HTML)]


def _heading(widget):
    for child in _html_children(widget):
        match = re.search(r"<h4[^>]*>(.*?)</h4>", child.value, re.S)
        if match:
            return _text_of(match.group(1))
    return ""


def storyboard(board, frames):
    heading = board.heading
    steps = []
    for i, step in enumerate(board.steps):
        frame = frames.frame(board.view.scene, step.state)
        frame["alt"] = f"{heading + ': ' if heading else ''}step {i + 1} of {len(board.steps)}, {step.title}"
        steps.append({"title": step.title, "caption": step.caption, "frame": frame})
    return {"kind": "storyboard", "heading": heading, "steps": steps,
            "legend": frames.legend(board.view.scene)}


def explorer(widget, frames, limit=STATE_LIMIT):
    specs = [control_spec(key, control) for key, control in widget.controls.items()]
    combos, total = reachable_states(specs, limit)
    heading = _heading(widget)
    images, image_index, states = [], {}, {}
    for combo in combos:
        values = {s["key"]: s["values"][i] for s, i in zip(specs, combo)}
        frame = frames.frame(widget.view.scene, widget.make_state(values))
        summary = "; ".join(f"{s['label'].rstrip(':')}: {s['options'][i]}" for s, i in zip(specs, combo))
        frame_key = (frame["src"], frame["description"])
        if frame_key not in image_index:
            image_index[frame_key] = len(images)
            images.append(frame)
        entry = {"frame": image_index[frame_key], "summary": summary}
        if widget.note_for:
            entry["note"] = widget.note_for(values)
        states[",".join(map(str, combo))] = entry
    fixed_notes = [c.value for c in _html_children(widget)
                   if c is not widget.live_note and "<h4" not in c.value]
    controls = [{k: v for k, v in s.items() if k != "values"} for s in specs]
    default = ",".join(str(s["default"]) for s in specs)
    return {"kind": "explorer", "heading": heading, "controls": controls, "frames": images,
            "states": states, "default": default, "total": total, "shipped": len(states),
            "note": "".join(fixed_notes), "legend": frames.legend(widget.view.scene)}


def quiz(widget):
    questions = []
    for qw in widget.questions:
        question = qw.question
        n = len(question.options)
        feedback = {}
        subsets = [c for r in range(1, n + 1) for c in itertools.combinations(range(n), r)] \
            if question.multiple else [(i,) for i in range(n)]
        for chosen in subsets:
            for show_all in (False, True):
                verdict, body = grade(question, set(chosen), show_all=show_all)
                feedback[f"{','.join(map(str, chosen))}|{int(show_all)}"] = [verdict, body]
        verdict, body = grade(question, set())
        feedback["|0"] = feedback["|1"] = [verdict, body]
        questions.append({
            "prompt": question.prompt, "multiple": question.multiple,
            "order": list(qw.order),
            "options": [{"text": o.text, "correct": o.correct, "why": o.why} for o in question.options],
            "feedback": feedback,
        })
    return {"kind": "quiz", "heading": _heading(widget) or "Self-check", "questions": questions}


def glossary(widget):
    from .. import glossary as course_glossary

    terms = sorted(course_glossary.TERMS, key=lambda t: t[0].lower())
    return {"kind": "glossary", "terms": [[t, d] for t, d in terms],
            "placeholder": widget.box.placeholder}


def twin(widget, frames):
    """The data of a widget's static twin."""
    if isinstance(widget, Storyboard):
        return storyboard(widget, frames)
    if isinstance(widget, Explorer):
        return explorer(widget, frames)
    if isinstance(widget, Quiz):
        return quiz(widget)
    if type(widget).__name__ == "GlossarySearch":
        return glossary(widget)
    raise TypeError(f"no static twin for {type(widget).__name__}")
