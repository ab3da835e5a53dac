"""The suggestion helper's memory and CPU on one document with hand-tagged phrases (issue 24).

    python bench/helper_phrases.py [--mb 1 10] [--rules-only] [--phrases-only]

Starts the helper (``python -m annotator.core.suggest.worker``) as the window does and
gives it what the window gives it for the launch workload's document (bench/workloads.py:
``book_text`` with ``spans``, every span a phrase tagged by hand): the rules, piece by
piece, then the phrases, piece by piece. Prints the helper's VmHWM and VmRSS after each
step and its CPU seconds. Not part of the test suite: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from workloads import LABELS, book_text, spans  # noqa: E402

from annotator.core.suggest.learned import Tagged  # noqa: E402
from annotator.core.suggest.pieces import Learning, Plan, pieces  # noqa: E402
from annotator.core.suggest.worker import receive, send  # noqa: E402
from annotator.ui.suggestion_worker import rule_folder_names  # noqa: E402


def status(pid: int) -> str:
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    return (
        f"VmHWM {int(fields['VmHWM'].split()[0]) / 1024:6.1f} MB, "
        f"VmRSS {int(fields['VmRSS'].split()[0]) / 1024:6.1f} MB, CPU {cpu:6.2f} s"
    )


def run(mb: int, rules: bool, phrases: bool) -> None:
    text = book_text(mb * 1_000_000)
    rng = random.Random(1)
    tagged = tuple(
        Tagged(rng.choice(LABELS), text[s:e], "Book") for s, e in spans(len(text), mb * 10_000)
    )
    helper = subprocess.Popen(
        [sys.executable, "-m", "annotator.core.suggest.worker", str(os.getpid())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=HERE.parent,
    )
    assert helper.stdin is not None and helper.stdout is not None
    out, back = helper.stdin.fileno(), helper.stdout.fileno()

    def ask(name: str, *args: object) -> object:
        send(out, (name, args))
        ok, value = receive(back)
        if not ok:
            raise value
        return value

    folders = rule_folder_names()
    ask("warm", folders)
    print(f"{mb} MB + {len(tagged):,}: rules read     {status(helper.pid)}")
    if rules:
        plan = Plan(len(text), pieces(text), 0, set())
        while (step := plan.next()) is not None:
            index, piece, given = step
            _found, onward, unsafe = ask(
                "compute_piece", text[piece.lead : piece.tail], piece, given, folders
            )
            plan.take(index, given, onward, unsafe)
        print(f"{mb} MB + {len(tagged):,}: rules done     {status(helper.pid)}")
    if phrases:
        learning = Learning(text, tagged, pieces(text))
        while (step := learning.next()) is not None:
            learning.take(*ask("learn_piece", *step))
        print(
            f"{mb} MB + {len(tagged):,}: phrases done   {status(helper.pid)}"
            f"  ({len(learning.result)} suggestions)"
        )
    helper.stdin.close()
    helper.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, nargs="*", default=[1, 10])
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--phrases-only", action="store_true")
    ns = parser.parse_args()
    for mb in ns.mb:
        run(mb, not ns.phrases_only, not ns.rules_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
