"""What a guide's answer to a call for a guide does: "I'm going" and "Resolved" through the back
end, the panel brought up to date, and the keyboard back on the page at hand — a complaint's
call, once resolved, goes on as a case whose patient's row shows it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QTabWidget, QWidget

from app.services.auth import SignedIn
from ui.desk import DeskSettings
from ui.help_panel import HelpPanel


class _Page(Protocol):
    def remote(self) -> None: ...


class CallsDesk(Protocol):
    """What the answers to a call need of the window around them."""

    who: SignedIn | None
    settings: DeskSettings
    help_panel: HelpPanel
    tabs: QTabWidget

    @property
    def cases_page(self) -> _Page: ...

    def call(
        self,
        fn: Callable[[Any], Any],
        on_ok: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        slow: bool = False,
    ) -> Any: ...

    def reload_board(self) -> None: ...


class HelpActions:
    def __init__(self, window: CallsDesk) -> None:
        self.window = window

    def acknowledge(self, request_id: str) -> None:
        w = self.window
        who = w.who
        if who is None:
            return

        def acknowledged(req: Any) -> None:
            w.help_panel.merge([req], w.settings.now())
            self.back_to_work()

        w.call(lambda b: b.acknowledge(who, request_id), acknowledged)

    def resolve(self, request_id: str) -> None:
        w = self.window
        who = w.who
        if who is None:
            return

        def resolved(req: Any) -> None:
            w.help_panel.merge([req], w.settings.now())
            self.back_to_work()
            if req.reason == "complaint":  # it goes on as a case: the patient's row shows it
                w.reload_board()
                w.cases_page.remote()

        w.call(lambda b: b.resolve(who, request_id), resolved)

    def back_to_work(self) -> None:
        """After a call's button (which hides) the keyboard goes back to the page at hand —
        not to the next thing in the window, the language box, where an arrow key would
        switch the whole desk's language."""
        page = self.window.tabs.currentWidget()
        table = getattr(page, "table", None)
        if isinstance(table, QWidget) and table.isVisible():
            table.setFocus()
        elif page is not None:
            page.setFocus()
