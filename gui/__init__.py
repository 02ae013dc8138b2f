"""The Qt code both desks share — the lobby kiosk (``kiosk``) and the staff desk (``ui``):
the bridge to the back end's thread, the idle and scanner guards, the application's start-up
(font, translations, one instance per machine, the collector held off while it starts) and
styling by role.  It imports the Qt-free core and Qt, never a desk (tests/test_layers.py)."""
