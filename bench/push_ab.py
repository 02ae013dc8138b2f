"""Push 10,000 changes with this checkout and with an earlier commit, interleaved in one run.

    python bench/push_ab.py --base 8fe6a8a [--rounds 10] [--changes 10000]

This machine's speed drifts by up to 2x within minutes, so two figures taken at different
times say little: each side queues its changes once (a snapshot of a desk and its server),
then the two push from fresh copies of their snapshots in turn, round after round.  Prints
JSON: each side's push seconds (wall), the server's and the desk's CPU seconds during the
push, and the ratios this checkout / base (median of the rounds; 1.08 means 8 % slower).

The earlier commit is checked out with ``git worktree`` into a temporary folder; each side
runs its own code (its desk, its server, its ``bench/sync.py`` changes) from its own tree.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child(mode: str, snap: Path, changes: int) -> None:
    """Runs with the working directory in one side's tree, importing that tree's code."""
    sys.path.insert(0, os.getcwd())
    from app.clock import Clock
    from app.sync.desk import SyncedDesk
    from bench.sync import queue_changes
    from tests.harness import TZ, Desk, ServerProcess

    if mode == "setup":
        server = ServerProcess(snap / "server").start()
        try:
            desk = Desk.enroll(server, snap / "desk", "staff", "desk-a")
            desk.sync()
            desk.engine.leases.block, desk.engine.leases.low_water = 1000, 1010
            desk.engine.ensure_leases()
            queue_changes(desk, changes)
            desk.close()
        finally:
            server.stop()
        return
    work = Path(tempfile.mkdtemp(prefix="push-ab-"))
    try:
        shutil.copytree(snap, work / "s")
        server = ServerProcess(work / "s" / "server", demo=False).start()
        try:
            desk = SyncedDesk.open(work / "s" / "desk", Clock(tz=TZ), server_url=server.url)
            assert server.proc is not None
            server_cpu, desk_cpu = _cpu_seconds(server.proc.pid), time.process_time()
            start = time.perf_counter()
            while desk.engine.push_pending():
                pass
            wall = time.perf_counter() - start
            server_cpu = _cpu_seconds(server.proc.pid) - server_cpu
            desk_cpu = time.process_time() - desk_cpu
            left = desk.engine.pending_count()
            desk.close()
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if left:
        raise SystemExit(f"{left} changes were not acknowledged")
    print(json.dumps({"wall_s": wall, "server_cpu_s": server_cpu, "desk_cpu_s": desk_cpu}))


def _run(tree: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        cwd=tree,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"{tree}: {done.stderr[-2000:]}")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="the earlier commit (any git revision)")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--child", choices=("setup", "round"), help=argparse.SUPPRESS)
    parser.add_argument("--snap", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.snap, args.changes)
        return
    if not args.base:
        parser.error("--base: the earlier commit to compare with")
    base = subprocess.run(
        ["git", "rev-parse", "--short", args.base], cwd=ROOT, capture_output=True, text=True
    )
    if base.returncode:
        raise SystemExit(f"push_ab: no commit {args.base!r} in this repository")
    with tempfile.TemporaryDirectory(prefix="push-ab-") as tmp:
        work = Path(tmp)
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(work / "base"), args.base],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            trees = {"base": work / "base", "this": ROOT}
            for name, tree in trees.items():
                print(f"queueing {args.changes} changes on {name} …", file=sys.stderr)
                _run(
                    tree,
                    "--child",
                    "setup",
                    "--snap",
                    str(work / f"snap-{name}"),
                    "--changes",
                    str(args.changes),
                )
            rounds: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
            for i in range(args.rounds):
                for name, tree in trees.items():
                    out = _run(tree, "--child", "round", "--snap", str(work / f"snap-{name}"))
                    rounds[name].append(json.loads(out.strip().splitlines()[-1]))
                print(f"round {i + 1}/{args.rounds}", file=sys.stderr)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(work / "base")],
                cwd=ROOT,
                capture_output=True,
            )
    figures: dict[str, object] = {"base": base.stdout.strip(), "rounds": args.rounds}
    for key in ("wall_s", "server_cpu_s", "desk_cpu_s"):
        med = {name: statistics.median(r[key] for r in rounds[name]) for name in trees}
        paired = statistics.median(
            t[key] / b[key] for t, b in zip(rounds["this"], rounds["base"], strict=True)
        )
        figures[key] = {name: round(value, 3) for name, value in med.items()}
        figures[f"{key.removesuffix('_s')}_ratio"] = round(med["this"] / med["base"], 3)
        figures[f"{key.removesuffix('_s')}_paired_ratio"] = round(paired, 3)
    figures["goal"] = {"wall_ratio": 1.10}
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
