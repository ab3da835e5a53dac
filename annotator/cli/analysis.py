"""``annotator retrieve``, ``cooccurrence`` and ``crosstab``."""

from __future__ import annotations

import argparse
import sys

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
from annotator.cli.common import open_for_command, write_output
from annotator.core.crosstab import CrosstabError, check_breakdown
from annotator.core.retrieval import Query, QueryError, check_date, parse_attribute


def run_retrieve(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """The coded passages the filters keep, in context."""
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
    store = open_for_command(ns.db)
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
    write_output(output, ns.output)
    return 0


def run_cooccurrence(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Which labels occur together."""
    store = open_for_command(ns.db)
    try:
        table = count_cooccurrence(store, ns.scope)
    finally:
        store.close()
    text = cooccurrence_json(table) if ns.format == "json" else cooccurrence_table(table)
    write_output(text.encode("utf-8"), None)
    return 0


def run_crosstab(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """A label's annotations counted per category."""
    if problem := check_breakdown(ns.by):
        parser.error(problem)
    store = open_for_command(ns.db)
    try:
        table = crosstabulate(store, ns.label, ns.by)
    except CrosstabError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    render = {"json": crosstab_json, "csv": crosstab_csv, "table": crosstab_table}
    write_output(render[ns.format](table).encode("utf-8"), ns.output)
    return 0
