"""casework.private.split: what of a participant's details may go on the chain, and what stays."""

from __future__ import annotations

from casework.private import identity_hash, split


def test_a_number_goes_on_the_chain_only_as_a_salted_hash() -> None:
    public, row = split("C-1", "p1", id_type="resident_id", id_number=" 110101199003071234 ")
    assert row is not None and row.id_number == "110101199003071234" and len(row.salt) == 16
    assert public == {
        "id_type": "resident_id",
        "id_hash": identity_hash(row.salt, "resident_id", "110101199003071234"),
    }
    assert "110101199003071234" not in str(public)


def test_an_address_alone_stays_private_and_nothing_at_all_makes_no_row() -> None:
    public, row = split("C-1", "p2", id_type="resident_id", address="北京市朝阳区", agent="王律师")
    assert (
        public == {} and row is not None and (row.address, row.agent) == ("北京市朝阳区", "王律师")
    )
    assert split("C-1", "p3", id_type="resident_id", agent="王律师") == ({}, None)
    # two splits of one number give different hashes: a hash cannot be matched across cases
    first, _ = split("C-1", "p1", id_type="passport", id_number="E12345678")
    second, _ = split("C-2", "p1", id_type="passport", id_number="E12345678")
    assert first["id_hash"] != second["id_hash"]
