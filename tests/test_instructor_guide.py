"""The instructor guide covers every lesson with what a teacher needs in class."""

import re

from conftest import NOTEBOOKS, ROOT

GUIDE = ROOT / "notebooks" / "instructor_guide.md"
PARTS = ["Timing", "Where to pause", "Discussion prompts", "Frequently argued", "What the demos simplify"]


def sections():
    text = GUIDE.read_text(encoding="utf-8")
    found = {}
    for block in re.split(r"\n(?=## )", text):
        m = re.match(r"## Lesson (\d\d)", block)
        if m:
            found[m.group(1)] = block
    return text, found


def test_guide_has_a_section_for_every_lesson():
    _, found = sections()
    missing = sorted({p.name[:2] for p in NOTEBOOKS} - set(found))
    extra = sorted(set(found) - {p.name[:2] for p in NOTEBOOKS})
    assert not missing, f"notebooks/instructor_guide.md: add a '## Lesson NN: title' section for {missing}"
    assert not extra, f"notebooks/instructor_guide.md has sections for lessons not on disk: {extra}"


def test_each_lesson_section_has_what_a_teacher_needs():
    _, found = sections()
    for number, block in found.items():
        for part in PARTS:
            assert f"**{part}" in block, \
                f"instructor_guide.md, '## Lesson {number}': add a paragraph starting '**{part}'"
        assert re.search(rf"\]\({number}_[a-z_]+\.ipynb\)", block), f"lesson {number}: no link to it"


def test_guide_explains_presenting_live_and_is_linked_from_readme():
    text, _ = sections()
    assert "MSCOURSE_PRESENTER=1" in text and "Presentation Mode" in text
    assert "notebooks/instructor_guide.md" in (ROOT / "README.md").read_text()
