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

INK = "#1A1A1A"  # text and outlines: near-black, contrast far above WCAG AA
MUTED = "#595959"  # secondary text, still above 4.5:1 on white
PAPER = "#FFFFFF"
GREY = "#8C8C8C"
LIGHT_GREY = "#D9D9D9"

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
    """Font size in points: 0 = body text, 1 = heading, -1 = small label."""
    return max(BASE_FONT_PT, BASE_FONT_PT * (1.0 + 0.18 * size_step))


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
