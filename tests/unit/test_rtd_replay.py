"""tools/rtd_replay.py's command line: the languages replayed one after the other or side by side (``--jobs``)."""

from __future__ import annotations

import sys
import threading

import pytest
import rtd_replay


def test_side_by_side_replays_every_language_at_once_and_keeps_their_order(tmp_path, monkeypatch, capsys):
    started, together = [], threading.Barrier(2, timeout=10)  # each replay waits until the other has started

    def replay_language(language, work, *, slug, python, version, domain):
        started.append(language)
        together.wait()
        return rtd_replay.Replay(language, slug, version, "", "", str(tmp_path / language), "", "", "", passed=True)

    monkeypatch.setattr(rtd_replay, "replay_language", replay_language)
    monkeypatch.setattr(rtd_replay, "languages", lambda: ["ru", "en"])
    assert rtd_replay.main(["--work", str(tmp_path), "--python", sys.executable, "--jobs", "2"]) == 0
    assert sorted(started) == ["en", "ru"]
    said = capsys.readouterr().out.splitlines()
    assert [line.split(" ", 1)[0] for line in said[:2]] == ["ru", "en"]  # reported in the languages' order
    assert sorted(path.name for path in (tmp_path / "served").iterdir()) == ["en", "ru"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--jobs", "2"], "--jobs above 1 needs --python"),
        (["--jobs", "0", "--python", sys.executable], "--jobs must be 1 or more, not 0"),
    ],
)
def test_jobs_that_cannot_work_are_refused_before_anything_runs(tmp_path, monkeypatch, capsys, arguments, message):
    monkeypatch.setattr(rtd_replay, "replay_language", lambda *args, **kwargs: pytest.fail("a replay ran"))
    with pytest.raises(SystemExit) as stopped:
        rtd_replay.main(["--work", str(tmp_path), *arguments])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
