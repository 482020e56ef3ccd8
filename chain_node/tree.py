"""The log's Merkle tree on stored subtree hashes (RFC 9162 section 2.1).

Every complete aligned subtree of height >= 1 is stored once in ``tree_nodes`` as it completes
(level 0 is ``entries.leaf_hash``). ``ledger.merkle`` asks ``get_hash`` only for perfect
subtrees, so an inclusion or consistency proof costs fewer than 2*ceil(log2 n) single-row
reads, whatever the size of the tree.
"""

from __future__ import annotations

from collections.abc import Iterable

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


class TreeReader:
    """Reads stored subtree hashes through one connection; counts reads (for the O(log n) test)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.reads = 0

    def node(self, level: int, index: int) -> bytes:
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
        return bytes(value)

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
