"""Screenshots of team mode: Settings → Database (a wrong password, then a good connection), signing
in, the window signed in as a staff member whose goal edit the server refuses, Team accounts (with
Remove account…, its confirmation, and staff's refusal).

    xvfb-run -a -s "-screen 0 1440x900x24" python tools/screenshots_team.py OUT_DIR [--lang zh_CN]

Needs a PostgreSQL server: a throwaway cluster is started as for the tests (tests/pg_server.py,
Debian's postgresql package, or SHOPDESK_TEST_PG_URL), the demo shop is made there, and a staff
account ``wang`` is added. Everything is dropped at the end.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "demo-password-1"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import os

    os.environ.setdefault("SHOPDESK_DATA_DIR", tempfile.mkdtemp(prefix="shopdesk-shots-"))
    from PySide6.QtCore import QEventLoop, QTimer
    from sqlalchemy import select
    from sqlalchemy.engine import make_url

    from core import i18n, settings
    from core.db import open_database
    from core.demo import fill_demo
    from core.models import Goal, Staff
    from core.team_connection import ServerChoice
    from core.team_roles import add_person, drop_roles, setup_roles
    from tests import pg_server
    from ui.app import create_application, install_translators
    from ui.context import AppContext
    from ui.main_window import MainWindow

    url, why = pg_server.admin_url()
    if url is None:
        print(why, file=sys.stderr)
        return 1
    i18n.set_language(args.lang)
    app = create_application()
    install_translators(app, args.lang)

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    name = pg_server.create_database(template=pg_server.migrated_template())
    shop_url = pg_server.database_url(name)
    login = "wang"
    try:
        owner = open_database(shop_url)
        fill_demo(owner)
        with owner.engine.begin() as conn:
            setup_roles(conn)
        with owner.session() as s:
            person = s.scalars(select(Staff.name).order_by(Staff.id)).first() or ""
        with owner.engine.begin() as conn:
            add_person(conn, login, "staff", PASSWORD, person)
        u = make_url(shop_url)
        choice = ServerChoice("server", u.query["host"], u.port or 5432, name, login)

        # 1. Settings → Database: a wrong password, then the good one.
        from ui.settings.database_page import DatabasePage

        page = DatabasePage("/home/shop/.local/share/ShopDesk/shop.db", "/home/shop/.local/share/ShopDesk/shop.db",
                            choice=ServerChoice())
        page.resize(640, 520)
        page.show()
        page.shared_server.setChecked(True)
        for edit, value in ((page.host, choice.host), (page.database, name), (page.user, login)):
            edit.setText(value)
        for i, (password, tag) in enumerate((("wrong-password", "wrong_password"), (PASSWORD, "connected"))):
            page.password.setText(password)
            page.test_button.click()
            while not page.test_button.isEnabled() or page.status.text().endswith("…"):
                wait(100)
            wait(200)
            path = args.out / f"{args.lang}_database_{i + 1}_{tag}.png"
            page.grab().save(str(path))
            print(path, page.status.text())
        page.close()

        # 2. The sign-in dialog after a refused password.
        from ui.settings.sign_in import SignInDialog

        dialog = SignInDialog(choice, i18n.t("The server refused the password for {user}. Check it (and the user "
                                             "name) and try again.", user=login))
        dialog.show()
        wait(200)
        dialog.grab().save(str(args.out / f"{args.lang}_sign_in.png"))
        dialog.close()

        # 3. The window signed in as staff: who they are, and a goal edit the server refuses.
        staff_db = open_database(choice.url(PASSWORD))
        window = MainWindow(AppContext(staff_db, settings.load()))
        window.resize(1360, 820)
        window.show()
        goals = window.page("goals")
        window.tabs.setCurrentWidget(goals)
        wait(500)
        while goals.loading:
            wait(100)
        from core.edits.goals import SetGoalFields

        with owner.session() as s:
            goal_id = s.scalar(select(Goal.id).order_by(Goal.id))
        window.ctx.edits.run(SetGoalFields.of(goal_id, target_gmv_fen=1), parent=goals)
        wait(300)
        while window.ctx.edits.pending:
            wait(100)
        wait(500)
        path = args.out / f"{args.lang}_signed_in_staff_refused.png"
        window.grab().save(str(path))
        print(path, window.signed_in_label.text())
        window.close()
        staff_db.close()

        # 4. Settings → Team accounts, as the owner.
        from ui.settings.team_page import TeamAccountsPage

        owner_window = MainWindow(AppContext(owner, settings.load()))
        accounts = TeamAccountsPage(owner_window.ctx)
        accounts.resize(640, 480)
        accounts.show()
        wait(300)
        accounts.grab().save(str(args.out / f"{args.lang}_team_accounts.png"))
        # 5. Removing an account: the owner selects wang (Remove account… is enabled), is asked first.
        logins = [accounts.table.item(r, 0).text() for r in range(accounts.table.rowCount())]
        accounts.table.selectRow(logins.index(login))
        wait(200)
        accounts.grab().save(str(args.out / f"{args.lang}_team_accounts_remove.png"))
        box = accounts.confirmation(accounts.selected())
        box.show()
        wait(300)
        box.grab().save(str(args.out / f"{args.lang}_team_accounts_remove_confirm.png"))
        box.close()
        accounts.close()
        # 6. Staff cannot remove anyone: the page says so (the server would refuse too).
        staff_db = open_database(choice.url(PASSWORD))
        staff_page = TeamAccountsPage(AppContext(staff_db, settings.load()))
        staff_page.resize(640, 480)
        staff_page.show()
        names = [staff_page.table.item(r, 0).text() for r in range(staff_page.table.rowCount())]
        staff_page.table.selectRow(names.index(make_url(url).username))
        staff_page.remove_button.click()
        wait(300)
        staff_page.grab().save(str(args.out / f"{args.lang}_team_accounts_staff_refused.png"))
        print(staff_page.message.text())
        staff_page.close()
        staff_db.close()
        owner.close()
    finally:
        pg_server.drop_database(name)
        with pg_server._admin_engine().connect() as conn:
            drop_roles(conn, name, [login])
    return 0


if __name__ == "__main__":
    sys.exit(main())
