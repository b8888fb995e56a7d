"""HTML for the site: Markdown, page layout, widget twins, handouts and worksheets.

Markdown is rendered by mistune (it comes with JupyterLab, through nbconvert,
and renders the same CommonMark, tables and raw ``<details>`` as the notebook).
"""

import html
import json
import re

import mistune

SITE_TITLE = "Multiple sclerosis and stem cell therapy"

_markdown = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])


def esc(text):
    return html.escape(str(text), quote=True)


def slug(text):
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[^\w\s-]", "", html.unescape(text).lower())
    return re.sub(r"[\s_]+", "-", text).strip("-") or "section"


def page_name(notebook_stem):
    return f"{notebook_stem}.html"


def link_target(href):
    """A link between course files, rewritten to the site's page (or unchanged)."""
    target, _, anchor = href.partition("#")
    anchor = f"#{anchor}" if anchor else ""
    name = target.rsplit("/", 1)[-1]
    if re.fullmatch(r"\d\d_[\w-]+\.ipynb", name):
        return page_name(name[:-len(".ipynb")]) + anchor
    if name == "glossary.md":
        return "glossary.html" + anchor
    if name == "instructor_guide.md":
        return "instructor-guide.html" + anchor
    if name == "README.md":
        return "index.html" + anchor
    return href


def markdown(text, heading_ids=None):
    """Markdown to HTML: links to other course files point at site pages, headings get ids,
    and Evidence check boxes are marked so they can be styled."""
    out = _markdown(text)
    out = re.sub(r'href="([^"]+)"',
                 lambda m: f'href="{esc(link_target(html.unescape(m.group(1))))}"', out)
    seen = heading_ids if heading_ids is not None else set()

    def add_id(match):
        level, inner = match.group(1), match.group(2)
        base = slug(inner)
        ident, n = base, 2
        while ident in seen:
            ident, n = f"{base}-{n}", n + 1
        seen.add(ident)
        return f'<h{level} id="{ident}">{inner}</h{level}>'

    out = re.sub(r"<h([1-6])>(.*?)</h\1>", add_id, out, flags=re.S)
    out = re.sub(r"<blockquote>\s*<p><strong>Evidence check",
                 '<blockquote class="evidence"><p><strong>Evidence check', out)
    out = re.sub(r"<blockquote>\s*<p><strong>Teaching material",
                 '<blockquote class="notice"><p><strong>Teaching material', out)
    # External links open normally but say where they go; no prefetch, nothing loaded.
    return out


# ---------------------------------------------------------------- layout

def footer(meta):
    return f"""<footer class="site-footer">
<p><strong>Teaching material, not medical advice.</strong> These pages explain the science;
they cannot tell anyone whether a treatment is right for them.</p>
<p>Evidence last checked: {esc(meta['evidence_checked'])}.
Lesson text, figures and this site's content: <a href="LICENSE-CONTENT.txt">CC BY 4.0</a>;
code: <a href="LICENSE.txt">MIT licence</a>. Reuse and adapt them with attribution;
to cite the course, see <a href="CITATION.cff">CITATION.cff</a> ({esc(meta['citation'])}).
Built from the course notebooks; the static site runs no code.</p>
</footer>"""


def layout(title, body, meta, nav="", page_class="", description=""):
    """A whole page: one stylesheet, one script, nothing from the network."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · {esc(SITE_TITLE)}</title>
<meta name="description" content="{esc(description or title)}">
<link rel="stylesheet" href="assets/site.css">
<script>document.documentElement.classList.add("js")</script>
<script src="assets/site.js" defer></script>
</head>
<body class="{page_class}">
<a class="skip" href="#main">Skip to the content</a>
<header class="site-header">
<p class="site-title"><a href="index.html">{esc(SITE_TITLE)}</a></p>
<nav aria-label="Site"><ul>
<li><a href="index.html">Course map</a></li>
<li><a href="glossary.html">Glossary</a></li>
<li><a href="instructor-guide.html">Instructor guide</a></li>
</ul></nav>
</header>
<main id="main">
{nav}
{body}
</main>
{footer(meta)}
</body>
</html>
"""


def lesson_nav(lessons, index, label):
    parts = []
    if index > 0:
        prev = lessons[index - 1]
        parts.append(f'<a rel="prev" href="{prev["page"]}">Previous: {esc(prev["title"])}</a>')
    if index < len(lessons) - 1:
        nxt = lessons[index + 1]
        parts.append(f'<a rel="next" href="{nxt["page"]}">Next: {esc(nxt["title"])}</a>')
    return f'<nav class="lesson-nav" aria-label="{esc(label)}">{" ".join(parts)}</nav>'


# ---------------------------------------------------------------- widget twins

def _img(frame, alt, extra=""):
    return (f'<img src="{frame["src"]}" width="{frame["width"]}" height="{frame["height"]}" '
            f'alt="{esc(alt)}"{extra}>')


def _legend(data):
    legend = data.get("legend")
    return f'<div class="legend">{_img(legend, legend["alt"])}</div>' if legend else ""


def _data_script(ident, data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="{ident}-data">{text}</script>'


def storyboard_html(ident, data):
    steps = data["steps"]
    heading = data["heading"] or "Step through"
    first = steps[0]
    options = "".join(f'<option value="{i}">{i + 1}. {esc(s["title"])}</option>'
                      for i, s in enumerate(steps))
    live = f"""<div class="twin-live">
<div class="controls" role="group" aria-label="{esc(heading)}: step controls">
<button type="button" class="prev" aria-disabled="true">← Previous</button>
<button type="button" class="next">Next →</button>
<label class="step-pick">Step <select class="step-list">{options}</select></label>
<button type="button" class="reset">Reset</button>
<span class="hint">or use ← → Home End</span>
</div>
<p class="step-title" aria-live="polite"><strong>Step 1 of {len(steps)}:</strong> <span>{esc(first["title"])}</span></p>
<p class="caption">{first["caption"]}</p>
<figure class="diagram">{_img(first["frame"], first["frame"]["alt"], f' aria-describedby="{ident}-desc"')}
{_legend(data)}
<figcaption id="{ident}-desc" class="description"><em>What the diagram shows:</em> <span>{esc(first["frame"]["description"])}</span></figcaption>
</figure>
</div>"""
    printed = "".join(
        f"""<li class="print-step"><h4>Step {i + 1} of {len(steps)}: {esc(s["title"])}</h4>
<p class="caption">{s["caption"]}</p>
<figure class="diagram">{_img(s["frame"], s["frame"]["alt"])}
<figcaption class="description"><em>What the diagram shows:</em> {esc(s["frame"]["description"])}</figcaption></figure></li>"""
        for i, s in enumerate(steps))
    legend_print = _legend(data).replace('<div class="legend">', '<div class="legend print-legend">')
    return f"""<section class="twin storyboard" id="{ident}" aria-labelledby="{ident}-h" data-kind="storyboard">
<h3 id="{ident}-h" class="twin-heading">{esc(heading)} <span class="kind">storyboard, {len(steps)} steps</span></h3>
{live}
<ol class="all-steps">{printed}</ol>{legend_print}
{_data_script(ident, data)}
</section>"""


def _control_html(ident, index, control):
    name = f"{ident}-c{index}"
    label = esc(control["label"].rstrip(":"))
    default = control["default"]
    kind = control["kind"]
    if kind in ("checkbox", "toggle"):
        checked = " checked" if default else ""
        return (f'<label class="ctl ctl-check"><input type="checkbox" data-ctl="{index}"{checked}> '
                f'{label}</label>')
    if kind == "radio":
        radios = "".join(
            f'<label><input type="radio" name="{name}" value="{i}" data-ctl="{index}"'
            f'{" checked" if i == default else ""}> {esc(text)}</label>'
            for i, text in enumerate(control["options"]))
        return f'<fieldset class="ctl ctl-radio"><legend>{label}</legend>{radios}</fieldset>'
    if kind == "select":
        options = "".join(f'<option value="{i}"{" selected" if i == default else ""}>{esc(text)}</option>'
                          for i, text in enumerate(control["options"]))
        return (f'<label class="ctl ctl-select">{label} <select data-ctl="{index}">{options}'
                f"</select></label>")
    if kind == "slider":
        last = len(control["options"]) - 1
        return (f'<label class="ctl ctl-slider">{label} <input type="range" min="0" max="{last}" '
                f'step="1" value="{default}" data-ctl="{index}" '
                f'aria-valuetext="{esc(control["options"][default])}"> '
                f'<output>{esc(control["options"][default])}</output></label>')
    raise ValueError(kind)


def explorer_html(ident, data):
    heading = data["heading"] or "Explore"
    default = data["states"][data["default"]]
    frame = data["frames"][default["frame"]]
    alt = f"{heading}: {default['summary']}"
    controls = "".join(_control_html(ident, i, c) for i, c in enumerate(data["controls"]))
    subset = ""
    if data["shipped"] < data["total"]:
        subset = (f'<p class="subset">This explorer has {data["total"]} combinations of its controls. '
                  f"The static site ships the {data['shipped']} nearest the start (up to "
                  f"{max(sum(a != b for a, b in zip(k.split(','), data['default'].split(','))) for k in data['states'])}"
                  f" changes from it); the notebook draws any of them.</p>")
    note = f'<div class="note">{data["note"]}</div>' if data["note"] else ""
    live_note = (f'<div class="live-note" aria-live="polite">{default["note"]}</div>'
                 if "note" in default else "")
    return f"""<section class="twin explorer" id="{ident}" aria-labelledby="{ident}-h" data-kind="explorer">
<h3 id="{ident}-h" class="twin-heading">{esc(heading)} <span class="kind">explorer</span></h3>
<div class="controls" role="group" aria-label="{esc(heading)}: controls">{controls}
<button type="button" class="reset">Reset</button></div>
<p class="state-summary"><span class="print-only">Shown in its starting state: </span><span class="summary">{esc(default["summary"])}</span></p>
<p class="missing" hidden aria-live="polite"></p>
<figure class="diagram">{_img(frame, alt, f' aria-describedby="{ident}-desc"')}
{_legend(data)}
<figcaption id="{ident}-desc" class="description" aria-live="polite"><em>What the diagram shows:</em> <span>{esc(frame["description"])}</span></figcaption>
</figure>
{live_note}{note}{subset}
{_data_script(ident, data)}
</section>"""


def quiz_html(ident, data, numbering_start=1):
    parts = []
    for qi, q in enumerate(data["questions"]):
        qid = f"{ident}-q{qi}"
        kind = "checkbox" if q["multiple"] else "radio"
        hint = "tick every correct option" if q["multiple"] else "choose one"
        options = "".join(
            f'<label><input type="{kind}" name="{qid}" value="{i}"> {q["options"][i]["text"]}</label>'
            for i in q["order"])
        parts.append(f"""<div class="question" data-q="{qi}">
<fieldset><legend><strong>Question {qi + 1}.</strong> {q["prompt"]} <em>({hint})</em></legend>
{options}</fieldset>
<button type="button" class="check">Check</button>
<div class="feedback" aria-live="polite"></div>
</div>""")
    return f"""<section class="twin quiz" id="{ident}" aria-labelledby="{ident}-h" data-kind="quiz">
<h3 id="{ident}-h" class="twin-heading">{esc(data["heading"])} <span class="kind">quiz</span></h3>
<p class="print-only">Answers are in the answer key at the end.</p>
{"".join(parts)}
{_data_script(ident, data)}
</section>"""


def answer_key_html(quizzes):
    if not quizzes:
        return ""
    items = []
    for data in quizzes:
        for qi, q in enumerate(data["questions"]):
            right = [o for o in q["options"] if o["correct"]]
            answers = "".join(f"<li>{o['text']}: {o['why']}</li>" for o in right)
            items.append(f"<li><p>{q['prompt']}</p><ul>{answers}</ul></li>")
    return f"""<section class="answer-key print-only" aria-label="Answer key">
<h2>Answer key</h2>
<ol>{"".join(items)}</ol>
</section>"""


def glossary_html(ident, data):
    return f"""<section class="twin glossary-search" id="{ident}" aria-labelledby="{ident}-h" data-kind="glossary">
<h3 id="{ident}-h" class="twin-heading">Search the glossary</h3>
<label>Search <input type="search" placeholder="{esc(data["placeholder"])}"></label>
<p class="count" aria-live="polite">{len(data["terms"])} terms. Type a word to search.</p>
<ul class="results">{"".join(f"<li><b>{esc(t)}:</b> {esc(d)}</li>" for t, d in data["terms"])}</ul>
{_data_script(ident, data)}
</section>"""


def figure_html(ident, frame, title):
    heading = f'<h3 class="twin-heading">{esc(title)}</h3>' if title else ""
    return f"""<section class="twin static-figure" id="{ident}">{heading}
<figure class="diagram">{_img(frame, title or "Diagram", f' aria-describedby="{ident}-desc"')}
<figcaption id="{ident}-desc" class="description"><em>What the diagram shows:</em> {esc(frame["description"])}</figcaption></figure>
</section>"""


TWIN_HTML = {"storyboard": storyboard_html, "explorer": explorer_html, "quiz": quiz_html,
             "glossary": glossary_html}
