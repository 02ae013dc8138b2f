"""Kiosk mode: the lobby touch screen (Qt widgets only; no SQL, no HTTP)."""
