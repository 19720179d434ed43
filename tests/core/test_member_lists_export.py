"""`export member-lists FILE`: the recall lists read back from .xlsx (a sheet per list), .json (a key
per list) and .csv (one file, a list column); phone and name as exported, masked stays masked."""
from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.errors import BadInputError
from core.models import Customer
from core.views import ViewParams, export_view
from tests.conftest import DEMO_END


def _export(demo_db, path):
    return export_view(demo_db, "member-lists", path, ViewParams(DEMO_END))


def test_json_has_one_key_per_list_with_phones_as_exported(demo_db, tmp_path):
    path, count = _export(demo_db, tmp_path / "lists.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["sleeping", "at_risk", "near_tier"]
    assert all(data[k] for k in data) and count == sum(len(v) for v in data.values())
    with demo_db.session() as s:
        phones = {(p, k): (n, ph) for p, k, n, ph in s.execute(select(Customer.platform, Customer.buyer_key,
                                                                       Customer.name, Customer.phone))}
    for rows in data.values():
        for r in rows:
            assert (r["name"], r["phone"]) == phones[r["platform"], r["buyer_key"]]
    assert any("****" in r["phone"] for r in data["sleeping"])  # masked in the export, masked here
    assert all(r["recency_days"] > 180 for r in data["sleeping"])
    spends = [r["spend"] for r in data["at_risk"]]
    assert spends == sorted(spends, reverse=True) and {r["segment"] for r in data["at_risk"]} <= {"cant_lose", "at_risk"}
    gaps = [r["amount_to_next_tier"] for r in data["near_tier"]]
    assert gaps == sorted(gaps) and all(g > 0 for g in gaps)


def test_xlsx_has_a_sheet_per_list_and_csv_one_list_column(demo_db, tmp_path):
    data = json.loads(_export(demo_db, tmp_path / "lists.json")[0].read_text(encoding="utf-8"))
    wb = load_workbook(_export(demo_db, tmp_path / "lists.xlsx")[0], read_only=True)
    assert wb.sheetnames == ["Sleeping", "At-risk high-value", "Close to the next tier"]
    for name, key in zip(wb.sheetnames, data, strict=True):
        values = list(wb[name].iter_rows(values_only=True))
        header = values[1]  # a title line above the header
        assert header[:4] == ("Channel", "Buyer", "Name", "Phone")
        body = [v for v in values[2:] if any(x is not None for x in v)]
        assert len(body) == len(data[key]) and body[0][3] == data[key][0]["phone"]
    with open(_export(demo_db, tmp_path / "lists.csv")[0], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["List", "Channel", "Buyer"]
    by_list = {name: sum(1 for r in rows[1:] if r[0] == name) for name in wb.sheetnames}
    assert by_list == {n: len(data[k]) for n, k in zip(wb.sheetnames, data, strict=True)}


def test_the_command_writes_the_lists_and_refuses_dates_and_a_wrong_extension(demo_db, tmp_path):
    from tests.core.test_cli import run

    out = tmp_path / "campaign.json"
    done = run("--db", str(demo_db.path), "export", "member-lists", str(out), "--as-of", DEMO_END.isoformat())
    assert done.returncode == 0, done.stderr
    refused = run("--db", str(demo_db.path), "export", "member-lists", str(tmp_path / "x.json"), "--from", "2026-01-01",
                  "--to", "2026-02-01")
    assert refused.returncode != 0 and "member-lists is not a view over dates" in refused.stderr
    assert set(json.loads(out.read_text(encoding="utf-8"))) == {"sleeping", "at_risk", "near_tier"}
    with pytest.raises(BadInputError):
        _export(demo_db, tmp_path / "lists.txt")
    assert not (tmp_path / "lists.txt").exists()


def test_ledger_and_cohort_views_match_the_balances_and_the_heat_map(demo_db, tmp_path):
    from core.cohorts import activity, cohort_rows, cohorts

    ledger = json.loads(export_view(demo_db, "points-ledger", tmp_path / "l.json", ViewParams(DEMO_END))[0]
                        .read_text(encoding="utf-8"))
    last = {(r["platform"], r["buyer_key"]): r["balance"] for r in ledger}  # each customer's lines oldest first
    with demo_db.session() as s:
        points = {(p, k): n for p, k, n in s.execute(select(Customer.platform, Customer.buyer_key, Customer.points))}
    assert last == {k: v for k, v in points.items() if k in last} and len(last) > 100
    assert {r["kind"] for r in ledger} == {"earn", "adjust", "expire"}
    table = json.loads(export_view(demo_db, "member-cohorts", tmp_path / "c.json", ViewParams(DEMO_END))[0]
                       .read_text(encoding="utf-8"))
    with demo_db.engine.connect() as conn:
        expected = cohort_rows(cohorts(activity(conn, DEMO_END), DEMO_END))
    assert [(r["cohort"], r["customers"]) for r in table] == [(c.cohort, c.customers) for c in expected]
    assert table[0]["month_1"] == pytest.approx(expected[0].shares[0], abs=1e-6) and table[-1]["month_1"] is None
