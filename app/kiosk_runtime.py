"""Opening a kiosk's back end: its database (migrated), its sync with the central server when
the kiosk is enrolled, and the day's clean-up (``KioskBackend.tend``, again every minute from
the screen and after each push).  Called once, off the screen's thread, after the welcome
screen is already up (these imports cost more than Qt itself)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from app.config import Config
from app.db import Database, open_database
from app.kiosk_backend import KioskBackend
from app.services.checkin import CheckInWindow
from app.sync.desk import SyncedDesk
from app.sync.identity import Identity
from app.sync.status import SyncStatus
from app.sync.worker import SyncWorker

log = logging.getLogger(__name__)

STANDALONE_ID_FILE = "standalone-device"


def standalone_device_id(data_dir: Path) -> str:
    """A kiosk without a server still needs one stable device id (tickets, events)."""
    path = data_dir / STANDALONE_ID_FILE
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    device_id = str(uuid.uuid4())
    path.write_text(device_id, encoding="ascii")
    return device_id


@dataclass
class KioskRuntime:
    backend: KioskBackend
    db: Database
    desk: SyncedDesk | None = None
    worker: SyncWorker | None = None

    @property
    def synced(self) -> bool:
        return self.desk is not None

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        closing = getattr(self.backend, "close", None)
        if closing is not None:
            closing()
        if self.desk is not None:
            self.desk.close()
        else:
            self.db.close()


def open_kiosk(
    cfg: Config,
    clock: Clock,
    *,
    on_status: Callable[[SyncStatus], None] | None = None,
    printer_state: Callable[[], str] = lambda: "",
    demo: bool = False,
    start_sync: bool = True,
    server_url: str | None = None,
) -> KioskRuntime:
    """An enrolled kiosk syncs with its server; otherwise it stands alone on its own file
    (``demo`` fills an empty one with the demo hospital)."""
    data_dir = cfg.data_path()
    window = CheckInWindow(cfg.checkin_early_min, cfg.checkin_late_min)
    identity = Identity.load(data_dir)
    if identity is not None:
        if identity.role != "kiosk":
            raise SystemExit(f"{data_dir} is enrolled as a {identity.role} desk, not a kiosk")
        desk = SyncedDesk.open(data_dir, clock, server_url=server_url)
        backend = KioskBackend(
            desk.db,
            clock,
            identity.device_id,
            location=cfg.place("kiosk", identity.name),
            window=window,
            hashed_lookups=True,
            standalone=False,
        )
        runtime = KioskRuntime(backend, desk.db, desk)
        if start_sync:
            worker = SyncWorker(desk.engine, on_status=on_status, printer_state=printer_state)
            desk.db.on_queued.append(worker.poke)
            worker.after_push.append(backend.forget_sent)
            worker.start()
            runtime.worker = worker
    else:
        db = open_database(cfg.database_path())
        if demo:
            from app import demo as demo_data

            with db.session() as s:
                if not demo_data.has_reference_data(s):
                    demo_data.load(s, clock)
        backend = KioskBackend(
            db, clock, standalone_device_id(data_dir), location=cfg.place("kiosk"), window=window
        )
        runtime = KioskRuntime(backend, db)
    forgotten = backend.tend()
    if forgotten:
        log.info("kiosk forgot %d rows of earlier days or already sent", forgotten)
    return runtime
