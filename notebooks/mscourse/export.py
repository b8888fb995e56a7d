"""Static exports of the key diagram states, for figures/ and instructors' slides.

Run from the repository root:

    python -m notebooks.mscourse.export

It writes ``notebooks/glossary.md`` from ``glossary.py``, each lesson notebook's
reference list and "evidence last checked" line from its content file and
``currency.py``, and ``figures/<slug>.svg`` and ``.png`` for every ``FigureSpec`` of
every lesson, with the text description embedded as the image description
(SVG <desc>, PNG "Description" text chunk), and ``figures/README.md`` with
a table of all figures and their text alternatives. Running it twice gives
identical files.
"""

import io
import pathlib
import sys
import matplotlib

from . import glossary, style
from .render import full_figure


ROOT = pathlib.Path(__file__).resolve().parents[2]
FIGURES_DIR = ROOT / "figures"
GLOSSARY_PATH = ROOT / "notebooks" / "glossary.md"
PNG_DPI = 110


def all_specs():
    from .lessons import all_lessons

    specs = [spec for lesson in all_lessons() for spec in lesson.FIGURES]
    slugs = [s.slug for s in specs]
    duplicates = {s for s in slugs if slugs.count(s) > 1}
    if duplicates:
        raise ValueError(f"figure slugs used twice: {sorted(duplicates)}")
    return specs


def render(spec):
    """SVG and PNG bytes of one figure, with its title and alt text embedded."""
    figure, _ = full_figure(spec.scene, spec.state)
    out = {}
    with matplotlib.rc_context(style.rc()):
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg",
                       metadata={"Title": spec.title, "Description": spec.alt, "Date": None,
                                 "Creator": None})
        out["svg"] = buffer.getvalue()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=PNG_DPI,
                       metadata={"Title": spec.title, "Description": spec.alt, "Software": None})
        out["png"] = buffer.getvalue()
    return out


def readme(specs):
    lines = [
        "# Figures",
        "",
        "Static exports of the key diagram states of every lesson, for reading",
        "without running the notebooks and for instructors' own slides. They are",
        "illustrative, not data. Each image carries its text description inside the",
        "file (SVG `<desc>`, PNG `Description`), and the table below repeats it.",
        "",
        "Do not edit these files by hand. Regenerate them all from the repository root:",
        "",
        "    python -m notebooks.mscourse.export",
        "",
        "The test suite fails if a file here differs from what that command makes.",
        "",
        "| Figure | Files | Text description (alt text) |",
        "|---|---|---|",
    ]
    for spec in specs:
        alt = spec.alt.replace("|", "\\|")
        lines.append(f"| {spec.title} | [PNG]({spec.slug}.png), [SVG]({spec.slug}.svg) | {alt} |")
    return "\n".join(lines) + "\n"


def expected_files():
    """Every file figures/ should hold, as {name: bytes}."""
    specs = all_specs()
    files = {}
    for spec in specs:
        for ext, data in render(spec).items():
            files[f"{spec.slug}.{ext}"] = data
    files["README.md"] = readme(specs).encode("utf-8")
    return files


def lesson_notebooks():
    """{notebook path: its lesson's content} for every lesson notebook with a content file."""
    from .content import CONTENT_DIR, load

    found = {}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        if (CONTENT_DIR / f"lesson{path.name[:2]}.toml").exists():
            found[path] = load(path.name[:2])
    return found


def expected_notebooks():
    """{notebook path: its text} with reference lists and currency lines current."""
    from .content import synced_notebook

    return {path: synced_notebook(path, content) for path, content in lesson_notebooks().items()}


def main(out_dir=FIGURES_DIR):
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = expected_files()
    for old in out_dir.iterdir():
        if old.is_file() and old.name not in files:
            old.unlink()  # a figure whose spec was removed
    for name, data in files.items():
        (out_dir / name).write_bytes(data)
    GLOSSARY_PATH.write_text(glossary.markdown(), encoding="utf-8")
    for path, text in expected_notebooks().items():
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"updated the reference list and currency line of {path.name}")
    print(f"wrote {len(files)} files to {out_dir} and the glossary to {GLOSSARY_PATH}")


if __name__ == "__main__":
    main(*sys.argv[1:])
