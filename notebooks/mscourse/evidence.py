"""The evidence-level marker, drawn and described the same way everywhere.

Five rungs, from weakest to strongest: cell culture, animal, small human
trial, randomised trial, guideline. The marker fills one rung per level, so
the count of filled rungs and the printed label carry the meaning (never
colour alone). Lessons 04-06 mark each claim with it; lesson 07 builds its
evidence ladder from the same data.
"""

import html
from dataclasses import dataclass

from matplotlib.patches import Rectangle

from . import style


@dataclass(frozen=True)
class Level:
    rank: int  # 1 (weakest) to 5 (strongest)
    key: str
    label: str  # short label drawn on diagrams
    meaning: str  # one plain sentence for descriptions and tooltips


LEVELS = (
    Level(1, "in_vitro", "cell culture", "shown only in cells grown in a dish (in vitro)"),
    Level(2, "animal", "animal studies", "shown in animals, mostly mice or rats, not yet in people"),
    Level(3, "small_trial", "small human trial",
          "seen in people in small early (phase 1 or 2) trials, or in uncontrolled or observational (cohort) studies"),
    Level(4, "rct", "randomised trial", "tested in people in at least one randomised controlled trial"),
    Level(5, "guideline", "guideline", "recommended, for selected patients, in clinical guidelines"),
)
BY_KEY = {level.key: level for level in LEVELS}
MARKER_COLOUR = style.OKABE_ITO["blue"]


def level(key):
    """The ``Level`` for a key such as "animal"; raises KeyError for unknown keys."""
    return BY_KEY[key]


def draw_evidence(ax, x, y, key, width=9.0, label=True, z=7):
    """Draw the marker with its lower-left corner at (x, y) in canvas units."""
    lv = level(key)
    rung_w, rung_h, gap = width / 5 - 0.3, 1.0, 0.3
    for i in range(5):
        filled = i < lv.rank
        ax.add_artist(Rectangle(
            (x + i * (rung_w + gap), y), rung_w, rung_h + i * 0.45,
            facecolor=MARKER_COLOUR if filled else style.PAPER, edgecolor=style.INK,
            linewidth=style.line(0.9), zorder=z,
        ))
    if label:
        ax.text(x + width + 0.8, y + 0.9, f"evidence: {lv.label}", ha="left", va="center",
                fontsize=style.font(), color=style.INK, zorder=z)


def describe_evidence(key):
    """Words for a description: 'evidence level 2 of 5, animal studies: ...'."""
    lv = level(key)
    return f"evidence level {lv.rank} of 5, {lv.label}: {lv.meaning}"


def evidence_html(key):
    """An inline badge for prose and widget captions."""
    lv = level(key)
    rungs = "▮" * lv.rank + "▯" * (5 - lv.rank)
    return (f'<span class="mscourse-evidence" title="{html.escape(lv.meaning)}" '
            f'style="border:1px solid {style.INK};border-radius:4px;padding:0 4px;'
            f'white-space:nowrap"><span aria-hidden="true">{rungs}</span> '
            f"Evidence: {html.escape(lv.label)} ({lv.rank} of 5)</span>")
