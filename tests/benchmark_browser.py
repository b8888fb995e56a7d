"""Browser benchmark (run by hand, not a test): click to painted diagram, per lesson.

    flock /tmp/mscourse-heavy.lock .venv/bin/python tests/benchmark_browser.py [NOTEBOOK ...]
    .venv/bin/python tests/benchmark_browser.py --notebooks-dir OTHER/notebooks   # e.g. an old checkout

For each lesson it starts JupyterLab (127.0.0.1) and headless Chromium, runs all
cells, waits until every storyboard holds its frames and the kernel has finished
rendering ahead (a few seconds after Run All, as a student reads the opening),
then measures in the page, from the click to the first animation frame after the
new diagram has decoded, ``--rounds`` times (3 by default: a p95 over 14 clicks
is only the second slowest):

* storyboard: Next through every step, then Previous back to step 1;
* explorer: every checkbox and on/off button on and off, every button of a button
  group, every option of a drop-down (sliders are left out: they move by keyboard
  or drag). The first change of each control reaches a state one change away from
  where the explorer started; changing back reaches a state already seen.

It also times, inside the lesson's kernel (over a second client on the same
kernel), every real diagram render from the moment the lesson opens to the end
of the clicks: Renderer.draw plus the PNG encoding.

Budgets (lesson-design section 8): storyboard steps and explorer states already
seen or one change away, median at most 20 ms and p95 at most 35 ms; a state never
rendered before, kernel render median at most 50 ms.
"""

import argparse
import json
import pathlib
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from conftest import NOTEBOOKS, NOTEBOOKS_DIR  # noqa: E402
from test_browser import CHROMIUM_ARGS, chromium_path, open_and_run, running_lab  # noqa: E402

# Executed in the lesson's kernel before Run All: time every real render.
PATCH = """
import time as _bench_time
import mscourse.scene as _bench_scene
try:  # the rendering module since the toolkit split; scene.py before it
    import mscourse.render as _bench_render
    _png_name = "to_png"
except ImportError:
    _bench_render, _png_name = _bench_scene, "_to_png"
if not hasattr(_bench_scene, "_bench"):
    _bench_scene._bench = []
    _draw, _png = _bench_render.Renderer.draw, getattr(_bench_render, _png_name)
    def _timed(function):
        def timed(*args, **kwargs):
            start = _bench_time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                _bench_scene._bench.append((function.__name__, _bench_time.perf_counter() - start))
        return timed
    _bench_render.Renderer.draw = _timed(_draw)
    setattr(_bench_render, _png_name, _timed(_png))
"""
REPORT = """
import json as _bench_json, mscourse.scene as _bench_scene
print(_bench_json.dumps(_bench_scene._bench))
"""

# In the page: click (or change) a control, resolve with the ms until the new
# diagram is decoded and the next frame has been painted; null if it never changes.
MEASURE = """
async ([control, root, value]) => {
  const image = () => root.querySelector('img.mscourse-diagram:not([hidden])');
  const before = image() && image().getAttribute('src');
  return await new Promise(resolve => {
    let done = false;
    const start = performance.now();
    const finish = async () => {
      const img = image();
      if (done || !img || img.getAttribute('src') === before) return;
      done = true;
      observer.disconnect();
      try { await img.decode(); } catch (e) {}
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
    };
    const observer = new MutationObserver(finish);
    observer.observe(root, {attributes: true, subtree: true, childList: true});
    setTimeout(() => { if (!done) { done = true; observer.disconnect(); resolve(null); } }, 4000);
    if (value === null) { control.click(); }
    else { control.value = value; control.dispatchEvent(new Event('change', {bubbles: true})); }
    finish();
  });
}
"""


def kernel_client(page, lab, notebook):
    from jupyter_client import BlockingKernelClient

    api = f"{lab['url']}/api/sessions?token={lab['token']}"
    deadline = time.time() + 60
    while True:
        sessions = [s for s in page.request.get(api).json() if s["path"].endswith(notebook.name)]
        if sessions:
            path = lab["runtime"] / f"kernel-{sessions[0]['kernel']['id']}.json"
            if path.exists():
                break
        if time.time() > deadline:
            raise RuntimeError("no kernel connection file")
        time.sleep(0.2)
    client = BlockingKernelClient()
    client.load_connection_file(str(path))
    client.start_channels()
    client.wait_for_ready(timeout=60)
    return client


def run_in_kernel(client, code):
    out = []
    reply = client.execute_interactive(
        code, store_history=False, timeout=60,
        output_hook=lambda m: out.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None)
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(out)


# Executed in the lesson's kernel: true once nothing is left to render ahead.
SETTLED = """
import mscourse.widgets as _bench_widgets
print(getattr(_bench_widgets, "pending_work", lambda: 0)() == 0)  # older checkouts: no queue
"""


def wait_until_settled(client, timeout=120):
    deadline = time.time() + timeout
    while run_in_kernel(client, SETTLED).strip() != "True":
        if time.time() > deadline:
            raise RuntimeError("the kernel is still rendering ahead")
        time.sleep(0.5)


def widgets(page, kind):
    """(locator, element) of each widget of this kind, scrolled into view in turn."""
    found = page.locator(f".mscourse-{kind}")
    for i in range(found.count()):
        widget = found.nth(i)
        widget.scroll_into_view_if_needed()
        yield widget, widget.element_handle()


def click_storyboards(page):
    times = []
    for board, root in widgets(page, "storyboard"):
        nxt = board.locator("button:text-is('Next')").first.element_handle()
        prev = board.locator("button:text-is('Previous')").first.element_handle()
        forward = 0
        while not nxt.is_disabled():
            times.append(page.evaluate(MEASURE, [nxt, root, None]))
            forward += 1
        for _ in range(forward):
            times.append(page.evaluate(MEASURE, [prev, root, None]))
    return times


def click_explorers(page):
    times = []
    for explorer, root in widgets(page, "explorer"):
        for box in explorer.locator("input[type='checkbox']").element_handles():
            times += [page.evaluate(MEASURE, [box, root, None]) for _ in range(2)]
        toggles = explorer.locator("button.mscourse-toggle, "
                                   ".widget-toggle-button:not(.widget-toggle-buttons .widget-toggle-button)")
        for toggle in toggles.element_handles():  # a single on/off button: on, then off
            times += [page.evaluate(MEASURE, [toggle, root, None]) for _ in range(2)]
        groups = explorer.locator(".widget-toggle-buttons, .mscourse-choice-group")
        for g in range(groups.count()):
            buttons = groups.nth(g).locator("button, input[type='radio']").element_handles()
            for button in buttons[1:] + buttons[:1]:
                times.append(page.evaluate(MEASURE, [button, root, None]))
        for select in explorer.locator("select:not(.mscourse-step-list)").element_handles():
            values = select.evaluate("s => [...s.options].map(o => o.value)")
            for value in values[1:] + values[:1]:
                times.append(page.evaluate(MEASURE, [select, root, value]))
    return times


def summary(times):
    painted = sorted(t for t in times if t is not None)
    if not painted:
        return "      -       -       -    0"
    p95 = painted[min(len(painted) - 1, round(0.95 * (len(painted) - 1)))]
    unchanged = len(times) - len(painted)
    return (f"{statistics.median(painted):7.1f} {p95:7.1f} {max(painted):7.1f} {len(painted):4d}"
            + (f" ({unchanged} unchanged)" if unchanged else ""))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notebooks", nargs="*")
    parser.add_argument("--notebooks-dir", type=pathlib.Path, default=NOTEBOOKS_DIR)
    parser.add_argument("--json", type=pathlib.Path, help="also write the raw numbers here")
    parser.add_argument("--rounds", type=int, default=3, help="passes over every control")
    parser.add_argument("--windowing", default="contentVisibility",
                        help="JupyterLab's notebook windowing mode: its default, what a student gets "
                             "(the tests use 'none', every cell rendered: the worst case)")
    args = parser.parse_args()
    source = args.notebooks_dir.resolve()
    chosen = [source / pathlib.Path(n).name for n in args.notebooks] or \
        sorted(source / p.name for p in NOTEBOOKS)
    from playwright.sync_api import sync_playwright

    raw = {}
    print(f"{'lesson':32} {'storyboard click (ms)':>30} | {'explorer click (ms)':>30} | kernel render")
    print(f"{'':32} {'median     p95     max    n':>30} | {'median     p95     max    n':>30} |"
          f" {'total (s)':>9} {'renders':>7} {'median (ms)':>11}")
    with sync_playwright() as p, running_lab(notebooks_dir=source, windowing=args.windowing) as lab:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for notebook in chosen:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            try:
                client = None

                def patch_kernel():
                    nonlocal client
                    client = kernel_client(page, lab, notebook)
                    run_in_kernel(client, PATCH)

                open_and_run(page, lab, notebook, before_run=patch_kernel)
                page.wait_for_function(
                    "() => [...document.querySelectorAll('.mscourse-storyboard')]"
                    ".every(b => !b.dataset.framesPending || b.dataset.framesPending === '0')",
                    timeout=120_000)
                wait_until_settled(client)
                boards, explorers = [], []
                for _ in range(args.rounds):
                    boards += click_storyboards(page)
                for _ in range(args.rounds):
                    explorers += click_explorers(page)
                renders = json.loads(run_in_kernel(client, REPORT))
            finally:
                if client is not None:
                    client.stop_channels()
                page.close()
            seconds = sum(t for _, t in renders)
            per_state = [t for name, t in renders if name == "draw"]
            pngs = [t for name, t in renders if name != "draw"]
            per_render = [a + b for a, b in zip(per_state, pngs)] or [t for _, t in renders]
            raw[notebook.name] = {"storyboard": boards, "explorer": explorers, "renders": renders}
            print(f"{notebook.name[:32]:32} {summary(boards):>30} | {summary(explorers):>30} |"
                  f" {seconds:9.2f} {len(per_state):7d} "
                  f"{1000 * statistics.median(per_render) if per_render else 0:11.1f}", flush=True)
    everything = [t for r in raw.values() for t in r["storyboard"] + r["explorer"]]
    print(f"{'all lessons':32} {summary(everything):>30}")
    if args.json:
        args.json.write_text(json.dumps(raw))


if __name__ == "__main__":
    main()
