"""The desk's local database: SQLite through SQLAlchemy, WAL with ``synchronous=FULL`` (a kiosk
can lose power right after a check-in), write transactions that take the lock up front, and
Alembic migrations that back the file up first."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Result, Table, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from app import jsonio

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
KEEP_BACKUPS = 3


def rowcount(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE touched (``Session.execute`` is typed as returning
    any result; a data-changing statement's is a cursor result)."""
    return int(cast("CursorResult[Any]", result).rowcount)


def table_of(model: type) -> Table:
    """A mapped class's table, typed as one (``__table__`` is typed as any FROM clause)."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]  # every model has one


def sqlite_url(path: Path | str) -> str:
    return f"sqlite+pysqlite:///{Path(path)}"


def make_engine(
    url_or_path: str | Path,
    *,
    busy_timeout_ms: int = 10_000,
    synchronous: str = "FULL",
    **kwargs: Any,
) -> Engine:
    """An engine for a SQLite file (or another database URL, for the server).

    SQLite connections get WAL, ``synchronous=FULL``, foreign keys and a busy timeout; every
    transaction starts with ``BEGIN IMMEDIATE`` so two writers queue instead of one failing
    half-way with "database is locked"."""
    url = str(url_or_path)
    if "://" not in url:
        Path(url).parent.mkdir(parents=True, exist_ok=True)
        url = sqlite_url(url)
    kwargs.setdefault("json_serializer", jsonio.dumps)
    kwargs.setdefault("json_deserializer", jsonio.loads)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_timeout_ms, synchronous)
    return engine


def _configure_sqlite(engine: Engine, busy_timeout_ms: int, synchronous: str) -> None:
    if synchronous not in ("FULL", "NORMAL"):
        raise ValueError(f"synchronous must be FULL or NORMAL, not {synchronous!r}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute(f"PRAGMA synchronous = {synchronous}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Readers may ask for a plain BEGIN: a WAL snapshot that never waits for a writer.
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """An engine and its session factory.  ``with db.session() as s:`` commits on success and
    rolls back on any exception."""

    def __init__(self, engine: Engine, *, outbox: bool = False) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False, info={"outbox": outbox})
        self.on_queued: list[Callable[[], None]] = []
        self._relaxed: Database | None = None
        # sign-in proofs of the people signed in on this desk, by staff id: the outbox puts
        # the proof of whoever a change names into it (app/security.py, docs/sync.md §2)
        self.proofs: dict[str, dict[str, str]] = {}
        if outbox:
            from app.sync import outbox as _outbox

            _outbox.install(self.sessions, self._queued, self.proofs)

    def _queued(self) -> None:
        for callback in list(self.on_queued):
            callback()

    @classmethod
    def open(cls, path_or_url: str | Path, *, outbox: bool = False, **kwargs: Any) -> Database:
        """Open a database; with ``outbox`` every committed change is queued for the server."""
        return cls(make_engine(path_or_url, **kwargs), outbox=outbox)

    @contextlib.contextmanager
    def session(self, *, record: bool | None = None) -> Iterator[Session]:
        """A write transaction.  ``record=False`` keeps its changes out of the outbox (for
        changes that came from the server)."""
        with self.sessions() as session:
            if record is not None:
                session.info["outbox"] = record
            with session.begin():
                yield session

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only transaction: one consistent snapshot, never queued behind writers."""
        engine = self.engine
        if engine.dialect.name == "sqlite":
            engine = engine.execution_options(sqlite_begin="DEFERRED")
        else:
            engine = engine.execution_options(isolation_level="REPEATABLE READ")
        with Session(engine, expire_on_commit=False) as session, session.begin():
            yield session

    def relaxed(self) -> Database:
        """The same SQLite file with ``synchronous=NORMAL``: for transactions that may be
        lost on a power cut because they can be fetched again — applying pulled changes
        together with their cursor.  (In WAL mode NORMAL keeps every transaction atomic.)
        A person's own actions always use the durable ``session()``."""
        if self._relaxed is None:
            if self.engine.dialect.name != "sqlite" or not self.engine.url.database:
                self._relaxed = self
            else:
                self._relaxed = Database(
                    make_engine(self.engine.url.database, synchronous="NORMAL")
                )
        return self._relaxed

    def close(self) -> None:
        if self._relaxed is not None and self._relaxed is not self:
            self._relaxed.close()
        self.engine.dispose()


# --- migrations -----------------------------------------------------------------------------


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine as _ce

    script = ScriptDirectory.from_config(alembic_config(_ce("sqlite://")))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _backup_sqlite(path: Path, label: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}.{stamp}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    backups = sorted(path.parent.glob(f"{path.name}.*.bak"), key=lambda p: p.stat().st_mtime)
    for old in backups[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return target


def _restore_sqlite(path: Path, backup: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, path)


def upgrade(path_or_url: str | Path, revision: str = "head") -> tuple[str | None, str]:
    """Bring a database up to ``revision``; return (revision before, revision after).

    A SQLite file that has data and is behind is copied aside first (``*.bak``); if the
    migration fails the copy is put back, so the desk comes back with every record."""
    from alembic import command

    engine = make_engine(path_or_url)
    sqlite_file = (
        Path(engine.url.database)
        if engine.dialect.name == "sqlite" and engine.url.database
        else None
    )
    try:
        before = current_revision(engine)
        target = head_revision() if revision == "head" else revision
        if before == target:
            return before, target
        backup = None
        if sqlite_file and sqlite_file.exists() and inspect(engine).get_table_names():
            backup = _backup_sqlite(sqlite_file, before or "unversioned")
            log.info("database backed up before migrating from %s", before)
        try:
            with engine.begin() as conn:
                cfg = alembic_config(engine)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
        except Exception:
            engine.dispose()
            if backup is not None and sqlite_file is not None:
                _restore_sqlite(sqlite_file, backup)
                log.error("migration from %s failed; database restored from backup", before)
            raise
        after = current_revision(engine)
        log.info("database migrated from %s to %s", before, after)
        assert after is not None
        return before, after
    finally:
        engine.dispose()


def open_database(path: Path, *, outbox: bool = False) -> Database:
    """Migrate the desk's database to the current schema and open it."""
    upgrade(path)
    return Database.open(path, outbox=outbox)
