"""The small shop of the promotion-effect tests (tests/core/test_promotion_effect.py, whose comments
compute every figure by hand, and tests/ui/test_promotions_effect.py).

SKUs (unit cost): A 茶叶 ¥40, B 茶叶 ¥30, C 茶具 ¥100, D 茶具 no cost. "Today" is 2026-03-12.
"""
from __future__ import annotations

import datetime as dt

from core.models import Promotion, PromotionResult, Sku
from tests.core.kpi_shop import add_order

D = dt.date
T = dt.datetime
TODAY = D(2026, 3, 12)


def _o(s, no, day, platform, buyer, lines):
    """An order paid at 10:00 on ``day``; ``lines`` (sku, qty, unit price fen); paid = Σ qty × price."""
    add_order(s, platform, no, buyer, "completed", T(day.year, day.month, day.day, 10),
              sum(q * p for _s, q, p in lines), lines=[(sku, q, p, None) for sku, q, p in lines])


def build_effect_shop(db):
    with db.transaction() as s:
        s.add_all([Sku(code="A", title="龙井 250g", category="茶叶", cost_fen=4000),
                   Sku(code="B", title="碧螺春", category="茶叶", cost_fen=3000),
                   Sku(code="C", title="建盏", category="茶具", cost_fen=10000),
                   Sku(code="D", title="茶盘", category="茶具", cost_fen=0)])
        _o(s, "o11", D(2024, 12, 1), "taobao", "u0", [("A", 1, 10000)])  # the shop's first paid day
        _o(s, "o12", D(2025, 1, 10), "taobao", "u8", [("A", 3, 10000)])  # 年货节 2025 (preset dates)
        _o(s, "o8", D(2025, 3, 5), "taobao", "u6", [("B", 2, 8000)])  # 38节 2025, Taobao
        _o(s, "o9", D(2025, 3, 6), "jd", "u6", [("B", 1, 8000)])  # 38节 2025, JD
        _o(s, "o13", D(2026, 1, 20), "pdd", "u9", [("C", 1, 15000)])  # 年货节 2026
        _o(s, "o0", D(2026, 3, 1), "taobao", "u5", [("A", 1, 10000)])
        _o(s, "o5", D(2026, 3, 8), "taobao", "u3", [("A", 1, 10000)])
        _o(s, "o6", D(2026, 3, 9), "taobao", "u4", [("C", 1, 15000)])
        _o(s, "o1", D(2026, 3, 10), "taobao", "u1", [("A", 2, 10000), ("C", 1, 15000)])
        _o(s, "o2", D(2026, 3, 11), "jd", "u2", [("B", 1, 8000)])
        _o(s, "o3", D(2026, 3, 12), "taobao", "u1", [("A", 1, 10000)])
        _o(s, "o4", D(2026, 3, 12), "pdd", None, [("C", 2, 15000)])
        _o(s, "o7", D(2026, 3, 12), "douyin", None, [("D", 1, 5000)])
        base = dict(phases=[], rules=[], note="")
        s.add(Promotion(id=1, name="春茶节", kind="own", platforms=[], start=D(2026, 3, 10), end=D(2026, 3, 12),
                        scope={"categories": ["茶叶"]}, budget_fen=30000, status="done", **base))
        s.add(Promotion(id=2, name="京东秒杀", kind="own", platforms=["jd"], start=D(2026, 3, 11),
                        end=D(2026, 3, 12), scope={}, budget_fen=5000, status="done", **base))
        s.add(PromotionResult(promotion_id=2, gmv_fen=1, cost_fen=4000, baseline_gmv_fen=1))
        s.add(Promotion(id=3, name="茶具周", kind="own", platforms=[], start=D(2026, 3, 12), end=D(2026, 3, 13),
                        scope={"categories": ["茶具"]}, budget_fen=20000, status="running", **base))
        s.add(Promotion(id=4, name="2026 38女王节", kind="festival", platforms=["taobao"], start=D(2026, 3, 1),
                        end=D(2026, 3, 8), scope={}, budget_fen=10000, status="done", **base))
        s.add(Promotion(id=5, name="2025 38女王节", kind="festival", platforms=["taobao"], start=D(2025, 3, 1),
                        end=D(2025, 3, 8), scope={}, budget_fen=10000, status="done", **base))
        s.add(Promotion(id=6, name="2026年货节", kind="festival", platforms=[], start=D(2026, 1, 18),
                        end=D(2026, 2, 10), scope={}, budget_fen=0, status="done", **base))
        s.add(Promotion(id=7, name="会员日", kind="own", platforms=["taobao"], start=D(2026, 3, 18),
                        end=D(2026, 3, 18), scope={"skus": ["A"]}, budget_fen=1000, status="planned", **base))
        s.add(Promotion(id=8, name="开业周", kind="own", platforms=[], start=D(2024, 11, 28), end=D(2024, 12, 2),
                        scope={}, budget_fen=1000, status="done", **base))  # began before the first order
    return db
