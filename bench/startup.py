"""Frozen-program figures, printed as one JSON object:

frozen_vs_source_ratio   time from process start to the kiosk's interactive welcome screen for
                         the frozen program (build/out/dist/FrontDesk), divided by the same for
                         ``python -m frontdesk kiosk`` from source, medians of ``--runs``
                         interleaved in one run (goal <= 1.2)
frozen_s, source_s       the two medians behind the ratio
bundle_mb                the one-folder bundle's size on disk (goal < 250)
internal_mb              of which ``_internal`` (libraries, Qt, data)

Run as a user would, after ``build/freeze.sh``: ``python bench/startup.py`` (offscreen);
``--bundle DIR`` to measure another build (a Windows one, for instance).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.kiosk import interleaved  # noqa: E402  (one way to time a start)


def _size_mb(folder: Path) -> float:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return round(total / 2**20, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "build/out/dist/FrontDesk")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    exe = next(
        (args.bundle / n for n in ("FrontDesk.exe", "FrontDesk") if (args.bundle / n).exists()),
        None,
    )
    if exe is None:
        sys.exit(f"no frozen program in {args.bundle}: run build/freeze.sh first")
    f, s = interleaved(
        [
            [str(exe), "kiosk", "--windowed"],
            [sys.executable, "-m", "frontdesk", "kiosk", "--windowed"],
        ],
        args.runs,
    )
    print(
        json.dumps(
            {
                "frozen_vs_source_ratio": round(f / s, 2),
                "frozen_s": round(f, 3),
                "source_s": round(s, 3),
                "bundle_mb": _size_mb(args.bundle),
                "internal_mb": _size_mb(args.bundle / "_internal"),
                "runs": args.runs,
            }
        )
    )


if __name__ == "__main__":
    main()
