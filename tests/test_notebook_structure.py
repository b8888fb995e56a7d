"""Every lesson notebook follows the lesson anatomy (lesson-design section 3)."""

import json
import re

import pytest

from conftest import NOTEBOOKS, NOTEBOOKS_DIR

SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}
REQUIRED_H2 = ["Learning objectives", "Guiding questions", "Time and preparation", "Setup",
               "Key points", "References", "Next"]


class Notebook(dict):
    """A notebook's JSON, knowing its file so that every failure can name it."""

    def __init__(self, path):
        super().__init__(json.loads(path.read_text(encoding="utf-8")))
        self.path = path
        self.name = path.name


def load(path):
    return Notebook(path)


def markdown(nb):
    return [("".join(c["source"]) if isinstance(c["source"], list) else c["source"])
            for c in nb["cells"] if c["cell_type"] == "markdown"]


def headings(nb):
    out = []
    for text in markdown(nb):
        in_fence = False
        for line in text.splitlines():
            if line.startswith("```"):
                in_fence = not in_fence
            m = re.match(r"^(#{1,6}) (.+)$", line)
            if m and not in_fence:
                out.append((len(m.group(1)), m.group(2).strip()))
    return out


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: f"lesson{p.name[:2]}")
def nb(request):
    return load(request.param)


def test_one_h1_first_and_headings_in_order(nb):
    hs = headings(nb)
    assert hs and hs[0][0] == 1, f"{nb.name}: the first cell must start with the H1 title '# Lesson NN: ...'"
    assert [level for level, _ in hs].count(1) == 1, f"{nb.name}: exactly one H1 (the title); make the others '##'"
    for (a, _), (b, text) in zip(hs, hs[1:]):
        assert b <= a + 1, f"{nb.name}: heading level jumps from H{a} to H{b} at {text!r}"


def test_lesson_sections_are_present(nb):
    h2 = [text for level, text in headings(nb) if level == 2]
    for name in REQUIRED_H2:
        assert any(t.startswith(name) for t in h2), \
            f"{nb.name}: add a '## {name}' section (order: {', '.join(REQUIRED_H2)}; see CONTRIBUTING.md)"
    assert any("Self-check" in t for t in h2), f"{nb.name}: add a '## N. Self-check' section before Key points"
    assert h2.index(next(t for t in h2 if t.startswith("Key points"))) > h2.index(
        next(t for t in h2 if "Self-check" in t)), f"{nb.name}: '## Key points' must come after the self-check"


def test_intro_think_evidence_and_disclaimer(nb):
    text = "\n".join(markdown(nb))
    first = markdown(nb)[0]
    assert first.count("**In this lesson**") == 1, \
        f"{nb.name}: the title cell needs exactly one '**In this lesson**' paragraph"
    assert "not medical advice" in first.lower() and "not medical advice" in markdown(nb)[-1].lower(), \
        f"{nb.name}: say 'not medical advice' in the title cell and in the last cell"
    assert "Estimated time" in text, f"{nb.name}: add '**Estimated time:** N minutes' under '## Time and preparation'"
    assert re.search(r"\*\*Think! \d+\.\d+\*\*", text), f"{nb.name}: add at least one '**Think! N.M**' prompt"
    thinks = len(re.findall(r"\*\*Think! \d+\.\d+\*\*", text))
    assert text.count("<details>") >= thinks, f"{nb.name}: each Think! needs a <details> discussion"
    assert "<summary>Discussion</summary>" in text, f"{nb.name}: a Think! discussion needs '<summary>Discussion</summary>'"
    assert re.search(r"^> \*\*Evidence check", text, re.M), f"{nb.name}: add a '> **Evidence check**' box"
    assert re.search(r"\*\*Interactive demo \d+\.\d+\.\*\*", text), \
        f"{nb.name}: add a predict-then-step '**Interactive demo N.M.**' before a widget call"
    assert "**What the diagram shows:**" in text or "**In short:**" in text, \
        f"{nb.name}: each demo needs an '**In short:**' summary for reading without running it"


def test_references_are_numbered(nb):
    # Every reference is cited in the notebook or its content file: tests/test_content.py.
    text = "\n".join(markdown(nb))
    refs = text.split("## References", 1)[1].split("\n## ", 1)[0]
    numbered = re.findall(r"^(\d+)\. ", refs, re.M)
    assert numbered and numbered == [str(i) for i in range(1, len(numbered) + 1)], \
        f"{nb.name}: the reference list must be numbered 1, 2, ... (it is generated from the content file)"
    assert "(verify)" not in refs


def test_setup_cell_is_first_code_cell_tagged_and_skipped(nb):
    first = code_cells(nb)[0]
    assert "setup" in first["metadata"].get("tags", [])
    assert first["metadata"]["slideshow"]["slide_type"] == "skip"
    lines = [l for l in source(first).splitlines() if l.strip()]
    assert 1 <= len(lines) <= 3 and all(l.startswith(("from ", "import ")) for l in lines)


def test_code_cells_are_thin_calls(nb):
    for cell in code_cells(nb)[1:]:
        lines = [l for l in source(cell).splitlines() if l.strip()]
        assert 1 <= len(lines) <= 2, f"code cell too long for a thin notebook: {source(cell)!r}"
        assert "lesson." in source(cell) or "style." in source(cell)


def test_every_cell_has_slide_metadata(nb):
    for i, cell in enumerate(nb["cells"]):
        slide = cell["metadata"].get("slideshow", {}).get("slide_type")
        assert slide in SLIDE_TYPES, f"cell {i} has no slide type"
    assert nb["cells"][0]["metadata"]["slideshow"]["slide_type"] == "slide"
    notes = [c for c in nb["cells"] if c["metadata"]["slideshow"]["slide_type"] == "notes"]
    assert notes, "no speaker notes"
    for cell in notes:  # notes show as ordinary cells in JupyterLab: say who they are for
        assert source(cell).startswith("**For instructors**"), source(cell)[:60]


def test_committed_clean_and_small(request, nb):
    for i, cell in enumerate(code_cells(nb)):
        assert cell.get("outputs") == [] and cell.get("execution_count") is None, f"code cell {i} has output"
    assert "widgets" not in nb["metadata"], "saved widget state"
    path = next(p for p in NOTEBOOKS if load(p) == nb)
    assert path.stat().st_size < 100_000


def test_links_between_notebooks_resolve(nb):
    text = "\n".join(markdown(nb))
    for target in re.findall(r"\]\(([^)#]+\.ipynb)\)", text):
        assert (NOTEBOOKS_DIR / target).exists(), f"broken link to {target}"
    for label in re.findall(r"\[([^\]]+)\]\(", text):
        assert label.strip().lower() not in {"here", "click here", "link", "this"}, \
            f"link text {label!r} does not say where it goes"


def test_next_section_links_to_a_notebook(nb):
    text = "\n".join(markdown(nb))
    nxt = text.split("## Next", 1)[1]
    assert re.search(r"\]\([^)]+\.ipynb\)", nxt)
