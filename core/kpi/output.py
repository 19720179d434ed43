"""The KPIs as people and files see them: labels, display text, the `kpi --json` shape, and
the rows of the dashboard's Excel export."""
from __future__ import annotations

from typing import Any

from core.currency import missing_rate_message
from core.i18n import t
from core.kpi.numbers import KPI_KEYS, MONEY_KEYS, RATE_KEYS, KpiNumbers, KpiResult
from core.money import fen_to_yuan, format_fen, format_rate


def kpi_label(key: str) -> str:
    labels = {
        "gmv": t("GMV"),
        "orders": t("Paid orders"),
        "paying_buyers": t("Paying buyers"),
        "aov": t("Average order value"),
        "refund_amount": t("Refund amount"),
        "net_sales": t("Net sales"),
        "refund_rate": t("Refund rate"),
        "repurchase_rate": t("Repurchase rate"),
        "visitors": t("Visitors"),
        "conversion_rate": t("Conversion rate"),
        "units": t("Units sold"),
    }
    return labels[key]


def channel_label(platform: str) -> str:
    """A platform id as people read it (the `kpi` table's column headers); JSON keeps the ids."""
    names = {
        "taobao": t("Taobao/Tmall"), "jd": t("JD"), "pdd": t("Pinduoduo"), "douyin": t("Douyin"),
        "kuaishou": t("Kuaishou"), "youzan": t("Youzan"), "shopify": t("Shopify"), "wechat": t("WeChat Shop"),
        "xiaohongshu": t("Xiaohongshu"), "offline": t("Offline"), "other": t("Other"),
    }
    return names.get(platform, platform)


def kind_of(key: str) -> str:
    """``money`` (fen), ``rate`` (fraction) or ``int``."""
    return "money" if key in MONEY_KEYS else "rate" if key in RATE_KEYS else "int"


def format_kpi(key: str, value: int | float | None) -> str:
    """Display text; "—" for unknown."""
    if value is None:
        return "—"
    kind = kind_of(key)
    if kind == "money":
        return format_fen(int(value))
    if kind == "rate":
        return format_rate(value)
    return f"{int(value):,}"


def json_value(key: str, value: int | float | None) -> int | float | None:
    """spec/cli.md units: yuan with two decimals, rates as fractions, null for unknown."""
    if value is None:
        return None
    kind = kind_of(key)
    if kind == "money":
        return fen_to_yuan(int(value))
    if kind == "rate":
        return round(float(value), 6)
    return int(value)


def _numbers_json(numbers: KpiNumbers) -> dict[str, Any]:
    return {key: json_value(key, numbers.value(key)) for key in KPI_KEYS}


def kpi_json(result: KpiResult) -> dict[str, Any]:
    """The document `kpi --json` prints (spec/cli.md)."""
    doc = _numbers_json(result)
    doc["from"] = result.date_from.isoformat() if result.date_from else None
    doc["to"] = result.date_to.isoformat() if result.date_to else None
    doc["channel"] = result.channel
    doc["currency"] = result.currency
    doc["by_channel"] = {
        platform: {**_numbers_json(n), "currency": result.currency,
                   "original_currency": result.channel_currencies.get(platform, result.currency)}
        for platform, n in result.by_channel.items()
    }
    # Channels left out of every figure above: no rate for a month (core.currency). Their
    # amounts are in their own currency, never in the total.
    doc["excluded"] = {
        platform: {**_numbers_json(ex.numbers), "currency": ex.currency, "missing_rate_months": list(ex.missing_months),
                   "message": missing_rate_message(ex.currency, ex.missing_months)}
        for platform, ex in result.excluded.items()
    }
    return doc


def kpi_rows_for_export(result: KpiResult) -> list[tuple[str, int | float | str | None]]:
    """(label, value) rows: the range, then each KPI in the `--json` units (yuan, fractions,
    ``None`` for unknown), for a two-column sheet of the dashboard's numbers."""
    rows: list[tuple[str, int | float | str | None]] = [
        (t("From"), result.date_from.isoformat() if result.date_from else None),
        (t("To"), result.date_to.isoformat() if result.date_to else None),
        (t("Channel"), result.channel or t("All channels")),
    ]
    rows += [(kpi_label(key), json_value(key, result.value(key))) for key in KPI_KEYS]
    return rows


def kpi_table_text(result: KpiResult) -> str:
    """The `kpi` command's human output: the range's KPIs, then one column per channel."""
    channels = list(result.by_channel)
    # A channel left out for a missing rate shows its own numbers in its own currency (never ¥0.00
    # and 0 orders): as the column of `--channel`, or beside the converted channels.
    left_out = {p: ex for p, ex in result.excluded.items() if not result.channel or p == result.channel}
    alone = result.channel in left_out
    header = [t("KPI")] if alone else [t("KPI"), t("All channels") if not result.channel else channel_label(result.channel)]
    if not result.channel:
        header += [channel_label(c) for c in channels]
    header += [f"{channel_label(p)} ({ex.currency})" for p, ex in left_out.items()]
    rows = [header]
    for key in KPI_KEYS:
        row = [kpi_label(key)] if alone else [kpi_label(key), format_kpi(key, result.value(key))]
        if not result.channel:
            row += [format_kpi(key, result.by_channel[c].value(key)) for c in channels]
        row += [_own_currency(key, ex.numbers.value(key), ex.currency) for ex in left_out.values()]
        rows.append(row)
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header))]
    lines = [
        t("KPIs for {start} to {end} (by payment date)", start=result.date_from, end=result.date_to),
    ]
    for n, row in enumerate(rows):
        cells = [_pad(row[0], widths[0], left=True)] + [_pad(c, w) for c, w in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    converted = [(p, c) for p, c in sorted(result.channel_currencies.items()) if p in result.by_channel]
    if (converted or result.excluded) and not alone:
        lines.append(t("Amounts in {currency}.", currency=result.currency) + "".join(
            " " + t("{channel} converted from {original} at each month's rate.", channel=channel_label(p), original=c)
            for p, c in converted))
    for platform, ex in result.excluded.items():
        lines.append(t("Not in the totals: {channel}, {gmv} {currency} GMV in {orders} order(s) ({why}).",
                       channel=channel_label(platform), gmv=f"{fen_to_yuan(ex.numbers.gmv):,.2f}", currency=ex.currency,
                       orders=f"{ex.numbers.orders:,}", why=missing_rate_message(ex.currency, ex.missing_months)))
    if result.visitors is None:
        lines.append(t("Visitors and conversion need a traffic import (生意参谋 or the platform's traffic report)."))
    return "\n".join(lines)


def _own_currency(key: str, value: int | float | None, currency: str) -> str:
    """A left-out channel's figure: amounts as ``ZAR 1,868.68`` (hundredths of its currency)."""
    if kind_of(key) == "money" and value is not None:
        return format_fen(int(value), symbol=f"{currency} ")
    return format_kpi(key, value)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int, left: bool = False) -> str:
    space = " " * (width - _width(text))
    return text + space if left else space + text


def dashboard_export_sheets(dash: Any, channel_names: dict[str, str] | None = None) -> list:
    """The dashboard's numbers as ``core.exports`` sheets: the cards (value, 环比, 同比, goal
    progress), then every KPI per channel. Typed columns, so Excel gets numbers, not text."""
    from core.exports import Column, Sheet

    names = channel_names or {}
    cards = []
    for card in dash.cards:
        kind = kind_of(card.key)
        cards.append([
            kpi_label(card.key),
            card.value if kind == "money" else None,
            card.value if kind == "int" else None,
            card.value if kind == "rate" else None,
            card.change_prev,
            card.change_year,
            card.target if kind == "money" else None,
            card.target if kind == "int" else None,
            card.target if kind == "rate" else None,
            card.progress,
        ])
    period = t("{start} to {end}", start=dash.period.start.isoformat(), end=dash.period.end.isoformat())
    scope = names.get(dash.channel or "", dash.channel or t("All channels"))
    card_sheet = Sheet(
        name=t("KPIs"),
        title=f"{t('KPIs')} · {period} · {scope}",
        columns=[
            Column(t("KPI"), "text"), Column(t("Amount"), "money"), Column(t("Count"), "int"),
            Column(t("Rate"), "rate"), Column(t("vs previous period"), "rate"), Column(t("vs last year"), "rate"),
            Column(t("Goal amount"), "money"), Column(t("Goal count"), "int"), Column(t("Goal rate"), "rate"),
            Column(t("Goal progress"), "rate"),
        ],
        rows=cards,
    )
    columns = [Column(t("Channel"), "text")] + [Column(kpi_label(k), kind_of(k)) for k in KPI_KEYS]
    rows = [[t("All channels")] + [dash.current.value(k) for k in KPI_KEYS]]
    rows += [[names.get(p, p)] + [n.value(k) for k in KPI_KEYS] for p, n in dash.current.by_channel.items()]
    sheets = [card_sheet, Sheet(name=t("By channel"), title=f"{t('By channel')} · {period}", columns=columns, rows=rows)]
    if dash.current.excluded:  # in their own currency: never in the yuan columns above
        sheets.append(Sheet(
            name=t("Not in the totals"), title=f"{t('Not in the totals')} · {period}",
            columns=[Column(t("Channel"), "text"), Column(t("Currency"), "text"), Column(t("GMV"), "float"),
                     Column(t("Paid orders"), "int"), Column(t("Net sales"), "float"), Column(t("Why"), "text")],
            rows=[[names.get(p, p), ex.currency, fen_to_yuan(ex.numbers.gmv), ex.numbers.orders,
                   fen_to_yuan(ex.numbers.net_sales), missing_rate_message(ex.currency, ex.missing_months)]
                  for p, ex in dash.current.excluded.items()]))
    return sheets
