"""A course widget as the model data its static twin needs.

The site hosts the notebooks' own browser code (``mscourse/web``, see its
README for the host contract) with a small fake model fed from embedded JSON.
This module builds that JSON from the widgets' Python objects: their synced
traits (titles, captions, alt texts, control specs, quiz feedback) exactly as a
kernel sends them, with every image replaced by a file drawn in advance and,
for explorers, every reachable state added.
"""

import itertools
import json

from ..actors import legend_items
from ..scene import describe
from ..widgets import Explorer, Quiz, Storyboard

STATE_LIMIT = 400  # explorer states shipped per explorer; more are cut to the nearest rings


def _legend(frames, scene, widget):
    """The scene's legend strip, after any fixed images the widget adds (such as
    lesson 03's clone key), exactly as the notebook shows them."""
    legend = frames.legend(scene)
    extra = [{"image": frames.data_url_image(item["image"])["src"], "alt": item["alt"]}
             for item in getattr(widget, "legend", []) if not item["alt"].startswith("Legend:")]
    return extra + ([{"image": legend["src"], "alt": legend["alt"], "items": legend_items(scene.legend)}]
                    if legend else [])


def storyboard(board, frames):
    steps = []
    for step, shown in zip(board.steps, board.frames):
        frame = frames.frame(board.scene, step.state)
        steps.append({**shown, "image": frame["src"], "width": frame["width"], "height": frame["height"]})
    model = {"heading": board.heading, "scale": 1.0, "kernel": False, "step": 0,
             "frames": steps, "legend": _legend(frames, board.scene, board)}
    return {"kind": "storyboard", "model": model}


def control_values(spec):
    """Every value a control can take, in its display order."""
    if spec["kind"] in ("checkbox", "toggle"):
        return [False, True]
    if spec["kind"] == "range":
        count = int(round((spec["max"] - spec["min"]) / spec["step"])) + 1
        return [spec["min"] + i * spec["step"] for i in range(count)]
    return [o["value"] for o in spec["options"]]


def reachable_values(specs, defaults, limit=STATE_LIMIT):
    """Every combination of control values, or the ones nearest the defaults.

    Returns (list of value dicts, total combinations). When there are more than
    ``limit``, whole rings are kept by how many controls differ from the
    defaults (0, 1, 2 ...), as far as the limit allows.
    """
    choices = [control_values(s) for s in specs]
    total = 1
    for values in choices:
        total *= len(values)
    combos = list(itertools.product(*choices))
    if total > limit:
        default = tuple(defaults[s["key"]] for s in specs)
        rings = {}
        for combo in combos:
            rings.setdefault(sum(a != b for a, b in zip(combo, default)), []).append(combo)
        combos = []
        for distance in sorted(rings):
            if len(combos) + len(rings[distance]) > limit:
                break
            combos += rings[distance]
    return [dict(zip((s["key"] for s in specs), combo)) for combo in combos], total


def explorer(widget, frames, limit=STATE_LIMIT):
    specs = list(widget.controls)
    defaults = dict(widget.defaults)
    wanted, total = reachable_values(specs, defaults, limit)
    scene = widget.diagram.scene
    shipped = []
    for values in wanted:
        frame = frames.frame(scene, widget.make_state(values))
        shipped.append({"values": values, "alt": widget._alt(values), "description": frame["description"],
                        "image": frame["src"], "width": frame["width"], "height": frame["height"],
                        "note": widget.note_for(values) if widget.note_for else ""})
    model = {"heading": widget.heading, "scale": 1.0, "kernel": False, "controls": specs,
             "values": defaults, "defaults": defaults, "frames": shipped, "note": widget.note,
             "legend": _legend(frames, scene, widget)}
    max_ring = max(sum(v[s["key"]] != defaults[s["key"]] for s in specs) for v in wanted)
    return {"kind": "explorer", "model": model, "total": total, "shipped": len(shipped),
            "ring": max_ring}


def quiz(widget):
    model = {"heading": widget.heading, "scale": 1.0, "kernel": False,
             "questions": json.loads(json.dumps(widget.questions)),
             "answers": json.loads(json.dumps(widget.answers))}
    questions = [item.question for item in widget.items]
    return {"kind": "quiz", "model": model, "questions": questions}


def glossary(widget):
    model = {"heading": widget.heading, "scale": 1.0, "kernel": False,
             "terms": [list(t) for t in widget.terms], "query": ""}
    return {"kind": "glossary", "model": model}


def twin(widget, frames):
    """The data of a widget's static twin: {"kind", "model", ...}."""
    if isinstance(widget, Storyboard):
        return storyboard(widget, frames)
    if isinstance(widget, Explorer):
        return explorer(widget, frames)
    if isinstance(widget, Quiz):
        return quiz(widget)
    if type(widget).__name__ == "GlossarySearch":
        return glossary(widget)
    raise TypeError(f"no static twin for {type(widget).__name__}")


__all__ = ["twin", "describe"]
