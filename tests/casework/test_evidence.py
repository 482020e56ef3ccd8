"""``casework.evidence``: sealing and opening evidence files, no network.

Each way a blob or a wrap can be wrong must fail, with the error naming the file: a changed
chunk, a file cut short (at a chunk boundary too), chunks swapped, a reader who is not a
recipient, the blob read as another case's or another file's, and a file whose bytes are not
the ones the creditor's signed hash names.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from casework import evidence as ev
from ledger.domain import GENERIC_RULES
from ledger.keys import SigningKey
from ledger.statement import open_entry

ADMIN, JUDGE, CREDITOR, OTHER = (SigningKey.generate() for _ in range(4))
CASE = "（2026）京01破12号"
BIG = bytes(range(256)) * (3 * 4096 + 17)  # 3 MiB and a bit: four chunks, the last short


def keys_of(*keys: SigningKey) -> dict[str, bytes]:
    return {k.vkey: ev.public_bytes(ev.encryption_key(k)) for k in keys}


def sealed(data: bytes = BIG, case: str = CASE) -> ev.Sealed:
    return ev.seal(data, case=case, recipients=keys_of(CREDITOR, ADMIN, JUDGE))


def opened(s: ev.Sealed, key: SigningKey = ADMIN, **kw: str) -> bytes:
    args = {"case": s.case, "sha256": s.sha256, "name": "合同.pdf", **kw}
    return ev.open_sealed(s.blob, list(s.wraps), key, **args)


def test_each_recipient_opens_the_file_and_the_hash_is_the_signed_one() -> None:
    s = sealed()
    assert s.sha256 == hashlib.sha256(BIG).hexdigest()
    assert len(s.blob) == len(BIG) + 4 * ev.TAG_BYTES  # four chunks, one tag each
    for key in (CREDITOR, ADMIN, JUDGE):
        assert opened(s, key) == BIG
    assert b"\x00\x01\x02\x03\x04\x05\x06\x07" not in s.blob  # the plaintext is not there


def test_the_encryption_key_is_derived_from_the_signing_key() -> None:
    again = SigningKey.from_seed(ADMIN._private.private_bytes_raw())  # the same key, reloaded
    assert ev.public_bytes(ev.encryption_key(again)) == ev.public_bytes(ev.encryption_key(ADMIN))
    assert ev.public_bytes(ev.encryption_key(JUDGE)) != ev.public_bytes(ev.encryption_key(ADMIN))


def test_a_changed_chunk_fails_naming_the_file() -> None:
    s = sealed()
    blob = bytearray(s.blob)
    blob[ev.CHUNK_BYTES + 100] ^= 1  # inside the second chunk
    with pytest.raises(ev.DamagedEvidenceError, match=r"合同\.pdf"):
        ev.open_sealed(
            bytes(blob), list(s.wraps), ADMIN, case=CASE, sha256=s.sha256, name="合同.pdf"
        )


@pytest.mark.parametrize("chunks", [1, 2, 3])
def test_a_file_cut_short_fails_even_at_a_chunk_boundary(chunks: int) -> None:
    s = sealed()
    cut = s.blob[: chunks * (ev.CHUNK_BYTES + ev.TAG_BYTES)]
    with pytest.raises(ev.DamagedEvidenceError):
        ev.open_sealed(cut, list(s.wraps), ADMIN, case=CASE, sha256=s.sha256, name="x")
    with pytest.raises(ev.DamagedEvidenceError):  # and a few bytes short of the end
        ev.open_sealed(s.blob[:-5], list(s.wraps), ADMIN, case=CASE, sha256=s.sha256, name="x")


def test_reordered_chunks_fail() -> None:
    s = sealed()
    step = ev.CHUNK_BYTES + ev.TAG_BYTES
    first, second, rest = s.blob[:step], s.blob[step : 2 * step], s.blob[2 * step :]
    with pytest.raises(ev.DamagedEvidenceError):
        ev.open_sealed(second + first + rest, list(s.wraps), ADMIN, case=CASE, sha256=s.sha256,
                       name="x")  # fmt: skip


def test_a_reader_who_is_not_a_recipient_cannot_open_it() -> None:
    s = sealed()
    with pytest.raises(ev.NotARecipientError, match=r"合同\.pdf"):
        opened(s, OTHER)
    # nor with a recipient's wrap relabelled as its own
    stolen = [ev.Wrap(OTHER.vkey, w.key, w.wrap) for w in s.wraps]
    with pytest.raises(ev.NotARecipientError):
        ev.open_sealed(s.blob, stolen, OTHER, case=CASE, sha256=s.sha256, name="x")
    forged = [
        ev.Wrap(OTHER.vkey, ev.public_bytes(ev.encryption_key(OTHER)), s.wraps[1].wrap)
    ]  # another's wrap cannot be opened with this key
    with pytest.raises(ev.NotARecipientError):
        ev.open_sealed(s.blob, forged, OTHER, case=CASE, sha256=s.sha256, name="x")


def test_the_wrong_case_or_file_fails() -> None:
    s = sealed(b"a short receipt")
    with pytest.raises(ev.NotARecipientError):  # the wrap's info binds the case
        opened(s, case="another case")
    # with the right key in hand, the blob read as another case's still fails (chunk AAD)
    file_key = ev.unwrap(s.wraps[1], ADMIN, case=CASE, sha256=s.sha256, name="x")
    with pytest.raises(ev.DamagedEvidenceError):
        ev.decrypt_blob(s.blob, file_key, case="another case", sha256=s.sha256, name="x")
    other_hash = hashlib.sha256(b"another file").hexdigest()
    with pytest.raises(ev.DamagedEvidenceError):
        ev.decrypt_blob(s.blob, file_key, case=CASE, sha256=other_hash, name="x")


def test_bytes_other_than_the_signed_hash_are_not_shown() -> None:
    """An uploader who seals other bytes under the declared hash (the AAD binds the hash it
    claims, so only the plaintext check catches it)."""
    declared = hashlib.sha256(b"the contract as declared").hexdigest()
    recipients = keys_of(ADMIN)
    file_key = b"\x07" * 32
    blob = AESGCM(file_key).encrypt(
        ev._nonce(0), b"a forged contract", ev._chunk_aad(CASE, declared, 0, True)
    )
    wraps = ev.wrap_for(file_key, case=CASE, sha256=declared, recipients=recipients)
    with pytest.raises(ev.EvidenceMismatchError, match=r"合同\.pdf") as info:
        ev.open_sealed(blob, list(wraps), ADMIN, case=CASE, sha256=declared, name="合同.pdf")
    assert "Art. 49" in str(info.value) and declared in str(info.value)


def test_sharing_rewraps_the_same_file_key() -> None:
    s = sealed(b"bank statement")
    file_key = ev.unwrap(s.wraps[0], CREDITOR, case=CASE, sha256=s.sha256, name="x")
    more = ev.wrap_for(file_key, case=CASE, sha256=s.sha256, recipients=keys_of(OTHER))
    assert ev.open_sealed(s.blob, list(more), OTHER, case=CASE, sha256=s.sha256, name="x") == (
        b"bank statement"
    )


def test_the_published_key_statement_checks() -> None:
    origin = "jcdesk.local/0badc0de"
    entry = ev.encryption_key_entry(ADMIN, origin, datetime.now(UTC))
    assert ev.recipient_key(entry.text, ADMIN.vkey, origin) == ev.public_bytes(
        ev.encryption_key(ADMIN)
    )
    GENERIC_RULES["identity.encryption_key"](None, open_entry(entry.text).statement)
    with pytest.raises(ev.EvidenceError):  # another key's statement is not this key's
        ev.recipient_key(entry.text, JUDGE.vkey, origin)


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=3000), case=st.text(max_size=30))
def test_round_trip(data: bytes, case: str) -> None:
    s = ev.seal(data, case=case, recipients=keys_of(ADMIN, JUDGE))
    assert (
        ev.open_sealed(s.blob, list(s.wraps), JUDGE, case=case, sha256=s.sha256, name="f") == data
    )
