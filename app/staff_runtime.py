"""Opening a guide desk's back end: its database, its sync with the central server when the desk
is enrolled (changes pulled from other desks are reported as they land), or a stand-alone
desk on its own file for development and the demo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.clock import Clock
from app.config import Config
from app.db import open_database
from app.kiosk_runtime import KioskRuntime, standalone_device_id
from app.services.checkin import CheckInWindow
from app.services.stages import StageMachine
from app.staff_backend import StaffBackend
from app.sync.client import SyncClient
from app.sync.desk import SyncedDesk
from app.sync.identity import Identity
from app.sync.pull import Touched
from app.sync.status import SyncStatus
from app.sync.worker import SyncWorker


@dataclass
class StaffRuntime(KioskRuntime):
    """The same parts as a kiosk's (database, sync, worker) around the desk's back end."""

    backend: StaffBackend  # type: ignore[assignment]  # a staff runtime's is the staff one


def open_staff(
    cfg: Config,
    clock: Clock,
    *,
    on_status: Callable[[SyncStatus], None] | None = None,
    on_pulled: Callable[[Touched], None] | None = None,
    demo: bool = False,
    start_sync: bool = True,
    server_url: str | None = None,
) -> StaffRuntime:
    data_dir = cfg.data_path()
    machine = StageMachine.from_settings(cfg.stages)
    identity = Identity.load(data_dir)
    if identity is not None:
        if identity.role != "staff":
            raise SystemExit(f"{data_dir} is enrolled as a {identity.role}, not a staff desk")
        desk = SyncedDesk.open(data_dir, clock, server_url=server_url)
        backend = StaffBackend(
            desk.db,
            clock,
            identity.device_id,
            machine,
            desk_name=cfg.place("staff", identity.name),
            standalone=False,
            escalate_after_s=cfg.escalate_after_s,
            escalate_open_after_s=cfg.escalate_open_after_s,
            reports=lambda: SyncClient(desk.engine.client.base_url, identity.token, timeout=5),
            hospital=(cfg.hospital_name_zh, cfg.hospital_name_en),
            checkin_window=CheckInWindow(cfg.checkin_early_min, cfg.checkin_late_min),
        )
        runtime = StaffRuntime(backend, desk.db, desk)
        if on_pulled is not None:
            desk.engine.on_pulled.append(on_pulled)
        if start_sync:
            worker = SyncWorker(desk.engine, on_status=on_status)
            desk.db.on_queued.append(worker.poke)
            worker.start()
            runtime.worker = worker
        return runtime
    db = open_database(cfg.database_path())
    if demo:
        from app import demo as demo_data

        with db.session() as s:
            if not demo_data.has_reference_data(s):
                demo_data.load(s, clock)
    backend = StaffBackend(
        db,
        clock,
        standalone_device_id(data_dir),
        machine,
        desk_name=cfg.place("staff"),
        escalate_after_s=cfg.escalate_after_s,
        escalate_open_after_s=cfg.escalate_open_after_s,
        hospital=(cfg.hospital_name_zh, cfg.hospital_name_en),
        checkin_window=CheckInWindow(cfg.checkin_early_min, cfg.checkin_late_min),
    )
    return StaffRuntime(backend, db)
