"""Password hashing for staff (argon2id through argon2-cffi, its recommended parameters)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# -- proof that a staff member signed in on a desk -----------------------------------------
#
# A staff desk's change that names its staff member (who claimed, who moved, who answered a
# call) carries a sign-in proof: an HMAC, under a key only that person's password gives, of
# who signed in on which desk when.  The desk makes it when the person signs in — online or
# not — from the password just typed; the server, which keeps each person's key (never sent to
# a desk), checks it.  A desk can therefore act only for people who signed in on it.

STAFF_KEY_TIME_COST = 2
STAFF_KEY_MEMORY_KIB = 19 * 1024


def staff_key(staff_id: str, password: str) -> bytes:
    """A person's sign-in key: argon2id of the password, salted with who they are."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        password.encode(),
        b"frontdesk staff key " + staff_id.encode(),
        time_cost=STAFF_KEY_TIME_COST,
        memory_cost=STAFF_KEY_MEMORY_KIB,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )


def sign_in_mac(key: bytes, staff_id: str, device_id: str, at: str) -> str:
    """The proof's MAC: ``staff_id`` signed in on ``device_id`` at ``at`` (ISO instant) —
    HMAC-SHA256, its first 128 bits in hex (the desk sending it is the one named)."""
    import hashlib
    import hmac

    message = f"frontdesk-sign-in|{staff_id}|{device_id}|{at}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def sign_in_proof(staff_id: str, password: str, device_id: str, at: str) -> dict[str, str]:
    """The proof a desk attaches to its changes for a person who just signed in on it."""
    mac = sign_in_mac(staff_key(staff_id, password), staff_id, device_id, at)
    return {"staff_id": staff_id, "at": at, "mac": mac}


def proof_holds(keys: list[bytes], proof: dict[str, str], device_id: str) -> bool:
    """Whether ``proof``, sent by ``device_id``, was made there with one of the person's
    keys (old ones too: a change made before a password change is still that person's)."""
    import hmac

    for key in keys:
        expected = sign_in_mac(key, proof["staff_id"], device_id, proof["at"])
        if hmac.compare_digest(expected, proof["mac"]):
            return True
    return False
