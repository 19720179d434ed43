"""``tools/screenshots.py OUT --startup``: the window just after start, then loaded (ui/lazy_tabs.py)."""
from __future__ import annotations


def startup(window, args, wait) -> None:
    """Just after start: the tab bar with every title and the first tab, the only one built; then the
    same window once that tab's data and the other tabs' badges are in."""
    wait(30)
    print("built at the first shot:", [p.key for p in window.lazy_tabs.built()])
    path = args.out / f"{args.lang}_startup_1_first_paint.png"
    window.grab().save(str(path))
    print(path)
    page, badges = window.tabs.currentWidget(), (2, 4)  # Inventory and Team count theirs
    for _ in range(600):
        if page.loads and not page.loading and all("(" in window.tabs.tabText(i) for i in badges):
            break
        wait(100)
    wait(700)  # the chart's deferred draw
    path = args.out / f"{args.lang}_startup_2_loaded.png"
    window.grab().save(str(path))
    print(path, [window.tabs.tabText(i) for i in range(window.tabs.count())])
