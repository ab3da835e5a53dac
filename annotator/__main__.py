from __future__ import annotations

import sys

from annotator.main import main

# Guarded: a helper process (suggestions) imports this module again under another name.
if __name__ == "__main__":
    sys.exit(main())
