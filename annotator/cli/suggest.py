"""``annotator suggest``: suggestions by rules and learned phrases, and the rules' switches."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from annotator.app.suggestions import (
    SUGGEST_ERRORS,
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
from annotator.cli.common import open_for_command, write_output
from annotator.core.annotators import name_problem
from annotator.core.suggest import load_rules


def run_suggest(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Print the open suggestions; store them with --apply."""
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
    store = open_for_command(ns.db)
    try:
        found = find_suggestions(store, options)
        data = render_suggestions_json(found) if ns.format == "json" else render_suggestions(found)
        # Written before --apply stores anything: an output that cannot be written
        # leaves the database as it was.
        write_output(data.encode("utf-8"), ns.output)
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
    store = open_for_command(ns.db)
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
            write_output(data.encode("utf-8"), ns.output)
    except SUGGEST_ERRORS as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0
