"""List a local landing folder, skipping the folders nothing has landed in since the last run.

A run needs the objects it has not read yet. Listing every file of the landing zone finds them, but costs
what the whole history costs: at 28 days of a busy centre, 340,000 files, every run. A folder's change time
(ctime) moves whenever an entry is added to, removed from or renamed in it, and nothing can set it back (a
copy that restores modification times, as `cp -a` or `shutil.copytree` do, moves the ctime to the copy's
time). So a folder whose ctime is older than the last run's start held the same files when that run listed
it: it has nothing unread, and its files need not be listed again.

Only leaf folders are skipped: a folder with sub-folders is always walked, since what lands in a sub-folder
does not touch its parent. A folder is a leaf when its link count is 2 (POSIX file systems count "." and
each sub-folder's ".."); where a file system reports another count (btrfs reports 1), every folder is
walked, and the listing is the full one: slower, never wrong.
"""

from __future__ import annotations

import os
import stat


def list_files(root: str, changed_since: float | None = None) -> list[str]:
    """Every file under `root` (symlinks followed, as DuckDB's glob does), in sorted order, leaving out the
    files of leaf folders unchanged since `changed_since` (seconds since the epoch; None lists everything)."""
    found: list[str] = []
    _walk(root.rstrip("/"), changed_since, found)
    found.sort()
    return found


def _walk(folder: str, changed_since: float | None, found: list[str]) -> None:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return  # removed while listing: nothing in it to read
    for entry in entries:
        try:
            info = entry.stat()  # follows symlinks
        except FileNotFoundError:
            continue
        if stat.S_ISDIR(info.st_mode):
            if changed_since is not None and info.st_nlink == 2 and info.st_ctime < changed_since:
                continue
            _walk(entry.path, changed_since, found)
        elif stat.S_ISREG(info.st_mode):
            found.append(entry.path)


def has_files(root: str) -> bool:
    """Whether any file lies under `root`, stopping at the first."""
    return any(files for _folder, _dirs, files in os.walk(root, followlinks=True))
