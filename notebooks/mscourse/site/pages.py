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
    # A code block may scroll sideways: keyboard users must be able to reach it (WCAG 2.1.1).
    out = out.replace("<pre>", '<pre tabindex="0">')
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
<link rel="stylesheet" href="assets/course.css">
<link rel="icon" href="data:,">
<script>document.documentElement.classList.add("js")</script>
<script type="module" src="assets/site.js"></script>
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
#
# Each twin is a host element that assets/host.js fills with the notebooks' own
# widget code (mscourse/web), fed from the JSON beside it, plus a static version
# of the same content for print and for readers without JavaScript.

def _img(src, width, height, alt, extra=""):
    return f'<img src="{src}" width="{width}" height="{height}" alt="{esc(alt)}"{extra}>'


def _legend(model):
    return "".join(f'<img class="legend" src="{item["image"]}" alt="{esc(item["alt"])}">'
                   for item in model.get("legend", []))


def _data_script(ident, data):
    text = json.dumps(data["model"], ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="{ident}-data">{text}</script>'


def _host(ident, data):
    return (f'<div class="twin" id="{ident}" data-kind="{data["kind"]}">'
            f'<div class="host" data-model="{ident}-data"></div>')


def _figure(frame, description_id=None):
    extra = f' aria-describedby="{description_id}"' if description_id else ""
    caption_id = f' id="{description_id}"' if description_id else ""
    return (f'<figure class="diagram">{_img(frame["image"], frame["width"], frame["height"], frame["alt"], extra)}'
            f'<figcaption{caption_id} class="description"><em>What the diagram shows:</em> '
            f'{esc(frame["description"])}</figcaption></figure>')


def storyboard_html(ident, data):
    model = data["model"]
    steps = model["frames"]
    heading = model["heading"] or "Step through"
    items = "".join(
        f'<li class="print-step"><h4>Step {i + 1} of {len(steps)}: {esc(s["title"])}</h4>'
        f'<div class="caption">{s["caption"]}</div>{_figure(s, f"{ident}-d{i}")}</li>'
        for i, s in enumerate(steps))
    return f"""{_host(ident, data)}
<div class="static-version"><h3 class="twin-heading">{esc(heading)} <span class="kind">({len(steps)} steps)</span></h3>
<ol class="all-steps">{items}</ol>{_legend(model)}</div>
{_data_script(ident, data)}</div>"""


def _value_label(spec, value):
    if spec["kind"] in ("checkbox", "toggle"):
        return "on" if value else "off"
    if spec["kind"] == "range":
        return str(value)
    return next((o["label"] for o in spec["options"] if o["value"] == value), str(value))


def explorer_html(ident, data):
    model = data["model"]
    heading = model["heading"] or "Explore"
    frame = next(f for f in model["frames"] if f["values"] == model["defaults"])
    settings = "; ".join(f'{s["label"].rstrip(":")}: {_value_label(s, model["defaults"][s["key"]])}'
                         for s in model["controls"])
    subset = ""
    if data["shipped"] < data["total"]:
        subset = (f'<p class="subset">This explorer has {data["total"]} combinations of its controls; '
                  f'this page holds the {data["shipped"]} with at most {data["ring"]} controls changed '
                  "from the start. The notebook draws any of them.</p>")
    note = f'<div class="note">{model["note"]}</div>' if model["note"] else ""
    live_note = f'<div class="note">{frame["note"]}</div>' if frame.get("note") else ""
    return f"""{_host(ident, data)}
<div class="static-version"><h3 class="twin-heading">{esc(heading)}</h3>
<p class="state-summary">Shown in its starting state ({esc(settings)}).</p>
{_figure(frame, f"{ident}-d")}{_legend(model)}{note}{live_note}</div>
{subset}{_data_script(ident, data)}</div>"""


def quiz_html(ident, data):
    model = data["model"]
    items = []
    for i, q in enumerate(model["questions"]):
        hint = "tick every correct option" if q["multiple"] else "choose one"
        mark = "☐" if q["multiple"] else "○"
        options = "".join(f'<li><span aria-hidden="true">{mark}</span> {o["label"]}</li>' for o in q["options"])
        items.append(f'<li class="question"><p>{q["prompt"]} <em>({hint})</em></p>'
                     f'<ul class="options">{options}</ul></li>')
    return f"""{_host(ident, data)}
<div class="static-version"><h3 class="twin-heading">{esc(model["heading"])}</h3>
<p class="print-only">The answers are in the answer key at the end.</p>
<ol class="questions">{"".join(items)}</ol></div>
{_data_script(ident, data)}</div>"""


def answer_key_html(quizzes):
    """Every question's correct option(s) with the reason, for the end of a handout."""
    if not quizzes:
        return ""
    items = []
    for data in quizzes:
        for q in data["questions"]:
            right = "".join(f"<li>{o.text} <span class=\"why\">{o.why}</span></li>"
                            for o in q.options if o.correct)
            items.append(f"<li><p>{q.prompt}</p><ul>{right}</ul></li>")
    return f"""<section class="answer-key" aria-labelledby="answer-key">
<h2 id="answer-key">Answer key</h2>
<ol>{"".join(items)}</ol>
</section>"""


def glossary_html(ident, data):
    model = data["model"]
    return f"""{_host(ident, data)}
<div class="static-version"><p>{len(model["terms"])} terms: see the <a href="glossary.html">glossary</a>.</p></div>
{_data_script(ident, data)}</div>"""


def figure_html(ident, frame, title):
    heading = f'<h3 class="twin-heading">{esc(title)}</h3>' if title else ""
    image = {**frame, "image": frame["src"], "alt": title or "Diagram"}
    return f'<div class="twin static-figure" id="{ident}">{heading}{_figure(image, f"{ident}-d")}</div>'


TWIN_HTML = {"storyboard": storyboard_html, "explorer": explorer_html, "quiz": quiz_html,
             "glossary": glossary_html}
