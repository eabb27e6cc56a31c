"""Find the inputs of a folder tree, one folder at a time, in key order, and name their outputs.

The walk is depth-first and sorts each folder's entries by their bytes, so it yields files in the order of their
keys (path components as bytes, joined by NUL): the order the manifest sorts by, which lets the runner merge the
two streams without holding either in memory. Only one listing per level of depth is held at a time.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

#: Why an entry of the tree was left out; the summary counts each.
SKIP_REASONS: dict[str, str] = {
    "hidden": "hidden (name starts with '.')",
    "outside": "symlink leading outside IN",
    "broken": "broken symlink",
    "loop": "symlink loop (to itself, or to a folder it is inside)",
    "special": "not a regular file (fifo, socket, device)",
    "unselected": "not matched by --glob",
    "clash": "output name taken by a folder",
    "vanished": "removed while the run looked at it",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One input file: where it is, its key in the manifest, its output's name, and its stat."""

    key: bytes  #: path components under IN, as bytes, joined by NUL: sorts like the walk
    rel: str  #: path under IN, with '/' (the ``source`` of its documents)
    path: str  #: path to open
    out: str  #: output path under the output root, with '/'
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Unlisted:
    """A folder that could not be listed, or a file that could not be looked at (permission denied).

    What it holds is unknown, so the outputs it had must be kept, not removed.
    """

    key: bytes  #: the folder's (or file's) key; a folder's files' keys start with this and NUL
    rel: str
    error: str
    folder: bool = True


@dataclass(frozen=True, slots=True)
class _Folder:
    """A subfolder still to walk."""

    key: bytes
    rel: str
    path: str
    ancestors: frozenset[tuple[int, int]]  #: (device, inode) of it and every folder above, to catch symlink loops


@dataclass
class Walk:
    """A walk over the folder ``root``: iterate it for Entry and Unlisted items; ``skipped`` counts the rest."""

    root: str
    suffix: str = ".json"
    globs: Sequence[str] = ()
    skipped: Counter[str] = field(default_factory=Counter)

    def __iter__(self) -> Iterator[Entry | Unlisted]:
        """Yield every selected file under the root, and every folder that cannot be listed, in key order."""
        self._real_root = os.path.realpath(self.root)
        top = os.stat(self._real_root)
        stack = [iter(self._listing(_Folder(b"", "", self.root, frozenset({(top.st_dev, top.st_ino)}))))]
        while stack:
            item = next(stack[-1], None)
            if item is None:
                stack.pop()
            elif isinstance(item, _Folder):
                stack.append(iter(self._listing(item)))
            else:
                yield item

    def _listing(self, folder: _Folder) -> list[Entry | Unlisted | _Folder]:
        """Return the selected files and the subfolders of ``folder``, in key order."""
        try:
            with os.scandir(folder.path) as it:
                entries = sorted(((os.fsencode(e.name), e) for e in it), key=lambda pair: pair[0])
        except OSError as exc:
            if not folder.key:
                raise  # IN itself: nothing to do but say so
            return [Unlisted(folder.key[:-1], folder.rel.rstrip("/"), exc.strerror or str(exc))]
        kept: list[tuple[bytes, os.DirEntry[str], os.stat_result]] = []
        denied: dict[bytes, Unlisted] = {}
        for raw, entry in entries:
            if entry.name.startswith("."):
                self.skipped["hidden"] += 1
            elif isinstance(st := self._stat(entry), str):
                if self._selected(folder.rel + entry.name, entry.name):
                    is_dir = entry.is_dir(follow_symlinks=False)  # known from the listing, without a stat
                    denied[raw] = Unlisted(folder.key + raw, folder.rel + entry.name, st, folder=is_dir)
                else:
                    self.skipped["unselected"] += 1
            elif st is None:
                pass
            elif stat.S_ISDIR(st.st_mode) and (st.st_dev, st.st_ino) in folder.ancestors:
                self.skipped["loop"] += 1
            elif not stat.S_ISDIR(st.st_mode) and not stat.S_ISREG(st.st_mode):
                self.skipped["special"] += 1
            elif stat.S_ISREG(st.st_mode) and not self._selected(folder.rel + entry.name, entry.name):
                self.skipped["unselected"] += 1
            else:
                kept.append((raw, entry, st))
        dirs = {e.name for _, e, st in kept if stat.S_ISDIR(st.st_mode)}
        outs = output_names([e.name for _, e, st in kept if not stat.S_ISDIR(st.st_mode)], dirs, self.suffix)
        listing: list[Entry | Unlisted | _Folder] = []
        for raw, entry, st in kept:
            while denied and next(iter(denied)) < raw:  # in key order among the others
                listing.append(denied.pop(next(iter(denied))))
            key, rel = folder.key + raw, folder.rel + entry.name
            if stat.S_ISDIR(st.st_mode):
                ancestors = folder.ancestors | {(st.st_dev, st.st_ino)}
                listing.append(_Folder(key + b"\0", rel + "/", entry.path, ancestors))
            elif (out := outs[entry.name]) is None:
                self.skipped["clash"] += 1
            else:
                listing.append(Entry(key, rel, entry.path, folder.rel + out, st.st_size, st.st_mtime_ns))
        listing.extend(denied.values())
        return listing

    def _stat(self, entry: os.DirEntry[str]) -> os.stat_result | str | None:
        """Return the stat of ``entry`` (of its target for a symlink); None, counted, if it is to be skipped.

        An entry that cannot be looked at for want of permission gives the error message, to be reported.
        """
        try:
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if os.path.commonpath([target, self._real_root]) != self._real_root:
                    self.skipped["outside"] += 1
                    return None
            return entry.stat()
        except FileNotFoundError:
            self.skipped["broken" if entry.is_symlink() else "vanished"] += 1
        except PermissionError as exc:
            return exc.strerror or str(exc)
        except OSError as exc:
            # a symlink loop (a -> b -> a) resolves to nothing; a target that cannot even be stat'ed is no file
            self.skipped["loop" if exc.errno == errno.ELOOP else "special"] += 1
        return None

    def _selected(self, rel: str, name: str) -> bool:
        """Return whether a file is selected by ``--glob`` (every file when no pattern is given)."""
        return not self.globs or any(fnmatch.fnmatchcase(rel if "/" in g else name, g) for g in self.globs)


def output_names(files: Sequence[str], folders: set[str], suffix: str) -> dict[str, str | None]:
    """Name the output of each file of one folder: its stem plus ``suffix``, or its whole name when that clashes.

    Files whose outputs would share a name all keep their suffix, as does a file whose output would take a
    subfolder's name; None means that even the whole name plus ``suffix`` is a subfolder's.

    >>> output_names(["a.txt", "x.txt", "x.md", "x.txt.json"], set(), ".json")
    {'a.txt': 'a.json', 'x.txt': 'x.txt.json', 'x.md': 'x.md.json', 'x.txt.json': 'x.txt.json.json'}
    >>> output_names(["a.txt", "b.txt"], {"a.json", "b.json", "b.txt.json"}, ".json")
    {'a.txt': 'a.txt.json', 'b.txt': None}
    """
    whole: set[str] = set()

    def name_of(name: str) -> str:
        """Return the output name of one file, given the files that keep their whole name so far."""
        return (name if name in whole else os.path.splitext(name)[0] or name) + suffix

    while True:
        claims: dict[str, list[str]] = {}
        for name in files:
            claims.setdefault(name_of(name), []).append(name)
        # Whole names are unique, so each round moves at least one file to its whole name, or ends the loop.
        clashing = {n for out, names in claims.items() if len(names) > 1 or out in folders for n in names} - whole
        if not clashing:
            return {name: None if (out := name_of(name)) in folders else out for name in files}
        whole |= clashing
