"""Workbooks are read in a worker process, so that no workbook can take the app down.

python-calamine (Rust) turns some hostile or damaged workbooks into a panic
(``PanicException``, a ``BaseException``) or an allocation failure that aborts the whole
process: a sharedStrings count that lies, one shared string referenced by a million cells, a
cell at XFD1048576 that makes it size a half-terabyte grid. In the worker that costs only the
worker: the app sees the pipe close and refuses the file ("damaged or too large to read
safely"), with nothing written. The worker's memory is bounded by the operating system where it
can be (RLIMIT_AS on Linux and macOS) and by a watchdog everywhere (Windows included), so a
file cannot push the computer into swap either.

The worker also does the parsing while the app normalises: it sends each sheet's first rows
(for detecting the layout), then streams the chosen sheet's rows in batches that the app
normalises as they arrive, so parse and normalise run on two cores.

Protocol over one duplex pipe (pickled tuples): worker → app ``("sheets", [(name, head,
height, width)])`` or ``("error", kind, detail)``; app → worker ``("rows", index)``; worker →
app ``("rows", [row, …])`` … ``("end",)``; or app → worker ``("rows", index, RowSpec)``
(core.row_filter: only the mapped cells of the data rows) and worker → app ``("picked",
[row index, …], [cells, …])`` … ``("end",)``; app → worker ``("quit",)``. Uses the spawn start
method everywhere (the frozen app calls ``multiprocessing.freeze_support()`` in main.py).
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

from core.row_filter import RowSpec
from core.workbook_process import serve

log = logging.getLogger(__name__)

# The worker's own budget: a 100,000-order export (4 million cells) needs ~300 MB in calamine.
MEMORY_LIMIT_BYTES = 640 * 1024 * 1024
WATCH_S = 0.2  # how often the watchdog looks at the worker's memory, and Cancel is noticed
PATIENCE_S = 120.0  # the longest a worker may go without a word (a 100,000-row sheet: ~4 s)


class WorkerFailed(Exception):
    """The worker refused the file or died reading it; ``kind`` says which."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(kind, detail)
        self.kind = kind  # damaged|too_large|password|size:<rows>x<cols>|cancelled|failed (the normaliser's fault)
        self.detail = detail


# The worker's side is core/workbook_process.py: outside this package, so that a starting
# worker imports only python-calamine, not the package's SQLAlchemy and models (seconds).


# ---------------------------------------------------------------- in the app


class _Worker:
    """A worker process and the app's end of its pipe, with the watchdog on its memory."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child_conn = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=serve, name="shopdesk-workbook-reader", daemon=True,
                                args=(child_conn, MEMORY_LIMIT_BYTES))
        self.proc.start()
        child_conn.close()
        self.stop = threading.Event()
        self.over_limit = False
        threading.Thread(target=self._watch, name="workbook-reader-watchdog", daemon=True).start()
        # A worker dropped without close() (an import that failed half-way) still ends.
        weakref.finalize(self, _shutdown, self.conn, self.proc, self.stop)

    def alive(self) -> bool:
        return self.proc.is_alive()

    def close(self) -> None:
        _shutdown(self.conn, self.proc, self.stop)

    def retire(self) -> None:
        """Let the worker end without waiting for it: a worker that read a big sheet takes a few
        tenths of a second to give its memory back and exit, which the import need not wait for."""
        threading.Thread(target=self.close, name="workbook-reader-retire", daemon=True).start()

    def kill(self) -> None:
        self.stop.set()
        self.proc.kill()
        self.conn.close()
        self.proc.join(timeout=2)

    def _watch(self) -> None:
        """Kill the worker past its memory budget where the system cannot bound it (Windows)."""
        pid = self.proc.pid
        while not self.stop.wait(WATCH_S) and self.proc.is_alive():
            used = _resident_bytes(pid)
            if used is not None and used > MEMORY_LIMIT_BYTES:
                self.over_limit = True
                self.proc.kill()
                return


# One idle worker is kept between files: the wizard inspects a file and then imports it, and a
# batch of files is read one after another, without starting a process for each.
_idle: list[_Worker] = []
_idle_lock = threading.Lock()
RETIRE_AFTER_ROWS = 20_000  # a worker that read a big sheet keeps its memory: let it go


def _take_worker() -> _Worker:
    with _idle_lock:
        while _idle:
            worker = _idle.pop()
            if worker.alive():
                return worker
    return _Worker()


def _give_back(worker: _Worker) -> None:
    with _idle_lock:
        if not _idle and worker.alive():
            _idle.append(worker)
            return
    worker.close()


class WorkbookReader:
    """One workbook read by a worker process; ``sheets`` once the worker has described them."""

    def __init__(self, path: Path, *, max_rows: int, max_columns: int, max_cells: int,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self._cancelled = cancelled
        self._streaming = False
        self._rows_read = 0
        self.sheets: list[tuple[str, list[list], int, int]] = []
        self._worker: _Worker | None = _take_worker()
        try:
            self._worker.conn.send(("open", str(path), max_rows, max_columns, max_cells))
        except (OSError, ValueError):  # an idle worker that died meanwhile
            self._worker.close()
            self._worker = _Worker()
            self._worker.conn.send(("open", str(path), max_rows, max_columns, max_cells))
        message = self._receive()
        if message[0] != "sheets":
            # The worker refused the file and waits for the next one: it goes back as it is.
            worker, self._worker = self._worker, None
            _give_back(worker)
            raise WorkerFailed(message[1], message[2] if len(message) > 2 else "")
        self.sheets = message[1]

    def rows(self, index: int, spec: RowSpec | None = None) -> Iterator:
        """The rows of sheet ``index``, streamed from the worker as the app takes them; with
        ``spec``, ``(row index, picked cells)`` of its data rows only (core.row_filter, applied in
        the worker). A stream left before its end ends the worker: the rest of it would still be
        in the pipe."""
        if self._worker is None or self._streaming:
            raise RuntimeError("the workbook is closed, or another of its sheets is being read")
        self._streaming = True
        finished = False
        try:
            self._worker.conn.send(("rows", index) if spec is None else ("rows", index, spec))
            while True:
                message = self._receive()
                if message[0] == "end":
                    finished = True
                    return
                if message[0] == "picked":
                    self._rows_read += len(message[1])
                    yield from zip(message[1], message[2])
                    continue
                if message[0] != "rows":
                    raise WorkerFailed(message[1], message[2] if len(message) > 2 else "")
                self._rows_read += len(message[1])
                yield from message[1]
        finally:
            self._streaming = False
            if not finished:
                self._discard()

    def normalized(self, index: int, job) -> Iterator[tuple]:
        """Sheet ``index`` normalised by the worker (core.imports.order_parts ``Job``): its
        ``("part", …)`` messages, then ``("normalized", summary)``. The worker starts at once (before
        the first message is taken): the app does its own preparation meanwhile. A stream left before
        its end ends the worker."""
        if self._worker is None or self._streaming:
            raise RuntimeError("the workbook is closed, or another of its sheets is being read")
        self._streaming = True
        self._worker.conn.send(("normalize", index, job))
        return self._normalized()

    def _normalized(self) -> Iterator[tuple]:
        finished = False
        try:
            while True:
                message = self._receive()
                if message[0] == "part":
                    self._rows_read += len(message[1])
                    yield message
                    continue
                if message[0] == "normalized":
                    finished = True
                    yield message
                    return
                raise WorkerFailed(message[1], message[2] if len(message) > 2 else "")
        finally:
            self._streaming = False
            if not finished:
                self._discard()

    def close(self) -> None:
        """Done with this workbook: the worker waits for the next one (or ends, after a big one)."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        try:
            worker.conn.send(("close",))
        except (OSError, ValueError):
            worker.close()
            return
        if self._rows_read > RETIRE_AFTER_ROWS or sum(s[2] for s in self.sheets) > RETIRE_AFTER_ROWS:
            worker.retire()
        else:
            _give_back(worker)

    def __del__(self) -> None:
        if getattr(self, "_worker", None) is not None:  # also after a failed __init__
            self.close() if not self._streaming else self._discard()

    def _discard(self) -> None:
        """Abandon the worker mid-work (Cancel, a stream left early, a failure): it may be deep in
        calamine and not reading the pipe, so it is killed rather than asked."""
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.kill()

    def _receive(self) -> tuple:
        # Polled, so that Cancel is noticed while the worker parses, a dead worker is seen, and a
        # worker stuck in a hostile file is ended after PATIENCE_S without a word from it.
        worker = self._worker
        assert worker is not None
        waited = 0.0
        while not worker.conn.poll(WATCH_S):
            waited += WATCH_S
            if self._cancelled is not None and self._cancelled():
                self._discard()
                raise WorkerFailed("cancelled")
            if not worker.alive() and not worker.conn.poll(0):
                break
            if waited >= PATIENCE_S:
                self._discard()
                raise WorkerFailed("damaged", "no answer")
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            worker.proc.join(timeout=2)
            code = worker.proc.exitcode
            log.warning("workbook reader died (exit code %s, over memory limit: %s)", code, worker.over_limit)
            self._discard()
            raise WorkerFailed("too_large" if worker.over_limit else "damaged", f"exit code {code}") from None


def _shutdown(conn, proc, watch_stop: threading.Event) -> None:
    watch_stop.set()
    try:
        conn.send(("quit",))
    except (OSError, ValueError):
        pass
    conn.close()
    proc.join(timeout=2)
    if proc.is_alive():
        proc.kill()
        proc.join(timeout=2)


def _resident_bytes(pid: int | None) -> int | None:
    """The worker's resident memory, from the system, without a compiled helper library."""
    if pid is None:
        return None
    if os.path.exists(f"/proc/{pid}/statm"):
        try:
            with open(f"/proc/{pid}/statm") as fh:
                return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return None
    if os.name == "nt":
        return _windows_working_set(pid)
    return None  # macOS: RLIMIT_AS in the worker is the bound


def _windows_working_set(pid: int) -> int | None:
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
                    ("PeakWorkingSetSize", ctypes.c_size_t), ("WorkingSetSize", ctypes.c_size_t),
                    ("QuotaPeakPagedPoolUsage", ctypes.c_size_t), ("QuotaPagedPoolUsage", ctypes.c_size_t),
                    ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t), ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                    ("PagefileUsage", ctypes.c_size_t), ("PeakPagefileUsage", ctypes.c_size_t)]

    kernel32, psapi = ctypes.WinDLL("kernel32"), ctypes.WinDLL("psapi")
    handle = kernel32.OpenProcess(0x0400 | 0x0010, False, pid)  # QUERY_INFORMATION | VM_READ
    if not handle:
        return None
    try:
        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        if not psapi.GetProcessMemoryInfo(handle, ctypes.byref(counters), counters.cb):
            return None
        return int(counters.PagefileUsage)  # private bytes: what the worker allocated
    finally:
        kernel32.CloseHandle(handle)
