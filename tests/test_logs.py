from __future__ import annotations

import logging
from pathlib import Path

from app import logs
from app.services import registration
from app.services.registration import PatientForm, VisitForm


def test_phone_and_id_numbers_are_blanked() -> None:
    text = "call 13812345678 or +86 139-1234-5678, id 11010519491231002X, visit 0190abcd"
    cleaned = logs.redact(text)
    assert "13812345678" not in cleaned
    assert "1234-5678" not in cleaned
    assert "11010519491231002X" not in cleaned
    assert "visit 0190abcd" in cleaned


def test_log_file_rotates_and_holds_no_personal_data(tmp_path: Path, hospital, clock) -> None:
    path = logs.setup(tmp_path / "logs", "DEBUG", max_bytes=2_000, backups=2)
    log = logging.getLogger("app.test")
    with hospital.db.session() as s:
        result = registration.register_walk_in(
            s,
            PatientForm("谢小宝", "F", 70, "13698765432", "海淀区", "walk_in"),
            VisitForm(purpose="consultation", department_id=hospital.departments["IM"].id),
            hospital.kiosk,
            clock,
        )
    log.info("walk-in registered: visit %s", result.visit_id)
    log.warning("a careless message with 13698765432 in it")
    try:
        raise ValueError("bad input 13698765432")
    except ValueError:
        log.exception("failed")
    for i in range(60):
        log.info("filler line %d to make the file rotate", i)
    files = sorted(path.parent.glob("frontdesk.log*"))
    assert len(files) == 3  # current + 2 backups
    content = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "13698765432" not in content
    assert "谢小宝" not in content
    logging.getLogger().handlers[-1].close()
    for h in [h for h in logging.getLogger().handlers if getattr(h, "_frontdesk", False)]:
        logging.getLogger().removeHandler(h)


def test_what_is_logged_before_the_file_opens_reaches_it(tmp_path: Path) -> None:
    """The kiosk holds its start-up records in memory until its first screen is up."""
    log = logging.getLogger("kiosk.test")
    logs.hold("INFO")
    try:
        assert logs.holding()
        log.debug("too fine to keep")
        log.warning("no translation file for 13698765432")
        path = logs.setup(tmp_path / "logs", "INFO")
        assert not logs.holding()
        log.info("after")
        text = path.read_text(encoding="utf-8")
        assert "no translation file for [phone]" in text and "after" in text
        assert "too fine" not in text
        assert text.index("no translation file") < text.index("after")
    finally:
        for h in [h for h in logging.getLogger().handlers if getattr(h, "_frontdesk", False)]:
            logging.getLogger().removeHandler(h)
            h.close()
