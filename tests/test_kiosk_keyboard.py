"""The kiosk's on-screen keyboard used as a patient uses it: tapped key by key, on a machine
whose own locale is English.  Qt reads ``QT_IM_MODULE`` once, when the application starts, so
this runs in a process of its own (tests/keyboard_child.py), as a touch kiosk starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .harness import ROOT

# -s: with output captured, the keyboard's QML chatter from Qt's threads can hang the run
RUN = (
    "import os, sys, pytest\n"
    "code = pytest.main(['-q', '-s', '-p', 'no:cacheprovider', 'tests/keyboard_child.py'])\n"
    "sys.stdout.flush()\n"
    "os._exit(int(code))  # the keyboard's window outlives Qt's teardown otherwise\n"
)


def test_pinyin_and_zhuyin_tapped_on_the_kiosk_keyboard(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_IM_MODULE": "qtvirtualkeyboard",
        "QT_QUICK_BACKEND": "software",
        "LANG": "C.UTF-8",  # an English machine: the kiosk, not the system, picks Pinyin
        "LC_ALL": "C.UTF-8",
        "FRONTDESK_KEYBOARD_SHOTS": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", RUN],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout[-4000:]
    for name in ("pinyin", "zhuyin"):
        assert (tmp_path / f"keyboard-{name}.png").stat().st_size > 20_000, name
