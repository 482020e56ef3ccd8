"""A bankruptcy case built from real keys and statements: the bodies each step signs, and the
case's state as the accepted statements leave it (to compute the next claim table)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bankruptcy import types as t
from bankruptcy.codes import code_hash
from bankruptcy.domain import DOMAIN
from bankruptcy.state import CaseState, next_table
from casework.typed import to_json
from ledger.domain import CaseSlot, Registry
from ledger.keys import SigningKey
from ledger.statement import Statement, build_statement

LOG = "court.example/log"
CASE = "BK-2026-0007"
CASE_NUMBER = "(2026)京01破12号"
CREDIT_CODE = "911000001000013428"  # all digits: the privacy guard reads it as an ID number
EVIDENCE = [{"name": "借款合同.pdf", "sha256": "ab" * 32, "size": 20480}]
REGISTRY = Registry([DOMAIN])


def china_today() -> date:
    return (datetime.now(UTC) + timedelta(hours=8)).date()


@dataclass
class Plan:
    judge: SigningKey = field(default_factory=SigningKey.generate)
    administrator: SigningKey = field(default_factory=SigningKey.generate)
    bank: SigningKey = field(default_factory=SigningKey.generate)  # 某银行, an organisation
    person: SigningKey = field(default_factory=SigningKey.generate)  # 张三, a natural person
    debtor: SigningKey = field(default_factory=SigningKey.generate)  # the debtor's representative
    case: str = CASE
    accepted_on: date = field(default_factory=lambda: china_today() - timedelta(days=10))
    slot: CaseSlot = field(default_factory=lambda: CaseSlot(CASE))
    history: list[Statement] = field(default_factory=list)  # what the case accepted

    @property
    def announced_on(self) -> date:
        return self.accepted_on + timedelta(days=5)

    @property
    def filing_ends_on(self) -> date:
        return self.announced_on + timedelta(days=40)

    @property
    def state(self) -> CaseState:
        return self.slot.state

    # -- the bodies --------------------------------------------------------------------------

    def accepted(self, **overrides: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "court": "北京市第一中级人民法院",
            "case_number": CASE_NUMBER,
            "debtor_name": "北京某机械制造有限公司",
            "debtor_code_hash": code_hash(CASE_NUMBER, CREDIT_CODE),
            "administrator": self.administrator.vkey,
            "administrator_name": "某律师事务所",
            "accepted_on": self.accepted_on.isoformat(),
            "announced_on": self.announced_on.isoformat(),
            "filing_ends_on": self.filing_ends_on.isoformat(),
            "first_meeting_on": (self.filing_ends_on + timedelta(days=10)).isoformat(),
            "debtor_key": self.debtor.vkey,
            "members": [self.administrator.vkey, self.debtor.vkey],
        }
        body.update(overrides)
        return {k: v for k, v in body.items() if v is not None}

    def periods(self, announced: date, filing_ends: date, meeting: date) -> dict[str, Any]:
        return self.accepted(
            accepted_on=announced.isoformat(),
            announced_on=announced.isoformat(),
            filing_ends_on=filing_ends.isoformat(),
            first_meeting_on=meeting.isoformat(),
        )

    def invited(self, *keys: SigningKey, **overrides: Any) -> dict[str, Any]:
        known = {
            self.bank.vkey: ("某商业银行股份有限公司", "organisation"),
            self.person.vkey: ("张三", "person"),
        }
        creditors = []
        for key in keys:
            name, kind = known.get(key.vkey, ("某供应商有限公司", "organisation"))
            creditors.append({"key": key.vkey, "name": name, "kind": kind})
        body: dict[str, Any] = {"creditors": creditors, "members": [k.vkey for k in keys]}
        body.update(overrides)
        return body

    def declared(
        self,
        claim_id: str = "C1",
        version: int = 1,
        principal: int = 1_000_000_00,
        interest: int = 5_000_00,
        other: int = 0,
        **overrides: Any,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "claim_id": claim_id,
            "version": version,
            "principal_fen": principal,
            "interest_fen": interest,
            "other_fen": other,
            "nature": "ordinary",
            "secured": False,
            "joint": False,
            "guaranteed": False,
            "documents": EVIDENCE,
            "facts": "2025年借款一百万元，到期未还。",
        }
        if interest:
            body["interest_until"] = self.accepted_on.isoformat()
        body.update(overrides)
        return {k: v for k, v in body.items() if v is not None}

    def reviewed(
        self,
        claim_id: str = "C1",
        review: int = 1,
        declaration: int = 1,
        principal: tuple[str, int] | None = None,
        interest: tuple[str, int] | None = None,
        other: tuple[str, int] | None = None,
        **overrides: Any,
    ) -> dict[str, Any]:
        """Each amount as declared and confirmed unless given as (outcome, amount)."""
        declared = self.state.claims[claim_id].declarations[declaration]
        items = []
        for item, given in (("principal", principal), ("interest", interest), ("other", other)):
            outcome, amount = given or ("confirmed", declared.amount(t.Item(item)))
            entry: dict[str, Any] = {"item": item, "outcome": outcome, "amount_fen": amount}
            if outcome != "confirmed":
                entry["reason"] = "经审查，部分利息计算有误"
            items.append(entry)
        body: dict[str, Any] = {
            "claim_id": claim_id,
            "review": review,
            "declaration": declaration,
            "items": items,
            "nature": declared.nature.value,
            "secured": declared.secured,
        }
        body.update(overrides)
        return body

    def table(self, **overrides: Any) -> dict[str, Any]:
        body = to_json(next_table(self.state))
        body.update(overrides)
        return body

    def objection(self, claim_id: str = "C1", table: int = 1, oid: str = "O1") -> dict[str, Any]:
        return {
            "objection_id": oid,
            "claim_id": claim_id,
            "table": table,
            "reasons": "该债权已部分清偿，金额不实",
            "legal_basis": "《企业破产法》第五十八条",
        }

    # -- the state ---------------------------------------------------------------------------

    def statement(
        self, key: SigningKey, type_: str, body: dict[str, Any], at: datetime | None = None
    ) -> Statement:
        return build_statement(
            log=LOG,
            type=type_,
            case=self.case,
            actor=key.vkey,
            time=at or datetime.now(UTC),
            body=body,
        )

    def check(self, statement: Statement) -> Any:
        """The registry's check against the plan's state (raises ContractViolation)."""
        return REGISTRY.check(self.slot, statement)

    def add(self, statement: Statement) -> Statement:
        """Check and apply: the statement is part of the case from now on."""
        parsed = self.check(statement)
        REGISTRY.apply(self.slot, statement, parsed)
        self.history.append(statement)
        return statement

    def do(
        self, key: SigningKey, type_: str, body: dict[str, Any], at: datetime | None = None
    ) -> Statement:
        return self.add(self.statement(key, type_, body, at))
