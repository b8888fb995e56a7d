"""The hub files agree with each other and with the guide (quick; the hub itself runs in test_hub.py)."""

import json
import re

import yaml

from conftest import ROOT

HUB = ROOT / "hub"


def pins(path):
    lines = [line.split("#")[0].strip() for line in path.read_text().splitlines()]
    return dict(line.split("==") for line in lines if line)


def test_hub_packages_are_pinned_and_kept_out_of_the_course_requirements():
    hub = pins(ROOT / "requirements-hub.txt")
    assert set(hub) == {"jupyterhub", "nbgitpuller"}
    assert not set(hub) & set(pins(ROOT / "requirements.txt")), "hub-only packages belong in requirements-hub.txt"


def test_the_proxy_is_pinned_by_the_lock_file():
    wanted = json.loads((HUB / "package.json").read_text())["dependencies"]["configurable-http-proxy"]
    lock = json.loads((HUB / "package-lock.json").read_text())
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted)
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == wanted


def test_kubernetes_values_match_the_tested_configuration():
    values = yaml.safe_load((HUB / "z2jh-values.yaml").read_text())
    config = (HUB / "jupyterhub_config.py").read_text()
    culling = values["singleuser"]["extraFiles"]["kernel-culling"]["data"]["MappingKernelManager"]
    assert f"--MappingKernelManager.cull_idle_timeout={culling['cull_idle_timeout']}" in config
    assert f"--ServerApp.shutdown_no_activity_timeout={values['cull']['timeout']}" in config
    assert values["cull"]["enabled"] is True
    assert values["singleuser"]["defaultUrl"] == '/lab' and 'c.Spawner.default_url = "/lab"' in config
    nbgitpuller = pins(ROOT / "requirements-hub.txt")["nbgitpuller"]
    assert f"nbgitpuller=={nbgitpuller}" in (HUB / "z2jh-values.yaml").read_text()


def test_guide_has_the_hub_section_and_the_readme_points_to_it():
    guide = (ROOT / "notebooks" / "instructor_guide.md").read_text()
    section = guide.split("\n## A class on a JupyterHub\n", 1)[1].split("\n## ", 1)[0]
    for part in ("Sizing", "What is tested here", "Zero to JupyterHub", "z2jh-values.yaml", "nbgitpuller"):
        assert part in section, f"the hub section does not cover {part!r}"
    values = yaml.safe_load((HUB / "z2jh-values.yaml").read_text())["singleuser"]["memory"]
    assert values["guarantee"] in section and values["limit"] in section
    assert "instructor_guide.md#a-class-on-a-jupyterhub" in (ROOT / "README.md").read_text()
