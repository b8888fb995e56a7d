"""The repository keeps its promises: pinned installs, one test command, offline lessons."""

import re

from conftest import NOTEBOOKS, ROOT

RUNTIME = {"jupyterlab", "ipywidgets", "matplotlib", "nbval", "anywidget"}


def requirement_names(path):
    names = {}
    for line in (ROOT / path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{path}: {line!r} is not pinned with =="
            names[name.lower()] = version
    return names


def test_runtime_requirements_are_the_four_plus_extras_the_readme_justifies():
    names = set(requirement_names("requirements.txt"))
    assert RUNTIME <= names, f"missing run-time pins: {RUNTIME - names}"
    why = (ROOT / "README.md").read_text().split("### Why each dependency", 1)
    assert len(why) == 2, "the README has a 'Why each dependency' section"
    section = why[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    for name in sorted(names):
        assert f"`{name}`" in section, f"README 'Why each dependency' does not say why `{name}` is needed"


def test_test_requirements_are_separate_and_pinned():
    assert not set(requirement_names("requirements-test.txt")) & RUNTIME


def test_binder_uses_python_311():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"


def readme_commands():
    text = (ROOT / "README.md").read_text()
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(?:bash|sh)?\n(.+?)\n```", quick, re.S)


def test_readme_quick_start_has_exactly_two_commands():
    commands = readme_commands()
    assert len(commands) == 2, commands
    assert all("\n" not in c for c in commands), "each is one line to copy"
    assert "jupyter lab" in commands[0] and "00_start_here.ipynb" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert readme_commands()[1] in ci


def test_readme_lists_every_lesson():
    text = (ROOT / "README.md").read_text()
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in text, f"README lesson map misses {path.name}"


def test_lessons_need_no_internet_at_run_time():
    pattern = re.compile(r"(urlopen|requests\.get|urlretrieve|<img[^>]+src=\"https?:|cdn\.)", re.I)
    package = ROOT / "notebooks" / "mscourse"
    for path in list(package.rglob("*.py")) + NOTEBOOKS:
        assert not pattern.search(path.read_text()), f"{path} fetches from the internet"


def test_readme_images_exist_and_have_alt_text():
    text = (ROOT / "README.md").read_text()
    images = re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", text)
    assert images, "the README shows at least one diagram"
    for alt, target in images:
        assert len(alt) > 20, f"{target}: alt text should say what is shown"
        assert (ROOT / target).exists(), f"README image missing: {target}"
