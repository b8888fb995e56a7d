"""``python -m notebooks.mscourse.site OUT_DIR`` (run from the repository root)."""

import pathlib
import sys

# The notebooks import the helper package as ``mscourse`` (from notebooks/);
# import the builder the same way so the widgets they create are the classes we read.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

from mscourse.site.build import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
