"""A child process for the crash and two-writer tests: a long, varied stream of changes
through the Store methods the window calls, each announced before and acknowledged after.

``python -m tests.store.change_stream DB ANNOTATOR SEED [COUNT]`` opens ``DB`` as the
window and the command line do, takes its first document and changes only the
annotations of ``ANNOTATOR`` there (so two streams with different names can run on one
document at once and each predict exactly what its changes do), ``COUNT`` changes or
until killed. Lines on stdout:

- ``ready`` once the store is open;
- ``intent {json}`` before a change: ``effect``, a list of ``[id, record]`` (``record``
  ``null`` for gone; ``id`` ``null`` for an annotation to be made, whose id the store
  chooses), what the change will do if it is committed;
- ``ack {json}`` after the method has returned, i.e. after the commit: the effect as
  done, every id known. From then on it must be in the database, whatever happens.

A record is ``[label, start, end, note, attributes as sorted JSON or null]``. Any
surprise (an error from the store, a result other than predicted) ends the process
with a traceback and a non-zero exit code.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Sequence

from annotator.app.opening import open_store
from annotator.core.model import Annotation

LABELS = ("claim", "refusal", "statistic")
NOTES = (None, "", "   ", "checked", "naïve café 統計 🎉", "line one\nline two", "x" * 300)
SPEAKERS = ("Secretary for Security", "a police spokesman", "李家超", "")
MOST = 120  # annotations kept at about this many: deletes win above it


def record(ann: Annotation) -> list[object]:
    attributes = dict(ann.attributes)
    shown = json.dumps(attributes, sort_keys=True) if attributes else None
    return [ann.label, ann.start, ann.end, ann.note, shown]


def emit(kind: str, seq: int, op: str, effect: Sequence[Sequence[object]]) -> None:
    line = json.dumps({"seq": seq, "op": op, "effect": effect}, ensure_ascii=False)
    sys.stdout.write(f"{kind} {line}\n")
    sys.stdout.flush()


class Stream:
    def __init__(self, db: str, annotator: str, seed: int) -> None:
        self.store = open_store(db)
        self.me = annotator
        self.rng = random.Random(seed)
        self.doc = self.store.documents()[0].id
        self.length = self.store.document(self.doc).length
        self.anns = {
            ann.id: ann for ann in self.store.annotations(self.doc) if ann.annotator == annotator
        }
        self.deleted: list[list[Annotation]] = []  # groups deleted in this run, to undo
        self.previous: dict[str, Annotation] = {}  # an edited annotation as it was before

    def twin(self, label: str, start: int, end: int, other_than: str | None = None) -> bool:
        return any(
            (a.label, a.start, a.end) == (label, start, end) and a.id != other_than
            for a in self.anns.values()
        )

    def span(self) -> tuple[int, int]:
        start = self.rng.randrange(self.length - 1)
        return start, min(self.length, start + self.rng.randint(1, 40))

    def pick(self, count: int = 1) -> list[Annotation]:
        return self.rng.sample(sorted(self.anns.values()), min(count, len(self.anns)))

    def step(self, seq: int) -> None:
        """One change: announced, made, checked against the announcement, acknowledged."""
        rng = self.rng
        ops = ["tag"] * 6
        if self.anns:
            ops += ["note"] * 3 + ["attributes"] * 2 + ["relabel"] * 2 + ["resize"] * 2
            ops += ["relabel_many", "delete_many", "delete_one"]
            ops += ["delete_many"] * (4 if len(self.anns) > MOST else 0)
        if self.deleted:
            ops += ["undo_delete"] * 2
        if any(i in self.anns for i in self.previous):
            ops += ["undo_edit"] * 2
        op = rng.choice(ops)
        method = getattr(self, f"_{op}")
        method(seq, op)

    def _announce(self, seq: int, op: str, predicted: list[list[object]]) -> None:
        emit("intent", seq, op, predicted)

    def _done(self, seq: int, op: str, predicted: list[list[object]], done: list[Annotation]):
        effect = [[ann.id, record(ann)] for ann in done]
        expected = [
            [i if i is not None else ann.id, r] for (i, r), ann in zip(predicted, done, strict=True)
        ]
        assert effect == expected, (op, predicted, effect)
        for ann in done:
            self.anns[ann.id] = ann
        emit("ack", seq, op, effect)

    def _edit(
        self, seq: int, op: str, old: Annotation, new: Annotation, call: Callable[[], Annotation]
    ) -> None:
        predicted = [[old.id, record(new)]]
        self._announce(seq, op, predicted)
        result = call()
        self.previous[old.id] = old
        self._done(seq, op, predicted, [result])

    def _tag(self, seq: int, op: str) -> None:
        label = self.rng.choice(LABELS)
        start, end = self.span()
        twin = self.twin(label, start, end)
        predicted = [] if twin else [[None, [label, start, end, None, None]]]
        self._announce(seq, op, predicted)
        ann, created = self.store.tag(self.doc, label, start, end, self.me)
        assert created == (not twin), (created, twin)
        self._done(seq, op, predicted, [ann] if created else [])

    def _note(self, seq: int, op: str) -> None:
        (old,) = self.pick()
        note = self.rng.choice(NOTES)
        new = old._replace(note=note if note and note.strip() else None)
        self._edit(seq, op, old, new, lambda: self.store.set_note(old, note))

    def _attributes(self, seq: int, op: str) -> None:
        (old,) = self.pick()
        speaker = self.rng.choice(SPEAKERS)
        values = {"speaker": speaker} if speaker else {}
        new = old._replace(attributes=tuple(values.items()))
        # "speaker" is only a claim's attribute, as text: it never clashes with a label.
        self._edit(seq, op, old, new, lambda: self.store.set_attributes(old, values))

    def _relabel(self, seq: int, op: str) -> None:
        (old,) = self.pick()
        label = self.rng.choice([lb for lb in LABELS if lb != old.label])
        if self.twin(label, old.start, old.end):
            return self._tag(seq, "tag")  # the store would refuse it: not this time
        new = old._replace(label=label)
        self._edit(seq, op, old, new, lambda: self.store.relabel_annotation(old, label))
        return None

    def _resize(self, seq: int, op: str) -> None:
        (old,) = self.pick()
        start, end = self.span()
        if self.twin(old.label, start, end, other_than=old.id):
            return self._tag(seq, "tag")
        new = old._replace(start=start, end=end)
        self._edit(seq, op, old, new, lambda: self.store.resize_annotation(old, start, end))
        return None

    def _relabel_many(self, seq: int, op: str) -> None:
        chosen = self.pick(self.rng.randint(2, 6))
        label = self.rng.choice(LABELS)
        # As the store decides: those with the label already are left alone, and so is
        # one that would become the twin of another with that label.
        taken = {(a.start, a.end) for a in self.anns.values() if a.label == label}
        changing = []
        for ann in chosen:
            if ann.label == label or (ann.start, ann.end) in taken:
                continue
            taken.add((ann.start, ann.end))
            changing.append(ann)
        predicted = [[a.id, record(a._replace(label=label))] for a in changing]
        self._announce(seq, op, predicted)
        result = self.store.relabel_annotations(chosen, label)
        assert [a.id for a in result.changed] == [a.id for a in changing], result
        for ann in changing:
            self.previous[ann.id] = ann
        self._done(seq, op, predicted, list(result.changed))

    def _delete_many(self, seq: int, op: str) -> None:
        chosen = self.pick(self.rng.randint(1, 8))
        self._announce(seq, op, [[a.id, None] for a in chosen])
        self.store.delete_annotations(chosen)
        self._deleted(seq, op, chosen)

    def _delete_one(self, seq: int, op: str) -> None:
        (chosen,) = self.pick()
        self._announce(seq, op, [[chosen.id, None]])
        assert self.store.delete_annotation(chosen.id)
        self._deleted(seq, op, [chosen])

    def _deleted(self, seq: int, op: str, gone: list[Annotation]) -> None:
        for ann in gone:
            del self.anns[ann.id]
        self.deleted.append(gone)
        emit("ack", seq, op, [[ann.id, None] for ann in gone])

    def _undo_delete(self, seq: int, op: str) -> None:
        """What Ctrl+Z does after a delete: the same annotations made again, same ids."""
        group = self.deleted.pop()
        predicted = [[a.id, record(a)] for a in group]
        self._announce(seq, op, predicted)
        self.store.apply_change(added=group, removed=[])
        self._done(seq, op, predicted, group)

    def _undo_edit(self, seq: int, op: str) -> None:
        """What Ctrl+Z does after a note, attribute, relabel or resize: swap versions."""
        ann_id = self.rng.choice(sorted(i for i in self.previous if i in self.anns))
        current, before = self.anns[ann_id], self.previous.pop(ann_id)
        predicted = [[ann_id, record(before)]]
        self._announce(seq, op, predicted)
        self.store.apply_change(added=[before], removed=[current])
        self.previous[ann_id] = current  # redo
        self._done(seq, op, predicted, [before])


def main(argv: Sequence[str]) -> int:
    db, annotator, seed = argv[0], argv[1], int(argv[2])
    count = int(argv[3]) if len(argv) > 3 else None
    stream = Stream(db, annotator, seed)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    seq = 0
    while count is None or seq < count:
        seq += 1
        stream.step(seq)
    stream.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
