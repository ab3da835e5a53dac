"""The bundle's entry point (packaging/annotator.spec): ``annotator`` as the console
script runs it, and the suggestion helper.

The window starts its helper as ``sys.executable -m annotator.core.suggest.worker PID``
(annotator/ui/suggestion_worker.py). In the bundle ``sys.executable`` is this program, so
that one command line is recognised here and runs the helper; anything else is the app's.
"""

from __future__ import annotations

import sys

WORKER = ["-m", "annotator.core.suggest.worker"]


def main() -> int:
    if sys.argv[1:3] == WORKER:
        from annotator.core.suggest.worker import main as serve

        return serve(sys.argv[3:])
    from annotator.main import main as annotator

    return annotator()


if __name__ == "__main__":
    sys.exit(main())
