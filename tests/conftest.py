"""Shared test setup: import the helper package from notebooks/, as the lessons do.

The test loop's rules (quick run, ``--full``, ``-k lessonNN``, each notebook run
once) live in ``course_plugin.py``, which pytest.ini loads for every run.
"""

import os
import pathlib
import shutil
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS_DIR = ROOT / "notebooks"
sys.path.insert(0, str(NOTEBOOKS_DIR))

NOTEBOOKS = sorted(p for p in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))


def chromium_path():
    """Debian's Chromium (or MSCOURSE_CHROMIUM): the browser tests never download one."""
    for candidate in (os.environ.get("MSCOURSE_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and pathlib.Path(candidate).exists():
            return candidate
    return None


# ------------------------------------------------------------ figures, rendered once per run

@pytest.fixture(scope="session")
def rendered_figures():
    """{file name: bytes} of every file figures/ should hold, rendered once per run."""
    from mscourse.export import expected_files

    return expected_files()
