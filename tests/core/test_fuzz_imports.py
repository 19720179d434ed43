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
    assert result["max_rss_mb"] < MAX_RSS_MB
    assert result["worker_max_rss_mb"] < MAX_RSS_MB


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
