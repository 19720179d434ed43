"""`import FILE... [--platform ID] [--mapping FILE.json] [--dry-run] [--json]` (spec/cli.md).

Each file is imported on its own (all or nothing per file). Progress goes to stderr; with
``--json`` stdout carries exactly one JSON list, one object per file. Exit 2 when any file
could not be read or recognised (its object then carries ``"error"``), else 0.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.errors import BadInputError, Cancelled, UserFacingError
from core.i18n import t
from core.orders import PLATFORMS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help=t("import platform exports: orders, refunds, products/stock, traffic, members"),
        description=t(
            "Import platform exports (.xlsx, .xls, .csv, HTML saved as .xls). The platform and kind are "
            "detected from the headers unless --platform is given. Each file is imported completely or not at all."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=t("the exported files"))
    p.add_argument("--platform", choices=PLATFORMS, metavar="ID",
                   help=t("the platform the files come from: {ids}", ids=", ".join(PLATFORMS)))
    p.add_argument("--mapping", metavar="FILE.json",
                   help=t("a column mapping as JSON: {\"platform\": ID, \"kind\": \"orders\", \"columns\": {field: header}} "
                          "(or just {field: header}); a file without order numbers adds \"order_key\": "
                          "[\"buyer_account\", \"created_at\"] (or \"paid_at\"); mappings saved in File → Import… "
                          "apply without it"))
    p.add_argument("--dry-run", action="store_true", help=t("read and check the files, report what would change, write nothing"))
    p.add_argument("--json", action="store_true", help=t("print one JSON document (a list, one object per file) on stdout"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, db) -> int:
    from core.imports import import_file

    reports: list[dict] = []
    exit_code = 0
    platform, kind, mapping = args.platform, None, None
    if getattr(args, "mapping", None):
        try:
            platform, kind, mapping = load_mapping(Path(args.mapping), args.platform)
        except UserFacingError as exc:
            print(t("Error: {message}", message=exc.message), file=sys.stderr)
            if args.json:
                print(json.dumps([{"file": Path(args.mapping).name, "error": {"message": exc.message, "exit_code": 2}}],
                                 ensure_ascii=False, indent=2))
            return 2
    for name in args.files:
        path = Path(name)
        print(t("Importing {file}…", file=path.name), file=sys.stderr)
        last = {"pct": -1}

        def progress(done: int, total: int) -> None:
            pct = 100 * done // total if total else 100
            if pct // 10 != last["pct"] // 10:
                last["pct"] = pct
                print(f"  {pct}%", file=sys.stderr)

        try:
            result = import_file(db, path, platform=platform, mapping=mapping, kind=kind, dry_run=args.dry_run,
                                 progress=progress,
                                 waiting=lambda: print(t("Another import into this shop is running; waiting for it to "
                                                         "finish (Ctrl+C cancels)…"), file=sys.stderr))
        except Cancelled:
            raise KeyboardInterrupt from None
        except UserFacingError as exc:
            exit_code = max(exit_code, exc.exit_code)
            reports.append({"file": path.name, "error": {"message": exc.message, "exit_code": exc.exit_code}})
            print(t("Error: {message}", message=exc.message), file=sys.stderr)
            continue
        except OSError as exc:  # the file vanished or was locked between reading and hashing it
            message = t("{file}: the file cannot be read ({error}). Close it in any program that has it open and "
                        "import it again. Nothing was imported.", file=path.name, error=exc.strerror or type(exc).__name__)
            exit_code = 2
            reports.append({"file": path.name, "error": {"message": message, "exit_code": 2}})
            print(t("Error: {message}", message=message), file=sys.stderr)
            continue
        reports.append(result.to_json() | ({"dry_run": True} if args.dry_run else {}))
        if not args.json:
            _print_human(result, args.dry_run)
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=2))
    return exit_code


def load_mapping(path: Path, platform: str | None) -> tuple[str, str | None, dict[str, str]]:
    """``(platform, kind, mapping)`` from a ``--mapping`` JSON file; a clear error for a bad one."""
    from core.imports.fields import KINDS
    from core.imports.mapping import check_mapping, guess_kind
    from core.imports.order_key import ORDER_KEY, encode, parse_rule

    def bad(problem: str) -> BadInputError:
        return BadInputError(t("{file}: {problem} Write it as {example}. Nothing was imported.", file=path.name,
                                 problem=problem, example='{"platform": "taobao", "kind": "orders", "columns": '
                                 '{"order_no": "订单编号", "created_at": "订单创建时间", "paid": "总金额"}}'))

    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise bad(t("the mapping file cannot be read ({error}).", error=exc.strerror or type(exc).__name__)) from None
    except (ValueError, UnicodeDecodeError):
        raise bad(t("the mapping file is not valid JSON.")) from None
    if not isinstance(data, dict):
        raise bad(t("the mapping file must hold one JSON object."))
    data = dict(data)
    rule = data.pop(ORDER_KEY, None)  # a file without order numbers: the rule that identifies its orders
    columns = data.get("columns", data if "columns" not in data and "platform" not in data and "kind" not in data else None)
    if isinstance(columns, dict) and ORDER_KEY in columns:
        columns = dict(columns)
        rule = rule or columns.pop(ORDER_KEY)
    if not isinstance(columns, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in columns.items()):
        raise bad(t("“columns” must map ShopDesk field names to the file's header texts."))
    chosen = platform or data.get("platform") or "other"
    if chosen not in PLATFORMS:
        raise bad(t("unknown platform “{platform}”; use one of: {ids}.", platform=chosen, ids=", ".join(PLATFORMS)))
    clean = {k: v for k, v in columns.items() if v}
    if rule:
        try:
            clean[ORDER_KEY] = encode(parse_rule(rule))
        except UserFacingError as exc:
            raise bad(exc.message) from None
    kind = data.get("kind") or guess_kind(clean)
    if kind not in KINDS:
        raise bad(t("unknown kind “{kind}”; use one of: {kinds}.", kind=kind, kinds=", ".join(KINDS)))
    try:
        check_mapping(kind, clean)
    except UserFacingError as exc:
        raise bad(exc.message) from None
    return chosen, kind, clean


def _print_human(result, dry_run: bool) -> None:
    kind_words = {
        "orders": t("orders"), "lines": t("orders"), "refunds": t("refunds"), "traffic": t("traffic days"),
        "products": t("SKUs"), "members": t("customers"),
    }
    what = kind_words.get(result.kind, result.kind)
    head = t("Dry run, nothing written: {file}", file=result.file) if dry_run else t("Imported {file}", file=result.file)
    print(f"{head} ({result.platform or '-'}, {result.kind})")
    print(t("  {rows} row(s) read: {added} {what} added, {updated} updated, {unchanged} unchanged; {skipped} row(s) skipped",
            rows=result.rows_read, added=result.orders_added, what=what, updated=result.orders_updated,
            unchanged=result.orders_unchanged, skipped=result.rows_skipped))
    if result.lines_added:
        print(t("  {lines} order line(s) added", lines=result.lines_added))
    if result.lines_matched_by_title:
        print(t("  {lines} order line(s) without a SKU code matched to a SKU by title/spec", lines=result.lines_matched_by_title))
    for label, problems in ((t("error"), result.errors), (t("warning"), result.warnings)):
        for p in problems[:20]:
            where = t("row {row}", row=p.row) if p.row else t("file")
            column = f" [{p.column}]" if p.column else ""
            print(f"  {label}: {where}{column}: {p.message}")
        if len(problems) > 20:
            print(t("  … and {more} more", more=len(problems) - 20))
    if result.batch_id:
        print(t("  Import #{id}; it can be undone from File → Import history.", id=result.batch_id))
