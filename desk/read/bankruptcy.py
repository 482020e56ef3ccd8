"""What the bankruptcy claims pages show: the case list, the claim table as an id list, one
claim's history, and the rule run before signing.

The claim table of a case may hold 100,000 claims, so it is read as Anki's browser reads its
cards (STYLE.md pattern 5): ``claim_ids`` answers a filter (status, group, amount range in fen,
free text, this creditor's own) in one sort with one SQL query over the indexed projection
``bankruptcy_claims``, giving only the ids; ``claim_lines`` gives the rows of a page of ids as
frozen values, for the rows a view shows. Nothing here builds every row of a large case at once.

``claim_detail`` copies one claim out of the store's kept state of the case (its declaration
versions and reviews), never the whole state; ``check`` runs the rule the node will run against
that kept state, under its lock, without copying it (``DeskSession.record`` runs it again when
it signs).

Qt-free, like all of ``desk``.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select

from bankruptcy import types as t
from bankruptcy.projections import BankruptcyCase, ClaimRow, TableVersion
from bankruptcy.state import CaseState, Claim, Objection
from desk.read.entries import Chain, chain_of
from ledger.statement import Statement, parse_entry
from ledger.store.cases import counted
from ledger.store.models import LogEntry, OutboxItem, Receipt
from ledger.store.store import Store

# -- the case list --------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseLine:
    case_id: str
    case_number: str
    court: str
    debtor_name: str
    administrator: str  # the administrator's verifier key
    administrator_name: str
    judge: str
    accepted_on: str
    filing_ends_on: str
    first_meeting_on: str
    claims: int
    table_version: int
    updated_at: str


def _case_line(row: BankruptcyCase) -> CaseLine:
    return CaseLine(
        row.case_id,
        row.case_number,
        row.court,
        row.debtor_name,
        row.administrator,
        row.administrator_name,
        row.judge,
        row.accepted_on,
        row.filing_ends_on,
        row.first_meeting_on,
        row.claims,
        row.table_version,
        row.updated_at,
    )


def cases(store: Store, search: str = "") -> list[CaseLine]:
    """The bankruptcy cases this desktop holds, most recently changed first; ``search`` in the
    case id, the court's case number or the debtor's name. A desk holds few such cases."""
    query = select(BankruptcyCase).order_by(
        BankruptcyCase.updated_at.desc(), BankruptcyCase.case_id
    )
    text = search.strip()
    if text:
        query = query.where(
            or_(
                BankruptcyCase.case_id.icontains(text, autoescape=True),
                BankruptcyCase.case_number.icontains(text, autoescape=True),
                BankruptcyCase.debtor_name.icontains(text, autoescape=True),
            )
        )
    with store.session() as session:
        return [_case_line(row) for row in session.scalars(query)]


def case(store: Store, case_id: str) -> CaseLine | None:
    with store.session() as session:
        row = session.get(BankruptcyCase, case_id)
        return _case_line(row) if row is not None else None


# -- the claim table: ids, then rows on demand ----------------------------------------------

# The columns a claim table sorts on, each answered from an index of ``bankruptcy_claims``
# (the primary key for the claim id; bankruptcy/projections.py for the others).
SORTS = {
    "claim_id": ClaimRow.claim_id,
    "creditor": ClaimRow.creditor_name,
    "status": ClaimRow.status,
    "group": ClaimRow.claim_group,
    "declared": ClaimRow.declared_fen,
    "confirmed": ClaimRow.confirmed_fen,
}
# A review queue shows the claims that wait for the administrator first: declared (never
# reviewed, or amended after the last review), then disputed, then the rest.
QUEUE = "queue"


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims of a case a table shows, and in what order."""

    status: str = ""  # a ``ClaimStatus`` value, "" for any
    group: str = ""  # a ``Group`` value (Art. 82), "" for any
    min_fen: int | None = None  # declared amount at least, in fen
    max_fen: int | None = None  # declared amount at most, in fen
    text: str = ""  # in the claim id or the creditor's name as shown
    creditor: str = ""  # only this key's claims ("my claims"), "" for everyone's
    sort: str = "claim_id"  # a key of ``SORTS``, or ``QUEUE``
    descending: bool = False


def _filtered(
    query: Select[Any], case_id: str, f: ClaimFilter, dialect: str = "sqlite"
) -> Select[Any]:
    query = query.where(ClaimRow.case_id == case_id)
    if f.status:
        query = query.where(ClaimRow.status == f.status)
    if f.group:
        query = query.where(ClaimRow.claim_group == f.group)
    if f.min_fen is not None:
        query = query.where(ClaimRow.declared_fen >= f.min_fen)
    if f.max_fen is not None:
        query = query.where(ClaimRow.declared_fen <= f.max_fen)
    if f.creditor:
        query = query.where(ClaimRow.creditor == f.creditor)
    text = f.text.strip()
    if text:
        # SQLite's LIKE already ignores ASCII case: lower() on 100,000 rows twice costs more
        # than the scan itself; PostgreSQL's LIKE does not, so there it is ILIKE
        if dialect == "sqlite":
            found = or_(
                ClaimRow.claim_id.contains(text, autoescape=True),
                ClaimRow.creditor_name.contains(text, autoescape=True),
            )
        else:
            found = or_(
                ClaimRow.claim_id.icontains(text, autoescape=True),
                ClaimRow.creditor_name.icontains(text, autoescape=True),
            )
        query = query.where(found)
    return query


def _unindexed(column: Any) -> Any:
    """The column as an expression no index answers (``x || ''``, ``x + 0``): when a filter
    on an indexed column selects few claims, the planner should use that filter's index and
    sort what it found, not walk the whole case along the sort column's index."""
    return column.concat("") if column.type.python_type is str else column + 0


def _ids(session: Any, query: Select[Any]) -> list[str]:
    """The first column of ``query``'s rows, fetched by the driver's own cursor: building
    100,000 result rows through the ORM costs twice the query itself."""
    connection = session.connection()
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    params: Any = compiled.construct_params()
    if compiled.positional:
        params = tuple(params[name] for name in compiled.positiontup or ())
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()


def claim_ids(store: Store, case_id: str, f: ClaimFilter = ClaimFilter()) -> list[str]:
    """The ids of the case's claims matching ``f``, in its order: one indexed query, ids only."""
    dialect = store.engine.dialect.name
    query = _filtered(select(ClaimRow.claim_id), case_id, f, dialect)
    if f.sort == QUEUE:
        # three indexed queries rather than one sort of every claim by a computed key: those
        # awaiting review (in the order they came), the disputed ones, then the rest by id
        waiting, disputed = t.ClaimStatus.DECLARED.value, t.ClaimStatus.DISPUTED.value
        parts = [
            query.where(ClaimRow.status == waiting).order_by(ClaimRow.declared_at),
            query.where(ClaimRow.status == disputed).order_by(ClaimRow.declared_at),
            query.where(ClaimRow.status.not_in((waiting, disputed))).order_by(ClaimRow.claim_id),
        ]
        if f.status:  # one status: one part, in the order the claims came
            parts = [query.order_by(ClaimRow.declared_at)]
        with store.session() as session:
            return [claim for part in parts for claim in _ids(session, part)]
    column = SORTS.get(f.sort, ClaimRow.claim_id)
    narrowed = {"status": f.status, "group": f.group}
    if any(value and key != f.sort for key, value in narrowed.items()):
        column = _unindexed(column)
    query = query.order_by(column.desc() if f.descending else column)
    with store.session() as session:
        return _ids(session, query)


def claim_count(store: Store, case_id: str, f: ClaimFilter = ClaimFilter()) -> int:
    query = _filtered(
        select(func.count()).select_from(ClaimRow), case_id, f, store.engine.dialect.name
    )
    with store.session() as session:
        return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class ClaimLine:
    """One row of the claim table, as the projection stores it (a natural person's name is
    masked there already)."""

    claim_id: str
    creditor: str  # the declaring key
    creditor_name: str
    creditor_kind: str
    nature: str
    group: str
    secured: bool
    declared_version: int
    declared_fen: int
    review_version: int  # 0: not reviewed
    confirmed_fen: int | None
    provisional_fen: int | None
    status: str
    late: bool
    objections: int
    declared_at: str


def claim_lines(store: Store, case_id: str, ids: Sequence[str]) -> dict[str, ClaimLine]:
    """The rows of ``ids`` (a page of the id list), by the primary key."""
    if not ids:
        return {}
    columns = (
        ClaimRow.claim_id,
        ClaimRow.creditor,
        ClaimRow.creditor_name,
        ClaimRow.creditor_kind,
        ClaimRow.nature,
        ClaimRow.claim_group,
        ClaimRow.secured,
        ClaimRow.declared_version,
        ClaimRow.declared_fen,
        ClaimRow.review_version,
        ClaimRow.confirmed_fen,
        ClaimRow.provisional_fen,
        ClaimRow.status,
        ClaimRow.late,
        ClaimRow.objections,
        ClaimRow.declared_at,
    )
    query = select(*columns).where(ClaimRow.case_id == case_id, ClaimRow.claim_id.in_(ids))
    with store.session() as session:
        rows = session.execute(query).all()
    return {row[0]: ClaimLine(*row) for row in rows}


@dataclass(frozen=True)
class TableLine:
    version: int
    claims: int
    rows_hash: str
    declared_fen: int
    confirmed_fen: int
    published_at: str


def tables(store: Store, case_id: str) -> list[TableLine]:
    """The published versions of the claim table, newest first."""
    query = (
        select(TableVersion)
        .where(TableVersion.case_id == case_id)
        .order_by(TableVersion.version.desc())
    )
    with store.session() as session:
        return [
            TableLine(
                row.version,
                row.claims,
                row.rows_hash,
                row.declared_fen,
                row.confirmed_fen,
                row.published_at,
            )
            for row in session.scalars(query)
        ]


# -- one claim, and the case as the rules see it ----------------------------------------------


@dataclass(frozen=True)
class ClaimDetail:
    """One claim with its history: every declaration version and review, its objections and
    the chain status of each statement about it."""

    case_id: str
    claim: Claim  # a copy of the kept claim: declarations and reviews by version
    objections: tuple[Objection, ...]
    table: int  # the latest published table version (0: none yet)
    listed: int | None  # the review version that table lists for this claim, if any
    administrator: str
    chain: tuple[tuple[str, str, Chain], ...]  # (type, time, status) of each entry, log order


def _kept_state(store: Store) -> Any:
    cases = store.projections.cases
    assert cases is not None, "a store opened with the installed domains keeps case states"
    return cases


def claim_detail(store: Store, case_id: str, claim_id: str) -> ClaimDetail | None:
    """One claim copied out of the store's kept state (not the whole case: a case may hold
    100,000 claims), with the chain status of the case's entries about it."""
    cases = _kept_state(store)
    with store.session() as session, cases.lock:
        state = cases.slot(session, case_id).state
        if not isinstance(state, CaseState) or claim_id not in state.claims:
            return None
        claim = copy.deepcopy(state.claims[claim_id])
        objections = tuple(state.objections[o] for o in claim.objections)
        table = state.table
        version = table.version if table is not None else 0
        listed = table.rows.get(claim_id) if table is not None else None
        administrator = state.administrator
    mine = _claim_entries(store, case_id, claim_id, claim.objections)
    return ClaimDetail(case_id, claim, objections, version, listed, administrator, tuple(mine))


def _claim_entries(
    store: Store, case_id: str, claim_id: str, objections: Sequence[str]
) -> list[tuple[str, str, Chain]]:
    """(type, time, chain status) of the case's counted entries about one claim, in log order.
    A case may hold 100,000 declarations: the entry texts are narrowed in SQL to those naming
    the claim or one of its objections (quoted, as in the signed JSON), then checked parsed."""
    types = (t.CLAIM_DECLARED, t.CLAIM_REVIEWED, t.OBJECTION_RAISED, t.OBJECTION_ANSWERED)
    names = [claim_id, *objections]
    query = (
        select(
            LogEntry.entry,
            LogEntry.source,
            OutboxItem.state,
            OutboxItem.chain_index,
            OutboxItem.reason,
            Receipt.chain_index,
            Receipt.on_chain_time,
        )
        .outerjoin(OutboxItem, OutboxItem.leaf_hash == LogEntry.leaf_hash)
        .outerjoin(Receipt, Receipt.leaf_hash == LogEntry.leaf_hash)
        .where(LogEntry.case_id == case_id, LogEntry.type.in_(types), counted())
        .where(or_(*(LogEntry.entry.contains(f'"{name}"', autoescape=True) for name in names)))
        .order_by(LogEntry.seq)
    )
    with store.session() as session:
        rows = session.execute(query).all()
    found = []
    for text, source, state, index, reason, r_index, on_chain in rows:
        statement = parse_entry(text).statement
        body = statement.body
        if body.get("claim_id") == claim_id or body.get("objection_id") in objections:
            chain = chain_of(source, state, index, reason, r_index, on_chain)
            found.append((statement.type, statement.time, chain))
    return found


def check(store: Store, statement: Statement) -> None:
    """Run the rule the node will run on ``statement`` against the case as this desktop keeps
    it (``ContractViolation`` with the article); nothing is signed or stored."""
    cases = _kept_state(store)
    with store.session() as session, cases.lock:
        store.registry.check(cases.slot(session, statement.case), statement)


def next_table(store: Store, case_id: str) -> dict[str, Any] | None:
    """The body of the claim table the administrator publishes next, computed from the kept
    state as the node computes it (None: no such case here)."""
    from bankruptcy.services import table_body

    cases = _kept_state(store)
    with store.session() as session, cases.lock:
        state = cases.slot(session, case_id).state
        if not isinstance(state, CaseState) or state.accepted is None:
            return None
        return table_body(state)


def claims_of(store: Store, case_id: str, creditor: str) -> list[str]:
    """The ids of the claims ``creditor`` declared in the case, by id (for the next id)."""
    return claim_ids(store, case_id, ClaimFilter(creditor=creditor))
