"""Killing the process (SIGKILL) at any moment loses no change it had acknowledged.

Why this holds: every change is one transaction, and the database is in WAL mode with
``synchronous=NORMAL``, so a commit has written its frames to the WAL file (in the
operating system's cache) when the store method returns. A killed process takes nothing
of that with it: the kernel still writes the file, and the next connection replays the
WAL. (A power cut could lose the last commits before a checkpoint; not tested here.)
"""

from __future__ import annotations

import random
import signal
import time

from annotator.app.opening import open_store
from annotator.app.resources import seed_documents
from annotator.core.model import NewDocument
from tests.store.acknowledged import State, Transcript, applied, integrity, spawn, stored

KILLS = 30


def test_sigkill_at_random_moments_keeps_every_acknowledged_change(db_path):
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    store = open_store(str(db_path))
    article = seed_documents()[0]
    store.import_documents([NewDocument(title=article.title, source="s", text=article.text)])
    store.close()

    model: State = {}  # what the acknowledged changes say the database holds
    acknowledged = committed_unacknowledged = not_made = 0
    for run in range(KILLS):
        child = spawn(db_path, "killed", seed + run)
        assert child.stdout is not None and child.stderr is not None
        transcript = Transcript()
        if run % 6 == 0:
            time.sleep(rng.uniform(0, 0.5))  # anywhere, opening the database included
        else:
            # In the stream of changes: after a few acknowledgements, then a moment more
            # (a change takes a millisecond or two), so the kill lands anywhere in one.
            wanted = rng.randint(1, 60)
            while len(transcript.acked) < wanted:
                line = child.stdout.readline()
                if not line:
                    break
                transcript.read(line)
            time.sleep(rng.uniform(0, 0.003))
        child.send_signal(signal.SIGKILL)
        for line in child.stdout:
            transcript.read(line)
        errors = child.stderr.read()
        child.wait()
        assert child.returncode == -signal.SIGKILL, f"seed {seed} run {run}: {errors}"

        for effect in transcript.acked:
            model = applied(model, effect)  # type: ignore[assignment]
        acknowledged += len(transcript.acked)
        found = stored(db_path, "killed")
        if found != model:
            # Only the change announced and not acknowledged may be there, and then whole.
            after = applied(model, transcript.pending, found) if transcript.pending else None
            assert found == after, (
                f"seed {seed} run {run}: the database is neither as acknowledged nor with "
                f"the pending change {transcript.pending} made whole"
            )
            committed_unacknowledged += 1
        elif transcript.pending:
            not_made += 1
        assert integrity(db_path) == "ok"
        model = found

    print(
        f"{KILLS} kills survived; {acknowledged} acknowledged changes checked; "
        f"{committed_unacknowledged} committed but not yet acknowledged, {not_made} "
        f"announced and not made; {len(model)} annotations at the end"
    )
    assert acknowledged > KILLS * 10  # the kills did land in a stream of changes
