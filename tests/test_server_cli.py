"""The server's and the desk's own commands, run as a user runs them."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

from app.sync.identity import Identity

from .harness import ROOT, ServerProcess


def _frontdesk(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FRONTDESK_CONFIG": str(data / "none.toml")}
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", "--data-dir", str(data), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_enroll_a_desk_with_a_code_from_server_admin(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server").start()
    try:
        out = _frontdesk(
            "server-admin",
            "--database-url",
            server.database_url,
            "enroll-code",
            "--role",
            "kiosk",
            "--name",
            "门诊大厅 1号自助机",
            data=tmp_path / "server",
        )
        assert out.returncode == 0, out.stderr
        code = re.search(r"[A-Z0-9]{5}-[A-Z0-9]{5}", out.stdout).group(0)
        desk = tmp_path / "kiosk"
        enrolled = _frontdesk("enroll", "--server", server.url, "--code", code, data=desk)
        assert enrolled.returncode == 0, enrolled.stderr
        assert "enrolled as kiosk desk" in enrolled.stdout
        identity = Identity.load(desk)
        assert identity is not None and identity.role == "kiosk"
        mode = stat.S_IMODE((desk / "device.json").stat().st_mode)
        assert mode == 0o600  # readable only by its user
        again = _frontdesk("enroll", "--server", server.url, "--code", code, data=tmp_path / "x")
        assert again.returncode == 1
        assert "used or expired" in again.stderr
    finally:
        server.stop()


def test_server_refuses_plain_http_beyond_loopback(tmp_path: Path) -> None:
    env_clean = {k: v for k, v in os.environ.items() if k != "FRONTDESK_BEHIND_TLS_PROXY"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "frontdesk",
            "--data-dir",
            str(tmp_path),
            "server",
            "--host",
            "0.0.0.0",
        ],
        cwd=ROOT,
        env={**env_clean, "FRONTDESK_CONFIG": str(tmp_path / "none.toml")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "refusing to serve plain HTTP beyond this machine" in out.stderr


def test_new_epoch_command(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 's.db'}"
    first = _frontdesk("server-admin", "--database-url", url, "new-epoch", data=tmp_path)
    second = _frontdesk("server-admin", "--database-url", url, "new-epoch", data=tmp_path)
    assert first.returncode == second.returncode == 0
    assert first.stdout != second.stdout and "every desk will send" in first.stdout


def test_prune_command_shrinks_the_change_log_and_refuses_a_zero_period(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server").start()  # the demo hospital: a change log
    try:
        args = ("server-admin", "--database-url", server.database_url, "prune")
        bad = _frontdesk(*args, "--days", "0", data=tmp_path)
        assert bad.returncode == 2 and "at least 1" in bad.stderr
        done = _frontdesk(*args, data=tmp_path)
        assert done.returncode == 0, done.stderr
        kept = re.search(
            r"(\d+) superseded and (\d+) old-day rows removed .*; (\d+) kept", done.stdout
        )
        assert kept is not None, done.stdout
        assert (kept[1], kept[2]) == ("0", "0") and int(kept[3]) > 0  # all of it is recent
    finally:
        server.stop()


def test_server_migrations_match_the_server_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.db import make_engine
    from app.models import Base
    from server import db as serverdb
    from server.models import ServerBase

    url = f"sqlite+pysqlite:///{tmp_path / 's.db'}"
    serverdb.upgrade(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"version_table": "server_alembic_version"}
            )
            diff = compare_metadata(context, [Base.metadata, ServerBase.metadata])
    finally:
        engine.dispose()
    desk_version = [("remove_table", "alembic_version")]  # the desk schema's own history
    assert [(d[0], d[1].name) if d[0] == "remove_table" else d for d in diff] == desk_version
