"""Build the static site: ``python -m notebooks.mscourse.site OUT_DIR`` from the repository root."""

import argparse
import json
import pathlib
import re
import shutil
import sys
import time

from .. import currency
from .. import glossary as course_glossary
from ..widgets import css_text, esm_text
from . import pages, twins
from .extract import NOTEBOOKS_DIR, ROOT, lesson_notebooks, read_notebook
from .frames import FrameStore

STATIC = pathlib.Path(__file__).resolve().parent / "static"
LICENCE_FILES = {"LICENSE": "LICENSE.txt", "LICENSE-CONTENT": "LICENSE-CONTENT.txt",
                 "CITATION.cff": "CITATION.cff"}


def site_meta():
    checked = f"{currency.EVIDENCE_CHECKED} (sources up to {currency.SOURCES_TO})"
    citation = "see the file"
    cff = ROOT / "CITATION.cff"
    if cff.exists():
        title = re.search(r'^title:\s*"?([^"\n]+)"?', cff.read_text(encoding="utf-8"), re.M)
        version = re.search(r'^version:\s*"?([^"\n]+)"?', cff.read_text(encoding="utf-8"), re.M)
        if title:
            citation = title.group(1) + (f", version {version.group(1)}" if version else "")
    return {"evidence_checked": checked, "citation": citation}


# ---------------------------------------------------------------- lesson text

def _first(pattern, text, default=""):
    match = re.search(pattern, text, re.M | re.S)
    return match.group(1).strip() if match else default


def lesson_info(path, cells):
    text = "\n\n".join(c.source for c in cells if c.kind == "markdown")
    title = _first(r"^# (.+?)$", text, path.stem)
    summary = _first(r"\*\*In this lesson\*\*(.+?)(?:\n\n|$)", text)
    minutes = _first(r"\*\*Estimated time:\*\*\s*(.+?)(?:[.;,](?:\s|$)|\n)", text)
    objectives = _first(r"## Learning objectives\s*\n(.+?)(?=\n## |\Z)", text)
    return {"stem": path.stem, "page": pages.page_name(path.stem), "title": title,
            "short_title": re.sub(r"^Lesson \d+:\s*", "", title), "number": path.stem[:2],
            "summary": summary.strip()[:1].upper() + summary.strip()[1:], "time": minutes, "objectives": objectives,
            "worksheet": f"{path.stem}-worksheet.html"}


def _is_setup_heading(cell):
    return cell.kind == "markdown" and cell.source.lstrip().startswith("## Setup")


def lesson_body(info, cells, frames, counter):
    """The page body, the twins' data (for the manifest) and the quizzes (for the answer key)."""
    parts, twins_data, quizzes, ids = [], [], [], set()
    for cell in cells:
        if cell.kind == "markdown":
            if _is_setup_heading(cell):
                continue  # "run this cell first": nothing to run on the site
            # The notebook's pointer to this very page is not needed on the page.
            source = re.sub(r"^.*\]\(\.\./build/site/[^)]*\).*$\n?", "", cell.source, flags=re.M)
            html_text = pages.markdown(source, ids)
            if cell.slide == "notes":
                parts.append('<details class="instructor-note"><summary>For instructors</summary>'
                             f"{html_text}</details>")
            else:
                parts.append(html_text)
        elif cell.kind == "widget":
            counter[0] += 1
            ident = f"w{counter[0]}"
            data = twins.twin(cell.widget, frames)
            parts.append(pages.TWIN_HTML[data["kind"]](ident, data))
            twins_data.append(data)
            if data["kind"] == "quiz":
                quizzes.append(data)
        elif cell.kind == "figure":
            for scene, state, title in cell.figures:
                counter[0] += 1
                frame = frames.figure(scene, state)
                parts.append(pages.figure_html(f"w{counter[0]}", frame, title))
                twins_data.append({"kind": "figure", "title": title, "frame": frame})
    tools = (f'<p class="page-tools"><a href="{info["worksheet"]}">Student worksheet for this lesson</a>'
             ' · <button type="button" class="print-page">Print this lesson as a handout</button></p>')
    parts.insert(1 if parts else 0, tools)
    body = f'<article class="lesson">{"".join(parts)}{pages.answer_key_html(quizzes)}</article>'
    return body, twins_data


# ---------------------------------------------------------------- worksheets

PROMPT_START = re.compile(r"^\*\*(Interactive demo [\d.]+|Think! [\d.]+)\.?\*\*")


def worksheet_prompts(cells):
    """The predict-then-check prompts and Think! questions, as Markdown blocks in order."""
    prompts = []
    for cell in cells:
        if cell.kind != "markdown" or cell.slide == "notes":
            continue
        text = re.sub(r"<details>.*?</details>", "", cell.source, flags=re.S)
        current = None
        for block in re.split(r"\n\s*\n", text):
            stripped = block.strip()
            if PROMPT_START.match(stripped):
                current = [stripped]
                prompts.append(current)
            elif current is not None and re.match(r"^(\d+\.|-|\*)\s", stripped):
                current.append(stripped)  # the numbered questions under a demo prompt
            else:
                current = None
    return ["\n\n".join(p) for p in prompts]


def worksheet_page(info, cells, meta):
    prompts = worksheet_prompts(cells)
    lines = 2 if len(prompts) <= 8 else 1  # room to write, and still one printed page
    space = '<div class="write" aria-hidden="true">' + "<span></span>" * lines + "</div>"
    items = "".join(f'<li class="prompt">{pages.markdown(p)}{space}</li>' for p in prompts)
    objectives = pages.markdown(info["objectives"]) if info["objectives"] else ""
    dense = " dense" if len(prompts) > 10 else ""
    body = f"""<article class="worksheet{dense}">
<h1>Worksheet: {pages.esc(info["title"])}</h1>
<p class="who">Name: <span class="blank"></span> Date: <span class="blank short"></span></p>
<p class="use">Use it with the lesson page <a href="{info["page"]}">{pages.esc(info["title"])}</a>
(or the notebook): before each demo, write your prediction; after it, check it.
For the Think! questions, write a few sentences.</p>
<section aria-labelledby="obj"><h2 id="obj">Learning objectives</h2>{objectives}</section>
<section aria-labelledby="pr"><h2 id="pr">Predict, then check; think</h2><ol class="prompts">{items}</ol></section>
</article>"""
    return pages.layout(f"Worksheet: {info['title']}", body, meta, page_class="worksheet-page"), len(prompts)


# ---------------------------------------------------------------- other pages

def _inline(markdown_text):
    """Markdown for one paragraph, without the paragraph tags."""
    out = pages.markdown(markdown_text).strip()
    return out[3:-4] if out.startswith("<p>") and out.endswith("</p>") else out


def index_page(lessons, meta):
    cards = []
    for l in lessons:
        when = pages.esc(l["time"]) + " · " if l["time"] else ""
        cards.append(f"""<li class="map-card"><h3><a href="{l["page"]}"><span class="num">{l["number"]}</span> {pages.esc(l["short_title"])}</a></h3>
<p>{_inline(l["summary"])}</p>
<p class="meta">{when}<a href="{l["worksheet"]}">worksheet</a></p></li>""")
    rows = "".join(cards)
    body = f"""<h1>{pages.esc(pages.SITE_TITLE)}: an interactive course</h1>
<p class="lead">How myelin is damaged in multiple sclerosis (MS), and each way stem cell therapy may help:
the immune reset by autologous haematopoietic stem cell transplantation (AHSCT), promoting
regeneration, anti-inflammatory effects and neuroprotection, with how strong the evidence is for
each claim. For university students working alone and for instructors in class.</p>
<blockquote class="notice"><p><strong>Teaching material, not medical advice.</strong> These lessons teach the
science. They cannot tell anyone whether a treatment is right for them: that decision belongs with the
person's MS specialist.</p></blockquote>
<h2 id="course-map">Course map</h2>
<p>Start with lesson 00, then go in order: each lesson builds on the ones before. Lessons 03 to 06 are
the four mechanisms; 07 weighs the evidence; 08 is safety, ethics and a review.</p>
<ol class="course-map">{rows}</ol>
<h2 id="how">How these pages work</h2>
<p>This is the static edition of the course's Jupyter notebooks: the same text, diagrams, storyboards,
explorers and quizzes, drawn in advance, so it needs no Python and works offline once loaded.
Storyboards step with Previous and Next, the step list, or the arrow keys; explorers show the diagram
for each setting of their controls; quizzes check your answer and explain every option. Every diagram
is described in words under it. To change the code and rerun the lessons, use the notebooks
(JupyterLab on a laptop or hub, or Binder): see the course's README.</p>
<p>Each lesson page prints as a handout (every storyboard step, each explorer's starting state, the
quiz questions and an answer key at the end), and each lesson has a one-page student worksheet.
Also here: the <a href="glossary.html">glossary</a> and the <a href="instructor-guide.html">instructor guide</a>.</p>"""
    return pages.layout("Course map", body, meta, page_class="index-page",
                        description="A course on multiple sclerosis and stem cell therapy")


def glossary_page(meta):
    text = course_glossary.markdown()
    text = re.sub(r"In a lesson, the search box.*?export`\.", "", text, flags=re.S)
    data = twins.glossary(course_glossary.search_widget())
    # The page's h1 is already "Glossary": a widget heading (h3) right under it would skip a level.
    data["model"] = {**data["model"], "heading": ""}
    search = pages.glossary_html("g1", data)
    body = pages.markdown(text).replace("</p>", "</p>" + search, 1)
    return pages.layout("Glossary", f'<article class="glossary">{body}</article>', meta,
                        page_class="glossary-page")


def guide_page(meta):
    text = (NOTEBOOKS_DIR / "instructor_guide.md").read_text(encoding="utf-8")
    return pages.layout("Instructor guide", f'<article class="guide">{pages.markdown(text)}</article>',
                        meta, page_class="guide-page")


# ---------------------------------------------------------------- the command

def _summary(data):
    """A twin in a line of the manifest: what it is and how many states it ships."""
    model = data.get("model", {})
    summary = {"kind": data["kind"], "heading": model.get("heading") or data.get("title", "")}
    if data["kind"] == "storyboard":
        summary["steps"] = [f["title"] for f in model["frames"]]
    elif data["kind"] == "explorer":
        summary.update(states=data["shipped"], combinations=data["total"])
    elif data["kind"] == "quiz":
        summary["questions"] = len(model["questions"])
    return summary


def build(out_dir, only=None, quiet=False):
    """Build the site into ``out_dir`` (emptied first). Returns the manifest."""
    start = time.perf_counter()
    out = pathlib.Path(out_dir)
    if out.exists():
        shutil.rmtree(out)
    (out / "assets").mkdir(parents=True)
    for asset in STATIC.iterdir():
        if asset.is_file():
            shutil.copy2(asset, out / "assets" / asset.name)
    # The notebooks' own widget front end, unchanged (one front end, two hosts).
    for kind in ("storyboard", "explorer", "quiz", "glossary"):
        (out / "assets" / f"widget-{kind}.js").write_text(esm_text(kind), encoding="utf-8")
    (out / "assets" / "course.css").write_text(css_text(), encoding="utf-8")
    for source, target in LICENCE_FILES.items():
        if (ROOT / source).exists():
            shutil.copy2(ROOT / source, out / target)
    meta = site_meta()
    frames = FrameStore(out)
    notebooks = [p for p in lesson_notebooks() if not only or p.stem[:2] in only]
    read = [(p, *read_notebook(p)) for p in notebooks]
    lessons = [lesson_info(p, cells) for p, _, cells in read]
    manifest = {"lessons": [], "evidence_checked": meta["evidence_checked"]}
    counter = [0]
    for i, ((path, _, cells), info) in enumerate(zip(read, lessons)):
        body, twins_data = lesson_body(info, cells, frames, counter)
        nav = pages.lesson_nav(lessons, i, "Lessons")
        (out / info["page"]).write_text(
            pages.layout(info["title"], body + nav, meta, nav=nav.replace('aria-label="Lessons"',
                                                                          'aria-label="Lessons, top"'),
                         page_class="lesson-page", description=info["summary"][:200]),
            encoding="utf-8")
        sheet, prompt_count = worksheet_page(info, cells, meta)
        (out / info["worksheet"]).write_text(sheet, encoding="utf-8")
        manifest["lessons"].append({**{k: info[k] for k in ("stem", "page", "title", "worksheet")},
                                    "prompts": prompt_count,
                                    "widgets": [_summary(d) for d in twins_data]})
        if not quiet:
            print(f"  {info['page']}: {len(twins_data)} widgets", file=sys.stderr)
    (out / "index.html").write_text(index_page(lessons, meta), encoding="utf-8")
    (out / "glossary.html").write_text(glossary_page(meta), encoding="utf-8")
    (out / "instructor-guide.html").write_text(guide_page(meta), encoding="utf-8")
    (out / ".nojekyll").write_text("")  # GitHub Pages: serve files as they are
    total = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    manifest.update(frames=frames.renders, images=len(frames.files), image_bytes=frames.total_bytes,
                    total_bytes=total, seconds=round(time.perf_counter() - start, 1))
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return manifest


def main(argv):
    parser = argparse.ArgumentParser(prog="python -m notebooks.mscourse.site",
                                     description="Build the course's static site into a folder.")
    parser.add_argument("out_dir", nargs="?", default="build/site",
                        help="where to write the site (emptied first); default build/site")
    parser.add_argument("--only", nargs="*", metavar="NN",
                        help="build only these lessons (by number), e.g. --only 00 01")
    args = parser.parse_args(argv)
    manifest = build(args.out_dir, only=args.only)
    print(f"built {len(manifest['lessons'])} lessons into {args.out_dir}: "
          f"{manifest['images']} images ({manifest['frames']} states drawn), "
          f"{manifest['total_bytes'] / 1e6:.1f} MB in all, {manifest['seconds']} s")
    return 0
