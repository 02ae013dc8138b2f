"""What a desk pushes, parsed before anything else looks at it (docs/sync.md §3): a batch
of at most ``MAX_MUTATIONS`` mutations, each with its id, its place in the desk's order, its
payload and content hash.  Shapes only; the row contract is checked per change (app/contract)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server.models import WaitingMutation

MAX_MUTATIONS = 500


class TooMany(ValueError):
    """A push of more mutations than one batch may hold (answered 413: send halves)."""


@dataclass(frozen=True)
class MutationIn:
    mutation_id: str
    device_seq: int
    payload: dict[str, Any]
    content_hash: str
    occurred_at: str = ""

    @classmethod
    def parse(cls, raw: Any) -> MutationIn:
        if not isinstance(raw, dict):
            raise ValueError("a mutation is an object")
        mid, seq, payload = raw.get("mutation_id"), raw.get("device_seq"), raw.get("payload")
        digest, at = raw.get("content_hash"), raw.get("occurred_at", "")
        if not isinstance(mid, str) or not 1 <= len(mid) <= 36:
            raise ValueError("mutation_id: 1 to 36 characters")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError("device_seq: a whole number from 1")
        if not isinstance(payload, dict):
            raise ValueError("payload: an object")
        if not isinstance(digest, str) or len(digest) > 80:
            raise ValueError("content_hash: text of at most 80 characters")
        if not isinstance(at, str) or len(at) > 40:
            raise ValueError("occurred_at: text of at most 40 characters")
        return cls(mid, seq, payload, digest, at)

    @classmethod
    def kept(cls, waited: WaitingMutation) -> MutationIn:
        """A waiting mutation as it was sent."""
        return cls(
            waited.mutation_id,
            waited.device_seq,
            waited.payload,
            waited.content_hash,
            waited.occurred_at,
        )

    def ops(self) -> list[dict[str, Any]]:
        """The payload's changes that are objects (the rest are refused when applied)."""
        ops = self.payload.get("ops")
        return [op for op in ops if isinstance(op, dict)] if isinstance(ops, list) else []

    def model_dump(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class PushIn:
    mutations: list[MutationIn]
    batch_id: str = ""
    # the highest number of this desk's mutations it no longer holds (answered, then let go);
    # after a restore from backup the server skips to it rather than wait for them for ever
    released_through: int = 0

    @classmethod
    def parse(cls, raw: Any) -> PushIn:
        if not isinstance(raw, dict) or not isinstance(raw.get("mutations"), list):
            raise ValueError("a push is an object with a list of mutations")
        if len(raw["mutations"]) > MAX_MUTATIONS:
            raise TooMany(f"at most {MAX_MUTATIONS} mutations in one push")
        batch_id = raw.get("batch_id", "")
        if not isinstance(batch_id, str) or len(batch_id) > 36:
            raise ValueError("batch_id: text of at most 36 characters")
        released = raw.get("released_through", 0)
        if not isinstance(released, int) or isinstance(released, bool) or not 0 <= released < 2**31:
            raise ValueError("released_through: a whole number from 0 to 2**31 - 1")
        return cls([MutationIn.parse(m) for m in raw["mutations"]], batch_id, released)
