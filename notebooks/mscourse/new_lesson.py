"""Create a new lesson that passes the tests as generated.

Run from the repository root:

    python -m notebooks.mscourse.new_lesson 09 "Title of the lesson"

It writes the lesson module (``lessons/lessonNN.py``: one scene, its states and
figures), its content file (``content/lessonNN.toml``: the storyboard's steps,
the quiz, the references), the notebook (``NN_title.ipynb``, every part of the
lesson anatomy in place, with TODO markers to replace), and a section of the
instructor guide. It links the lesson into the course: a row in lesson 00's
course map, the README's lesson table and the guide's timing table, and the
previous last lesson's "Next" section. Then it regenerates figures/ and the
notebooks' reference lists. CONTRIBUTING.md says what to write next.
"""

import json
import pathlib
import re
import sys

PACKAGE = pathlib.Path(__file__).resolve().parent
NOTEBOOKS_DIR = PACKAGE.parent
ROOT = NOTEBOOKS_DIR.parent
GUIDE = NOTEBOOKS_DIR / "instructor_guide.md"
README = ROOT / "README.md"

MODULE = '''"""Lesson {n}: {title}.

The scene below is a starting point: replace it with this lesson's own. Its
teaching text (step titles and captions, the quiz, the references) lives in
``content/lesson{n}.toml``.
"""

from dataclasses import dataclass

from .. import actors as A
from .. import content
from ..scene import FigureSpec, Scene
from ..widgets import Quiz, Storyboard

CONTENT = content.load("lesson{n}")


@dataclass(frozen=True)
class AxonState:
    """What the diagram shows. Each storyboard step sets these fields by name in the
    content file: ``state = {{ myelinated = false }}``; a new step is a new entry there."""

    myelinated: bool = True  # the axon is wrapped in myelin sheaths


SHEATHS = ((16, 38), (40, 62), (64, 86))


def draw_axon_scene(ax, state):
    A.draw_axon(ax, 12, 92, 25)
    A.draw_neuron(ax, 10, 25, size=3.4)
    if state.myelinated:
        for x0, x1 in SHEATHS:
            A.draw_myelin(ax, x0, x1, 25)


def describe_axon_scene(state):
    if state.myelinated:
        return "A neuron with its axon, wrapped in three myelin sheaths."
    return "A neuron with its axon, bare along its whole length."


AXON_SCENE = Scene("lesson{n}-axon", draw_axon_scene, describe_axon_scene, width=100, height=50,
                   legend=("neuron", "axon", "myelin"))

STORY = CONTENT.step_states("story", AxonState)  # {{step id: state}}, from the content file


def story():
    """Section 1: the storyboard."""
    return Storyboard(AXON_SCENE, CONTENT.steps("story", AxonState),
                      heading=CONTENT.heading("storyboard", "story"))


QUESTIONS = CONTENT.questions()


def self_check():
    return Quiz(QUESTIONS)


FIGURES = (
    FigureSpec("{n}-axon-wrapped", AXON_SCENE, STORY["wrapped"], "{title}: an axon wrapped in myelin"),
)
'''

CONTENT = '''# Lesson {n}: {title}. The teaching text of this lesson.
# Edit the text between the quotes; keep the [section] lines, the ids and the "quotes".
# A paragraph is one string ("""...""" for several lines); it is wrapped where it is shown.
# Cite the numbered references below as [1] or [1, 2]. Afterwards, from the repository root:
#     python -m notebooks.mscourse.export
# regenerates the figures and the notebook's reference list.

[storyboard.story]
heading = "TODO: the storyboard's heading"

[[storyboard.story.step]]
id = "wrapped"
state = {{ myelinated = true }}
title = "TODO: first step"
caption = "TODO: what this step shows and why it matters [1]."

[[storyboard.story.step]]
id = "bare"
state = {{ myelinated = false }}
title = "TODO: second step"
caption = "TODO: what changed, in one or two sentences."

[quiz.self_check]
heading = "Self-check"

{questions}[[reference]]
n = 1
text = "TODO: Authors. Title. *Journal.* Year;volume:pages."
kind = "article"
'''


QUESTION = '''[[quiz.self_check.question]]
prompt = "TODO: question {number}"
[[quiz.self_check.question.option]]
text = "TODO: the right answer"
correct = true
feedback = "TODO: why it is right."
[[quiz.self_check.question.option]]
text = "TODO: a common misconception"
correct = false
feedback = "TODO: why it is wrong."

'''


def cell(kind, text, slide, tags=()):
    meta = {"slideshow": {"slide_type": slide}}
    if tags:
        meta["tags"] = list(tags)
    lines = text.split("\n")
    out = {"cell_type": kind, "id": "", "metadata": meta,
           "source": [line + "\n" for line in lines[:-1]] + [lines[-1]]}
    if kind == "code":
        out.update(execution_count=None, outputs=[])
    return out


def notebook_cells(n, title, site_name):
    from .currency import stamp

    return [
        cell("markdown", f"# Lesson {n}: {title}\n\n{stamp()}\n\n**In this lesson** TODO: two or three "
             "sentences on what the student will see and do.\n\n> **Teaching material, not medical "
             "advice.** This lesson explains the science of multiple sclerosis (MS). It cannot tell "
             "anyone whether a treatment is right for them: that decision belongs with the person's "
             "MS specialist.", "slide"),
        cell("markdown", "## Learning objectives\n\nBy the end of this lesson you will be able to:\n\n"
             "1. TODO;\n2. TODO.\n\n## Guiding questions\n\n- TODO?\n\n## Time and preparation\n\n"
             f"- **Estimated time:** 30 minutes.\n- **Before you start:** TODO. Words you meet here are "
             "explained in the [course glossary](glossary.md).", "subslide"),
        cell("markdown", "**For instructors** (students can skip): TODO: where to pause and what to ask.",
             "notes"),
        cell("markdown", "## Setup\n\nRun this cell first. It loads the lesson's helper code.", "slide"),
        cell("code", f"from mscourse.lessons import lesson{n} as lesson", "skip", tags=("setup",)),
        cell("markdown", "## 1. TODO: first section\n\nTODO: a few sentences of concept [1].\n\n"
             "**Interactive demo 1.1.** Predict first: TODO? Then press **Next**.", "slide"),
        cell("code", "lesson.story()", "-"),
        cell("markdown", "**In short:** TODO: what the diagram showed, for reading without running it.",
             "fragment"),
        cell("markdown", "**Think! 1.1** TODO?\n\n<details>\n<summary>Discussion</summary>\n\nTODO.\n"
             "</details>", "subslide"),
        cell("markdown", "> **Evidence check.** TODO: what is shown in people, what only in animals, "
             "what is disputed [1].", "subslide"),
        cell("markdown", "## 2. Self-check\n\nChoose an answer and press **Check**. The feedback explains "
             "why each option is right or wrong.", "slide"),
        cell("code", "lesson.self_check()", "-"),
        cell("markdown", "## Key points\n\n- TODO.\n- This is teaching material, not medical advice.\n\n"
             "## References\n\n\n\n## Next\n\nGo back to the course map in "
             "[Lesson 00: Start here](00_start_here.ipynb).\n\n*This is teaching material, not medical "
             "advice. Decisions about treatment belong with a person's MS specialist.*", "slide"),
    ]


GUIDE_SECTION = '''## Lesson {n}: {title}

[Open the lesson]({notebook}).

**Timing:** 30 minutes. TODO: how the time splits between the sections.

**Where to pause:** TODO.

**Discussion prompts:** TODO.

**Frequently argued points:** TODO.

**What the demos simplify:** TODO.

'''


def slug(title):
    return re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:40].rstrip("_")


def insert_row(text, section_heading, row, row_pattern=r"^\|"):
    """``text`` with ``row`` added after the last table row of the section ``section_heading``."""
    start = text.index(section_heading)
    end = text.find("\n## ", start + len(section_heading))
    end = len(text) if end < 0 else end
    lines = text[start:end].split("\n")
    last = max(i for i, line in enumerate(lines) if re.match(row_pattern, line))
    lines.insert(last + 1, row)
    return text[:start] + "\n".join(lines) + text[end:]


def edit_notebook(path, edit):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for c in nb["cells"]:
        if c["cell_type"] == "markdown":
            text = "".join(c["source"])
            new = edit(text)
            if new != text:
                lines = new.split("\n")
                c["source"] = [line + "\n" for line in lines[:-1]] + [lines[-1]]
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def create(n, title):
    if not re.fullmatch(r"\d\d", n):
        raise SystemExit(f"the lesson number is two digits, e.g. 09 (got {n!r})")
    existing = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    if any(p.name.startswith(n + "_") for p in existing):
        raise SystemExit(f"lesson {n} exists already")
    if int(n) != len(existing):
        raise SystemExit(f"the next lesson number is {len(existing):02d}")
    notebook = f"{n}_{slug(title)}.ipynb"
    previous = existing[-1]

    (PACKAGE / "lessons" / f"lesson{n}.py").write_text(MODULE.format(n=n, title=title), encoding="utf-8")
    (PACKAGE / "content" / f"lesson{n}.toml").write_text(CONTENT.format(n=n, title=title, questions="".join(
        QUESTION.format(number=i) for i in (1, 2, 3))), encoding="utf-8")
    cells = notebook_cells(n, title, notebook)
    for i, c in enumerate(cells):
        c["id"] = f"cell-{i:02d}"
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)",
                                                      "language": "python", "name": "python3"},
                                       "language_info": {"name": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    (NOTEBOOKS_DIR / notebook).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")

    # Link it into the course.
    edit_notebook(previous, lambda t: t.replace(
        "## Next\n\n", f"## Next\n\nContinue with [Lesson {n}: {title}]({notebook}).\n\n", 1)
        if "## Next\n\n" in t else t)
    edit_notebook(existing[0], lambda t: insert_row(
        t, "## 1. The course map", f"| {n} | [{title}]({notebook}) | TODO: what you will explore |")
        if "## 1. The course map" in t else t)
    readme = README.read_text(encoding="utf-8")
    README.write_text(insert_row(readme, "## The lessons",
                                 f"| {n} | [{title}](notebooks/{notebook}): TODO | TODO | draft |",
                                 r"^\| \d\d "), encoding="utf-8")
    guide = GUIDE.read_text(encoding="utf-8")
    guide = insert_row(guide, "## Course timing",
                       f"| [{n} {title}]({notebook}) | 30 minutes | TODO | TODO |", r"^\| \[\d\d ")
    last_section = max(m.start() for m in re.finditer(r"^## Lesson \d\d", guide, re.M))
    after = guide.find("\n## ", last_section + 1)
    after = len(guide) if after < 0 else after + 1
    guide = guide[:after] + GUIDE_SECTION.format(n=n, title=title, notebook=notebook) + guide[after:]
    GUIDE.write_text(guide, encoding="utf-8")

    from . import export

    export.main()
    print(f"created lesson {n}: notebooks/{notebook}, mscourse/lessons/lesson{n}.py, "
          f"mscourse/content/lesson{n}.toml and its instructor-guide section. "
          "Replace every TODO, then run the tests (see CONTRIBUTING.md).")
    return notebook


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit('usage: python -m notebooks.mscourse.new_lesson NN "Title of the lesson"')
    create(sys.argv[1], sys.argv[2])
