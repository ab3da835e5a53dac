"""``annotator import`` and ``annotator export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.app.exports import (
    STREAMED,
    ExportOptions,
    ExportResult,
    Written,
    export,
    export_file,
)
from annotator.app.imports import BadFiles, read_inputs
from annotator.app.imports import run_import as import_inputs
from annotator.app.workspace import Workspace
from annotator.cli.common import open_for_command, write_output
from annotator.core.files import write_folder
from annotator.core.filters import ExportFilter
from annotator.formats import registry


def run_import(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Read every input, then import them all in one transaction."""
    try:
        inputs = read_inputs(
            ns.files,
            join_hyphens=ns.join_hyphens,
            format=ns.format,
            encoding=ns.encoding,
            skip_unplaceable=ns.skip_unplaceable,
            streamed_sets=True,  # read as merged: memory bounded at any size
        )
    except BadFiles as exc:  # a line for each, so all can be mended before the next run
        for message in exc.messages:
            print(f"annotator: error: {message}", file=sys.stderr)
        return 1
    store = open_for_command(ns.db)
    try:
        outcome = import_inputs(Workspace(store), inputs, replace=ns.replace)
    finally:
        store.close()
    for line in outcome.lines():
        print(line)
    for failure in outcome.failures:
        print(f"annotator: not imported: {failure}", file=sys.stderr)
    return 1 if outcome.failures else 0


def run_export(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Write the documents and annotations the filters keep."""
    if ns.excel and ns.format != "csv":
        parser.error("--excel applies to --format csv only")
    if ns.compact and ns.format != "json":
        parser.error("--compact applies to --format json only")
    if ns.with_paths and ns.format != "refi-qda":
        parser.error("--with-paths applies to --format refi-qda only")
    options = ExportOptions(
        format=ns.format,
        compact=ns.compact,
        include_text=not ns.no_text,
        excel=ns.excel,
        with_paths=ns.with_paths,
        filter=ExportFilter(
            documents=tuple(ns.document),
            labels=tuple(ns.label),
            annotators=tuple(ns.annotator),
            since=ns.since,
        ),
    )
    if registry.get(ns.format).folder and ns.output is None:
        parser.error(f"--format {ns.format} writes a folder: give it with -o DIR")
    streamed = ns.format == STREAMED and ns.output is not None  # a document at a time
    store = open_for_command(ns.db)
    try:
        outcome = export_file(store, options, ns.output) if streamed else export(store, options)
    finally:
        store.close()
    written = outcome if isinstance(outcome, Written) else _write(outcome, ns.output)
    if ns.output is not None:
        print(
            f"{ns.output}: wrote {written.annotations} annotation(s) in "
            f"{written.documents} document(s) ({written.size:,} bytes)",
            file=sys.stderr,
        )
    return 0


def _write(result: ExportResult, output: Path | None) -> Written:
    """``result`` written to ``output`` (a folder, for a format that writes one), or to
    standard output without one."""
    if isinstance(result.data, dict):
        assert output is not None
        size = write_folder(output, result.data)
    else:
        write_output(result.data, output)
        size = len(result.data)
    return Written(result.documents, result.annotations, size)
