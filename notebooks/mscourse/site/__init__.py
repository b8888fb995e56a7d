"""The course without a kernel: a static, still-interactive site and printable handouts.

Build it from the repository root (with the README's virtual environment):

    python -m notebooks.mscourse.site build/site

Every lesson notebook becomes a page: its Markdown rendered, and every widget
replaced by a static twin fed from embedded data (storyboard frames, every
reachable explorer state, quiz feedback), all drawn in advance by the same
scene functions the notebooks use. Nothing on the pages needs the network.

* ``extract``: runs each notebook's one-line widget calls and reads the widgets'
  Python objects (steps, controls, questions); never parses lesson source.
* ``frames``: renders every state once, deduplicated, as small palette PNGs.
* ``pages``: Markdown to HTML, page layout, course map, worksheets, handouts.
* ``build``: the command.
"""
