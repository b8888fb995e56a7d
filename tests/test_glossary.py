"""The glossary: every term of the brief, searchable, linked from the lessons."""

import json

import pytest

from conftest import NOTEBOOKS, ROOT
from mscourse import glossary as G

# The 55 terms of the science brief's glossary (section 9, December 2026 review), copied
# here once so that the test reads only the repository. When the brief adds a term, add
# it here and to mscourse/glossary.py.
BRIEF_TERMS = (
    "Action potential", "Apheresis", "Anti-thymocyte globulin (ATG)", "Aplasia", "Autoimmunity",
    "Autologous / allogeneic", "Axon", "B cell", "BEAM", "Blood–brain barrier (BBB)", "CD34",
    "Conditioning", "Cytokine", "Demyelination", "Disease-modifying therapy (DMT)",
    "EAE (experimental autoimmune encephalomyelitis)", "EDSS", "Engraftment",
    "Epstein–Barr virus (EBV)", "G-CSF", "Gadolinium-enhancing lesion",
    "Haematopoietic stem cell (HSC)", "Immune reconstitution", "IDO (indoleamine 2,3-dioxygenase)",
    "Lesion (plaque)", "Licensing", "Mesenchymal stromal/stem cell (MSC)", "Microglia",
    "Mobilisation", "Myelin", "Myeloablative / non-myeloablative (lymphoablative)", "NEDA",
    "Neural stem/precursor cell (NSC/NPC)", "Neurodegeneration", "Neurofilament light chain (NfL)",
    "Neuroprotection", "Neurotrophic factor", "Node of Ranvier", "Oligoclonal bands",
    "Oligodendrocyte", "Oligodendrocyte precursor cell (OPC)", "Paracrine signalling", "PIRA",
    "Regulatory T cell (Treg)", "Relapse", "Remyelination", "Saltatory conduction", "Schwann cell",
    "TCR repertoire", "Treatment-related mortality (TRM)",
    # added in the December 2026 review (entries 51-55)
    "Astrocyte", "Plasma cell", "BTK inhibitor", "PTLD (post-transplant lymphoproliferative disorder)",
    "Pseudo-atrophy",
)


def test_glossary_has_every_term_of_the_brief():
    assert len(BRIEF_TERMS) == 55 and len(set(BRIEF_TERMS)) == 55
    missing = [t for t in BRIEF_TERMS if t not in {term for term, _ in G.TERMS}]
    assert not missing, f"terms of the brief missing from mscourse/glossary.py: {missing}"


def test_glossary_carries_the_december_2026_corrections():
    definitions = dict(G.TERMS)
    assert "with or without recovery" in definitions["Relapse"]
    assert "plasma cells" in definitions["B cell"] and "makes antibodies" not in definitions["B cell"]
    assert "lacks CD20" in definitions["Plasma cell"]


def test_every_term_is_defined_once():
    names = [term.lower() for term, _ in G.TERMS]
    twice = sorted({n for n in names if names.count(n) > 1})
    assert not twice, f"terms defined twice: {twice}"
    empty = [term for term, definition in G.TERMS if len(definition.strip().rstrip(".")) < 10]
    assert not empty, f"terms with an empty or one-word definition: {empty}"
    assert all(definition.rstrip().endswith(".") for _, definition in G.TERMS)


def test_the_glossary_page_lists_terms_from_a_to_z():
    headings = [line[3:] for line in G.markdown().splitlines() if line.startswith("## ")]
    assert len(headings) == len(G.TERMS)
    assert headings == sorted(headings, key=str.lower)
    assert (ROOT / "notebooks" / "glossary.md").read_text(encoding="utf-8") == G.markdown(), \
        "notebooks/glossary.md is stale: run python -m notebooks.mscourse.export"


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
