"""casework.typed: typed values written back in their wire form, and the shape helpers refusing
in the caller's words."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import pytest

from casework.typed import (
    WIRE,
    Document,
    choice,
    documents,
    integer,
    obj,
    opt_text,
    split_members,
    text,
    to_json,
)
from ledger.contract import ContractViolation


class Colour(StrEnum):
    RED = "red"


@dataclass(frozen=True, slots=True)
class Inner:
    n: int
    colour: Colour
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Outer:
    items: tuple[Inner, ...]
    flag: bool | None = None
    cache: bytes = field(default=b"", metadata={WIRE: False})


def fail() -> ContractViolation:
    return ContractViolation("in the caller's words", rule="test")


def test_to_json_leaves_out_absent_fields_and_writes_enums_and_tuples() -> None:
    value = Outer((Inner(1, Colour.RED), Inner(0, Colour.RED, "")), flag=False, cache=b"x")
    assert to_json(value) == {
        "items": [{"n": 1, "colour": "red"}, {"n": 0, "colour": "red", "note": ""}],
        "flag": False,
    }
    assert to_json(Outer(())) == {"items": []}


def test_the_helpers_refuse_in_the_callers_words() -> None:
    data = {"s": "x", "blank": " ", "n": 3, "yes": True, "c": "blue"}
    assert text(data, "s", fail) == "x" and text(data, "blank", fail, blank=True) == " "
    assert opt_text(data, "absent", fail) is None
    assert integer(data, "n", fail, minimum=3) == 3
    for call in (
        lambda: text(data, "blank", fail),
        lambda: integer(data, "yes", fail),  # a JSON boolean is not an integer
        lambda: integer(data, "n", fail, minimum=4),
        lambda: choice(Colour, data["c"], fail),
        lambda: obj(data, fail, allowed=("s",)),
        lambda: opt_text(data, "n", fail),
        lambda: split_members({"members": [1]}, fail),
    ):
        with pytest.raises(ContractViolation, match="in the caller's words"):
            call()
    assert split_members({"a": 1}, fail) == ({"a": 1}, None)
    assert split_members({"a": 1, "members": ["k"]}, fail) == ({"a": 1}, ("k",))


def test_documents_are_typed_or_refused_naming_the_field() -> None:
    doc = {"name": "a.pdf", "sha256": "a" * 64, "size": 1}
    assert documents([doc], "test") == (Document("a.pdf", "a" * 64, 1),)
    with pytest.raises(ContractViolation, match="sha256"):
        documents([{**doc, "sha256": "A" * 64}], "test")
