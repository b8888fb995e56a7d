"""The evidence-level marker, drawn and described the same way everywhere.

Five rungs, from weakest to strongest kind of study: cell culture, animal,
human studies without a randomised control (cohorts, observational studies,
small phase 1 or 2 trials), randomised trial, and a meta-analysis of
randomised trials at the top. The marker fills one rung per level, so the
count of filled rungs and the printed label carry the meaning (never colour
alone).

A guideline is not a rung: it is an endorsement built from the evidence plus
expert judgement, not a kind of study, and never ranks above the trials behind
it (GRADE rates the two separately). Pass ``guideline=True`` to add the
separate "endorsed in guidelines" mark beside the rung the evidence reaches:
a small seal with a tick drawn in the marker's empty upper-left corner, and
the same words in every label, description and badge.

Lessons 04-06 mark each claim with it; lesson 07 builds its evidence ladder
from the same data.
"""

import html
from dataclasses import dataclass

from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Rectangle

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
    Level(3, "small_trial", "human, not randomised",
          "seen in people, but without a randomised control group: cohort or other "
          "observational studies, or small early (phase 1 or 2) trials"),
    Level(4, "rct", "randomised trial", "tested in people in at least one randomised controlled trial"),
    Level(5, "meta_analysis", "meta-analysis of randomised trials",
          "several randomised controlled trials pooled in a meta-analysis"),
)
BY_KEY = {level.key: level for level in LEVELS}
MARKER_COLOUR = style.OKABE_ITO["blue"]

GUIDELINE_LABEL = "endorsed in guidelines"
GUIDELINE_MEANING = ("endorsed, for selected patients, in clinical guidelines: a recommendation "
                     "built on this evidence plus expert judgement, not a kind of study")


def level(key):
    """The ``Level`` for a key such as "animal"; raises KeyError for unknown keys."""
    if key == "guideline":
        raise KeyError("'guideline' is not an evidence level: give the rung the evidence "
                       "reaches (for example 'rct') and pass guideline=True")
    return BY_KEY[key]


def label_text(key, guideline=False):
    """The short words for a marker: 'randomised trial', plus the endorsement if any."""
    lv = level(key)
    return f"{lv.label} + {GUIDELINE_LABEL}" if guideline else lv.label


def _draw_seal(ax, cx, cy, r, z):
    """The 'endorsed in guidelines' mark: a ring with a tick, drawn as shapes (no font glyph)."""
    ax.add_artist(Circle((cx, cy), r, facecolor=style.PAPER, edgecolor=style.INK,
                         linewidth=style.line(1.1), zorder=z))
    ax.add_artist(Line2D([cx - 0.5 * r, cx - 0.1 * r, cx + 0.55 * r],
                         [cy, cy - 0.45 * r, cy + 0.45 * r], color=MARKER_COLOUR,
                         linewidth=style.line(1.6), solid_capstyle="round", zorder=z + 0.1))


def draw_evidence(ax, x, y, key, width=9.0, label=True, z=7, guideline=False):
    """Draw the marker with its lower-left corner at (x, y) in canvas units.

    ``guideline=True`` adds the seal in the empty corner above the two shortest
    rungs (inside the marker's own box, so callers' layouts need not move).
    """
    lv = level(key)
    rung_w, rung_h, gap = width / 5 - 0.3, 1.0, 0.3
    for i in range(5):
        filled = i < lv.rank
        ax.add_artist(Rectangle(
            (x + i * (rung_w + gap), y), rung_w, rung_h + i * 0.45,
            facecolor=MARKER_COLOUR if filled else style.PAPER, edgecolor=style.INK,
            linewidth=style.line(0.9), zorder=z,
        ))
    if guideline:
        r = min(0.62, 0.55 * (rung_w + gap))
        _draw_seal(ax, x + rung_w + gap / 2, y + rung_h + 4 * 0.45 - r, r, z)
    if label:
        ax.text(x + width + 0.8, y + 0.9, f"evidence: {label_text(key, guideline)}", ha="left",
                va="center", fontsize=style.font(), color=style.INK, zorder=z)


def describe_evidence(key, guideline=False):
    """Words for a description: 'evidence level 2 of 5, animal studies: ...'."""
    lv = level(key)
    text = f"evidence level {lv.rank} of 5, {lv.label}: {lv.meaning}"
    if guideline:
        text += f"; also {GUIDELINE_LABEL} ({GUIDELINE_MEANING})"
    return text


def evidence_html(key, guideline=False):
    """An inline badge for prose and widget captions (a second badge for the endorsement)."""
    lv = level(key)
    rungs = "▮" * lv.rank + "▯" * (5 - lv.rank)
    badge = (f'<span class="mscourse-evidence" title="{html.escape(lv.meaning)}" '
             f'style="border:1px solid {style.INK};border-radius:4px;padding:0 4px;'
             f'white-space:nowrap"><span aria-hidden="true">{rungs}</span> '
             f"Evidence: {html.escape(lv.label)} ({lv.rank} of 5)</span>")
    if guideline:
        badge += (f' <span class="mscourse-guideline" title="{html.escape(GUIDELINE_MEANING)}" '
                  f'style="border:1px dashed {style.INK};border-radius:4px;padding:0 4px;'
                  f'white-space:nowrap"><span aria-hidden="true">✓</span> '
                  f"{html.escape(GUIDELINE_LABEL[0].upper() + GUIDELINE_LABEL[1:])}</span>")
    return badge
