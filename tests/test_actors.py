"""The visual vocabulary: one drawing function, one colour, a legend entry per actor."""

import inspect
import itertools

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from course_states import colours

from mscourse import actors as A
from mscourse.canvas import prepare
from mscourse.render import legend_png

DRAWERS = {
    "neuron": lambda ax: A.draw_neuron(ax, 50, 25),
    "axon": lambda ax: A.draw_axon(ax, 10, 90, 25),
    "myelin": lambda ax: A.draw_myelin(ax, 20, 40, 25),
    "thin_myelin": lambda ax: A.draw_myelin(ax, 20, 40, 25, kind="thin"),
    "damaged_myelin": lambda ax: A.draw_myelin(ax, 20, 40, 25, kind="damaged"),
    "node": lambda ax: A.draw_node(ax, 50, 25),
    "oligodendrocyte": lambda ax: A.draw_oligodendrocyte(ax, 50, 25, targets=[(30, 10)]),
    "opc": lambda ax: A.draw_opc(ax, 50, 25),
    "schwann": lambda ax: A.draw_schwann(ax, 20, 40, 25),
    "t_cell": lambda ax: A.draw_t_cell(ax, 50, 25),
    "b_cell": lambda ax: A.draw_b_cell(ax, 50, 25),
    "antibody": lambda ax: A.draw_antibody(ax, 50, 25),
    "macrophage": lambda ax: A.draw_macrophage(ax, 50, 25),
    "microglia": lambda ax: A.draw_macrophage(ax, 50, 25, resting=True),
    "vessel": lambda ax: A.draw_vessel(ax, 10, 90, 25),
    "signal": lambda ax: A.draw_signal(ax, 50, 25),
    "block": lambda ax: A.draw_block(ax, 50, 25),
    "hsc": lambda ax: A.draw_hsc(ax, 50, 25),
    "msc": lambda ax: A.draw_msc(ax, 50, 25),
    "nsc": lambda ax: A.draw_nsc(ax, 50, 25),
}


def canvas():
    ax = Figure().add_axes((0, 0, 1, 1))
    prepare(ax, 100, 50)
    return ax


def test_every_actor_has_a_drawing_test():
    assert set(DRAWERS) == set(A.ACTORS), "every actor in the registry needs a drawing test"


@pytest.mark.parametrize("key", sorted(DRAWERS))
def test_drawing_an_actor_puts_it_on_the_canvas_in_its_colour_and_records_it(key):
    ax = canvas()
    empty = len(ax.get_children())
    DRAWERS[key](ax)
    assert key in A.drawn_actors(ax)
    assert len(ax.get_children()) > empty, "nothing was drawn"
    drawn_colours = {c for c, _ in colours(ax)}
    assert A.ACTORS[key].colour.upper() in drawn_colours, \
        f"{key} is drawn without its own colour {A.ACTORS[key].colour}: {sorted(drawn_colours)}"


def test_prepare_forgets_what_was_drawn_before():
    ax = canvas()
    A.draw_t_cell(ax, 50, 25)
    prepare(ax, 100, 50)
    assert A.drawn_actors(ax) == set()
    artists = [a for a in ax.get_children() if a.axes is ax and a not in (ax.patch, ax.xaxis, ax.yaxis)
               and a not in ax.spines.values()]
    assert not [a for a in artists if a.get_visible() and type(a).__name__ in ("Circle", "Line2D")]


@pytest.mark.parametrize("key", sorted(A.ACTORS))
def test_every_actor_has_a_legend_icon_name_and_colour(key):
    actor = A.ACTORS[key]
    assert actor.name and actor.shape and actor.words
    assert actor.colour.startswith("#") and len(actor.colour) == 7
    ax = canvas()
    actor.icon(ax, 50, 25)
    assert key in A.drawn_actors(ax)


def test_actor_colours_are_shared_only_by_related_actors():
    by_colour = {}
    for actor in A.ACTORS.values():
        by_colour.setdefault(actor.colour, set()).add(actor.key)
    allowed = [
        {"myelin", "thin_myelin", "damaged_myelin"},  # states of one actor
        {"b_cell", "antibody"},  # antibodies are made by B cells
        {"neuron", "axon"},  # one cell
        {"node", "block"},  # black marks on the axon itself
        {"macrophage", "microglia"},  # one cell type, resting or activated
    ]
    for colour, keys in by_colour.items():
        if len(keys) > 1:
            assert any(keys <= group for group in allowed), f"{colour} shared by {sorted(keys)}"


def grey_icon(key):
    """An actor's legend icon rendered in greys: what is left when colour is not seen."""
    figure = Figure(figsize=(1.0, 1.0), dpi=60)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0, 0, 1, 1))
    prepare(ax, 8, 8)
    A.ACTORS[key].icon(ax, 4, 4)
    figure.canvas.draw()
    rgb = np.asarray(figure.canvas.buffer_rgba())[:, :, :3] / 255.0
    return rgb @ [0.2126, 0.7152, 0.0722]


# Drawn alike on purpose: a node's icon is an axon with the node's black bars on it.
SAME_SHAPE = [{"axon", "node"}]
MIN_GREY_DIFFERENCE = 0.1  # mean grey-level difference over the pixels either icon covers


def test_actor_icons_differ_in_grey_so_colour_is_not_the_only_cue():
    icons = {key: grey_icon(key) for key in A.ACTORS}
    for a, b in itertools.combinations(sorted(icons), 2):
        if {a, b} in SAME_SHAPE:
            continue
        covered = (icons[a] < 0.97) | (icons[b] < 0.97)
        difference = np.abs(icons[a] - icons[b])[covered].mean()
        assert difference >= MIN_GREY_DIFFERENCE, \
            f"{a} and {b} look the same without colour (grey difference {difference:.3f})"


def test_every_actor_describes_its_shape_in_words():
    shapes = [a.shape for a in A.ACTORS.values()]
    assert len(set(shapes)) == len(shapes), "two actors share a shape description"


def test_legend_renders_every_actor_with_its_label():
    png = legend_png(list(A.ACTORS))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    ax = canvas()
    A.draw_legend(ax, list(A.ACTORS))
    assert A.drawn_actors(ax) == set(A.ACTORS)
    labels = [t.get_text() for t in ax.texts]
    assert labels == [a.legend_label for a in A.ACTORS.values()]


def test_drawing_functions_take_an_axes_first():
    for name, fn in inspect.getmembers(A, inspect.isfunction):
        if name.startswith("draw_"):
            assert list(inspect.signature(fn).parameters)[0] == "ax", name
