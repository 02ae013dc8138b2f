"""The server's published OpenAPI, fuzzed by schemathesis against the real server (on SQLite
and on PostgreSQL): coverage, fuzzing and stateful phases, bounded, and not one 5xx nor an
answer the schema does not list.  A staff desk's device token and a director's sign-in are
given, so the runs get past authentication; revoking devices is left out (the run would revoke
its own device — revocation has its own tests)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from .harness import Desk, ServerProcess


@pytest.mark.slow
def test_the_openapi_fuzzed_by_schemathesis_gets_no_5xx_and_no_undocumented_answer(
    any_server: ServerProcess, tmp_path: Path
) -> None:
    cli = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert cli, "schemathesis is a development dependency (build/bootstrap.sh --dev)"
    desk = Desk.enroll(any_server, tmp_path / "desk", "staff", "fuzz")
    try:
        token = desk.engine.client.http.headers["Authorization"]
        staff = desk.engine.client.sign_in("director.sun", "demo-1234")["staff_token"]
        spec = desk.engine.client.http.get(any_server.url + "/api/v1/openapi.json", timeout=10)
        push = spec.json()["paths"]["/sync/v1/push"]["post"]
        assert push["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
            "/PushBody"
        )
        assert {"200", "401", "403", "413", "422"} <= set(push["responses"])
        out = subprocess.run(
            [
                cli,
                "run",
                any_server.url + "/api/v1/openapi.json",
                "--url",
                any_server.url,
                "-H",
                f"Authorization: {token}",
                "-H",
                f"X-Staff-Token: {staff}",
                "--checks",
                "not_a_server_error,status_code_conformance",
                "--phases",
                "coverage,fuzzing,stateful",
                "--max-examples",
                "15",
                "--seed",
                "20261202",
                "--exclude-path-regex",
                "revoke",
                "--workers",
                "1",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert out.returncode == 0, out.stdout[-8000:] + out.stderr[-2000:]
        assert " passed" in out.stdout and "Stateful" in out.stdout
        assert requests.get(any_server.url + "/api/v1/health", timeout=5).ok
    finally:
        desk.close()
