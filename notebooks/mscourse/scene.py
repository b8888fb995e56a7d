"""Scenes: a diagram as a pure function of a state, plus its text description.

A ``Scene`` pairs ``draw(ax, state)`` with ``describe(state)``. The same
scene serves the notebook, the widgets, the static export and the tests;
``FigureSpec`` names one state of a scene for the static export. Drawing
primitives live in ``canvas``, rendering in ``render``, notebook display in
``display``.
"""

from dataclasses import dataclass
from typing import Any, Callable

from .actors import ACTORS


@dataclass(frozen=True)
class Scene:
    """A diagram: what to draw for a state, and how to say it in words."""

    name: str
    draw: Callable[[Any, Any], None]
    describe: Callable[[Any], str]
    width: float = 100.0  # canvas units
    height: float = 50.0
    inches: float = 8.5  # figure width at notebook size
    legend: tuple = ()  # actor keys shown in the legend under the diagram


@dataclass(frozen=True)
class FigureSpec:
    """One exported figure: a scene in one state (written to figures/ by ``export``)."""

    slug: str  # file name without extension, e.g. "01-conduction-healthy"
    scene: Scene
    state: Any
    title: str

    @property
    def alt(self):
        return describe(self.scene, self.state)


def describe(scene, state):
    """The text alternative of a scene in a state."""
    return scene.describe(state)


def actor_names(keys):
    """Readable names of actor keys, for descriptions."""
    return [ACTORS[k].name for k in sorted(keys)]


def unnamed_actors(actors, description):
    """Actors drawn but not named in the description (should be empty)."""
    return sorted(k for k in actors if not ACTORS[k].named_in(description))


# Old import paths, kept until widgets.py, testing.py and tests/test_evidence.py import
# from ``render`` and ``canvas`` (remove this block then).
from .canvas import prepare  # noqa: E402,F401
from .render import Renderer, legend_png  # noqa: E402,F401
