"""The personal-data guard, and that every statement the desk builds passes through it."""

from __future__ import annotations

import pytest

from ledger.privacy import PersonalDataError, check_personal_data
from tests.chain_node.test_privacy_guard import key_with_digit_run


@pytest.mark.parametrize(
    "body",
    [
        {"note": "请联系13812345678"},
        {"note": "138-1234-5678"},
        {"note": "１３８１２３４５６７８"},  # full-width digits
        {"note": "身份证11010119900307123X"},
        {"note": "6222 0212 3456 7890 123"},  # a bank account
        {"documents": [{"name": "张三_13812345678.pdf", "sha256": "a" * 64, "size": 1}]},
        {"13812345678": "in a field name"},
        {"nested": {"deeper": ["ok", "tel (138) 1234 5678"]}},
    ],
)
def test_numbers_in_clear_are_refused(body):
    with pytest.raises(PersonalDataError) as caught:
        check_personal_data(body)
    assert "PIPL Art. 51" in str(caught.value)


def test_keys_hashes_amounts_and_dates_pass():
    key = key_with_digit_run()
    check_personal_data(
        {
            "note": key.vkey,
            "members": [key.vkey, "not even a key 13812345678"],  # verifier keys, skipped whole
            "sha256": "1" * 64,
            "amount": 13812345678,  # integer fen, not a text
            "time": "2026-12-02T05:37:53.123456Z",
            "text": "借款本金10000元，于2026年3月1日前归还",
        }
    )
    # the key's vkey really would match were it not recognised as a key
    with pytest.raises(PersonalDataError):
        check_personal_data({"note": key.vkey.replace("+", " x ", 1)})
