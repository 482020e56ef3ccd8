"""The findings model the Verify page shows: what each source said about one log entry
(``Match``), merged per entry into ``Finding``s that keep apart what is proven offline and what
rests on the node's word, and the ``Report`` with its one ``Verdict``. The page renders them in
the user's language (``ui/pages/verify_page.py``); nothing here makes sentences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from desk.verify.records import NotPinned
from desk.verify.subject import Kind, Subject
from ledger.checkpoint import VerifiedCheckpoint
from ledger.errors import QT_TRANSLATE_NOOP, TRANSLATION_CONTEXT, LedgerError
from ledger.receipt import Step, VerifiedReceipt, failed_step
from ledger.statement import Entry


class Level(StrEnum):
    PROVEN = "proven"  # receipt and entry verified offline; the entry names the file
    # the checkpoint verified; the tie between its leaf and the file is the node's word
    CHECKPOINT_ONLY = "checkpoint-only"
    PENDING = "pending"  # signed on this desktop; the chain has not confirmed it (no receipt)
    REJECTED = "rejected"  # the node refused this desktop's entry
    FAILED = "failed"  # a receipt or an entry did not verify: do not rely on it


_LEVEL_RANK = {
    Level.FAILED: 5,
    Level.PROVEN: 4,
    Level.CHECKPOINT_ONLY: 3,
    Level.REJECTED: 2,
    Level.PENDING: 1,
}


@dataclass(frozen=True)
class Match:
    """What one source (the node, this desktop's store, a receipt file) says about one entry."""

    index: int | None
    level: Level
    source: str  # "node", "local" or "file"
    entry: Entry | None = None
    receipt: VerifiedReceipt | None = None
    checkpoint: VerifiedCheckpoint | None = None  # the checkpoint verified (also with receipt)
    node_type: str | None = None  # the node's word
    node_time: datetime | None = None  # the node's word: first covering checkpoint's time
    problem: LedgerError | None = None
    outbox_state: str | None = None
    reason: str | None = None  # why the node rejected this desktop's entry
    receipt_text: str | None = None


class Fact(StrEnum):
    """One fact of a finding; each is either proven offline or rests on the node's word."""

    SIGNATURE = "signature"  # the signer's Ed25519 signature over the statement
    INCLUSION = "inclusion"  # the entry is in the log at the index (RFC 9162 proof, pinned keys)
    NAMES_FILE = "names-file"  # the entry lists this file's SHA-256 (or is this entry)
    ON_CHAIN_TIME = "on-chain-time"  # logged no later than the cosignature time
    CHECKPOINT = "checkpoint"  # the log signed, and the witness cosigned, a tree of that size
    TYPE = "type"  # the entry's statement type
    NODE_TIME = "node-time"  # the earlier on-chain time the node reports


@dataclass(frozen=True)
class Signer:
    vkey: str
    key_id: str
    name: str | None  # the enrolled name when this desktop knows it
    role: str | None
    is_you: bool = False
    # the index of the node-signed identity.revoked of this key, when this desktop holds it
    revoked_at: int | None = None


class Revocation(StrEnum):
    """Where an entry stands against its signer's revocation at index R (Electronic Signature
    Law Art. 15: the signer stops using a compromised key; what it signed before stays valid)."""

    BEFORE = "before"  # index < R: signed before the key was revoked, valid
    AFTER = "after"  # index >= R: the node refuses such an entry; one logged is not to be trusted
    UNLOGGED = "unlogged"  # no index yet: the node will refuse it


class SignedAfterRevocation(LedgerError):
    message = QT_TRANSLATE_NOOP(
        TRANSLATION_CONTEXT,
        "Entry #{index} was signed with a key revoked at entry #{revoked}; the chain node "
        "refuses every entry of a revoked key from its revocation on, so this one should never "
        "have been logged",
    )


@dataclass(frozen=True)
class Finding:
    level: Level
    index: int | None
    origin: str | None = None  # the log
    checkpoint_size: int | None = None
    type: str | None = None
    signer: Signer | None = None
    case: str | None = None
    statement_time: datetime | None = None  # the signer's clock
    on_chain_time: datetime | None = None  # proven: verified cosignature time
    node_time: datetime | None = None  # the node's word
    witnesses: tuple[str, ...] = ()
    document: dict[str, Any] | None = None
    note: str | None = None
    proven: tuple[Fact, ...] = ()
    on_word: tuple[Fact, ...] = ()
    problem: LedgerError | None = None
    step: Step | None = None  # the step of the receipt verifier that refused (FAILED)
    outbox_state: str | None = None
    reason: str | None = None
    leaf_hash: bytes | None = None

    @property
    def revocation(self) -> Revocation | None:
        """None unless the signer's key is revoked (``Signer.revoked_at``)."""
        return revocation_of(self.index, self.signer.revoked_at if self.signer else None)


def revocation_of(index: int | None, revoked_at: int | None) -> Revocation | None:
    """``Finding.revocation`` for an entry at ``index`` by a key revoked at ``revoked_at``."""
    if revoked_at is None:
        return None
    if index is None:
        return Revocation.UNLOGGED
    return Revocation.BEFORE if index < revoked_at else Revocation.AFTER


def document_of(entry: Entry | None, sha256_hex: str) -> dict[str, Any] | None:
    """The ``{name, sha256, size}`` item of the entry's ``body.documents`` with that hash."""
    if entry is None:
        return None
    documents = entry.statement.body.get("documents")
    if not isinstance(documents, list):
        return None
    for doc in documents:
        if isinstance(doc, dict) and doc.get("sha256") == sha256_hex:
            return doc
    return None


def describe(
    matches: Sequence[Match],
    query: bytes | None,
    names: Mapping[str, tuple[str, str]] | None = None,
    me: str | None = None,
    revoked: Mapping[str, int] | None = None,
) -> list[Finding]:
    """Merge what each source said per log index and turn it into findings, strongest first.

    ``query`` is the hash asked for (None for a receipt file); ``names`` maps actor vkeys to
    (name, role); ``me`` is this profile's vkey; ``revoked`` maps revoked keys to the index of
    their node-signed revocation (an entry of such a key at or after it is FAILED).
    """
    names = names or {}
    revoked = revoked or {}
    groups: dict[Any, list[Match]] = {}
    for n, match in enumerate(matches):
        key: Any = match.index if match.index is not None else ("unindexed", n)
        if match.entry is not None and match.index is None:
            key = ("leaf", match.entry.leaf_hash)
        groups.setdefault(key, []).append(match)
    findings = [_finding(group, query, names, me, revoked) for group in groups.values()]
    findings.sort(key=lambda f: (-_LEVEL_RANK[f.level], f.index if f.index is not None else -1))
    return findings


def _finding(
    group: list[Match],
    query: bytes | None,
    names: Mapping[str, tuple[str, str]],
    me: str | None,
    revoked: Mapping[str, int],
) -> Finding:
    level = max((m.level for m in group), key=_LEVEL_RANK.__getitem__)
    entry = next((m.entry for m in group if m.entry is not None), None)
    index = next((m.index for m in group if m.index is not None), None)
    problem = next((m.problem for m in group if m.problem is not None), None)
    node = next((m for m in group if m.source == "node"), None)
    outbox = next((m for m in group if m.outbox_state is not None), None)
    verified = [m.receipt for m in group if m.receipt is not None and m.level is Level.PROVEN]
    checkpoints = [m.checkpoint for m in group if m.checkpoint is not None]
    first = min(verified, key=lambda r: r.checkpoint.cosigned_at, default=None)
    checkpoint = first.checkpoint if first is not None else None
    if checkpoint is None and checkpoints:
        checkpoint = min(checkpoints, key=lambda c: c.cosigned_at)
    statement = entry.statement if entry is not None else None
    signer = None
    if statement is not None:
        name, role = names.get(statement.actor, (None, None))
        signer = Signer(
            statement.actor,
            statement.actor_verifier.key_id,
            name,
            role,
            is_you=statement.actor == me,
            revoked_at=revoked.get(statement.actor),
        )
        # A logged entry of a revoked key at or after its revocation: the node refuses those
        # (docs/protocol.md, identity.revoke), so a proof of one is not to be relied on.
        if revocation_of(index, signer.revoked_at) is Revocation.AFTER and problem is None:
            level = Level.FAILED
            problem = SignedAfterRevocation(index=index, revoked=signer.revoked_at)
    proven: list[Fact] = []
    on_word: list[Fact] = []
    node_time = node.node_time if node is not None else None
    if level is Level.PROVEN:
        proven = [Fact.SIGNATURE, Fact.TYPE, Fact.INCLUSION, Fact.ON_CHAIN_TIME, Fact.CHECKPOINT]
        if query is not None:
            proven.append(Fact.NAMES_FILE)
        if (
            node_time is not None
            and checkpoint is not None
            and node_time < checkpoint.on_chain_time
        ):
            on_word.append(Fact.NODE_TIME)
    elif level is Level.CHECKPOINT_ONLY:
        proven = [Fact.CHECKPOINT]
        on_word = [Fact.NAMES_FILE, Fact.TYPE, Fact.NODE_TIME] if node is not None else []
    elif level in (Level.PENDING, Level.REJECTED) and entry is not None:
        proven = [Fact.SIGNATURE, Fact.TYPE]
    document = document_of(entry, query.hex()) if query is not None else None
    note = statement.body.get("note") if statement is not None else None
    return Finding(
        level=level,
        index=index,
        origin=checkpoint.checkpoint.origin if checkpoint is not None else None,
        checkpoint_size=checkpoint.checkpoint.size if checkpoint is not None else None,
        type=statement.type if statement is not None else (node.node_type if node else None),
        signer=signer,
        case=statement.case if statement is not None else None,
        statement_time=statement.moment if statement is not None else None,
        on_chain_time=checkpoint.on_chain_time
        if checkpoint is not None and level is Level.PROVEN
        else None,
        node_time=node_time,
        witnesses=checkpoint.witnesses if checkpoint is not None else (),
        document=document,
        note=note if isinstance(note, str) else None,
        proven=tuple(proven),
        on_word=tuple(on_word),
        problem=problem,
        step=failed_step(problem) if problem is not None else None,
        outbox_state=outbox.outbox_state if outbox is not None else None,
        reason=outbox.reason if outbox is not None else None,
        leaf_hash=entry.leaf_hash if entry is not None else None,
    )


class NodeState(StrEnum):
    ANSWERED = "answered"
    UNREACHABLE = "unreachable"  # could not be asked (offline, refused, timed out)
    NOT_ASKED = "not-asked"  # a receipt file: checked offline, the node was not needed


class Verdict(StrEnum):
    PROVEN = "proven"  # at least one entry proven offline
    NODE_ONLY = "node-only"  # the node names entries; the tie to the file rests on its word
    INCOMPLETE = "incomplete"  # a receipt whose checkpoint verifies, the entry is missing
    PENDING = "pending"  # signed here, not confirmed by the chain yet
    NOT_ON_CHAIN = "not-on-chain"  # the node answered: no entry names this hash
    UNKNOWN = "unknown"  # nothing here, and the node could not be asked
    UNCHECKED = "unchecked"  # this desktop cannot check yet (no pinned keys)
    FAILED = "failed"  # something did not verify


@dataclass(frozen=True)
class Report:
    subject: Subject
    findings: tuple[Finding, ...]
    node: NodeState
    node_problem: LedgerError | None = None
    problem: LedgerError | None = None  # the subject itself (a broken entry or receipt file)

    @property
    def verdict(self) -> Verdict:
        levels = {f.level for f in self.findings}
        if isinstance(self.problem, NotPinned):
            return Verdict.UNCHECKED
        if self.problem is not None or Level.FAILED in levels:
            return Verdict.FAILED
        if Level.PROVEN in levels:
            return Verdict.PROVEN
        if Level.CHECKPOINT_ONLY in levels:
            return Verdict.INCOMPLETE if self.subject.kind is Kind.RECEIPT else Verdict.NODE_ONLY
        if levels & {Level.PENDING, Level.REJECTED}:
            return Verdict.PENDING
        if self.node is NodeState.ANSWERED:
            return Verdict.NOT_ON_CHAIN
        return Verdict.UNKNOWN
