"""The command line's parsers: every command's arguments and help, built without importing
what the commands do (the choices come from :mod:`annotator.core.choices`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from annotator.core import choices
from annotator.core.choices import CONTEXT, FIELDS, SCOPES, SUGGESTER

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


def command_parser(command: str) -> argparse.ArgumentParser:
    """The parser of ``annotator COMMAND`` (one of :data:`COMMANDS`)."""
    return _BUILDERS[command]()


def usage_parser() -> argparse.ArgumentParser:
    """The parser that reports a missing command."""
    return _parser("annotator", "Commands: " + ", ".join(COMMANDS) + ".")


def _parser(prog: str, description: str, db_help: str = DB_HELP) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--db", metavar="PATH_OR_URL", help=db_help)
    return parser


def document_option(parser: argparse.ArgumentParser) -> None:
    """``--document``, repeatable: which documents a command reads."""
    parser.add_argument(
        "--document",
        action="append",
        default=[],
        metavar="ID_OR_TITLE",
        help="a document id, or a title pattern (* and ? wildcards; plain text matches "
        "titles containing it; case ignored); default: every document",
    )


def _encoding(name: str) -> str:
    """``--encoding``: a name Python knows as a text encoding (a usage error if not)."""
    from annotator.core.decoding import codec_name

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


def _import() -> argparse.ArgumentParser:
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
        choices=("json", *choices.READABLE_FORMATS),
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
    return parser


def _export() -> argparse.ArgumentParser:
    parser = _parser(
        "annotator export",
        "Write documents and annotations as a JSON annotation set (default), CSV (one row "
        "per annotation) or JSON Lines (one document per line). Filters of one kind may be "
        "repeated (any of them); different kinds must all match.",
    )
    parser.add_argument(
        "--format", choices=choices.FORMAT_NAMES, default="json", help="output format"
    )
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
    document_option(parser)
    parser.add_argument("--label", action="append", default=[], metavar="NAME")
    parser.add_argument("--annotator", action="append", default=[], metavar="NAME")
    parser.add_argument(
        "--since",
        type=_since,
        metavar="DATE",
        help="annotations created or changed at or after this ISO date/time (UTC)",
    )
    return parser


def _stats() -> argparse.ArgumentParser:
    parser = _parser("annotator stats", "Count annotations per document and label.")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    return parser


def _retrieve() -> argparse.ArgumentParser:
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
    document_option(parser)
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
    return parser


def _cooccurrence() -> argparse.ArgumentParser:
    parser = _parser(
        "annotator cooccurrence",
        "Which labels occur together: for each pair of labels, the number of unordered pairs "
        "of distinct annotations of one document that overlap (--scope overlap, the default) "
        "or begin in the same sentence or paragraph.",
    )
    parser.add_argument("--scope", choices=SCOPES, default="overlap")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    return parser


def _crosstab() -> argparse.ArgumentParser:
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
    return parser


def _agreement() -> argparse.ArgumentParser:
    parser = _parser(
        "annotator agreement",
        "Inter-annotator agreement, per label and over all labels: pairwise Cohen's kappa, "
        "Fleiss' kappa and Krippendorff's alpha (nominal) over tokens, and pairwise span "
        "precision, recall and F1 for exact and overlapping matches. A document counts for "
        "a pair of annotators when both annotated it. Filters of one kind may be repeated.",
    )
    document_option(parser)
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
    return parser


def _suggest() -> argparse.ArgumentParser:
    parser = _parser(
        "annotator suggest",
        "Suggest claims, refusals and statistics by rules (offline; every suggestion says "
        "why), and every other occurrence of a phrase tagged by hand as that label. Prints "
        "the suggestions still open: not annotated already, not rejected, not of a rule "
        "switched off. Nothing is stored unless --apply, --rule-off or --rule-on is given.",
    )
    document_option(parser)
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
    return parser


def _backup() -> argparse.ArgumentParser:
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
    return parser


def _restore() -> argparse.ArgumentParser:
    parser = _parser(
        "annotator restore",
        "Replace a database with one of its backups (the newest unless one is named). The "
        "backup is checked first; the file it replaces is kept in the backup folder. Close "
        "any window open on the database first.",
    )
    parser.add_argument("backup", nargs="?", type=Path, metavar="BACKUP", help="backup file")
    return parser


_BUILDERS: dict[str, Callable[[], argparse.ArgumentParser]] = {
    "import": _import,
    "export": _export,
    "stats": _stats,
    "retrieve": _retrieve,
    "cooccurrence": _cooccurrence,
    "crosstab": _crosstab,
    "agreement": _agreement,
    "suggest": _suggest,
    "backup": _backup,
    "restore": _restore,
}
