"""The server's database: the shared schema (app migrations) plus the server's own tables
(server migrations), the epoch, and the secret for kiosk look-up keys."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, insert, select, text
from sqlalchemy.orm import Session

from app import db as appdb
from app.ids import new_id
from server.models import ServerMeta

MIGRATIONS = Path(__file__).with_name("migrations")


MIGRATION_LOCK = 0x46445F4D  # "FD_M": the advisory lock of whoever migrates


@contextlib.contextmanager
def _one_migrator(engine: Engine) -> Iterator[None]:
    """Server processes starting together on one PostgreSQL migrate one at a time: the
    others wait for the lock, then find the schema current and change nothing.  (SQLite is
    served by one process.)"""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
            conn.commit()


def upgrade(url: str) -> None:
    """Bring a server database (empty or old) up to date, both schemas."""
    engine = appdb.make_engine(url)
    try:
        with _one_migrator(engine):
            appdb.upgrade(url)
            with engine.begin() as conn:
                cfg = AlembicConfig()
                cfg.set_main_option("script_location", str(MIGRATIONS))
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            with Session(engine) as s, s.begin():
                ensure_meta(s)
    finally:
        engine.dispose()


def ensure_meta(session: Session) -> None:
    for key, make in (("epoch", new_id), ("kiosk_secret", lambda: secrets.token_hex(32))):
        if session.get(ServerMeta, key) is None:
            session.add(ServerMeta(key=key, value=make()))


def lookup_cost(session: Session) -> str:
    """The kiosks' slow look-up hash as this server makes it ("passes:KiB"; "" = default)."""
    row = session.get(ServerMeta, "kiosk_lookup_cost")
    return row.value if row is not None else ""


def set_lookup_cost(session: Session, cost: str) -> None:
    row = session.get(ServerMeta, "kiosk_lookup_cost")
    if row is None:
        session.add(ServerMeta(key="kiosk_lookup_cost", value=cost))
    else:
        row.value = cost


def meta(session: Session, key: str) -> str:
    row = session.get(ServerMeta, key)
    if row is None:
        raise LookupError(f"server_meta has no {key}")
    return row.value


def new_epoch(session: Session) -> str:
    """After restoring the database from a backup: every desk re-sends what it holds."""
    row = session.get(ServerMeta, "epoch")
    value = new_id()
    if row is None:
        session.add(ServerMeta(key="epoch", value=value))
    else:
        row.value = value
    return value


def open_engine(url: str) -> Engine:
    kwargs: dict[str, Any] = {}
    if not url.startswith("sqlite"):
        kwargs = {"pool_size": 10, "max_overflow": 20, "pool_pre_ping": True}
    return appdb.make_engine(url, **kwargs)


def all_meta(session: Session) -> dict[str, str]:
    return {m.key: m.value for m in session.scalars(select(ServerMeta))}


def insert_rows(
    session: Session, model: Any, rows: list[dict[str, Any]], *, returning: str | None = None
) -> list[Any]:
    """Plain dicts of column values in one executemany through Core, in the session's
    transaction; with ``returning``, that column of each row in the order given.  The ORM's
    bulk insert would redo per-row bookkeeping these rows have no use for — it was a third of
    a push's time on the server."""
    table = model.__table__
    stmt = insert(table)
    if returning is None:
        session.connection().execute(stmt, rows)
        return []
    stmt = stmt.returning(table.c[returning], sort_by_parameter_order=True)
    return list(session.connection().execute(stmt, rows).scalars())
