"""Checking a file against the chain, offline first (DOMAIN.md section 5, SF/T 0076-2020).

A user brings a file: a PDF or any other evidence, a ``.tlog-proof`` receipt, or a signed entry.
The desk hashes it (a generator that yields progress, so a 2 GB video can be hashed off the
GUI thread and cancelled), asks the node's ``verify.hash`` (``chain_client.lookup``, the one
client of that call) which log entries name that hash, and
verifies every receipt the node returns against the log and witness keys this desktop pinned,
through the one receipt verifier, ``ledger.receipt``.
Nothing here takes the node's word for a fact it can check itself; what rests on the node's word
is labelled so (``Finding.on_word``).

What can be proven offline, and what cannot:

- A *signed entry* file: its Ed25519 signature, and with a receipt (from the node or stored on
  this desktop) its inclusion in the log at an index, and the on-chain time (the cosignature
  time of the receipt's checkpoint, an upper bound on when it was logged).
- A *receipt* file: the checkpoint's log signature and cosignature; with the entry it proves
  (chosen by the user, or found on this desktop by the receipt's index) everything above.
- Any other *document*: ``verify.hash`` answers with the index, type, on-chain time and a
  receipt of each entry that lists the document's SHA-256, never the entry itself. The receipt
  proves the inclusion of the entry's *leaf*; only the entry text ties the document to it. When
  this desktop holds the entry (it signed or received it), the tie is proven offline; otherwise
  the checkpoint is still verified, and "entry N lists this file" rests on the node's word.

The time the node reports (``time``: the cosignature time of the *first* checkpoint covering the
entry) is its word; the time proven offline comes from the checkpoint inside a receipt we
verified, which for a receipt fetched later is a later (still valid) upper bound.
One module per idea:

- ``subject``: hashing a file (progress, cancel) and telling a receipt, an entry, a document apart;
- ``records``: what this desktop's store holds (the only module here that reads the database);
- ``matching``: tying each receipt to the file through ``ledger.receipt``;
- ``findings``: the model the Verify page shows (``Finding``, ``Report``, ``Verdict``);
- ``check``: the whole check; ``deposit``: the evidence statement.
"""

from desk.verify.check import check, check_offline, known_names, pinned_verifiers
from desk.verify.deposit import EVIDENCE_TYPE, evidence_statement
from desk.verify.findings import (
    Fact,
    Finding,
    Level,
    Match,
    NodeState,
    Report,
    Signer,
    Verdict,
    describe,
    document_of,
)
from desk.verify.matching import (
    Candidate,
    ask_node,
    local_matches,
    match_receipt,
    match_receipt_file,
)
from desk.verify.records import DepositState, NotPinned, Verifiers, deposit_state
from desk.verify.subject import Kind, Subject, classify, hash_file, open_subject
from ledger.receipt import Step

__all__ = [
    "EVIDENCE_TYPE",
    "Candidate",
    "DepositState",
    "Fact",
    "Finding",
    "Kind",
    "Level",
    "Match",
    "NodeState",
    "NotPinned",
    "Report",
    "Signer",
    "Step",
    "Subject",
    "Verdict",
    "Verifiers",
    "ask_node",
    "check",
    "check_offline",
    "classify",
    "deposit_state",
    "describe",
    "document_of",
    "evidence_statement",
    "hash_file",
    "known_names",
    "local_matches",
    "match_receipt",
    "match_receipt_file",
    "open_subject",
    "pinned_verifiers",
]
