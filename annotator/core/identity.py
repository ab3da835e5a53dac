from __future__ import annotations

import getpass
import os


def current_annotator() -> str:
    """Who is annotating: ``ANNOTATOR_USER`` if set, else the login name."""
    name = os.environ.get("ANNOTATOR_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
