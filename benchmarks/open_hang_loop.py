"""Does opening a big plan ever hang? Open it many times, each in a fresh process.

Each run is the open step of ``benchmarks/big_plan_speed.py`` (a generated 1,000-section
plan, opened to the first paint of its window, Qt's offscreen platform, REFORMKIT_HOME in a
temporary folder), with ``faulthandler.dump_traceback_later`` armed: a run that has not
finished after ``--deadline`` seconds prints every thread's stack and exits, and the stacks
are kept in the output folder. ``--linger`` keeps each run going for that many seconds after
the paint, while the panels' first runs work on their thread. ``--python-arg=-X --python-arg=dev``
or ``--env PYTHONMALLOC=debug`` run it under Python's checks. Prints, for example:

    100 runs: 100 opened, 0 hung, 0 failed (open to paint: median 612 ms, max 910 ms)

Run ``.venv/bin/python benchmarks/open_hang_loop.py --runs 100``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from big_plan_speed import EXIT, PRELUDE  # noqa: E402

WATCHDOG = """
import faulthandler, sys
faulthandler.dump_traceback_later({deadline}, exit=True)
"""

OPEN = (
    WATCHDOG
    + PRELUDE
    + """
print(opened)
wait({linger})
"""
    + EXIT
)


def run_once(
    path: Path, env: dict[str, str], deadline: float, linger: float, python_args: list[str]
) -> tuple[str, float | None, str]:
    """One open in a fresh process: ("opened", seconds, "") or ("hung"/"failed", None, log)."""
    code = OPEN.replace("{deadline}", repr(deadline)).replace("{linger}", repr(linger))
    code = code.format(here=str(HERE), path=str(path))
    done = subprocess.run(
        [sys.executable, *python_args, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=deadline + linger + 120,
    )
    log = done.stdout + "\n--- stderr ---\n" + done.stderr
    if "Timeout (" in done.stderr:
        return "hung", None, log
    try:
        return "opened", float(done.stdout.split()[0]), ""
    except (IndexError, ValueError):
        return "failed", None, log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--sections", type=int, default=1000)
    parser.add_argument("--deadline", type=float, default=30.0)
    parser.add_argument("--linger", type=float, default=0.0)
    parser.add_argument("--python-arg", action="append", default=[])
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE")
    parser.add_argument("--logs", type=Path, default=Path(tempfile.gettempdir()) / "open_hangs")
    args = parser.parse_args()

    from generated_plan import generated_plan

    from plans import PLAN
    from reformkit.document.project import Project

    args.logs.mkdir(parents=True, exist_ok=True)
    extra = dict(item.split("=", 1) for item in args.env)
    counts = {"opened": 0, "hung": 0, "failed": 0}
    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REFORMKIT_HOME": folder, **extra}
        plan = Path(folder) / f"plan-{args.sections}.reformkit"
        Project.create_from(plan, generated_plan(args.sections), PLAN).close()
        run_once(plan, env, args.deadline, 0.0, [])  # the first run makes the library
        for number in range(1, args.runs + 1):
            outcome, seconds, log = run_once(plan, env, args.deadline, args.linger, args.python_arg)
            counts[outcome] += 1
            if seconds is not None:
                times.append(seconds)
            else:
                kept = args.logs / f"run-{time.strftime('%H%M%S')}-{number}-{outcome}.txt"
                kept.write_text(log)
                print(f"run {number}: {outcome}, stacks in {kept}", flush=True)
            if number % 10 == 0:
                print(f"{number} runs: {counts}", flush=True)
    figures = (
        f"open to paint: median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms"
        if times
        else "no run opened"
    )
    print(
        f"{args.runs} runs: {counts['opened']} opened, {counts['hung']} hung, "
        f"{counts['failed']} failed ({figures})"
    )


if __name__ == "__main__":
    main()
