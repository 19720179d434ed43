"""The printed monthly plan: its renderer (render.py) and the print dialog (dialog.py)."""
