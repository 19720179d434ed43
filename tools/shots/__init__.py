"""The scenes of tools/screenshots.py, one module per area of the window: each scene is a
function ``scene(window, args, wait)`` that drives the open main window and saves PNGs (and the
odd PDF) into ``args.out`` named ``<lang>_<what>.png``."""
