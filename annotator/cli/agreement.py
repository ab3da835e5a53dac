"""``annotator agreement``."""

from __future__ import annotations

import argparse
import sys

from annotator.app.agreement import AgreementInputError, AgreementOptions, run_agreement
from annotator.app.agreement import render_json as render_agreement_json
from annotator.app.agreement import render_table as render_agreement
from annotator.cli.common import open_for_command, write_output


def run_agreement_command(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Inter-annotator agreement over the chosen documents."""
    options = AgreementOptions(
        documents=tuple(ns.document),
        labels=tuple(ns.label),
        annotators=tuple(ns.annotator),
        done_only=ns.done_only,
    )
    store = open_for_command(ns.db)
    try:
        run = run_agreement(store, options)
    except AgreementInputError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    data = render_agreement_json(run) if ns.format == "json" else render_agreement(run)
    write_output(data.encode("utf-8"), ns.output)
    if ns.output is not None:
        print(
            f"{ns.output}: wrote agreement of {len(run.report.annotators)} annotators over "
            f"{len(run.documents)} document(s)",
            file=sys.stderr,
        )
    return 0
