"""Every diagram state drawn once, as a small file: the site's images.

Diagrams are flat schematic colours, so a 64-colour palette PNG looks the same
as the full-colour render at a third of the size (SVG of these scenes,
with text as outlines, is 3 to 8 times larger). Identical frames (the same
state reached from two widgets) are stored once, named by their content.
"""

import hashlib
import io
import pathlib

import matplotlib
import PIL.Image

from .. import style
from ..actors import ACTORS, draw_legend, legend_alt, legend_height
from ..canvas import prepare
from ..render import Renderer, canvas_figure, full_figure, to_png
from ..scene import describe

DPI = 110  # 935 px across at the notebook's 8.5 in: sharp on screen and in print
COLOURS = 64


def _png(figure):
    return to_png(figure, dpi=DPI, colours=COLOURS, compress_level=9)


class FrameStore:
    """Renders scene states to ``out/img/`` once each; returns image records."""

    def __init__(self, out_dir):
        self.folder = pathlib.Path(out_dir) / "img"
        self.folder.mkdir(parents=True, exist_ok=True)
        self._renderers = {}
        self._frames = {}  # (scene name, repr(state)) -> record
        self.files = {}  # file name -> size in bytes
        self.renders = 0

    def _save(self, data, size):
        name = hashlib.sha1(data).hexdigest()[:16] + ".png"
        if name not in self.files:
            (self.folder / name).write_bytes(data)
            self.files[name] = len(data)
        return {"src": f"img/{name}", "width": size[0], "height": size[1]}

    def data_url_image(self, url):
        """A ``data:image/png;base64,...`` image a widget holds, saved as a file here."""
        import base64
        import io

        import PIL.Image

        data = base64.b64decode(url.split(",", 1)[1])
        return self._save(data, PIL.Image.open(io.BytesIO(data)).size)

    def frame(self, scene, state):
        """{src, width, height, description} of one scene state."""
        key = (scene.name, repr(state))
        if key not in self._frames:
            renderer = self._renderers.get(scene.name)
            if renderer is None or renderer.scene is not scene:
                renderer = self._renderers[scene.name] = Renderer(scene)
            with matplotlib.rc_context(style.rc()):
                renderer.draw(state)
            record = self._save(*_png(renderer.figure))
            record["description"] = describe(scene, state)
            self._frames[key] = record
            self.renders += 1
        return dict(self._frames[key])

    def legend(self, scene):
        """The scene's legend strip (drawn once per scene), or None."""
        if not scene.legend:
            return None
        key = (scene.name, "legend")
        if key not in self._frames:
            height = legend_height(scene.legend)
            figure, ax = canvas_figure(scene.width, height, scene.inches)
            with matplotlib.rc_context(style.rc()):
                prepare(ax, scene.width, height)
                draw_legend(ax, scene.legend, scene.width)
            record = self._save(*_png(figure))
            names = [ACTORS[k].name for k in scene.legend if k in ACTORS]
            record["alt"] = legend_alt(scene.legend)
            record["names"] = names
            self._frames[key] = record
        return dict(self._frames[key])

    def figure(self, scene, state):
        """A static diagram with its legend below it (what ``show`` displays)."""
        key = (scene.name, "full", repr(state))
        if key not in self._frames:
            figure, _ = full_figure(scene, state)
            record = self._save(*_png(figure))
            record["description"] = describe(scene, state)
            self._frames[key] = record
            self.renders += 1
        return dict(self._frames[key])

    @property
    def total_bytes(self):
        return sum(self.files.values())
