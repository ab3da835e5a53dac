"""The characters a regular expression's match can start with, to skip positions fast.

:func:`first_chars` walks the parsed expression (the standard library's own parser) and
returns a character class such as ``[0-9$€A-Za]``, or ``None`` when any character could
start a match (or the expression can match the empty string). Conservative: assertions
are assumed to let anything through, and unknown constructs give ``None``.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+: the parser's modules are private but stable.
    from re import _constants as sre_c  # type: ignore[attr-defined]
    from re import _parser as sre_p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    sre_c = None
    sre_p = None


class _Any(Exception):
    """Any character may start a match."""


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class (``[...]``) every match of ``pattern`` starts with, or None."""
    if sre_p is None:
        return None
    try:
        parsed = sre_p.parse(pattern, flags)
        chars: set[str] = set()
        if _sequence(list(parsed), bool(flags & re.IGNORECASE), chars):
            return None  # can match the empty string
    except (_Any, re.error, RecursionError):
        return None
    return "[" + "".join(sorted(chars)) + "]"


def _sequence(items: list[Any], icase: bool, out: set[str]) -> bool:
    """Add the first characters of a sequence to ``out``; True if it can be empty."""
    return all(_item(op, av, icase, out) for op, av in items)


def _item(op: Any, av: Any, icase: bool, out: set[str]) -> bool:
    """Add the first characters of one item; True if it can match empty."""
    c = sre_c
    if op is c.LITERAL:
        _literal(av, icase, out)
        return False
    if op is c.IN:
        for kind, value in av:
            if kind is c.LITERAL:
                _literal(value, icase, out)
            elif kind is c.RANGE:
                lo, hi = value
                if icase and any(chr(x).isalpha() for x in range(lo, hi + 1)):
                    if hi - lo > 200:
                        raise _Any
                    for x in range(lo, hi + 1):
                        _literal(x, True, out)
                else:
                    out.add(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
            elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                out.add(r"\d")
            elif kind is c.CATEGORY and value is c.CATEGORY_SPACE:
                out.add(r"\s")
            else:
                raise _Any
        return False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return True  # zero width: look at what follows
    if op is c.BRANCH:
        empty = False
        for branch in av[1]:
            empty |= _sequence(list(branch), icase, out)
        return empty
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        inner = (icase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return _sequence(list(sub), inner, out)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        empty = _sequence(list(sub), icase, out)
        return empty or low == 0
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _sequence(list(av), icase, out)
    raise _Any


def _literal(code: int, icase: bool, out: set[str]) -> None:
    ch = chr(code)
    variants = {ch}
    if icase:
        variants |= {ch.lower(), ch.upper(), ch.casefold()}
        if ch.lower() in "ks":  # the Kelvin sign and long s fold to k and s
            variants |= {"\u212a", "\u017f"}
    for v in variants:
        if len(v) == 1:
            out.add(re.escape(v))
        else:
            raise _Any
