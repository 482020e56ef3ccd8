"""Receipts (c2sp.org/tlog-proof@v1): offline verification, and refusals that are always
ReceiptError (never another exception type)."""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.checkpoint import Checkpoint, sign_checkpoint
from ledger.errors import ReceiptError
from ledger.keys import SIG_COSIGNATURE_V1, SigningKey, Verifier
from ledger.merkle import inclusion_proof_from_leaves, leaf_hash, root_from_leaf_hashes
from ledger.note import parse_note
from ledger.receipt import (
    HEADER,
    STEPS,
    Receipt,
    Step,
    check_receipt,
    failed_step,
    parse_receipt,
    verify_receipt,
)
from ledger.statement import Entry, build_statement, sign_statement

ORIGIN = "example.org/jcdesk/receipt-log"
TIME = 1_790_000_000
LOG_KEY = SigningKey.from_seed(bytes([7]) * 32, ORIGIN)
WITNESS_KEY = SigningKey.from_seed(bytes([8]) * 32, "witness.example/w1")
ACTORS = [SigningKey.from_seed(bytes([i]) * 32) for i in (1, 2, 3)]


@dataclass(frozen=True)
class Tree:
    entries: list[Entry]
    leaves: list[bytes]
    checkpoint: str

    def receipt(self, index: int, **changes: object) -> Receipt:
        proof = tuple(inclusion_proof_from_leaves(index, self.leaves))
        return replace(Receipt(index, proof, self.checkpoint), **changes)


def make_entries(n: int) -> list[Entry]:
    entries = []
    for i in range(n):
        actor = ACTORS[i % len(ACTORS)]
        s = build_statement(
            log=ORIGIN,
            type="evidence.deposited",
            case="",
            actor=actor.vkey,
            time=datetime(2026, 11, 27, 7, 30, i, tzinfo=UTC),
            body={"documents": [{"name": f"d{i}.pdf", "sha256": f"{i:064x}", "size": i}]},
        )
        entries.append(sign_statement(s, actor))
    return entries


def make_tree(n: int, witnesses: list[SigningKey] | None = None) -> Tree:
    entries = make_entries(n)
    leaves = [e.leaf_hash for e in entries]
    cp = Checkpoint(ORIGIN, n, root_from_leaf_hashes(leaves))
    note = sign_checkpoint(cp, LOG_KEY, [WITNESS_KEY] if witnesses is None else witnesses, TIME)
    return Tree(entries, leaves, note)


LOG = LOG_KEY.verifier()
WITNESS = WITNESS_KEY.verifier(SIG_COSIGNATURE_V1)
TREE = make_tree(7)


def assert_receipt_error(
    receipt: Receipt | str | bytes,
    entry: bytes,
    log: Verifier = LOG,
    witnesses: tuple[Verifier, ...] = (WITNESS,),
    step: Step | None = None,
) -> Step:
    """The receipt is refused, as a ReceiptError naming a step (``step`` when given)."""
    with pytest.raises(ReceiptError) as info:
        verify_receipt(receipt, entry, log, list(witnesses))
    assert type(info.value) is ReceiptError, repr(info.value)
    named = failed_step(info.value)
    assert named is not None, repr(info.value)
    if step is not None:
        assert named is step, repr(info.value)
    return named


# -- happy path -----------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(7))
def test_every_entry_of_a_small_tree_verifies(index: int) -> None:
    entry = TREE.entries[index]
    text = TREE.receipt(index).to_text()
    verified = verify_receipt(text, entry.data, LOG, [WITNESS])
    assert verified.index == index
    assert verified.leaf_hash == entry.leaf_hash == leaf_hash(entry.data)
    assert verified.checkpoint.checkpoint.size == 7
    assert verified.checkpoint.cosigned_at == TIME
    assert verified.checkpoint.on_chain_time == datetime.fromtimestamp(TIME, UTC)
    assert verify_receipt(text.encode(), entry.data, LOG, [WITNESS]) == verified
    assert verify_receipt(TREE.receipt(index), entry.data, LOG, [WITNESS]) == verified


def test_receipt_text_layout() -> None:
    receipt = TREE.receipt(5)
    text = receipt.to_text()
    lines = text.split("\n")
    assert lines[0] == HEADER == "c2sp.org/tlog-proof@v1"
    assert lines[1] == "index 5"
    n = len(receipt.proof)
    assert n == 3  # index 5 of 7: siblings 4, [6], [0..4)
    assert [base64.b64decode(line) for line in lines[2 : 2 + n]] == list(receipt.proof)
    assert lines[2 + n] == ""
    assert text.endswith("\n\n" + TREE.checkpoint)
    assert parse_receipt(text) == receipt


def test_tree_of_size_one_has_no_proof_hashes() -> None:
    tree = make_tree(1)
    receipt = tree.receipt(0)
    assert receipt.proof == ()
    text = receipt.to_text()
    assert text.startswith(HEADER + "\nindex 0\n\n")
    assert parse_receipt(text) == receipt
    verified = verify_receipt(text, tree.entries[0].data, LOG, [WITNESS])
    assert verified.index == 0
    assert verified.checkpoint.checkpoint.root_hash == tree.entries[0].leaf_hash
    assert_receipt_error(text, TREE.entries[1].data)  # another entry
    assert_receipt_error(replace(receipt, index=1).to_text(), tree.entries[0].data)
    assert_receipt_error(replace(receipt, proof=(bytes(32),)).to_text(), tree.entries[0].data)


@pytest.mark.parametrize("extra", [b"", b"age-v1.2.1-darwin-arm64.tar.gz", bytes(range(256))])
def test_extra_line_round_trips(extra: bytes) -> None:
    receipt = TREE.receipt(2, extra=extra)
    text = receipt.to_text()
    assert text.split("\n")[1] == "extra " + base64.b64encode(extra).decode()
    assert text.split("\n")[2] == "index 2"
    parsed = parse_receipt(text)
    assert parsed == receipt
    assert parsed.extra == extra
    assert parsed.to_text() == text
    assert verify_receipt(text, TREE.entries[2].data, LOG, [WITNESS]).index == 2
    assert parse_receipt(TREE.receipt(2).to_text()).extra is None


# -- refusals -------------------------------------------------------------------------------


def test_every_truncation_is_a_receipt_error() -> None:
    text = TREE.receipt(3).to_text()
    entry = TREE.entries[3].data
    for n in range(len(text)):  # every prefix (the text is about 1 KB)
        assert_receipt_error(text[:n], entry)
        if n % 7 == 0:
            assert_receipt_error(text[:n].encode(), entry)


@pytest.mark.parametrize("index", [0, 3, 6])
def test_changed_proof_hash(index: int) -> None:
    receipt = TREE.receipt(index)
    entry = TREE.entries[index].data
    for k, h in enumerate(receipt.proof):
        for bit in (0, 7, 255):
            flipped = bytearray(h)
            flipped[bit // 8] ^= 1 << (bit % 8)
            proof = (*receipt.proof[:k], bytes(flipped), *receipt.proof[k + 1 :])
            assert_receipt_error(replace(receipt, proof=proof).to_text(), entry)
    assert_receipt_error(replace(receipt, proof=receipt.proof[:-1]).to_text(), entry)
    assert_receipt_error(replace(receipt, proof=(*receipt.proof, bytes(32))).to_text(), entry)
    assert_receipt_error(replace(receipt, proof=receipt.proof[::-1]).to_text(), entry)


def test_wrong_index() -> None:
    for index in range(7):
        entry = TREE.entries[index].data
        proof = TREE.receipt(index).proof
        for other in range(7):
            if other != index:
                assert_receipt_error(TREE.receipt(other, proof=proof).to_text(), entry)


def test_wrong_entry() -> None:
    text = TREE.receipt(4).to_text()
    for i, entry in enumerate(TREE.entries):
        if i != 4:
            assert_receipt_error(text, entry.data)
    good = TREE.entries[4].data
    assert_receipt_error(text, good + b"\n")
    assert_receipt_error(text, good[:-1])
    assert_receipt_error(text, TREE.entries[4].leaf_hash)  # the hash is not the entry


def test_wrong_log_key() -> None:
    text = TREE.receipt(1).to_text()
    entry = TREE.entries[1].data
    assert_receipt_error(text, entry, log=SigningKey.generate(ORIGIN).verifier())
    assert_receipt_error(text, entry, log=SigningKey.generate("other.example/log").verifier())
    assert_receipt_error(text, entry, log=LOG_KEY.verifier(SIG_COSIGNATURE_V1))
    assert_receipt_error(text, entry, log=WITNESS)


def test_wrong_witness_key() -> None:
    text = TREE.receipt(1).to_text()
    entry = TREE.entries[1].data
    stranger = SigningKey.generate("witness.example/w1").verifier(SIG_COSIGNATURE_V1)
    assert_receipt_error(text, entry, witnesses=(stranger,))
    assert_receipt_error(text, entry, witnesses=())
    assert_receipt_error(text, entry, witnesses=(WITNESS_KEY.verifier(),))  # type 0x01
    assert_receipt_error(text, entry, witnesses=(LOG,))


def test_checkpoint_without_cosignature() -> None:
    tree = make_tree(3, witnesses=[])
    assert_receipt_error(tree.receipt(1).to_text(), tree.entries[1].data)


def test_index_at_or_beyond_the_size() -> None:
    entry = TREE.entries[6].data
    proof = TREE.receipt(6).proof
    for index in (7, 8, 2**63, 2**64, 10**40):
        assert_receipt_error(Receipt(index, proof, TREE.checkpoint).to_text(), entry)
        assert_receipt_error(Receipt(index, (), TREE.checkpoint).to_text(), entry)


def test_receipt_for_a_checkpoint_of_another_tree() -> None:
    other = make_tree(8)
    receipt = TREE.receipt(2, checkpoint=other.checkpoint)
    assert_receipt_error(receipt.to_text(), TREE.entries[2].data)


def edit_lines(text: str, edit: dict[int, str | None]) -> str:
    head, _, checkpoint = text.partition("\n\n")
    lines = head.split("\n")
    out = [edit.get(i, line) for i, line in enumerate(lines)]
    return "\n".join(line for line in out if line is not None) + "\n\n" + checkpoint


@pytest.mark.parametrize(
    "edit",
    [
        {0: None},  # missing header
        {0: "c2sp.org/tlog-proof@v2"},
        {0: "c2sp.org/tlog-proof@v1 "},
        {0: "C2SP.org/tlog-proof@v1"},
        {1: None},  # missing index line
        {1: "index 03"},  # leading zero
        {1: "index 00"},
        {1: "index +3"},
        {1: "index -3"},
        {1: "index 3 "},
        {1: "index  3"},
        {1: "index"},
        {1: "index "},
        {1: "Index 3"},
        {1: "index 0x3"},
        {1: "index \u0663"},  # ARABIC-INDIC DIGIT THREE
        {1: "index \uff13"},  # FULLWIDTH DIGIT THREE
        {1: "extra !!!!\nindex 3"},  # extra data that is not base64
        {1: "index 3\nextra AAAA"},  # extra after the index
        {2: "not base64!"},
        {2: "AAAA"},  # 3 bytes, not 32
        {2: base64.b64encode(bytes(33)).decode()},
        {2: base64.b64encode(bytes(32)).decode()[:-1]},
    ],
)
def test_malformed_layout(edit: dict[int, str | None]) -> None:
    text = TREE.receipt(3).to_text()
    changed = edit_lines(text, edit)
    assert changed != text
    assert_receipt_error(changed, TREE.entries[3].data)
    with pytest.raises(ReceiptError):
        parse_receipt(changed)


def test_blank_line_inside_the_proof() -> None:
    # the checkpoint starts after the first blank line: what follows is not a checkpoint
    text = edit_lines(TREE.receipt(3).to_text(), {2: ""})
    assert_receipt_error(text, TREE.entries[3].data)


def test_too_many_proof_hashes() -> None:
    receipt = TREE.receipt(3, proof=(bytes(32),) * 65)
    with pytest.raises(ReceiptError):
        parse_receipt(receipt.to_text())
    assert_receipt_error(receipt.to_text(), TREE.entries[3].data)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        HEADER,
        HEADER + "\n",
        HEADER + "\nindex 0",
        HEADER + "\nindex 0\n",
        HEADER + "\nindex 0\n\n",
        "garbage\n\ngarbage\n",
        HEADER + "\nindex 0\n\n" + "x\n" * 5,
    ],
)
def test_garbage(text: str) -> None:
    assert_receipt_error(text, TREE.entries[0].data)


def test_non_utf8_and_oversized_bytes() -> None:
    text = TREE.receipt(0).to_text().encode()
    assert_receipt_error(b"\xff" + text, TREE.entries[0].data)
    assert_receipt_error(text[:-3] + b"\xc3" + text[-2:], TREE.entries[0].data)
    assert_receipt_error(text + b"x" * (1 << 20), TREE.entries[0].data)


def test_every_single_character_change_is_caught() -> None:
    text = TREE.receipt(5).to_text()
    entry = TREE.entries[5].data
    original = parse_receipt(text)
    for i in range(len(text)):
        for replacement in ("A", "\n", "9"):
            if text[i] == replacement:
                continue
            changed = text[:i] + replacement + text[i + 1 :]
            try:
                verified = verify_receipt(changed, entry, LOG, [WITNESS])
            except ReceiptError as exc:
                assert type(exc) is ReceiptError
                continue
            # accepted only when nothing that was verified changed (e.g. an unused bit of the
            # base64 padding group of a proof hash)
            parsed = parse_receipt(changed)
            assert (parsed.index, parsed.proof) == (original.index, original.proof), changed
            assert verified.index == 5


# -- the steps: each refusal names the step that failed -------------------------------------


def test_the_steps_in_order() -> None:
    assert [s.value for s in STEPS] == [
        "parse",
        "log-signature",
        "cosignature",
        "index",
        "leaf",
        "inclusion",
    ]


def test_each_refusal_names_its_step() -> None:
    text = TREE.receipt(1).to_text()
    entry = TREE.entries[1].data
    assert_receipt_error(text[:40], entry, step=Step.PARSE)
    assert_receipt_error(
        text, entry, log=SigningKey.generate(ORIGIN).verifier(), step=Step.LOG_SIGNATURE
    )
    assert_receipt_error(
        text, entry, log=SigningKey.generate("x.example/log").verifier(), step=Step.LOG_SIGNATURE
    )
    stranger = SigningKey.generate("witness.example/w1").verifier(SIG_COSIGNATURE_V1)
    assert_receipt_error(text, entry, witnesses=(stranger,), step=Step.COSIGNATURE)
    assert_receipt_error(text, entry, witnesses=(), step=Step.COSIGNATURE)
    uncosigned = make_tree(3, witnesses=[])
    assert_receipt_error(uncosigned.receipt(1), uncosigned.entries[1].data, step=Step.COSIGNATURE)
    assert_receipt_error(Receipt(7, (), TREE.checkpoint), entry, step=Step.INDEX)
    assert_receipt_error(text, b"", step=Step.LEAF)
    assert_receipt_error(text, b"x" * (64 * 1024 + 1), step=Step.LEAF)
    assert_receipt_error(text, TREE.entries[2].data, step=Step.INCLUSION)
    assert failed_step(ValueError("not ours")) is None


def test_check_receipt_proves_nothing_about_an_entry_until_asked() -> None:
    checked = check_receipt(TREE.receipt(4).to_text(), LOG, [WITNESS])
    assert checked.index == 4 and checked.checkpoint.checkpoint.size == 7
    assert checked.checkpoint.witnesses == ("witness.example/w1",)
    assert checked.prove(TREE.entries[4].data) == verify_receipt(
        TREE.receipt(4), TREE.entries[4].data, LOG, [WITNESS]
    )
    with pytest.raises(ReceiptError) as info:
        checked.prove(TREE.entries[3].data)
    assert failed_step(info.value) is Step.INCLUSION


# Property tests: flip any byte of the receipt, the entry or the checkpoint, and the receipt is
# refused at the step that reads that byte, or, in the rare case the flip leaves every decoded
# value the same (an unused bit of a base64 group), it verifies to the same result.

PROPERTY_INDEX = 5
PROPERTY_TEXT = TREE.receipt(PROPERTY_INDEX).to_text().encode()
PROPERTY_ENTRY = TREE.entries[PROPERTY_INDEX].data
EXPECTED = verify_receipt(PROPERTY_TEXT, PROPERTY_ENTRY, LOG, [WITNESS])


def _regions() -> list[tuple[int, int, frozenset[Step]]]:
    """Byte ranges of the receipt text and the steps a flip inside each may be refused at."""
    text = PROPERTY_TEXT
    head_end = text.index(b"\n\n")
    index_line = text.index(b"\nindex ") + 1
    proof_start = text.index(b"\n", index_line) + 1
    cp = head_end + 2
    body_end = cp + len(TREE.checkpoint.encode().split(b"\n\n")[0]) + 1
    log_line = body_end + 1  # after the blank line between the body and the signatures
    witness_line = text.index(b"\n", log_line) + 1
    parse = frozenset({Step.PARSE})
    return [
        (0, index_line, parse),  # the header line
        (index_line, proof_start, frozenset({Step.PARSE, Step.INDEX, Step.INCLUSION})),
        (proof_start, head_end, frozenset({Step.PARSE, Step.INCLUSION})),
        (head_end, cp, parse),  # the blank line before the checkpoint
        (cp, body_end, frozenset({Step.PARSE, Step.LOG_SIGNATURE})),  # origin, size, root
        (body_end, log_line, parse),  # the blank line before the signatures
        (log_line, witness_line, frozenset({Step.PARSE, Step.LOG_SIGNATURE})),
        (witness_line, len(text), frozenset({Step.PARSE, Step.COSIGNATURE})),
    ]


REGIONS = _regions()


def _flip(data: bytes, position: int, mask: int) -> bytes:
    changed = bytearray(data)
    changed[position] ^= mask
    return bytes(changed)


def _same_receipt(text: bytes) -> bool:
    """Does ``text`` decode to the very values of the original (index, proof, checkpoint)?"""
    original, changed = parse_receipt(PROPERTY_TEXT), parse_receipt(text)
    return (changed.index, changed.proof) == (original.index, original.proof) and parse_note(
        changed.checkpoint
    ) == parse_note(original.checkpoint)


def test_the_regions_cover_the_receipt_in_order() -> None:
    assert REGIONS[0][0] == 0 and REGIONS[-1][1] == len(PROPERTY_TEXT)
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in itertools.pairwise(REGIONS))


def _check_flip(position: int, mask: int) -> None:
    changed = _flip(PROPERTY_TEXT, position, mask)
    allowed = next(steps for start, end, steps in REGIONS if start <= position < end)
    try:
        verified = verify_receipt(changed, PROPERTY_ENTRY, LOG, [WITNESS])
    except ReceiptError as exc:
        assert type(exc) is ReceiptError
        assert failed_step(exc) in allowed, (position, mask, failed_step(exc), str(exc))
        return
    assert _same_receipt(changed), (position, mask)
    assert replace(verified, checkpoint=replace(verified.checkpoint, note_text="")) == replace(
        EXPECTED, checkpoint=replace(EXPECTED.checkpoint, note_text="")
    )  # the same values; only the note's spelling of a signature differs


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_flip_any_byte_of_the_receipt(data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(PROPERTY_TEXT) - 1))
    _check_flip(position, data.draw(st.integers(1, 255)))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_flip_any_byte_of_the_checkpoint(data: st.DataObject) -> None:
    start = PROPERTY_TEXT.index(b"\n\n") + 2
    position = data.draw(st.integers(start, len(PROPERTY_TEXT) - 1))
    _check_flip(position, data.draw(st.integers(1, 255)))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(PROPERTY_ENTRY) - 1), st.integers(1, 255))
def test_flip_any_byte_of_the_entry(position: int, mask: int) -> None:
    changed = _flip(PROPERTY_ENTRY, position, mask)
    assert_receipt_error(PROPERTY_TEXT, changed, step=Step.INCLUSION)


def test_every_byte_of_the_receipt_flipped_once() -> None:
    # exhaustive over positions (one mask each), so no region is left to chance
    for position in range(len(PROPERTY_TEXT)):
        _check_flip(position, 1 << (position % 8))
