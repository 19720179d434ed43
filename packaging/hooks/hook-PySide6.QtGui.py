"""PyInstaller hook for PySide6.QtGui: PyInstaller's own, minus Qt plugins ShopDesk never loads.

Found before the stock hook because build.spec lists this folder in ``hookspath``. The stock
hook collects every plugin type QtGui can use; a desktop widgets app needs the native
platform (xcb/windows/cocoa), offscreen (smoke tests), the common image formats and the
desktop theme. Dropped: embedded-device platforms (eglfs, linuxfb, vnc, vkkhrdisplay), raw
input drivers (evdev), Wayland (Qt falls back to XWayland), the GTK3 theme (it drags the whole
GTK stack into the bundle) and rare image formats.
"""
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)

_DROPPED_TYPES = ("egldeviceintegrations", "generic", "wayland-decoration-client",
                  "wayland-graphics-integration-client", "wayland-shell-integration")
_DROPPED_PLUGINS = ("qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qwayland", "qgtk3",
                    "qtga", "qtiff", "qwbmp", "qwebp", "qdirect2d",
                    # JPEG, GIF and macOS icon files (0.7 MB): ShopDesk's icons are PNG and SVG (and the
                    # Windows .ico, which qico reads); it shows no photo.
                    "qjpeg", "qgif", "qicns")


def _wanted(source: str, dest: str) -> bool:
    parts = dest.replace("\\", "/").split("/")
    if "plugins" not in parts:
        return True
    if any(kind in parts for kind in _DROPPED_TYPES):
        return False
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return not any(name.startswith((plugin, "lib" + plugin)) for plugin in _DROPPED_PLUGINS)


binaries = [(source, dest) for source, dest in binaries if _wanted(source, dest)]
