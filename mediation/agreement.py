"""The mediation agreement (调解协议书): its contents, its checks, its identity.

Contents follow People's Mediation Law Art. 29: (一) the parties; (二) the main facts, the
disputed matters and each party's responsibility; (三) what the parties agreed, and the manner
and time limit of performance. Each obligation names obligor, obligee, amount (integer fen),
manner and deadline; instalments are allowed.

A version is identified by the SHA-256 of its canonical JSON (``content_hash``): a signature
names that hash, so any change makes a new version and leaves earlier signatures behind
(SPC online mediation rules Art. 19).

Deadlines are calendar dates; an obligation falls due at the end of that day, China Standard
Time (UTC+8), plus any grace period written in the agreement.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from casework.days import CHINA_TIME as CHINA_TIME  # re-exported: the deadline rules live here
from casework.days import due_at as due_at
from ledger.canonical import canonical_json
from ledger.errors import QT_TRANSLATE_NOOP

CONTEXT = "Mediation"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")

# Matters that a court will not accept for judicial confirmation (CPL Interpretation Art. 355).
NOT_CONFIRMABLE_MATTERS = {
    "status_relation": QT_TRANSLATE_NOOP(
        CONTEXT,
        "CPL Interpretation Art. 355(3): the agreement asks to confirm a personal-status "
        "relation (marriage, parent-child, adoption) as valid, invalid or dissolved; a court "
        "will not accept that for judicial confirmation. Agreements on support, upbringing "
        "costs or property between spouses or family members remain confirmable.",
    ),
    "special_procedure": QT_TRANSLATE_NOOP(
        CONTEXT,
        "CPL Interpretation Art. 355(4): the matter belongs to a special, public-notice or "
        "bankruptcy procedure; a court will not accept it for judicial confirmation.",
    ),
    "property_title": QT_TRANSLATE_NOOP(
        CONTEXT,
        "CPL Interpretation Art. 355(5): the agreement confirms ownership of property (物权确权); "
        "a court will not accept it for judicial confirmation.",
    ),
    "ip_title": QT_TRANSLATE_NOOP(
        CONTEXT,
        "CPL Interpretation Art. 355(5): the agreement confirms ownership of intellectual "
        "property (知识产权确权); a court will not accept it for judicial confirmation.",
    ),
}

# Words that suggest such a matter although none was ticked: a warning, not a refusal.
_HINTS = {
    # a status confirmed valid, invalid or dissolved (Art. 355(3)); support (抚养费, 赡养费,
    # 扶养费) and the spouses' property are not status and stay confirmable, so neither the
    # word 离婚 alone (离婚后子女抚养费) nor 抚养 warns
    "status_relation": (
        "同意离婚",
        "自愿离婚",
        "解除婚姻",
        "婚姻无效",
        "婚姻有效",
        "确认婚姻",
        "撤销婚姻",
        "亲子关系",
        "收养关系",
        "解除收养",
        "dissolve the marriage",
        "marriage is void",
        "parent-child relationship",
        "adoption is",
    ),
    "property_title": ("所有权归", "确认所有权", "产权归", "物权", "title to"),
    "ip_title": ("专利权归", "商标权归", "著作权归", "知识产权归", "patent belongs"),
    "special_procedure": ("破产", "公示催告", "bankruptcy"),
}


@dataclass(frozen=True)
class Finding:
    """One thing missing or at risk, with the article it comes from, for the user to read."""

    code: str
    article: str
    message: str  # English template, translated in the UI (context "Mediation")
    args: dict[str, Any]

    def text(self, template: str | None = None) -> str:
        return (template or self.message).format(**self.args)


def _finding(code: str, article: str, message: str, **args: Any) -> Finding:
    return Finding(code, article, message, args)


def content_hash(content: dict[str, Any]) -> str:
    """The version's identity: SHA-256 of the content's canonical JSON, lowercase hex."""
    return hashlib.sha256(canonical_json(content)).hexdigest()


def valid_date(text: Any) -> bool:
    """A calendar date ``YYYY-MM-DD`` in a plausible range (2000-2199)."""
    if not isinstance(text, str) or not _DATE.match(text):
        return False
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return False
    return 2000 <= day.year <= 2199


def unknown_parties(parties: Iterable[str], party_ids: set[str]) -> list[Finding]:
    """The agreement names someone who is not a party to this case (PML Art. 29(1))."""
    unknown = [p for p in parties if p not in party_ids]
    if not unknown:
        return []
    return [
        _finding(
            "unknown_party",
            "PML Art. 29(1)",
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "People's Mediation Law Art. 29(1): {parties} not a party to this case.",
            ),
            parties=", ".join(unknown),
        )
    ]


def completeness(content: Mapping[str, Any], party_ids: set[str] | None) -> list[Finding]:
    """What People's Mediation Law Art. 29 asks of the agreement and is missing.

    Signing is refused while this list is not empty (the mediator sees every item at once).
    With ``party_ids`` None, whether the named parties are the case's is not asked (the
    parse of a proposal, which knows no case, leaves that to the rule).
    """
    found: list[Finding] = []
    parties = content.get("parties") or []
    if len(set(parties)) < 2:
        found.append(
            _finding(
                "parties",
                "PML Art. 29(1)",
                QT_TRANSLATE_NOOP(
                    CONTEXT, "People's Mediation Law Art. 29(1): name at least two parties."
                ),
            )
        )
    if party_ids is not None:
        found += unknown_parties(parties, party_ids)
    for field, label in (
        (
            "facts",
            QT_TRANSLATE_NOOP(
                CONTEXT, "People's Mediation Law Art. 29(2): write the main facts of the dispute."
            ),
        ),
        (
            "disputes",
            QT_TRANSLATE_NOOP(
                CONTEXT, "People's Mediation Law Art. 29(2): write the disputed matters."
            ),
        ),
        (
            "responsibilities",
            QT_TRANSLATE_NOOP(
                CONTEXT, "People's Mediation Law Art. 29(2): write each party's responsibility."
            ),
        ),
        (
            "terms",
            QT_TRANSLATE_NOOP(
                CONTEXT, "People's Mediation Law Art. 29(3): write what the parties agreed."
            ),
        ),
    ):
        if not str(content.get(field) or "").strip():
            found.append(_finding(field, "PML Art. 29", label))
    obligations = content.get("obligations") or []
    if not obligations:
        found.append(
            _finding(
                "obligations",
                "PML Art. 29(3)",
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "People's Mediation Law Art. 29(3): state at least one obligation, with its "
                    "manner and time limit of performance.",
                ),
            )
        )
    seen: set[str] = set()
    for number, ob in enumerate(obligations, 1):
        found += _obligation_findings(number, ob, set(parties), seen)
    return found


def _obligation_findings(
    number: int, ob: dict[str, Any], parties: set[str], seen: set[str]
) -> list[Finding]:
    found: list[Finding] = []
    art = "PML Art. 29(3)"
    oid = ob.get("id")
    if not isinstance(oid, str) or not oid or oid in seen:
        found.append(
            _finding(
                "obligation_id",
                art,
                QT_TRANSLATE_NOOP(CONTEXT, "Obligation {n}: it needs its own identifier."),
                n=number,
            )
        )
    else:
        seen.add(oid)
    obligor, obligee = ob.get("obligor"), ob.get("obligee")
    if obligor not in parties or obligee not in parties:
        found.append(
            _finding(
                "obligation_parties",
                art,
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Obligation {n}: the obligor and the obligee must both be parties to the "
                    "agreement.",
                ),
                n=number,
            )
        )
    elif obligor == obligee:
        found.append(
            _finding(
                "obligation_same",
                art,
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Obligation {n}: the obligor and the obligee must be different parties.",
                ),
                n=number,
            )
        )
    amount = ob.get("amount_fen")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        found.append(
            _finding(
                "obligation_amount",
                art,
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Obligation {n}: the amount must be a whole number of fen (0 for a "
                    "non-monetary obligation).",
                ),
                n=number,
            )
        )
        amount = None
    if not str(ob.get("manner") or "").strip():
        found.append(
            _finding(
                "obligation_manner",
                art,
                QT_TRANSLATE_NOOP(
                    CONTEXT, "Obligation {n}: state the manner of performance (e.g. bank transfer)."
                ),
                n=number,
            )
        )
    parts = ob.get("instalments") or []
    if not parts and not valid_date(ob.get("deadline")):
        found.append(
            _finding(
                "obligation_deadline",
                art,
                QT_TRANSLATE_NOOP(CONTEXT, "Obligation {n}: set the deadline for performance."),
                n=number,
            )
        )
    if parts:
        total = 0
        seqs = [p.get("seq") for p in parts]
        deadlines = [p.get("deadline") for p in parts]
        in_order = seqs == list(range(1, len(parts) + 1)) and all(map(valid_date, deadlines))
        in_order = in_order and all(a < b for a, b in pairwise(deadlines))
        if not in_order:
            found.append(
                _finding(
                    "instalment_order",
                    art,
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "Obligation {n}: instalments are numbered 1, 2, 3 … with deadlines in "
                        "order, each later than the one before.",
                    ),
                    n=number,
                )
            )
        for part in parts:
            amount_part = part.get("amount_fen")
            if (
                not valid_date(part.get("deadline"))
                or not isinstance(amount_part, int)
                or isinstance(amount_part, bool)
                or amount_part <= 0
            ):
                found.append(
                    _finding(
                        "instalment",
                        art,
                        QT_TRANSLATE_NOOP(
                            CONTEXT,
                            "Obligation {n}: every instalment needs an amount in fen and a "
                            "deadline.",
                        ),
                        n=number,
                    )
                )
                break
            total += part["amount_fen"]
        else:
            if amount is not None and total != amount:
                found.append(
                    _finding(
                        "instalment_sum",
                        art,
                        QT_TRANSLATE_NOOP(
                            CONTEXT,
                            "Obligation {n}: the instalments add up to {total} fen, not the "
                            "{amount} fen owed.",
                        ),
                        n=number,
                        total=total,
                        amount=amount,
                    )
                )
    grace = ob.get("grace_days", 0)
    if not isinstance(grace, int) or isinstance(grace, bool) or not 0 <= grace <= 365:
        found.append(
            _finding(
                "grace",
                art,
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Obligation {n}: the grace period is a whole number of days from 0 to 365.",
                ),
                n=number,
            )
        )
    return found


def confirmation_risks(content: dict[str, Any]) -> list[Finding]:
    """Where a court would refuse judicial confirmation (CPL Interpretation Art. 355, 358).

    A warning, shown before signing; it does not stop the parties from agreeing.
    """
    found: list[Finding] = []
    matters = set(content.get("matters") or [])
    text = " ".join(str(content.get(k) or "") for k in ("facts", "disputes", "terms")).lower()
    for matter, message in NOT_CONFIRMABLE_MATTERS.items():
        hinted = any(word.lower() in text for word in _HINTS[matter])
        if matter in matters or hinted:
            found.append(_finding(matter, "CPL Interpretation Art. 355", message))
    for number, ob in enumerate(content.get("obligations") or [], 1):
        if not ob.get("manner") or not (ob.get("deadline") or ob.get("instalments")):
            found.append(
                _finding(
                    "unclear",
                    "CPL Interpretation Art. 358(5)",
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "CPL Interpretation Art. 358(5): obligation {n} is not clear enough "
                        "(manner or deadline missing); a court would dismiss the application.",
                    ),
                    n=number,
                )
            )
    return found
