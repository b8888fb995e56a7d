"""The glossary: every term of the brief, searchable, linked from the lessons."""

import json

import pytest

from conftest import NOTEBOOKS, ROOT
from mscourse import glossary as G

BRIEF = ROOT.parent / "shared" / "science" / "brief.md"


def test_glossary_has_every_term_of_the_brief():
    if not BRIEF.exists():
        pytest.skip("the science brief is not beside this checkout")
    text = BRIEF.read_text().split("## 9. Glossary", 1)[1].split("\n## ", 1)[0]
    brief_terms = [line.split("**")[1].rstrip(":") for line in text.splitlines()
                   if line[:1].isdigit() and "**" in line]
    ours = {t for t, _ in G.TERMS}
    assert len(brief_terms) == 50 and set(brief_terms) <= ours


def test_search_finds_terms_and_escapes_the_query():
    assert [t for t, _ in G.search("myelin")][:1] and all(
        "myelin" in (t + d).lower() for t, d in G.search("myelin"))
    assert G.search("OPC") and any("precursor" in t.lower() for t, _ in G.search("OPC"))
    out = G.results_html("<img src=x onerror=alert(1)>")
    assert "<img" not in out and "&lt;img" in out
    assert "No term matches" in out


def test_search_widget_ships_every_term_and_follows_the_query():
    panel = G.search_widget()
    assert len(panel.terms) == len(G.TERMS)  # searched in the browser as you type
    panel.query = "aplasia"
    assert "Aplasia" in panel.results and "Axon:" not in panel.results
    panel.query = ""
    assert f"{len(G.TERMS)} terms" in panel.results


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_links_to_the_glossary(path):
    text = "".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"]
                   if c["cell_type"] == "markdown")
    assert "](glossary.md)" in text, f"{path.name} never links to the glossary"
