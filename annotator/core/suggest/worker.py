"""The suggestion engine as a helper process runs it: rules read once and again only when
a rule file changes. Plain functions of picklable values, so that the window can run them
in a process of its own (the engine is pure Python: in a thread of the window's process it
would hold the interpreter lock the window needs to paint).

``python -m annotator.core.suggest.worker PARENT_PID`` is that process: it reads requests
from its standard input and answers each on its standard output, in order, one at a time
(:func:`serve`); it ends when its input closes or the process ``PARENT_PID`` is gone. It
imports only the engine (not the annotation model, the database or Qt).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from annotator.core.suggest.engine import Areas, RuleSet, load_rules, suggest
from annotator.core.suggest.learned import (
    Phrases,
    Tagged,
    compile_phrases,
    learned,
    learned_between,
)
from annotator.core.suggest.model import Suggestion
from annotator.core.suggest.pieces import Piece, attributed_regions, run_piece

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


def compute_piece(
    chunk: str, piece: Piece, carried: Areas, folders: Sequence[str]
) -> tuple[list[Suggestion], Areas, set[str]]:
    """The suggestions the rules in ``folders`` make in one piece of a text (see
    :func:`annotator.core.suggest.pieces.run_piece`), the regions it carries on, and
    those that cannot be carried (:func:`annotator.core.suggest.pieces.attributed_regions`)."""
    rules = rules_for(folders)
    found, onward = run_piece(chunk, rules, piece, carried)
    return found, onward, attributed_regions(rules)


_phrases: tuple[str, tuple[Tagged, ...], Phrases] | None = None


def _compiled(tagged: tuple[Tagged, ...], name: str = "") -> Phrases:
    """The phrases ``tagged`` compiled (known as ``name`` from then on), again only when
    they change."""
    global _phrases
    if _phrases is None or _phrases[1] != tagged:
        _phrases = None  # the old ones go before the new ones are made
        _phrases = (name, tagged, compile_phrases(tagged))
    _phrases = (name, tagged, _phrases[2])
    return _phrases[2]


def _named(name: str) -> Phrases:
    """The phrases last compiled as ``name``; ``LookupError`` if others were since."""
    if _phrases is None or _phrases[0] != name:
        raise LookupError(name)
    return _phrases[2]


def learn(text: str, tagged: tuple[Tagged, ...]) -> list[Suggestion]:
    """Every occurrence in ``text`` of the phrases ``tagged`` by hand (see
    :func:`annotator.core.suggest.learned.learned`)."""
    return learned(text, _compiled(tagged))


def learn_piece(
    chunk: str,
    piece: Piece,
    name: str,
    tagged: tuple[Tagged, ...] | None,
    dropped: set[str] | None,
) -> tuple[dict[str, int], list[Suggestion] | None]:
    """:func:`annotator.core.suggest.learned.learned_between` for the occurrences that
    start in ``piece``, given ``chunk``, the text ``piece.lead``..``piece.tail`` (offsets
    of the whole text), of the phrases ``tagged``, known as ``name`` from then on; with
    ``tagged`` None, of those last given as ``name`` (``LookupError`` if other phrases
    were given since: a long list of phrases is sent once, not with every piece)."""
    phrases = _named(name) if tagged is None else _compiled(tagged, name)
    counts, found = learned_between(
        chunk, phrases, piece.start - piece.lead, piece.stop - piece.lead, dropped
    )
    lead = piece.lead
    if found is not None and lead:
        found = [s._replace(start=s.start + lead, end=s.end + lead) for s in found]
    return counts, found


# -- the helper process's end of the pipes ----------------------------------------------

_LENGTH = struct.Struct("<Q")


def packed(value: object) -> bytes:
    """``value`` as one message: its pickle's length (8 bytes), then it."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(data)) + data


def unpacked(message: bytes) -> Any:
    """The value of a message :func:`packed` made."""
    return pickle.loads(memoryview(message)[_LENGTH.size :])


def send(fd: int, value: object) -> None:
    """Write ``value`` to ``fd`` as one message (see :func:`packed`; already packed if
    ``bytes``)."""
    view = memoryview(value if isinstance(value, bytes) else packed(value))
    while view:
        view = view[os.write(fd, view) :]


def receive(fd: int) -> Any:
    """The next message :func:`send` wrote to ``fd``; ``EOFError`` if the pipe closed."""
    (length,) = _LENGTH.unpack(_read(fd, _LENGTH.size))
    return pickle.loads(_read(fd, length))


def _read(fd: int, count: int) -> bytes:
    parts, left = [], count
    while left:
        part = os.read(fd, min(left, 1 << 20))
        if not part:
            raise EOFError
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


# What a request may ask for, by name.
TASKS: dict[str, Callable[..., Any]] = {
    "compute": compute,
    "compute_piece": compute_piece,
    "learn": learn,
    "learn_piece": learn_piece,
    "warm": warm,
}


def answer(name: str, args: tuple[Any, ...]) -> tuple[bool, Any]:
    """(True, what ``TASKS[name](*args)`` returns), or (False, the exception it raised)."""
    try:
        return True, TASKS[name](*args)
    except Exception as exc:  # sent to the window, which says what went wrong
        return False, exc


def serve(requests: int, answers: int) -> None:
    """Answer each request ``(name, args)`` read from ``requests`` with ``(ok, value)``
    (see :func:`answer`) on ``answers``, until ``requests`` closes."""
    while True:
        try:
            name, args = receive(requests)
        except EOFError:
            return
        ok, value = answer(name, args)
        try:
            send(answers, (ok, value))
        except (pickle.PicklingError, TypeError, AttributeError):
            send(answers, (False, RuntimeError(str(value))))


def main(argv: Sequence[str] | None = None) -> int:
    """The helper process: serve the window ``argv[0]`` (its process id) over the
    standard input and output."""
    args = sys.argv[1:] if argv is None else list(argv)
    watch_parent(int(args[0]))
    # Answers go on a copy of the output; anything printed goes to the error output.
    answers = os.dup(1)
    os.dup2(2, 1)
    with contextlib.suppress(BrokenPipeError, KeyboardInterrupt):
        serve(0, answers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
