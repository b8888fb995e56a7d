"""A lesson made by the scaffold passes the tests as generated (in a copy of the repository)."""

import shutil
import subprocess
import sys

import pytest

from conftest import NOTEBOOKS, ROOT


@pytest.mark.slow
def test_scaffolded_lesson_passes_the_tests_first_time(tmp_path):
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, text=True,
                           capture_output=True, check=True).stdout.split()
    copy = tmp_path / "course"
    for name in files:
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    number = f"{len(NOTEBOOKS):02d}"
    made = subprocess.run([sys.executable, "-m", "notebooks.mscourse.new_lesson", number, "A trial lesson"],
                          cwd=copy, text=True, capture_output=True)
    assert made.returncode == 0, made.stdout + made.stderr
    assert (copy / "notebooks" / f"{number}_a_trial_lesson.ipynb").exists()
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x",
         "-k", f"lesson{number} or course_map or figures or instructor_guide or repository or content"],
        cwd=copy, text=True, capture_output=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert tests.returncode == 0, tests.stdout[-4000:] + tests.stderr[-2000:]
