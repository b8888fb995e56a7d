"""The evidence-level marker: five ordered levels, drawn and described one way."""

import pytest
from matplotlib.figure import Figure

from mscourse import evidence as E
from mscourse.scene import prepare


def test_levels_are_ordered_weakest_to_strongest():
    assert [lv.rank for lv in E.LEVELS] == [1, 2, 3, 4, 5]
    assert [lv.key for lv in E.LEVELS] == ["in_vitro", "animal", "small_trial", "rct", "guideline"]


@pytest.mark.parametrize("key", [lv.key for lv in E.LEVELS])
def test_marker_fills_one_rung_per_level_and_says_it_in_words(key):
    ax = Figure().add_axes((0, 0, 1, 1))
    prepare(ax, 100, 20)
    E.draw_evidence(ax, 5, 5, key)
    filled = [p for p in ax.get_children() if type(p).__name__ == "Rectangle"
              and p.axes is ax and p.get_facecolor()[:3] != (1.0, 1.0, 1.0) and p is not ax.patch]
    assert len(filled) == E.level(key).rank
    texts = [t.get_text() for t in ax.texts]
    assert texts == [f"evidence: {E.level(key).label}"]
    assert f"{E.level(key).rank} of 5" in E.describe_evidence(key)
    assert E.level(key).label in E.evidence_html(key)


def test_unknown_level_is_an_error():
    with pytest.raises(KeyError):
        E.level("anecdote")
