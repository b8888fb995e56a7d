"""One module per lesson: its scenes, states, layout and drawing.

Each lesson module pairs the teaching text of its content file
(``content/lessonNN.toml``: step titles and captions, notes, questions,
references) with what it knows how to draw:
* scenes (``Scene``) and the states of each storyboard step, by step id,
* ``QUESTIONS``: the self-check questions (from the content file),
* ``FIGURES``: the states exported to ``figures/`` (``FigureSpec``),
and small functions the notebook calls in one line (``lesson.xxx()``).

Lessons are found from the files on disk: ``lessonNN.py`` beside this file.
Create a new one with ``python -m notebooks.mscourse.new_lesson NN "Title"``.
"""

import importlib
import pathlib

LESSONS = tuple(sorted(p.stem for p in pathlib.Path(__file__).parent.glob("lesson[0-9][0-9].py")))


def load(name):
    """Import a lesson module by name, e.g. ``load("lesson01")``."""
    return importlib.import_module(f"{__name__}.{name}")


def all_lessons():
    return [load(name) for name in LESSONS]
