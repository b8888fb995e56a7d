"""Showing a diagram in a notebook: the image with its alt text and visible description."""

import base64
import html

from . import style
from .render import full_figure, to_png
from .scene import describe


def figure_html(png_bytes, description, title=""):
    """A self-contained image with alt text and a visible description."""
    data = base64.b64encode(png_bytes).decode("ascii")
    alt = html.escape(description, quote=True)
    heading = f"<p><strong>{html.escape(title)}</strong></p>" if title else ""
    return (
        f'<figure class="mscourse-figure" style="margin:0">{heading}'
        f'<img src="data:image/png;base64,{data}" alt="{alt}" '
        f'style="max-width:100%;height:auto">'
        f'<figcaption style="font-size:{style.html_font_size()}">'
        f"<em>What the diagram shows:</em> {html.escape(description)}</figcaption></figure>"
    )


def show(scene, state, title=""):
    """Display a static diagram with its description (for non-interactive figures)."""
    from IPython.display import HTML, display

    figure, _ = full_figure(scene, state)
    figure.set_dpi(style.dpi())
    display(HTML(figure_html(to_png(figure)[0], describe(scene, state), title)))
