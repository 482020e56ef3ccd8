"""``python main.py demo``: a working system at once, with demonstration data.

Seeds, in a separate data folder (``<data>/demo``), an embedded node and three profiles — a
mediator and two parties — and one mediation case taken through a session record to an
agreement in effect, plus an evidence deposit. The demo passphrase is printed: demo profiles
are for trying the app, never for real cases.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from casework import private
from desk.embedded import start_or_attach
from desk.network import NetworkThread
from desk.session import DeskSession
from ledger.keys import SigningKey
from ledger.profile import Profile, Settings, embedded_node_folder
from ledger.store.models import LogEntry, OutboxItem
from mediation import services
from mediation.agreement import CHINA_TIME

DEMO_PASSPHRASE = "demo-passphrase-2026"
PEOPLE = (
    ("mediator", "王调解员", "mediator"),
    ("zhang", "张三", "party"),
    ("li", "李四", "party"),
)


@dataclass(frozen=True)
class Demo:
    home: Path
    profiles: tuple[str, ...]
    passphrase: str
    case_id: str


def _wait(predicate: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"demo: {what} did not happen within {timeout:.0f} s")
        time.sleep(0.05)


def _settled(session: DeskSession) -> bool:
    with session.store.session() as s:
        return not s.scalar(
            select(func.count()).select_from(OutboxItem).where(OutboxItem.state != "confirmed")
        )


def _has(session: DeskSession, kind: str, count: int = 1) -> bool:
    with session.store.session() as s:
        return (
            s.scalar(select(func.count()).select_from(LogEntry).where(LogEntry.type == kind)) or 0
        ) >= count


def seed(home: Path) -> Demo:
    """Create the demo profiles and case in ``home`` (idempotent: an existing demo is kept)."""
    names = tuple(p[0] for p in PEOPLE)
    if all(Profile.named(n, home=home).is_set_up for n in names):
        return Demo(home, names, DEMO_PASSPHRASE, "")
    node = start_or_attach(embedded_node_folder(home))
    network = NetworkThread().start()
    desks: dict[str, DeskSession] = {}
    try:
        for name, display, role in PEOPLE:
            profile = Profile.named(name, home=home)
            profile.save_settings(Settings(display_name=display, role=role))
            key = SigningKey.generate()
            key.save(profile.key_path, DEMO_PASSPHRASE)
            desk = DeskSession.open(profile, key, network, node.url)
            desk.enrol().result(60)
            desk.start_sync()
            desks[name] = desk
        mediator, zhang, li = desks["mediator"], desks["zhang"], desks["li"]
        for desk in desks.values():
            _wait(lambda d=desk: _origin_known(d), "connecting to the node")
        now = mediator.clock.now()
        case_id = services.new_case_id(now)
        prepared = services.open_case(
            mediator,
            case_id=case_id,
            dispute_type="民间借贷纠纷",
            summary="李四向张三借款十万元，到期未还。",
            organisation="朝阳区人民调解委员会",
            mediator_name="王调解员",
            parties=[
                services.PartyInput(
                    "p1",
                    "张三",
                    "applicant",
                    id_number="110101199003071234",
                    address="北京市朝阳区建国路1号",
                    key=zhang.key.vkey,
                ),
                services.PartyInput(
                    "p2",
                    "李四",
                    "respondent",
                    id_number="110105198805124321",
                    address="北京市朝阳区望京街9号",
                    key=li.key.vkey,
                ),
            ],
        )
        mediator.record(prepared.statement, also=lambda s: private.save(s, prepared.private_rows))
        past = services.load(mediator.store, case_id)
        mediator.record(
            services.disclose(mediator, past, case_id, False, "与双方当事人均无利害关系。")
        )
        past = services.load(mediator.store, case_id)
        mediator.record(
            services.record_session(
                mediator,
                past,
                case_id,
                start=now - timedelta(hours=2),
                end=now - timedelta(hours=1),
                participants=["王调解员", "张三", "李四"],
                notes="双方同意分两期归还本金。",
                statements=[
                    services.SpokenStatement("p1", "要求李四归还借款本金十万元。"),
                    services.SpokenStatement("p2", "同意归还，请求分期并免除利息。"),
                    services.SpokenStatement("p1", "为尽快了结，同意免除利息。", concession=True),
                ],
            )
        )
        deadline = (now.astimezone(CHINA_TIME) + timedelta(days=60)).date().isoformat()
        second = (now.astimezone(CHINA_TIME) + timedelta(days=150)).date().isoformat()
        content = {
            "parties": ["p1", "p2"],
            "facts": "2025年3月1日，李四向张三借款人民币十万元，约定一年内归还，到期未还。",
            "disputes": "借款本金及利息的归还。",
            "responsibilities": "李四应归还借款本金；张三同意免除利息。",
            "terms": "李四分两期向张三归还借款本金共计人民币十万元，张三放弃利息请求。",
            "obligations": [
                {
                    "id": "o1",
                    "obligor": "p2",
                    "obligee": "p1",
                    "amount_fen": 10_000_000,
                    "manner": "银行转账至张三指定账户",
                    "grace_days": 3,
                    "instalments": [
                        {"seq": 1, "amount_fen": 6_000_000, "deadline": deadline},
                        {"seq": 2, "amount_fen": 4_000_000, "deadline": second},
                    ],
                }
            ],
            "enforcement_consent": True,
        }
        past = services.load(mediator.store, case_id)
        mediator.record(services.propose_agreement(mediator, past, case_id, content))
        _wait(lambda: _settled(mediator), "the proposal reaching the chain")
        for desk in (zhang, li):
            _wait(
                lambda d=desk: _has(d, "mediation.agreement.proposed"), "the parties receiving it"
            )
            desk.record(services.sign_agreement(desk, services.load(desk.store, case_id), case_id))
            _wait(lambda d=desk: _settled(d), "a party's signature reaching the chain")
        _wait(lambda: _has(mediator, "mediation.agreement.signed", 2), "the signatures arriving")
        mediator.record(
            services.sign_agreement(mediator, services.load(mediator.store, case_id), case_id)
        )
        zhang.record(
            zhang.statement(
                "evidence.deposited",
                "",
                {
                    "documents": [{"name": "借条.jpg", "sha256": "5" * 64, "size": 284_113}],
                    "note": "借条照片",
                },
            )
        )
        for desk in desks.values():
            _wait(lambda d=desk: _settled(d), "every entry being confirmed")
        return Demo(home, names, DEMO_PASSPHRASE, case_id)
    finally:
        network.stop()
        for desk in desks.values():
            desk.close()
        node.stop()


def _origin_known(desk: DeskSession) -> bool:
    try:
        desk.origin  # noqa: B018 - raises until the node was reached once
    except Exception:
        return False
    return True
