"""The evidence-level marker: five kinds of study, weakest to strongest, drawn and described
one way; "endorsed in guidelines" is a separate mark beside a rung, never a rung itself."""

import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from mscourse import evidence as E
from mscourse.scene import prepare


def _canvas():
    ax = Figure().add_axes((0, 0, 1, 1))
    prepare(ax, 100, 20)
    return ax


def _filled_rungs(ax):
    return [p for p in ax.get_children() if type(p).__name__ == "Rectangle"
            and p.axes is ax and p.get_facecolor()[:3] != (1.0, 1.0, 1.0) and p is not ax.patch]


def test_levels_are_kinds_of_study_ordered_weakest_to_strongest():
    assert [lv.rank for lv in E.LEVELS] == [1, 2, 3, 4, 5]
    assert [lv.key for lv in E.LEVELS] == ["in_vitro", "animal", "small_trial", "rct", "meta_analysis"]
    assert "randomised" in E.level("meta_analysis").label  # pooled trials, not pooled cohorts
    assert "observational" in E.level("small_trial").meaning


def test_a_guideline_is_not_a_level():
    assert all("guideline" not in lv.key and "guideline" not in lv.label for lv in E.LEVELS)
    with pytest.raises(KeyError, match="guideline=True"):
        E.level("guideline")


@pytest.mark.parametrize("key", [lv.key for lv in E.LEVELS])
def test_marker_fills_one_rung_per_level_and_says_it_in_words(key):
    ax = _canvas()
    E.draw_evidence(ax, 5, 5, key)
    assert len(_filled_rungs(ax)) == E.level(key).rank
    assert not [p for p in ax.get_children() if isinstance(p, Circle)]
    assert [t.get_text() for t in ax.texts] == [f"evidence: {E.level(key).label}"]
    assert f"{E.level(key).rank} of 5" in E.describe_evidence(key)
    assert E.level(key).label in E.evidence_html(key)
    assert E.GUIDELINE_LABEL not in E.describe_evidence(key) + E.evidence_html(key)


def test_guideline_mark_sits_beside_the_rung_in_shape_and_words():
    ax = _canvas()
    E.draw_evidence(ax, 5, 5, "rct", width=7.0, guideline=True)
    assert len(_filled_rungs(ax)) == 4  # the rung the evidence reaches, unchanged
    seals = [p for p in ax.get_children() if isinstance(p, Circle)]
    assert len(seals) == 1
    # the seal stays inside the marker's own box, so no caller's layout has to move
    (cx, cy), r = seals[0].center, seals[0].radius
    assert 5 <= cx - r and cx + r <= 12 and 5 <= cy - r and cy + r <= 5 + 1.0 + 4 * 0.45
    assert [t.get_text() for t in ax.texts] == ["evidence: randomised trial + endorsed in guidelines"]
    assert E.label_text("rct", guideline=True) == "randomised trial + endorsed in guidelines"
    words = E.describe_evidence("rct", guideline=True)
    assert words.startswith("evidence level 4 of 5, randomised trial") and "endorsed in guidelines" in words
    badge = E.evidence_html("rct", guideline=True)
    assert "(4 of 5)" in badge and "Endorsed in guidelines" in badge


def test_unknown_level_is_an_error():
    with pytest.raises(KeyError):
        E.level("anecdote")
