"""Command line: ``import``, ``export``, ``stats``, ``retrieve``, ``cooccurrence``,
``crosstab``, ``agreement``, ``suggest``, ``backup`` and ``restore`` (``annotator`` with no command
opens the window: :mod:`annotator.main`).

Exit codes: 0 success, 1 invalid input or a database problem, 2 usage error.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from annotator.app.agreement import (
    AgreementInputError,
    AgreementOptions,
    run_agreement,
)
from annotator.app.agreement import render_json as render_agreement_json
from annotator.app.agreement import render_table as render_agreement
from annotator.app.analysis import (
    cooccurrence_json,
    cooccurrence_table,
    count_cooccurrence,
    crosstab_csv,
    crosstab_json,
    crosstab_table,
    crosstabulate,
    find_memos,
    render_memos,
)
from annotator.app.analysis import find as find_hits
from annotator.app.analysis import render as render_hits
from annotator.app.exports import ExportOptions, export
from annotator.app.imports import BadFiles, read_inputs, run_import
from annotator.app.opening import open_store
from annotator.app.suggestions import (
    SUGGEST_ERRORS,
    SUGGESTER,
    SuggestOptions,
    render_report_json,
    render_report_table,
    rule_folders,
    rules_report,
    switch_rules,
)
from annotator.app.suggestions import apply as apply_suggestions
from annotator.app.suggestions import find as find_suggestions
from annotator.app.suggestions import render_json as render_suggestions_json
from annotator.app.suggestions import render_table as render_suggestions
from annotator.app.workspace import Workspace
from annotator.core.annotators import name_problem
from annotator.core.cooccurrence import SCOPES
from annotator.core.counts import count_table, render_table
from annotator.core.crosstab import FIELDS, CrosstabError, check_breakdown
from annotator.core.decoding import codec_name
from annotator.core.files import write_atomically, write_folder
from annotator.core.filters import ExportFilter
from annotator.core.importers import DocumentReadError
from annotator.core.retrieval import CONTEXT, Query, QueryError, check_date, parse_attribute
from annotator.core.set_errors import SetFormatError
from annotator.core.suggest import load_rules
from annotator.formats import registry
from annotator.store import Store, StoreError
from annotator.store.backups import (
    EVERY_SETTING,
    KEEP_SETTING,
    backup_folder,
    list_backups,
    make_backup,
    policy,
    quick_check,
    restore,
)
from annotator.store.database import default_database_target, describe, sqlite_file, to_url
from annotator.store.errors import PasswordNeeded
from annotator.store.file_lock import shared
from annotator.store.integrity import check_kind

COMMANDS = (
    "import",
    "export",
    "stats",
    "retrieve",
    "cooccurrence",
    "crosstab",
    "agreement",
    "suggest",
    "backup",
    "restore",
)
DB_HELP = (
    "database file path or SQLAlchemy URL (default: $ANNOTATOR_DB, else annotations.db "
    "in the user data folder)"
)
USER_ERRORS = (StoreError, DocumentReadError, SetFormatError)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            command = args.pop(0)
            handlers = {
                "import": _import,
                "export": _export,
                "stats": _stats,
                "agreement": _agreement,
                "suggest": _suggest,
                "backup": _backup,
                "restore": _restore,
                "retrieve": _retrieve,
                "cooccurrence": _cooccurrence,
                "crosstab": _crosstab,
            }
            return handlers[command](args)
        return _usage_without_command(args)
    except BrokenPipeError:
        # The reader of stdout went away (e.g. `annotator export | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (*USER_ERRORS, OSError) as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _usage_without_command(args: list[str]) -> int:
    parser = _parser("annotator", "Commands: " + ", ".join(COMMANDS) + ".")
    parser.error(
        f"no command given in {' '.join(args) or 'nothing'}: choose one of " + ", ".join(COMMANDS)
    )
    return 2


def _parser(prog: str, description: str, db_help: str = DB_HELP) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--db", metavar="PATH_OR_URL", help=db_help)
    return parser


def _import(argv: list[str]) -> int:
    parser = _parser(
        "annotator import",
        "Import documents (.txt and .md in any common encoding, .html/.htm pages, .docx, "
        ".odt, .pdf, .epub), folders "
        "of them (recursively) and annotation sets (.json files exported by Annotator). "
        "Everything is read and checked before anything is written, and the whole import "
        "is one transaction: one bad file named here imports nothing. Inside folders, bad "
        "files are listed (exit code 1) and the good ones imported.",
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="overwrite annotations whose id is already in the database with other content "
        "(without it, such a conflict is an error)",
    )
    parser.add_argument(
        "--join-hyphens",
        action="store_true",
        help="PDFs: join words hyphenated across line ends (surveil-/lance -> surveillance)",
    )
    parser.add_argument(
        "--format",
        choices=("json", *(fmt.name for fmt in registry.readable())),
        help="read every FILE as this format (default: recognised from each file)",
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        type=_encoding,
        help="decode every text and HTML file with this encoding (cp1252, iso-8859-2, "
        "koi8-r, shift_jis...) instead of guessing; a file imported before becomes a new "
        "version, its annotations carried over",
    )
    parser.add_argument(
        "--skip-unplaceable",
        action="store_true",
        help="REFI-QDA projects: leave out the selections that fit their text under no "
        "reading (named in the report) and import the rest (without it, such a project "
        "imports nothing)",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    ns = parser.parse_args(argv)
    try:
        inputs = read_inputs(
            ns.files,
            join_hyphens=ns.join_hyphens,
            format=ns.format,
            encoding=ns.encoding,
            skip_unplaceable=ns.skip_unplaceable,
        )
    except BadFiles as exc:  # a line for each, so all can be mended before the next run
        for message in exc.messages:
            print(f"annotator: error: {message}", file=sys.stderr)
        return 1
    store = _open(ns.db)
    try:
        outcome = run_import(Workspace(store), inputs, replace=ns.replace)
    finally:
        store.close()
    for line in outcome.lines():
        print(line)
    for failure in outcome.failures:
        print(f"annotator: not imported: {failure}", file=sys.stderr)
    return 1 if outcome.failures else 0


def _encoding(name: str) -> str:
    """``--encoding``: a name Python knows as a text encoding (a usage error if not)."""
    try:
        codec_name(name)
    except LookupError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return name


def _since(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO date such as 2026-01-31 or 2026-01-31T12:00Z"
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _export(argv: list[str]) -> int:
    parser = _parser(
        "annotator export",
        "Write documents and annotations as a JSON annotation set (default), CSV (one row "
        "per annotation) or JSON Lines (one document per line). Filters of one kind may be "
        "repeated (any of them); different kinds must all match.",
    )
    parser.add_argument("--format", choices=registry.names(), default="json", help="output format")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write here instead of stdout (a folder for formats that write one)",
    )
    parser.add_argument("--compact", action="store_true", help="JSON on one line")
    parser.add_argument(
        "--no-text",
        action="store_true",
        help="leave out document texts (sha256 and length stay; quotes too)",
    )
    parser.add_argument(
        "--excel", action="store_true", help="CSV: start with the BOM Excel needs for UTF-8"
    )
    parser.add_argument(
        "--with-paths",
        action="store_true",
        help="refi-qda: write each document's source (often a local file path) as its "
        "description (left out by default)",
    )
    _document_option(parser)
    parser.add_argument("--label", action="append", default=[], metavar="NAME")
    parser.add_argument("--annotator", action="append", default=[], metavar="NAME")
    parser.add_argument(
        "--since",
        type=_since,
        metavar="DATE",
        help="annotations created or changed at or after this ISO date/time (UTC)",
    )
    ns = parser.parse_args(argv)
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
    store = _open(ns.db)
    try:
        result = export(store, options)
    finally:
        store.close()
    if isinstance(result.data, dict):
        assert ns.output is not None
        size = write_folder(ns.output, result.data)
    else:
        _write(result.data, ns.output)
        size = len(result.data)
    if ns.output is not None:
        print(
            f"{ns.output}: wrote {result.annotations} annotation(s) in "
            f"{result.documents} document(s) ({size:,} bytes)",
            file=sys.stderr,
        )
    return 0


def _write(data: bytes, output: Path | None) -> None:
    if output is not None:
        write_atomically(output, data)
        return
    if sys.stdout is None:
        raise OSError("there is no standard output to write to; use -o FILE")
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def _stats(argv: list[str]) -> int:
    parser = _parser("annotator stats", "Count annotations per document and label.")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    ns = parser.parse_args(argv)
    store = _open(ns.db)
    try:
        table = count_table(store.labels(), store.documents(), store.label_counts())
    finally:
        store.close()
    if ns.format == "json":
        _write((json.dumps(table.as_dict(), ensure_ascii=False, indent=2) + "\n").encode(), None)
    else:
        _write(render_table(table).encode("utf-8"), None)
    return 0


def _retrieve(argv: list[str]) -> int:
    parser = _parser(
        "annotator retrieve",
        "Coded passages across the corpus, in context: every annotation the filters keep "
        "(filters of one kind are alternatives; different kinds must all hold), in document "
        "and text order.",
    )
    parser.add_argument("--label", action="append", default=[], metavar="NAME")
    parser.add_argument("--annotator", action="append", default=[], metavar="NAME")
    parser.add_argument(
        "--attribute",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an attribute that must have this value (numbers compare as numbers); "
        "NAME=LOW..HIGH: a number within (a bound may be left out); NAME~TEXT: a text "
        "that contains TEXT, case ignored",
    )
    parser.add_argument(
        "--match",
        metavar="REGEX",
        help="a regular expression searched in the quote, the note and the context",
    )
    _document_option(parser)
    parser.add_argument(
        "--author",
        action="append",
        default=[],
        metavar="TEXT",
        help="documents whose author contains TEXT, case ignored",
    )
    done = parser.add_mutually_exclusive_group()
    done.add_argument("--done", action="store_true", help="only documents marked done")
    done.add_argument("--not-done", action="store_true", help="only documents not marked done")
    parser.add_argument("--since", metavar="DATE", help="documents published on or after")
    parser.add_argument("--until", metavar="DATE", help="documents published on or before")
    parser.add_argument(
        "--context",
        type=int,
        default=CONTEXT,
        metavar="N",
        help=f"code points of context each side (default {CONTEXT})",
    )
    parser.add_argument(
        "--memos",
        action="store_true",
        help="list the places the memos hold --match instead (the project's memo, then "
        "the documents' the document filters keep)",
    )
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    ns = parser.parse_args(argv)
    if ns.context < 0:
        parser.error("--context: a number of characters, 0 or more")
    if ns.memos and not ns.match:
        parser.error("--memos needs --match: the text to find in the memos")
    if ns.memos and (ns.label or ns.annotator or ns.attribute):
        parser.error("--memos: memos have no label, annotator or attributes to filter by")
    try:
        query = Query(
            labels=tuple(ns.label),
            annotators=tuple(ns.annotator),
            attributes=tuple(parse_attribute(a) for a in ns.attribute),
            match=ns.match,
            documents=tuple(ns.document),
            authors=tuple(ns.author),
            since=check_date(ns.since, "--since") if ns.since else None,
            until=check_date(ns.until, "--until") if ns.until else None,
            done=True if ns.done else False if ns.not_done else None,
            context=ns.context,
        )
    except QueryError as exc:
        parser.error(str(exc))
    store = _open(ns.db)
    try:
        if ns.memos:
            output = render_memos(find_memos(store, query), ns.format)
        else:
            output = render_hits(find_hits(store, query), ns.format)
    except QueryError as exc:
        print(f"annotator: error: --match {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    _write(output, ns.output)
    return 0


def _cooccurrence(argv: list[str]) -> int:
    parser = _parser(
        "annotator cooccurrence",
        "Which labels occur together: for each pair of labels, the number of unordered pairs "
        "of distinct annotations of one document that overlap (--scope overlap, the default) "
        "or begin in the same sentence or paragraph.",
    )
    parser.add_argument("--scope", choices=SCOPES, default="overlap")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    ns = parser.parse_args(argv)
    store = _open(ns.db)
    try:
        table = count_cooccurrence(store, ns.scope)
    finally:
        store.close()
    text = cooccurrence_json(table) if ns.format == "json" else cooccurrence_table(table)
    _write(text.encode("utf-8"), None)
    return 0


def _crosstab(argv: list[str]) -> int:
    parser = _parser(
        "annotator crosstab",
        "Cross-tabulation: the annotations of a label (of every label, without --label) "
        "counted per annotator, document author, source, publication year or attribute "
        "value, most frequent first.",
    )
    parser.add_argument("--label", metavar="NAME", help="the label counted (default: every one)")
    parser.add_argument(
        "--by", required=True, metavar="|".join([*FIELDS, "attribute:NAME"]), help="categories"
    )
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    ns = parser.parse_args(argv)
    if problem := check_breakdown(ns.by):
        parser.error(problem)
    store = _open(ns.db)
    try:
        table = crosstabulate(store, ns.label, ns.by)
    except CrosstabError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    render = {"json": crosstab_json, "csv": crosstab_csv, "table": crosstab_table}
    _write(render[ns.format](table).encode("utf-8"), ns.output)
    return 0


def _document_option(parser: argparse.ArgumentParser) -> None:
    """``--document``, repeatable: which documents a command reads."""
    parser.add_argument(
        "--document",
        action="append",
        default=[],
        metavar="ID_OR_TITLE",
        help="a document id, or a title pattern (* and ? wildcards; plain text matches "
        "titles containing it; case ignored); default: every document",
    )


def _agreement(argv: list[str]) -> int:
    parser = _parser(
        "annotator agreement",
        "Inter-annotator agreement, per label and over all labels: pairwise Cohen's kappa, "
        "Fleiss' kappa and Krippendorff's alpha (nominal) over tokens, and pairwise span "
        "precision, recall and F1 for exact and overlapping matches. A document counts for "
        "a pair of annotators when both annotated it. Filters of one kind may be repeated.",
    )
    _document_option(parser)
    parser.add_argument(
        "--label", action="append", default=[], metavar="NAME", help="compare only this label"
    )
    parser.add_argument(
        "--annotator",
        action="append",
        default=[],
        metavar="NAME",
        help="compare this annotator (at least two; default: everyone who annotated the "
        "chosen documents)",
    )
    parser.add_argument(
        "--done-only", action="store_true", help="only documents marked done (Ctrl+D)"
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    ns = parser.parse_args(argv)
    options = AgreementOptions(
        documents=tuple(ns.document),
        labels=tuple(ns.label),
        annotators=tuple(ns.annotator),
        done_only=ns.done_only,
    )
    store = _open(ns.db)
    try:
        run = run_agreement(store, options)
    except AgreementInputError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    data = render_agreement_json(run) if ns.format == "json" else render_agreement(run)
    _write(data.encode("utf-8"), ns.output)
    if ns.output is not None:
        print(
            f"{ns.output}: wrote agreement of {len(run.report.annotators)} annotators over "
            f"{len(run.documents)} document(s)",
            file=sys.stderr,
        )
    return 0


def _suggest(argv: list[str]) -> int:
    parser = _parser(
        "annotator suggest",
        "Suggest claims, refusals and statistics by rules (offline; every suggestion says "
        "why), and every other occurrence of a phrase tagged by hand as that label. Prints "
        "the suggestions still open: not annotated already, not rejected, not of a rule "
        "switched off. Nothing is stored unless --apply, --rule-off or --rule-on is given.",
    )
    _document_option(parser)
    parser.add_argument(
        "--label", action="append", default=[], metavar="NAME", help="only this label"
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="also read the rule files (*.toml) in this folder (docs/suggestion-rules.md)",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--apply",
        action="store_true",
        help="store the suggestions as annotations (source 'suggested', with the rule), in "
        "one transaction",
    )
    parser.add_argument(
        "--as",
        dest="annotator",
        metavar="NAME",
        default=SUGGESTER,
        help=f"with --apply: the annotator they are stored under (default {SUGGESTER!r}; "
        "your own name stores them as the window's Accept all does)",
    )
    parser.add_argument(
        "--no-learning",
        action="store_true",
        help="only the rules: no suggestions from phrases tagged by hand",
    )
    parser.add_argument(
        "--rules-report",
        action="store_true",
        help="instead of suggestions, each rule's record in this database (suggestions "
        "accepted and rejected) and the rules switched off",
    )
    parser.add_argument(
        "--rule-off",
        action="append",
        default=[],
        metavar="RULE",
        help="switch this rule (LABEL:NAME, as suggestions show it) off in this database: "
        "it makes no suggestions, here or in the window, until switched on",
    )
    parser.add_argument(
        "--rule-on", action="append", default=[], metavar="RULE", help="switch a rule on again"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    ns = parser.parse_args(argv)
    if ns.apply and (ns.rules_report or ns.rule_off or ns.rule_on):
        parser.error("--apply cannot be combined with --rules-report, --rule-off or --rule-on")
    problem = name_problem(ns.annotator)
    if problem is not None:
        parser.error(f"--as: {problem}")
    for folder in ns.rules:
        if not folder.is_dir():
            print(f"annotator: error: {folder}: no such folder of rule files", file=sys.stderr)
            return 1
    if ns.rules_report or ns.rule_off or ns.rule_on:
        return _suggest_rules(ns)
    options = SuggestOptions(
        documents=tuple(ns.document),
        labels=tuple(ns.label),
        rules=tuple(ns.rules),
        learn=not ns.no_learning,
    )
    store = _open(ns.db)
    try:
        found = find_suggestions(store, options)
        data = render_suggestions_json(found) if ns.format == "json" else render_suggestions(found)
        # Written before --apply stores anything: an output that cannot be written
        # leaves the database as it was.
        _write(data.encode("utf-8"), ns.output)
        workspace = Workspace(store, ns.annotator)
        made = apply_suggestions(workspace, found) if ns.apply else None
    except SUGGEST_ERRORS as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if made is not None:
        print(
            f"stored {len(made)} suggestion(s) as annotations by {ns.annotator!r} in "
            f"{len({a.document_id for a in made})} document(s)",
            file=sys.stderr,
        )
        stored = {a.label for a in made}
        overlapped = sum(s.label in stored for item in found for s in item.suggestions) - len(made)
        if overlapped:
            print(
                f"annotator: not stored: {overlapped} suggestion(s) overlapping a more confident "
                "one of the same label (as the window's Accept all)",
                file=sys.stderr,
            )
        left = Counter(s.label for item in found for s in item.suggestions if s.label not in stored)
        for label, count in sorted(left.items()):
            print(
                f"annotator: not stored: {count} {label!r} suggestion(s); the database has "
                f"no label {label!r}",
                file=sys.stderr,
            )
    return 0


def _suggest_rules(ns: argparse.Namespace) -> int:
    """``annotator suggest --rule-off/--rule-on/--rules-report`` (rule folders checked)."""
    store = _open(ns.db)
    try:
        if ns.rule_off or ns.rule_on:
            rules = load_rules(rule_folders(ns.rules))
            switch_rules(Workspace(store), ns.rule_off, ns.rule_on, rules)
            for name in dict.fromkeys(ns.rule_off):
                if name not in ns.rule_on:
                    print(f"switched off: {name}", file=sys.stderr)
            for name in dict.fromkeys(ns.rule_on):
                print(f"switched on: {name}", file=sys.stderr)
        if ns.rules_report:
            report = rules_report(store)
            render = render_report_json if ns.format == "json" else render_report_table
            data = render(report)
            _write(data.encode("utf-8"), ns.output)
    except SUGGEST_ERRORS as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _backup(argv: list[str]) -> int:
    parser = _parser(
        "annotator backup",
        "Back up an SQLite database now, into the folder beside it (NAME.db.backups), "
        "keeping the newest backups. The app also backs up on opening, at most once a day "
        "(see --keep and --every-hours), and always before upgrading a database.",
    )
    parser.add_argument("--list", action="store_true", help="list the backups, newest first")
    parser.add_argument(
        "--keep", type=int, metavar="N", help="keep the newest N backups (default 7; remembered)"
    )
    parser.add_argument(
        "--every-hours",
        type=float,
        metavar="H",
        help="back up on opening when the newest backup is older than H hours (default 24; "
        "0 turns it off; remembered)",
    )
    ns = parser.parse_args(argv)
    database = _database_file(ns.db)
    if ns.list:
        for backup in list_backups(database):
            print(f"{backup.made:%Y-%m-%d %H:%M:%S} UTC  {backup.size:>12,} bytes  {backup.path}")
        return 0
    if ns.keep is not None or ns.every_hours is not None:
        store = _open(ns.db)
        try:
            if ns.keep is not None:
                store.set_setting(KEEP_SETTING, str(max(1, ns.keep)))
            if ns.every_hours is not None:
                store.set_setting(EVERY_SETTING, str(max(0.0, ns.every_hours)))
        finally:
            store.close()
    with shared(database, on_wait=say):  # not while a restore swaps the file
        problem = quick_check(database) if database.is_file() else None
        if problem is not None:
            raise StoreError(f"{database}: damaged or not a database ({problem}); not backed up")
        keep, _every = policy(database)
        made = make_backup(database, keep=keep)
    print(f"backed up {database} to {made.path} (keeping the newest {keep})")
    return 0


def _restore(argv: list[str]) -> int:
    parser = _parser(
        "annotator restore",
        "Replace a database with one of its backups (the newest unless one is named). The "
        "backup is checked first; the file it replaces is kept in the backup folder. Close "
        "any window open on the database first.",
    )
    parser.add_argument("backup", nargs="?", type=Path, metavar="BACKUP", help="backup file")
    ns = parser.parse_args(argv)
    database = _database_file(ns.db)
    if ns.backup is None:
        backups = list_backups(database)
        if not backups:
            raise StoreError(f"{database}: no backups in {backup_folder(database)}")
        chosen = backups[0].path
    else:
        chosen = ns.backup
    kept = restore(database, chosen)
    print(f"restored {database} from {chosen}")
    if kept is not None:
        print(f"the file it replaced is kept as {kept}")
    return 0


def _terminal_password(question: str) -> str | None:
    """The password typed at the terminal (not echoed); None without a terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"{question}: ")
    except (EOFError, KeyboardInterrupt):
        return None


def _open(target: str | None) -> Store:
    """The store at ``target``, telling the user what opening it noticed."""
    try:
        store = open_store(target, ask_password=_terminal_password, on_wait=say)
    except PasswordNeeded as exc:
        raise StoreError(
            f"{exc}; give it in ~/.pgpass (host:port:database:user:password, mode 600) or "
            "run the command at a terminal to be asked"
        ) from None
    for notice in store.notices:
        print(f"annotator: {notice}", file=sys.stderr)
    return store


def say(message: str) -> None:
    """A notice on stderr, flushed (waiting for a lock, a restore)."""
    print(f"annotator: {message}", file=sys.stderr, flush=True)


def _database_file(target: str | None) -> Path:
    """The SQLite file that ``--db`` (or the default) names; backups are for files only."""
    url = to_url(target or default_database_target())
    file = sqlite_file(url)
    if file is None:
        raise StoreError(f"{describe(url)}: backups are for SQLite database files only")
    check_kind(file)
    return file
