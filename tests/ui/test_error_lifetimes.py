"""A kept error must not keep windows alive: the PySide6 segfault the GUI tests once had.

A caught exception's traceback holds the frames it passed through and, through ``f_back``, their
callers. Kept in a local of one of them, it closes a reference cycle, so a window in those frames
outlives its last real reference until the cyclic collector runs, at any moment, possibly
inside a Qt event that is using it. ``ui.errors.without_traceback`` breaks the cycle.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed for GUI tests")

from PySide6.QtWidgets import QWidget

from ledger.errors import KeyFileError
from ui.errors import without_traceback


def fail() -> None:
    try:
        raise OSError("disk gone")
    except OSError as exc:
        raise KeyFileError(detail=str(exc)) from exc  # chained: the cause has a traceback too


def show_then_drop(keep: Callable[[KeyFileError], KeyFileError]) -> weakref.ref[QWidget]:
    """A window without a parent, an error caught and kept in a local beside it (as
    ``PartiesTab.update_view`` kept its own), then both dropped."""
    window = QWidget()
    problem: KeyFileError | None = None
    try:
        fail()
    except KeyFileError as exc:
        problem = keep(exc)
    assert problem is not None and window is not None
    return weakref.ref(window)


@pytest.fixture
def no_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.usefixtures("qapp", "no_collector")
def test_a_kept_traceback_keeps_the_window_until_the_collector_runs() -> None:
    window = show_then_drop(lambda exc: exc)
    assert window() is not None  # the cycle holds it: deleted whenever the collector runs
    gc.collect()
    assert window() is None


@pytest.mark.usefixtures("qapp", "no_collector")
def test_an_error_kept_without_traceback_lets_the_window_go_at_once() -> None:
    window = show_then_drop(without_traceback)
    assert window() is None  # deleted with its last reference, no collector needed


def test_without_traceback_drops_the_chained_tracebacks_and_keeps_the_words() -> None:
    try:
        fail()
    except KeyFileError as exc:
        kept = without_traceback(exc)
    assert kept.__traceback__ is None
    assert kept.__cause__ is not None and kept.__cause__.__traceback__ is None
    assert "disk gone" in str(kept)
