"""Draw ShopDesk's app icon (a shop awning over a rising bar chart) with Pillow.

Writes resources/icons/shopdesk.png (512 px, the window icon), shopdesk.ico (Windows exe
and installer) and shopdesk.icns (macOS .app). The generated files are committed; run this
again only to change the design:  python packaging/make_icons.py
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 1024  # drawn large, scaled down with antialiasing
BACKGROUND = (22, 119, 255)  # the blue of the app's accent colour
AWNING = (255, 122, 69)  # the orange of a shop front
WHITE = (255, 255, 255)


def draw(size: int = SIZE) -> Image.Image:
    s = size / 1024
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((40 * s, 40 * s, 984 * s, 984 * s), radius=200 * s, fill=BACKGROUND)
    # The awning: a band with five scallops hanging from it.
    top, band, left, right = 190 * s, 120 * s, 150 * s, 874 * s
    d.rectangle((left, top, right, top + band), fill=AWNING)
    width = (right - left) / 5
    for i in range(5):
        x0 = left + i * width
        fill = AWNING if i % 2 == 0 else WHITE
        d.rectangle((x0, top, x0 + width, top + band), fill=fill)
        d.pieslice((x0, top + band - width / 2, x0 + width, top + band + width / 2), 0, 180, fill=fill)
    # Three rising bars: the shop's numbers.
    base = 830 * s
    bar = 150 * s
    for i, height in enumerate((170, 260, 370)):
        x0 = 230 * s + i * 210 * s
        d.rounded_rectangle((x0, base - height * s, x0 + bar, base), radius=24 * s, fill=WHITE)
    return img


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((512, 512), Image.LANCZOS).save(ICONS / "shopdesk.png", optimize=True)
    big.save(ICONS / "shopdesk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.save(ICONS / "shopdesk.icns")
    for name in ("shopdesk.png", "shopdesk.ico", "shopdesk.icns"):
        print(ICONS / name, (ICONS / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
