"""When the course's evidence was last checked: one place for the whole course.

Every lesson shows this under its title and beside its references; the
export command writes it into the notebooks and the tests check it is there.
Change it only after re-checking the lessons' claims (see the instructor
guide, "Before you teach: checking the evidence").
"""

EVIDENCE_CHECKED = "December 2026"
SOURCES_TO = "mid-2026"
STAMP_PREFIX = "*Evidence last checked:"


def stamp():
    return f"{STAMP_PREFIX} {EVIDENCE_CHECKED}, sources to {SOURCES_TO}.*"


def stamp_markdown(title_cell):
    """``title_cell`` (a lesson's first Markdown cell) with the stamp under its H1 title."""
    lines = title_cell.split("\n")
    lines = [line for line in lines if not line.startswith(STAMP_PREFIX)]
    while len(lines) > 1 and lines[1] == "" and len(lines) > 2 and lines[2] == "":
        del lines[1]
    return "\n".join([lines[0], "", stamp()] + lines[1:])
