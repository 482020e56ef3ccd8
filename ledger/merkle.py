"""Merkle trees of RFC 9162 section 2.1: tree hashes, proofs and their verification.

Pure Python on :mod:`hashlib` (SHA-256). Terms used throughout:

* A *leaf hash* is ``SHA-256(0x00 || data)`` (RFC 9162 section 2.1.1); every function that
  takes "hashes" takes leaf hashes, never raw entries.
* ``MTH(D[a:b])`` is the Merkle Tree Hash of leaves ``a`` (inclusive) to ``b`` (exclusive).
* A *perfect subtree* is a range ``[i * 2**l, (i + 1) * 2**l)``: a full, aligned node that a log
  can store once and never recompute.
* A *subtree* ``[start, end)`` in the sense of draft-ietf-plants-merkle-tree-certs section 4.1
  is a range with ``start`` a multiple of ``BIT_CEIL(end - start)``; every node of an RFC 9162
  tree is one, and perfect subtrees are the ones whose size is a power of two.

Proof generators (:func:`inclusion_proof`, :func:`consistency_proof`,
:func:`subtree_inclusion_proof`, :func:`subtree_consistency_proof`) read the tree through a
callback ``get_hash(start, end) -> MTH(D[start:end])``. They call it **only for perfect subtrees**
lying entirely inside the tree: every proof element that is a perfect node costs one call, and
the single element that may sit on the tree's ragged right edge (``[a, size)`` with ``size - a``
not a power of two) is assembled here from the perfect subtrees that make it up (the binary
decomposition of ``size - a``), so at most ``popcount(size - a) < log2(size)`` calls. A proof
thus costs at most ``2 * ceil(log2(size))`` calls, and a node can serve every request from a
table of stored perfect-subtree hashes.

Verifiers raise :class:`ProofError` (a :class:`ValueError`) with an English message on any
failure and return ``None`` on success. They are strict: tree sizes and indices must be integers
in ``[0, 2**64)``, leaf and proof hashes exactly 32 bytes, and a proof exactly as long as the
tree shape requires.

Two boundary rules, both taken from the transparency-dev/merkle verifier whose test vectors this
module is tested against:

* A consistency proof from the empty tree (old size 0) is **rejected**, even with an empty proof
  (C2SP tlog-witness would accept it); RFC 9162 section 2.1.4 defines proofs for ``0 < m``.
* Where no hashing is involved (equal sizes, or a subtree equal to the whole tree) roots are
  compared as opaque byte strings, so equal roots verify whatever their length; whenever a root
  takes part in hashing it must be 32 bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

__all__ = [
    "EMPTY_ROOT",
    "HASH_SIZE",
    "GetHash",
    "ProofError",
    "consistency_proof",
    "consistency_proof_from_leaves",
    "inclusion_proof",
    "inclusion_proof_from_leaves",
    "leaf_hash",
    "node_hash",
    "root_from_consistency_proof",
    "root_from_inclusion_proof",
    "root_from_leaf_hashes",
    "root_from_subtree_consistency_proof",
    "subtree_consistency_proof",
    "subtree_consistency_proof_from_leaves",
    "subtree_inclusion_proof",
    "subtree_inclusion_proof_from_leaves",
    "verify_consistency",
    "verify_inclusion",
    "verify_subtree_consistency",
    "verify_subtree_inclusion",
]

HASH_SIZE = 32
"""Size in bytes of every hash: SHA-256 (RFC 9162 section 2.1)."""

EMPTY_ROOT: bytes = hashlib.sha256(b"").digest()
"""``MTH({})``, the hash of the empty tree (RFC 9162 section 2.1.1)."""

GetHash = Callable[[int, int], bytes]
"""``get_hash(start, end)`` returns ``MTH(D[start:end])``; called only for perfect subtrees."""

_UINT64_LIMIT = 1 << 64
_LEAF_PREFIX = b"\x00"
_NODE_PREFIX = b"\x01"


class ProofError(ValueError):
    """A Merkle proof, or the parameters given with it, failed verification."""


# --- hashing (RFC 9162 section 2.1.1) -------------------------------------------------------


def leaf_hash(data: bytes) -> bytes:
    """Return the leaf hash ``SHA-256(0x00 || data)`` (RFC 9162 section 2.1.1)."""
    return hashlib.sha256(_LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Return the interior node hash ``SHA-256(0x01 || left || right)`` (RFC 9162 section 2.1.1)."""
    return hashlib.sha256(_NODE_PREFIX + left + right).digest()


def root_from_leaf_hashes(hashes: Sequence[bytes]) -> bytes:
    """Return ``MTH(D[n])`` over already-hashed leaves (RFC 9162 section 2.1.1).

    Iterative and O(n): each level pairs neighbours left to right and carries an unpaired last
    node up unchanged, which builds exactly the tree of the recursive definition (split at the
    largest power of two below ``n``). The empty list gives :data:`EMPTY_ROOT`.
    """
    level = [_require_hash(f"hashes[{i}]", h, ValueError) for i, h in enumerate(hashes)]
    if not level:
        return EMPTY_ROOT
    while len(level) > 1:
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


# --- small helpers ---------------------------------------------------------------------------


def _largest_power_of_two_below(n: int) -> int:
    """The ``k`` of RFC 9162 section 2.1.1: the largest power of two with ``k < n`` (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def _trailing_zeros(n: int) -> int:
    """Number of trailing zero bits of ``n > 0``."""
    return (n & -n).bit_length() - 1


def _short(value: bytes) -> str:
    """A short hex rendering of a hash for error messages."""
    text = value.hex()
    return text if len(text) <= 16 else text[:16] + "…"


def _require_uint64(name: str, value: object, error: type[ValueError]) -> int:
    """Return ``value`` if it is an int in ``[0, 2**64)``, else raise ``error``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise error(f"{name} must be an integer, not {type(value).__name__}")
    if not 0 <= value < _UINT64_LIMIT:
        raise error(f"{name} must be between 0 and 2**64 - 1, got {value}")
    return value


def _require_bytes(name: str, value: object, error: type[ValueError]) -> bytes:
    """Return ``value`` as bytes if it is bytes-like, else raise ``error``."""
    if not isinstance(value, bytes | bytearray | memoryview):
        raise error(f"{name} must be bytes, not {type(value).__name__}")
    return bytes(value)


def _require_hash(name: str, value: object, error: type[ValueError]) -> bytes:
    """Return ``value`` as bytes if it is a 32-byte hash, else raise ``error``."""
    data = _require_bytes(name, value, error)
    if len(data) != HASH_SIZE:
        raise error(f"{name} must be {HASH_SIZE} bytes, got {len(data)}")
    return data


def _proof_list(proof: Sequence[bytes]) -> list[bytes]:
    """Return the proof's elements as a list, or raise :class:`ProofError` if it is not a list."""
    if isinstance(proof, bytes | bytearray | memoryview | str):
        raise ProofError("the proof must be a sequence of hashes, not a single string")
    try:
        return list(proof)
    except TypeError:
        raise ProofError(
            f"the proof must be a sequence of hashes, not {type(proof).__name__}"
        ) from None


def _require_proof(proof: Sequence[bytes], expected: int, what: str) -> list[bytes]:
    """Check that ``proof`` holds exactly ``expected`` 32-byte hashes; return them as bytes."""
    hashes = _proof_list(proof)
    if len(hashes) != expected:
        raise ProofError(
            f"wrong proof length: {what} has exactly {expected} hashes, got {len(hashes)}"
        )
    return [_require_hash(f"proof hash {i}", h, ProofError) for i, h in enumerate(hashes)]


def _check_root_match(what: str, computed: bytes, expected: bytes) -> None:
    """Raise :class:`ProofError` unless the computed root equals the expected one."""
    if computed != expected:
        raise ProofError(
            f"{what}: the proof leads to {_short(computed)}, not to the expected {_short(expected)}"
        )


def _check_subtree(start: int, end: int, error: type[ValueError]) -> None:
    """Raise unless ``[start, end)`` is a subtree (draft-ietf-plants-merkle-tree-certs 4.1).

    ``start <= end`` and ``start`` a multiple of ``BIT_CEIL(end - start)``; the empty range is
    accepted here (callers decide what it means).
    """
    if start > end:
        raise error(f"subtree start {start} is after its end {end}")
    if start == end or start == 0:
        return
    bit_ceil = 1 << (end - start - 1).bit_length()
    if start % bit_ceil:
        raise error(
            f"[{start}, {end}) is not a subtree: start must be a multiple of {bit_ceil}, "
            f"the smallest power of two not below its size {end - start}"
        )


# --- inclusion proofs (RFC 9162 section 2.1.3) -----------------------------------------------


def _inclusion_shape(index: int, size: int) -> tuple[int, int]:
    """Split the inclusion proof of leaf ``index`` in a tree of ``size`` leaves in two.

    Returns ``(inner, border)``: ``inner`` siblings below the level where the paths to
    ``index`` and ``size - 1`` meet, then ``border`` left siblings along the right border.
    """
    inner = (index ^ (size - 1)).bit_length()
    return inner, (index >> inner).bit_count()


def root_from_inclusion_proof(
    leaf_hash: bytes, index: int, size: int, proof: Sequence[bytes]
) -> bytes:
    """Return the root that an inclusion proof leads to (RFC 9162 section 2.1.3.2, steps 1-4).

    Raises :class:`ProofError` if ``index >= size``, a hash is not 32 bytes or the proof does
    not have exactly the length the tree shape requires.
    """
    index = _require_uint64("leaf index", index, ProofError)
    size = _require_uint64("tree size", size, ProofError)
    if index >= size:
        raise ProofError(f"leaf index {index} is not below the tree size {size}")
    r = _require_hash("leaf hash", leaf_hash, ProofError)
    inner, border = _inclusion_shape(index, size)
    path = _require_proof(
        proof, inner + border, f"an inclusion proof for leaf {index} in a tree of size {size}"
    )
    fn, sn = index, size - 1
    for p in path:
        if sn == 0:
            raise ProofError("the inclusion proof is longer than the path to the root")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("the inclusion proof is shorter than the path to the root")
    return r


def verify_inclusion(
    leaf_hash: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> None:
    """Verify that ``leaf_hash`` is leaf ``index`` of the tree ``(size, root)``.

    RFC 9162 section 2.1.3.2. Returns ``None`` on success, raises :class:`ProofError` otherwise.
    """
    computed = root_from_inclusion_proof(leaf_hash, index, size, proof)
    expected = _require_hash("root hash", root, ProofError)
    _check_root_match(f"inclusion of leaf {index} in a tree of size {size}", computed, expected)


def verify_subtree_inclusion(
    leaf_hash: bytes, index: int, start: int, end: int, proof: Sequence[bytes], root: bytes
) -> None:
    """Verify that ``leaf_hash`` is leaf ``index`` of the subtree ``[start, end)`` with ``root``.

    draft-ietf-plants-merkle-tree-certs section 4.3: a subtree inclusion proof is the RFC 9162
    section 2.1.3 inclusion proof of leaf ``index - start`` in the tree of the subtree's
    ``end - start`` leaves. Requires a valid subtree and ``start <= index < end``.
    """
    index = _require_uint64("leaf index", index, ProofError)
    start = _require_uint64("subtree start", start, ProofError)
    end = _require_uint64("subtree end", end, ProofError)
    _check_subtree(start, end, ProofError)
    if not start <= index < end:
        raise ProofError(f"leaf index {index} is outside the subtree [{start}, {end})")
    computed = root_from_inclusion_proof(leaf_hash, index - start, end - start, proof)
    expected = _require_hash("subtree hash", root, ProofError)
    _check_root_match(f"inclusion of leaf {index} in subtree [{start}, {end})", computed, expected)


# --- consistency proofs (RFC 9162 section 2.1.4) ---------------------------------------------


def _consistency_length(old_size: int, new_size: int) -> int:
    """Exact length of the consistency proof between ``0 < old_size < new_size``."""
    inner, border = _inclusion_shape(old_size - 1, new_size)
    shift = _trailing_zeros(old_size)
    seed_in_proof = 0 if old_size == 1 << shift else 1
    return seed_in_proof + inner - shift + border


def root_from_consistency_proof(
    old_size: int, new_size: int, old_root: bytes, proof: Sequence[bytes]
) -> bytes:
    """Return the new root a consistency proof leads to, after checking it against ``old_root``.

    RFC 9162 section 2.1.4.2 steps 1-6, plus the ``fr == first_hash`` check of step 7. For
    ``old_size == new_size`` the proof must be empty and ``old_root`` is returned. Old size 0 is
    rejected (see the module docstring).
    """
    old_size = _require_uint64("old tree size", old_size, ProofError)
    new_size = _require_uint64("new tree size", new_size, ProofError)
    if old_size > new_size:
        raise ProofError(f"old tree size {old_size} is larger than new tree size {new_size}")
    if old_size == 0:
        raise ProofError(
            "a consistency proof from the empty tree (old size 0) is not accepted: "
            "every tree extends the empty tree, so there is nothing to prove"
        )
    hashes = _proof_list(proof)
    if old_size == new_size:
        old = _require_bytes("old root hash", old_root, ProofError)
        if hashes:
            raise ProofError(
                f"the tree sizes are equal ({old_size}) but the proof is not empty "
                f"({len(hashes)} hashes)"
            )
        return old
    # RFC 9162 section 2.1.4.2 step 1.
    if not hashes:
        raise ProofError(f"the consistency proof from size {old_size} to {new_size} is empty")
    first_hash = _require_hash("old root hash", old_root, ProofError)
    path = _require_proof(
        hashes,
        _consistency_length(old_size, new_size),
        f"a consistency proof from size {old_size} to {new_size}",
    )
    # Step 2: if first is an exact power of 2, prepend first_hash.
    if old_size & (old_size - 1) == 0:
        path.insert(0, first_hash)
    # Steps 3-4.
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    # Steps 5-6.
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("the consistency proof is longer than the path to the new root")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    # Step 7 (the sr check is left to the caller).
    if sn != 0:
        raise ProofError("the consistency proof is shorter than the path to the new root")
    _check_root_match(f"old root of size {old_size}", fr, first_hash)
    return sr


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> None:
    """Verify that the tree ``(new_size, new_root)`` extends ``(old_size, old_root)``.

    RFC 9162 section 2.1.4.2, requiring ``0 < old_size <= new_size``; equal sizes need an empty
    proof and equal roots. Returns ``None`` on success, raises :class:`ProofError` otherwise.
    """
    computed = root_from_consistency_proof(old_size, new_size, old_root, proof)
    expected = _require_bytes("new root hash", new_root, ProofError)
    if old_size != new_size and len(expected) != HASH_SIZE:
        raise ProofError(f"new root hash must be {HASH_SIZE} bytes, got {len(expected)}")
    _check_root_match(f"consistency from size {old_size} to {new_size}", computed, expected)


def _subtree_consistency_length(start: int, end: int, size: int) -> int:
    """Exact proof length for a non-trivial subtree consistency proof (``0 < end - start``)."""
    if end == size:
        height = ((end - 1) ^ start).bit_length()
        return (start >> height).bit_count()
    inner, border = _inclusion_shape(end - 1, size)
    shift = _trailing_zeros(end - start)
    seed_in_proof = 0 if end - start == 1 << shift else 1
    return seed_in_proof + inner - shift + border


def root_from_subtree_consistency_proof(
    start: int, end: int, size: int, subtree_root: bytes, proof: Sequence[bytes]
) -> bytes:
    """Return the root of the size-``size`` tree a subtree consistency proof leads to.

    draft-ietf-plants-merkle-tree-certs section 4.4.3 (a generalisation of RFC 9162 section
    2.1.4.2 to a subtree ``[start, end)``; with ``start == 0`` it is the RFC algorithm). The
    proof hashes that lie inside the subtree are first checked to rebuild ``subtree_root``.
    Requires a non-empty valid subtree with ``end <= size``; for ``[0, size)`` the proof must be
    empty and ``subtree_root`` is returned.
    """
    start = _require_uint64("subtree start", start, ProofError)
    end = _require_uint64("subtree end", end, ProofError)
    size = _require_uint64("tree size", size, ProofError)
    _check_subtree(start, end, ProofError)
    if start == end:
        raise ProofError(f"the subtree [{start}, {end}) is empty: it determines no tree root")
    if end > size:
        raise ProofError(f"subtree [{start}, {end}) does not fit in a tree of size {size}")
    hashes = _proof_list(proof)
    if start == 0 and end == size:
        node = _require_bytes("subtree hash", subtree_root, ProofError)
        if extra := len(hashes):
            raise ProofError(
                f"the subtree [0, {end}) is the whole tree but the proof is not empty "
                f"({extra} hashes)"
            )
        return node
    if not hashes:
        raise ProofError(
            f"the consistency proof for subtree [{start}, {end}) in a tree of size {size} is empty"
        )
    node_root = _require_hash("subtree hash", subtree_root, ProofError)
    path = _require_proof(
        hashes,
        _subtree_consistency_length(start, end, size),
        f"a consistency proof for subtree [{start}, {end}) in a tree of size {size}",
    )
    # fn, sn: nodes holding the subtree's first and last leaf; tn: the tree's last node.
    fn, sn, tn = start, end - 1, size - 1
    if sn == tn:
        # The subtree ends at the tree's right edge: climb to the node that is the subtree.
        while fn != sn:
            fn >>= 1
            sn >>= 1
            tn >>= 1
        fr = sr = node_root
    else:
        # Climb to the rightmost perfect subtree inside [start, end).
        while fn != sn and sn & 1:
            fn >>= 1
            sn >>= 1
            tn >>= 1
        if fn == sn:
            fr = sr = node_root  # the subtree is perfect: its own hash is the seed
        else:
            fr = sr = path.pop(0)
    for c in path:
        if tn == 0:
            raise ProofError("the consistency proof is longer than the path to the root")
        if sn & 1 or sn == tn:
            if fn < sn:
                fr = node_hash(c, fr)  # a left sibling inside the subtree
            sr = node_hash(c, sr)
            while sn and not sn & 1:
                fn >>= 1
                sn >>= 1
                tn >>= 1
        else:
            sr = node_hash(sr, c)  # a right sibling: only in the larger tree
        fn >>= 1
        sn >>= 1
        tn >>= 1
    if tn != 0:
        raise ProofError("the consistency proof is shorter than the path to the root")
    _check_root_match(f"subtree [{start}, {end}) hash", fr, node_root)
    return sr


def verify_subtree_consistency(
    start: int,
    end: int,
    size: int,
    subtree_root: bytes,
    root: bytes,
    proof: Sequence[bytes],
) -> None:
    """Verify that subtree ``[start, end)`` with hash ``subtree_root`` is part of ``(size, root)``.

    draft-ietf-plants-merkle-tree-certs section 4.4.3, with the transparency-dev/merkle rules
    for the edge cases: the empty subtree (``start == end <= size``) verifies against any tree
    if its hash is ``MTH({})`` (:data:`EMPTY_ROOT`) and the proof is empty; ``[0, size)`` needs an
    empty proof and equal hashes. Raises :class:`ProofError` on any failure.
    """
    start = _require_uint64("subtree start", start, ProofError)
    end = _require_uint64("subtree end", end, ProofError)
    size = _require_uint64("tree size", size, ProofError)
    _check_subtree(start, end, ProofError)
    if end > size:
        raise ProofError(f"subtree [{start}, {end}) does not fit in a tree of size {size}")
    if start == end:
        node = _require_bytes("subtree hash", subtree_root, ProofError)
        if extra := len(_proof_list(proof)):
            raise ProofError(
                f"the proof for the empty subtree [{start}, {end}) must be empty, "
                f"got {extra} hashes"
            )
        if node != EMPTY_ROOT:
            raise ProofError(
                f"the hash of the empty subtree [{start}, {end}) must be MTH({{}}) "
                f"{_short(EMPTY_ROOT)}, got {_short(node)}"
            )
        return
    computed = root_from_subtree_consistency_proof(start, end, size, subtree_root, proof)
    expected = _require_bytes("root hash", root, ProofError)
    if not (start == 0 and end == size) and len(expected) != HASH_SIZE:
        raise ProofError(f"root hash must be {HASH_SIZE} bytes, got {len(expected)}")
    _check_root_match(
        f"consistency of subtree [{start}, {end}) with a tree of size {size}", computed, expected
    )


# --- proof generation from stored subtree hashes ---------------------------------------------


def _fetch(get_hash: GetHash, lo: int, hi: int) -> bytes:
    """``MTH(D[lo:hi])`` for a tree node, asking ``get_hash`` only for perfect subtrees.

    ``[lo, hi)`` is a node of an RFC 9162 tree: ``lo`` is a multiple of the smallest power of two
    not below ``hi - lo``. Its perfect parts are the binary decomposition of ``hi - lo``, largest
    first (the split of RFC 9162 section 2.1.1 applied repeatedly); they are folded right to
    left. A perfect node is a single call.
    """
    width = hi - lo
    pieces: list[bytes] = []
    at = lo
    for bit in range(width.bit_length() - 1, -1, -1):
        if width >> bit & 1:
            pieces.append(_call(get_hash, at, at + (1 << bit)))
            at += 1 << bit
    result = pieces[-1]
    for piece in reversed(pieces[:-1]):
        result = node_hash(piece, result)
    return result


def _call(get_hash: GetHash, lo: int, hi: int) -> bytes:
    """Call ``get_hash(lo, hi)`` and check that it returned a 32-byte hash."""
    value = get_hash(lo, hi)
    if not isinstance(value, bytes | bytearray) or len(value) != HASH_SIZE:
        raise ValueError(f"get_hash({lo}, {hi}) did not return a {HASH_SIZE}-byte hash")
    return bytes(value)


def _path_ranges(index: int, size: int, level: int) -> list[tuple[int, int]]:
    """Leaf ranges of the siblings on the path from node ``index`` at ``level`` to the root.

    Node ``i`` at level ``l`` of a tree of ``size`` leaves covers ``[i * 2**l, (i + 1) * 2**l)``
    clipped to ``size``. Below the level where the path joins the right border every sibling
    is a node (perfect, or the one ragged right-edge node); above it only left siblings remain,
    all perfect. Ordered bottom-up as in RFC 9162 sections 2.1.3.1 and 2.1.4.1.
    """
    inner = (index ^ ((size - 1) >> level)).bit_length()
    ranges: list[tuple[int, int]] = []
    node, lvl = index, level
    for _ in range(inner):
        sibling = node ^ 1
        ranges.append((sibling << lvl, min((sibling + 1) << lvl, size)))
        node >>= 1
        lvl += 1
    while node:
        if node & 1:
            ranges.append(((node - 1) << lvl, node << lvl))
        node >>= 1
        lvl += 1
    return ranges


def inclusion_proof(index: int, size: int, get_hash: GetHash) -> list[bytes]:
    """Return the inclusion proof ``PATH(index, D[size])`` (RFC 9162 section 2.1.3.1).

    ``get_hash`` is asked only for perfect subtrees (see the module docstring): one call per
    perfect sibling, plus ``popcount`` calls for the one ragged sibling on the right edge;
    fewer than ``2 * ceil(log2(size))`` in all.
    """
    index = _require_uint64("leaf index", index, ValueError)
    size = _require_uint64("tree size", size, ValueError)
    if index >= size:
        raise ValueError(f"leaf index {index} is not below the tree size {size}")
    return [_fetch(get_hash, lo, hi) for lo, hi in _path_ranges(index, size, 0)]


def consistency_proof(old: int, new: int, get_hash: GetHash) -> list[bytes]:
    """Return the consistency proof ``PROOF(old, D[new])`` (RFC 9162 section 2.1.4.1).

    Requires ``0 < old <= new`` (equal sizes give ``[]``; old size 0 is refused, matching
    :func:`verify_consistency`). The proof is the rightmost perfect subtree of the old tree
    (left out when the old tree itself is perfect) followed by that node's inclusion path in the
    new tree; ``get_hash`` is asked only for perfect subtrees.
    """
    old = _require_uint64("old tree size", old, ValueError)
    new = _require_uint64("new tree size", new, ValueError)
    if old > new:
        raise ValueError(f"old tree size {old} is larger than new tree size {new}")
    if old == 0:
        raise ValueError("there is no consistency proof from the empty tree (old size 0)")
    if old == new:
        return []
    return _subtree_consistency(0, old, new, get_hash)


def _subtree_consistency(start: int, end: int, size: int, get_hash: GetHash) -> list[bytes]:
    """Proof for a non-empty valid subtree ``[start, end) != [0, size)`` with ``end <= size``."""
    if end == size:
        height = ((end - 1) ^ start).bit_length()
        ranges = _path_ranges(start >> height, size, height)
    else:
        shift = _trailing_zeros(end - start)
        ranges = [] if end - start == 1 << shift else [(end - (1 << shift), end)]
        ranges += _path_ranges((end - 1) >> shift, size, shift)
    return [_fetch(get_hash, lo, hi) for lo, hi in ranges]


def subtree_inclusion_proof(index: int, start: int, end: int, get_hash: GetHash) -> list[bytes]:
    """Return the inclusion proof of leaf ``index`` in subtree ``[start, end)``.

    draft-ietf-plants-merkle-tree-certs section 4.3: ``PATH(index - start, D[start:end])``.
    ``get_hash`` is asked only for perfect subtrees, with absolute leaf positions.
    """
    index = _require_uint64("leaf index", index, ValueError)
    start = _require_uint64("subtree start", start, ValueError)
    end = _require_uint64("subtree end", end, ValueError)
    _check_subtree(start, end, ValueError)
    if not start <= index < end:
        raise ValueError(f"leaf index {index} is outside the subtree [{start}, {end})")
    return [
        _fetch(get_hash, start + lo, start + hi)
        for lo, hi in _path_ranges(index - start, end - start, 0)
    ]


def subtree_consistency_proof(start: int, end: int, size: int, get_hash: GetHash) -> list[bytes]:
    """Return ``SUBTREE_PROOF(start, end, D[size])`` (draft-ietf-plants-merkle-tree-certs 4.4.1).

    For ``start == 0`` this is the RFC 9162 consistency proof from ``end`` to ``size``. The
    empty subtree and ``[0, size)`` give ``[]``. ``get_hash`` is asked only for perfect subtrees.
    """
    start = _require_uint64("subtree start", start, ValueError)
    end = _require_uint64("subtree end", end, ValueError)
    size = _require_uint64("tree size", size, ValueError)
    _check_subtree(start, end, ValueError)
    if end > size:
        raise ValueError(f"subtree [{start}, {end}) does not fit in a tree of size {size}")
    if start == end or (start == 0 and end == size):
        return []
    return _subtree_consistency(start, end, size, get_hash)


# --- proofs straight from the recursive definitions, for tests and small trees ---------------


def _leaf_list(leaf_hashes: Sequence[bytes], size: int) -> list[bytes]:
    """The first ``size`` leaf hashes, checked."""
    if size > len(leaf_hashes):
        raise ValueError(f"tree size {size} is larger than the {len(leaf_hashes)} leaves given")
    return [_require_hash(f"leaf_hashes[{i}]", leaf_hashes[i], ValueError) for i in range(size)]


def inclusion_proof_from_leaves(index: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """``PATH(index, D[n])`` over all of ``leaf_hashes``, by RFC 9162 section 2.1.3.1 itself.

    Walks the recursive definition top-down, hashing each sibling from the leaves (O(n)). An
    independent implementation of :func:`inclusion_proof` for tests and small trees.
    """
    leaves = _leaf_list(leaf_hashes, len(leaf_hashes))
    index = _require_uint64("leaf index", index, ValueError)
    if index >= len(leaves):
        raise ValueError(f"leaf index {index} is not below the tree size {len(leaves)}")
    proof: list[bytes] = []
    lo, hi, m = 0, len(leaves), index
    while hi - lo > 1:
        k = _largest_power_of_two_below(hi - lo)
        if m < k:  # PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])
            proof.append(root_from_leaf_hashes(leaves[lo + k : hi]))
            hi = lo + k
        else:  # PATH(m, D[n]) = PATH(m - k, D[k:n]) : MTH(D[0:k])
            proof.append(root_from_leaf_hashes(leaves[lo : lo + k]))
            lo += k
            m -= k
    proof.reverse()
    return proof


def consistency_proof_from_leaves(old: int, new: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """``PROOF(old, D[new])`` by RFC 9162 section 2.1.4.1 itself (``new <= len(leaf_hashes)``).

    An independent implementation of :func:`consistency_proof`, O(n), for tests and small trees.
    """
    old = _require_uint64("old tree size", old, ValueError)
    new = _require_uint64("new tree size", new, ValueError)
    if old > new:
        raise ValueError(f"old tree size {old} is larger than new tree size {new}")
    if old == 0:
        raise ValueError("there is no consistency proof from the empty tree (old size 0)")
    return subtree_consistency_proof_from_leaves(0, old, new, leaf_hashes)


def subtree_inclusion_proof_from_leaves(
    index: int, start: int, end: int, leaf_hashes: Sequence[bytes]
) -> list[bytes]:
    """Subtree inclusion proof (draft-ietf-plants-merkle-tree-certs section 4.3) from leaves."""
    start = _require_uint64("subtree start", start, ValueError)
    end = _require_uint64("subtree end", end, ValueError)
    _check_subtree(start, end, ValueError)
    leaves = _leaf_list(leaf_hashes, end)
    if not start <= index < end:
        raise ValueError(f"leaf index {index} is outside the subtree [{start}, {end})")
    return inclusion_proof_from_leaves(index - start, leaves[start:end])


def subtree_consistency_proof_from_leaves(
    start: int, end: int, size: int, leaf_hashes: Sequence[bytes]
) -> list[bytes]:
    """``SUBTREE_PROOF(start, end, D[size])`` by its recursive definition.

    draft-ietf-plants-merkle-tree-certs section 4.4.1 (``SUBTREE_SUBPROOF`` with the "known"
    flag); for ``start == 0`` it is RFC 9162's ``SUBPROOF``. O(n), for tests and small trees.
    """
    start = _require_uint64("subtree start", start, ValueError)
    end = _require_uint64("subtree end", end, ValueError)
    size = _require_uint64("tree size", size, ValueError)
    _check_subtree(start, end, ValueError)
    if end > size:
        raise ValueError(f"subtree [{start}, {end}) does not fit in a tree of size {size}")
    leaves = _leaf_list(leaf_hashes, size)
    if start == end:
        return []
    proof: list[bytes] = []
    lo, hi, known = 0, size, True
    s, e = start, end  # relative to lo
    while not (s == 0 and e == hi - lo):
        k = _largest_power_of_two_below(hi - lo)
        if e <= k:  # entirely in the left half: prove it there, commit to the right half
            proof.append(root_from_leaf_hashes(leaves[lo + k : hi]))
            hi = lo + k
        elif s >= k:  # entirely in the right half
            proof.append(root_from_leaf_hashes(leaves[lo : lo + k]))
            lo += k
            s -= k
            e -= k
        else:  # s == 0 < k < e: the left half is shared, the subtree's hash is not a node
            proof.append(root_from_leaf_hashes(leaves[lo : lo + k]))
            lo += k
            e -= k
            known = False
    if not known:
        proof.append(root_from_leaf_hashes(leaves[lo:hi]))
    proof.reverse()
    return proof
