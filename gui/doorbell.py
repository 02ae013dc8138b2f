"""A second launch of a desk program rings the copy already running: that copy comes to the
front (a guide who double-clicks the icon again sees their desk) and the second one leaves —
where it used to leave silently, the desk hidden behind other windows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


def _bell_name(data_dir: Path, name: str) -> str:
    """The local socket a running copy listens on: one per program and data folder."""
    import hashlib

    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    return f"frontdesk-{name}-{digest}"


class Doorbell(QObject):
    """What a second launch rings: the running copy comes to the front (``rang``) instead of
    the second one quietly going away."""

    rang = Signal()

    def __init__(self, data_dir: Path, name: str) -> None:
        super().__init__()
        from PySide6.QtNetwork import QLocalServer

        self.server = QLocalServer(self)
        bell = _bell_name(data_dir, name)
        QLocalServer.removeServer(bell)  # a socket left by a copy that crashed
        self.server.listen(bell)
        self.server.newConnection.connect(self._answer)

    def _answer(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.disconnectFromServer()
            socket.deleteLater()
            self.rang.emit()


def ring(data_dir: Path, name: str, timeout_ms: int = 1000) -> bool:
    """Ask the copy already running on ``data_dir`` to come to the front; False when none
    answers."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(_bell_name(data_dir, name))
    answered = socket.waitForConnected(timeout_ms)
    socket.disconnectFromServer()
    return bool(answered)


def come_forward(window: QWidget, *, full_screen: bool = False) -> None:
    """Show a window that was minimised or behind others, and give it the keyboard."""
    if full_screen:
        window.showFullScreen()
    elif window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()
