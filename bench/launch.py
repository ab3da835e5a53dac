"""The launch workload (issue 24): whole processes, timed from just before they are spawned.

- L1, L2: ``annotator --db X`` to the first frame on screen that shows the document's
  highlights, read from the screen itself (an Xvfb framebuffer, :mod:`framebuffer`), next
  to a bare PySide6 process painting the same text and spans (bench/bare_launch.py); at
  1 MB + 10,000 spans and 10 MB + 100,000 spans. Then, once the processes have settled,
  the peak memory (VmHWM) of each process and its children (the suggestion helper counts).
- L3: ``annotator --help`` and ``annotator stats`` next to ``python -c pass``.

    python bench/launch.py [--runs 3] [--mb 1 10] [--display N] [--frames DIR]
                           [--command PATH ...]
                                            (part of ``make bench``; needs Xvfb)

``--command PATH`` launches another ``annotator`` program too, e.g. the bundle
``make dist`` builds (``--command dist/annotator/annotator``): its L1/L2 rows carry its
path, each with the venv's launch as its floor (its most: :data:`COMMAND_MOST` times that).

Medians of ``--runs`` separate processes (the command rows of 5), after one launch of each
that is not counted. The screen is read while the server draws, so the frame that stops
the clock may be torn (``--frames`` keeps it): the rest follows within a poll. Prints the
table bench/suite.py prints and writes it, with every run, to ``bench/results/launch.json``.
Not part of the test suite: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from array import array
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from framebuffer import RGB, Frame  # noqa: E402
from installed import compile_package  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from suite import Metric, machine, show, write_report  # noqa: E402
from workloads import document_database  # noqa: E402

from annotator.app.opening import open_store  # noqa: E402
from annotator.store.first_screen import CURRENT_DOCUMENT  # noqa: E402
from annotator.ui.highlighter import TINT, tint  # noqa: E402
from annotator.ui.theme import theme_palette  # noqa: E402

RESULTS = HERE / "results"
SCREEN = (1400, 900)
# The bare view is as large as the app's reading pane (text_view) in its first window
# (1330 x 820): so both lay out and paint about as much text.
BARE_SIZE = (620, 745)
# (MB of text, spans, most launch floors, most memory floors)
SIZES = ((1, 10_000, 2.5, 2.0), (10, 100_000, 4.0, 2.0))
MIN_PIXELS = 1000  # of the rows read (every 8th): an eighth of what a first screen shows
POLL = 0.002
TIMEOUT = 120.0
HELP_TARGET_MS = 350
COMMAND_MOST = 1.2  # another annotator program (--command) against the venv's


@dataclass
class Launch:
    seconds: float  # spawn to the first frame with highlights
    pixels: int  # tinted pixels read then
    settled_pixels: int  # and once the processes settled
    memory_mb: dict[str, float]  # peak resident memory of each process, by name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="launches of each (median)")
    parser.add_argument("--display", type=int, help="Xvfb display number (default: a free one)")
    parser.add_argument(
        "--frames", type=Path, help="keep each launch's first highlighted frame here (XWD)"
    )
    parser.add_argument(
        "--mb", type=int, nargs="*", default=[mb for mb, *_ in SIZES], help="sizes: 1, 10"
    )
    parser.add_argument(
        "--command",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="another annotator program to launch too (e.g. dist/annotator/annotator)",
    )
    ns = parser.parse_args()
    sizes = [size for size in SIZES if size[0] in ns.mb]
    missing = [path for path in ns.command if not os.access(path, os.X_OK)]
    if missing:
        print(f"bench/launch.py: {missing[0]}: no such program", file=sys.stderr)
        return 1
    if shutil.which("Xvfb") is None:
        print("bench/launch.py: Xvfb is needed (apt install xvfb)", file=sys.stderr)
        return 1
    compile_package()  # as pip leaves an installed package: no launch compiles sources
    metrics: list[Metric] = []
    details: dict[str, object] = {"load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="launch-bench-") as folder:
        work = Path(folder)
        databases = [prepare(work, mb, spans) for mb, spans, _, _ in sizes]
        metrics += command_rows(databases[0][0], details, ns.command)
        display = ns.display if ns.display is not None else free_display()
        with xvfb(display, work / "fb") as frame:
            for size, prepared in zip(sizes, databases, strict=True):
                metrics += size_rows(size, prepared, work, display, frame, ns, details)
    details["load_after"] = os.getloadavg()
    print(f"machine: {machine()}; load average {details['load_after'][0]:.1f}")
    print(show(metrics))
    out = RESULTS / "launch.json"
    write_report(out, metrics, runs=details)
    print(f"written to {out}")
    return 0


def size_rows(
    size: tuple[int, int, float, float],
    prepared: tuple[Path, Path, Path, list[RGB]],
    work: Path,
    display: int,
    frame: Frame,
    ns: argparse.Namespace,
    details: dict[str, object],
) -> list[Metric]:
    """The launch and memory rows of one size: Annotator and the bare process, each
    launched once uncounted, then ``ns.runs`` times."""
    mb, spans, most, most_memory = size
    db, text, spans_file, tints = prepared
    name = f"{mb} MB + {spans // 1000}k"
    app_cmd = [*annotator_command(), "--db", str(db)]
    bare_cmd = [sys.executable, str(HERE / "bare_launch.py"), str(text)]
    bare_cmd += [str(spans_file), *map(str, BARE_SIZE), *(hex_of(c) for c in tints)]
    env = environment(work, display, db)
    others = {str(path): [str(path.resolve()), "--db", str(db)] for path in ns.command}
    runs = {}
    for who, command in (("bare", bare_cmd), ("annotator", app_cmd), *others.items()):

        def env_of(who: str = who) -> dict[str, str]:
            fresh = env()
            if who in others:  # another program: nothing of this checkout's
                del fresh["PYTHONPATH"]
            return fresh

        launch(command, env_of(), frame, tints)  # not counted: caches warm
        runs[who] = [
            launch(command, env_of(), frame, tints, keep(ns.frames, f"{mb}mb-{label(who)}-{i}"))
            for i in range(ns.runs)
        ]
        each = (
            f"{r.seconds:.3f} s ({' + '.join(f'{v:.0f}' for v in r.memory_mb.values())} MB)"
            for r in runs[who]
        )
        print(f"{name}, {who}: {', '.join(each)}", flush=True)
    details[name] = {who: [asdict(r) for r in rs] for who, rs in runs.items()}
    seconds = {who: statistics.median(r.seconds for r in rs) * 1000 for who, rs in runs.items()}
    memory = {
        who: statistics.median(sum(r.memory_mb.values()) for r in rs) for who, rs in runs.items()
    }
    row = "L1" if mb == 1 else "L2"
    return [
        Metric(row, f"launch to highlights on screen, {name}", seconds["annotator"], "ms",
               None, seconds["bare"], most),
        Metric(row, f"peak memory with helpers, {name}", memory["annotator"], "MB", None,
               memory["bare"], most_memory),
        *(Metric(row, f"launch to highlights on screen, {name}, {who}", seconds[who], "ms",
                 None, seconds["annotator"], COMMAND_MOST) for who in others),
        *(Metric(row, f"peak memory with helpers, {name}, {who}", memory[who], "MB", None,
                 memory["annotator"], None) for who in others),
    ]  # fmt: skip


def label(who: str) -> str:
    """``who`` as a file name: another program's path with its separators as ``-``."""
    return who.strip("/").replace("/", "-")


def prepare(work: Path, mb: int, count: int) -> tuple[Path, Path, Path, list[RGB]]:
    """A database of one document of ``mb`` MB with ``count`` annotations, opened once as
    the window opens it, and the same text and spans as files for the bare process:
    (database, text file, spans file, the light theme's tint of each label)."""
    db = work / f"launch-{mb}mb.db"
    doc_id = document_database(db, mb * 1_000_000, count)
    store = open_store(str(db), seed=True)
    try:
        store.set_setting(CURRENT_DOCUMENT, doc_id)
        labels = store.labels()
        text = store.document(doc_id).text
        annotations = store.annotations(doc_id)
    finally:
        store.close()
    index = {label.name: i for i, label in enumerate(labels)}
    spans = array("i")
    for a in sorted(annotations, key=lambda a: a.start):
        spans.extend((a.start, a.end, index[a.label]))
    text_file, spans_file = work / f"launch-{mb}mb.txt", work / f"launch-{mb}mb.spans"
    text_file.write_text(text, encoding="utf-8")
    spans_file.write_bytes(spans.tobytes())
    palette = theme_palette("light")
    tints = [tint(QColor(label.color), TINT, palette).getRgb()[:3] for label in labels]
    return db, text_file, spans_file, tints


def hex_of(color: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


def annotator_command() -> list[str]:
    """``annotator`` as installed (the console script), or through ``python -m``."""
    script = Path(sys.executable).with_name("annotator")
    return [str(script)] if script.exists() else [sys.executable, "-m", "annotator"]


def environment(work: Path, display: int, db: Path):
    """A maker of launch environments: each a fresh HOME and XDG folders whose
    preferences choose the light theme, the annotator who made the spans (so they are
    drawn as one's own) and the first launch's notices already read."""

    def fresh() -> dict[str, str]:
        home = Path(tempfile.mkdtemp(prefix="home-", dir=work))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ANNOTATOR_"))}
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_STATE_HOME=str(home / "state"),
            XDG_RUNTIME_DIR=str(home / "runtime"),
            DISPLAY=f":{display}",
            QT_QPA_PLATFORM="xcb",
            PYTHONPATH=str(ROOT),  # this checkout's annotator, whatever is installed
        )
        (home / "runtime").mkdir(mode=0o700)
        config = home / "config" / "annotator"
        config.mkdir(parents=True)
        preferences = {
            "annotator": "bench",
            "theme": "light",
            "suggestions_explained": True,
            "last_database": str(db),
        }
        (config / "preferences.json").write_text(json.dumps(preferences), encoding="utf-8")
        return env

    return fresh


def keep(folder: Path | None, name: str) -> Path | None:
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.xwd"


def launch(
    command: list[str],
    env: dict[str, str],
    frame: Frame,
    tints: list[RGB],
    first_frame: Path | None = None,
) -> Launch:
    """Spawn ``command``; time it to the first frame with at least ``MIN_PIXELS`` tinted
    pixels (kept in ``first_frame`` if given); let it settle, read its processes' peak
    memory, and kill them."""
    deadline = time.perf_counter() + 10
    while frame.count(tints) and time.perf_counter() < deadline:
        time.sleep(0.05)  # the last launch's window is still being taken off the screen
    if frame.count(tints):
        raise RuntimeError("the screen shows highlights before the launch")
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True
        )
        try:
            while (pixels := frame.count(tints)) < MIN_PIXELS:
                if process.poll() is not None or time.perf_counter() - start > TIMEOUT:
                    log.seek(0)
                    error = log.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"{command[0]} showed no highlights: {error}")
                time.sleep(POLL)
            seconds = time.perf_counter() - start
            if first_frame is not None:
                shutil.copyfile(frame.path, first_frame)
            settle(process.pid)
            memory = peak_memory(process.pid)
            settled = frame.count(tints)
        finally:
            os.killpg(process.pid, signal.SIGKILL)  # the session it leads: it and its helpers
            process.wait()
    return Launch(seconds, pixels, settled, memory)


def descendants(pid: int) -> list[int]:
    """``pid`` and every process under it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo += children.get(current, [])
    return out


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def settle(pid: int, quiet: float = 0.05, window: float = 1.0) -> None:
    """Wait until ``pid`` and its children use less than ``quiet`` s of CPU in ``window``
    s (everything loaded, suggestions computed), or ``TIMEOUT``."""
    end = time.perf_counter() + TIMEOUT
    before = cpu_seconds(descendants(pid))
    while time.perf_counter() < end:
        time.sleep(window)
        now = cpu_seconds(descendants(pid))
        if now - before < quiet:
            return
        before = now


def peak_memory(pid: int) -> dict[str, float]:
    """VmHWM in MB of ``pid`` and of each process under it, by ``name[pid]``."""
    out = {}
    for number in descendants(pid):
        try:
            status = Path(f"/proc/{number}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if "VmHWM" in fields:
            name = "main" if number == pid else f"{fields['Name'].strip()}[{number}]"
            out[name] = int(fields["VmHWM"].split()[0]) / 1024
    return out


def free_display() -> int:
    for number in range(99, 200):
        lock, socket = Path(f"/tmp/.X{number}-lock"), Path(f"/tmp/.X11-unix/X{number}")
        if not lock.exists() and not socket.exists():
            return number
    raise RuntimeError("no free X display number in 99-199")


class xvfb:
    """An Xvfb on ``:display`` keeping its screen in ``folder``; the screen as a Frame."""

    def __init__(self, display: int, folder: Path) -> None:
        self.display, self.folder = display, folder

    def __enter__(self) -> Frame:
        self.folder.mkdir()
        size = f"{SCREEN[0]}x{SCREEN[1]}x24"
        screen = ["-screen", "0", size, "-fbdir", str(self.folder), "-nolisten", "tcp"]
        self.process = subprocess.Popen(
            ["Xvfb", f":{self.display}", *screen],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket = Path(f"/tmp/.X11-unix/X{self.display}")
        deadline = time.perf_counter() + 20
        while not socket.exists() or not (self.folder / "Xvfb_screen0").exists():
            if self.process.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError(f"Xvfb did not start on :{self.display}")
            time.sleep(0.05)
        self.frame = Frame(self.folder / "Xvfb_screen0")
        return self.frame

    def __exit__(self, *_: object) -> None:
        self.frame.close()
        self.process.terminate()
        self.process.wait()


def command_rows(db: Path, details: dict[str, object], others: list[Path]) -> list[Metric]:
    """``annotator --help`` and ``annotator stats`` next to ``python -c pass``, median of 5;
    the same of each of ``others`` next to the venv's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANNOTATOR_")}
    env["PYTHONPATH"] = str(ROOT)
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "annotator --help": [*annotator_command(), "--help"],
        "annotator stats": [*annotator_command(), "stats", "--db", str(db)],
    }
    for path in others:  # named "annotator ..., PATH"
        commands[f"annotator --help, {path}"] = [str(path.resolve()), "--help"]
        commands[f"annotator stats, {path}"] = [str(path.resolve()), "stats", "--db", str(db)]
    times: dict[str, list[float]] = {}
    for name, command in commands.items():
        # Another program is given nothing of this checkout.
        run_env = {k: v for k, v in env.items() if k != "PYTHONPATH" or "," not in name}
        subprocess.run(command, env=run_env, capture_output=True, check=True)  # not counted
        times[name] = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(command, env=run_env, capture_output=True, check=True)
            times[name].append((time.perf_counter() - start) * 1000)
    details["commands_ms"] = times
    floor = statistics.median(times["python -c pass"])
    return [
        Metric("L3", "annotator --help (process)", statistics.median(times["annotator --help"]),
               "ms", HELP_TARGET_MS, floor),
        Metric("L3", "annotator stats, 1 MB + 10k (process)",
               statistics.median(times["annotator stats"]), "ms", None, floor),
        *(Metric("L3", f"{name} (process)", statistics.median(times[name]), "ms", None,
                 statistics.median(times[name.partition(",")[0]]), None)
          for name in times if "," in name),
    ]  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
