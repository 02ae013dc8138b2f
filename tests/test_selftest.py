"""``frontdesk self-test`` as the installer and IT staff run it: every check passes on a good
installation and the exit code says so; a check that cannot pass fails with its reason and
a non-zero exit.  (.ci/run also runs it inside the frozen program.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .harness import ROOT

CHECKS = ("modules", "files", "database", "keyboard", "kiosk screens", "staff screens")


def _self_test(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env["FRONTDESK_CONFIG"] = str(tmp_path / "none.toml")
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", "self-test", *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_self_test_passes_and_draws_every_screen(tmp_path: Path) -> None:
    keep = tmp_path / "kept"
    out = _self_test(tmp_path, "--keep", str(keep))
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    for check in (*CHECKS, "ticket", "server"):
        assert any(line.startswith(f"ok   {check}:") for line in lines), (check, out.stdout)
    assert "self-test passed" in lines[-1]
    screens = {p.name for p in (keep / "screens").glob("*.png")}
    assert {"kiosk-welcome-landscape.png", "kiosk-survey-portrait.png"} <= screens
    assert "staff-signin.png" in screens and "staff-page-4.png" in screens
    assert (keep / "ticket.pdf").read_bytes().startswith(b"%PDF")
    [said] = [line for line in lines if line.startswith("ok   ticket:")]
    assert "for a real walk-in" in said and "reads back as that visit" in said
    assert "ticket.png" in screens  # the ticket as painted, its QR code read from it
    assert not (tmp_path / ".local" / "share" / "frontdesk").exists()  # nothing of the machine's


def test_a_check_that_cannot_pass_fails_with_its_reason(tmp_path: Path) -> None:
    keep = tmp_path / "kept"
    keep.mkdir()
    (keep / "screens").write_text("in the way", "utf-8")  # no folder for the pictures
    out = _self_test(tmp_path, "--keep", str(keep))
    assert out.returncode == 1
    assert "FAIL qt:" in out.stdout and "ok   database:" in out.stdout
    assert "self-test FAILED (1 checks)" in out.stdout
