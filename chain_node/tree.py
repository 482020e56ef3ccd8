"""The log's Merkle tree on stored subtree hashes (RFC 9162 section 2.1).

Every complete aligned subtree of height >= 1 is stored once in ``tree_nodes`` as it completes
(level 0 is ``entries.leaf_hash``). ``ledger.merkle`` asks ``get_hash`` only for perfect
subtrees, so an inclusion or consistency proof costs fewer than 2*ceil(log2 n) single-row
reads, whatever the size of the tree.

A committed subtree hash never changes, so ``TreeCache`` keeps recently committed and recently
read ones in memory: a receipt for a recent entry usually needs no database read at all.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, select

from chain_node.storage import EntryRow, TreeNode
from ledger import merkle


class Frontier:
    """The compact range of [0, size): the perfect subtrees making up the tree, left to right.

    ``append`` returns the subtree nodes (level >= 1) that each new leaf completes, to be stored
    in the same transaction as the leaves.
    """

    def __init__(self, size: int = 0, nodes: Iterable[tuple[int, bytes]] = ()) -> None:
        self.size = size
        self.nodes: list[tuple[int, bytes]] = list(nodes)  # (level, hash), highest level first

    def copy(self) -> Frontier:
        return Frontier(self.size, self.nodes)

    def append(self, leaf: bytes, out: list[tuple[int, int, bytes]]) -> None:
        """Add one leaf hash; put completed (level, index, hash) subtrees in ``out``."""
        index = self.size
        nodes = self.nodes
        nodes.append((0, leaf))
        level = 0
        while len(nodes) >= 2 and nodes[-2][0] == nodes[-1][0]:
            right = nodes.pop()[1]
            left = nodes.pop()[1]
            level += 1
            value = merkle.node_hash(left, right)
            nodes.append((level, value))
            out.append((level, index >> level, value))
        self.size = index + 1

    def root(self) -> bytes:
        if not self.nodes:
            return merkle.EMPTY_ROOT
        acc = self.nodes[-1][1]
        for _, value in reversed(self.nodes[:-1]):
            acc = merkle.node_hash(value, acc)
        return acc


def frontier_ranges(size: int) -> list[tuple[int, int]]:
    """(level, index) of the perfect subtrees that make up [0, size), highest first."""
    out = []
    start = 0
    for level in range(size.bit_length() - 1, -1, -1):
        if size >> level & 1:
            out.append((level, start >> level))
            start += 1 << level
    return out


# A cached hash costs ~200 bytes of Python objects (key tuple, bytes, dict slot): 16 MiB holds
# ~80,000 subtrees, the right edge of the tree plus the recent receipts of 10,000 desks.
CACHE_BYTES = 16 << 20
_ENTRY_BYTES = 200


class CacheMiss(LookupError):
    """A memory-only read (no connection) needs a subtree the cache does not hold."""


class TreeCache:
    """(level, index) -> hash of committed subtrees (level 0: leaf hashes), bounded in bytes.

    Only committed hashes go in (``fill`` after the transaction committed, ``put`` from a read),
    and a committed subtree hash never changes, so a hit is always the stored value. Two
    generations stand in for an LRU without per-hit bookkeeping: hits in the old generation move
    to the new one; when the new one is full the old one is dropped. Dict operations are atomic
    under the GIL, so the writer, reader threads and the event loop share it without a lock (a
    race loses at most a few entries, never returns a wrong one).
    """

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.half = max(1, max_bytes // _ENTRY_BYTES // 2)
        self._new: dict[tuple[int, int], bytes] = {}
        self._old: dict[tuple[int, int], bytes] = {}

    def __len__(self) -> int:
        return len(self._new) + len(self._old)

    def get(self, level: int, index: int) -> bytes | None:
        key = (level, index)
        value = self._new.get(key)
        if value is None:
            value = self._old.get(key)
            if value is not None:
                self._put(key, value)
        return value

    def put(self, level: int, index: int, value: bytes) -> None:
        self._put((level, index), value)

    def items(self) -> list[tuple[tuple[int, int], bytes]]:
        """Everything held (for audits and tests)."""
        return [*self._old.items(), *self._new.items()]

    def _put(self, key: tuple[int, int], value: bytes) -> None:
        if len(self._new) >= self.half:
            self._old, self._new = self._new, {}
        self._new[key] = value

    def fill(self, nodes: Iterable[tuple[int, int, bytes]], rows: Sequence[dict]) -> None:
        """After a commit: its completed subtrees (level, index, hash) and its entry rows."""
        for row in rows:
            self._put((0, row["idx"]), row["leaf_hash"])
        for level, index, value in nodes:
            self._put((level, index), value)


_caches: weakref.WeakKeyDictionary[object, TreeCache] = weakref.WeakKeyDictionary()


def cache_for(engine: object) -> TreeCache:
    """The one cache of a database (keyed by its engine: a restored database gets a new engine
    at the node's start, hence an empty cache)."""
    cache = _caches.get(engine)
    if cache is None:
        cache = _caches.setdefault(engine, TreeCache())
    return cache


class TreeReader:
    """Reads subtree hashes from ``cache`` first, then through ``conn`` (storage reads are
    counted, for the O(log n) test). Without ``conn`` it reads memory only (``CacheMiss``)."""

    def __init__(self, conn: Connection | None, cache: TreeCache | None = None) -> None:
        self.conn = conn
        self.cache = cache
        self.reads = 0

    def node(self, level: int, index: int) -> bytes:
        if self.cache is not None:
            hit = self.cache.get(level, index)
            if hit is not None:
                return hit
        if self.conn is None:
            raise CacheMiss(f"subtree ({level}, {index}) is not cached")
        self.reads += 1
        if level == 0:
            value = self.conn.execute(
                select(EntryRow.leaf_hash).where(EntryRow.idx == index)
            ).scalar_one_or_none()
        else:
            value = self.conn.execute(
                select(TreeNode.hash).where(TreeNode.level == level, TreeNode.idx == index)
            ).scalar_one_or_none()
        if value is None:
            raise LookupError(f"subtree ({level}, {index}) is not stored")
        value = bytes(value)
        if self.cache is not None:
            self.cache.put(level, index, value)
        return value

    def get_hash(self, start: int, end: int) -> bytes:
        """MTH(D[start:end]) for a perfect aligned subtree (what ledger.merkle asks for)."""
        width = end - start
        if width <= 0 or width & (width - 1) or start % width:
            # not a perfect subtree: fold its perfect parts (ledger.merkle never asks this)
            return merkle_range(self, start, end)
        level = width.bit_length() - 1
        return self.node(level, start >> level)

    def frontier(self, size: int) -> Frontier:
        return Frontier(size, [(lv, self.node(lv, ix)) for lv, ix in frontier_ranges(size)])

    def root(self, size: int) -> bytes:
        return self.frontier(size).root()

    def inclusion_proof(self, index: int, size: int) -> list[bytes]:
        return merkle.inclusion_proof(index, size, self.get_hash)

    def consistency_proof(self, old: int, new: int) -> list[bytes]:
        if old == 0 or old == new:
            return []
        return merkle.consistency_proof(old, new, self.get_hash)


def merkle_range(reader: TreeReader, start: int, end: int) -> bytes:
    """MTH of any range, by the RFC 9162 split (used only for non-perfect ranges)."""
    n = end - start
    if n <= 0:
        return merkle.EMPTY_ROOT
    if n & (n - 1) == 0 and start % n == 0:
        return reader.get_hash(start, end)
    if n == 1:
        return reader.node(0, start)
    k = 1 << ((n - 1).bit_length() - 1)
    left = merkle_range(reader, start, start + k)
    return merkle.node_hash(left, merkle_range(reader, start + k, end))
