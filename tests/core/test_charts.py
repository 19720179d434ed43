"""The dashboard charts on an Agg figure: Chinese renders, plotted values equal the series."""
from __future__ import annotations

import datetime as dt
import logging
import warnings

import matplotlib
import pytest
from kpi_shop import build_shop
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from core import charts, i18n
from core.charts.layout import ChartLayout
from core.kpi import DateRange, compute_charts

MARCH = DateRange(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
CN_NAMES = {"taobao": "淘宝", "jd": "京东", "douyin": "抖音", "shopify": "Shopify独立站", "": "未分类"}


@pytest.fixture
def data(db):
    build_shop(db)
    return compute_charts(db, MARCH, "day")


def render(draw, payload, **kw):
    fig = Figure(figsize=(6, 3.2), dpi=80, layout=ChartLayout())
    FigureCanvasAgg(fig)
    hover = draw(fig, payload, **kw)
    fig.canvas.draw()
    return fig, hover


def every_chart(d):
    return [
        (charts.draw_gmv_trend, d.trend),
        (charts.draw_channel_share, d.channel_share),
        (charts.draw_category_share, d.category_share),
        (charts.draw_top_skus, d.top_skus),
        (charts.draw_funnel, d.funnel),
        (charts.draw_refunds, (d.refunds_by_sku, d.refunds_by_reason)),
        (charts.draw_repurchase, d.repurchase),
        (charts.draw_turnover, d.turnover),
        (charts.draw_promotion_roi, d.promotions),
        (charts.draw_channel_roi, d.channel_roi),
    ]


def test_chinese_labels_render_without_missing_glyphs(data, caplog, tmp_path):
    i18n.set_language("zh_CN")
    caplog.set_level(logging.WARNING, logger="matplotlib")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" is a UserWarning
        for draw, payload in every_chart(data):
            fig, hover = render(draw, payload, labels=CN_NAMES)
            assert hover, draw.__name__
            fig.savefig(tmp_path / f"{draw.__name__}.pdf")
            fig.savefig(tmp_path / f"{draw.__name__}.png")
    assert [r.getMessage() for r in caplog.records] == []  # no "findfont: … not found"


def test_fonts_leave_global_settings_alone(data):
    """Drawing makes the chart fonts matplotlib's default family (core/charts/style.py says
    why) and touches no other global setting, whether it is the process's first chart or not."""
    before = dict(matplotlib.rcParams)
    render(charts.draw_gmv_trend, data.trend)
    changed = {key for key, value in matplotlib.rcParams.items() if value != before[key]}
    assert changed <= {"font.family"}
    families = charts.configure_fonts()
    assert list(matplotlib.rcParams["font.family"]) == list(families)
    assert families[0] == "Noto Sans CJK SC" and families[-1] == "DejaVu Sans"
    after_first = dict(matplotlib.rcParams)
    render(charts.draw_channel_share, data.channel_share)
    assert dict(matplotlib.rcParams) == after_first


@pytest.fixture
def stale_font_cache(monkeypatch):
    """matplotlib's font list as cached before the Chinese fonts were installed."""
    from matplotlib import font_manager

    from core.charts import style

    cjk = set().union(*style.CJK_FAMILIES.values())
    manager = font_manager.fontManager
    monkeypatch.setattr(manager, "ttflist", [f for f in manager.ttflist if f.name not in cjk and "CJK" not in f.name])
    style.configure_fonts.cache_clear()  # a process started with that cache
    with matplotlib.rc_context():
        yield cjk
    style.configure_fonts.cache_clear()


def test_chinese_fonts_installed_after_matplotlib_cached_its_font_list_are_used(data, stale_font_cache):
    from matplotlib import font_manager

    i18n.set_language("zh_CN")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s) DejaVu Sans"
        fig, _hover = render(charts.draw_gmv_trend, data.trend)
    [title] = [text for text in fig.texts if text.get_text() == fig.get_suptitle()]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in title.get_text())  # the chart's title is in Chinese
    path = font_manager.findfont(title.get_fontproperties(), fallback_to_default=False)
    faces = {f.name for f in font_manager.fontManager.ttflist if f.fname == path}
    assert faces & stale_font_cache, f"the title is drawn with {faces}"


def test_trend_lines_are_the_series(data):
    fig, hover = render(charts.draw_gmv_trend, data.trend)
    lines = {line.get_label(): line for line in fig.axes[0].get_lines()}
    assert list(lines["GMV"].get_ydata()) == [p.gmv / 100 for p in data.trend]
    assert list(lines["Target"].get_ydata()) == [p.target / 100 for p in data.trend]
    assert list(lines["Last year"].get_ydata()) == [p.last_year / 100 for p in data.trend]
    artist, texts = hover[0]
    assert artist is lines["GMV"] and texts[0] == "2026-03-01\nGMV: ¥100.00"
    assert fig.axes[0].yaxis.get_major_formatter()(12300, 0) == "¥12,300"


def test_share_wedges_are_proportional(data):
    fig, hover = render(charts.draw_channel_share, data.channel_share, labels=CN_NAMES)
    wedges = [w for w, _t in hover]
    spans = [abs(w.theta2 - w.theta1) for w in wedges]
    total = sum(v for _k, v in data.channel_share)
    assert spans == pytest.approx([v / total * 360 for _k, v in data.channel_share])
    assert hover[0][1] == ["京东: ¥460.00 (50.0%)"]


def test_bars_are_the_series(data):
    _fig, hover = render(charts.draw_top_skus, data.top_skus)
    assert [bar.get_width() for bar, _t in hover] == [540.0, 190.0, 190.0]
    _fig, hover = render(charts.draw_refunds, (data.refunds_by_sku, data.refunds_by_reason))
    assert [bar.get_width() for bar, _t in hover] == [60.0, 20.0, 60.0, 20.0]
    _fig, hover = render(charts.draw_repurchase, data.repurchase)
    assert [bar.get_height() for bar, _t in hover] == pytest.approx([2 / 6])
    _fig, hover = render(charts.draw_turnover, data.turnover)
    assert sorted(bar.get_width() for bar, _t in hover) == pytest.approx([0.3, 1.5])
    _fig, hover = render(charts.draw_promotion_roi, data.promotions)
    assert [bar.get_height() for bar, _t in hover] == [5.0, 2.0, 3.0, 0.0]
    _fig, hover = render(charts.draw_channel_roi, data.channel_roi)
    assert [bar.get_height() for bar, _t in hover] == pytest.approx([24000 / 31000])
    _fig, hover = render(charts.draw_funnel, data.funnel)
    assert [t[0] for _b, t in hover] == ["Visitors: 3,200", "Paying buyers: 4 (0.1%)", "Paid orders: 6"]


def test_empty_data_says_so(db):
    empty = compute_charts(db, MARCH, "week")
    for draw, payload in every_chart(empty):
        fig, _hover = render(draw, payload)
        shown = [t.get_text() for t in fig.axes[0].texts] + [t.get_text() for t in fig.axes[0].get_yticklabels()]
        if draw is charts.draw_gmv_trend:
            continue  # a range always has its buckets: a flat line at 0
        assert any(shown), draw.__name__
