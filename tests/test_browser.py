"""Every lesson in a real browser: JupyterLab + headless Chromium, driven by Playwright.

The kernel-side tests prove the Python runs. This test proves what a student
sees: widgets render (no "Error displaying widget"), respond to clicks and to
the keyboard, show the state that matches the step, and quizzes answer.

Needs Debian's ``chromium`` (or MSCOURSE_CHROMIUM=/path/to/chromium) and the
``playwright`` package from requirements-test.txt; it never downloads a
browser. Without them it skips, saying how to enable it; under CI (CI=true)
it fails instead. Screenshots go to build/screenshots/.
"""

import contextlib
import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import pathlib

import pytest

from conftest import NOTEBOOKS, NOTEBOOKS_DIR, ROOT
from mscourse.lessons import load
from mscourse.widgets import Step

pytestmark = pytest.mark.browser  # Chromium: deselected in the quick run, see conftest.py

SCREENSHOTS = ROOT / "build" / "screenshots"
HOW_TO_ENABLE = ("install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) and the test "
                 "tools (`pip install -r requirements-test.txt`), or set MSCOURSE_CHROMIUM to a "
                 "Chromium binary")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDGET_CLASSES = ".mscourse-storyboard, .mscourse-explorer, .mscourse-quiz, .mscourse-figure, .mscourse-glossary"


def chromium_path():
    for candidate in (os.environ.get("MSCOURSE_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and pathlib.Path(candidate).exists():
            return candidate
    return None


def require_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "the playwright package"
    else:
        missing = None if chromium_path() else "Chromium"
    if missing:
        message = f"browser test needs {missing}: {HOW_TO_ENABLE}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the browser test, not skip it)")
        pytest.skip(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lab_settings(folder):
    """Private JupyterLab settings: no news fetch, every cell rendered (no windowing)."""
    settings = {
        ("apputils-extension", "notification"): {"fetchNews": "false", "checkForUpdates": False},
        ("notebook-extension", "tracker"): {"windowingMode": "none"},
    }
    for (package, plugin), values in settings.items():
        target = folder / "@jupyterlab" / package
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{plugin}.jupyterlab-settings").write_text(json.dumps(values))


@contextlib.contextmanager
def running_lab(extra_env=None):
    """A private JupyterLab on 127.0.0.1 and headless Chromium, torn down after."""
    require_browser()
    port, token = free_port(), "mscourse-test"
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="mscourse-lab-"))
    lab_settings(scratch / "settings")
    # Run from a scratch copy so the test never saves into the real notebooks.
    work = scratch / "notebooks"
    shutil.copytree(NOTEBOOKS_DIR, work, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(scratch / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(scratch / "workspaces"), **(extra_env or {}))
    log = open(scratch / "server.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
         "--LabApp.news_url=", "--ServerApp.open_browser=False"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 90
        while True:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited: {(scratch / 'server.log').read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), 0.5).close()
                break
            except OSError:
                if time.time() > deadline:
                    pytest.fail("JupyterLab did not start within 90 s")
                time.sleep(0.3)
        yield {"url": f"http://127.0.0.1:{port}", "token": token}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def lab(browser):
    with running_lab() as session:
        yield {**session, "browser": browser}


@pytest.fixture(scope="module")
def presenting_lab(browser):
    # MSCOURSE_PRESENTER=1 reaches every kernel the server starts: the README's way to present.
    with running_lab({"MSCOURSE_PRESENTER": "1"}) as session:
        yield {**session, "browser": browser}


def text_of(fragment):
    """Visible text of an HTML fragment, whitespace folded (as the browser shows it)."""
    plain = html.unescape(re.sub(r"<[^>]+>", "", fragment))
    return " ".join(plain.split())


def expected_steps(notebook):
    """For each step title: the caption and the description the browser must show."""
    module = load("lesson" + notebook.name[:2])
    scene_for = {type(spec.state): spec.scene for spec in module.FIGURES}
    steps = {}
    for value in vars(module).values():
        if isinstance(value, tuple) and value and all(isinstance(s, Step) for s in value):
            for step in value:
                scene = scene_for[type(step.state)]
                steps[text_of(step.title)] = (text_of(step.caption), scene.describe(step.state))
    return steps


def shut_down_kernels(page, lab):
    """Stop every kernel the server runs, so one lesson's kernel never slows the next."""
    api = f"{lab['url']}/api/sessions?token={lab['token']}"
    for session in page.request.get(api).json():
        page.request.delete(f"{lab['url']}/api/sessions/{session['id']}?token={lab['token']}")


def open_and_run(page, lab, notebook):
    shut_down_kernels(page, lab)
    # ?reset: a fresh workspace, so no tab from an earlier lesson is restored.
    page.goto(f"{lab['url']}/lab/tree/{notebook.name}?reset&token={lab['token']}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
    page.wait_for_selector("#jp-main-statusbar >> text=Idle", timeout=90_000)
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    code_cells = sum(1 for c in json.loads(notebook.read_text())["cells"] if c["cell_type"] == "code")
    # Every code cell has its execution number and the kernel is idle again.
    page.wait_for_function(
        """n => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
                .filter(p => /\\[\\d+\\]/.test(p.textContent)).length === n""",
        arg=code_cells, timeout=120_000)
    page.wait_for_selector("#jp-main-statusbar >> text=Idle", timeout=60_000)
    page.wait_for_timeout(500)  # let the widget views finish mounting
    return code_cells


def assert_no_errors(page):
    body = page.inner_text(".jp-Notebook")
    assert "Error displaying widget" not in body
    assert "Failed to create view" not in body
    assert "Traceback" not in body
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0


def step_state(board):
    title = board.locator(".widget-html h4").first.inner_text()
    caption = board.locator(".mscourse-caption").inner_text()
    description = board.locator(".mscourse-description").inner_text()
    image = board.locator("img").first.get_attribute("src")
    match = re.search(r"Step (\d+) of (\d+): (.+)$", " ".join(title.split()))
    return int(match.group(1)), int(match.group(2)), match.group(3), " ".join(caption.split()), \
        " ".join(description.split()), image


def wait_for_step(board, number, expected, timeout=15.0):
    """Wait until the board shows step ``number`` with ITS caption and diagram.

    Title, caption, picture and description arrive as separate widget
    updates, so poll until all agree; a stale frame never does, and fails.
    """
    deadline = time.time() + timeout
    while True:
        try:
            shown, total, title, caption, description, image = step_state(board)
        except AttributeError:  # title not rendered yet
            shown = None
        if shown == number:
            want_caption, want_description = expected[title]
            if caption == want_caption and description == "What the diagram shows: " + want_description:
                return total, image
        if time.time() > deadline:
            raise AssertionError(
                f"expected step {number} with its own caption and diagram; the page shows step "
                f"{shown}: {caption!r} / {description!r}")
        time.sleep(0.1)


def drive_storyboard(page, board, expected):
    board.scroll_into_view_if_needed()
    total, image = wait_for_step(board, 1, expected)
    assert total >= 2
    buttons = {name: board.locator(f"button:has-text('{name}')") for name in ("Previous", "Next", "Reset")}
    assert buttons["Previous"].is_disabled()
    # Click Next: step 2 with a new picture and its own caption and description.
    buttons["Next"].click()
    _, image2 = wait_for_step(board, 2, expected)
    assert image2 != image, "the diagram did not change"
    # Keyboard: Enter and Space press a focused button.
    buttons["Reset"].click()
    wait_for_step(board, 1, expected)
    buttons["Next"].focus()
    page.keyboard.press("Enter")
    wait_for_step(board, 2, expected)
    if total >= 3:
        page.keyboard.press("Space")
        wait_for_step(board, 3, expected)
    buttons["Previous"].focus()
    page.keyboard.press("Enter")
    wait_for_step(board, 2 if total >= 3 else 1, expected)
    # Tab order: Previous, then Next.
    buttons["Previous"].focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Next"
    # The step slider moves with the arrow keys and End.
    buttons["Reset"].click()
    wait_for_step(board, 1, expected)
    board.locator(".noUi-handle, .slider-container [role='slider']").first.focus()
    page.keyboard.press("ArrowRight")
    wait_for_step(board, 2, expected)
    page.keyboard.press("End")
    wait_for_step(board, total, expected)
    assert buttons["Next"].is_disabled()
    buttons["Reset"].click()
    wait_for_step(board, 1, expected)


def tab_to(page, text, presses=12):
    """Press Tab until the focused element's text is ``text`` (fails if never)."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").strip() == text:
            return
    raise AssertionError(f"{text!r} is not reachable with Tab")


def verdicts(question):
    return question.locator(".mscourse-feedback").inner_text()


def assert_options_do_not_overlap(question):
    """Long answers must wrap, not spill over the next option and hide its button."""
    boxes = question.locator(".widget-radio-box label, .widget-checkbox").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; })")
    for (top_a, bottom_a), (top_b, _) in zip(boxes, boxes[1:]):
        assert bottom_a <= top_b + 1, f"quiz options overlap: {boxes}"


def drive_question(page, question):
    assert_options_do_not_overlap(question)
    check = question.locator("button:has-text('Check')")
    check.click()
    question.locator(".mscourse-feedback:has-text('Choose an answer first')").wait_for(timeout=10_000)
    radios = question.locator("input[type='radio']")
    boxes = question.locator("input[type='checkbox']")
    if radios.count():
        verdict_texts = []
        for i in range(radios.count()):
            radios.nth(i).check()
            check.click()
            label = " ".join(question.locator(".widget-radio-box label").nth(i).inner_text().split())[:30]
            page.wait_for_function(
                "([el, label]) => el.innerText.replace(/\\s+/g, ' ').includes('You chose “' + label)",
                arg=[question.locator(".mscourse-feedback").element_handle(), label], timeout=10_000)
            verdict_texts.append(verdicts(question))
        right = [v for v in verdict_texts if "✔ Correct." in v]
        wrong = [v for v in verdict_texts if "✘ Not quite." in v]
        assert len(right) == 1 and len(wrong) == len(verdict_texts) - 1, verdict_texts
        # Keyboard: Tab moves to the next option, Space chooses it, Tab reaches
        # Check and Space presses it. (ipywidgets radios are separate tab stops,
        # so arrow keys do not move between them: the lessons say Tab + Space.)
        radios.nth(0).focus()
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        assert radios.nth(1).is_checked()
        tab_to(page, "Check")
        page.keyboard.press("Space")
        label = " ".join(question.locator(".widget-radio-box label").nth(1).inner_text().split())[:30]
        page.wait_for_function(
            "([el, label]) => el.innerText.replace(/\\s+/g, ' ').includes('You chose “' + label)",
            arg=[question.locator(".mscourse-feedback").element_handle(), label], timeout=10_000)
    else:
        for i in range(boxes.count()):
            boxes.nth(i).check()
        check.click()
        question.locator(".mscourse-feedback:has-text('You chose')").wait_for(timeout=10_000)
        for i in range(boxes.count()):
            boxes.nth(i).uncheck()
        boxes.nth(0).focus()
        page.keyboard.press("Space")
        assert boxes.nth(0).is_checked()
        tab_to(page, "Check")
        page.keyboard.press("Enter")
        question.locator(".mscourse-feedback:has-text('You chose')").wait_for(timeout=10_000)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_in_the_browser(lab, notebook):
    page = lab["browser"].new_page(viewport={"width": 1280, "height": 1000})
    try:
        code_cells = open_and_run(page, lab, notebook)
        assert_no_errors(page)
        # Positive check: every call cell shows exactly one course widget or figure.
        outputs = page.locator(".jp-CodeCell .jp-OutputArea")
        shown = page.locator(WIDGET_CLASSES)
        assert shown.count() == code_cells - 1, "each lesson call should show one widget or figure"
        for i in range(shown.count()):
            kind = shown.nth(i).get_attribute("class")
            if "storyboard" in kind or "explorer" in kind:
                assert shown.nth(i).locator("img.mscourse-diagram").count() == 1, "diagram missing"
            elif "figure" in kind:
                assert shown.nth(i).locator("img").count() == 1
        page.wait_for_function(
            "() => [...document.querySelectorAll('.mscourse-storyboard img, .mscourse-explorer img,"
            " .mscourse-figure img')].every(i => i.complete && i.naturalWidth > 0)"
            " && document.querySelectorAll('img.mscourse-diagram').length ==="
            " document.querySelectorAll('.mscourse-storyboard, .mscourse-explorer').length", timeout=20_000)
        assert outputs.count() >= code_cells - 1

        expected = expected_steps(notebook)
        boards = page.locator(".mscourse-storyboard")
        for i in range(boards.count()):
            drive_storyboard(page, boards.nth(i), expected)
        explorers = page.locator(".mscourse-explorer")
        for i in range(explorers.count()):
            explorer = explorers.nth(i)
            explorer.scroll_into_view_if_needed()
            before = explorer.locator(".mscourse-description").inner_text()
            explorer.locator("button:has-text('Reset')").click()
            assert explorer.locator(".mscourse-description").inner_text() == before
        questions = page.locator(".mscourse-question")
        assert questions.count() >= 3
        for i in range(questions.count()):
            questions.nth(i).scroll_into_view_if_needed()
            drive_question(page, questions.nth(i))
        assert_no_errors(page)

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        first = page.locator(".mscourse-storyboard, .mscourse-explorer").first
        first.scroll_into_view_if_needed()
        page.evaluate("el => el.scrollIntoView({block: 'start'})", first.element_handle())
        page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}.png"))
    finally:
        page.close()


def test_presenting_live_on_a_projector(presenting_lab, lab):
    """Presenter style + JupyterLab presentation mode at projector size: widgets stay live."""
    notebook = next(p for p in NOTEBOOKS if p.name.startswith("01_"))
    page = presenting_lab["browser"].new_page(viewport={"width": 1920, "height": 1080})
    try:
        open_and_run(page, presenting_lab, notebook)
        page.keyboard.press("Control+Shift+C")
        page.keyboard.type("Presentation Mode")
        page.keyboard.press("Enter")
        page.wait_for_selector("body[data-jp-presentation-mode='true'], .jp-mod-presentationMode",
                               timeout=10_000)
        assert_no_errors(page)
        board = page.locator(".mscourse-storyboard").first
        board.scroll_into_view_if_needed()
        page.evaluate("el => el.scrollIntoView({block: 'start'})", board.element_handle())
        width = board.locator("img.mscourse-diagram").evaluate("i => i.naturalWidth")
        expected = expected_steps(notebook)
        total, _ = wait_for_step(board, 1, expected)
        board.locator("button:has-text('Next')").click()
        wait_for_step(board, 2, expected)
        caption_size = board.locator(".mscourse-caption p").evaluate(
            "p => parseFloat(getComputedStyle(p).fontSize)")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "presenting-01_healthy_myelin.png"))
    finally:
        page.close()
    # The same diagram without the presenter style is smaller, picture and text alike.
    normal = lab["browser"].new_page(viewport={"width": 1920, "height": 1080})
    try:
        open_and_run(normal, lab, notebook)
        board = normal.locator(".mscourse-storyboard").first
        normal_width = board.locator("img.mscourse-diagram").evaluate("i => i.naturalWidth")
        normal_size = board.locator(".mscourse-caption p").evaluate(
            "p => parseFloat(getComputedStyle(p).fontSize)")
    finally:
        normal.close()
    assert width > 1.3 * normal_width, (width, normal_width)
    assert caption_size > 1.3 * normal_size, (caption_size, normal_size)
