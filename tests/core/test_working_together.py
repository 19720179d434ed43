"""Two people on one shop (team mode, issue 19): two open databases on the same file or server.

The changed-since-you-opened-it check and undo over someone else's change run on both engines;
notifications, the import lock across computers and reconnecting need the PostgreSQL server
(tests/pg_server.py; they skip, saying why, only when none can be started outside CI).
"""
from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from dataclasses import dataclass
from typing import ClassVar

import pytest
from sqlalchemy import text

from core.db import open_database
from core.edits import ChangedSinceRead, History, UndoRefused, apply_edit
from core.edits.stock import SetSkuFields
from core.errors import Cancelled
from core.live import ChangeListener, ConnectionLostError
from core.models import Sku, StockLevel
from core.row_versions import Author, author_of, current_position
from core.write_lock import exclusive_writes


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """Where the shared shop lives: a file, or a database on the test server."""
    if request.param == "postgresql":
        return request.getfixturevalue("pg_database")
    path = tmp_path / "shop.db"
    open_database(path).close()
    return str(path)


@pytest.fixture
def server(pg_database):
    return pg_database


def people(where: str):
    """The owner's and Li's windows on one shop, with a tea SKU holding 40."""
    owner, li = open_database(where), open_database(where)
    owner._row_author = Author("Owner", uuid.uuid4().hex)
    li._row_author = Author("Li", uuid.uuid4().hex)
    with owner.transaction() as s:
        s.add(Sku(code="TEA-001", title="西湖龙井 250g", cost_fen=4500))
        s.add(Sku(code="TEA-002", title="普洱 357g", cost_fen=9000))
        s.add(StockLevel(sku_code="TEA-001", on_hand=40, in_transit=0, as_of=dt.datetime(2026, 11, 1, 9)))
    return owner, li


def on_hand(db, code="TEA-001"):
    with db.session() as s:
        level = s.get(StockLevel, code)
        return None if level is None else level.on_hand


@pytest.fixture
def two(target):
    owner, li = people(target)
    yield owner, li
    owner.close()
    li.close()


def test_an_edit_of_a_row_someone_changed_since_it_was_read_is_refused_naming_who(two):
    owner, li = two
    seen_owner, seen_li = current_position(owner), current_position(li)  # both opened the Inventory tab

    apply_edit(li, SetSkuFields.of("TEA-001", on_hand=55), seen=seen_li)
    with pytest.raises(ChangedSinceRead) as refused:
        apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=12), seen=seen_owner)
    now = dt.datetime.now().strftime("%H:%M")
    assert refused.value.message.startswith("Li changed ")
    assert f" at {now}; " in refused.value.message or now.endswith("00")  # (a minute may turn meanwhile)
    assert "your edit was not saved — reload and try again" in refused.value.message
    assert on_hand(owner) == 55  # nothing of the owner's edit was written

    # A row Li did not touch can still be edited from the same old view…
    apply_edit(owner, SetSkuFields.of("TEA-002", lead_time_days=9), seen=seen_owner)
    # …and after reloading, the owner's edit of the row Li changed goes through.
    apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=12), seen=current_position(owner))
    assert on_hand(li) == 12


def test_ones_own_later_edits_never_block_one(two):
    owner, _li = two
    seen = current_position(owner)
    apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=30), seen=seen)
    apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=20), seen=seen)  # the tab has not reloaded yet
    assert on_hand(owner) == 20


def test_undo_refuses_to_undo_over_someone_elses_later_change_and_says_so(two):
    owner, li = two
    history, li_history = History(), History()  # each person's own undo stack
    history.apply(owner, SetSkuFields.of("TEA-001", on_hand=30))
    li_history.apply(li, SetSkuFields.of("TEA-001", on_hand=70), seen=current_position(li))

    with pytest.raises(UndoRefused) as refused:
        history.undo(owner)
    assert refused.value.message.startswith("“Edit On hand of TEA-001” cannot be undone: Li changed ")
    assert "Nothing was changed." in refused.value.message
    assert on_hand(owner) == 70  # Li's value stays
    assert history.undo_label() == "Edit On hand of TEA-001"  # still there to try after Li's is undone

    # Li's undo is Li's: it puts back the owner's row exactly, after which the owner's undo works.
    assert li_history.undo(li) is not None
    assert on_hand(owner) == 30
    assert history.undo(owner) is not None
    assert on_hand(li) == 40


def test_undo_of_a_change_nobody_else_touched_since_still_works_in_a_shared_shop(two):
    owner, li = two
    history = History()
    history.apply(owner, SetSkuFields.of("TEA-001", on_hand=30))
    apply_edit(li, SetSkuFields.of("TEA-002", lead_time_days=3), seen=current_position(li))  # another row
    history.undo(owner)
    assert on_hand(li) == 40


def test_the_person_is_the_servers_account_name_without_connecting():
    from core.db import Database

    assert author_of(Database("postgresql+psycopg://li:secret@shop.example:5432/shop")).name == "li"
    a, b = Database("postgresql+psycopg://li@h/shop"), Database("postgresql+psycopg://li@h/shop")
    assert author_of(a).session_id != author_of(b).session_id  # two windows of Li are two windows


@dataclass(frozen=True)
class _SlowStockEdit:
    """Writes TEA-001's count, then waits (inside its transaction) until told to commit."""

    on_hand: int
    written: threading.Event
    go: threading.Event
    topics: ClassVar[frozenset[str]] = frozenset({"stock"})
    label: ClassVar[str] = "Count TEA-001"

    def apply(self, session, rec) -> None:
        rec.update(StockLevel, "TEA-001", {"on_hand": self.on_hand}, title="TEA-001")
        session.flush()
        self.written.set()
        assert self.go.wait(20)


def test_two_edits_of_one_row_at_the_same_moment_the_second_is_refused(server):
    owner, li = people(server)
    try:
        seen = current_position(owner)
        written, go = threading.Event(), threading.Event()
        errors: list[BaseException] = []

        def owner_saves() -> None:
            try:
                apply_edit(owner, _SlowStockEdit(11, written, go), seen=seen)
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        first = threading.Thread(target=owner_saves)
        first.start()
        assert written.wait(20)  # the owner's transaction holds the row, not committed yet
        outcome: list[BaseException | None] = []

        def li_saves() -> None:
            try:
                apply_edit(li, SetSkuFields.of("TEA-001", on_hand=99), seen=seen)
                outcome.append(None)
            except BaseException as exc:  # noqa: BLE001
                outcome.append(exc)

        second = threading.Thread(target=li_saves)
        second.start()
        # Until Li's save is queued behind the owner's lock, "no outcome yet" would prove nothing.
        assert _wait_for(lambda: _someone_waits_for_a_lock(owner))
        assert not outcome  # Li's save waits for the owner's to commit, it does not overwrite it
        go.set()
        first.join(20)
        second.join(20)
        assert not errors
        assert isinstance(outcome[0], ChangedSinceRead) and outcome[0].message.startswith("Owner changed Stock of TEA-001 at ")
        assert on_hand(li) == 11
    finally:
        owner.close()
        li.close()


def _someone_waits_for_a_lock(db) -> bool:
    with db.engine.connect() as conn:
        return bool(conn.execute(text("SELECT count(*) FROM pg_stat_activity "
                                      "WHERE datname = current_database() AND wait_event_type = 'Lock'")).scalar())


def _wait_for(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_a_change_is_announced_to_the_other_window_not_to_its_own(server):
    owner, li = people(server)
    heard_by_owner, heard_by_li = [], []
    listeners = [ChangeListener(owner, heard_by_owner.append).start(), ChangeListener(li, heard_by_li.append).start()]
    try:
        assert all(x.connected.wait(15) for x in listeners)
        apply_edit(li, SetSkuFields.of("TEA-001", on_hand=5))
        assert _wait_for(lambda: heard_by_owner)
        notice = heard_by_owner[0]
        assert notice.topics == {"skus", "stock"} and notice.who == "Li" and notice.version == current_position(owner)

        # An edit that is refused (rolled back) announces nothing: the next change the owner makes is
        # the first Li hears of (notices arrive in the order of their commits; no fixed wait).
        with pytest.raises(ChangedSinceRead):
            apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=6), seen=0)
        apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=7))
        assert _wait_for(lambda: heard_by_li)
        assert len(heard_by_li) == 1 and heard_by_li[0].who == "Owner" and heard_by_li[0].version == current_position(li)
        assert len(heard_by_owner) == 1
    finally:
        for x in listeners:
            x.stop()
        owner.close()
        li.close()


def test_an_import_is_announced_as_everything_changed(server):
    from core.live import announce

    owner, li = people(server)
    heard: list = []
    listener = ChangeListener(owner, heard.append).start()
    try:
        assert listener.connected.wait(15)
        announce(li, "*")  # what the window's run_job says after an import or its undo
        assert _wait_for(lambda: heard)
        assert heard[0].topics == {"*"} and heard[0].who == "Li"
    finally:
        listener.stop()
        owner.close()
        li.close()


def test_two_imports_on_a_server_run_one_after_the_other_the_second_waiting_and_cancellable(server):
    owner, li = people(server)
    try:
        inside, release = threading.Event(), threading.Event()
        order: list[str] = []

        def owner_imports() -> None:
            with exclusive_writes(owner):
                order.append("owner in")
                inside.set()
                release.wait(20)
                order.append("owner out")

        first = threading.Thread(target=owner_imports)
        first.start()
        assert inside.wait(20)

        # Li's import waits, says so once, and Cancel while waiting ends it with nothing done.
        told: list[str] = []
        with pytest.raises(Cancelled):
            with exclusive_writes(li, waiting=lambda: told.append("waiting"), cancelled=lambda: bool(told)):
                order.append("li cancelled but ran")
        assert told == ["waiting"]

        def li_imports() -> None:
            with exclusive_writes(li, waiting=lambda: told.append("waiting again")):
                order.append("li in")

        second = threading.Thread(target=li_imports)
        second.start()
        # Li's second import has reached the lock and said it waits (on a loaded machine that can
        # take longer than any fixed pause); meanwhile it must not have gone in.
        assert _wait_for(lambda: len(told) == 2)
        assert order == ["owner in"] and told == ["waiting", "waiting again"]
        release.set()
        first.join(20)
        second.join(20)
        assert order == ["owner in", "owner out", "li in"]
    finally:
        owner.close()
        li.close()


@dataclass(frozen=True)
class _EditWhoseConnectionDrops:
    topics: ClassVar[frozenset[str]] = frozenset({"stock"})
    label: ClassVar[str] = "Count TEA-001"

    def apply(self, session, rec) -> None:
        rec.update(StockLevel, "TEA-001", {"on_hand": 1}, title="TEA-001")
        session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))  # the server goes away


def test_an_edit_whose_connection_is_lost_is_reported_not_dropped_and_the_next_one_reconnects(server):
    owner, li = people(server)
    try:
        with pytest.raises(ConnectionLostError) as lost:
            apply_edit(owner, _EditWhoseConnectionDrops())
        assert lost.value.message.startswith("“Count TEA-001” was not saved: the connection to the server")
        assert on_hand(li) == 40  # nothing of it was written

        # Every pooled connection of the owner's window is killed: the next edit reconnects.
        with li.engine.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=2))
        assert on_hand(li) == 2
    finally:
        owner.close()
        li.close()


def test_the_listener_says_when_the_connection_is_lost_and_back_and_hears_again(server):
    owner, li = people(server)
    states: list[bool] = []
    heard: list = []
    listener = ChangeListener(owner, heard.append, states.append, backoff=(0.2,)).start()
    try:
        assert listener.connected.wait(15)
        with li.engine.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE application_name = 'shopdesk-listen' AND datname = current_database()"))
        assert _wait_for(lambda: states[:2] == [False, True])
        assert listener.connected.wait(15)
        apply_edit(li, SetSkuFields.of("TEA-001", on_hand=3))
        assert _wait_for(lambda: heard)
    finally:
        listener.stop()
        owner.close()
        li.close()


def _importer(db) -> str:
    """Who an import is by: the server account, or this computer's user on a file."""
    import getpass

    from sqlalchemy.engine import make_url

    return make_url(db.url).username if db.is_server else getpass.getuser()


def test_an_edit_of_a_row_an_import_changed_since_it_was_read_is_refused_naming_the_import(two, tmp_path):
    from core.imports import import_file
    from tests.helpers import exports as X

    owner, li = two
    seen_owner = current_position(owner)  # the owner opened the Inventory tab
    stock = X.stock_template(tmp_path / "stock.xlsx", [["TEA-001", "西湖龙井 250g", "", "茶", 45, 88, 70, 0, "", 7, 1]])
    batch = import_file(li, stock).batch_id  # Li imports a stock sheet meanwhile: TEA-001 now 70

    with pytest.raises(ChangedSinceRead) as refused:
        apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=12), seen=seen_owner)
    message = refused.value.message
    assert message.startswith(f"{_importer(li)} changed ")
    assert message.endswith(" (import of stock.xlsx); your edit was not saved — reload and try again.")
    assert on_hand(owner) == 70
    # A row the import did not write is still the owner's to change; after a reload, so is TEA-001.
    apply_edit(owner, SetSkuFields.of("TEA-002", on_hand=9), seen=seen_owner)
    assert on_hand(owner, "TEA-002") == 9
    seen_again = current_position(owner)
    apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=12), seen=seen_again)
    assert on_hand(owner) == 12
    # The owner's own later edit is newer than the import: it does not refuse their next one.
    apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=13), seen=seen_again)
    assert on_hand(owner) == 13


def test_undoing_an_import_counts_as_a_change_of_the_rows_it_put_back(two, tmp_path):
    from core.imports import import_file, undo_batch
    from tests.helpers import exports as X

    owner, li = two
    stock = X.stock_template(tmp_path / "stock.xlsx", [["TEA-001", "西湖龙井 250g", "", "茶", 45, 88, 70, 0, "", 7, 1]])
    batch = import_file(li, stock).batch_id
    seen_owner = current_position(owner)  # read after the import: 70
    undo_batch(li, batch)  # Li takes the import back: 40 again
    with pytest.raises(ChangedSinceRead) as refused:
        apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=75), seen=seen_owner)
    assert refused.value.message.endswith(" (undoing the import of stock.xlsx); your edit was not saved — reload "
                                          "and try again.")
    assert on_hand(owner) == 40


def test_an_undone_import_restored_from_the_trash_counts_as_a_change_of_its_rows(two, tmp_path):
    from core import trash
    from tests.helpers import exports as X
    from core.imports import import_file

    owner, li = two
    stock = X.stock_template(tmp_path / "stock.xlsx", [["TEA-001", "西湖龙井 250g", "", "茶", 45, 88, 70, 0, "", 7, 1]])
    batch = import_file(li, stock).batch_id
    entry = trash.undo_import(li, batch)  # Li takes the import back (Edit → Trash… keeps it): 40 again
    seen_owner = current_position(owner)  # the owner reads 40
    trash.restore(li, entry.id)  # Li puts the import back from the trash: 70
    assert on_hand(owner) == 70
    with pytest.raises(ChangedSinceRead) as refused:  # before: saved, over Li's restored 70 unseen
        apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=41), seen=seen_owner)
    assert refused.value.message.startswith(f"{_importer(li)} changed ")
    assert refused.value.message.endswith(" (putting back the import of stock.xlsx from the trash); your edit was not "
                                          "saved — reload and try again.")
    assert on_hand(owner) == 70
    apply_edit(owner, SetSkuFields.of("TEA-001", on_hand=41), seen=current_position(owner))  # after a reload
    assert on_hand(owner) == 41
