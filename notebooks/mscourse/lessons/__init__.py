"""One module per lesson: its scenes, storyboard steps, questions and figures.

Each lesson module defines, as data an instructor can edit:
* scenes (``Scene``) and storyboard steps (``Step``),
* ``QUESTIONS``: the self-check questions,
* ``FIGURES``: the states exported to ``figures/`` (``FigureSpec``),
and small functions the notebook calls in one line (``lesson.xxx()``).
"""

import importlib

LESSONS = ("lesson00", "lesson01", "lesson02", "lesson03", "lesson04", "lesson05", "lesson06", "lesson07", "lesson08")


def load(name):
    """Import a lesson module by name, e.g. ``load("lesson01")``."""
    return importlib.import_module(f"{__name__}.{name}")


def all_lessons():
    return [load(name) for name in LESSONS]
