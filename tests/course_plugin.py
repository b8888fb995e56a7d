"""The test loop's rules, loaded by pytest.ini for every run (also ``pytest notebooks/X.ipynb``).

* ``pytest`` alone is the one-minute loop: tests marked ``browser`` (Chromium)
  , ``hub`` (a JupyterHub) or ``slow`` are deselected. ``pytest --full`` runs them too;
  CI (``CI=true``, as ``.ci/run`` sets) always runs everything.
* One id scheme: every test that concerns one lesson answers to ``-k lessonNN``
  (its notebook cells, structure checks, content file, module and figures).
* Each notebook is executed once per run: nbval runs its cells, then one more
  item in the same kernel drives every widget through every state.
"""

import json
import os
import re
from collections import defaultdict

import pytest

SLOW_MARKERS = ("browser", "hub", "slow")


def pytest_addoption(parser):
    parser.addoption("--full", action="store_true",
                     help="also run the browser and hub tests (CI always does)")


def run_everything(config):
    return config.getoption("--full") or os.environ.get("CI", "").lower() in ("1", "true", "yes")


def lesson_of(nodeid):
    """``lesson04`` for any test id about lesson 04 (its notebook, module or content file)."""
    for pattern in (r"notebooks/(\d\d)_[a-z]", r"\[(\d\d)_[a-z]", r"lesson(\d\d)", r"\[(\d\d)\]",
                    r"\[(\d\d)-"):
        match = re.search(pattern, nodeid)
        if match:
            return f"lesson{match.group(1)}"
    return None


def pytest_collection_modifyitems(session, config, items):
    _add_widget_state_items(items)
    for item in items:
        lesson = lesson_of(item.nodeid)
        if lesson:
            item.extra_keyword_matches.add(lesson)
    if run_everything(config):
        return
    slow = [i for i in items if any(i.get_closest_marker(m) for m in SLOW_MARKERS)]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [i for i in items if i not in slow]
        config._mscourse_deselected = len(slow)


def pytest_report_header(config):
    if not run_everything(config):
        return ("quick run: browser, hub and slow tests are deselected "
                "(run them with: python -m pytest --full)")
    return "full run: browser and hub tests included"


# ------------------------------------------------------------ every widget state, in nbval's kernel

DRIVE = """\
import json
from mscourse.testing import exercise_all
summary = exercise_all()
print(json.dumps({k: summary[k] for k in ("widgets", "states", "kinds")}))
"""


def _add_widget_state_items(items):
    """After a notebook's last cell, drive every widget state in the same kernel."""
    try:
        from nbval.plugin import IPyNbCell, IPyNbFile
    except ImportError:
        return
    last_cell = {}
    for index, item in enumerate(items):
        if isinstance(item, IPyNbCell) and isinstance(item.parent, IPyNbFile):
            last_cell[item.parent] = index
    for parent, index in sorted(last_cell.items(), key=lambda kv: -kv[1]):
        items.insert(index + 1, WidgetStates.from_parent(parent))


def _nbval_cell():
    from nbval.plugin import IPyNbCell

    return IPyNbCell


class WidgetStates(pytest.Item):
    """Every storyboard, explorer and quiz of a notebook, through every state.

    Runs in nbval's kernel after the notebook's cells: each step both ways, both
    ends of each slider, every option, every button pressed repeatedly; every
    description must name what is drawn, and no figure may be left open.
    """

    @classmethod
    def from_parent(cls, parent):
        return super().from_parent(parent, name="every widget state")

    def runtest(self):
        import nbformat

        cells = [i for i in self.session.items
                 if isinstance(i, _nbval_cell()) and i.parent is self.parent]
        failed = [c.name for c in cells if c.test_outputs is None]
        if failed:
            pytest.skip(f"the notebook's cells did not all run ({failed[0]} first)")
        cell = _nbval_cell().from_parent(
            self.parent, name="widget states", cell_num=len(cells),
            cell=nbformat.v4.new_code_cell(DRIVE), options=defaultdict(bool, check=False))
        from nbval.plugin import NbCellError

        try:
            cell.runtest()
        except NbCellError as error:  # a traceback inside the kernel: show it plainly
            trace = re.sub(r"\x1b\[[0-9;]*m", "", error.inner_traceback or str(error))
            raise AssertionError(f"driving every widget state failed:{trace}") from None
        printed = "".join(o.get("text", "") for o in cell.test_outputs if o.get("name") == "stdout")
        summary = json.loads(printed.strip().splitlines()[-1])
        kinds = summary["kinds"]
        assert "Quiz" in kinds, "every lesson has a self-check quiz"
        assert "Storyboard" in kinds or "Explorer" in kinds, "every lesson has an interactive diagram"
        shown = sum(1 for c in cells for o in c.test_outputs
                    if "application/vnd.jupyter.widget-view+json" in o.get("data", {}))
        assert shown == summary["widgets"], \
            f"{shown} widget views shown for {summary['widgets']} live widgets: each widget once"
        assert summary["states"] > 10
        warnings = [o["text"] for c in cells for o in c.test_outputs
                    if o.get("name") == "stderr" and "Warning" in o.get("text", "")]
        assert not warnings, f"warning shown to the student: {warnings[0]}"

    def reportinfo(self):
        return self.path, None, f"{self.parent.name}::every widget state"


