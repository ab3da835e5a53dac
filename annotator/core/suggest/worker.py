"""The suggestion engine as a helper process runs it: rules read once and again only when
a rule file changes. Plain functions of picklable values, so that the window can run them
in a process of its own (the engine is pure Python: in a thread of the window's process it
would hold the interpreter lock the window needs to paint)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from annotator.core.suggest.engine import RuleSet, load_rules, suggest
from annotator.core.suggest.learned import Phrases, Tagged, compile_phrases, learned
from annotator.core.suggest.model import Suggestion

Files = tuple[tuple[str, int, int], ...]

_loaded: tuple[Files, RuleSet] | None = None


def watch_parent(parent: int) -> None:
    """In the helper process: end it as soon as ``parent`` (the window's process) is gone,
    even if that was killed and never said goodbye (checked every half second)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def rule_files(folders: Sequence[str]) -> Files:
    """(path, size, modification time) of every file in ``folders``: what, changed,
    means the rules are read again."""
    found = []
    for name in folders:
        folder = Path(name)
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file():
                    stat = path.stat()
                    found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def rules_for(folders: Sequence[str]) -> RuleSet:
    """The rules in ``folders`` (see :func:`load_rules`), read again only if a file changed.
    Raises ``RuleError`` for a file that cannot be used."""
    global _loaded
    files = rule_files(folders)
    if _loaded is None or _loaded[0] != files:
        _loaded = (files, load_rules([Path(f) for f in folders]))
    return _loaded[1]


def warm(folders: Sequence[str]) -> int:
    """Read the rules ahead of the first document; returns how many rules there are."""
    return rules_for(folders).rule_count


def compute(text: str, folders: Sequence[str]) -> list[Suggestion]:
    """Every suggestion the rules in ``folders`` make for ``text``."""
    return suggest(text, rules_for(folders))


_phrases: tuple[tuple[Tagged, ...], Phrases] | None = None


def learn(text: str, tagged: tuple[Tagged, ...]) -> list[Suggestion]:
    """Every occurrence in ``text`` of the phrases ``tagged`` by hand (see
    :func:`annotator.core.suggest.learned.learned`); the phrases are compiled again only
    when they change."""
    global _phrases
    if _phrases is None or _phrases[0] != tagged:
        _phrases = (tagged, compile_phrases(tagged))
    return learned(text, _phrases[1])
