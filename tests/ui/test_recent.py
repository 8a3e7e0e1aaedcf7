"""Open Recent lists absolute paths, so it works from whatever folder the app starts in."""

from pathlib import Path

from parallax.ui import settings


def test_recent_files_are_stored_absolute(tmp_path, monkeypatch):
    (tmp_path / "week").mkdir()
    monkeypatch.chdir(tmp_path / "week")
    settings.remember_files(["a.txt", "../b.md", str(tmp_path / "c.html")])
    stored = settings.read(settings.RECENT)
    assert stored == [
        str(tmp_path / "week" / "a.txt"),
        str(tmp_path / "b.md"),
        str(tmp_path / "c.html"),
    ]
    monkeypatch.chdir(tmp_path)
    settings.remember_files(["week/a.txt"])  # the same file typed from elsewhere: one entry
    assert settings.read(settings.RECENT)[0] == str(tmp_path / "week" / "a.txt")
    assert len(settings.read(settings.RECENT)) == 3
    assert all(Path(path).is_absolute() for path in settings.read(settings.RECENT))
