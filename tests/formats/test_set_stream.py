"""Sets read a document at a time (formats/set_stream.py): the same sets and the same
messages as the whole-file reader, on any input and wherever the chunks break it; any
size ``export`` writes reads back, the reading's own memory not growing with the file."""

from __future__ import annotations

import io
import json
import tracemalloc

from annotator.cli import main
from annotator.core.set_errors import SetFormatError
from annotator.core.spans import CONTEXT_WIDTH, context
from annotator.core.text import text_sha256
from annotator.formats import annotation_set as set_module
from annotator.formats import load_annotation_set, set_stream
from annotator.formats.annotation_set import parse_annotation_set
from annotator.formats.set_stream import stream_annotation_set
from annotator.store import set_import
from tests.conftest import tracing_memory
from tests.formats.conftest import db_bytes, db_state
from tests.formats.test_set_cli import export_to

DEEP = 100_000


def outcome(read, data: bytes) -> object:
    try:
        return read(data)
    except SetFormatError as exc:
        return f"{exc.path}: {exc}"


def whole(data: bytes) -> object:
    return outcome(lambda d: parse_annotation_set(d, file="s.json"), data)


class Unseekable(io.BytesIO):
    """A stream read once (a pipe): lines are counted as it is read."""

    def seekable(self) -> bool:
        return False


def streamed(data: bytes, chunk: int, kind: type[io.BytesIO] = io.BytesIO) -> object:
    return outcome(lambda d: stream_annotation_set(kind(d), file="s.json", chunk=chunk), data)


def good(rich_db, tmp_path) -> bytes:
    return export_to(rich_db, tmp_path / "good.json")


def variants(data: bytes) -> dict[str, bytes]:
    """The good export and hostile edits of it, each a different way to be wrong."""
    text = data.decode()
    raw = json.loads(data)
    head = {k: v for k, v in raw.items() if k != "documents"}
    docs_first = {"documents": raw["documents"], **head}
    memo_last = {**{k: v for k, v in raw.items() if k != "memo"}, "memo": "late"}
    twice = text.rstrip()[:-1] + ', "labels": []\n}\n'
    return {
        "good": data,
        "bom": b"\xef\xbb\xbf" + data,
        "compact": json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode(),
        "escaped": json.dumps(raw).encode(),
        "documents first": json.dumps(docs_first).encode(),
        "memo after the documents": json.dumps(memo_last).encode(),
        "labels again after the documents": twice.encode(),
        "documents twice": (text.rstrip()[:-1] + ', "documents": []\n}\n').encode(),
        "truncated": data[: len(data) * 2 // 3],
        "cut in a character": data[: data.index("😀".encode()) + 2],
        "bad byte": data.replace("😀".encode(), b"\xff", 1),
        "extra data": data + b"{}",
        "missing comma": text.replace('},\n    {\n      "id"', '}\n    {\n      "id"', 1).encode(),
        "lone surrogate": text.replace("😀", "\\ud83d", 1).encode(),
        "lone surrogate in a key": data.replace(b'"labels"', b'"\\udfff": 1, "labels"', 1),
        "paired surrogates": text.replace("😀", "\\ud83d\\ude00").encode(),
        "huge number": text.replace('"length": ', '"length": 1' + "0" * 5000, 1).encode(),
        "deep": text.replace(
            '"annotations": [', '"x": ' + "[" * DEEP + "]" * DEEP + ', "annotations": [', 1
        ).encode(),
        "not an object": b"[1, 2]",
        "empty": b"",
        "only space": b"  \n",
        "a document twice": json.dumps(
            {**raw, "documents": [*raw["documents"], raw["documents"][0]]}
        ).encode(),
        "no format": json.dumps({k: v for k, v in raw.items() if k != "format"}).encode(),
        "documents not an array": json.dumps({**raw, "documents": {}}).encode(),
        "unknown label": text.replace('"label": "refusal"', '"label": "nope"').encode(),
    }


def test_the_streamed_reader_reads_and_refuses_as_the_whole_file_reader(rich_db, tmp_path):
    cases = variants(good(rich_db, tmp_path))
    for name, data in cases.items():
        expected = whole(data)
        if name in ("good", "bom", "compact", "escaped", "documents first", "paired surrogates"):
            assert not isinstance(expected, str), (name, expected)
        sizes = ((1, io.BytesIO), (7, io.BytesIO), (7, Unseekable), (4096, io.BytesIO))
        for chunk, kind in (*sizes, (1 << 20, io.BytesIO)):
            got = streamed(data, chunk, kind)
            if name == "labels again after the documents":
                # Read whole, the later "labels" wins; streamed, it is named as given twice.
                assert got.endswith(
                    "labels: not JSON this program can read: given again after the documents"
                ), got
                continue
            assert got == expected, (name, chunk, kind)


def test_a_set_larger_than_the_old_cap_reads_back_whole(rich_db, tmp_path, capsys, monkeypatch):
    big = tmp_path / "big.json"
    data = export_to(rich_db, big)
    largest = max(len(json.dumps(d, indent=6)) for d in json.loads(data)["documents"])
    monkeypatch.setattr(set_module, "MAX_SET_BYTES", largest)
    assert len(data) > 1.5 * set_module.MAX_SET_BYTES
    empty = tmp_path / "empty.db"
    assert main(["import", "--db", str(empty), str(big)]) == 0
    assert "3 document(s) created" in capsys.readouterr().out
    assert (
        export_to(empty, tmp_path / "again.json").split(b'"generator"')[1]
        == data.split(b'"generator"')[1]
    )
    read = load_annotation_set(big)
    monkeypatch.undo()
    assert read == parse_annotation_set(data, file=str(big))


def test_a_document_larger_than_the_cap_is_refused_naming_it(
    rich_db, tmp_path, capsys, monkeypatch
):
    big = tmp_path / "big.json"
    data = export_to(rich_db, big)
    sizes = [len(json.dumps(d, ensure_ascii=False)) for d in json.loads(data)["documents"]]
    largest = sizes.index(max(sizes))
    monkeypatch.setattr(set_module, "MAX_SET_BYTES", max(sizes) - 500)
    assert sorted(sizes)[-2] < set_module.MAX_SET_BYTES
    before = db_state(rich_db), db_bytes(rich_db)
    assert main(["import", "--db", str(rich_db), str(big)]) == 1
    err = capsys.readouterr().err
    assert f"{big}: documents[{largest}]: file is more than the 0 MiB a document may have" in err
    assert (db_state(rich_db), db_bytes(rich_db)) == before


def test_a_bad_document_deep_in_a_big_set_imports_nothing(rich_db, tmp_path, capsys):
    data = export_to(rich_db, tmp_path / "set.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(data.replace(b'"label": "refusal"', b'"label": 7'))
    before = db_state(rich_db), db_bytes(rich_db)
    assert main(["import", "--db", str(rich_db), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: documents[2].annotations[" in err and ".label" in err, err
    assert "Traceback" not in err
    assert (db_state(rich_db), db_bytes(rich_db)) == before


def many_documents(data: bytes, copies: int) -> bytes:
    """The set with its documents repeated under new ids and texts (a line added)."""
    raw = json.loads(data)
    docs = []
    for n in range(copies):
        for doc in raw["documents"]:
            text = f"copy {n}\n{doc['text']}"
            shift = len(text) - len(doc["text"])
            docs.append(
                {
                    **doc,
                    "id": f"{doc['id'][:24]}{n:012d}",
                    "text": text,
                    "length": len(text),
                    "sha256": text_sha256(text),
                    "annotations": [moved(a, n, shift, text) for a in doc["annotations"]],
                }
            )
    return json.dumps({**raw, "documents": docs}, ensure_ascii=False, indent=2).encode()


def moved(ann: dict, n: int, shift: int, text: str) -> dict:
    start, end = ann["start"] + shift, ann["end"] + shift
    prefix, suffix = context(text, start, end, CONTEXT_WIDTH)
    new_id = f"{ann['id'][:24]}{n:012d}"
    return {**ann, "id": new_id, "start": start, "end": end, "prefix": prefix, "suffix": suffix}


def reading_overhead(data: bytes, read) -> int:
    """Peak memory of reading ``data`` beyond what the set read holds afterwards."""
    with tracing_memory():
        result = read(data)
        held, peak = tracemalloc.get_traced_memory()
    assert result.documents
    return peak - held


def test_reading_memory_does_not_grow_with_the_file(rich_db, tmp_path):
    source = export_to(rich_db, tmp_path / "set.json")
    small, large = many_documents(source, 20), many_documents(source, 80)
    assert len(large) > 3.5 * len(small)

    def stream(data: bytes):
        return stream_annotation_set(io.BytesIO(data), file="s.json", chunk=64 * 1024)

    def parse(data: bytes):
        return parse_annotation_set(data, file="s.json")

    # The whole-file reader holds the text and the parsed tree: it grows with the file.
    assert reading_overhead(large, parse) > 3 * reading_overhead(small, parse)
    # A document at a time, it stays what a chunk and a document take.
    assert reading_overhead(large, stream) < 1.3 * reading_overhead(small, stream)
    assert reading_overhead(large, stream) < reading_overhead(large, parse) / 3


def test_a_bad_last_document_after_many_batches_leaves_the_database_as_it_was(
    rich_db, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr(set_import, "BATCH", 2)  # nine documents: five rounds of statements
    raw = json.loads(many_documents(export_to(rich_db, tmp_path / "set.json"), 3))
    last = raw["documents"][-1]
    assert len(raw["documents"]) == 9 and last["annotations"]
    here = json.loads(export_to(rich_db, tmp_path / "here.json"))["documents"][0]["id"]
    unread = json.loads(json.dumps(raw))
    unread["documents"][-1]["annotations"][-1]["label"] = 7
    taken = json.loads(json.dumps(raw))
    taken["documents"][-1]["id"] = here
    before = db_state(rich_db), db_bytes(rich_db)
    j = len(last["annotations"]) - 1
    for name, data, where in (
        ("unread.json", unread, f"documents[8].annotations[{j}].label: expected a string"),
        ("taken.json", taken, "documents[8].id: id"),
    ):
        bad = tmp_path / name
        bad.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        assert main(["import", "--db", str(rich_db), str(bad)]) == 1
        err = capsys.readouterr().err
        assert f"{bad}: {where}" in err, err
        assert "Traceback" not in err
        assert (db_state(rich_db), db_bytes(rich_db)) == before
    good = tmp_path / "good.json"
    good.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert main(["import", "--db", str(rich_db), str(good)]) == 0
    assert "9 document(s) created" in capsys.readouterr().out


def import_peak(db, file) -> int:
    """Peak memory (tracemalloc) of ``annotator import`` of ``file``."""
    with tracing_memory():
        assert main(["import", "--db", str(db), str(file)]) == 0
        return tracemalloc.get_traced_memory()[1]


def test_import_memory_does_not_grow_with_the_number_of_documents(
    rich_db, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr(set_import, "BATCH", 20)
    monkeypatch.setattr(set_stream, "CHUNK", 16 * 1024)  # files of 0.4 and 1.8 MB
    source = export_to(rich_db, tmp_path / "set.json")
    peaks, sizes = [], []
    for copies in (40, 160):
        file = tmp_path / f"{copies}.json"
        file.write_bytes(many_documents(source, copies))
        sizes.append(file.stat().st_size)
        import_peak(tmp_path / "warm.db", file)  # caches (SQLAlchemy's statements) filled
        peaks.append(import_peak(tmp_path / f"{copies}.db", file))
        assert f"{3 * copies} document(s) created" in capsys.readouterr().out
    assert sizes[1] > 3.9 * sizes[0]
    # Read whole, four times the documents took three times the memory (3.0 to 9.1 MB);
    # streamed, what grows is the ids kept to refuse one given twice (0.68 to 0.97 MB).
    assert peaks[1] < 1.6 * peaks[0], peaks
    assert peaks[1] - peaks[0] < (sizes[1] - sizes[0]) / 3, (peaks, sizes)
