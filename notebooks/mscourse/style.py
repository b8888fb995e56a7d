"""Colours, type sizes and the presenter style shared by every diagram.

The palette is Okabe-Ito (safe for the common colour-vision deficiencies).
Colour is never the only cue: every actor also has its own shape and, where
it could be confused, a letter or label (see ``actors.py``).

Nothing here changes global matplotlib settings: rendering code wraps its
work in ``matplotlib.rc_context(rc())``.
"""

import os
from contextlib import contextmanager

# Okabe-Ito colour-blind-safe palette.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Paul Tol's colours for the three stem cells (Okabe-Ito has no more hues to spare).
TOL = {
    "wine": "#882255",
    "olive": "#999933",
    "indigo": "#332288",
}
# Pale and neutral colours for actors that are background tissue.
SILVER = "#BFBFBF"  # nerve tissue: neuron and axon
PALE_GREEN = "#A6DBA0"  # the young OPC, paler than the oligodendrocyte it becomes
BLUSH = "#FCE4EC"  # blood inside a vessel
BRICK, DARK_BRICK = "#C98B7A", "#5C2E22"  # the cells of a vessel wall and their edges
HARM = "#C00000"  # stress and harm markers (always labelled as well)
PEACH = "#F6C9A8"  # a healthy mitochondrion

INK = "#1A1A1A"  # text and outlines: near-black, contrast far above WCAG AA
DARK_GREY = "#4D4D4D"  # compartment edges
MUTED = "#595959"  # secondary text, still above 4.5:1 on white
GREY = "#8C8C8C"
SCAN_GREY, SCAN_DARK = "#8A8A8A", "#262626"  # a schematic MRI slice and its dark spots
LIGHT_GREY = "#D9D9D9"
GHOST_GREY = "#E6E6E6"  # the marker of something removed: same shape, pale grey
PALE = "#F2F2F2"  # zones, rungs, tags
FAINT = "#F7F7F7"  # compartments and panels
PAPER = "#FFFFFF"


# Derived colours: a darker ink of a colour (its arrows, edges and labels) or a paler
# fill (an area behind things). Every derived colour in a diagram comes from these,
# so changing an actor's colour changes its inks and fills with it.

DERIVED = {}  # every derived colour made so far: {"#RRGGBB": (colour, other, amount)}


def mix(colour, other, amount):
    """``colour`` moved ``amount`` (0 to 1) of the way toward ``other``, as #RRGGBB."""
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    out = "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b))
    DERIVED.setdefault(out, (colour.upper(), other.upper(), amount))  # tests name it by its origin
    return out


def darker(colour, amount=0.3):
    """A darker ink of ``colour`` (for arrows, edges and text in that colour's meaning)."""
    return mix(colour, "#000000", amount)


def paler(colour, amount=0.9):
    """A pale fill of ``colour`` (for areas and bands behind the actors)."""
    return mix(colour, PAPER, amount)

# Presenter mode renders diagrams at a higher resolution (so the whole picture,
# type and lines alike, grows without changing the layout) and enlarges the
# widget text.
_state = {"scale": None}  # None: follow the MSCOURSE_PRESENTER environment variable
PRESENTER_SCALE = 1.45

BASE_FONT_PT = 11.0  # never below 11 pt at notebook size
BASE_DPI = 96  # 1 pt = 1/72 inch, as in the browser: 11 pt shows as 11 pt


def presenter(on=True):
    """Switch the projector style on (bigger type and lines) or off."""
    _state["scale"] = PRESENTER_SCALE if on else 1.0


def is_presenter():
    return scale() > 1.0


@contextmanager
def presenter_style():
    """Temporarily use the presenter style (for exports and tests)."""
    old = _state["scale"]
    presenter(True)
    try:
        yield
    finally:
        _state["scale"] = old


def scale():
    """1.0 normally; larger in presenter mode (set by ``presenter()``, or by starting
    JupyterLab with MSCOURSE_PRESENTER=1 so every lesson's kernel presents)."""
    if _state["scale"] is None:
        return PRESENTER_SCALE if os.environ.get("MSCOURSE_PRESENTER", "") not in ("", "0") else 1.0
    return _state["scale"]


def font(size_step=0):
    """Font size in points: 0 = body text, 0.5 = sub-heading, 1 = heading.

    Body text is already the smallest size the design allows (11 pt at notebook
    size), so there is no smaller step.
    """
    if size_step < 0:
        raise ValueError(f"size step {size_step}: text is never smaller than body text "
                         f"({BASE_FONT_PT} pt)")
    return BASE_FONT_PT * (1.0 + 0.18 * size_step)


def line(width=1.5):
    return width


def dpi():
    return BASE_DPI * scale()


def rc():
    """matplotlib settings for rendering, used inside an rc_context."""
    return {
        "font.family": "DejaVu Sans",  # ships with matplotlib: same glyphs everywhere
        "font.size": font(),
        "svg.hashsalt": "mscourse",  # stable ids, so exports are reproducible
        "svg.fonttype": "path",
        "figure.facecolor": PAPER,
        "axes.facecolor": PAPER,
        "savefig.facecolor": PAPER,
    }


def html_font_size():
    """CSS font size for widget text, following the presenter style."""
    return f"{round(100 * scale())}%"
