"""Text exports are parsed in the app's own process: a hostile one is refused before it can take
gigabytes. Each file is inspected in a fresh process whose peak memory is measured (before these
bounds: a 50 MB line took 1.6 GB, a page of spanned cells 1.2 GB)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
MAX_RSS_MB = 700

CHILD = r"""
import json, resource, sys
sys.path.insert(0, sys.argv[1])
from core.errors import BadInputError
from core.imports import inspect_file
if __name__ == "__main__":
    try:
        inspect_file(sys.argv[2])
        message = None
    except BadInputError as exc:
        message = exc.message
    print(json.dumps({"message": message, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _inspect(path: Path, tmp_path: Path) -> dict:
    env = {**os.environ, "SHOPDESK_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(path)], capture_output=True, text=True,
                         env=env, timeout=300, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_csv_with_one_50_mb_line_is_refused_within_bounded_memory(tmp_path: Path):
    path = tmp_path / "line.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("订单编号,买家会员名\n")
        fh.write("ab," * (50 * 1024 * 1024 // 3) + "\n")
    result = _inspect(path, tmp_path)
    assert "longer than 1 MB" in result["message"] and "Nothing was imported" in result["message"]
    assert result["peak_mb"] < MAX_RSS_MB


def test_a_web_page_of_spanned_cells_is_refused_within_bounded_memory(tmp_path: Path):
    path = tmp_path / "span.xls"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("<html><table><tr><td>订单编号</td><td>买家会员名</td></tr>")
        for _ in range(200):  # 200 rows × 7,000 cells spanning 99 columns each
            fh.write("<tr>" + "<td colspan=99>" * 7000 + "</tr>")
        fh.write("</table></html>")
    result = _inspect(path, tmp_path)
    assert "more than ShopDesk reads" in result["message"]
    assert result["peak_mb"] < MAX_RSS_MB


def test_a_wide_table_row_after_row_stops_at_the_cell_bound(tmp_path: Path):
    path = tmp_path / "many.xls"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("<html><table><tr><td>订单编号</td><td>买家会员名</td></tr>")
        row = "<tr>" + "<td colspan=99>x</td>" * 20 + "</tr>"  # 1,980 columns: within the width
        for _ in range(6000):  # 11.9 million cells in all
            fh.write(row)
        fh.write("</table></html>")
    result = _inspect(path, tmp_path)
    assert "more than 10,000,000 table cells" in result["message"]
    assert result["peak_mb"] < MAX_RSS_MB


def test_long_but_real_lines_are_read(tmp_path: Path):
    # A 300 kB note in one order (a pasted chat log) is long but real.
    from core.imports import inspect_file

    path = tmp_path / "note.csv"
    path.write_text("订单编号,买家会员名,订单备注\n1,a," + "长" * 300_000 + "\n", encoding="utf-8")
    info = inspect_file(path)
    assert info.headers[:2] == ["订单编号", "买家会员名"]
