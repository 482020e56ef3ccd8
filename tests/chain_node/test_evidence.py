"""Encrypted evidence over a real node (docs/protocol.md, "Encrypted evidence (our addition)").

A creditor seals a file for the administrator and the court and uploads it in parts
(``chain_client.evidence`` over real WebSockets); the administrator decrypts it and the hash
matches the one the creditor signed in the case; another creditor, not a recipient, is
refused, and after the creditor shares the file (its key re-wrapped, not the file re-sent) it
can read it; the node's SQLite file holds no plaintext. Also: the published key statement's
shape, and the node's refusals (non-members, outsiders as recipients, sizes).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bankruptcy import types as t
from casework import evidence as ev
from chain_client import evidence as client_ev
from chain_client.errors import RemoteError
from chain_client.rpc import RpcClient
from chain_node.config import Limits
from ledger.auth import login_message
from ledger.keys import SigningKey
from ledger.statement import open_entry
from tests.chain_node.conftest import NodeHandle, RpcFail, make_entry
from tests.chain_node.test_bankruptcy_rules import court

CASE = "（2026）京01破7号"
MARKER = b"PLAINTEXT-MARKER-7f3a"
X = base64.b64encode(bytes(32)).decode()  # a well-formed X25519 key field


def open_case(node: NodeHandle, roles: tuple[str, ...]) -> list[tuple[SigningKey, Any]]:
    """People with the given roles, all members of CASE (opened by the first)."""
    people = [node.person(role) for role in roles]
    opener, c = people[0]
    members = [k.vkey for k, _ in people[1:]]
    c.call("tlog.submit", entry=make_entry(opener, node.origin, "test.case.opened", CASE,
                                          {"members": members}))  # fmt: skip
    return people


async def logged_in(node: NodeHandle, key: SigningKey) -> RpcClient:
    rpc = await RpcClient.connect(node.url, max_size=8 * 1024 * 1024)
    nonce = (await rpc.call("auth.challenge"))["nonce"]
    sig = base64.b64encode(key.sign_raw(login_message(node.origin, nonce))).decode()
    await rpc.call("auth.login", {"vkey": key.vkey, "signature": sig})
    return rpc


def test_evidence_travels_sealed_to_the_administrator_and_the_court(node: NodeHandle) -> None:
    people = open_case(node, ("creditor", "administrator", "judge", "creditor"))
    (creditor, _), (admin, _), (judge, _), (other, _) = people
    # a 2.5 MiB scan with a marker in each chunk: three parts on the wire
    data = (MARKER + os.urandom(4096)) * 620
    sha = hashlib.sha256(data).hexdigest()
    now = datetime.now(UTC)

    async def scenario() -> None:
        rpcs = {k.vkey: await logged_in(node, k) for k, _ in people}
        try:
            for key, _ in people:  # every desk publishes its key once; the second time: nothing
                assert await client_ev.publish_encryption_key(rpcs[key.vkey], key, node.origin, now)
                assert (
                    await client_ev.publish_encryption_key(rpcs[key.vkey], key, node.origin, now)
                    is None
                )
            cr = rpcs[creditor.vkey]
            # the creditor signs the file's hash in the case, then uploads the sealed file
            deposit = make_entry(creditor, node.origin, "evidence.deposited", CASE,
                                 {"documents": [{"name": "借款合同.pdf", "sha256": sha,
                                                 "size": len(data)}]})  # fmt: skip
            await cr.call("tlog.submit", {"entry": deposit})
            sealed = await client_ev.upload(
                cr, creditor, node.origin, data, case=CASE, readers=[admin.vkey, judge.vkey]
            )
            assert sealed.sha256 == sha and len(sealed.blob) > 2 * client_ev.PART_BYTES

            # the administrator takes the hash from the creditor's signed statement
            entries = (await rpcs[admin.vkey].call("case.entries", {"case": CASE}))["entries"]
            signed = [open_entry(e["entry"]).statement for e in entries]
            declared = next(s for s in signed if s.type == "evidence.deposited")
            doc = declared.body["documents"][0]
            assert declared.actor == creditor.vkey
            got = await client_ev.open_evidence(
                rpcs[admin.vkey], admin, case=CASE, sha256=doc["sha256"], name=doc["name"]
            )
            assert got == data
            assert await client_ev.open_evidence(
                rpcs[judge.vkey], judge, case=CASE, sha256=sha, name="x"
            ) == data  # fmt: skip

            # another creditor, a member but not a recipient, is refused by the node
            with pytest.raises(RemoteError) as refused:
                await client_ev.open_evidence(rpcs[other.vkey], other, case=CASE, sha256=sha,
                                              name="x")  # fmt: skip
            assert refused.value.code == -32004
            # only the uploader shares
            with pytest.raises(RemoteError):
                await client_ev.share(rpcs[admin.vkey], admin, node.origin, case=CASE,
                                      sha256=sha, readers=[other.vkey])  # fmt: skip
            # sharing for cross-examination: the key re-wrapped, the file not sent again
            assert (
                await client_ev.share(
                    cr, creditor, node.origin, case=CASE, sha256=sha, readers=[other.vkey]
                )
                == 4
            )
            assert await client_ev.open_evidence(
                rpcs[other.vkey], other, case=CASE, sha256=sha, name="x"
            ) == data  # fmt: skip
        finally:
            for rpc in rpcs.values():
                await rpc.close()

    asyncio.run(scenario())
    # the node keeps ciphertext only: no chunk's marker is in its database files
    stored = b"".join(
        p.read_bytes() for p in (node.embedded._config.data_dir).glob("node.db*") if p.is_file()
    )
    assert len(stored) > len(data)  # the ciphertext is there ...
    assert MARKER not in stored  # ... and the plaintext is not


def test_the_node_refuses_what_it_must(start_node: Any, db_url: str | None) -> None:
    limits = Limits(evidence_file_bytes=4096, evidence_part_bytes=1024)
    node = start_node(database_url=db_url, limits=limits)
    people = open_case(node, ("creditor", "administrator"))
    (creditor, cc), (admin, ac) = people
    outsider, oc = node.person("creditor")
    x_pub = base64.b64encode(ev.public_bytes(ev.encryption_key(creditor))).decode()
    own = {"recipient": creditor.vkey, "key": x_pub, "wrap": base64.b64encode(b"w" * 80).decode()}
    sha = "ab" * 32
    put = {"case": CASE, "sha256": sha, "size": 2000, "offset": 0, "wraps": [own]}

    def data(n: int) -> str:
        return base64.b64encode(b"c" * n).decode()

    # not a member of the case; the public space holds no evidence
    assert oc.error("evidence.put", **put, data=data(10)).code == -32004
    assert cc.error("evidence.put", **{**put, "case": ""}, data=data(10)).code == -32004
    # an outsider as a recipient; no wrap for the uploader itself
    stranger = {**own, "recipient": outsider.vkey}
    assert cc.error("evidence.put", **{**put, "wraps": [own, stranger]}, data=data(10)).code == (
        -32004
    )
    admin_wrap = {**own, "recipient": admin.vkey}
    assert cc.error("evidence.put", **{**put, "wraps": [admin_wrap]}, data=data(10)).code == -32602
    # sizes: a file over the limit, a part over the limit
    assert cc.error("evidence.put", **{**put, "size": 5000}, data=data(10)).code == -32602
    assert cc.error("evidence.put", **put, data=data(1025)).code == -32602
    # parts in order; the file is served only once complete
    assert cc.call("evidence.put", **put, data=data(1000)) == {"received": 1000, "complete": False}
    assert ac.error("evidence.get", case=CASE, sha256=sha).code == -32004
    rest = {k: v for k, v in put.items() if k != "wraps"}
    assert cc.error("evidence.put", **{**rest, "offset": 1500}, data=data(500)).code == -32602
    assert cc.call("evidence.put", **{**rest, "offset": 1000}, data=data(1000))["complete"]
    # the same file from another member of the case: refused, the first stays
    assert ac.error("evidence.put", **{**put, "wraps": [admin_wrap]}, data=data(10)).code == (
        -32003
    )
    # the uploader reads its own; the administrator, not a recipient, does not
    got = cc.call("evidence.get", case=CASE, sha256=sha)
    assert got["next"] == 1000 and got["wrap"]["recipient"] == creditor.vkey
    assert ac.error("evidence.get", case=CASE, sha256=sha).code == -32004


def test_the_encryption_key_statement_is_checked(node: NodeHandle) -> None:
    key, c = node.person("creditor")
    good = ev.encryption_key_entry(key, node.origin, datetime.now(UTC)).text
    assert c.call("tlog.submit", entry=good)["index"] > 0
    found = c.call("evidence.recipient_key", vkey=key.vkey)
    assert found["entry"] == good
    for body, case in (({"key": "AAAA"}, ""), ({"key": X, "extra": 1}, ""), ({"key": X}, CASE)):
        with pytest.raises(RpcFail) as info:
            c.call("tlog.submit", entry=make_entry(key, node.origin, "identity.encryption_key",
                                                   case, body))  # fmt: skip
        assert info.value.code in (-32003, -32004)
    # another identity.* type is still refused at submit
    with pytest.raises(RpcFail) as info:
        c.call("tlog.submit", entry=make_entry(key, node.origin, "identity.approved", "", {}))
    assert info.value.code == -32003
    assert c.call("evidence.recipient_key", vkey=SigningKey.generate().vkey) == {}


def test_the_administrator_checks_the_file_against_the_declaration(start_node: Any) -> None:
    """A bankruptcy case on a node with the installed domains: the bank declares its claim with
    the contract's hash (EBL Art. 49) and uploads the contract for the administrator and the
    court; the administrator opens it against the declaration's hash. A second document whose
    uploaded bytes are not the declared ones is refused by name and not shown."""
    c = court(start_node)
    p = c.plan
    c.submit(p.judge, t.CASE_ACCEPTED, p.accepted())
    c.submit(p.administrator, t.CREDITORS_INVITED, p.invited(p.bank, p.person))
    contract = MARKER + "借款合同：借款一百万元。".encode() * 50
    forged_sha = hashlib.sha256(b"the receipt as declared").hexdigest()
    documents = [
        {"name": "借款合同.pdf", "sha256": hashlib.sha256(contract).hexdigest(),
         "size": len(contract)},
        {"name": "收据.pdf", "sha256": forged_sha, "size": 23},
    ]  # fmt: skip
    c.submit(p.bank, t.CLAIM_DECLARED, p.declared(documents=documents))
    node, now = c.node, datetime.now(UTC)

    async def scenario() -> None:
        bank, admin, judge = [await logged_in(node, k) for k in (p.bank, p.administrator, p.judge)]
        try:
            for rpc, key in ((bank, p.bank), (admin, p.administrator), (judge, p.judge)):
                await client_ev.publish_encryption_key(rpc, key, node.origin, now)
            readers = [p.administrator.vkey, p.judge.vkey]
            await client_ev.upload(bank, p.bank, node.origin, contract, case=p.case,
                                   readers=readers)  # fmt: skip
            # the receipt: other bytes sealed under the declared hash (a dishonest uploader)
            keys = await client_ev.recipient_keys(bank, [p.bank.vkey, *readers], node.origin)
            file_key = bytes(32)
            blob = AESGCM(file_key).encrypt(
                ev._nonce(0), b"another receipt", ev._chunk_aad(p.case, forged_sha, 0, True)
            )
            wraps = ev.wrap_for(file_key, case=p.case, sha256=forged_sha, recipients=keys)
            await bank.call("evidence.put", {
                "case": p.case, "sha256": forged_sha, "size": len(blob), "offset": 0,
                "data": base64.b64encode(blob).decode(), "wraps": [w.to_json() for w in wraps],
            })  # fmt: skip

            # the administrator's desk: the hashes come from the creditor's signed declaration
            entries = (await admin.call("case.entries", {"case": p.case}))["entries"]
            declared = next(
                s
                for s in (open_entry(e["entry"]).statement for e in entries)
                if s.type == t.CLAIM_DECLARED
            )
            assert declared.actor == p.bank.vkey
            first, second = declared.body["documents"]
            got = await client_ev.open_evidence(
                admin, p.administrator, case=p.case, sha256=first["sha256"], name=first["name"]
            )
            assert got == contract
            with pytest.raises(ev.EvidenceMismatchError, match="收据") as info:
                await client_ev.open_evidence(
                    admin, p.administrator, case=p.case, sha256=second["sha256"],
                    name=second["name"],
                )  # fmt: skip
            assert "another receipt" not in str(info.value)
            assert await client_ev.open_evidence(
                judge, p.judge, case=p.case, sha256=first["sha256"], name=first["name"]
            ) == contract  # fmt: skip
            # the other creditor, invited to the case but no recipient, is refused
            person = await logged_in(node, p.person)
            try:
                with pytest.raises(RemoteError) as refused:
                    await client_ev.download(person, case=p.case, sha256=first["sha256"])
                assert refused.value.code == -32004
            finally:
                await person.close()
        finally:
            for rpc in (bank, admin, judge):
                await rpc.close()

    asyncio.run(scenario())


def test_evidence_and_keys_survive_a_restart_with_a_full_fsck(
    start_node: Any, tmp_path: Path
) -> None:
    """The evidence tables are not derived from the log: a full start leaves them alone (and
    the logged identity.encryption_key entries pass its derivation); a file stays readable."""
    data_dir = tmp_path / "node"
    node = start_node(data_dir)
    (creditor, _), (admin, _) = open_case(node, ("creditor", "administrator"))
    now = datetime.now(UTC)

    async def upload() -> str:
        rpcs = [await logged_in(node, k) for k in (creditor, admin)]
        try:
            for rpc, key in zip(rpcs, (creditor, admin), strict=True):
                await client_ev.publish_encryption_key(rpc, key, node.origin, now)
            sealed = await client_ev.upload(rpcs[0], creditor, node.origin, MARKER, case=CASE,
                                            readers=[admin.vkey])  # fmt: skip
            return sealed.sha256
        finally:
            for rpc in rpcs:
                await rpc.close()

    sha = asyncio.run(upload())
    node.stop()
    again = start_node(data_dir, fsck="full")

    async def read() -> bytes:
        rpc = await logged_in(again, admin)
        try:
            return await client_ev.open_evidence(rpc, admin, case=CASE, sha256=sha, name="x")
        finally:
            await rpc.close()

    assert asyncio.run(read()) == MARKER
