"""One check, by the window's rules, of every set a format reads: each format's reader
ends with :func:`checked`, so a value the window would refuse never reaches the
database whatever file it came in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from annotator.core.messages import N_, say
from annotator.core.model import Annotation, AnnotationSet, SetDocument
from annotator.core.set_errors import SetFormatError
from annotator.core.values import (
    MAX_INTEGER,
    annotator_problem,
    clean_title,
    integer_problem,
    label_problem,
    note_problem,
    quoted,
    text_problem,
)


def checked(aset: AnnotationSet, file: str, *, json_paths: bool = False) -> AnnotationSet:
    """``aset`` with each title on one line (:func:`clean_title`), or
    :class:`SetFormatError` naming ``file``, the record and what is wrong: a label name,
    annotator name, note or text the window would refuse, an empty title, an offset,
    length or version out of the database's range.

    Records are named by JSON path (``documents[3].annotations[17].note``) when
    ``json_paths`` (the set's own format), else by document title and annotation id."""
    for i, label in enumerate(aset.labels):
        problem = label_problem(label.name)
        if problem is not None:
            raise SetFormatError(file, f"labels[{i}].name" if json_paths else "labels", problem)
    documents = tuple(checked_documents(aset.documents, file, json_paths=json_paths))
    changed = any(new is not old for new, old in zip(documents, aset.documents, strict=True))
    return replace(aset, documents=documents) if changed else aset


def checked_documents(
    documents: Iterable[SetDocument], file: str, *, json_paths: bool = False
) -> Iterator[SetDocument]:
    """The documents of :func:`checked`, each checked (and its title mended) as it comes."""
    annotators: set[str] = set()  # names found good
    for i, doc in enumerate(documents):
        yield _checked_document(i, doc, file, json_paths, annotators)


def _checked_document(
    i: int, doc: SetDocument, file: str, json_paths: bool, annotators: set[str]
) -> SetDocument:
    where = f"documents[{i}]" if json_paths else f"document {quoted(doc.title)}"

    def fail(field: str, problem: str, at: str = where) -> SetFormatError:
        return SetFormatError(file, f"{at}.{field}" if json_paths else f"{at}, {field}", problem)

    title = clean_title(doc.title)
    if not title:
        raise fail("title", say(N_("the title is empty")))
    for field, value, least in (("length", doc.length, 0), ("version", doc.version, 1)):
        problem = integer_problem(value, least)
        if problem is not None:
            raise fail(field, problem)
    problem = None if doc.text is None else text_problem(doc.text)
    if problem is not None:
        raise fail("text", problem)
    if _all_good(doc.annotations, annotators):
        return doc if title == doc.title else replace(doc, title=title)
    for j, ann in enumerate(doc.annotations):
        field, problem = "", None
        if not (0 <= ann.start <= MAX_INTEGER and 0 <= ann.end <= MAX_INTEGER):
            field, problem = "start", integer_problem(ann.start)
            if problem is None:
                field, problem = "end", integer_problem(ann.end)
        elif ann.annotator not in annotators:
            field, problem = "annotator", annotator_problem(ann.annotator)
            annotators.add(ann.annotator)
        if problem is None and ann.note is not None:
            field, problem = "note", note_problem(ann.note)
        if problem is not None:
            at = f"{where}.annotations[{j}]" if json_paths else f"{where}, annotation {ann.id}"
            raise fail(field, problem, at)
    return doc if title == doc.title else replace(doc, title=title)


def _all_good(annotations: tuple[Annotation, ...], annotators: set[str]) -> bool:
    """Whether none of ``annotations`` has a problem :func:`_checked_document` names,
    tested a field at a time over them all (``annotators``: names found good, added to);
    if not, they are gone through one at a time to name the first."""
    if not annotations:
        return True
    _ids, _doc, _label, starts, ends, notes, names, *_rest = zip(*annotations, strict=True)
    if not (min(starts) >= 0 and max(starts) <= MAX_INTEGER):
        return False
    if not (min(ends) >= 0 and max(ends) <= MAX_INTEGER):
        return False
    new = set(names).difference(annotators)
    if any(annotator_problem(name) is not None for name in new):
        return False
    # Notes may hold line breaks: joined by them, one search finds any other control.
    if note_problem("\n".join(filter(None, notes))) is not None:
        return False
    annotators.update(new)
    return True
