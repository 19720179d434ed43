"""Screenshots: every tab of the window, each once it has loaded (the default scene)."""
from __future__ import annotations


def every_tab(window, args, wait) -> None:
    for index, page in enumerate(window.pages):
        window.tabs.setCurrentIndex(index)
        wait(300)
        while page.loading:
            wait(100)
        wait(700)  # let charts finish their deferred draw
        path = args.out / f"{args.lang}_{index + 1}_{page.key}.png"
        window.grab().save(str(path))
        print(path)
