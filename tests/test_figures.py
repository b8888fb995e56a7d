"""figures/ holds exactly what the export command makes, byte for byte."""

import re

from conftest import ROOT
from mscourse.export import all_specs, render

FIGURES = ROOT / "figures"
COMMAND = "python -m notebooks.mscourse.export"


def test_figures_are_current(rendered_figures):
    expected = rendered_figures
    present = {p.name for p in FIGURES.iterdir() if p.is_file()}
    missing = sorted(set(expected) - present)
    extra = sorted(present - set(expected))
    stale = sorted(n for n in set(expected) & present if (FIGURES / n).read_bytes() != expected[n])
    assert not (missing or extra or stale), (
        f"figures/ is out of date (missing {missing}, extra {extra}, stale {stale}); "
        f"regenerate with: {COMMAND}")


def test_exports_carry_their_text_description(rendered_figures):
    files = rendered_figures
    readme = files["README.md"].decode()
    for name, data in files.items():
        if name.endswith(".svg"):
            assert b"<dc:description>" in data, f"{name} has no embedded description"
        if name.endswith(".png"):
            assert b"Description" in data[:4000] or b"Description" in data, name
            assert f"({name})" in readme, f"{name} is not listed in figures/README.md"


def test_export_is_reproducible(rendered_figures):
    # One figure per lesson rendered again, in a fresh order, must match byte for byte.
    first_of_each = {spec.slug[:2]: spec for spec in reversed(all_specs())}
    for spec in first_of_each.values():
        for ext, data in render(spec).items():
            assert data == rendered_figures[f"{spec.slug}.{ext}"], f"{spec.slug}.{ext} differs between renders"


def test_readme_documents_the_export_command():
    assert COMMAND in (FIGURES / "README.md").read_text()
    assert re.search(re.escape(COMMAND), (ROOT / "README.md").read_text())


def test_glossary_file_is_current():
    from mscourse import glossary
    from mscourse.export import GLOSSARY_PATH

    assert GLOSSARY_PATH.read_text(encoding="utf-8") == glossary.markdown(), \
        f"notebooks/glossary.md is out of date; regenerate with: {COMMAND}"
