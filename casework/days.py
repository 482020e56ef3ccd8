"""Legal day counting for every domain: calendar dates end at 24:00 China Standard Time.

A deadline the parties (or a court) write is a calendar date; it ends at the end of that day in
China Standard Time (UTC+8), the court's zone (Civil Code Art. 203), plus any grace days.

Periods counted in days (an objection window, the 30 days for judicial confirmation) are counted
as the Civil Code counts them: ``period_end``. Which days are working days comes from the
maintained ``chinese-calendar`` package (the State Council's holidays and adjusted working days,
published each year); for a year it does not cover yet, weekends only, and the ``Deadline`` says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import cache
from types import ModuleType

from ledger.errors import QT_TRANSLATE_NOOP

CHINA_TIME = timezone(timedelta(hours=8), "CST")


def due_at(deadline: str, grace_days: int = 0) -> datetime:
    """End of the deadline day in China Standard Time, plus grace days, as UTC."""
    day = date.fromisoformat(deadline)
    end = datetime.combine(day + timedelta(days=1 + grace_days), time(0), CHINA_TIME)
    return end.astimezone(UTC)


# -- legal periods counted in days (Civil Code Art. 201, 203; CPL Art. 85) -------------------

CONTEXT = "LegalPeriod"  # the translation context of this module's texts

UNCOVERED_NOTICE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "The holiday calendar does not cover {year} yet; weekends only are counted as rest days "
    "(Civil Code Art. 203).",
)
MOVED_NOTICE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "The last day, {moved_from}, is a rest day; the period ends on the next working day, "
    "{last_day} (Civil Code Art. 203; Civil Procedure Law Art. 85).",
)


@cache
def _calendar() -> ModuleType:
    """The ``chinese_calendar`` module, imported on first use: it builds its tables at import
    (~12 ms) and every start of the app imports this module for ``CHINA_TIME``."""
    import chinese_calendar

    return chinese_calendar


@cache
def calendar_covers(year: int) -> bool:
    """Whether the holiday calendar knows the State Council's schedule for ``year``.

    ``chinese_calendar`` raises ``NotImplementedError`` for a year it has no data for; a newer
    release of the package adds the year once the State Council has published it (usually in
    the November before)."""
    try:
        _calendar().is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


@cache
def covered_years() -> range:
    """The years the holiday calendar covers (one contiguous range; empty when none)."""
    years = [y for y in range(1990, 2200) if calendar_covers(y)]
    return range(years[0], years[-1] + 1) if years else range(0)


def _working(day: date) -> tuple[bool, bool]:
    """(is ``day`` a working day, did the holiday calendar know its year)."""
    if calendar_covers(day.year):
        # statutory holidays and weekend rest days are rest days; the adjusted working days
        # (调休: a Saturday or Sunday the State Council made a working day) are working days
        return bool(_calendar().is_workday(day)), True
    return day.weekday() < 5, False


def is_working_day(day: date) -> bool:
    """A working day in China: not a statutory holiday nor a weekend rest day; an adjusted
    working Saturday or Sunday is one. In a year the calendar does not cover: Monday-Friday."""
    return _working(day)[0]


@dataclass(frozen=True, slots=True)
class Notice:
    """A sentence for the user: an English template marked for translation and its values."""

    template: str
    args: Mapping[str, object]

    def render(self, template: str | None = None) -> str:
        """Fill ``template`` (the translated text; the English one by default)."""
        return (template if template is not None else self.template).format(**self.args)


@dataclass(frozen=True, slots=True)
class Deadline:
    """When a period counted in days ends.

    ``last_day`` is a date in China; the period ends at 24:00 China Standard Time of it, which
    is ``ends_at`` (UTC). ``moved_from`` is the day the count reached when that was a rest day
    (the period then ends on the next working day). ``covered`` is False when a day looked at
    lies in a year the holiday calendar does not know (``uncovered_year``, the first such):
    there only weekends were rest days, and the user must be told (``notices``).
    """

    last_day: date
    ends_at: datetime
    moved_from: date | None
    covered: bool
    uncovered_year: int | None = None

    @property
    def moved(self) -> bool:
        return self.moved_from is not None

    def notices(self) -> tuple[Notice, ...]:
        """What the UI should say beside the date: the move, and a calendar it lacked."""
        found: list[Notice] = []
        if self.moved_from is not None:
            found.append(
                Notice(
                    MOVED_NOTICE,
                    {
                        "moved_from": self.moved_from.isoformat(),
                        "last_day": self.last_day.isoformat(),
                    },
                )
            )
        if not self.covered:
            found.append(Notice(UNCOVERED_NOTICE, {"year": self.uncovered_year}))
        return tuple(found)


def end_of_day(day: date) -> datetime:
    """24:00 China Standard Time of ``day`` (Civil Code Art. 203), as a UTC instant."""
    return datetime.combine(day + timedelta(days=1), time(0), CHINA_TIME).astimezone(UTC)


def period_end(start: datetime, days: int) -> Deadline:
    """The end of a period of ``days`` days that starts at the instant ``start``.

    - The day of ``start`` is not counted; counting begins the next day (Civil Code Art. 201;
      Civil Procedure Law Art. 85). Days are China's calendar days: ``start`` is first taken to
      China Standard Time, so 23:59 and 00:01 there are on different days.
    - The period ends at 24:00 of its last day (Civil Code Art. 203).
    - A last day that is a statutory holiday or a weekend rest day moves to the next working
      day (Civil Code Art. 203; Civil Procedure Law Art. 85); an adjusted working Saturday or
      Sunday is a working day and does not move.

    Business hours (Art. 203: "有业务时间的，停止业务活动的时间为截止时间") are not modelled: the
    period ends at 24:00, which is what a deadline for a statement or a mailing means.
    """
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("naive datetime: the start of a period must carry a timezone (UTC)")
    if days < 1:
        raise ValueError(f"a period counted in days has at least one day, not {days}")
    first_day = start.astimezone(CHINA_TIME).date()  # Art. 201: this day is not counted
    nominal = first_day + timedelta(days=days)
    day = nominal
    uncovered: int | None = None
    while True:
        working, known = _working(day)
        if not known and uncovered is None:
            uncovered = day.year
        if working:
            break
        day += timedelta(days=1)
    return Deadline(
        last_day=day,
        ends_at=end_of_day(day),
        moved_from=nominal if day != nominal else None,
        covered=uncovered is None,
        uncovered_year=uncovered,
    )
