"""The whole check behind the Verify page: this desktop's records first, then the node's
``verify.hash``, every receipt verified offline, merged into one ``Report``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from chain_client.errors import ChainAlarm, ChainError, NodeUnreachable
from chain_client.lookup import node_rpc
from desk.rotation import revoked_keys
from desk.verify.findings import Match, NodeState, Report, describe
from desk.verify.matching import ask_node, local_matches, match_receipt_file
from desk.verify.records import NotPinned, Verifiers, enrolled_names, pinned_keys
from desk.verify.subject import Kind, Subject
from ledger.errors import LedgerError
from ledger.store.store import Store

if TYPE_CHECKING:
    from chain_client.sync import ChainClient

Me = tuple[str, str, str]  # this profile's (vkey, display name, role)


def pinned_verifiers(store: Store, client: ChainClient | None = None) -> Verifiers:
    """The log and witness keys this desktop pinned (PROTOCOL.md 5.1): the running client's,
    else the ones stored with the pin, so that receipts verify with the node out of reach."""
    if client is not None and client.tracker is not None:
        return client.verifiers
    return pinned_keys(store)


def known_names(
    store: Store | None, actors: Iterable[str], me: Me | None = None
) -> dict[str, tuple[str, str]]:
    """Enrolled (name, role) per actor from the Identity projection, and this profile's own."""
    wanted = set(actors)
    names = enrolled_names(store, wanted) if store is not None else {}
    if me is not None and me[0] in wanted and me[0] not in names:
        names[me[0]] = (me[1], me[2])
    return names


def check_offline(
    store: Store,
    subject: Subject,
    verifiers: Verifiers,
    *,
    entry_text: str | None = None,
    me: Me | None = None,
    revoked: Mapping[str, int] | None = None,
) -> Report:
    """What this desktop can say alone: a receipt file in full, other files from its records.
    ``revoked``: the revocations this desktop holds (``DeskSession.revoked_keys``)."""
    if subject.kind is Kind.RECEIPT:
        if subject.receipt is None:
            return Report(subject, (), NodeState.NOT_ASKED, problem=subject.problem)
        matches = [match_receipt_file(subject.receipt, verifiers, store, entry_text)]
        return _report(store, subject, matches, None, NodeState.NOT_ASKED, None, me, revoked)
    matches = local_matches(store, verifiers, subject.query)
    return _report(store, subject, matches, subject.query, NodeState.UNREACHABLE, None, me, revoked)


async def check(
    client: ChainClient,
    subject: Subject,
    *,
    entry_text: str | None = None,
    me: Me | None = None,
    timeout: float = 20.0,
) -> Report:
    """The whole check for the verify page (run on the network thread): this desktop's records
    and receipts first, then the node's ``verify.hash``, every receipt verified offline. A node
    out of reach is reported, never fatal."""
    store = client.store
    try:
        verifiers = pinned_verifiers(store, client)
    except NotPinned as exc:
        return Report(subject, (), NodeState.NOT_ASKED, problem=exc)
    # node-signed revocations held with a receipt: the store's (a revocation made by
    # desk.rotation beside the running client) and the ones the client verified
    revoked: dict[str, int] = {}
    if client.pin is not None:
        revoked = revoked_keys(store, client.pin.node_vkey) | client.revocations()
    if subject.kind is Kind.RECEIPT:
        return check_offline(
            store, subject, verifiers, entry_text=entry_text, me=me, revoked=revoked
        )
    matches = local_matches(store, verifiers, subject.query)
    node_state, node_problem = NodeState.ANSWERED, None
    try:
        async with node_rpc(client) as rpc:
            found = await ask_node(
                rpc,
                subject.query.hex(),
                verifiers,
                store,
                entry=subject.entry,
                timeout=timeout,
            )
            # The checkpoints the node showed us must fit the history this desktop verified.
            for match in found:
                if match.checkpoint is not None:
                    await client.observe_checkpoint(match.checkpoint.note_text, rpc)
        matches += found
    except ChainAlarm:
        raise  # a split view is not "unreachable": the sync shows the alarm
    except (NodeUnreachable, ChainError, OSError, TimeoutError) as exc:
        node_state = NodeState.UNREACHABLE
        node_problem = (
            exc
            if isinstance(exc, LedgerError)
            else NodeUnreachable(url=client.config.url, detail=str(exc) or type(exc).__name__)
        )
    return _report(store, subject, matches, subject.query, node_state, node_problem, me, revoked)


def _report(
    store: Store,
    subject: Subject,
    matches: list[Match],
    query: bytes | None,
    node: NodeState,
    node_problem: LedgerError | None,
    me: Me | None,
    revoked: Mapping[str, int] | None = None,
) -> Report:
    actors = [m.entry.statement.actor for m in matches if m.entry is not None]
    names = known_names(store, actors, me)
    findings = describe(matches, query, names, me[0] if me else None, revoked)
    return Report(subject, tuple(findings), node, node_problem, subject.problem)
