"""Periods counted in days as the Civil Code counts them (Art. 201, 203; CPL Art. 85), on the
real holiday calendar of the ``chinese-calendar`` package."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casework.days import (
    CHINA_TIME,
    MOVED_NOTICE,
    UNCOVERED_NOTICE,
    calendar_covers,
    covered_years,
    is_working_day,
    period_end,
)


def china(day: str, at: str = "10:00") -> datetime:
    """A moment given in China Standard Time, as the UTC instant the app keeps."""
    return datetime.combine(date.fromisoformat(day), time.fromisoformat(at), CHINA_TIME).astimezone(
        UTC
    )


def first_uncovered_saturday() -> date:
    """A Saturday in the first year after the calendar's data (2027 with chinese-calendar
    1.11.0; later releases move it on, and so does this test)."""
    day = date(covered_years().stop, 6, 1)
    return day + timedelta(days=(5 - day.weekday()) % 7)


def test_the_calendar_covers_a_contiguous_range_of_years() -> None:
    years = covered_years()
    assert 2004 in years and 2025 in years and 2026 in years
    assert calendar_covers(2025)
    assert not calendar_covers(years.stop) and not calendar_covers(years.start - 1)
    # what "not covered" means in the package: it refuses to answer
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(years.stop, 1, 1))


def test_working_days() -> None:
    assert not is_working_day(date(2025, 10, 1))  # 国庆
    assert not is_working_day(date(2025, 10, 8))  # 国庆 (中秋 joined to it)
    assert is_working_day(date(2025, 10, 9))
    assert is_working_day(date(2025, 10, 11))  # a Saturday made a working day (调休)
    assert not is_working_day(date(2025, 11, 15))  # a plain Saturday
    assert is_working_day(date(2025, 11, 17))
    saturday = first_uncovered_saturday()
    assert not is_working_day(saturday)  # weekends only, where the calendar has no data
    assert is_working_day(saturday + timedelta(days=2))


def test_a_last_day_in_the_national_day_holiday_moves_to_the_next_working_day() -> None:
    # 30 days (PML Art. 33) from 2025-09-03: the 30th day is 2025-10-03, in 国庆 (10-01..10-08)
    deadline = period_end(china("2025-09-03"), 30)
    assert deadline.moved_from == date(2025, 10, 3)
    assert deadline.moved
    assert deadline.last_day == date(2025, 10, 9)
    assert deadline.ends_at == datetime(2025, 10, 9, 16, 0, tzinfo=UTC)  # 24:00 UTC+8
    assert deadline.covered and deadline.uncovered_year is None
    [moved] = deadline.notices()
    assert moved.template == MOVED_NOTICE
    assert moved.render() == (
        "The last day, 2025-10-03, is a rest day; the period ends on the next working day, "
        "2025-10-09 (Civil Code Art. 203; Civil Procedure Law Art. 85)."
    )


def test_a_last_day_on_an_adjusted_working_saturday_stays() -> None:
    deadline = period_end(china("2025-09-26"), 15)
    assert date(2025, 10, 11).weekday() == 5
    assert deadline.last_day == date(2025, 10, 11)
    assert not deadline.moved and deadline.moved_from is None
    assert deadline.covered
    assert deadline.notices() == ()


def test_a_plain_weekend_moves_to_monday() -> None:
    deadline = period_end(china("2025-10-31"), 15)  # the 15th day is Saturday 2025-11-15
    assert deadline.moved_from == date(2025, 11, 15)
    assert deadline.last_day == date(2025, 11, 17)
    assert deadline.ends_at == china("2025-11-18", "00:00")


def test_the_first_day_is_not_counted() -> None:
    # Art. 201: a period of one day that starts on Tuesday ends at 24:00 on Wednesday,
    # whether it started in the morning or a second before midnight
    for at in ("00:00", "08:30", "23:59:59"):
        deadline = period_end(china("2025-09-02", at), 1)
        assert deadline.last_day == date(2025, 9, 3)
        assert deadline.ends_at == china("2025-09-04", "00:00")
    assert period_end(china("2025-09-02"), 15).last_day == date(2025, 9, 17)


def test_days_begin_at_midnight_china_time_not_utc() -> None:
    late = china("2025-09-02", "23:59")  # 15:59 UTC on 2025-09-02
    early = china("2025-09-03", "00:01")  # 16:01 UTC, the same UTC day
    assert late.date() == early.date()
    assert period_end(late, 15).last_day == date(2025, 9, 17)
    assert period_end(early, 15).last_day == date(2025, 9, 18)
    assert period_end(early, 15).ends_at - period_end(late, 15).ends_at == timedelta(days=1)
    # the same instant given in another zone counts the same
    assert period_end(early.astimezone(CHINA_TIME), 15) == period_end(early, 15)


def test_a_year_the_calendar_does_not_cover_counts_weekends_only_and_says_so() -> None:
    saturday = first_uncovered_saturday()
    deadline = period_end(china((saturday - timedelta(days=15)).isoformat()), 15)
    assert deadline.moved_from == saturday
    assert deadline.last_day == saturday + timedelta(days=2)  # Monday
    assert not deadline.covered
    assert deadline.uncovered_year == saturday.year
    notices = {n.template: n for n in deadline.notices()}
    assert notices[UNCOVERED_NOTICE].render() == (
        f"The holiday calendar does not cover {saturday.year} yet; weekends only are counted as "
        "rest days (Civil Code Art. 203)."
    )
    # a weekday there is a working day even if it may turn out to be a holiday: said, too
    monday = period_end(china((saturday + timedelta(days=2 - 10)).isoformat()), 10)
    assert monday.last_day == saturday + timedelta(days=2) and not monday.moved
    assert not monday.covered


def test_a_start_without_a_timezone_or_an_empty_period_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        period_end(datetime(2025, 9, 3, 2, 0), 30)
    with pytest.raises(ValueError, match="at least one day"):
        period_end(china("2025-09-03"), 0)


@settings(max_examples=400, deadline=None)
@given(
    start=st.datetimes(
        min_value=datetime(2003, 6, 1), max_value=datetime(2029, 12, 31), timezones=st.just(UTC)
    ),
    days=st.integers(min_value=1, max_value=400),
)
def test_the_end_is_never_early_and_falls_on_the_first_working_day(
    start: datetime, days: int
) -> None:
    deadline = period_end(start, days)
    assert deadline.ends_at >= start + timedelta(days=days)
    assert is_working_day(deadline.last_day)
    # 24:00 China time of the last day
    assert deadline.ends_at.tzinfo == UTC
    assert deadline.ends_at.astimezone(CHINA_TIME) == datetime.combine(
        deadline.last_day + timedelta(days=1), time(0), CHINA_TIME
    )
    nominal = start.astimezone(CHINA_TIME).date() + timedelta(days=days)
    assert deadline.last_day >= nominal
    assert deadline.moved_from == (nominal if deadline.last_day != nominal else None)
    walked = [nominal + timedelta(days=i) for i in range((deadline.last_day - nominal).days)]
    assert not any(is_working_day(d) for d in walked)  # moved no further than it must
    years = {d.year for d in [*walked, deadline.last_day]}
    assert deadline.covered == all(calendar_covers(y) for y in years)
