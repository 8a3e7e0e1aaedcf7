"""The one exception loading raises, with a message a non-programmer understands."""

from __future__ import annotations

from pathlib import Path


class ArticleLoadError(Exception):
    """An input could not become an article. ``str(error)`` names the file and the reason."""

    def __init__(self, path: Path | str | None, reason: str) -> None:
        self.path = Path(path) if isinstance(path, str) else path
        self.reason = reason
        super().__init__(f"{self.display_name}: {reason}")

    @property
    def display_name(self) -> str:
        return self.path.name if self.path is not None else "Pasted text"
