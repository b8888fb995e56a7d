"""Helper package for the MS and stem cell therapy lessons.

Importing it has no side effects: no global matplotlib settings change, no
figure opens and nothing is displayed until a lesson function is called.
"""

from . import actors, style
from .display import show
from .scene import Scene
from .widgets import Explorer, Option, Question, Quiz, Step, Storyboard

__all__ = ["actors", "style", "Scene", "show", "Explorer", "Option", "Question", "Quiz",
           "Step", "Storyboard"]
