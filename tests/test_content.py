"""Each lesson's teaching text lives in a content file that loads, validates and
cites correctly; the notebooks show the same reference list and currency line."""

from dataclasses import dataclass
from typing import Literal

import pytest

from conftest import NOTEBOOKS
from mscourse import content as C
from mscourse import currency
from mscourse.export import expected_notebooks

CONTENT_FILES = sorted(C.CONTENT_DIR.glob("lesson*.toml"))


def test_every_lesson_has_a_content_file():
    missing = [nb.name for nb in NOTEBOOKS if not (C.CONTENT_DIR / f"lesson{nb.name[:2]}.toml").exists()]
    assert not missing, f"no content file in {C.CONTENT_DIR} for {missing}"


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.stem)
def test_every_citation_resolves_and_every_reference_is_cited(path):
    lesson = C.load(path.stem)
    notebook = next(nb for nb in NOTEBOOKS if nb.name.startswith(path.stem[-2:]))
    markdown = C.notebook_markdown(notebook)
    body = markdown.split(C.REFERENCES_HEADING, 1)[0]  # the list itself cites nothing
    numbers = {r.n for r in lesson.references}
    cited = C.cited_numbers(body) | lesson.cited()
    assert not cited - numbers, f"{path.name}: cited but not in the reference list: {sorted(cited - numbers)}"
    assert not numbers - cited, f"{path.name}: in the reference list but never cited: {sorted(numbers - cited)}"


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.stem)
def test_sources_that_are_not_papers_say_so(path):
    for ref in C.load(path.stem).references:
        lowered = ref.text.lower()
        if any(word in lowered for word in ("abstract", "ectrims 20", "congress", "annual meeting")):
            assert ref.kind == "abstract", f"{path.name} reference {ref.n} looks like a conference abstract: {ref.text[:80]}"
        if any(word in lowered for word in ("press release", "announces", "announcement")):
            assert ref.kind == "company", f"{path.name} reference {ref.n} looks like a company announcement"
        if ref.kind != "article":
            assert C.REFERENCE_KINDS[ref.kind] in ref.markdown() or ref.kind in ("review", "guideline", "book")


def test_a_broken_content_file_names_the_file_and_line(tmp_path):
    bad = tmp_path / "lesson99.toml"
    bad.write_text('[storyboard.walk]\nheading = "A walk"\n[[storyboard.walk.step]]\nid = "start"\n'
                   'title = "Start"\n[[reference]]\nn = 1\ntext = "A. B. 2020."\ndoi = "not-a-doi"\n')
    with pytest.raises(C.ContentError, match=r"lesson99.toml, line 9: reference 1: 'not-a-doi' is not a DOI"):
        C.Content(bad)
    bad.write_text('[storyboard.walk]\nheading = "A walk"\n[[storyboard.walk.step]]\nid = "start"\ntitle = "Start"\n')
    with pytest.raises(C.ContentError, match=r"lesson99.toml, line 4: step 'start' needs a non-empty caption"):
        C.Content(bad).steps("walk", {"start": None})
    with pytest.raises(C.ContentError, match=r"line 4: .*step id 'start' has no state"):
        C.Content(bad).steps("walk", {"end": None})


def test_citations_are_read_as_a_reader_reads_them():
    assert C.cited_numbers("as shown [3] and [5, 7] and [9–11]; not [a] or [x1]") == {3, 5, 7, 9, 10, 11}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_every_lesson_shows_when_its_evidence_was_last_checked(path):
    title = C.notebook_markdown(path).split("\n\n", 2)
    assert title[0].startswith("# ") and title[1] == currency.stamp(), \
        f"{path.name}: the line under the title should be {currency.stamp()!r}; " \
        "regenerate with: python -m notebooks.mscourse.export"


def test_notebook_reference_lists_are_generated_from_the_content_files():
    stale = [p.name for p, text in expected_notebooks().items() if p.read_text(encoding="utf-8") != text]
    assert not stale, f"regenerate with: python -m notebooks.mscourse.export (stale: {stale})"


# -- storyboard states written in the content file, by field name ----------------------

@dataclass(frozen=True)
class WalkState:
    signal_at: Literal["", "start", "end"] = ""
    inputs: bool = False
    hops: int = 0
    bare: tuple = ()
    step: str = ""


WALK = '''[storyboard.walk]
heading = "A walk"

[[storyboard.walk.step]]
id = "start"
state = {{ inputs = true }}
title = "Start"
caption = "The start."

[[storyboard.walk.step]]
id = "end"
state = {{ {state} }}
title = "End"
caption = "The end."
'''


def _walk(tmp_path, state):
    path = tmp_path / "lesson98.toml"
    path.write_text(WALK.format(state=state), encoding="utf-8")
    return C.Content(path)


def test_step_states_are_built_from_named_fields_in_the_content_file(tmp_path):
    content = _walk(tmp_path, 'signal_at = "end", hops = 2, bare = [3, 4]')
    steps = content.steps("walk", WalkState)
    assert [s.state for s in steps] == [
        WalkState(inputs=True, step="start"),
        WalkState(signal_at="end", hops=2, bare=(3, 4), step="end")]
    assert content.step_states("walk", WalkState)["end"] is not None


@pytest.mark.parametrize("state, message", [
    ('signal_a = "end"', r"lesson98.toml, line 12: step 'end': WalkState has no field 'signal_a' "
                         r"\(fields: signal_at, inputs, hops, bare\)"),
    ('signal_at = "middle"', r"lesson98.toml, line 12: step 'end': signal_at must be one of "
                             r"'', 'start', 'end', not 'middle'"),
    ('inputs = "yes"', r"lesson98.toml, line 12: step 'end': inputs must be true or false, not 'yes'"),
    ("hops = true", r"lesson98.toml, line 12: step 'end': hops must be a whole number, not True"),
    ("bare = 3", r"lesson98.toml, line 12: step 'end': bare must be a list \[...\], not 3"),
    ('step = "other"', r"lesson98.toml, line 12: step 'end': WalkState has no field 'step'"),
])
def test_a_broken_state_field_names_the_file_and_line(tmp_path, state, message):
    with pytest.raises(C.ContentError, match=message):
        _walk(tmp_path, state).steps("walk", WalkState)


def test_a_state_that_cannot_be_built_names_the_step(tmp_path):
    @dataclass(frozen=True)
    class Needy:
        inputs: bool
        level: int  # no default: every step must give it

    with pytest.raises(C.ContentError, match=r"lesson98.toml, line \d+: step 'start': .*level"):
        _walk(tmp_path, "level = 1").steps("walk", Needy)

