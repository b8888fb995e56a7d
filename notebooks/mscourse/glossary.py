"""The course glossary: the science brief's plain-language definitions, one place.

``python -m notebooks.mscourse.export`` writes it to ``notebooks/glossary.md``
(one heading per term, A to Z), and
``search_widget()`` gives a search box that any lesson can show.
"""

import html

import traitlets as t

from . import style
from .widgets import CourseWidget, esm_text, register

TERMS = (
    ("Action potential", "the brief electrical impulse that travels along an axon."),
    ("Apheresis", "a machine process that takes blood, keeps a chosen cell type (here CD34⁺ stem cells) and returns the rest."),
    ("Anti-thymocyte globulin (ATG)", "antibodies (from rabbits or horses) that destroy T cells; part of most AHSCT conditioning."),
    ("Aplasia", "the period when the bone marrow produces almost no blood cells after chemotherapy."),
    ("Autoimmunity", "when the immune system attacks the body's own tissues."),
    ("Autologous / allogeneic", "cells from the patient themself / cells from another person (a donor)."),
    ("Axon", "the long cable-like extension of a neuron that carries signals away from the cell body."),
    ("B cell", "a lymphocyte that presents antigens to T cells and can mature into antibody-secreting plasmablasts and plasma cells."),
    ("BEAM", "a four-drug chemotherapy combination (carmustine, etoposide, cytarabine, melphalan) used as myeloablative conditioning."),
    ("Blood–brain barrier (BBB)", "tightly sealed blood vessel walls that normally keep most immune cells and molecules out of the brain."),
    ("CD34", "a surface marker used to identify and count blood-forming stem/progenitor cells."),
    ("Conditioning", "the high-dose chemotherapy (± antibodies) given before reinfusion to remove the existing immune system."),
    ("Cytokine", "a small signalling protein that immune cells use to communicate (e.g. IL-10, IL-17)."),
    ("Demyelination", "loss of the myelin sheath from an axon."),
    ("Disease-modifying therapy (DMT)", "a long-term medicine that reduces MS activity (e.g. ocrelizumab, natalizumab)."),
    ("EAE (experimental autoimmune encephalomyelitis)", "an animal model in which an MS-like disease is induced by immunisation against myelin."),
    ("EDSS", "the 0–10 disability scale used in MS trials (0 = normal, 6 = needs a walking aid, 10 = death from MS)."),
    ("Engraftment", "when reinfused stem cells settle in the marrow and blood counts recover."),
    ("Epstein–Barr virus (EBV)", "a common herpesvirus; infection is a major risk factor for MS."),
    ("G-CSF", "a growth factor injection that pushes stem cells out of the bone marrow into the blood."),
    ("Gadolinium-enhancing lesion", "an MRI lesion that lights up with contrast because the BBB is leaking, a sign of active inflammation."),
    ("Haematopoietic stem cell (HSC)", "a bone-marrow stem cell that produces all blood and immune cells."),
    ("Immune reconstitution", "the regrowth of immune cell populations after immune ablation."),
    ("IDO (indoleamine 2,3-dioxygenase)", "an enzyme that breaks down tryptophan and thereby calms T cells; used by human MSCs."),
    ("Lesion (plaque)", "a focal area of inflammation and damage in the brain or spinal cord."),
    ("Licensing", "the activation of MSCs' immunosuppressive behaviour by inflammatory signals such as interferon-γ."),
    ("Mesenchymal stromal/stem cell (MSC)", "a connective-tissue cell from marrow, fat or umbilical cord that mainly acts by secreting signals."),
    ("Microglia", "the brain's resident immune cells; they can drive damage or support repair."),
    ("Mobilisation", "drugs (cyclophosphamide + G-CSF) that release stem cells into the blood for collection."),
    ("Myelin", "the fatty, multilayered wrapping around axons that speeds conduction and supports the axon."),
    ("Myeloablative / non-myeloablative (lymphoablative)", "conditioning that destroys the bone marrow (stem cell rescue needed) / conditioning that mainly destroys lymphocytes."),
    ("NEDA", "“no evidence of disease activity”: no relapses, no disability worsening, no new MRI activity."),
    ("Neural stem/precursor cell (NSC/NPC)", "a cell that can make neurons, astrocytes and oligodendrocytes."),
    ("Neurodegeneration", "progressive loss of neurons and axons."),
    ("Neurofilament light chain (NfL)", "a protein released from injured axons; measured in blood as a damage marker. It is not specific to MS: it rises with nerve damage from any cause and with age."),
    ("Neuroprotection", "keeping neurons and axons alive and working despite injury."),
    ("Neurotrophic factor", "a protein (e.g. BDNF, NGF) that supports neuron survival and growth."),
    ("Node of Ranvier", "a short uncovered gap between myelin segments where the signal is regenerated."),
    ("Oligoclonal bands", "antibody bands found in the CSF of most people with MS, showing antibody production inside the CNS."),
    ("Oligodendrocyte", "the CNS cell that makes myelin for many axons at once."),
    ("Oligodendrocyte precursor cell (OPC)", "an adult progenitor that can become a new myelinating oligodendrocyte."),
    ("Paracrine signalling", "cells affecting nearby cells by releasing molecules rather than by becoming those cells."),
    ("PIRA", "progression independent of relapse activity; slow worsening not explained by attacks."),
    ("Regulatory T cell (Treg)", "a T cell (FoxP3⁺) that restrains other immune cells and helps prevent autoimmunity."),
    ("Relapse", "an episode of new or worsening neurological symptoms typical of MS, with signs a doctor can find, lasting at least 24 hours, in the absence of fever or infection, with or without recovery."),
    ("Remyelination", "the natural regrowth of myelin around demyelinated axons."),
    ("Saltatory conduction", "node-to-node “jumping” of the impulse along a myelinated axon."),
    ("Schwann cell", "the PNS cell that myelinates a single segment of one axon."),
    ("TCR repertoire", "the collection of different T-cell receptors in a person, i.e. the range of targets their T cells can recognise."),
    ("Treatment-related mortality (TRM)", "deaths caused by the treatment itself rather than the disease (often counted as deaths from any cause within 100 days)."),
    ("Astrocyte", "a glial cell whose end-feet surround brain capillaries and support the blood–brain barrier; reactive astrocytes form scars (gliosis)."),
    ("Plasma cell", "a fully differentiated, antibody-secreting B-lineage cell; it lacks CD20, so anti-CD20 drugs spare it."),
    ("BTK inhibitor", "a drug that blocks Bruton's tyrosine kinase in B cells and microglia; brain-penetrant ones are tested against smouldering MS."),
    ("PTLD (post-transplant lymphoproliferative disorder)", "an uncontrolled growth of (usually EBV-infected) B cells after strong T-cell suppression."),
    ("Pseudo-atrophy", "apparent brain shrinkage caused by resolving inflammation and swelling rather than by tissue loss."),
    # Terms the brief asks to be defined inline, and words the lessons use often;
    # definitions follow brief sections 1-7.
    ("Transdifferentiation", "a claimed switch of one specialised cell type into an unrelated one (for example a marrow cell becoming a nerve cell); for MSCs in the body the evidence is weak."),
    ("Thymus and TRECs", "the thymus is the organ where new T cells mature; T-cell receptor excision circles (TRECs) are DNA by-products that mark T cells recently made there."),
    ("Stem cell tourism", "travelling, often abroad, to a clinic that sells unproven stem cell treatments outside regulated trials."),
    ("Shadow plaque", "a lesion that has been remyelinated; its thin new myelin makes it look pale."),
    ("T cell", "a lymphocyte that recognises one target through its T-cell receptor; helper (CD4) T cells direct immune responses and CD8 T cells can kill cells directly."),
    ("CD4 and CD8", "surface markers that split T cells into helpers (CD4) and killers (CD8); in MS lesions CD8 T cells are often the most numerous."),
    ("Macrophage", "an immune cell that engulfs debris and microbes; in MS, macrophages from the blood and activated microglia strip and eat myelin."),
    ("T2 lesion", "a bright spot on a T2-weighted (or FLAIR) MRI scan; T2 lesions add up over time and show old and new damage together."),
    ("T1 black hole", "a dark spot on a T1-weighted MRI scan that marks severe tissue loss; not every old lesion becomes one."),
    ("Brain atrophy", "shrinkage of the brain measured on MRI; it mostly reflects the loss of neurons and axons (but see pseudo-atrophy)."),
    ("Natalizumab", "an antibody medicine that blocks the adhesion molecule VLA-4, so fewer immune cells can cross the blood-brain barrier."),
    ("Randomised controlled trial (RCT)", "a study in which chance decides who gets the treatment and who gets the comparison, so the groups differ only by the treatment."),
    ("Cohort study", "an observational study that follows a group of treated people over time, without a randomised comparison group."),
    ("Single-arm trial", "a trial in which everyone gets the treatment; with no comparison group, it shows what happens after treatment, not how much is due to it."),
    ("Meta-analysis", "a study that pools the results of many earlier studies to get one overall estimate."),
    ("Hazard ratio", "how much lower or higher the rate of an event is in one group than in another; 0.5 means half the rate."),
    ("Cumulative incidence", "the share of people who have had an event by a given time, for example by 5 years."),
    ("Confounding", "when a difference between groups is caused by something other than the treatment, such as who was chosen for it."),
    ("Surrogate endpoint", "a measurement (such as a nerve-signal speed or an MRI sign) used in place of what matters most to patients, such as disability."),
    ("Placebo", "a dummy treatment that looks like the real one, so that neither patients nor doctors can tell who got what."),
    ("Regression to the mean", "the tendency of something measured at an unusually bad moment (such as during a relapse) to look better next time, with or without treatment."),
    ("Informed consent", "a patient's free agreement to a treatment or trial after being told, in words they understand, its purpose, benefits, risks and alternatives."),
    ("Trial phases", "phase 1 tests safety and dose in a few people; phase 2 looks for a signal of benefit; phase 3 compares with standard care in many people; phase 4 follows a treatment after approval."),
    ("ISSCR", "the International Society for Stem Cell Research, which publishes guidelines for stem cell research and advice for patients."),
    ("JACIE", "the joint accreditation body of the EBMT and ISCT that inspects and accredits transplant centres."),
    ("Chronic active lesion", "a \"smouldering\" lesion with a burnt-out centre and a rim of activated microglia that slowly expands."),
    ("Naive and memory cells", "a naive T or B cell has not yet met the target it recognises; a memory cell has met it before, multiplied into a clone and responds faster when it meets the target again."),
    ("Effector T cell", "an activated T cell that does the attacking (driving inflammation or killing cells), as opposed to a regulatory T cell that restrains other immune cells."),
    ("Intrathecal", "given into the cerebrospinal fluid (CSF) around the brain and spinal cord; tried for MSCs to get closer to the central nervous system."),
    ("Sham procedure", "a dummy procedure that imitates the real one (for example a sham injection), so that participants cannot tell whether they received the treatment; a placebo for procedures."),
    ("Open-label", "describes a trial in which patients and doctors know who gets which treatment (not blinded)."),
)


def markdown():
    """The whole glossary as Markdown, one heading per term, sorted A to Z."""
    lines = [
        "# Glossary",
        "",
        "Plain-language definitions of the terms used in the course, from A to Z.",
        "In a lesson, the search box in [Lesson 00: Start here](00_start_here.ipynb) finds a term",
        "as you type. This file is generated from `notebooks/mscourse/glossary.py`; edit that file,",
        "then run `python -m notebooks.mscourse.export`.",
        "",
    ]
    for term, definition in sorted(TERMS, key=lambda t: t[0].lower()):
        lines += [f"## {term}", "", definition[0].upper() + definition[1:], ""]
    return "\n".join(lines)


def search(query):
    """Terms whose name or definition contains every word of ``query``."""
    words = query.lower().split()
    return [(t, d) for t, d in sorted(TERMS, key=lambda x: x[0].lower())
            if all(word in (t + " " + d).lower() for word in words)]


def results_html(query):
    """Search results as HTML; the query is escaped, never run."""
    found = search(query)
    shown = html.escape(query.strip())
    if not query.strip():
        head = f"{len(TERMS)} terms. Type a word to search."
    elif not found:
        return f"<p>No term matches “{shown}”. Try a shorter word.</p>"
    else:
        head = f"{len(found)} term{'s' if len(found) != 1 else ''} match “{shown}”."
    items = "".join(f"<li><b>{html.escape(t)}:</b> {html.escape(d)}</li>" for t, d in found)
    return (f'<div style="font-size:{style.html_font_size()}"><p>{head}</p>'
            f'<ul style="max-height:18em;overflow-y:auto">{items}</ul></div>')


class GlossarySearch(CourseWidget):
    """A search box over the glossary, searched in the browser as you type.

    Every term ships to the browser once (``web/glossary.js`` applies the rule of
    ``search``); the query is only ever displayed as text, never run.
    """

    _esm = esm_text("glossary")
    terms = t.List().tag(sync=True)
    query = t.Unicode("").tag(sync=True)

    def __init__(self):
        super().__init__(heading="Glossary",
                         terms=[list(pair) for pair in sorted(TERMS, key=lambda x: x[0].lower())],
                         scale=style.scale())
        register(self)

    @property
    def results(self):
        """What the search shows for the current query, as HTML."""
        return results_html(self.query)

    def exercise(self):
        queries = ["myelin", "OPC", "zzz-no-such-term", "<b>bold</b>", "", "stem cell"]
        for query in queries:
            self.query = query
            assert html.escape(query.strip()) in self.results
        return len(queries)


def search_widget():
    return GlossarySearch()
