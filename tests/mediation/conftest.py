"""A small mediation case built from real statements (keys, canonical JSON, no signing)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ledger.keys import SigningKey
from ledger.statement import Statement, build_statement
from mediation import types as t
from mediation.agreement import content_hash

LOG = "court.example/log"
CASE = "MED-2026-0042"
T0 = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)


@dataclass
class Case:
    mediator: SigningKey = field(default_factory=SigningKey.generate)
    lender: SigningKey = field(default_factory=SigningKey.generate)  # 张三, applicant
    borrower: SigningKey = field(default_factory=SigningKey.generate)  # 李四, respondent
    history: list[Statement] = field(default_factory=list)
    clock: datetime = T0

    def make(
        self,
        key: SigningKey,
        type_: str,
        body: dict[str, Any],
        case: str = CASE,
        at: datetime | None = None,
    ) -> Statement:
        self.clock = at or self.clock + timedelta(minutes=1)
        return build_statement(
            log=LOG, type=type_, case=case, actor=key.vkey, time=self.clock, body=body
        )

    def add(self, statement: Statement) -> Statement:
        self.history.append(statement)
        return statement

    def opened(self, **overrides: Any) -> Statement:
        body = {
            "dispute_type": "民间借贷纠纷",
            "summary": "借款十万元到期未还",
            "organisation": "朝阳区人民调解委员会",
            "mediator_name": "王调解",
            "parties": [
                {
                    "id": "p1",
                    "role": "applicant",
                    "kind": "person",
                    "name": "张三",
                    "key": self.lender.vkey,
                    "id_type": "resident_id",
                    "id_hash": "a" * 64,
                },
                {
                    "id": "p2",
                    "role": "respondent",
                    "kind": "person",
                    "name": "李四",
                    "key": self.borrower.vkey,
                },
            ],
            "members": [self.lender.vkey, self.borrower.vkey],
        }
        body.update(overrides)
        return self.make(self.mediator, t.CASE_OPENED, body)

    def content(self, **overrides: Any) -> dict[str, Any]:
        content = {
            "parties": ["p1", "p2"],
            "facts": "2025年3月李四向张三借款十万元，约定一年内归还。",
            "disputes": "借款本金及利息的归还。",
            "responsibilities": "李四应归还借款；张三同意免除利息。",
            "terms": "李四分两期归还本金十万元。",
            "obligations": [
                {
                    "id": "o1",
                    "obligor": "p2",
                    "obligee": "p1",
                    "amount_fen": 10_000_000,
                    "manner": "银行转账",
                    "grace_days": 3,
                    "instalments": [
                        {"seq": 1, "amount_fen": 6_000_000, "deadline": "2026-12-31"},
                        {"seq": 2, "amount_fen": 4_000_000, "deadline": "2027-03-31"},
                    ],
                }
            ],
            "enforcement_consent": True,
        }
        content.update(overrides)
        return content

    def proposed(self, version: int = 1, **overrides: Any) -> Statement:
        content = self.content(**overrides)
        return self.make(
            self.mediator,
            t.AGREEMENT_PROPOSED,
            {
                "agreement_id": "A1",
                "version": version,
                "content": content,
                "content_hash": content_hash(content),
            },
        )

    def signed(self, key: SigningKey, version: int = 1, hash_: str | None = None) -> Statement:
        latest = [s for s in self.history if s.type == t.AGREEMENT_PROPOSED][-1]
        return self.make(
            key,
            t.AGREEMENT_SIGNED,
            {
                "agreement_id": "A1",
                "version": version,
                "content_hash": hash_ or latest.body["content_hash"],
            },
        )

    def effective(self) -> None:
        self.add(self.opened())
        self.add(self.proposed())
        for key in (self.lender, self.borrower, self.mediator):
            self.add(self.signed(key))


@pytest.fixture
def case() -> Case:
    return Case()
