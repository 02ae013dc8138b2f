"""The repository's own checks: ruff is clean, the benchmarks run and print their figures."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff() -> str:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if found is None:
        pytest.fail("ruff is not installed: install the dev extra (build/bootstrap.sh --dev)")
    return found


def _python(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in the repository, as a user runs a script of it."""
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def test_ruff_lint_is_clean() -> None:
    out = subprocess.run([_ruff(), "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_format_is_clean() -> None:
    out = subprocess.run(
        [_ruff(), "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_types_check() -> None:
    """mypy as pyproject.toml sets it: the core and the server strictly, the rest checked."""
    out = _python("-m", "mypy", timeout=600)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[^\]]*\])?(?P<rest>.*)$")


def ignores_without_reason(text: str) -> list[str]:
    """Lines whose ``type: ignore`` names no error code or gives no reason after it."""
    bad = []
    for line in text.splitlines():
        found = IGNORE.search(line)
        if found and (not found["codes"] or not found["rest"].strip().startswith("#")):
            bad.append(line.strip())
    return bad


def test_every_type_ignore_names_its_code_and_reason() -> None:
    assert ignores_without_reason("x = f()  # type: ignore[attr-defined]  # set by Qt") == []
    assert ignores_without_reason("x = f()  # type: ignore[attr-defined]") != []
    assert ignores_without_reason("x = f()  # type: ignore") != []
    found = {
        f"{path.relative_to(ROOT)}": bad
        for package in ("app", "server", "frontdesk", "ui", "kiosk")
        for path in (ROOT / package).rglob("*.py")
        if (bad := ignores_without_reason(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_core_benchmark_prints_its_figures() -> None:
    out = _python("bench/core.py", "--trials", "5", timeout=300)
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    assert figures["visit_events"] == 100_000
    assert figures["appointments"] >= 10_000
    assert figures["find_checkin_ms"] > 0 and figures["stage_change_ms"] > 0


def test_cases_benchmark_prints_its_figures() -> None:
    out = _python("bench/cases.py", "--trials", "3", timeout=300)
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    assert (figures["cases"], figures["case_events"]) == (50_000, 500_000)
    assert figures["open_cases"] > 1000  # the list reads hundreds of open cases, not a few
    assert figures["case_list_ms"] > 0 and figures["clocks_ms"] > 0


def test_followup_benchmark_prints_its_figures() -> None:
    out = _python("bench/followup.py", "--trials", "2", timeout=300)
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    assert (figures["visits"], figures["tasks"]) == (3_000, 100_000)
    assert figures["tasks_made"] == 3_000  # every run makes the whole day: nothing was kept
    assert figures["generate_ms"] > 0 and figures["worklist_ms"] > 0


def test_sync_benchmark_prints_its_figures() -> None:
    out = _python("bench/sync.py", "--quick", timeout=600)
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    for key in ("push_10k_s", "pull_100k_s", "propagation_p50_ms", "propagation_p95_ms"):
        assert figures[key] > 0
    assert figures["pulled_changes"] >= 2000


def test_screens_benchmark_taps_a_kiosk_and_times_the_desk() -> None:
    out = _python("bench/screens.py", "--quick", timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["actions"] == 12
    assert set(figures["by_action"]) == {"call_a_guide", "walk_in", "check_in"}
    assert 0 < figures["kiosk_to_desk_p50_ms"] <= figures["kiosk_to_desk_p95_ms"]


def test_kiosk_benchmark_prints_its_figures() -> None:
    out = _python("bench/kiosk.py", "--quick", timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    for key in (
        "startup_ratio",
        "kiosk_startup_ratio",
        "kiosk_vs_keyboard_window_ratio",
        "scan_to_ticket_ms",
        "rss_mb",
    ):
        assert figures[key] > 0
    assert figures["checkins"] == 40


def test_board_benchmark_prints_its_figures() -> None:
    out = subprocess.run(
        [sys.executable, "bench/board.py", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["rows_on_board"] == figures["visits"] == 100
    for key in ("board_start_ms", "remote_event_ms_median", "remote_event_ms_p99", "tick_ms"):
        assert figures[key] > 0


def test_the_row_contract_in_docs_sync_md_is_generated_from_app_contract() -> None:
    out = _python("build/contract_doc.py", "--check", timeout=60)
    assert out.returncode == 0, out.stderr


def test_the_frozen_programs_licences_are_collected_from_the_installed_distributions(
    tmp_path: Path,
) -> None:
    """build/notices.py writes FrontDesk's licence, each component's own licence files and a
    schema-checked CycloneDX SBOM; the self-test's check accepts them, and refuses a set
    where one component's notice is missing."""
    out = _python("build/notices.py", str(tmp_path / "licenses"), timeout=120)
    assert out.returncode == 0, out.stderr
    sys.path.insert(0, str(ROOT))
    from frontdesk.selftest import CheckFailed, check_licences

    where = tmp_path / "licenses"
    assert "GPL-3.0-or-later" in check_licences(where)
    sbom = json.loads((where / "sbom.cdx.json").read_text(encoding="utf-8"))
    parts = {c["name"]: c for c in sbom["components"]}
    assert parts["SQLAlchemy"]["purl"] == f"pkg:pypi/sqlalchemy@{parts['SQLAlchemy']['version']}"
    assert parts["SQLAlchemy"]["licenses"] == [{"expression": "MIT"}]
    notices = (where / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    assert "Permission is hereby granted" in notices  # SQLAlchemy's own LICENSE file
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices  # Qt for Python ships no text
    heading = f"\nSQLAlchemy {parts['SQLAlchemy']['version']}\n"
    (where / "THIRD-PARTY-NOTICES.txt").write_text(notices.replace(heading, "\n"), "utf-8")
    with pytest.raises(CheckFailed, match="SQLAlchemy"):
        check_licences(where)


def _pins(lock: Path) -> dict[str, str]:
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if found:
            pins[re.sub(r"[-_.]+", "-", found[1]).lower()] = found[2]
    return pins


@pytest.mark.parametrize(
    ("lock", "extras"), [("app.lock", ("server",)), ("dev.lock", ("server", "dev"))]
)
def test_the_lock_files_pin_a_release_of_every_requirement(lock: str, extras: tuple[str]) -> None:
    """build/bootstrap.sh installs from requirements/*.lock: each requirement pyproject.toml
    names — the core's and each extra's — is pinned there, to a release it accepts."""
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"]]
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    pins = _pins(ROOT / "requirements" / lock)
    wrong = {}
    for text in wanted:
        req = Requirement(text)
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        if name not in pins or not req.specifier.contains(pins[name], prereleases=True):
            wrong[req.name] = pins.get(name, "not pinned")
    assert wrong == {}, f"requirements/{lock} is stale: run the command in its first lines"


def test_the_audit_fails_on_a_finding_not_accepted_and_names_an_accepted_ones_reason(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """build/audit.py's own rules; pip-audit's answer stands in for a vulnerability database
    this machine cannot reach."""
    sys.path.insert(0, str(ROOT / "build"))
    try:
        import audit
    finally:
        sys.path.remove(str(ROOT / "build"))
    finding = {
        "dependencies": [
            {"name": "Requests", "version": "2.0", "vulns": [{"id": "GHSA-aaaa"}]},
            {"name": "ok", "version": "1.0", "vulns": []},
        ]
    }
    monkeypatch.setattr(audit, "audit", lambda lock: finding)
    monkeypatch.setattr(audit, "ACCEPTED", tmp_path / "accepted.toml")
    monkeypatch.setattr(sys, "argv", ["audit.py"])
    assert audit.main() == 1
    assert "requests" not in capsys.readouterr().out.split("NOT ACCEPTED")[1]
    (tmp_path / "accepted.toml").write_text(
        '[[accepted]]\npackage = "requests"\nid = "GHSA-aaaa"\nreason = "not reachable from ours"\n'
    )
    assert audit.main() == 0
    assert "accepted: not reachable from ours" in capsys.readouterr().out
    (tmp_path / "accepted.toml").write_text(
        '[[accepted]]\npackage = "requests"\nid = "GHSA-aaaa"\nreason = ""\n'
    )
    with pytest.raises(SystemExit, match="names no reason"):
        audit.main()
    (tmp_path / "accepted.toml").unlink()
    skipped = {"dependencies": [{"name": "x", "skip_reason": "Dependency not found on PyPI"}]}
    monkeypatch.setattr(audit, "audit", lambda lock: skipped)
    assert audit.main() == 2
    monkeypatch.setattr(sys, "argv", ["audit.py", "--offline-ok"])
    assert audit.main() == 0
