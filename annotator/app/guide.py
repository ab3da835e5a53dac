"""The user guide: the Markdown pages of ``docs/``, shipped with the package.

A source checkout reads the repository's ``docs/``; an installed wheel carries a copy in
``annotator/_data/docs`` (``pyproject.toml``). Links between pages name a file and a
heading's anchor, spelled as GitHub spells it, so they work on GitHub and in the app.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.app.resources import data_dir
from annotator.core.messages import N_, say

FIRST_PAGE = "user-guide.md"


def guide_page(name: str = FIRST_PAGE) -> Path:
    """The path of one page of the guide; raises FileNotFoundError when it is missing."""
    path = data_dir("docs") / name
    if not path.is_file():
        raise FileNotFoundError(
            say(
                N_("the user guide's page {name} is missing from the installation"), name=repr(name)
            )
        )
    return path


def heading_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as ``-``.

    ``"Retrieve (View ▸ Retrieve…, Ctrl+Shift+F)"`` gives ``"retrieve-view--retrieve-ctrlshiftf"``.
    """
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
