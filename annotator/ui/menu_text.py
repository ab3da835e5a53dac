"""Menu texts as plain text, for tooltips and lists of actions."""

from __future__ import annotations

import re

# A mnemonic as Chinese and Japanese menus write it, after the text: "匯入(&I)…".
TRAILING_MNEMONIC = re.compile(r"\(&[^&\s]\)")


def plain(text: str) -> str:
    """``text`` without its mnemonic: "&Import…" → "Import…", "匯入(&I)…" → "匯入…";
    "&&" stays a single "&"."""
    text = TRAILING_MNEMONIC.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
