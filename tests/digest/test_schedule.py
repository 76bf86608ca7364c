from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.schedule import last_slot, next_run, scheduled_at
from tests.digest.conftest import utc

LONDON, NEW_YORK = ZoneInfo("Europe/London"), ZoneInfo("America/New_York")
NINE = dt.time(9)


@pytest.mark.parametrize(
    ("now", "tz", "expected"),
    [
        ("2024-03-30T09:00:00", LONDON, "2024-03-31T08:00:00"),  # BST starts on Sunday 31 March
        ("2024-03-31T08:00:00", LONDON, "2024-04-01T08:00:00"),
        ("2024-10-26T08:00:00", LONDON, "2024-10-27T09:00:00"),  # GMT again on Sunday 27 October
        ("2024-03-09T14:00:00", NEW_YORK, "2024-03-10T13:00:00"),  # EDT from Sunday 10 March
        ("2024-11-02T13:00:00", NEW_YORK, "2024-11-03T14:00:00"),  # EST from Sunday 3 November
        ("2024-01-15T08:59:59", LONDON, "2024-01-15T09:00:00"),
    ],
)
def test_next_run_follows_daylight_saving(now: str, tz: ZoneInfo, expected: str) -> None:
    assert next_run(utc(now), NINE, tz) == utc(expected)


def test_a_local_time_in_the_spring_gap_fires_shifted_forward_by_the_gap() -> None:
    # 01:30 does not exist in London on 31 March 2024 (01:00 GMT → 02:00 BST): it fires at 02:30 BST
    assert scheduled_at(dt.date(2024, 3, 31), dt.time(1, 30), LONDON) == utc("2024-03-31T01:30:00")
    assert scheduled_at(dt.date(2024, 3, 10), dt.time(2, 30), NEW_YORK) == utc("2024-03-10T07:30:00")


def test_an_ambiguous_local_time_fires_at_its_first_occurrence_only() -> None:
    half_one = dt.time(1, 30)  # occurs twice in London on 27 October 2024: 00:30 and 01:30 UTC
    assert scheduled_at(dt.date(2024, 10, 27), half_one, LONDON) == utc("2024-10-27T00:30:00")
    assert next_run(utc("2024-10-27T00:30:00"), half_one, LONDON) == utc("2024-10-28T01:30:00")
    assert last_slot(utc("2024-10-27T01:45:00"), half_one, LONDON) == (dt.date(2024, 10, 27), utc("2024-10-27T00:30"))


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        next_run(dt.datetime(2024, 1, 1, 9), NINE, LONDON)


ZONES = st.sampled_from(["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"])


@settings(max_examples=200, deadline=None)
@given(
    now=st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1), timezones=st.just(dt.UTC)),
    zone=ZONES,
    at=st.times(),
)
def test_next_run_is_the_first_slot_after_now_and_last_slot_the_latest_before(
    now: dt.datetime, zone: str, at: dt.time
) -> None:
    tz = ZoneInfo(zone)
    following = next_run(now, at, tz)
    day, previous = last_slot(now, at, tz)
    assert previous <= now < following
    assert following - previous <= dt.timedelta(hours=25)
    assert scheduled_at(day, at, tz) == previous
    assert next_run(previous, at, tz) == following
