"""RFC 8785 (JCS) canonical JSON: ordering, escaping, refusals, round trips."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.canonical import (
    MAX_SAFE_INTEGER,
    canonical_json,
    parse_canonical,
    reference_canonical_json,
)
from ledger.errors import CanonicalJSONError, LedgerError


def utf16_units(key: str) -> list[int]:
    data = key.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def keys_in_order(data: bytes) -> list[str]:
    """The top-level keys of a JSON object, in the order they appear in ``data``."""
    pairs = json.loads(data, object_pairs_hook=lambda p: p)
    return [key for key, _ in pairs]


# -- RFC 8785 examples ----------------------------------------------------------------------


def test_rfc8785_sorting_example_uses_utf16_code_units() -> None:
    # RFC 8785 section 3.2.3: the emoji (U+1F600, UTF-16 D83D DE00) sorts before U+FB33,
    # although its code point is larger.
    value = {
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\U0001f600": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis",
    }
    out = canonical_json(value)
    order = keys_in_order(out)
    assert order == ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]
    assert order == sorted(value, key=utf16_units)
    assert order != sorted(value)  # code-point order would put the emoji last
    expected = (
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control",'
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",'
        '"\U0001f600":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}'
    ).encode()
    assert out == expected
    assert parse_canonical(out) == value


def test_rfc8785_string_escaping_example() -> None:
    # RFC 8785 section 3.2.2.2: "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/"
    source = '"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/"'
    value = json.loads(source)
    assert value == '\u20ac$\x0f\nA\'B"\\\\"/'
    out = canonical_json(value)
    assert out == '"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"'.encode()
    assert parse_canonical(out) == value
    with pytest.raises(CanonicalJSONError):
        parse_canonical(source.encode())  # the escaped input form is not canonical


@pytest.mark.parametrize(
    ("char", "escaped"),
    [
        ("\b", "\\b"),
        ("\t", "\\t"),
        ("\n", "\\n"),
        ("\f", "\\f"),
        ("\r", "\\r"),
        ("\x00", "\\u0000"),
        ("\x01", "\\u0001"),
        ("\x1f", "\\u001f"),
        ('"', '\\"'),
        ("\\", "\\\\"),
    ],
)
def test_control_characters_quote_and_backslash_are_escaped(char: str, escaped: str) -> None:
    out = canonical_json({"k": f"a{char}b"})
    assert out == ('{"k":"a' + escaped + 'b"}').encode()
    assert parse_canonical(out) == {"k": f"a{char}b"}


@pytest.mark.parametrize("text", ["\u20ac", "调解协议书", "債權人會議", "\U0001f600", "\x7f", "/"])
def test_non_ascii_is_raw_utf8_not_escaped(text: str) -> None:
    out = canonical_json([text])
    assert out == b'["' + text.encode("utf-8") + b'"]'
    assert b"\\u" not in out
    assert parse_canonical(out) == [text]
    # the \\u-escaped spelling of the same value is refused as non-canonical
    escaped = json.dumps([text], ensure_ascii=True, separators=(",", ":")).encode()
    if escaped != out:
        with pytest.raises(CanonicalJSONError):
            parse_canonical(escaped)


def test_nested_objects_are_sorted_at_every_level_without_whitespace() -> None:
    value = {"b": [{"z": 1, "a": True}], "a": {"y": None, "x": "s"}}
    out = canonical_json(value)
    assert out == b'{"a":{"x":"s","y":null},"b":[{"a":true,"z":1}]}'
    assert b" " not in out


def test_integers_and_literals() -> None:
    assert canonical_json([0, -1, 1, True, False, None]) == b"[0,-1,1,true,false,null]"
    assert canonical_json(MAX_SAFE_INTEGER) == str(2**53 - 1).encode()
    assert canonical_json(-MAX_SAFE_INTEGER) == str(-(2**53 - 1)).encode()
    assert parse_canonical(str(2**53 - 1).encode()) == 2**53 - 1


# -- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        1.0,
        0.5,
        [1, 2.5],
        {"a": {"b": [{"c": 0.0}]}},
        {"money": 100.00},
        float("nan"),
        float("inf"),
        float("-inf"),
        {"x": [float("nan")]},
    ],
)
def test_floats_are_refused_anywhere(value: object) -> None:
    with pytest.raises(CanonicalJSONError):
        canonical_json(value)


@pytest.mark.parametrize("number", [2**53, -(2**53), 2**64, -(2**63), 10**30])
def test_integers_beyond_safe_range_are_refused(number: int) -> None:
    with pytest.raises(CanonicalJSONError):
        canonical_json(number)
    with pytest.raises(CanonicalJSONError):
        canonical_json({"deep": [[number]]})
    with pytest.raises(CanonicalJSONError):
        parse_canonical(str(number).encode())


@pytest.mark.parametrize(
    "value",
    [{1: "int key"}, {"a": {None: 1}}, b"bytes", {"a": {1, 2}}, object(), [complex(1, 2)]],
)
def test_non_json_values_are_refused(value: object) -> None:
    with pytest.raises(CanonicalJSONError):
        canonical_json(value)


@pytest.mark.parametrize(
    "data",
    [
        b"1.0",
        b"1e3",
        b"1E3",
        b"-0.0",
        b"[0.5]",
        b'{"a":{"b":[1.5]}}',
        b"NaN",
        b"Infinity",
        b"-Infinity",
        b'{"a":NaN}',
        b"[Infinity]",
    ],
)
def test_parse_refuses_floats_and_non_finite_numbers(data: bytes) -> None:
    with pytest.raises(CanonicalJSONError):
        parse_canonical(data)


@pytest.mark.parametrize(
    "data",
    [
        b'{"a":1,"a":1}',
        b'{"a":1,"a":2}',
        b'{"x":{"b":1,"b":1}}',
        b'[{"k":"v","k":"v"}]',
    ],
)
def test_parse_refuses_duplicate_keys(data: bytes) -> None:
    with pytest.raises(CanonicalJSONError, match="duplicate"):
        parse_canonical(data)


@pytest.mark.parametrize(
    "data",
    [
        b'{"b":1,"a":2}',  # wrong key order
        b'{"\xef\xac\xb3":1,"\xf0\x9f\x98\x80":2}',  # code-point order, not UTF-16 order
        b'{"a": 1}',
        b' {"a":1}',
        b'{"a":1}\n',
        b"[1, 2]",
        b'{\n"a":1}',
        b"-0",
        b"01",
        b"[01]",
        b'"\\u00e9"',  # escaped where JCS writes UTF-8
        b'"\\/"',
        b'"\\u001F"',  # upper-case hex escape
        b'"\\u0041"',
        b"",
        b"{",
        b"[1,]",
        b"'a'",
        b"\xff",
        b'"\xc3"',
        b'"\xed\xa0\x80"',  # UTF-8 encoded surrogate
        b'"\\ud800"',  # lone surrogate escape
        b"true false",
    ],
)
def test_parse_refuses_non_canonical_or_invalid_text(data: bytes) -> None:
    with pytest.raises(CanonicalJSONError):
        parse_canonical(data)


@pytest.mark.parametrize("depth", [2000, 20000])
def test_parse_refuses_deep_nesting_with_its_own_error(depth: int) -> None:
    # A 64 KiB entry can nest tens of thousands of arrays: that must be a CanonicalJSONError,
    # not a RecursionError escaping to the caller.
    with pytest.raises(CanonicalJSONError):
        parse_canonical(b"[" * depth + b"]" * depth)
    with pytest.raises(CanonicalJSONError):
        parse_canonical(b'{"a":' * depth + b"1" + b"}" * depth)


def test_errors_are_ledger_errors_with_readable_text() -> None:
    with pytest.raises(LedgerError) as info:
        canonical_json({"fee": 1.5})
    assert "fen" in str(info.value)
    assert "$.fee" in str(info.value)


# -- round trip -----------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-MAX_SAFE_INTEGER, max_value=MAX_SAFE_INTEGER)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_round_trip(value: object) -> None:
    out = canonical_json(value)
    assert parse_canonical(out) == value
    assert json.loads(out) == value
    assert canonical_json(parse_canonical(out)) == out
    assert out == reference_canonical_json(value)  # the rfc8785 package agrees byte for byte
    text = out.decode("utf-8")
    assert not any(ord(ch) < 0x20 for ch in text)  # control characters are always escaped


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=6), st.integers(0, 9), min_size=1, max_size=8))
def test_object_keys_follow_utf16_order(value: dict[str, int]) -> None:
    out = canonical_json(value)
    assert keys_in_order(out) == sorted(value, key=utf16_units)


@settings(max_examples=200, deadline=None)
@given(json_values, st.integers(min_value=0))
def test_any_whitespace_insertion_is_refused(value: object, where: int) -> None:
    out = canonical_json(value)
    pos = where % (len(out) + 1)
    changed = out[:pos] + b" " + out[pos:]
    try:
        parsed = parse_canonical(changed)
    except CanonicalJSONError:
        return
    # the space landed inside a string: accepted only if it is a different value
    assert parsed != value
    assert canonical_json(parsed) == changed


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=4),
        st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x3FF), max_size=6),
        max_size=6,
    )
)
def test_fast_encoder_matches_reference_on_awkward_text(value: dict[str, str]) -> None:
    # astral-plane keys (UTF-16 order), C0 controls, DEL, U+0080..U+03FF
    assert canonical_json(value) == reference_canonical_json(value)


@pytest.mark.parametrize("value", ["\ud800", {"\udfff": 1}, ["a\ud83d"]])
def test_lone_surrogates_are_refused(value: object) -> None:
    with pytest.raises(CanonicalJSONError):
        canonical_json(value)


def test_deeply_nested_values_are_refused_with_its_own_error() -> None:
    value: list = []
    for _ in range(5000):
        value = [value]
    with pytest.raises(CanonicalJSONError):
        canonical_json(value)
