"""``GET /api/v1/health``: the one endpoint that needs no credential."""

from __future__ import annotations

from fastapi import APIRouter

from app import __version__

router = APIRouter()


@router.get("/api/v1/health")
def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}
