"""Colour, contrast, text alternatives and notebook structure for assistive technology."""

import itertools
import json
import re

import numpy as np
import pytest
from matplotlib.figure import Figure

from conftest import NOTEBOOKS
from course_states import colour_name, colours, drawn, family
from mscourse import actors as A
from mscourse import style
from mscourse.canvas import prepare
from mscourse.lessons import LESSONS
from mscourse.scene import Scene
from mscourse.widgets import Step, Storyboard

# Machado, Oliveira & Fernandes (2009) simulation matrices, severity 1.0, linear RGB.
CVD = {
    "normal vision": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
MIN_DELTA_E = 12.0  # CIE76 difference: clearly distinguishable side by side


def linear_rgb(hex_colour):
    c = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(linear):
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ np.clip(linear, 0, 1)
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > 0.008856, np.cbrt(t), 7.787 * t + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def contrast(a, b):
    def lum(c):
        return float(np.array([0.2126, 0.7152, 0.0722]) @ linear_rgb(c))
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("vision", CVD)
def test_actor_colours_stay_distinguishable(vision):
    keys = {}
    for actor in A.ACTORS.values():
        keys.setdefault(actor.colour, []).append(actor.key)
    m = CVD[vision]
    for a, b in itertools.combinations(sorted(keys), 2):
        delta = np.linalg.norm(lab(m @ linear_rgb(a)) - lab(m @ linear_rgb(b)))
        assert delta >= MIN_DELTA_E, \
            f"{keys[a]} ({a}) and {keys[b]} ({b}) look alike with {vision} (ΔE {delta:.1f})"


def test_text_colours_meet_wcag_aa_on_white():
    for colour in (style.INK, style.MUTED):
        assert contrast(colour, style.PAPER) >= 4.5


def chroma(hex_colour):
    _, a, b = lab(linear_rgb(hex_colour))
    return float(np.hypot(a, b))


def named(hex_colour):
    return colour_name(hex_colour) or f"unknown {hex_colour}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_drawn_colour_comes_from_the_palette_or_an_actor(lesson):
    for label, _, _, ax in drawn(lesson):
        unknown = sorted(c for c, _ in colours(ax) if colour_name(c) is None)
        assert not unknown, (f"{lesson} {label} draws {unknown}: add it to style.py or derive it "
                             "from an actor colour (Actor.ink, Actor.pale, style.darker/paler)")


@pytest.mark.parametrize("lesson", LESSONS)
def test_drawn_text_meets_wcag_aa_on_white(lesson):
    for label, _, _, ax in drawn(lesson):
        for colour, role in colours(ax):
            if role == "text" and colour != style.PAPER:  # white letters sit on cells: see below
                assert contrast(colour, style.PAPER) >= 4.5, \
                    f"{lesson} {label}: text in {named(colour)} has contrast " \
                    f"{contrast(colour, style.PAPER):.2f} on white (needs 4.5)"


SATURATED = 25.0  # CIE chroma above which a colour carries meaning (greys and pale fills do not)


@pytest.mark.parametrize("vision", CVD)
@pytest.mark.parametrize("lesson", LESSONS)
def test_colours_drawn_together_stay_distinguishable(lesson, vision):
    """Arrows and labels that differ only in colour in one picture (a T cell's signal beside
    an MSC's) must look different to a person with this vision. Cells and other shapes are
    told apart by their outline and letters as well (the actor table is checked above)."""
    m = CVD[vision]
    for label, _, _, ax in drawn(lesson):
        drawn_colours = colours(ax)
        for role in ("arrow", "text"):
            meaningful = sorted({c for c, r in drawn_colours if r == role and chroma(c) >= SATURATED})
            check_pairs(meaningful, m, f"{lesson} {label} ({role}s)", vision)


def check_pairs(meaningful, m, where, vision):
    for a, b in itertools.combinations(meaningful, 2):
        if family(a) == family(b):
            continue  # an actor's colour and its own ink or fill: one meaning
        delta = np.linalg.norm(lab(m @ linear_rgb(a)) - lab(m @ linear_rgb(b)))
        assert delta >= MIN_DELTA_E, \
            f"{where}: {named(a)} and {named(b)} look alike with {vision} (ΔE {delta:.1f})"


@pytest.mark.parametrize("key", sorted(A.ACTORS))
def test_letters_on_cells_are_readable(key):
    ax = Figure().add_axes((0, 0, 1, 1))
    prepare(ax, 100, 50)
    A.ACTORS[key].icon(ax, 50, 25)
    letters = [p for p in ax.get_children() if type(p).__name__ == "PathPatch"]  # drawn outlines
    if key in {"t_cell", "b_cell", "oligodendrocyte", "opc", "schwann", "macrophage", "microglia",
               "hsc", "msc", "nsc"}:
        assert letters, f"{key} should carry its letter"
    for letter in letters:
        colour = "#%02X%02X%02X" % tuple(round(255 * v) for v in letter.get_facecolor()[:3])
        assert contrast(colour, A.ACTORS[key].colour) >= 4.5, \
            f"{key}: letter contrast {contrast(colour, A.ACTORS[key].colour):.2f}"


def test_widget_image_carries_its_description_as_text():
    scene = Scene("t", lambda ax, s: A.draw_t_cell(ax, 50, 20), lambda s: "One T cell.", height=40)
    frame = Storyboard(scene, [Step("A T cell", "Caption", None)], heading="Cells").frames[0]
    assert frame["alt"] == "Cells, step 1 of 1: A T cell", "a one-line alt naming scene and step"
    assert frame["description"] == "One T cell."  # linked to the image with aria-describedby


ACRONYMS = {
    "MS": "multiple sclerosis", "CNS": "central nervous system", "PNS": "peripheral nervous system",
    "AHSCT": "autologous haematopoietic stem cell transplantation",
    "HSC": "haematopoietic stem cell", "MSC": "mesenchymal stromal cell",
    "NSC": "neural stem", "OPC": "oligodendrocyte precursor cell", "MRI": "magnetic resonance",
    "EAE": "experimental autoimmune encephalomyelitis", "CSF": "cerebrospinal fluid",
    "EBV": "epstein", "DMT": "disease-modifying", "NEDA": "no evidence of disease activity",
    "PIRA": "progression independent of relapse", "EDSS": "expanded disability status scale",
    "NfL": "neurofilament light", "ATG": "anti-thymocyte globulin", "RCT": "randomised controlled trial",
    "TRM": "treatment-related mortality", "VEP": "visual evoked potential",
}


def markdown_cells(path):
    nb = json.loads(path.read_text())
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_acronyms_are_spelled_out_at_first_use(path):
    cells = markdown_cells(path)
    seen = ""
    for cell in cells:
        for acronym, words in ACRONYMS.items():
            if acronym.lower() in seen.lower() and re.search(rf"\b{acronym}\b", seen):
                continue
            if re.search(rf"\b{re.escape(acronym)}s?\b", cell):
                assert words in (seen + cell).lower().replace("hematopoietic", "haematopoietic"), \
                    f"{path.name}: {acronym} is used before '{words}' is spelled out"
        seen += "\n" + cell
