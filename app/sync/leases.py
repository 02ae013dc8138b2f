"""Ticket numbers leased from the server in blocks (docs/sync.md §5), so that a desk keeps
numbering tickets offline without two desks ever giving the same number; and the kiosk's
day key for hashed appointment look-ups (§1)."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import select

from app.models import Department
from app.services import tickets
from app.sync.client import ProtocolError
from app.sync.identity import Identity
from app.sync.pull import Parts, Step, sync_state

log = logging.getLogger(__name__)

MAX_LEASE = 1000  # the most numbers the server grants in one request


class Leases(Step):
    def __init__(
        self, parts: Parts, identity: Identity, *, block: int = 50, low_water: int = 10
    ) -> None:
        super().__init__(parts)
        self.identity = identity
        self.block = block
        self.low_water = low_water

    def ensure(self, day: dt.date | None = None) -> int:
        """Keep at least ``low_water`` ticket numbers per department for ``day``, leasing
        blocks of ``block`` from the server; returns how many blocks were leased."""
        day = day or self.clock.today()
        granted = 0
        device = self.identity.device_id
        with self.db.reading() as s:
            departments = [d.id for d in s.scalars(select(Department).where(Department.active))]
            have = {d: tickets.remaining(s, device, d, day) for d in departments}
        for dept_id, remaining in have.items():
            while remaining < self.low_water:
                try:
                    with self.link.talking():
                        lease = self.client.lease(dept_id, day, min(self.block, MAX_LEASE))
                except ProtocolError as exc:  # refused for this department: the rest go on
                    log.warning("ticket lease refused for department %s: %s", dept_id, exc)
                    break
                start, end = lease["start_seq"], lease["end_seq"]
                with self.db.session(record=False) as s:
                    tickets.grant_range(s, device, dept_id, day, start, end)
                remaining += end - start + 1
                granted += 1
        return granted

    def refresh_kiosk_key(self) -> str | None:
        """Kiosks: fetch and keep today's key for hashed look-ups; returns it."""
        with self.link.talking():
            me = self.client.me()
        if "kiosk_key" not in me:
            return None
        with self.db.session(record=False) as s:
            state = sync_state(s)
            state.kiosk_day = me["kiosk_day"]
            state.kiosk_key = me["kiosk_key"]
        return str(me["kiosk_key"])
