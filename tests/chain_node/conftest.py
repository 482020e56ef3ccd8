"""Fixtures for the chain node tests: a real node on 127.0.0.1 (ephemeral port), real
WebSockets, real databases (SQLite in tmp_path; PostgreSQL when JCDESK_TEST_PG_URL is set)."""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.client import connect

from chain_node.config import Limits, NodeConfig
from chain_node.server import EmbeddedNode
from ledger.auth import login_message as auth_message
from ledger.keys import SigningKey, key_id_of
from ledger.statement import build_statement, sign_statement
from tests.notes import with_notes

PG_ENV = "JCDESK_TEST_PG_URL"
_LETTERS = str.maketrans("0123456789", "ghijklmnop")


class RpcFail(Exception):
    def __init__(self, error: dict[str, Any]) -> None:
        self.code = error["code"]
        self.data = error.get("data")
        super().__init__(f"{self.code} {error.get('message')}: {self.data}")


class Client:
    """A small synchronous JSON-RPC client over a real WebSocket."""

    def __init__(self, url: str, **kwargs: Any) -> None:
        self.ws = connect(url, max_size=None, **kwargs).__enter__()
        self.ids = itertools.count(1)
        self.notes: list[dict[str, Any]] = []

    def close(self) -> None:
        self.ws.close()

    def send_raw(self, data: Any) -> None:
        self.ws.send(data if isinstance(data, str | bytes) else json.dumps(data))

    def recv_answer(self, timeout: float = 30) -> Any:
        """The next response (notifications are set aside in ``notes``)."""
        while True:
            msg = json.loads(self.ws.recv(timeout))
            if isinstance(msg, dict) and "method" in msg and "id" not in msg:
                self.notes.append(msg)
                continue
            return msg

    def recv_note(self, timeout: float = 10) -> dict[str, Any]:
        if self.notes:
            return self.notes.pop(0)
        msg = json.loads(self.ws.recv(timeout))
        assert "method" in msg, msg
        return msg

    def call(self, method: str, **params: Any) -> Any:
        rid = next(self.ids)
        self.send_raw({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        msg = self.recv_answer()
        assert msg["id"] == rid, msg
        if "error" in msg:
            raise RpcFail(msg["error"])
        return msg["result"]

    def error(self, method: str, **params: Any) -> RpcFail:
        with pytest.raises(RpcFail) as info:
            self.call(method, **params)
        return info.value

    def login(self, key: SigningKey, origin: str) -> Any:
        nonce = self.call("auth.challenge")["nonce"]
        sig = key.sign_raw(auth_message(origin, nonce))
        return self.call("auth.login", vkey=key.vkey, signature=base64.b64encode(sig).decode())


def make_entry(
    key: SigningKey,
    origin: str,
    type_: str = "test.note",
    case: str = "",
    body: dict[str, Any] | None = None,
    time: datetime | None = None,
) -> str:
    statement = build_statement(
        log=origin,
        type=type_,
        case=case,
        actor=key.vkey,
        time=time or datetime.now(UTC),
        body=body if body is not None else {},
    )
    return sign_statement(statement, key).text


def enrol_entry(
    key: SigningKey, origin: str, role: str = "creditor", name: str | None = None
) -> str:
    """An identity.enrol entry; the default name is unique per key (a node refuses a name
    another key holds)."""
    if name is None:  # letters only: a run of digits reads as an ID number to the privacy guard
        name = "Person " + key_id_of(key.public_key).translate(_LETTERS)
    return make_entry(key, origin, "identity.enrol", "", {"name": name, "role": role})


class NodeHandle:
    def __init__(self, embedded: EmbeddedNode) -> None:
        self.embedded = embedded
        self.url = embedded.url
        self.info = embedded.info
        self.origin = self.info["origin"]
        self.clients: list[Client] = []

    def client(self, **kwargs: Any) -> Client:
        c = Client(self.url, **kwargs)
        self.clients.append(c)
        return c

    def person(self, role: str = "creditor", name: str | None = None) -> tuple[SigningKey, Client]:
        """A new enrolled key (the node auto-approves) and a client logged in with it."""
        key = SigningKey.generate()
        c = self.client()
        res = c.call("auth.enrol", entry=enrol_entry(key, self.origin, role, name))
        assert res["status"] == "approved", res
        c.login(key, self.origin)
        return key, c

    def stop(self) -> None:
        for c in self.clients:
            with contextlib.suppress(Exception):
                c.close()
        self.embedded.stop()


def pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        print(
            f"skipping PostgreSQL: set {PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/jcdesk_test)"
        )
        pytest.skip(f"no PostgreSQL: {PG_ENV} is not set")
    return url


def reset_pg(url: str) -> None:
    from chain_node.storage import NodeBase, make_engine

    engine = make_engine(url)
    NodeBase.metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def start_node(tmp_path: Path) -> Iterator[Any]:
    handles: list[NodeHandle] = []

    def start(data: Path | None = None, **kwargs: Any) -> NodeHandle:
        kwargs.setdefault("auto_approve", True)
        kwargs.setdefault("passphrase", "test-passphrase")
        kwargs.setdefault("domains", with_notes())
        limits = kwargs.pop("limits", None) or Limits()
        config = NodeConfig(
            data_dir=data or tmp_path / "node",
            port=0,
            limits=limits,
            **kwargs,
        )
        handle = NodeHandle(EmbeddedNode.start(config))
        handles.append(handle)
        return handle

    yield start
    for h in handles:
        h.stop()


@pytest.fixture
def node(start_node: Any) -> NodeHandle:
    return start_node()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: Any) -> Iterator[str | None]:
    """Each backend in turn: None (SQLite in the node's data directory), then a PostgreSQL
    database of this test's own (others may use the server at the same time)."""
    if request.param == "sqlite":
        yield None
        return
    with own_pg_database() as url:
        yield url


@contextlib.contextmanager
def own_pg_database() -> Iterator[str]:
    """A PostgreSQL database created for one test and dropped after it (others may use the
    server's default database at the same time)."""
    import secrets

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(pg_url())
    name = f"jcd_test_{secrets.token_hex(6)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
