"""The course hangs together: every lesson on disk is in the course map, the Next
chain, the instructor guide's timing table and the README, and has a module, a
content file and a notebook. Each failure says what to add and where."""

import json
import re

import pytest

from conftest import NOTEBOOKS, NOTEBOOKS_DIR, ROOT
from mscourse.content import CONTENT_DIR
from mscourse.lessons import LESSONS

NUMBERS = [p.name[:2] for p in NOTEBOOKS]
GUIDE = NOTEBOOKS_DIR / "instructor_guide.md"
NEW_LESSON = "python -m notebooks.mscourse.new_lesson NN \"Title\""


def markdown(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def linked_rows(table_text):
    """(number, notebook) for each table row that starts with a lesson number and links a notebook."""
    return re.findall(r"^\|\s*\[?(\d\d)\b[^\n]*?\]\(((\d\d)_[a-z0-9_]+\.ipynb)\)", table_text, re.M)


def test_every_lesson_has_a_notebook_a_module_and_a_content_file():
    modules = [name[-2:] for name in LESSONS]
    contents = sorted(p.stem[-2:] for p in CONTENT_DIR.glob("lesson[0-9][0-9].toml"))
    for number in sorted(set(NUMBERS) | set(modules)):
        assert number in NUMBERS, f"lesson {number}: no notebook notebooks/{number}_<name>.ipynb ({NEW_LESSON} makes one)"
        assert number in modules, f"lesson {number}: no module notebooks/mscourse/lessons/lesson{number}.py"
        assert number in contents, f"lesson {number}: no content file notebooks/mscourse/content/lesson{number}.toml"
    assert NUMBERS == [f"{i:02d}" for i in range(len(NUMBERS))], f"lessons must be numbered 00, 01, ... without gaps: {NUMBERS}"


def test_lesson_00_course_map_lists_every_lesson_in_order():
    text = markdown(NOTEBOOKS[0]).split("## 1. The course map", 1)
    assert len(text) == 2, "lesson 00 needs its '## 1. The course map' section"
    section = text[1].split("\n## ", 1)[0]
    rows = [(n, nb) for n, nb, _ in linked_rows(section)]
    expected = [(p.name[:2], p.name) for p in NOTEBOOKS]
    assert rows == expected, (f"lesson 00's course map should have one row per lesson, in order, linking "
                              f"its notebook: expected {expected}, found {rows}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"lesson{p.name[:2]}")
def test_next_links_to_the_following_lesson(path):
    nxt = markdown(path).split("## Next", 1)
    assert len(nxt) == 2, f"{path.name}: add a '## Next' section at the end"
    links = re.findall(r"\]\(((?:\d\d)_[a-z0-9_]+\.ipynb)\)", nxt[1])
    index = NOTEBOOKS.index(path)
    expected = NOTEBOOKS[index + 1].name if index + 1 < len(NOTEBOOKS) else NOTEBOOKS[0].name
    assert links and links[0] == expected, \
        f"{path.name}: its 'Next' section should link first to {expected} (found {links[:1]})"


def test_instructor_guide_timing_table_matches_the_lessons():
    text = GUIDE.read_text(encoding="utf-8")
    table = text.split("## Course timing", 1)
    assert len(table) == 2, "notebooks/instructor_guide.md needs its '## Course timing' table"
    rows = linked_rows(table[1].split("\n## ", 1)[0])
    assert [nb for _, nb, _ in rows] == [p.name for p in NOTEBOOKS], \
        "the guide's 'Course timing' table needs one row per lesson, in order, linking its notebook"
    for number, notebook, _ in rows:
        row = next(line for line in table[1].splitlines() if f"]({notebook})" in line)
        stated = re.search(r"\*\*Estimated time:\*\*\s*([^.\n]+)", markdown(NOTEBOOKS_DIR / notebook))
        assert stated, f"{notebook}: add '**Estimated time:** N minutes' to its 'Time and preparation'"
        estimate = row.split("|")[2]
        headline = re.split(r"[:;(,]", stated.group(1))[0]  # "about 50 minutes: 5 for ..." -> the total
        assert set(re.findall(r"\d+", headline)) == set(re.findall(r"\d+", estimate)), \
            f"guide timing row for {notebook} says {estimate.strip()!r}; the notebook says {stated.group(1)!r}"


def test_readme_lesson_table_lists_every_lesson_in_order():
    text = (ROOT / "README.md").read_text(encoding="utf-8").split("## The lessons", 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"\]\(notebooks/(\d\d_[a-z0-9_]+\.ipynb)\)", text)
    assert found == [p.name for p in NOTEBOOKS], \
        "README.md 'The lessons' table needs one row per lesson, in order, linking notebooks/NN_<name>.ipynb"


def test_lesson_00_course_map_uses_each_lessons_title():
    section = markdown(NOTEBOOKS[0]).split("## 1. The course map", 1)[1].split("\n## ", 1)[0]
    for title, notebook in re.findall(r"^\|\s*\d\d\s*\|\s*\[([^\]]+)\]\((\d\d_[a-z0-9_]+\.ipynb)\)", section, re.M):
        heading = markdown(NOTEBOOKS_DIR / notebook).split("\n", 1)[0]
        assert heading == f"# Lesson {notebook[:2]}: {title}", \
            f"lesson 00's course map calls {notebook} {title!r}, but its title is {heading!r}: make them match"
