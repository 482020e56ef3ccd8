"""Revoking and replacing a profile's key (desk.rotation, ``main.py keys revoke``) against a
real node on loopback: the user stays in their cases under the same name with a new key, the
old key is refused and kept on disk, the profile's private data opens with the new key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chain_node.config import NodeConfig
from chain_node.domains import installed_domains
from chain_node.server import EmbeddedNode
from desk.network import NetworkThread
from desk.session import DeskSession
from ledger import cli
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings
from ledger.statement import open_entry
from ledger.store.models import LogEntry, OutboxItem
from ledger.store.store import Store
from ledger.vault import PrivateVault
from tests.chain_node.conftest import Client, RpcFail, enrol_entry, make_entry
from tests.notes import with_notes

PASS = "correct horse battery"


@pytest.fixture
def node(tmp_path: Path) -> Any:
    running = EmbeddedNode.start(
        NodeConfig(
            domains=with_notes(),
            data_dir=tmp_path / "node",
            port=0,
            auto_approve=True,
            passphrase="p",
        )
    )
    yield running
    running.stop()


def person(node: Any, key: SigningKey, name: str, role: str) -> Client:
    c = Client(node.url)
    assert (
        c.call("auth.enrol", entry=enrol_entry(key, node.info["origin"], role, name))["status"]
        == "approved"
    )
    c.login(key, node.info["origin"])
    return c


def profile_in_a_case(
    home: Path, node: Any, name: str = "mediator"
) -> tuple[Profile, SigningKey, Client, SigningKey]:
    profile = Profile.named(name, home=home)
    profile.save_settings(Settings(display_name="王调解员", role="mediator", chain=node.url))
    key = SigningKey.generate()
    key.save(profile.key_path, PASS)
    c = person(node, key, "王调解员", "mediator")
    partner = SigningKey.generate()
    person(node, partner, "李当事人", "party")
    origin = node.info["origin"]
    c.call(
        "tlog.submit", entry=make_entry(key, origin, case="M-1", body={"members": [partner.vkey]})
    )
    return profile, key, c, partner


def revoke(profile: Profile, *extra: str, monkeypatch: Any, capsys: Any) -> tuple[int, str, str]:
    monkeypatch.setenv("JCDESK_HOME", str(profile.folder.parent.parent))
    monkeypatch.setenv("ROTATE_PASS", PASS)
    code = cli.main(
        ["--profile", profile.name, "keys", "revoke", "--passphrase-env", "ROTATE_PASS", *extra]
    )
    said = capsys.readouterr()
    return code, said.out, said.err


def test_rotation_keeps_the_user_in_their_cases(tmp_path, node, monkeypatch, capsys):
    origin = node.info["origin"]
    profile, old, _, _ = profile_in_a_case(tmp_path / "home", node)
    sealed = PrivateVault.open(profile.data_key_path, old).seal_text("13812345678", ("M-1", "p"))
    code, out, err = revoke(
        profile, "--rotate", "--reason", "新电脑", monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 0, err
    new = SigningKey.load(profile.key_path, PASS)
    assert new.vkey != old.vkey and new.vkey in out
    kept = list(profile.folder.glob("identity.key.revoked-*"))
    assert len(kept) == 1 and SigningKey.load(kept[0], PASS).vkey == old.vkey
    index = int(kept[0].name.rsplit("-", 1)[1])
    assert f"index {index}" in out
    # the private data opens with the new key
    vault = PrivateVault.open(profile.data_key_path, new)
    assert vault.unseal_text(sealed, ("M-1", "p"), "M-1") == "13812345678"
    # at the node: the old key refused, the new one in the case under the same name and role
    with pytest.raises(RpcFail) as refused:
        Client(node.url).login(old, origin)
    assert refused.value.code == -32001 and f"revoked at index {index}" in refused.value.data
    c = Client(node.url)
    assert c.login(new, origin)["roles"] == ["mediator"]
    c.call("tlog.submit", entry=make_entry(new, origin, case="M-1", body={"n": "carry on"}))
    got = c.call("identity.get", vkey=new.vkey)
    assert open_entry(got["enrol"]["entry"]).statement.body["name"] == "王调解员"
    assert c.call("identity.get", vkey=old.vkey)["successor"] == new.vkey
    # the local log holds the revocation, confirmed, and the node's identity.revoked
    store = Store.open(profile.database_url(), installed_domains())
    try:
        with store.session() as session:
            kinds = {e.type: e for e in session.query(LogEntry)}
            states = {o.chain_index: o.state for o in session.query(OutboxItem)}
    finally:
        store.close()
    assert {"identity.revoke", "identity.revoked"} <= set(kinds)
    assert states.get(index - 1) == "confirmed"
    # the desk can tell an entry signed before the revocation (the Verify page's wording)
    session = DeskSession.open(profile, new, NetworkThread(), node.url)
    try:
        assert session.revoked_keys() == {old.vkey: index}
    finally:
        session.close()


def test_plain_revocation_names_no_successor(tmp_path, node, monkeypatch, capsys):
    origin = node.info["origin"]
    profile, old, _, _ = profile_in_a_case(tmp_path / "home", node)
    code, out, err = revoke(profile, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, err
    assert "no successor" in out
    new = SigningKey.load(profile.key_path, PASS)
    c = Client(node.url)
    other = SigningKey.generate()
    person(node, other, "旁观者", "observer")
    c.login(other, origin)
    answer = c.call("identity.get", vkey=old.vkey)
    assert answer["status"] == "revoked" and "successor" not in answer
    assert open_entry(answer["revocation"]["entry"]).statement.body["reason"] == (
        "the key may be compromised"
    )
    assert c.call("identity.get", vkey=new.vkey)["status"] == "unknown"


def test_wrong_passphrase_changes_nothing(tmp_path, node, monkeypatch, capsys):
    profile, old, c, _ = profile_in_a_case(tmp_path / "home", node)
    monkeypatch.setenv("JCDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ROTATE_PASS", "wrong")
    code = cli.main(
        ["--profile", profile.name, "keys", "revoke", "--rotate", "--passphrase-env", "ROTATE_PASS"]
    )
    assert code == 1 and "passphrase" in capsys.readouterr().err.lower()
    assert SigningKey.load(profile.key_path, PASS).vkey == old.vkey
    assert not list(profile.folder.glob("identity.key.*"))
    c.call("tlog.submit", entry=make_entry(old, node.info["origin"], case="M-1", body={"n": 1}))
