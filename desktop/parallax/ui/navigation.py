"""Diff-tool navigation over claims: next/previous shared claim, conflict, or claim only here."""

from __future__ import annotations

from parallax.core import ClaimStatus, Comparison


class Navigator:
    """Claims in reading order of the first article that carries them; knows the current one."""

    def __init__(self) -> None:
        self.current: str | None = None
        self._order: list[str] = []
        self._status: dict[str, ClaimStatus] = {}
        self._articles: dict[str, tuple[str, ...]] = {}
        self._conflicted: set[str] = set()

    def load(self, comparison: Comparison) -> None:
        self.current = None
        self._order = [claim.id for claim in comparison.claims]
        self._status = {claim.id: claim.status for claim in comparison.claims}
        self._articles = {claim.id: claim.articles for claim in comparison.claims}
        self._conflicted = {conflict.claim for conflict in comparison.conflicts}

    def matches(self, claim: str, kind: str, article: str | None) -> bool:
        if kind == "shared":
            return self._status[claim] is not ClaimStatus.UNIQUE
        if kind == "conflict":
            return claim in self._conflicted
        return self._status[claim] is ClaimStatus.UNIQUE and (
            article is None or article in self._articles[claim]
        )

    def step(self, kind: str, direction: int, article: str | None = None) -> str | None:
        """The next (+1) or previous (−1) claim of ``kind`` after the current one, wrapping."""
        if not self._order:
            return None
        start = self._order.index(self.current) if self.current in self._order else -1
        count = len(self._order)
        for offset in range(1, count + 1):
            position = (start + direction * offset) % count
            if start == -1 and direction < 0:
                position = (count - offset) % count
            claim = self._order[position]
            if self.matches(claim, kind, article):
                return claim
        return None
