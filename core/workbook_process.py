"""The workbook reader's own process: python-calamine, and nothing of the app.

core.imports.workbook_worker starts this in a worker process (spawn) and talks to it over a
pipe; see there for why and for the protocol. It lives outside ``core.imports`` because a
spawned process imports its target's package first: ``core.imports`` brings SQLAlchemy and the
models, seconds that every import of a workbook would wait for before calamine even opens it.
Only the standard library, python-calamine and core.row_filter are imported here; a big sheet's
order import also brings the pure normaliser (core.imports.order_parts: no SQLAlchemy, no Qt),
imported while the app detects the layout.
"""
from __future__ import annotations

BATCH_ROWS = 2000
HEAD_ROWS = 20
BIG_SHEET = 20_000  # rows: a sheet the app may ask to normalise here (core.imports.order_parts)


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the app's watchdog is the bound there
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):  # a hard limit already lower, or a system that ignores it
        pass


def serve(conn, limit: int) -> None:
    """The worker's whole life: open the workbooks it is sent, one at a time, until told to quit."""
    _limit_memory(limit)
    try:
        while True:
            command = conn.recv()
            if command[0] == "quit":
                return
            if command[0] == "open":  # anything else (a "close" after a refusal) finds it idle already
                _serve_file(conn, *command[1:])
    except (EOFError, BrokenPipeError, OSError):  # the app went away (Cancel, or it closed)
        return


def _serve_file(conn, path: str, max_rows: int, max_columns: int, max_cells: int) -> None:
    try:
        import python_calamine as pc

        book = pc.CalamineWorkbook.from_path(path)
        sheets = []
        described = []
        for meta in book.sheets_metadata:
            if str(meta.typ) not in ("SheetTypeEnum.WorkSheet", "WorkSheet"):
                continue
            sheet = book.get_sheet_by_name(meta.name)
            rows, cols = sheet.total_height, sheet.total_width
            if rows > max_rows or cols > max_columns or rows * cols > max_cells:
                conn.send(("error", f"size:{rows}x{cols}", ""))
                return
            head = []
            for i, row in enumerate(sheet.iter_rows()):
                if i >= HEAD_ROWS:
                    break
                head.append(row)
            sheets.append(sheet)
            described.append((sheet.name, head, rows, cols))
        conn.send(("sheets", described))
        if any(d[2] > BIG_SHEET for d in described):
            import core.imports.order_parts  # noqa: F401 - ready for "normalize" while the app detects
        while True:
            command = conn.recv()
            if command[0] == "normalize":
                _send_normalized(conn, sheets[command[1]], command[2])
                continue
            if command[0] != "rows":
                return  # "close": this file is done, wait for the next
            if len(command) > 2:
                _send_picked(conn, sheets[command[1]].iter_rows(), command[2])
                continue
            batch: list = []
            for row in sheets[command[1]].iter_rows():
                batch.append(row)
                if len(batch) >= BATCH_ROWS:
                    conn.send(("rows", batch))
                    batch = []
            if batch:
                conn.send(("rows", batch))
            conn.send(("end",))
    except (EOFError, BrokenPipeError):
        raise
    except MemoryError:
        _send_quietly(conn, ("error", "too_large", ""))
    except BaseException as exc:  # noqa: BLE001 - calamine's PanicException is a BaseException
        kind = "password" if ("password" in str(exc).lower() or "encrypt" in str(exc).lower()) else "damaged"
        _send_quietly(conn, ("error", kind, f"{type(exc).__name__}: {exc}"[:300]))


def _send_picked(conn, rows, spec) -> None:
    """Only the cells the import maps, of the data rows (core.row_filter): less to pickle here and
    to unpickle in the app than whole rows of 41 cells."""
    from core.row_filter import picked_rows

    numbers: list = []
    batch: list = []
    for i, cells in picked_rows(rows, spec):
        numbers.append(i)
        batch.append(cells)
        if len(batch) >= BATCH_ROWS:
            conn.send(("picked", numbers, batch))
            numbers, batch = [], []
    if batch:
        conn.send(("picked", numbers, batch))
    conn.send(("end",))


def _send_normalized(conn, sheet, job) -> None:
    """A big order sheet's orders, normalised here in parts (core.imports.order_parts).

    Python's cycle collector is off meanwhile, as in the app while it imports
    (core.imports.pipeline ``_no_cycle_collection``): normalising keeps every order seen (for
    "appears again") and makes dicts by the hundred thousand, which the collector would walk
    over and over for nothing (~6 % of this loop's time for 100,000 orders); they hold no cycles."""
    import gc

    from core.imports.order_parts import serve_parts

    was_on = gc.isenabled()
    gc.disable()
    try:
        for message in serve_parts(sheet.iter_rows(), job):
            conn.send(message)
    except (EOFError, BrokenPipeError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - a fault of the normaliser, not of the file: the app says so
        conn.send(("error", "failed", f"{type(exc).__name__}: {exc}"[:300]))
    finally:
        if was_on:
            gc.enable()


def _send_quietly(conn, message: tuple) -> None:
    try:
        conn.send(message)
    except (OSError, ValueError):
        pass


