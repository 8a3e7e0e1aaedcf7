"""The desktop window (PySide6 Widgets): presents what ``parallax.core`` computed."""
