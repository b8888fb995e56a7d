"""The course on a real JupyterHub, as a class uses it (slow: marked ``hub``).

JupyterHub (PyPI) and configurable-http-proxy (npm) run on 127.0.0.1 from
hub/jupyterhub_config.py; students arrive through an nbgitpuller link whose
source is a local bare git clone of this repository (file://), so nothing
here needs a service outside the machine. The first run builds build/hub-venv
(requirements.txt + requirements-hub.txt) and build/hub-proxy (`npm ci`);
later runs reuse them.

Needs node and npm, git, Debian's Chromium and Playwright. Without them the
tests skip and say what is missing; under CI (CI=true) they fail instead.
"""

import asyncio
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hub"))
import classhub  # noqa: E402
import student as students  # noqa: E402

pytestmark = pytest.mark.hub
LESSON_01 = "01_healthy_myelin.ipynb"


def skip_or_fail(message):
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must run the hub tests, not skip them)")
    pytest.skip(message)


@pytest.fixture(scope="module")
def hub_environment():
    if not shutil.which("node"):
        skip_or_fail("the hub tests need Node.js for configurable-http-proxy: "
                     "install it (Debian/Ubuntu: `sudo apt-get install nodejs npm`)")
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        skip_or_fail("the hub tests need the playwright package (`pip install -r requirements-test.txt`)")
    if not students.chromium_path():
        skip_or_fail("the hub tests need Chromium (`sudo apt-get install chromium`, "
                     "or set MSCOURSE_CHROMIUM to a Chromium binary)")
    try:
        return classhub.ensure_environment()
    except classhub.Missing as missing:
        skip_or_fail(str(missing))


def in_browser(coroutine_function, *args):
    """Run ``coroutine_function(browser, *args)`` with a fresh headless Chromium."""
    from playwright.async_api import async_playwright

    async def main():
        async with async_playwright() as playwright:
            browser = await students.launch(playwright)
            try:
                return await coroutine_function(browser, *args)
            finally:
                await browser.close()

    return asyncio.run(main())


@pytest.fixture(scope="module")
def hub(hub_environment, tmp_path_factory):
    """One hub shared by the tests below (the smoke test starts its own)."""
    running = classhub.ClassHub(tmp_path_factory.mktemp("hub")).start()
    yield running
    assert running.stop() == []


@pytest.mark.browser
def test_two_students_reach_lesson_01_through_nbgitpuller_and_the_hub_stops_cleanly(hub_environment, tmp_path):
    hub = classhub.ClassHub(tmp_path).start()
    names = ("ada", "ben")

    async def lesson(browser):
        class_ = [await students.Student(browser, hub, name, classhub.PASSWORD).open() for name in names]
        link = hub.link(notebook=LESSON_01)
        await asyncio.gather(*(s.sign_in_through(link, timeout=120_000) for s in class_))
        for s in class_:
            assert s.page.url.endswith(f"/user/{s.name}/lab/tree/mscourse/notebooks/{LESSON_01}"), s.page.url
        await asyncio.gather(*(s.run_all(timeout=120_000) for s in class_))
        for s in class_:
            assert await s.errors_shown() == []
            # Next on the first storyboard paints a new diagram (the latency is measured in the page).
            boards = s.page.locator(students.SELECTORS["storyboard"])
            assert await boards.count() >= 1
            handle = await boards.first.element_handle()
            latency = await s.page.evaluate(students.STEP_AND_TIME_JS,
                                            [handle, students.SELECTORS["diagram"], students.NEXT_BUTTON_TEXT])
            assert latency > 0, "Next did not change the diagram"
            assert "Step 2 of" in students.clean(await boards.first.text_content())

    try:
        in_browser(lesson)
        for name in names:  # nbgitpuller put the course in each student's own home folder
            assert (tmp_path / "home" / name / "mscourse" / "notebooks" / LESSON_01).exists()
        running = hub.processes()
        users = {p.environ().get("JUPYTERHUB_USER") for p in running}
        kernels = [p for p in running if "ipykernel_launcher" in " ".join(p.cmdline())]
        assert set(names) <= users and len(kernels) >= 2, "each student should have a server and a kernel"
    finally:
        leftovers = hub.stop()
    assert leftovers == [], f"still running after the hub stopped: {[p.cmdline() for p in leftovers]}"
    assert hub.process.returncode == 0, hub.log()[-2000:]
    assert "Traceback" not in hub.log(), hub.log()[-3000:]


@pytest.mark.browser
def test_a_bad_nbgitpuller_link_tells_the_student_what_is_wrong(hub):
    async def follow(browser):
        shown = {}
        for name, link in (("wrongbranch", hub.link(branch="no-such-branch")),
                           ("wrongpath", hub.link(notebook="99_no_such_lesson.ipynb"))):
            s = await students.Student(browser, hub, name, classhub.PASSWORD).open()
            await s.page.goto(link)
            await s.page.fill(students.SELECTORS["username"], s.name)
            await s.page.fill(students.SELECTORS["password"], classhub.PASSWORD)
            await s.page.click(students.SELECTORS["login"])
            expected = {"wrongbranch": "Branch does not exist",
                        "wrongpath": "Could not find path"}[name]
            await s.page.get_by_text(expected).first.wait_for(timeout=90_000)
            shown[name] = students.clean(await s.page_text())
        return shown

    shown = in_browser(follow)
    # nbgitpuller names the branch, says the link is at fault and offers to go on without syncing.
    assert "incorrect branch name, no-such-branch" in shown["wrongbranch"], shown["wrongbranch"]
    assert "Proceed without syncing" in shown["wrongbranch"]
    # The course arrived, but the lesson named in the link is not in it: JupyterLab says which path.
    assert "Could not find path: mscourse/notebooks/99_no_such_lesson.ipynb" in shown["wrongpath"], shown["wrongpath"]


def edit_notebook(path, change):
    """Edit a notebook as JupyterLab saves it (nbformat's JSON layout, so the git diff stays small)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    change(notebook["cells"])
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.browser
def test_a_students_edits_survive_pulling_the_course_again(hub, tmp_path):
    name, lesson = "cleo", "00_start_here.ipynb"
    link = hub.link(notebook=lesson)

    async def follow_link(browser):
        s = await students.Student(browser, hub, name, classhub.PASSWORD).open()
        await s.sign_in_through(link, timeout=120_000)
        return s.page.url

    in_browser(follow_link)
    mine = hub.run_dir / "home" / name / "mscourse" / "notebooks" / lesson
    assert mine.exists()

    # The student writes notes: a new cell at the end, and a changed first line.
    def student_edits(cells):
        cells[0]["source"][0] = "# Lesson 00: Start here (my annotated copy)\n"
        cells.append({"cell_type": "markdown", "id": "my-notes", "metadata": {},
                      "source": ["My notes: myelin speeds up the signal."]})

    edit_notebook(mine, student_edits)
    (mine.parent / "my_questions.md").write_text("Why do nodes of Ranvier matter?\n")

    # Meanwhile the instructor changes the same first line, another cell, and another file.
    upstream = tmp_path / "instructor"
    git("clone", "-q", str(hub.remote), str(upstream), cwd=tmp_path)
    theirs = upstream / "notebooks" / lesson

    def instructor_edits(cells):
        cells[0]["source"][0] = "# Lesson 00: Start here (revised)\n"
        cells[5]["source"][0] = "## 1. The course map (updated for this term)\n"

    edit_notebook(theirs, instructor_edits)
    with open(upstream / "notebooks" / "glossary.md", "a", encoding="utf-8") as glossary:
        glossary.write("\nA line the instructor added.\n")
    git("-c", "user.name=Instructor", "-c", "user.email=instructor@example.org",
        "commit", "-qam", "Revise lesson 00", cwd=upstream)
    git("push", "-q", "origin", "HEAD:main", cwd=upstream)

    # The student clicks the same link again.
    in_browser(follow_link)
    cells = json.loads(mine.read_text(encoding="utf-8"))["cells"]
    # Their own edits are kept, even where the instructor changed the same line ...
    assert cells[0]["source"][0] == "# Lesson 00: Start here (my annotated copy)\n"
    assert cells[-1]["source"] == ["My notes: myelin speeds up the signal."]
    assert (mine.parent / "my_questions.md").read_text() == "Why do nodes of Ranvier matter?\n"
    # ... and every other change from the instructor arrives.
    assert cells[5]["source"][0] == "## 1. The course map (updated for this term)\n"
    assert (mine.parent / "glossary.md").read_text(encoding="utf-8").endswith("A line the instructor added.\n")
