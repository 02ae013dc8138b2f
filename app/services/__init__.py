"""Services: plain functions that take a SQLAlchemy session and return plain data.

Every screen, the command line and the server call these; none of them knows about Qt or HTTP.
"""

from app.services.context import Actor

__all__ = ["Actor"]
