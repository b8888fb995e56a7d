"""Every lesson in a real browser: JupyterLab + headless Chromium, driven by Playwright.

The kernel-side tests prove the Python runs. This test proves what a student
sees with the course's own front end (notebooks/mscourse/web): widgets render,
respond to clicks and to the keyboard (focus stays where it was), show exactly
the frame of the step (a stale frame fails), carry alt text and a linked
description, quizzes answer (arrow keys within a radio group), axe-core finds
no WCAG 2.1 A/AA violation in the lesson's content, and storyboards keep
stepping with the kernel shut down. Every test here carries the ``browser``
marker.

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

from conftest import chromium_path, NOTEBOOKS, NOTEBOOKS_DIR, ROOT
from mscourse.lessons import load
from mscourse.scene import Renderer
from mscourse.widgets import Step, data_url

pytestmark = pytest.mark.browser  # Chromium: deselected in the quick run, see conftest.py

SCREENSHOTS = ROOT / "build" / "screenshots"
HOW_TO_ENABLE = ("install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) and the test "
                 "tools (`pip install -r requirements-test.txt`), or set MSCOURSE_CHROMIUM to a "
                 "Chromium binary")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDGET_CLASSES = ".mscourse-storyboard, .mscourse-explorer, .mscourse-quiz, .mscourse-figure, .mscourse-glossary"
pytestmark = pytest.mark.browser  # the default run skips these; .ci/run turns them on


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


def lab_settings(folder, windowing="none"):
    """Private JupyterLab settings: no news fetch; by default every cell rendered (no
    windowing), so a test finds every widget. The benchmark passes JupyterLab's own
    default ("contentVisibility"), what a student gets."""
    settings = {
        ("apputils-extension", "notification"): {"fetchNews": "false", "checkForUpdates": False},
        ("notebook-extension", "tracker"): {"windowingMode": windowing},
    }
    for (package, plugin), values in settings.items():
        target = folder / "@jupyterlab" / package
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{plugin}.jupyterlab-settings").write_text(json.dumps(values))


@contextlib.contextmanager
def running_lab(extra_env=None, notebooks_dir=None, windowing="none"):
    """A private JupyterLab on 127.0.0.1, torn down after (``runtime`` holds kernel connection files)."""
    require_browser()
    port, token = free_port(), "mscourse-test"
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="mscourse-lab-"))
    lab_settings(scratch / "settings", windowing)
    # Run from a scratch copy so the test never saves into the real notebooks.
    work = scratch / "notebooks"
    shutil.copytree(notebooks_dir or NOTEBOOKS_DIR, work, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(scratch / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(scratch / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(scratch / "runtime"), **(extra_env or {}))
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
        yield {"url": f"http://127.0.0.1:{port}", "token": token, "runtime": scratch / "runtime"}
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
    """For each step title: the caption, the description and the images the browser may
    show (the render of that step's state by each of the lesson's scenes for its type)."""
    module = load("lesson" + notebook.name[:2])
    scenes_for = {}
    for spec in module.FIGURES:
        scenes_for.setdefault(type(spec.state), []).append(spec.scene)
    renderers = {}
    steps = {}
    for value in vars(module).values():
        if isinstance(value, tuple) and value and all(isinstance(s, Step) for s in value):
            for step in value:
                scenes = scenes_for[type(step.state)]
                images = {data_url(renderers.setdefault(scene.name, Renderer(scene)).png(step.state))
                          for scene in scenes}
                steps[text_of(step.title)] = (text_of(step.caption), scenes[0].describe(step.state), images)
    return steps


def shut_down_kernels(page, lab):
    """Stop every kernel the server runs, so one lesson's kernel never slows the next."""
    api = f"{lab['url']}/api/sessions?token={lab['token']}"
    for session in page.request.get(api).json():
        page.request.delete(f"{lab['url']}/api/sessions/{session['id']}?token={lab['token']}")


def open_and_run(page, lab, notebook, before_run=None):
    """Open a lesson in a fresh workspace and kernel, run all cells, wait until idle and
    until every storyboard holds all its frames.

    ``before_run`` is called once the kernel is idle, before Run All (the benchmark
    uses it to start timing inside the kernel)."""
    shut_down_kernels(page, lab)
    # ?reset: a fresh workspace, so no tab from an earlier lesson is restored.
    page.goto(f"{lab['url']}/lab/tree/{notebook.name}?reset&token={lab['token']}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
    page.wait_for_selector("#jp-main-statusbar >> text=Idle", timeout=90_000)
    if before_run:
        before_run()
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    code_cells = sum(1 for c in json.loads(notebook.read_text())["cells"] if c["cell_type"] == "code")
    # Every code cell has its execution number and the kernel is idle again.
    page.wait_for_function(
        """n => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
                .filter(p => /\\[\\d+\\]/.test(p.textContent)).length === n""",
        arg=code_cells, timeout=120_000)
    page.wait_for_selector("#jp-main-statusbar >> text=Idle", timeout=60_000)
    # Every widget mounted, every storyboard holding every frame (sent after the cells ran).
    page.wait_for_function(
        """([n, kinds]) => document.querySelectorAll(kinds).length >= n - 1
               && [...document.querySelectorAll('.mscourse-storyboard')]
                  .every(b => !b.dataset || b.dataset.framesPending === undefined
                              || b.dataset.framesPending === '0')""",
        arg=[code_cells, WIDGET_CLASSES], timeout=120_000)
    return code_cells


def assert_no_errors(page):
    body = page.inner_text(".jp-Notebook")
    assert "Error displaying widget" not in body
    assert "Failed to create view" not in body
    assert "Traceback" not in body
    assert "lost its connection" not in body
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0


def focused(page):
    """(text, tag, class) of the focused element: focus must never fall back to the page."""
    return page.evaluate("""() => { const e = document.activeElement;
        return [e.textContent.trim(), e.tagName, e.className]; }""")


def step_state(board):
    status = " ".join(board.locator(".mscourse-status").inner_text().split())
    caption = " ".join(board.locator(".mscourse-caption").inner_text().split())
    image = board.locator("img.mscourse-diagram:not([hidden])")
    described = board.locator("#" + image.get_attribute("aria-describedby"))
    description = " ".join(described.inner_text().split())
    match = re.fullmatch(r"Step (\d+) of (\d+): (.+)", status)
    return (int(match.group(1)), int(match.group(2)), match.group(3), caption, description,
            image.get_attribute("src"), image.get_attribute("alt"))


def wait_for_step(board, number, expected, timeout=15.0):
    """Wait until the board shows step ``number`` with ITS caption, description, alt
    text and picture (the very image the kernel renders for that step); a stale frame
    never does, and fails."""
    deadline = time.time() + timeout
    while True:
        shown = step_state(board)
        number_shown, total, title, caption, description, image, alt = shown
        if number_shown == number:
            want_caption, want_description, want_image = expected[title]
            if (caption == want_caption and description == "What the diagram shows: " + want_description
                    and image in want_image):
                assert alt and alt.endswith(f"step {number} of {total}: {title}"), f"alt text: {alt!r}"
                assert board.locator(".mscourse-step-list").input_value() == str(number - 1)
                return total, image
        if time.time() > deadline:
            raise AssertionError(
                f"expected step {number} with its own caption, description and diagram; the page "
                f"shows step {number_shown}: {caption!r} / {description!r} / image "
                f"{'matches' if image in expected.get(title, ('', '', ()))[2] else 'is stale'}")
        time.sleep(0.05)


def layout(board):
    """(top of the diagram, height of the storyboard), relative to the storyboard, in whole pixels."""
    return tuple(round(v) for v in board.evaluate("""b => {
        const box = b.getBoundingClientRect();
        const img = b.querySelector('img.mscourse-diagram:not([hidden])').getBoundingClientRect();
        return [img.top - box.top, box.height]; }"""))


def drive_storyboard(page, board, expected):
    board.scroll_into_view_if_needed()
    total, first_image = wait_for_step(board, 1, expected)
    first_layout = layout(board)
    assert total >= 2
    previous, nxt, reset = (board.locator(f"button:text-is('{name}')") for name in ("Previous", "Next", "Reset"))
    assert previous.get_attribute("aria-disabled") == "true"
    # Click Next: step 2 with a new picture, its caption and description; focus stays on Next.
    nxt.click()
    _, image2 = wait_for_step(board, 2, expected)
    assert image2 != first_image or first_image in expected[step_state(board)[2]][2], \
        "the diagram did not change"
    assert focused(page)[0] == "Next", "focus must stay on Next after Next"
    # A screen reader hears the step and what is new in it (once, from a hidden status line).
    page.wait_for_function(
        """b => b.querySelector(':scope > [role=status].mscourse-visually-hidden').textContent
               .startsWith(b.querySelector('.mscourse-status').textContent + '. ')""",
        arg=board.element_handle(), timeout=5_000)
    # Keyboard: Enter and Space press a focused button; Home and End jump.
    reset.click()
    wait_for_step(board, 1, expected)
    nxt.focus()
    page.keyboard.press("Enter")
    wait_for_step(board, 2, expected)
    if total >= 3:
        page.keyboard.press("Space")
        wait_for_step(board, 3, expected)
    page.keyboard.press("ArrowLeft")
    wait_for_step(board, 2 if total >= 3 else 1, expected)
    page.keyboard.press("End")
    wait_for_step(board, total, expected)
    assert layout(board) == first_layout, \
        "the diagram and what follows the storyboard must not move from step to step"
    assert nxt.get_attribute("aria-disabled") == "true"
    page.keyboard.press("Enter")  # pressing Next at the end keeps the last step and the focus
    wait_for_step(board, total, expected)
    assert focused(page)[0] == "Next", "focus lost at the last step"
    page.keyboard.press("Home")
    wait_for_step(board, 1, expected)
    # Tab order: Previous, Next, the step list, Reset.
    previous.focus()
    page.keyboard.press("Tab")
    assert focused(page)[0] == "Next"
    page.keyboard.press("Tab")
    assert "mscourse-step-list" in focused(page)[2]
    # The step list: choosing a step by its title (headless Chromium's closed <select>
    # ignores arrow keys, so the choice is made as the open list makes it).
    board.locator(".mscourse-step-list").select_option(str(1))
    wait_for_step(board, 2, expected)
    assert "mscourse-step-list" in focused(page)[2]
    board.locator(".mscourse-step-list").select_option(str(total - 1))
    wait_for_step(board, total, expected)
    for number in range(total - 1, 0, -1):  # every step, through Previous
        previous.click()
        wait_for_step(board, number, expected)
    reset.click()
    wait_for_step(board, 1, expected)


def drive_explorer(page, explorer):
    """Change every control once (click or keyboard) and check the picture follows; Reset."""
    explorer.scroll_into_view_if_needed()
    image = explorer.locator("img.mscourse-diagram:not([hidden])")
    description = explorer.locator(".mscourse-description")

    def shown():
        return image.get_attribute("src"), image.get_attribute("alt"), description.inner_text()

    def settled():  # not waiting for the kernel, picture and words present
        page.wait_for_function(
            "el => !el.querySelector('.mscourse-figure-box').hasAttribute('aria-busy')",
            arg=explorer.element_handle(), timeout=20_000)
        src, alt, text = shown()
        assert src and src.startswith("data:image/png") and alt and "What the diagram shows:" in text
        return src, alt, text

    start = settled()
    assert image.get_attribute("aria-describedby"), "the description is linked to the image"
    changed = 0
    for box in explorer.locator("input[type='checkbox']").all():
        box.focus()
        page.keyboard.press("Space")
        changed += 1
        settled()
        assert focused(page)[1] == "INPUT"
    for toggle in explorer.locator("button.mscourse-toggle").all():
        toggle.click()
        settled()
        assert toggle.get_attribute("aria-pressed") == "true" or changed
        assert focused(page)[0] == toggle.inner_text().strip()
        changed += 1
    for group in explorer.locator(".mscourse-choice-group").all():
        radios = group.locator("input[type='radio']")
        assert group.locator("legend").inner_text().strip(), "a choice group needs its legend"
        checked = next(i for i in range(radios.count()) if radios.nth(i).is_checked())
        radios.nth(checked).focus()
        page.keyboard.press("ArrowRight" if checked < radios.count() - 1 else "ArrowLeft")
        settled()
        changed += 1
    for select in explorer.locator("select").all():
        options = select.locator("option").count()
        select.select_option("1" if select.input_value() != "1" else "0")
        settled()
        changed += 1
    for slider in explorer.locator("input[type='range']").all():
        slider.focus()
        page.keyboard.press("End")
        settled()
        page.keyboard.press("ArrowLeft")
        settled()
        changed += 1
    assert changed, "an explorer without a control"
    # A screen reader hears that the picture changed, and what is new in it: a sentence of the
    # description shown (or the alt, if no sentence is new), then the note's if it changed.
    page.wait_for_function(
        """([root, img]) => {
            const said = root.querySelector(':scope > [role=status].mscourse-visually-hidden').textContent;
            const shown = document.getElementById(img.getAttribute('aria-describedby')).textContent;
            const picture = said.replace(/^Diagram updated: /, '')
                .split(/ (?:Below the diagram: |The text below the diagram changed\\.)/)[0];
            return said.startsWith('Diagram updated: ') && picture.length > 10
                && (shown.includes(picture) || picture === img.alt); }""",
        arg=[explorer.element_handle(), image.element_handle()], timeout=5_000)
    explorer.locator("button:text-is('Reset')").click()
    page.wait_for_function("([el, src]) => el.getAttribute('src') === src",
                           arg=[image.element_handle(), start[0]], timeout=20_000)
    assert settled() == start, "Reset should bring back the first picture and its words"


def drive_question(page, question):
    legend = question.locator("legend")
    assert legend.inner_text().startswith("Question"), "the question is the group's legend"
    check = question.locator("button:text-is('Check')")
    feedback = question.locator(".mscourse-feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    check.click()
    question.locator(".mscourse-feedback:has-text('Choose an answer first')").wait_for(timeout=10_000)
    radios = question.locator("input[type='radio']")
    boxes = question.locator("input[type='checkbox']")
    labels = question.locator(".mscourse-option label")
    assert_options_do_not_overlap(question)
    if radios.count():
        names = set(radios.evaluate_all("rs => rs.map(r => r.name)"))
        assert len(names) == 1, "one radio group per question (one name)"
        verdict_texts = []
        for i in range(radios.count()):
            labels.nth(i).click()  # the label chooses its radio
            assert radios.nth(i).is_checked()
            check.click()
            label = " ".join(labels.nth(i).inner_text().split())[:30]
            page.wait_for_function(
                "([el, label]) => el.innerText.replace(/\\s+/g, ' ').includes('You chose “' + label)",
                arg=[feedback.element_handle(), label], timeout=10_000)
            verdict_texts.append(feedback.inner_text())
        right = [v for v in verdict_texts if "✔ Correct." in v]
        wrong = [v for v in verdict_texts if "✘ Not quite." in v]
        assert len(right) == 1 and len(wrong) == len(verdict_texts) - 1, verdict_texts
        # Keyboard: arrow keys move between the options of the one group; Tab leaves
        # the group for Check; Space presses it.
        radios.nth(0).check()
        radios.nth(0).focus()
        page.keyboard.press("ArrowDown")
        assert radios.nth(1).is_checked() and focused(page)[1] == "INPUT"
        page.keyboard.press("Tab")
        assert focused(page)[0] == "Check", "Tab from the radio group should reach Check"
        page.keyboard.press("Space")
        label = " ".join(labels.nth(1).inner_text().split())[:30]
        page.wait_for_function(
            "([el, label]) => el.innerText.replace(/\\s+/g, ' ').includes('You chose “' + label)",
            arg=[feedback.element_handle(), label], timeout=10_000)
        assert focused(page)[0] == "Check", "focus stays on Check"
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
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        assert boxes.nth(1).is_checked(), "Tab moves from checkbox to checkbox"
        check.focus()
        page.keyboard.press("Enter")
        question.locator(".mscourse-feedback:has-text('You chose')").wait_for(timeout=10_000)


def assert_options_do_not_overlap(question):
    """Long answers must wrap, not spill over the next option and hide its button."""
    boxes = question.locator(".mscourse-option").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; })")
    for (top_a, bottom_a), (top_b, _) in zip(boxes, boxes[1:]):
        assert bottom_a <= top_b + 1, f"quiz options overlap: {boxes}"


def drive_glossary(page, panel):
    search = panel.get_by_label("Search the glossary")
    search.fill("aplasia")
    panel.locator(".mscourse-count:has-text('1 term match')").wait_for(timeout=10_000)
    assert "Aplasia" in panel.locator(".mscourse-results").inner_text()
    search.fill("<b>zzz</b>")
    panel.locator(".mscourse-count:has-text('No term matches')").wait_for(timeout=10_000)
    assert panel.locator(".mscourse-results b").count() == 0, "the query is shown as text, never as HTML"
    search.fill("")


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_audit(page):
    """axe-core (bundled by axe-playwright-python, no CDN) over the lesson's own content
    (lesson text and outputs), and over the whole page for the record."""
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate(Axe().axe_script)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    content = page.evaluate(
        "options => axe.run({include: [['.jp-RenderedMarkdown'], ['.jp-OutputArea-output']]}, options)",
        options)
    everything = page.evaluate("options => axe.run(document, options)", options)
    found = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in content["violations"]]
    interface = sum(len(v["nodes"]) for v in everything["violations"]) - \
        sum(len(v["nodes"]) for v in content["violations"])
    return found, interface


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_in_the_browser(lab, notebook):
    page = lab["browser"].new_page(viewport={"width": 1280, "height": 1000})
    try:
        expected = expected_steps(notebook)
        code_cells = open_and_run(page, lab, notebook)
        assert_no_errors(page)
        # Positive check: every call cell shows exactly one course widget or figure.
        shown = page.locator(WIDGET_CLASSES)
        assert shown.count() == code_cells - 1, "each lesson call should show one widget or figure"
        for i in range(shown.count()):
            kind = shown.nth(i).get_attribute("class")
            if "storyboard" in kind or "explorer" in kind:
                assert shown.nth(i).locator("img.mscourse-diagram:not([hidden])").count() == 1, \
                    "exactly one diagram on show"
                assert shown.nth(i).locator("img.mscourse-diagram[hidden][aria-describedby]").count() == 0
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-mscourse-frontend] img, .mscourse-figure img')]"
            ".every(i => i.complete && i.naturalWidth > 0 && i.hasAttribute('alt'))", timeout=20_000)
        # Alt text everywhere: short and naming, with the full description linked.
        for image in page.locator("img.mscourse-diagram:not([hidden])").all():
            alt = image.get_attribute("alt")
            assert alt and len(alt) < 300, f"diagram alt text missing or not one line: {alt!r}"
            assert page.locator("#" + image.get_attribute("aria-describedby")).inner_text().strip()

        found, interface = axe_audit(page)
        assert not found, f"axe-core: {len(found)} violations in {notebook.name}'s content: {found}"
        print(f"{notebook.name}: axe-core, course content 0 violations; JupyterLab interface "
              f"{interface} (not counted)")

        for board in page.locator(".mscourse-storyboard").all():
            drive_storyboard(page, board, expected)
        for explorer in page.locator(".mscourse-explorer").all():
            drive_explorer(page, explorer)
        questions = page.locator(".mscourse-question")
        assert questions.count() >= 3
        for question in questions.all():
            question.scroll_into_view_if_needed()
            drive_question(page, question)
        for panel in page.locator(".mscourse-glossary").all():
            drive_glossary(page, panel)
        assert_no_errors(page)
        found, _ = axe_audit(page)  # after every control was used (feedback shown, states changed)
        assert not found, f"axe-core after use: {found}"

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        first = page.locator(".mscourse-storyboard, .mscourse-explorer").first
        page.evaluate("el => el.scrollIntoView({block: 'start'})", first.element_handle())
        page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}.png"))
    finally:
        page.close()


def test_storyboard_steps_with_the_kernel_stopped_and_a_dead_widget_says_so(lab):
    """Shut the kernel down: storyboards still step and quizzes still grade; an explorer
    asked for a state it has not got says, in one sentence, to run the cell again."""
    notebook = next(p for p in NOTEBOOKS if p.name.startswith("02_"))
    page = lab["browser"].new_page(viewport={"width": 1280, "height": 1000})
    try:
        expected = expected_steps(notebook)
        open_and_run(page, lab, notebook)
        explorer = page.locator(".mscourse-explorer").first  # two checkboxes
        page.wait_for_timeout(3000)  # let the kernel send the states one change away
        shut_down_kernels(page, lab)
        kernels = f"{lab['url']}/api/kernels?token={lab['token']}"
        deadline = time.time() + 30
        while page.request.get(kernels).json():
            assert time.time() < deadline, "the kernel did not shut down"
            time.sleep(0.2)
        board = page.locator(".mscourse-storyboard").first
        board.scroll_into_view_if_needed()
        total, _ = wait_for_step(board, 1, expected)
        for number in range(2, total + 1):
            board.locator("button:text-is('Next')").click()
            wait_for_step(board, number, expected, timeout=5)
        board.locator("button:text-is('Reset')").click()
        wait_for_step(board, 1, expected, timeout=5)
        question = page.locator(".mscourse-question").first
        question.locator("input").first.check()
        question.locator("button:text-is('Check')").click()
        question.locator(".mscourse-feedback:has-text('You chose')").wait_for(timeout=5_000)
        # One change away: rendered ahead, shown at once. Two changes away: needs the kernel.
        boxes = explorer.locator("input[type='checkbox']")
        boxes.nth(0).check()
        page.wait_for_function("el => !el.querySelector('[aria-busy]')", arg=explorer.element_handle(),
                               timeout=5_000)
        boxes.nth(1).check()
        explorer.locator(".mscourse-kernel:has-text('run this cell again')").wait_for(timeout=20_000)
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
        page.evaluate("el => el.scrollIntoView({block: 'start'})", board.element_handle())
        width = board.locator("img.mscourse-diagram:not([hidden])").evaluate("i => i.naturalWidth")
        board.locator("button:text-is('Next')").click()
        page.wait_for_function("el => el.dataset.step === '2'", arg=board.element_handle(), timeout=10_000)
        caption_size = board.locator(".mscourse-caption").evaluate(
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
        normal_width = board.locator("img.mscourse-diagram:not([hidden])").evaluate("i => i.naturalWidth")
        normal_size = board.locator(".mscourse-caption").evaluate(
            "p => parseFloat(getComputedStyle(p).fontSize)")
    finally:
        normal.close()
    assert width > 1.3 * normal_width, (width, normal_width)
    assert caption_size > 1.3 * normal_size, (caption_size, normal_size)
