"""The 30 days for applying for judicial confirmation (PML Art. 33; CPL Art. 205), counted as the
law counts them: the first day left out (Civil Code Art. 201), a last day on a statutory holiday
or weekend rest day moved to the next working day (Civil Code Art. 203; CPL Art. 85), a year the
holiday calendar does not cover said so; and a late application accepted and recorded as late,
not refused (CPL Art. 86: the court decides)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from casework.days import covered_years
from ledger.domain import Registry
from mediation import types as t
from mediation.case import (
    confirmation_days_left,
    confirmation_deadline,
    confirmation_last_day,
    confirmation_period,
    fold,
)
from mediation.documents import confirmation_application_pdf
from mediation.domain import DOMAIN

from .conftest import CASE, Case
from .test_documents import FACTS, PRIVATE, lines, text_of

REGISTRY = Registry([DOMAIN])
COURT = {"agreement_id": "A1", "court": "北京市朝阳区人民法院"}


def effective_on(moment: datetime) -> Case:
    """A case whose agreement takes effect a few minutes after ``moment``."""
    case = Case(clock=moment)
    case.effective()
    return case


def test_civil_code_art_203_a_last_day_on_saturday_moves_to_monday() -> None:
    """The issue's example: in effect 2026-11-05 (Beijing) -> the 30th day is Saturday
    2026-12-05 -> the last day is Monday 2026-12-07, ending at 24:00 Beijing time."""
    case = effective_on(datetime(2026, 11, 5, 1, 0, tzinfo=UTC))  # 09:00 in Beijing
    state = fold(CASE, case.history)
    period = confirmation_period(state, "A1")
    assert period is not None and period.covered
    assert period.moved_from == date(2026, 12, 5) and period.moved_from.weekday() == 5
    assert confirmation_last_day(state, "A1") == date(2026, 12, 7)
    assert confirmation_deadline(state, "A1") == datetime(2026, 12, 7, 16, 0, tzinfo=UTC)
    [moved] = period.notices()
    assert "2026-12-05" in moved.render() and "2026-12-07" in moved.render()
    assert "Civil Code Art. 203" in moved.render()
    # Saturday and Sunday are still inside the period: one day left on Sunday evening
    sunday_evening = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)  # 20:00 in Beijing
    assert confirmation_days_left(state, "A1", sunday_evening) == 2
    on_monday = case.make(case.lender, t.CONFIRMATION_APPLIED, COURT, at=sunday_evening)
    REGISTRY.check(REGISTRY.fold(CASE, case.history), on_monday)
    case.add(on_monday)
    assert fold(CASE, case.history).confirmation_late == {}


def test_civil_code_art_203_a_last_day_in_the_national_day_holiday_moves_after_it() -> None:
    """In effect 2026-09-01 -> the 30th day is 2026-10-01, National Day; the holiday runs to
    2026-10-07, so the period ends on Thursday 2026-10-08 (the State Council's schedule, from
    the maintained calendar)."""
    case = effective_on(datetime(2026, 9, 1, 2, 0, tzinfo=UTC))
    state = fold(CASE, case.history)
    period = confirmation_period(state, "A1")
    assert period is not None and period.covered
    assert period.moved_from == date(2026, 10, 1)
    assert period.last_day == date(2026, 10, 8)
    # an application on the holiday itself is in time
    holiday = datetime(2026, 10, 5, 2, 0, tzinfo=UTC)
    assert confirmation_days_left(state, "A1", holiday) == 4


def test_civil_code_art_203_a_year_the_calendar_does_not_cover_is_said() -> None:
    """Beyond the calendar's years only weekends are rest days, and the period says so."""
    year = covered_years().stop + 1  # a year the installed calendar has not published
    case = effective_on(datetime(year, 3, 2, 1, 0, tzinfo=UTC))
    period = confirmation_period(fold(CASE, case.history), "A1")
    assert period is not None
    assert not period.covered and period.uncovered_year == year
    assert period.last_day.weekday() < 5  # a weekend would have moved it
    texts = [n.render() for n in period.notices()]
    assert any(f"does not cover {year}" in text and "weekends only" in text for text in texts)


def test_cpl_art_86_a_late_application_is_accepted_and_marked_late() -> None:
    """After the 30 days the application is accepted, recorded as late; the court decides."""
    case = effective_on(datetime(2026, 11, 5, 1, 0, tzinfo=UTC))
    end = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)  # 2026-12-08 00:00 in Beijing
    in_time = case.make(case.lender, t.CONFIRMATION_APPLIED, COURT, at=end - timedelta(seconds=1))
    REGISTRY.check(REGISTRY.fold(CASE, case.history), in_time)
    case.add(in_time)
    late = case.make(case.borrower, t.CONFIRMATION_APPLIED, COURT, at=end)
    REGISTRY.check(REGISTRY.fold(CASE, case.history), late)  # no refusal
    case.add(late)
    state = fold(CASE, case.history)
    assert state.confirmation_late == {case.borrower.vkey: late.time}
    assert confirmation_days_left(state, "A1", end) == 0


def test_the_application_pdf_states_the_moved_day_and_the_late_application(
    tmp_path: Path,
) -> None:
    case = effective_on(datetime(2026, 11, 5, 1, 0, tzinfo=UTC))
    end = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)
    case.add(case.make(case.lender, t.CONFIRMATION_APPLIED, COURT, at=end - timedelta(hours=1)))
    state = fold(CASE, case.history)
    pdf = confirmation_application_pdf(state, "A1", COURT["court"], lines(case), FACTS, PRIVATE)
    text = text_of(pdf, tmp_path).replace(" ", "")
    assert "2026年12月7日" in text and "2026年12月5日为休息日" in text
    assert "第二百零三条" in text and "第八十五条" in text
    assert "第八十六条" not in text  # in time

    case.add(case.make(case.borrower, t.CONFIRMATION_APPLIED, COURT, at=end + timedelta(days=1)))
    state = fold(CASE, case.history)
    pdf = confirmation_application_pdf(state, "A1", COURT["court"], lines(case), FACTS, PRIVATE)
    text = text_of(pdf, tmp_path).replace(" ", "").replace("\n", "")
    assert "李四的申请于上述期限届满后提出" in text and "第八十六条" in text
    assert "由人民法院决定" in text
