"""This desk's enrolment: device id, role, server address and token — kept in a file beside
the database (not in it), readable only by the user the program runs as."""

from __future__ import annotations

import json
import os
import stat
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

FILE = "device.json"


@dataclass(frozen=True)
class Identity:
    device_id: str
    role: str
    name: str
    server_url: str
    token: str

    def save(self, data_dir: Path) -> Path:
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / FILE
        tmp = path.with_suffix(".tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        fd = os.open(tmp, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(self), f)
        if sys.platform != "win32":
            os.chmod(tmp, stat.S_IRUSR | stat.S_IWUSR)
        os.replace(tmp, path)
        return path

    @classmethod
    def load(cls, data_dir: Path) -> Identity | None:
        path = data_dir / FILE
        if not path.exists():
            return None
        return cls(**json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def enrolled_name(cls, data_dir: Path) -> str:
        """The name the desk in ``data_dir`` was enrolled under; "" when it stands alone."""
        identity = cls.load(data_dir)
        return identity.name if identity is not None else ""
