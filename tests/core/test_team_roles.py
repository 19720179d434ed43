"""Team mode: each person's own account, roles enforced by the server (GRANTs, row-level security),
`team add-user`, and `restore` onto a server.

These need a PostgreSQL server (tests/pg_server.py): they skip with the reason outside CI when
none can be started, and fail in CI.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import uuid

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from core.cli import build_parser, run_command
from core.db import open_database
from core.edits import apply_edit
from core.edits.goals import AddGoal, SetGoalFields
from core.edits.stock import CountStock
from core.edits.team import AddStaff, AddTask, DeleteTasks, SetTaskFields
from core.models import Goal, Sku, StockLevel, Task
from core.team_roles import RoleRefused, add_person, people, rights, setup_roles, who

PASSWORD = "correct horse 1"


def cli(*argv: str) -> int:
    return run_command(build_parser().parse_args(list(argv)))


@pytest.fixture
def team_shop(pg_database):
    """A migrated server shop with its roles, one goal, two people in the Team tab and a task each;
    yields (owner's Database, make_login(role, person) -> URL signed in as a new account)."""
    from tests import pg_server

    owner = open_database(pg_database)
    with owner.engine.begin() as conn:
        setup_roles(conn)
    apply_edit(owner, AddGoal("month", dt.date(2026, 12, 1), dt.date(2026, 12, 31), 100_000_00))
    apply_edit(owner, AddStaff(name="小王"))
    apply_edit(owner, AddStaff(name="小李"))
    with owner.session() as s:
        ids = dict(s.execute(text("SELECT name, id FROM staff")).all())
    apply_edit(owner, AddTask.of(title="上新主图", owner_id=ids["小王"]))
    apply_edit(owner, AddTask.of(title="客服话术", owner_id=ids["小李"]))
    logins: list[str] = []
    opened: list = []

    def make_login(role: str, person: str = "") -> str:
        login = f"t{uuid.uuid4().hex[:10]}"
        logins.append(login)
        with owner.engine.begin() as conn:
            add_person(conn, login, role, PASSWORD, person)
        return make_url(pg_database).set(username=login, password=PASSWORD).render_as_string(hide_password=False)

    def as_person(url: str):
        db = open_database(url)
        opened.append(db)
        return db

    yield owner, make_login, as_person, ids
    for db in opened:
        db.close()
    database = make_url(pg_database).database
    owner.close()
    pg_server.drop_database(database)
    from core.team_roles import drop_roles

    with pg_server._admin_engine().connect() as conn:
        drop_roles(conn, database, logins)
    # the fixture pg_database drops the (already dropped) database again: IF EXISTS


def _goal_target(db) -> int:
    with db.session() as s:
        return s.scalar(select(Goal.target_gmv_fen))


def _task(db, title: str) -> Task:
    with db.session() as s:
        return s.scalars(select(Task).where(Task.title == title)).one()


def test_staff_is_refused_a_goal_edit_by_the_server_and_allowed_their_own_task(team_shop):
    owner, make_login, as_person, ids = team_shop
    wang = as_person(make_login("staff", "小王"))
    goal_id = owner.session().scalar(select(Goal.id))

    with pytest.raises(RoleRefused) as refused:
        apply_edit(wang, SetGoalFields.of(goal_id, target_gmv_fen=1))
    assert refused.value.message == "Your role (staff) cannot change goals; ask the owner. Nothing was changed."
    assert _goal_target(owner) == 100_000_00

    # The server, not only ShopDesk: the same UPDATE sent directly is refused too.
    raw = create_engine(wang.url)
    with pytest.raises(Exception, match="permission denied for table goals"):
        with raw.begin() as conn:
            conn.execute(text("UPDATE goals SET target_gmv_fen = 1"))
    raw.dispose()
    assert _goal_target(owner) == 100_000_00

    mine = _task(owner, "上新主图")
    apply_edit(wang, SetTaskFields.of(mine.id, status="done"))
    assert _task(owner, "上新主图").status == "done"


def test_staff_cannot_save_someone_elses_task_delete_tasks_or_import(team_shop, tmp_path, capsys):
    owner, make_login, as_person, ids = team_shop
    wang = as_person(make_login("staff", "小王"))
    theirs = _task(owner, "客服话术")

    with pytest.raises(RoleRefused, match=r"can only save your own tasks"):
        apply_edit(wang, SetTaskFields.of(theirs.id, status="done"))
    assert _task(owner, "客服话术").status == "todo"

    with pytest.raises(Exception, match=r"The server kept 上新主图: your role may delete only tasks you added"):
        apply_edit(wang, DeleteTasks((_task(owner, "上新主图").id,)))
    assert _task(owner, "上新主图").title == "上新主图"

    # A new task of their own is fine; one for someone else is not.
    apply_edit(wang, AddTask.of(title="盘点仓库", owner_id=ids["小王"]))
    with pytest.raises(RoleRefused):
        apply_edit(wang, AddTask.of(title="别人的", owner_id=ids["小李"]))
    with owner.session() as s:
        assert sorted(s.scalars(select(Task.title))) == ["上新主图", "客服话术", "盘点仓库"]

    orders = tmp_path / "orders.csv"
    orders.write_text("订单编号,买家实际支付金额,订单付款时间,订单状态\nT1,10.00,2026-12-01 10:00:00,交易成功\n",
                      encoding="utf-8-sig")
    assert cli("--db", wang.url, "import", str(orders)) != 0
    assert "Error: Your role (staff) cannot change imported data; ask the owner." in capsys.readouterr().err
    with owner.session() as s:
        assert s.scalar(text("SELECT count(*) FROM orders")) == 0
        assert s.scalar(text("SELECT count(*) FROM import_batches")) == 0


def test_staff_counts_stock_and_a_manager_changes_goals_but_not_settings(team_shop):
    owner, make_login, as_person, _ids = team_shop
    with owner.transaction() as s:
        s.add(Sku(code="TS-1", title="T恤 白 M"))
    wang = as_person(make_login("staff"))
    apply_edit(wang, CountStock((("TS-1", 12),)))
    with owner.session() as s:
        assert s.get(StockLevel, "TS-1").on_hand == 12

    boss2 = as_person(make_login("manager"))
    goal_id = owner.session().scalar(select(Goal.id))
    apply_edit(boss2, SetGoalFields.of(goal_id, target_gmv_fen=120_000_00))
    assert _goal_target(owner) == 120_000_00
    raw = create_engine(boss2.url)
    with pytest.raises(Exception, match="permission denied for table settings"):
        with raw.begin() as conn:
            conn.execute(text("INSERT INTO settings (key, value) VALUES ('x', '1')"))
    raw.dispose()


def test_who_is_signed_in_and_the_list_of_people(team_shop):
    owner, make_login, as_person, _ids = team_shop
    wang = as_person(make_login("staff", "小王"))
    with wang.engine.connect() as conn:
        me = who(conn)
    assert (me.role, me.staff_name) == ("staff", "小王")
    assert me.login == make_url(wang.url).username
    with owner.engine.connect() as conn:
        listed = {p.login: (p.role, p.staff_name) for p in people(conn)}
    assert listed[me.login] == ("staff", "小王")
    assert "owner" in {role for role, _n in listed.values()}


def test_only_an_owner_adds_people_and_bad_names_are_refused(team_shop):
    owner, make_login, as_person, _ids = team_shop
    manager = as_person(make_login("manager"))
    with manager.engine.begin() as conn, pytest.raises(RoleRefused, match="Only the owner can add people"):
        add_person(conn, "intruder", "owner", PASSWORD)
    with owner.engine.begin() as conn:
        with pytest.raises(Exception, match="cannot be an account name"):
            add_person(conn, "Robert'); DROP TABLE goals;--", "staff", PASSWORD)
        with pytest.raises(Exception, match="at least 8 characters"):
            add_person(conn, "shortpw", "staff", "abc")
        with pytest.raises(Exception, match="no person “老赵” in the Team tab"):
            add_person(conn, "zhao", "staff", PASSWORD, "老赵")


def test_the_rights_table_matches_the_readme():
    assert rights("staff", "goals") == "SELECT"
    assert rights("staff", "tasks") == "SELECT, INSERT, UPDATE, DELETE"  # delete: only tasks they added (RLS)
    assert rights("staff", "orders") == "SELECT"
    assert rights("manager", "settings") == "SELECT"
    assert rights("manager", "goals") == "SELECT, INSERT, UPDATE, DELETE"
    assert rights("owner", "settings") == "ALL"


def test_add_user_on_the_command_line(team_shop, monkeypatch, capsys, tmp_path):
    owner, _make_login, _as_person, _ids = team_shop
    login = f"t{uuid.uuid4().hex[:10]}"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli("--db", owner.url, "team", "add-user", login, "--role", "staff", "--person", "小李") == 0
    assert f"{login} can now sign in" in capsys.readouterr().out
    url = make_url(owner.url).set(username=login, password=PASSWORD).render_as_string(hide_password=False)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert (who(conn).role, who(conn).staff_name) == ("staff", "小李")
    finally:
        engine.dispose()
        from tests import pg_server

        with pg_server._admin_engine().connect() as conn:
            conn.exec_driver_sql(f'DROP OWNED BY "{login}"')
            conn.exec_driver_sql(f'DROP ROLE "{login}"')
    assert cli("--db", str(tmp_path / "shop.db"), "team", "add-user", "x", "--role", "staff") == 2
    assert "is a file on this computer" in capsys.readouterr().err


def test_restore_onto_a_server_keeps_the_replaced_data_and_only_an_owner_may(team_shop, tmp_path, capsys):
    owner, make_login, as_person, _ids = team_shop
    backup = tmp_path / "before.db"
    assert cli("--db", owner.url, "backup", str(backup)) == 0
    goal_id = owner.session().scalar(select(Goal.id))
    apply_edit(owner, SetGoalFields.of(goal_id, target_gmv_fen=5_00))
    apply_edit(owner, AddTask.of(title="恢复后应消失"))

    manager = as_person(make_login("manager"))
    with pytest.raises(RoleRefused, match="Only the owner can restore a backup onto the server"):
        manager.restore(backup, keep_dir=tmp_path / "kept")
    assert _goal_target(owner) == 5_00

    kept = owner.restore(backup, keep_dir=tmp_path / "kept")
    assert _goal_target(owner) == 100_000_00
    with owner.session() as s:
        assert sorted(s.scalars(select(Task.title))) == ["上新主图", "客服话术"]
    # The replaced data is a ShopDesk file holding what was there before the restore.
    copy = open_database(kept)
    try:
        with copy.session() as s:
            assert s.scalar(select(Goal.target_gmv_fen)) == 5_00
            assert "恢复后应消失" in set(s.scalars(select(Task.title)))
    finally:
        copy.close()
    # A new task still gets a free id after the rows came back with their old ids.
    apply_edit(owner, AddTask.of(title="之后"))
    # And the command line, from the backup folder's newest file.
    capsys.readouterr()
    assert cli("--db", owner.url, "restore", str(backup)) == 0
    assert "The data it replaced is kept in" in capsys.readouterr().out
    assert json.dumps(_goal_target(owner)) == "10000000"


def _role_exists(name: str) -> bool:
    from tests import pg_server

    with pg_server._admin_engine().connect() as conn:
        return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None


def test_the_owner_removes_an_account_on_the_command_line_and_its_tasks_stay(team_shop, capsys):
    from core.errors import DatabaseError

    owner, make_login, _as_person, ids = team_shop
    wang_url = make_login("staff", "小王")
    wang = make_url(wang_url).username
    capsys.readouterr()

    assert cli("--db", owner.url, "team", "remove-user", wang) == 0
    assert capsys.readouterr().out.strip() == (
        f"{wang} (staff) can no longer sign in to {owner.display_name}. 小王's tasks stay in the Team tab.")
    assert not _role_exists(wang)
    with pytest.raises(DatabaseError):
        open_database(wang_url)
    # The person and their task are still there; only the link to the account is gone.
    mine = _task(owner, "上新主图")
    assert mine.owner_id == ids["小王"]
    with owner.session() as s:
        assert s.scalar(text("SELECT login FROM staff WHERE name = '小王'")) == ""
    assert cli("--db", owner.url, "team", "users") == 0
    assert wang not in capsys.readouterr().out
    # Again: the account is not there any more; nothing changes.
    assert cli("--db", owner.url, "team", "remove-user", wang) == 2
    assert f"“{wang}” is not an account of this shop" in capsys.readouterr().err


def test_only_an_owner_removes_accounts_never_their_own_or_the_databases_owner(team_shop):
    from core.team_roles import remove_person

    owner, make_login, as_person, _ids = team_shop
    li = make_url(make_login("staff", "小李")).username
    wang_db = as_person(make_login("staff", "小王"))
    manager = as_person(make_login("manager"))

    for db, role in ((wang_db, "staff"), (manager, "manager")):
        with db.engine.begin() as conn, pytest.raises(RoleRefused) as refused:
            remove_person(conn, li)
        assert refused.value.message.startswith(f"Only the owner can remove people (you are signed in as "
                                                f"{make_url(db.url).username}, role {role})")
    # The server refuses too, whatever program asks.
    raw = create_engine(wang_db.url)
    with pytest.raises(Exception, match="permission denied to drop role"):
        with raw.begin() as conn:
            conn.exec_driver_sql(f'DROP ROLE "{li}"')
    raw.dispose()
    assert _role_exists(li)

    second = as_person(make_login("owner"))
    me = make_url(second.url).username
    with second.engine.begin() as conn, pytest.raises(Exception, match="cannot remove your own account"):
        remove_person(conn, me)
    dba = make_url(owner.url).username
    with second.engine.begin() as conn, pytest.raises(Exception, match="owns the shop's database"):
        remove_person(conn, dba)
    # Another owner may remove staff (and owners other than the database's).
    with second.engine.begin() as conn:
        assert remove_person(conn, li).role == "staff"
    assert not _role_exists(li)
    with owner.engine.begin() as conn:
        assert remove_person(conn, me).role == "owner"
    assert not _role_exists(me)


def test_staff_undo_their_own_add_task_but_never_delete_anyone_elses(team_shop):
    from core.edits import redo_change, undo_change

    owner, make_login, as_person, ids = team_shop
    wang_url = make_login("staff", "小王")
    wang = as_person(wang_url)
    login = make_url(wang_url).username

    added = apply_edit(wang, AddTask.of(title="拍新品图", owner_id=ids["小王"]))
    assert _task(owner, "拍新品图").created_by == login  # filled in by the server
    undo_change(wang, added)
    with owner.session() as s:
        assert "拍新品图" not in set(s.scalars(select(Task.title)))
    redo_change(wang, added)
    assert _task(owner, "拍新品图").owner_id == ids["小王"]

    # A task the owner added and assigned to 小王 is 小王's to edit, not to delete.
    theirs = _task(owner, "上新主图")
    assert theirs.created_by == make_url(owner.url).username
    with pytest.raises(Exception, match="The server kept 上新主图"):
        apply_edit(wang, DeleteTasks((theirs.id,)))
    # Deleting even their own through the trash is refused (staff delete nothing else) ...
    with pytest.raises(RoleRefused, match=r"Your role \(staff\) cannot delete; ask the owner or a manager"):
        apply_edit(wang, DeleteTasks((_task(owner, "拍新品图").id,)))
    # ... and the server holds whatever program connects: no delete of another's task, no claiming it.
    raw = create_engine(wang.url)
    try:
        with raw.begin() as conn:
            assert conn.execute(text("DELETE FROM tasks WHERE id = :i"), {"i": theirs.id}).rowcount == 0
            conn.execute(text("UPDATE tasks SET created_by = :me WHERE id = :i"), {"me": login, "i": theirs.id})
        with raw.begin() as conn:
            assert conn.execute(text("DELETE FROM tasks WHERE id = :i"), {"i": theirs.id}).rowcount == 0
        with pytest.raises(Exception, match="row-level security"):
            with raw.begin() as conn:
                conn.execute(text("INSERT INTO tasks (title, owner_id, status, priority, checklist, recurrence, notes, "
                                  "created_by) VALUES ('冒名', :o, 'todo', 2, '[]', '', '', 'postgres')"),
                             {"o": ids["小王"]})
    finally:
        raw.dispose()
    assert _task(owner, "上新主图").created_by == make_url(owner.url).username
    with owner.session() as s:
        assert sorted(s.scalars(select(Task.title))) == ["上新主图", "客服话术", "拍新品图"]


def test_staff_receive_part_of_a_delivery_the_owner_ordered(team_shop):
    from core.edits.deliveries import MarkOrdered, ReceiveDelivery
    from core.models import Delivery

    owner, make_login, as_person, _ids = team_shop
    with owner.transaction() as s:
        s.add(Sku(code="TS-2", title="T恤 黑 L", supplier="甲厂"))
    apply_edit(owner, MarkOrdered((("TS-2", 30),), dt.date(2026, 12, 1)))
    with owner.session() as s:
        delivery = s.scalar(select(Delivery.id).where(Delivery.sku_code == "TS-2"))
    wang = as_person(make_login("staff"))
    apply_edit(wang, ReceiveDelivery("TS-2", delivery, 20, dt.date(2026, 12, 8)))
    with owner.session() as s:
        level = s.get(StockLevel, "TS-2")
        assert (level.on_hand, level.in_transit) == (20, 10)
