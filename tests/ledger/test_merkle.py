"""Tests of ledger.merkle: RFC 9162 section 2.1 Merkle trees and the subtree proofs of
draft-ietf-plants-merkle-tree-certs.

* Every JSON vector under tests/vectors/merkle (transparency-dev/merkle's testdata) is run.
* Hypothesis round trips and tampering on random trees of 1..300 leaves.
* Proof generators are compared with independent implementations (the recursive definitions,
  in the module and again here) and their reads of stored subtree hashes are counted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.merkle import (
    EMPTY_ROOT,
    HASH_SIZE,
    ProofError,
    consistency_proof,
    consistency_proof_from_leaves,
    inclusion_proof,
    inclusion_proof_from_leaves,
    leaf_hash,
    node_hash,
    root_from_consistency_proof,
    root_from_inclusion_proof,
    root_from_leaf_hashes,
    root_from_subtree_consistency_proof,
    subtree_consistency_proof,
    subtree_consistency_proof_from_leaves,
    subtree_inclusion_proof,
    subtree_inclusion_proof_from_leaves,
    verify_consistency,
    verify_inclusion,
    verify_subtree_consistency,
    verify_subtree_inclusion,
)

# transparency-dev/merkle's testdata, shipped in the repository (Apache-2.0, see its LICENSE)
VECTOR_DIR = Path(
    os.environ.get(
        "JCDESK_MERKLE_VECTORS",
        Path(__file__).resolve().parents[1] / "vectors" / "merkle",
    )
)
VECTOR_KINDS = ("inclusion", "consistency", "subtreeinclusion", "subtreeconsistency")

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

Range = tuple[int, int]


# --- the JSON vectors --------------------------------------------------------------------------


def _collect_vectors() -> list[Path]:
    """Every ``*.json`` below the four vector directories, recursively, in a stable order."""
    found: list[Path] = []
    for kind in VECTOR_KINDS:
        found.extend(sorted((VECTOR_DIR / kind).rglob("*.json")))
    return found


VECTOR_FILES = _collect_vectors()
VECTOR_PARAMS = [pytest.param(p, id=p.relative_to(VECTOR_DIR).as_posix()) for p in VECTOR_FILES]
if not VECTOR_PARAMS:  # fail, rather than skip, when the vectors are missing
    VECTOR_PARAMS = [pytest.param(None, id="no-vectors-found")]


class UndecodableVectorError(Exception):
    """A vector field that cannot be decoded into the value the verifier takes."""


def _hash_field(vector: dict[str, Any], name: str) -> bytes:
    """A base64 hash field; null or absent or empty becomes ``b""``."""
    value = vector.get(name)
    if value is None:
        return b""
    if not isinstance(value, str):
        raise UndecodableVectorError(f"{name} is {type(value).__name__}, not a base64 string")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise UndecodableVectorError(f"{name} is not base64: {exc}") from exc


def _proof_field(vector: dict[str, Any]) -> list[bytes]:
    """The ``proof`` list; null or absent becomes ``[]``, a null element ``b""``."""
    value = vector.get("proof")
    if value is None:
        return []
    if not isinstance(value, list):
        raise UndecodableVectorError(f"proof is {type(value).__name__}, not a list")
    return [_hash_field({"proof hash": item}, "proof hash") for item in value]


def _int_field(vector: dict[str, Any], name: str) -> int:
    value = vector.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise UndecodableVectorError(f"{name} is {value!r}, not an integer")
    return value


def _vector_call(kind: str, vector: dict[str, Any]) -> Callable[[], None]:
    """Decode a vector of ``kind`` into a call of the matching verifier."""
    proof = _proof_field(vector)
    if kind == "inclusion":
        leaf, root = _hash_field(vector, "leafHash"), _hash_field(vector, "root")
        index, size = _int_field(vector, "leafIdx"), _int_field(vector, "treeSize")
        return lambda: verify_inclusion(leaf, index, size, proof, root)
    if kind == "consistency":
        root1, root2 = _hash_field(vector, "root1"), _hash_field(vector, "root2")
        size1, size2 = _int_field(vector, "size1"), _int_field(vector, "size2")
        return lambda: verify_consistency(size1, size2, root1, root2, proof)
    if kind == "subtreeinclusion":
        leaf, root = _hash_field(vector, "leafHash"), _hash_field(vector, "root")
        index = _int_field(vector, "leafIdx")
        start, end = _int_field(vector, "start"), _int_field(vector, "end")
        return lambda: verify_subtree_inclusion(leaf, index, start, end, proof, root)
    if kind == "subtreeconsistency":
        root1, root2 = _hash_field(vector, "root1"), _hash_field(vector, "root2")
        start, end = _int_field(vector, "start"), _int_field(vector, "end")
        size = _int_field(vector, "size")
        return lambda: verify_subtree_consistency(start, end, size, root1, root2, proof)
    raise AssertionError(f"unknown vector kind {kind!r}")


def check_vector(kind: str, vector: dict[str, Any]) -> str:
    """Run one vector; fail the test unless the outcome is the one ``wantErr`` asks for.

    A field that cannot be decoded counts as a rejection: fine for ``wantErr: true``, a failure
    for ``wantErr: false``. Returns a word describing the outcome.
    """
    want_err = vector.get("wantErr")
    assert isinstance(want_err, bool), f"wantErr is {want_err!r}, not a boolean"
    try:
        call = _vector_call(kind, vector)
    except UndecodableVectorError as exc:
        if not want_err:
            pytest.fail(f"a vector that must verify has an undecodable field: {exc}")
        return "undecodable"
    if want_err:
        with pytest.raises(ProofError) as info:
            call()
        assert str(info.value), "a ProofError must carry a message"
        return "rejected"
    call()
    return "verified"


@pytest.mark.parametrize("path", VECTOR_PARAMS)
def test_vector(path: Path | None) -> None:
    assert path is not None, f"no JSON vectors found under {VECTOR_DIR}"
    kind = path.relative_to(VECTOR_DIR).parts[0]
    check_vector(kind, json.loads(path.read_text(encoding="utf-8")))


def test_no_vector_file_is_dropped() -> None:
    on_disk = sum(
        1 for _, _, names in os.walk(VECTOR_DIR) for name in names if name.endswith(".json")
    )
    assert len(VECTOR_FILES) == on_disk
    assert on_disk > 300
    per_kind = {
        k: sum(p.relative_to(VECTOR_DIR).parts[0] == k for p in VECTOR_FILES) for k in VECTOR_KINDS
    }
    assert all(per_kind.values()), per_kind


def test_vector_harness_handles_undecodable_fields() -> None:
    good_root = base64.b64encode(EMPTY_ROOT).decode()
    broken = {"size1": 1, "size2": 1, "root1": "%%%not base64", "root2": good_root}
    assert check_vector("consistency", {**broken, "proof": None, "wantErr": True}) == "undecodable"
    with pytest.raises(pytest.fail.Exception, match="undecodable"):
        check_vector("consistency", {**broken, "proof": None, "wantErr": False})
    bad_proof = {"size1": 1, "size2": 1, "root1": good_root, "root2": good_root}
    assert (
        check_vector("consistency", {**bad_proof, "proof": ["***"], "wantErr": True})
        == "undecodable"
    )
    ok = {"size1": 1, "size2": 1, "root1": good_root, "root2": good_root, "proof": []}
    assert check_vector("consistency", {**ok, "wantErr": False}) == "verified"
    with pytest.raises(pytest.fail.Exception):
        check_vector("consistency", {**ok, "wantErr": True})  # verifies, so "must fail" fails


def test_consistency_from_size_zero_is_rejected() -> None:
    # Decision: a consistency proof from the empty tree (old size 0) is rejected, even with an
    # empty proof and old root MTH({}). C2SP tlog-witness accepts that case (an old size of 0
    # needs no proof), but transparency-dev/merkle's proof.RootFromConsistencyProof rejects it
    # ("consistency proof from empty tree is meaningless"), and the Go vector
    # consistency/additional/size1-is-zero-and-size2-is-not-zero.json (size1 0, root1 MTH({}),
    # null proof) demands wantErr: true. We follow the Go verifier and its vectors; a witness
    # that has no previous checkpoint must handle that case itself, without a proof.
    vector_path = VECTOR_DIR / "consistency/additional/size1-is-zero-and-size2-is-not-zero.json"
    vector = json.loads(vector_path.read_text(encoding="utf-8"))
    assert vector["size1"] == 0 and vector["size2"] > 0 and not vector["proof"]
    assert base64.b64decode(vector["root1"]) == EMPTY_ROOT and vector["wantErr"] is True

    leaves = _leaves(b"size-zero", 5)
    root = root_from_leaf_hashes(leaves)
    with pytest.raises(ProofError, match="empty tree"):
        verify_consistency(0, 5, EMPTY_ROOT, root, [])
    with pytest.raises(ProofError, match="empty tree"):
        verify_consistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])
    with pytest.raises(ValueError, match="empty tree"):
        consistency_proof(0, 5, _getter(leaves))
    with pytest.raises(ValueError, match="empty tree"):
        consistency_proof_from_leaves(0, 5, leaves)
    # The subtree form differs, again as its vectors require: the empty subtree [0, 0) with
    # hash MTH({}) and an empty proof verifies against any tree
    # (subtreeconsistency/additional/subtree-is-empty-*-proof-is-empty.json).
    verify_subtree_consistency(0, 0, 5, EMPTY_ROOT, root, [])
    with pytest.raises(ProofError):
        verify_subtree_consistency(0, 0, 5, root, root, [])


# --- independent reference implementations ----------------------------------------------------


def naive_mth(hashes: Sequence[bytes]) -> bytes:
    """RFC 9162 section 2.1.1 MTH, recursively, over leaf hashes."""
    n = len(hashes)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashes[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + naive_mth(hashes[:k]) + naive_mth(hashes[k:])).digest()


def _split(lo: int, hi: int) -> int:
    k = 1
    while k * 2 < hi - lo:
        k *= 2
    return lo + k


def ref_path(m: int, lo: int, hi: int) -> list[Range]:
    """Ranges of PATH(m, D[lo:hi]), RFC 9162 section 2.1.3.1, bottom-up."""
    if hi - lo == 1:
        return []
    mid = _split(lo, hi)
    if m < mid:
        return [*ref_path(m, lo, mid), (mid, hi)]
    return [*ref_path(m, mid, hi), (lo, mid)]


def ref_subproof(start: int, end: int, lo: int, hi: int, known: bool) -> tuple[list[Range], bool]:
    """Ranges of SUBTREE_SUBPROOF (draft section 4.4.1; RFC 9162 SUBPROOF for start 0).

    Also returns whether the subtree ends up "known" (is a node, left out of the proof).
    """
    if (start, end) == (lo, hi):
        return ([] if known else [(lo, hi)]), known
    mid = _split(lo, hi)
    if end <= mid:
        ranges, known = ref_subproof(start, end, lo, mid, known)
        return [*ranges, (mid, hi)], known
    if start >= mid:
        ranges, known = ref_subproof(start, end, mid, hi, known)
        return [*ranges, (lo, mid)], known
    assert start == lo
    ranges, known = ref_subproof(mid, end, mid, hi, False)
    return [*ranges, (lo, mid)], known


def ref_evaluate(lo: int, hi: int, known: dict[Range, bytes]) -> bytes | None:
    """MTH(D[lo:hi]) from the nodes whose hashes are ``known``; None if some leaf is missing."""
    if (lo, hi) in known:
        return known[(lo, hi)]
    if hi - lo <= 1:
        return None
    mid = _split(lo, hi)
    left, right = ref_evaluate(lo, mid, known), ref_evaluate(mid, hi, known)
    if left is None or right is None:
        return None
    return hashlib.sha256(b"\x01" + left + right).digest()


def _all_hashes(*hashes: bytes) -> bool:
    return all(len(h) == HASH_SIZE for h in hashes)


def ref_verify_inclusion(
    leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> bool:
    """Inclusion verification by labelling each proof hash with the node it claims to be."""
    if not 0 <= index < size or not _all_hashes(leaf, root, *proof):
        return False
    ranges = ref_path(index, 0, size)
    if len(ranges) != len(proof):
        return False
    known = dict(zip(ranges, proof, strict=True))
    known[(index, index + 1)] = leaf
    return ref_evaluate(0, size, known) == root


def ref_verify_subtree_consistency(
    start: int, end: int, size: int, sub_root: bytes, root: bytes, proof: Sequence[bytes]
) -> bool:
    """Subtree consistency verification by labelling proof hashes (non-empty subtrees)."""
    if not 0 <= start < end <= size or not _valid_subtree(start, end):
        return False
    if (start, end) == (0, size):
        return not proof and sub_root == root
    if not proof or not _all_hashes(sub_root, root, *proof):
        return False
    ranges, known_subtree = ref_subproof(start, end, 0, size, True)
    if len(ranges) != len(proof):
        return False
    known = dict(zip(ranges, proof, strict=True))
    if known_subtree:
        known[(start, end)] = sub_root
    return ref_evaluate(start, end, known) == sub_root and ref_evaluate(0, size, known) == root


def ref_verify_consistency(
    old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    if not 0 < old <= new:
        return False
    return ref_verify_subtree_consistency(0, old, new, old_root, new_root, proof)


def _valid_subtree(start: int, end: int) -> bool:
    if start >= end:
        return start == end
    size = end - start
    bit_ceil = 1
    while bit_ceil < size:
        bit_ceil *= 2
    return start % bit_ceil == 0


def _outcome(verifier: Callable[..., None], *args: Any) -> bool:
    """True if ``verifier(*args)`` accepts; False on ProofError (anything else propagates)."""
    try:
        verifier(*args)
    except ProofError:
        return False
    return True


# --- trees -------------------------------------------------------------------------------------


def _leaves(seed: bytes, n: int) -> list[bytes]:
    """Leaf hashes of ``n`` pseudo-random entries of varying length (0..40 bytes)."""
    out = []
    for i in range(n):
        block = hashlib.sha512(seed + i.to_bytes(8, "big")).digest()
        out.append(leaf_hash(block[: block[0] % 41]))
    return out


def _getter(
    leaves: Sequence[bytes], calls: list[Range] | None = None
) -> Callable[[int, int], bytes]:
    """A get_hash over ``leaves`` that insists on perfect subtrees inside the tree."""

    def get_hash(start: int, end: int) -> bytes:
        width = end - start
        assert width > 0 and width & (width - 1) == 0, f"[{start}, {end}) is not perfect"
        assert start % width == 0, f"[{start}, {end}) is not aligned"
        assert end <= len(leaves), f"[{start}, {end}) is outside the tree of {len(leaves)}"
        if calls is not None:
            calls.append((start, end))
        return root_from_leaf_hashes(leaves[start:end])

    return get_hash


@st.composite
def trees(draw: st.DrawFn, min_size: int = 1, max_size: int = 300) -> list[bytes]:
    """Leaf hashes of a random tree: pseudo-random entries from a drawn seed, some replaced
    by entries Hypothesis draws itself (which may repeat, e.g. several empty entries)."""
    n = draw(st.integers(min_size, max_size))
    leaves = _leaves(draw(st.binary(max_size=8)), n)
    drawn = draw(st.dictionaries(st.integers(0, n - 1), st.binary(max_size=64), max_size=8))
    for i, entry in drawn.items():
        leaves[i] = leaf_hash(entry)
    return leaves


@st.composite
def subtrees(draw: st.DrawFn, size: int) -> Range:
    """A random non-empty valid subtree [start, end) with end <= size."""
    width = draw(st.integers(1, size))
    bit_ceil = 1 << (width - 1).bit_length()
    slots = (size - width) // bit_ceil
    start = bit_ceil * draw(st.integers(0, slots))
    return start, start + width


def _flip(value: bytes, bit: int) -> bytes:
    data = bytearray(value)
    data[bit // 8] ^= 1 << (bit % 8)
    return bytes(data)


def _bit_flips(data: st.DataObject, value: bytes) -> bytes:
    return _flip(value, data.draw(st.integers(0, 8 * len(value) - 1), label="bit"))


# --- MTH ---------------------------------------------------------------------------------------


def test_hash_primitives() -> None:
    assert HASH_SIZE == 32
    assert hashlib.sha256(b"").digest() == EMPTY_ROOT
    assert leaf_hash(b"abc") == hashlib.sha256(b"\x00abc").digest()
    assert (
        node_hash(b"L" * 32, b"R" * 32) == hashlib.sha256(b"\x01" + b"L" * 32 + b"R" * 32).digest()
    )
    assert root_from_leaf_hashes([]) == EMPTY_ROOT
    # RFC 6962 / transparency-dev reference roots for the 8 standard leaves.
    leaves = [
        bytes.fromhex(h)
        for h in [
            "",
            "00",
            "10",
            "2021",
            "3031",
            "40414243",
            "5051525354555657",
            "606162636465666768696a6b6c6d6e6f",
        ]
    ]
    roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]
    hashes = [leaf_hash(d) for d in leaves]
    for n, want in enumerate(roots, start=1):
        assert root_from_leaf_hashes(hashes[:n]).hex() == want


def test_root_matches_naive_definition_for_every_small_size() -> None:
    hashes = _leaves(b"mth", 130)
    for n in range(131):
        assert root_from_leaf_hashes(hashes[:n]) == naive_mth(hashes[:n])


@FAST
@given(st.lists(st.binary(min_size=32, max_size=32), max_size=300))
def test_root_matches_naive_definition(hashes: list[bytes]) -> None:
    assert root_from_leaf_hashes(hashes) == naive_mth(hashes)


def test_root_rejects_malformed_hashes() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        root_from_leaf_hashes([b"\x00" * 32, b"short"])


# --- inclusion ---------------------------------------------------------------------------------


@FAST
@given(trees(), st.data())
def test_inclusion_round_trip_and_tampering(leaves: list[bytes], data: st.DataObject) -> None:
    n = len(leaves)
    root = root_from_leaf_hashes(leaves)
    index = data.draw(st.integers(0, n - 1), label="index")
    proof = inclusion_proof(index, n, _getter(leaves))
    assert proof == inclusion_proof_from_leaves(index, leaves)
    assert [len(h) for h in proof] == [HASH_SIZE] * len(proof)
    verify_inclusion(leaves[index], index, n, proof, root)
    assert root_from_inclusion_proof(leaves[index], index, n, proof) == root

    for i in range(len(proof)):  # one random bit of every proof hash
        bad = [*proof[:i], _bit_flips(data, proof[i]), *proof[i + 1 :]]
        with pytest.raises(ProofError):
            verify_inclusion(leaves[index], index, n, bad, root)
    with pytest.raises(ProofError):
        verify_inclusion(_bit_flips(data, leaves[index]), index, n, proof, root)
    with pytest.raises(ProofError):
        verify_inclusion(leaves[index], index, n, proof, _bit_flips(data, root))
    with pytest.raises(ProofError):
        verify_inclusion(leaves[index], index, n, [*proof, root], root)
    if proof:
        with pytest.raises(ProofError):
            verify_inclusion(leaves[index], index, n, proof[:-1], root)


@FAST
@given(trees(min_size=2), st.data())
def test_inclusion_with_changed_index_or_size(leaves: list[bytes], data: st.DataObject) -> None:
    n = len(leaves)
    root = root_from_leaf_hashes(leaves)
    index = data.draw(st.integers(0, n - 1), label="index")
    proof = inclusion_proof(index, n, _getter(leaves))
    # In a tree of a given size the proof binds the position: with distinct leaves any other
    # index fails (with repeated leaves a mirror position may legitimately verify).
    other = data.draw(st.integers(0, n - 1).filter(lambda i: i != index), label="other index")
    got = _outcome(verify_inclusion, leaves[index], other, n, proof, root)
    assert got == ref_verify_inclusion(leaves[index], other, n, proof, root)
    if len(set(leaves)) == n:
        assert not got
    # A different size fails unless it gives the very same hashing steps (sizes are bound by
    # the signed checkpoint, not by the proof); the labelled reference decides which.
    for new_index, new_size in [
        (index, data.draw(st.integers(index + 1, 2 * n + 2), label="other size")),
        (data.draw(st.integers(0, 2 * n), label="i"), data.draw(st.integers(0, 2 * n), label="n")),
    ]:
        if (new_index, new_size) == (index, n):
            continue
        expected = ref_verify_inclusion(leaves[index], new_index, new_size, proof, root)
        got = _outcome(verify_inclusion, leaves[index], new_index, new_size, proof, root)
        assert got == expected, (index, n, new_index, new_size)


def test_inclusion_every_bit_flip_fails() -> None:
    leaves = _leaves(b"flip-all", 13)
    root = root_from_leaf_hashes(leaves)
    for index in (0, 5, 12):
        proof = inclusion_proof(index, 13, _getter(leaves))
        for i in range(len(proof)):
            for bit in range(8 * HASH_SIZE):
                bad = [*proof[:i], _flip(proof[i], bit), *proof[i + 1 :]]
                assert not _outcome(verify_inclusion, leaves[index], index, 13, bad, root)
        for bit in range(8 * HASH_SIZE):
            bad_leaf = _flip(leaves[index], bit)
            assert not _outcome(verify_inclusion, bad_leaf, index, 13, proof, root)
            bad_root = _flip(root, bit)
            assert not _outcome(verify_inclusion, leaves[index], index, 13, proof, bad_root)


def test_inclusion_small_trees_exhaustively() -> None:
    for n in range(1, 34):
        leaves = _leaves(b"small", n)
        root = root_from_leaf_hashes(leaves)
        for index in range(n):
            calls: list[Range] = []
            proof = inclusion_proof(index, n, _getter(leaves, calls))
            assert proof == inclusion_proof_from_leaves(index, leaves)
            assert proof == [naive_mth(leaves[lo:hi]) for lo, hi in ref_path(index, 0, n)]
            assert ref_verify_inclusion(leaves[index], index, n, proof, root)
            verify_inclusion(leaves[index], index, n, proof, root)
            assert len(calls) <= 2 * max(1, math.ceil(math.log2(n)))


def test_inclusion_rejects_bad_parameters() -> None:
    leaves = _leaves(b"params", 6)
    root = root_from_leaf_hashes(leaves)
    proof = inclusion_proof(2, 6, _getter(leaves))
    good = (leaves[2], 2, 6, proof, root)
    verify_inclusion(*good)
    cases: list[tuple[Any, ...]] = [
        (leaves[2], 6, 6, proof, root),  # index == size
        (leaves[2], 2, 0, proof, root),
        (leaves[2], -1, 6, proof, root),
        (leaves[2], True, 6, proof, root),
        (leaves[2], 2.0, 6, proof, root),
        (leaves[2], 2, 6 + (1 << 64), proof, root),
        (leaves[2][:31], 2, 6, proof, root),
        (leaves[2] + b"\x00", 2, 6, proof, root),
        ("not bytes", 2, 6, proof, root),
        (leaves[2], 2, 6, proof, root[:31]),
        (leaves[2], 2, 6, b"".join(proof), root),
        (leaves[2], 2, 6, None, root),
        (leaves[2], 2, 6, [proof[0][:31], *proof[1:]], root),
        (leaves[2], 2, 6, [proof[0] + b"\x00", *proof[1:]], root),
        (leaves[2], 2, 6, [b"", *proof], root),
        (leaves[2], 2, 6, [*proof, b""], root),
    ]
    for case in cases:
        with pytest.raises(ProofError) as info:
            verify_inclusion(*case)
        assert str(info.value)
    with pytest.raises(ValueError):
        inclusion_proof(6, 6, _getter(leaves))
    with pytest.raises(ValueError):
        inclusion_proof(0, 0, _getter(leaves))
    with pytest.raises(ValueError, match="32-byte"):
        inclusion_proof(0, 6, lambda start, end: b"short")


def test_inclusion_single_leaf_tree() -> None:
    leaf = leaf_hash(b"data")
    verify_inclusion(leaf, 0, 1, [], leaf)
    assert inclusion_proof(0, 1, lambda start, end: pytest.fail("no hash is needed")) == []
    with pytest.raises(ProofError):
        verify_inclusion(leaf, 0, 1, [], EMPTY_ROOT)


# --- consistency -------------------------------------------------------------------------------


@FAST
@given(trees(), st.data())
def test_consistency_round_trip_and_tampering(leaves: list[bytes], data: st.DataObject) -> None:
    new = len(leaves)
    old = data.draw(st.integers(1, new), label="old")
    old_root, new_root = root_from_leaf_hashes(leaves[:old]), root_from_leaf_hashes(leaves)
    proof = consistency_proof(old, new, _getter(leaves))
    assert proof == consistency_proof_from_leaves(old, new, leaves)
    verify_consistency(old, new, old_root, new_root, proof)
    assert root_from_consistency_proof(old, new, old_root, proof) == new_root
    # The subtree form with start 0 is the same proof.
    assert proof == subtree_consistency_proof(0, old, new, _getter(leaves))
    verify_subtree_consistency(0, old, new, old_root, new_root, proof)

    for i in range(len(proof)):
        bad = [*proof[:i], _bit_flips(data, proof[i]), *proof[i + 1 :]]
        with pytest.raises(ProofError):
            verify_consistency(old, new, old_root, new_root, bad)
    with pytest.raises(ProofError):
        verify_consistency(old, new, _bit_flips(data, old_root), new_root, proof)
    with pytest.raises(ProofError):
        verify_consistency(old, new, old_root, _bit_flips(data, new_root), proof)
    with pytest.raises(ProofError):
        verify_consistency(old, new, old_root, new_root, [*proof, new_root])
    if proof:
        with pytest.raises(ProofError):
            verify_consistency(old, new, old_root, new_root, proof[:-1])
        with pytest.raises(ProofError):
            verify_consistency(old, new, new_root, old_root, proof)


@FAST
@given(trees(min_size=2), st.data())
def test_consistency_with_changed_sizes(leaves: list[bytes], data: st.DataObject) -> None:
    new = len(leaves)
    old = data.draw(st.integers(1, new - 1), label="old")
    old_root, new_root = root_from_leaf_hashes(leaves[:old]), root_from_leaf_hashes(leaves)
    proof = consistency_proof(old, new, _getter(leaves))
    for _ in range(4):
        old2 = data.draw(st.integers(0, 2 * new), label="old size")
        new2 = data.draw(st.integers(0, 2 * new), label="new size")
        if (old2, new2) == (old, new):
            continue
        expected = ref_verify_consistency(old2, new2, old_root, new_root, proof)
        got = _outcome(verify_consistency, old2, new2, old_root, new_root, proof)
        assert got == expected, (old, new, old2, new2)
        # The subtree verifier with start 0 agrees (the proof is never empty here).
        args = (0, old2, new2, old_root, new_root, proof)
        assert _outcome(verify_subtree_consistency, *args) == expected


def test_consistency_every_bit_flip_fails() -> None:
    leaves = _leaves(b"flip-all", 13)
    new_root = root_from_leaf_hashes(leaves)
    for old in (4, 5, 12):
        old_root = root_from_leaf_hashes(leaves[:old])
        proof = consistency_proof(old, 13, _getter(leaves))
        for i in range(len(proof)):
            for bit in range(8 * HASH_SIZE):
                bad = [*proof[:i], _flip(proof[i], bit), *proof[i + 1 :]]
                assert not _outcome(verify_consistency, old, 13, old_root, new_root, bad)
        for bit in range(8 * HASH_SIZE):
            bad_old = _flip(old_root, bit)
            assert not _outcome(verify_consistency, old, 13, bad_old, new_root, proof)
            bad_new = _flip(new_root, bit)
            assert not _outcome(verify_consistency, old, 13, old_root, bad_new, proof)


def test_consistency_small_trees_exhaustively() -> None:
    for new in range(1, 34):
        leaves = _leaves(b"small", new)
        new_root = root_from_leaf_hashes(leaves)
        for old in range(1, new + 1):
            old_root = root_from_leaf_hashes(leaves[:old])
            calls: list[Range] = []
            proof = consistency_proof(old, new, _getter(leaves, calls))
            assert proof == consistency_proof_from_leaves(old, new, leaves)
            ranges, _ = ref_subproof(0, old, 0, new, True)
            assert proof == [naive_mth(leaves[lo:hi]) for lo, hi in ranges]
            assert ref_verify_consistency(old, new, old_root, new_root, proof)
            verify_consistency(old, new, old_root, new_root, proof)
            assert len(calls) <= 2 * max(1, math.ceil(math.log2(new)))


def test_consistency_rejects_bad_parameters() -> None:
    leaves = _leaves(b"params", 7)
    r3, r7 = root_from_leaf_hashes(leaves[:3]), root_from_leaf_hashes(leaves)
    proof = consistency_proof(3, 7, _getter(leaves))
    verify_consistency(3, 7, r3, r7, proof)
    cases: list[tuple[Any, ...]] = [
        (7, 3, r3, r7, proof),
        (3, 7, r3, r7, []),
        (3, 7, r3[:31], r7, proof),
        (3, 7, r3, r7[:31], proof),
        (3, 7, r3, r7, [*proof[:1], proof[1][:16], *proof[2:]]),
        (3, 7, r3, r7, [b"", *proof]),
        (3, 7, r3, r7, [*proof, b""]),
        (3, 7, r3, r7, [proof[0], *proof]),
        (3, 7, r3, r7, None),
        (-3, 7, r3, r7, proof),
        (3, 1 << 64, r3, r7, proof),
        (3, 7.0, r3, r7, proof),
        (7, 7, r7, r7, [r7]),
        (7, 7, r7, r3, []),
    ]
    for case in cases:
        with pytest.raises(ProofError) as info:
            verify_consistency(*case)
        assert str(info.value)
    verify_consistency(7, 7, r7, r7, [])
    with pytest.raises(ValueError):
        consistency_proof(8, 7, _getter(leaves))
    assert consistency_proof(7, 7, _getter(leaves)) == []


# --- subtrees (draft-ietf-plants-merkle-tree-certs) --------------------------------------------


@FAST
@given(trees(), st.data())
def test_subtree_proofs_round_trip_and_tampering(leaves: list[bytes], data: st.DataObject) -> None:
    size = len(leaves)
    root = root_from_leaf_hashes(leaves)
    start, end = data.draw(subtrees(size), label="subtree")
    sub_root = root_from_leaf_hashes(leaves[start:end])
    index = data.draw(st.integers(start, end - 1), label="index")

    inc = subtree_inclusion_proof(index, start, end, _getter(leaves))
    assert inc == subtree_inclusion_proof_from_leaves(index, start, end, leaves)
    verify_subtree_inclusion(leaves[index], index, start, end, inc, sub_root)
    for i in range(len(inc)):
        bad = [*inc[:i], _bit_flips(data, inc[i]), *inc[i + 1 :]]
        with pytest.raises(ProofError):
            verify_subtree_inclusion(leaves[index], index, start, end, bad, sub_root)
    with pytest.raises(ProofError):
        verify_subtree_inclusion(leaves[index], index, start, end, inc, _bit_flips(data, sub_root))

    con = subtree_consistency_proof(start, end, size, _getter(leaves))
    assert con == subtree_consistency_proof_from_leaves(start, end, size, leaves)
    ranges, _ = ref_subproof(start, end, 0, size, True)
    assert con == [root_from_leaf_hashes(leaves[lo:hi]) for lo, hi in ranges]
    verify_subtree_consistency(start, end, size, sub_root, root, con)
    assert ref_verify_subtree_consistency(start, end, size, sub_root, root, con)
    if (start, end) != (0, size):
        assert root_from_subtree_consistency_proof(start, end, size, sub_root, con) == root
        with pytest.raises(ProofError):
            verify_subtree_consistency(start, end, size, sub_root, _bit_flips(data, root), con)
    with pytest.raises(ProofError):
        verify_subtree_consistency(start, end, size, _bit_flips(data, sub_root), root, con)
    for i in range(len(con)):
        bad = [*con[:i], _bit_flips(data, con[i]), *con[i + 1 :]]
        with pytest.raises(ProofError):
            verify_subtree_consistency(start, end, size, sub_root, root, bad)
    with pytest.raises(ProofError):
        verify_subtree_consistency(start, end, size, sub_root, root, [*con, root])

    # Other subtree coordinates: accepted exactly when the labelled reference accepts.
    start2 = data.draw(st.integers(0, size), label="start2")
    end2 = data.draw(st.integers(start2, size + 2), label="end2")
    size2 = data.draw(st.integers(0, size + 2), label="size2")
    if (start2, end2, size2) != (start, end, size) and start2 < end2:
        expected = ref_verify_subtree_consistency(start2, end2, size2, sub_root, root, con)
        got = _outcome(verify_subtree_consistency, start2, end2, size2, sub_root, root, con)
        assert got == expected, (start, end, size, start2, end2, size2)


def test_subtree_proofs_small_trees_exhaustively() -> None:
    for size in range(1, 24):
        leaves = _leaves(b"subtrees", size)
        root = root_from_leaf_hashes(leaves)
        for start in range(size):
            for end in range(start + 1, size + 1):
                if not _valid_subtree(start, end):
                    with pytest.raises(ProofError, match="not a subtree"):
                        verify_subtree_consistency(start, end, size, root, root, [])
                    with pytest.raises(ValueError):
                        subtree_consistency_proof(start, end, size, _getter(leaves))
                    continue
                sub_root = root_from_leaf_hashes(leaves[start:end])
                proof = subtree_consistency_proof(start, end, size, _getter(leaves))
                assert proof == subtree_consistency_proof_from_leaves(start, end, size, leaves)
                verify_subtree_consistency(start, end, size, sub_root, root, proof)
                for index in range(start, end):
                    inc = subtree_inclusion_proof(index, start, end, _getter(leaves))
                    verify_subtree_inclusion(leaves[index], index, start, end, inc, sub_root)


def test_subtree_draft_figure_examples() -> None:
    # draft-ietf-plants-merkle-tree-certs figures 7 and 8: [4, 8) and [8, 13) in a tree of 14.
    leaves = _leaves(b"figures", 14)

    def mth(lo: int, hi: int) -> bytes:
        return naive_mth(leaves[lo:hi])

    assert subtree_consistency_proof(4, 8, 14, _getter(leaves)) == [mth(0, 4), mth(8, 14)]
    assert subtree_consistency_proof(8, 13, 14, _getter(leaves)) == [
        mth(12, 13),
        mth(13, 14),
        mth(8, 12),
        mth(0, 8),
    ]
    verify_subtree_consistency(
        8, 13, 14, mth(8, 13), mth(0, 14), [mth(12, 13), mth(13, 14), mth(8, 12), mth(0, 8)]
    )


def test_subtree_empty_and_invalid() -> None:
    leaves = _leaves(b"empty", 4)
    root = root_from_leaf_hashes(leaves)
    for start in range(5):
        verify_subtree_consistency(start, start, 4, EMPTY_ROOT, root, [])
        assert subtree_consistency_proof(start, start, 4, _getter(leaves)) == []
    with pytest.raises(ProofError):
        verify_subtree_consistency(5, 5, 4, EMPTY_ROOT, root, [])
    with pytest.raises(ProofError):
        verify_subtree_consistency(1, 1, 4, EMPTY_ROOT, root, [EMPTY_ROOT])
    with pytest.raises(ProofError, match="empty"):
        root_from_subtree_consistency_proof(1, 1, 4, EMPTY_ROOT, [])
    with pytest.raises(ProofError):
        verify_subtree_inclusion(leaves[1], 1, 1, 1, [], EMPTY_ROOT)
    with pytest.raises(ProofError, match="not a subtree"):
        verify_subtree_inclusion(leaves[3], 3, 3, 5, [], root)
    with pytest.raises(ProofError):
        verify_subtree_inclusion(leaves[1], 1, 1, (1 << 63) + 2, [], root)
    with pytest.raises(ProofError):
        verify_subtree_inclusion(leaves[0], 0, 2, 1, [], root)
    with pytest.raises(ValueError):
        subtree_inclusion_proof(0, 1, 2, _getter(leaves))


# --- reads of stored subtree hashes ------------------------------------------------------------

BIG = 10_000_000


@cache
def _uniform_node(level: int) -> bytes:
    """Hash of a perfect subtree of 2**level identical leaves."""
    if level == 0:
        return leaf_hash(b"uniform")
    child = _uniform_node(level - 1)
    return node_hash(child, child)


@cache
def _uniform_root(size: int) -> bytes:
    """MTH of ``size`` identical leaves, by the recursive definition over sizes."""
    if size & (size - 1) == 0:
        return _uniform_node(size.bit_length() - 1)
    k = 1 << ((size - 1).bit_length() - 1)
    return node_hash(_uniform_node(k.bit_length() - 1), _uniform_root(size - k))


def _counting_getter(size: int, calls: list[Range], uniform: bool) -> Callable[[int, int], bytes]:
    def get_hash(start: int, end: int) -> bytes:
        width = end - start
        assert width > 0 and width & (width - 1) == 0 and start % width == 0, (start, end)
        assert end <= size, (start, end)
        calls.append((start, end))
        if uniform:
            return _uniform_node(width.bit_length() - 1)
        return hashlib.sha256(f"{start}:{end}".encode()).digest()

    return get_hash


_BIG_POINTS = [0, 1, 2, 3, BIG // 2, (1 << 23) - 1, 1 << 23, (1 << 23) + 1, BIG - 2, BIG - 1]


def test_generators_read_few_perfect_subtrees_of_a_big_tree() -> None:
    calls: list[Range] = []
    for size in (BIG, BIG - 1, (1 << 23) + 12345):
        bound = 2 * math.ceil(math.log2(size))  # 48 for ten million leaves
        get_hash = _counting_getter(size, calls, uniform=False)
        points = [p for p in _BIG_POINTS if p < size] + [size * 7 // 13, size // 3]
        for point in points:
            calls.clear()
            proof = inclusion_proof(point, size, get_hash)
            assert len(calls) <= bound and len(proof) <= math.ceil(math.log2(size))
            if point > 0:
                calls.clear()
                proof = consistency_proof(point, size, get_hash)
                assert len(calls) <= bound and len(proof) <= math.ceil(math.log2(size)) + 1
        aligned = size - size % 4096
        for start, end in [
            (aligned, size),  # a ragged subtree on the right edge
            (aligned - 4096, aligned - 4096 + 3000),
            (1 << 22, (1 << 22) + (1 << 21) + 5),
            (0, size - 1),
            (size - 1, size),
        ]:
            assert _valid_subtree(start, end) and end <= size, (start, end)
            calls.clear()
            subtree_consistency_proof(start, end, size, get_hash)
            assert len(calls) <= bound
            calls.clear()
            subtree_inclusion_proof(end - 1, start, end, get_hash)
            assert len(calls) <= bound


@FAST
@given(st.integers(1, BIG), st.data())
def test_proofs_of_a_big_tree_verify(size: int, data: st.DataObject) -> None:
    # A consistent stored tree of identical leaves lets the proofs be checked end to end.
    calls: list[Range] = []
    get_hash = _counting_getter(size, calls, uniform=True)
    bound = 2 * max(1, math.ceil(math.log2(size)))
    root = _uniform_root(size)
    index = data.draw(st.integers(0, size - 1), label="index")
    proof = inclusion_proof(index, size, get_hash)
    assert len(calls) <= bound
    verify_inclusion(_uniform_node(0), index, size, proof, root)
    old = data.draw(st.integers(1, size), label="old")
    calls.clear()
    proof = consistency_proof(old, size, get_hash)
    assert len(calls) <= bound
    verify_consistency(old, size, _uniform_root(old), root, proof)
