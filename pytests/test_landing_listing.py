"""The bounded listing finds every object that landed since the last run, wherever it landed, and only lists
the folders that changed (connect_lake.landing.listing, the DuckDB base models' listing)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from connect_lake.landing.listing import has_files, list_files


def land(path: Path, text: str = "{}\n") -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return str(path)


def test_lists_what_landed_since_the_last_run_and_skips_unchanged_folders(tmp_path: Path) -> None:
    root = tmp_path / "agent_events"
    old_hour = land(root / "2026/11/02/07/a.gz")
    quiet_hour = land(root / "2026/11/02/08/b.gz")
    # a leaf folder's link count is 2 on the file systems this skips on; elsewhere it lists everything
    assert os.stat(root / "2026/11/02/08").st_nlink == 2
    assert list_files(str(root)) == [old_hour, quiet_hour]

    time.sleep(0.05)
    last_run_started = time.time()
    time.sleep(0.05)
    late = land(root / "2026/11/02/07/late.gz")  # a late object in an old folder
    new_hour = land(root / "2026/11/03/00/c.gz")  # a new folder under a new day
    stray = land(root / "stray.json")  # out of place, at the prefix itself

    listed = list_files(str(root), last_run_started)
    # the changed folder is listed whole (its old object too: the caller knows it read it); the quiet one not
    assert listed == sorted([old_hour, late, new_hour, stray])
    assert quiet_hour not in listed
    assert list_files(str(root), None) == sorted([old_hour, quiet_hour, late, new_hour, stray])


def test_a_copy_that_restores_modification_times_is_still_listed(tmp_path: Path) -> None:
    # shutil.copytree (like cp -a) sets the copied folders' mtime back to the source's; their ctime cannot be
    source = tmp_path / "elsewhere" / "2026/11/01/23"
    land(source / "d.gz")
    old = time.time() - 86_400
    os.utime(source, (old, old))
    root = tmp_path / "contact_records"
    land(root / "2026/11/02/00/e.gz")
    time.sleep(0.05)
    last_run_started = time.time()
    time.sleep(0.05)
    copied = shutil.copytree(source, root / "2026/11/01/23")
    assert os.stat(copied).st_mtime < last_run_started
    assert list_files(str(root), last_run_started) == [str(Path(copied) / "d.gz")]


def test_has_files(tmp_path: Path) -> None:
    (tmp_path / "empty" / "2026" / "11").mkdir(parents=True)
    assert not has_files(str(tmp_path / "empty"))
    assert not has_files(str(tmp_path / "missing"))
    land(tmp_path / "full" / "2026" / "11" / "f.gz")
    assert has_files(str(tmp_path / "full"))
