"""A second launch of a desk program brings the running one to the front: its doorbell rings,
the window comes forward; with nobody running, nobody answers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from gui.doorbell import Doorbell, come_forward, ring


def test_a_second_launch_rings_and_the_window_comes_forward(qtbot, tmp_path: Path) -> None:
    assert not ring(tmp_path, "staff", timeout_ms=300)  # nobody running yet
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    bell = Doorbell(tmp_path, "staff")
    bell.rang.connect(lambda: come_forward(window))
    with qtbot.waitSignal(bell.rang, timeout=3000):
        assert ring(tmp_path, "staff")
    qtbot.waitUntil(lambda: window.isVisible() and not window.isMinimized(), timeout=3000)
    assert not ring(tmp_path, "kiosk", timeout_ms=300)  # another program's bell: not this one
    assert not ring(tmp_path / "elsewhere", "staff", timeout_ms=300)  # another data folder


def test_frontdesk_staff_started_twice_brings_the_first_forward(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ,
        "FRONTDESK_CONFIG": str(tmp_path / "none.toml"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = [sys.executable, "-m", "frontdesk", "--data-dir", str(tmp_path), "staff", "--demo"]
    log = tmp_path / "first.err"
    with open(log, "wb") as err:  # the child keeps its own copy
        first = subprocess.Popen(command, cwd=root, env=env, stderr=err)
    try:
        deadline = time.monotonic() + 60
        while not ring(tmp_path, "staff", timeout_ms=200):  # up, and listening
            assert first.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "the first desk never came up"
            time.sleep(0.2)
        second = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        assert second.returncode == 3
        assert "already open" in second.stderr and "brought to the front" in second.stderr
        assert first.poll() is None  # the first goes on
    finally:
        first.terminate()
        first.wait(20)


def test_the_program_has_its_own_icon(qapp) -> None:
    from gui.start import APP_ICON, application

    assert APP_ICON.is_file()
    app = application()
    assert not app.windowIcon().isNull() and not app.windowIcon().pixmap(48).isNull()
