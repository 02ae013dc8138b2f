"""The composition roots: the ``frontdesk`` command and what it starts — the kiosk, the staff
desk, the server, the demo that runs them together.  This package alone imports every layer
(``app``, ``ui``, ``kiosk``, ``server``); none of them imports it."""
