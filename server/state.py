"""What every request handler shares: the database, settings, clock and notifier."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from app.clock import Clock
from app.db import Database
from server.settings import ServerSettings
from server.sync.notify import ChangeNotifier


@dataclass
class ServerState:
    db: Database
    settings: ServerSettings
    clock: Clock
    notifier: ChangeNotifier = field(default_factory=ChangeNotifier)

    @classmethod
    def create(cls, db: Database, settings: ServerSettings) -> ServerState:
        return cls(db=db, settings=settings, clock=Clock(tz=ZoneInfo(settings.timezone)))
