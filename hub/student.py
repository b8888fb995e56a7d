"""One simulated student in headless Chromium (Playwright, async): what a student does in class.

Shared by tests/test_hub.py and hub/loadtest.py. Every page selector lives in
SELECTORS and every in-page script in the two JavaScript snippets below, so
that a change to the course's widgets (for example browser-side widgets) means
editing this block only.
"""

import asyncio
import os
import pathlib
import random
import re
import shutil
import time

# ---- Everything that depends on the page's markup -------------------------------------------
SELECTORS = {
    # JupyterHub's login form
    "username": "#username_input",
    "password": "#password_input",
    "login": "#login_submit",
    # JupyterLab
    "notebook_cell": ".jp-Notebook .jp-Cell",
    "kernel_idle": "#jp-main-statusbar >> text=Idle",
    "run_menu": ".lm-MenuBar-itemLabel:text-is('Run')",
    "run_all": ".lm-Menu-itemLabel:text-is('Run All Cells')",
    "prompts": ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt",  # shown tab only
    "error_output": ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
    # The course's widgets
    "storyboard": ".mscourse-storyboard",
    "diagram": "img.mscourse-diagram:not([hidden])",  # the frame on show (one <img> is held per frame)
    "question": ".mscourse-question",
    "option": "input[type='radio'], input[type='checkbox']",
    "check": "button:has-text('Check')",
    "feedback": ".mscourse-feedback",
}
NEXT_BUTTON_TEXT = "Next"
ANSWERED_TEXT = "You chose"  # the quiz feedback starts so once an answer is checked

# Click Next inside a storyboard and resolve with the milliseconds until the new
# diagram is painted: its content changed, the image (if any) is decoded, and
# one more animation frame has run. Measured in the page, so the number is what
# the student sees, not Playwright's round trip.
STEP_AND_TIME_JS = """
async ([board, diagramSelector, nextText]) => {
  const signature = () => {
    const el = board.querySelector(diagramSelector);
    if (!el) return null;
    return el.tagName === 'IMG' ? el.currentSrc || el.src : el.innerHTML;
  };
  const ready = () => {
    const el = board.querySelector(diagramSelector);
    return el && (el.tagName !== 'IMG' || (el.complete && el.naturalWidth > 0));
  };
  const next = [...board.querySelectorAll('button')].find(b => b.textContent.trim().startsWith(nextText));
  if (!next || next.disabled) return -1;
  const before = signature();
  const t0 = performance.now();
  next.click();
  return await new Promise((resolve, reject) => {
    const tick = () => {
      if (signature() !== before && ready()) {
        requestAnimationFrame(() => resolve(performance.now() - t0));
      } else if (performance.now() - t0 > 60000) {
        reject(new Error('the diagram did not change within 60 s'));
      } else {
        requestAnimationFrame(tick);
      }
    };
    requestAnimationFrame(tick);
  });
}
"""
ALL_CELLS_RAN_JS = """
(selector) => {
  const prompts = [...document.querySelectorAll(selector)];
  return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}
"""
# ---------------------------------------------------------------------------------------------

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def chromium_path():
    for candidate in (os.environ.get("MSCOURSE_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and pathlib.Path(candidate).exists():
            return candidate
    return None


async def launch(playwright):
    return await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


class Student:
    """A student with their own browser context (own cookies, own hub session)."""

    def __init__(self, browser, hub, name, password, think=(0.0, 0.0), seed=None):
        self.browser, self.hub, self.name, self.password = browser, hub, name, password
        self.think_range = think
        self.random = random.Random(seed if seed is not None else name)
        self.latencies_ms = []
        self.clicked_at = []  # time.monotonic() of each measured click
        self.timings = {}
        self.page = None

    async def think(self, scale=1.0):
        low, high = self.think_range
        if high > 0:
            await asyncio.sleep(self.random.uniform(low, high) * scale)

    async def open(self):
        self.context = await self.browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = await self.context.new_page()
        return self

    async def close(self):
        await self.context.close()

    async def sign_in_through(self, link, timeout=180_000):
        """Follow the nbgitpuller link: sign in, wait for the server, the pull and the lesson."""
        page = self.page
        await page.goto(link, timeout=timeout)
        await page.fill(SELECTORS["username"], self.name)
        await page.fill(SELECTORS["password"], self.password)
        start = time.monotonic()
        await page.click(SELECTORS["login"])
        await self.wait_for_lesson(timeout)
        self.timings["login_to_lesson_s"] = time.monotonic() - start

    async def wait_for_lesson(self, timeout=120_000):
        await self.page.wait_for_selector(SELECTORS["notebook_cell"], timeout=timeout)
        await self.page.wait_for_selector(SELECTORS["kernel_idle"], timeout=timeout)

    async def open_lesson(self, notebook, course="mscourse", timeout=120_000):
        # ?reset: a fresh workspace with only this lesson open, as after closing the other tabs
        await self.page.goto(f"{self.hub.url}/user/{self.name}/lab/tree/{course}/notebooks/{notebook}?reset",
                             timeout=timeout)
        await self.wait_for_lesson(timeout)

    async def run_all(self, timeout=300_000):
        page = self.page
        start = time.monotonic()
        await page.click(SELECTORS["run_menu"])
        await page.click(SELECTORS["run_all"])
        await page.wait_for_function(ALL_CELLS_RAN_JS, arg=SELECTORS["prompts"], timeout=timeout)
        await page.wait_for_selector(SELECTORS["kernel_idle"], timeout=timeout)
        await page.locator(SELECTORS["storyboard"]).first.locator(SELECTORS["diagram"]).wait_for(timeout=timeout)
        self.timings["run_all_s"] = time.monotonic() - start

    async def page_text(self):
        return await self.page.inner_text("body")

    async def errors_shown(self):
        text = await self.page.inner_text(".jp-Notebook")
        problems = [p for p in ("Error displaying widget", "Failed to create view", "Traceback") if p in text]
        if await self.page.locator(SELECTORS["error_output"]).count():
            problems.append("an error output")
        return problems

    async def step_storyboards(self, steps_per_board=None):
        """Step each storyboard forward at a human pace; record click-to-painted latency."""
        boards = self.page.locator(SELECTORS["storyboard"])
        for i in range(await boards.count()):
            board = boards.nth(i)
            await board.scroll_into_view_if_needed()
            await board.locator(SELECTORS["diagram"]).wait_for()
            taken = 0
            while steps_per_board is None or taken < steps_per_board:
                await self.think()
                handle = await board.element_handle()
                latency = await self.page.evaluate(
                    STEP_AND_TIME_JS, [handle, SELECTORS["diagram"], NEXT_BUTTON_TEXT])
                if latency < 0:  # last step reached: Next is disabled
                    break
                self.latencies_ms.append(latency)
                self.clicked_at.append(time.monotonic())
                taken += 1
        return self.latencies_ms

    async def answer_quiz(self, questions=None):
        """Choose an answer to each question (at random, as students do), press Check, read feedback."""
        found = self.page.locator(SELECTORS["question"])
        count = await found.count()
        for i in range(count if questions is None else min(questions, count)):
            question = found.nth(i)
            await question.scroll_into_view_if_needed()
            await self.think(scale=2)
            options = question.locator(SELECTORS["option"])
            await options.nth(self.random.randrange(await options.count())).check()
            await question.locator(SELECTORS["check"]).click()
            await question.locator(f"{SELECTORS['feedback']}:has-text('{ANSWERED_TEXT}')").wait_for(timeout=60_000)
        return count


def percentile(values, fraction):
    """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def median(values):
    return percentile(values, 0.5)


def clean(text):
    return re.sub(r"\s+", " ", text).strip()
