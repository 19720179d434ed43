"""Untrusted files: thousands of malformed exports and a set of hostile ones.

Every file must be refused with a ``BadInputError`` (a message for the owner) or read
cleanly; none may crash the importer, change the database when refused, or make memory grow
with what the file claims. The files are fed in a separate process: a native abort or an
out-of-memory kill there fails the test instead of taking pytest down.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import fuzz_files

ROOT = Path(__file__).resolve().parents[2]
# The importer process with pandas, calamine and SQLAlchemy loaded stays well under this; a
# file that made a reader materialise what it claims would need gigabytes. Workbooks are read
# by a worker process whose own budget is core.imports.workbook_worker.MEMORY_LIMIT_BYTES.
MAX_RSS_MB = 700


def feed(files: list[Path], tmp_path: Path, import_every: int) -> dict:
    listing = tmp_path / "files.txt"
    listing.write_text("\n".join(str(p) for p in files), encoding="utf-8")
    env = {**os.environ, "SHOPDESK_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "tests.helpers.fuzz_files", str(listing), str(tmp_path / "fuzz.db"), str(import_every)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, f"the importer process died (exit {proc.returncode}):\n{proc.stderr[-3000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_thousands_of_malformed_files_are_refused_or_read_never_crash(tmp_path: Path):
    files = fuzz_files.malformed(tmp_path / "corpus", count=2000)
    result = feed(files, tmp_path, import_every=10)
    crashes = {Path(k).name: v for k, v in result["outcomes"].items() if "crash" in v}
    assert crashes == {}
    assert result["changed_on_error"] == []
    refused = sum(v == "refused" for v in result["outcomes"].values())
    assert refused > 1000  # the corpus really is malformed, so most files must be refused
    assert result["max_rss_mb"] < MAX_RSS_MB


def test_hostile_workbooks_are_refused_with_bounded_memory(tmp_path: Path):
    files = fuzz_files.hostile(tmp_path / "hostile")
    result = feed(list(files.values()), tmp_path, import_every=1)
    outcomes = {label: result["outcomes"][str(path)] for label, path in files.items()}
    assert outcomes == {label: "refused" for label in files}
    assert result["changed_on_error"] == []
    # The files that raised the importer's peak are named, should it ever pass the bound again.
    assert result["max_rss_mb"] < MAX_RSS_MB, result["raised_by"]
    assert result["worker_max_rss_mb"] < MAX_RSS_MB, result["raised_by"]


def test_a_one_line_csv_of_90_mb_is_refused_without_reading_it_into_memory(tmp_path: Path, db):
    """The one hostile file the app's own process parses (text files are not the worker's): it was read
    whole, as bytes and as text, ~150 MB for inspecting it and as much for importing it — the main
    process's growth in the test above. Its long line is now found a block at a time."""
    import tracemalloc

    from core.errors import BadInputError
    from core.imports import import_file, inspect_file

    huge = fuzz_files.hostile(tmp_path / "hostile")["30 MB cell in a CSV"]
    assert huge.stat().st_size > 90_000_000
    tracemalloc.start()
    try:
        with pytest.raises(BadInputError, match="a line of the file is longer than 1 MB"):
            inspect_file(huge)
        with pytest.raises(BadInputError, match="a line of the file is longer than 1 MB"):
            import_file(db, huge)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000  # one 8 MB block at a time (it was over 150 MB)


def test_a_line_just_under_the_block_is_still_judged_by_its_characters(tmp_path: Path):
    """The check on the bytes refuses nothing the later checks would accept, and says nothing else: a
    1.5-million-character line of 4.5 MB is left to them (the CSV reader's field limit refuses it, in
    the words it used before), and a file of ordinary lines passes."""
    from core.errors import BadInputError
    from core.imports import inspect_file

    long = tmp_path / "long.csv"
    long.write_text("订单编号,买家会员名\n" + "长" * 1_500_000 + ",x\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="not a readable table near line 2"):
        inspect_file(long)
    ok = tmp_path / "ok.csv"
    ok.write_text("订单编号,买家会员名\n" + "".join(f"{n},买家{n}\n" for n in range(200_000)), encoding="utf-8")
    assert inspect_file(ok) is not None


def test_hostile_workbook_messages_say_what_is_wrong(tmp_path: Path):
    from core.errors import BadInputError
    from core.imports import inspect_file

    files = fuzz_files.hostile(tmp_path / "hostile")
    with pytest.raises(BadInputError, match="damaged or too large to read safely"):
        inspect_file(files["far cell (no dimension)"])
    with pytest.raises(BadInputError, match="more than ShopDesk reads"):
        inspect_file(files["20000 columns without positions"])
    with pytest.raises(BadInputError, match="unpacks to far more data"):
        inspect_file(files["zip bomb"])
    with pytest.raises(BadInputError, match="damaged"):
        inspect_file(files["billion laughs"])


def test_a_good_export_still_imports_after_the_limits(tmp_path: Path, db):
    from core.imports import import_file

    seed = fuzz_files.seeds(tmp_path / "seeds")
    for path in seed:
        result = import_file(db, path)
        assert result.rows_read > 0 and not result.errors, path.name
