"""``annotator stats``: it needs the store and a count, nothing else."""

from __future__ import annotations

import argparse
import json

from annotator.cli.common import open_for_command, write_output
from annotator.core.counts import count_table, render_table


def run_stats(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Annotations per document and label, as a table or JSON."""
    store = open_for_command(ns.db)
    try:
        table = count_table(store.labels(), store.documents(), store.label_counts())
    finally:
        store.close()
    if ns.format == "json":
        write_output(
            (json.dumps(table.as_dict(), ensure_ascii=False, indent=2) + "\n").encode(), None
        )
    else:
        write_output(render_table(table).encode("utf-8"), None)
    return 0
