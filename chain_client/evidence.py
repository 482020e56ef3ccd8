"""Evidence files over the node, sealed end to end (docs/protocol.md, "Encrypted evidence").

The RPC side of ``casework.evidence``: publish the desk's encryption key, look up the
recipients' keys (each checked against its owner's signature: the node relays them, it cannot
forge them), upload a sealed file in parts, download and open one against the hash the
creditor signed, and share a file with more members by re-wrapping its key.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from datetime import datetime

from casework.evidence import (
    EvidenceError,
    Sealed,
    Wrap,
    encryption_key,
    encryption_key_entry,
    open_sealed,
    public_bytes,
    recipient_key,
    seal,
    unwrap,
    wrap_for,
)
from chain_client.rpc import RpcClient
from ledger.keys import SigningKey

PART_BYTES = 1024 * 1024  # ciphertext per evidence.put (the node's evidence_part_bytes)


class NoEncryptionKeyError(EvidenceError):
    pass


async def publish_encryption_key(
    rpc: RpcClient, key: SigningKey, origin: str, now: datetime
) -> int | None:
    """Log ``key``'s X25519 key once (``identity.encryption_key``); None if it is there
    already. The entry is derived from the key, so signing it again loses nothing."""
    own = public_bytes(encryption_key(key))
    found = await rpc.call("evidence.recipient_key", {"vkey": key.vkey})
    if found and recipient_key(found["entry"], key.vkey, origin) == own:
        return None
    entry = encryption_key_entry(key, origin, now)
    answer = await rpc.call("tlog.submit", {"entry": entry.text})
    return int(answer["index"])


async def recipient_keys(rpc: RpcClient, vkeys: Iterable[str], origin: str) -> dict[str, bytes]:
    """Each member's published X25519 key, checked against its own signature."""
    out: dict[str, bytes] = {}
    for vkey in vkeys:
        found = await rpc.call("evidence.recipient_key", {"vkey": vkey})
        if not found:
            raise NoEncryptionKeyError(
                detail=f"{vkey.split('+', 1)[0]} has published no encryption key yet"
            )
        out[vkey] = recipient_key(found["entry"], vkey, origin)
    return out


async def upload(
    rpc: RpcClient,
    key: SigningKey,
    origin: str,
    data: bytes,
    *,
    case: str,
    readers: Iterable[str],
    part_bytes: int = PART_BYTES,
) -> Sealed:
    """Seal ``data`` for ``readers`` (vkeys; the uploader is added) and upload it in parts."""
    vkeys = [key.vkey, *(v for v in readers if v != key.vkey)]
    keys = await recipient_keys(rpc, vkeys[1:], origin)
    keys = {key.vkey: public_bytes(encryption_key(key)), **keys}
    sealed = seal(data, case=case, recipients=keys)
    size = len(sealed.blob)
    offset = 0
    while True:
        part = sealed.blob[offset : offset + part_bytes]
        params: dict[str, object] = {
            "case": case,
            "sha256": sealed.sha256,
            "size": size,
            "offset": offset,
            "data": base64.b64encode(part).decode(),
        }
        if offset == 0:
            params["wraps"] = [w.to_json() for w in sealed.wraps]
        answer = await rpc.call("evidence.put", params)
        offset += len(part)
        if answer["complete"] or offset >= size:
            return sealed


async def download(rpc: RpcClient, *, case: str, sha256: str) -> tuple[bytes, Wrap]:
    """The ciphertext and this key's wrap, part by part."""
    parts: list[bytes] = []
    offset: int | None = 0
    wrap = None
    while offset is not None:
        answer = await rpc.call("evidence.get", {"case": case, "sha256": sha256, "offset": offset})
        wrap = Wrap.from_json(answer["wrap"])
        parts.append(base64.b64decode(answer["data"], validate=True))
        offset = answer["next"]
    assert wrap is not None
    return b"".join(parts), wrap


async def open_evidence(
    rpc: RpcClient, key: SigningKey, *, case: str, sha256: str, name: str
) -> bytes:
    """Download, decrypt and check against ``sha256``, the hash the creditor signed in the
    declaration: the file's bytes, or an error naming ``name`` (nothing shown)."""
    blob, wrap = await download(rpc, case=case, sha256=sha256)
    return open_sealed(blob, [wrap], key, case=case, sha256=sha256, name=name)


async def share(
    rpc: RpcClient,
    key: SigningKey,
    origin: str,
    *,
    case: str,
    sha256: str,
    readers: Iterable[str],
    name: str = "",
) -> int:
    """Let more members read a file this key uploaded (cross-examination, 质证): its key
    re-wrapped for them, the file not sent again. Returns how many recipients it has."""
    answer = await rpc.call("evidence.get", {"case": case, "sha256": sha256, "offset": 0})
    file_key = unwrap(
        Wrap.from_json(answer["wrap"]), key, case=case, sha256=sha256, name=name or sha256
    )
    keys = await recipient_keys(rpc, readers, origin)
    wraps = wrap_for(file_key, case=case, sha256=sha256, recipients=keys)
    result = await rpc.call(
        "evidence.share", {"case": case, "sha256": sha256, "wraps": [w.to_json() for w in wraps]}
    )
    return int(result["recipients"])
