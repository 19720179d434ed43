"""ShopDesk core: the shop's data and logic. No Qt here (tests/core/test_no_qt.py enforces it)."""

__version__ = "0.1.0"
APP_NAME = "ShopDesk"
