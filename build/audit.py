"""Known vulnerabilities in what FrontDesk installs: ``python build/audit.py`` (CI runs it).

Runs ``pip-audit`` over the pinned lock files (``requirements/*.lock``) and fails on any
finding not accepted in ``requirements/audit-accepted.toml`` — where each accepted finding
says why (``[[accepted]] id = "GHSA-…" package = "…" reason = "…"``).  A machine that reaches
no vulnerability database (PyPI's JSON API or OSV) cannot audit: the script says so plainly
and exits 0 with ``--offline-ok`` (CI on a closed network), 2 without it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOCKS = (ROOT / "requirements" / "app.lock", ROOT / "requirements" / "dev.lock")
ACCEPTED = ROOT / "requirements" / "audit-accepted.toml"


def accepted() -> dict[tuple[str, str], str]:
    """(package, vulnerability id) → the reason it is accepted."""
    if not ACCEPTED.exists():
        return {}
    table = tomllib.loads(ACCEPTED.read_text(encoding="utf-8"))
    out = {}
    for item in table.get("accepted", []):
        if not str(item.get("reason", "")).strip():
            raise SystemExit(f"audit: {ACCEPTED.name}: {item.get('id')} names no reason")
        out[(str(item["package"]).lower(), str(item["id"]))] = str(item["reason"])
    return out


def audit(lock: Path) -> dict[str, Any]:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "-r",
            str(lock),
            "--no-deps",
            "--disable-pip",
            "-f",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
    )
    try:
        return json.loads(run.stdout)
    except json.JSONDecodeError:
        last = (run.stderr.strip().splitlines() or ["no output"])[-1]
        return {"dependencies": [], "error": last[:300]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offline-ok", action="store_true", help="no database reachable: pass")
    args = parser.parse_args()
    ok = accepted()
    findings, audited, unreachable = [], 0, []
    for lock in LOCKS:
        report = audit(lock)
        deps = report.get("dependencies", [])
        checked = [d for d in deps if "skip_reason" not in d]
        audited += len(checked)
        if report.get("error") or (deps and not checked):
            unreachable.append(f"{lock.name}: {report.get('error') or deps[0]['skip_reason']}")
        for dep in checked:
            for vuln in dep.get("vulns", []):
                key = (dep["name"].lower(), vuln["id"])
                why = ok.get(key)
                status = f"accepted: {why}" if why else "NOT ACCEPTED"
                findings.append(
                    (why is None, f"{dep['name']} {dep['version']} {vuln['id']} — {status}")
                )
    for _bad, line in findings:
        print(line)
    if unreachable:
        print("audit: no vulnerability database could be reached; nothing was audited:")
        print("\n".join(f"  {u}" for u in unreachable))
        return 0 if args.offline_ok else 2
    bad = sum(1 for is_bad, _ in findings if is_bad)
    print(f"audit: {audited} pinned distributions checked, {len(findings)} findings, {bad} new")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
