"""Phrases tagged by hand, held compactly where they are kept for a while (the window
keeps every other document's, to look for them in the one shown): per document, its
title once, each phrase's label as an index into a table and its text in one UTF-8
buffer; a :class:`~annotator.core.suggest.learned.Tagged` is made when one is read."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

from annotator.core.interning import number_of
from annotator.core.suggest.learned import Tagged, phrase_key

MASK = (1 << 64) - 1


def weight(label: str, text: str, title: str) -> int:
    """What a phrase adds to a list's :attr:`TagList.weight` (a hash: equal lists of
    phrases have equal weights, whatever their order, in one process)."""
    return hash((label, text, title)) & MASK


def key_hash(label: str, text: str) -> int:
    """A hash of (label, :func:`phrase_key` of ``text``): what tells two phrases apart
    when learning from them (``hash`` is per process: kept in this process only)."""
    return hash((label, phrase_key(text)))


class TagList:
    """The phrases tagged by hand in one document titled ``title``, in the order added.
    About (length of the phrase in UTF-8 + 10) bytes a phrase, against ~150 for a
    ``Tagged`` and its strings."""

    __slots__ = ("_ends", "_labels", "_names", "_text", "_which", "title", "weight")

    def __init__(self, title: str, phrases: Iterable[tuple[str, str]] = ()) -> None:
        self.title = title
        self.weight = 0  # the sum of the phrases' :func:`weight`, modulo 2**64
        self._names: list[str] = []
        self._labels: dict[str, int] = {}
        self._which = array("I")  # each phrase's label, an index into _names
        self._text = bytearray()
        self._ends = array("Q")  # where each phrase ends in _text
        for label, text in phrases:
            self.add(label, text)

    def add(self, label: str, text: str) -> None:
        """One more phrase ``text`` tagged ``label``."""
        self._which.append(number_of(label, self._names, self._labels))
        self._text += text.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._text))
        self.weight = (self.weight + weight(label, text, self.title)) & MASK

    def __len__(self) -> int:
        return len(self._ends)

    def __iter__(self) -> Iterator[Tagged]:
        names, title, data, begin = self._names, self.title, self._text, 0
        for which, end in zip(self._which, self._ends, strict=True):
            yield Tagged(names[which], data[begin:end].decode("utf-8", "surrogatepass"), title)
            begin = end

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TagList):
            return NotImplemented
        return (self.title, list(self), self._text) == (other.title, list(other), other._text)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TagList({self.title!r}, {len(self)} phrases)"


def _tuple_of(
    names: list[str], labels: bytes, titles: bytes, text: bytes, ends: bytes
) -> tuple[Tagged, ...]:
    """The phrases :class:`Packed` holds, as the tuple it stands for."""
    which, where, stops = array("I"), array("I"), array("Q")
    which.frombytes(labels)
    where.frombytes(titles)
    stops.frombytes(ends)
    out, begin = [], 0
    for label, title, end in zip(which, where, stops, strict=True):
        phrase = text[begin:end].decode("utf-8", "surrogatepass")
        out.append(Tagged(names[label], phrase, names[title]))
        begin = end
    return tuple(out)


class Packed:
    """Phrases to send to another process: pickled as a few buffers (about the phrases'
    UTF-8 and 16 bytes each, made one phrase at a time), unpickled as the tuple of
    ``Tagged`` they stand for (a tuple of 100,000 pickled took 40 MB for a moment)."""

    __slots__ = ("_ends", "_ids", "_labels", "_names", "_text", "_titles")

    def __init__(self, tagged: Iterable[Tagged]) -> None:
        self._names: list[str] = []
        self._ids: dict[str, int] = {}
        self._labels, self._titles = array("I"), array("I")
        self._text = bytearray()
        self._ends = array("Q")
        for t in tagged:
            self._labels.append(self._id(t.label))
            self._titles.append(self._id(t.title))
            self._text += t.text.encode("utf-8", "surrogatepass")
            self._ends.append(len(self._text))

    def _id(self, name: str) -> int:
        return number_of(name, self._names, self._ids)

    def __len__(self) -> int:
        return len(self._ends)

    def __iter__(self) -> Iterator[Tagged]:  # (read in this process: as the tuple)
        return iter(_tuple_of(*self.__reduce__()[1]))  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Packed | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return _tuple_of, (
            self._names,
            self._labels.tobytes(),
            self._titles.tobytes(),
            bytes(self._text),
            self._ends.tobytes(),
        )
