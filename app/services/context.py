"""Who does a thing and from where: every change records its device and staff member."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    device_id: str
    staff_id: str | None = None
    desk: str = ""  # where: "一楼导医台", "门诊大厅 1号自助机" (kept in each event's data)
