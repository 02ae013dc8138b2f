"""A desk process for kill tests: registers walk-ins and syncs as fast as it can until it is
killed.  Usage: python -m tests.desk_child DATA_DIR"""

from __future__ import annotations

import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.clock import Clock
from app.db import open_database
from app.models import Department
from app.services import Actor, registration
from app.services.registration import PatientForm, VisitForm
from app.sync.client import SyncClient, SyncError
from app.sync.engine import SyncEngine
from app.sync.identity import Identity


def main(data_dir: Path) -> None:
    identity = Identity.load(data_dir)
    assert identity is not None
    db = open_database(data_dir / "frontdesk.db", outbox=True)
    engine = SyncEngine(
        db,
        SyncClient(identity.server_url, identity.token),
        identity,
        Clock(tz=ZoneInfo("Asia/Shanghai")),
        lease_block=250,  # at most 500 unused numbers held (server/routes/sync.py)
        low_water=100,
    )
    with db.reading() as s:
        dept = s.scalars(select(Department.id).where(Department.code == "IM")).one()
    actor = Actor(identity.device_id)
    engine.ensure_leases()
    i = 0
    print("ready", flush=True)
    while True:
        i += 1
        with db.session() as s:
            registration.register_walk_in(
                s,
                PatientForm("王小明", "M", 40, f"139{i:08d}"),
                VisitForm(purpose="consultation", department_id=dept),
                actor,
                engine.clock,
                standalone=False,
            )
        if i % 3 == 0:
            try:
                engine.push_once()
                engine.ensure_leases()
            except SyncError:
                pass


if __name__ == "__main__":
    main(Path(sys.argv[1]))
