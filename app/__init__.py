"""FrontDesk core: domain models, services, local database and configuration (no Qt here)."""

__version__ = "0.1.0"
