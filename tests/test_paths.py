"""Paths (issue 5, item 5): outputs never leave OUT, symlinks in IN and OUT, loops, and permission-denied inputs.

File names from a file system cannot hold ``/`` or be ``..``; what can lead out of OUT is JSON Lines record fields
(``source``, ``path``, ...), symlinked folders in IN and in OUT, and cleaner's own files in ``OUT/.cleaner``.
Permission tests run the real command in a child process without the privileges that let root read every file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE, PROSE, Invoke, python_cleaner, python_env

#: Who runs the unprivileged commands when the tests run as root.
NOBODY = 65534


def write(path: Path, text: str = ARTICLE) -> Path:
    """Write ``text`` to ``path`` (creating its folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def outputs(out: Path) -> list[str]:
    """Return every file under ``out`` outside ``.cleaner``, relative, sorted (symlinks are not followed)."""
    found = []
    for folder, dirs, names in os.walk(out):
        dirs[:] = [d for d in dirs if d != ".cleaner"]
        found += [Path(folder, n).relative_to(out).as_posix() for n in names]
    return sorted(found)


def snapshot(root: Path, *leave_out: Path) -> dict[str, bytes]:
    """Return every file under ``root`` (not under ``leave_out``) with its content, symlinks not followed."""
    files = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if Path(folder, d) not in leave_out]
        for n in names:
            path = Path(folder, n)
            files[path.relative_to(root).as_posix()] = (
                b"->" + os.readlink(path).encode() if path.is_symlink() else (path.read_bytes())
            )
    return files


def error_list(out: Path) -> list[dict[str, Any]]:
    """Return the entries of OUT/.cleaner/errors.jsonl."""
    return [json.loads(line) for line in (out / ".cleaner" / "errors.jsonl").read_text().splitlines()]


def report(invoke: Invoke, *args: str) -> tuple[int, dict[str, Any]]:
    """Run ``cleaner batch ARGS -q --report -`` in-process; return the exit status and the parsed report."""
    result = invoke(["batch", *args, "-q", "--report", "-"])
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Write IN with an article at the top and one two folders down; return IN."""
    write(tmp_path / "in" / "a.txt", PROSE[0])
    write(tmp_path / "in" / "news" / "2022" / "c.txt", PROSE[1])
    return tmp_path / "in"


# -- names ---------------------------------------------------------------------------------------------------


def test_odd_input_names_give_outputs_inside_out(invoke: Invoke, tmp_path: Path) -> None:
    """Names made of dots, dashes, tildes, backslashes and spaces mirror into OUT, and nothing is written elsewhere."""
    names = ["a..txt", "x..", "~x.txt", "-rf.txt", "back\\slash..txt", " space .txt", "…", "a.b.c.txt"]
    for name in names:
        write(tmp_path / "in" / "deep" / name, PROSE[0])
    before = snapshot(tmp_path, tmp_path / "out")
    code, rep = report(invoke, str(tmp_path / "in"), str(tmp_path / "out"))
    assert (code, rep["files"]["cleaned"]) == (0, len(names))
    assert snapshot(tmp_path, tmp_path / "out") == before
    found = outputs(tmp_path / "out")
    expected = [
        "a..json",
        "x..json",
        "~x.json",
        "-rf.json",
        "back\\slash..json",
        " space .json",
        "….json",
        "a.b.c.json",
    ]
    assert found == sorted(f"deep/{name}" for name in expected)
    real_out = (tmp_path / "out").resolve()
    assert all((real_out / f).resolve().is_relative_to(real_out) for f in found)


def test_clean_into_a_folder_uses_only_the_stem_of_any_path(invoke: Invoke, tmp_path: Path) -> None:
    """``clean -o DIR`` names each output after the input's stem: ``..``, absolute paths and folders are dropped."""
    write(tmp_path / "x.txt", PROSE[0])
    write(tmp_path / "deep" / "y.txt", PROSE[1])
    (tmp_path / "work").mkdir()
    os.chdir(tmp_path / "work")
    try:
        before = snapshot(tmp_path, tmp_path / "work" / "dest")
        result = invoke(["clean", "../x.txt", str(tmp_path / "deep" / "y.txt"), "-o", "dest/"])
    finally:
        os.chdir(tmp_path)
    assert result.exit_code == 0, result.stderr
    assert outputs(tmp_path / "work" / "dest") == ["x.json", "y.json"]
    assert snapshot(tmp_path, tmp_path / "work" / "dest") == before
    assert json.loads((tmp_path / "work" / "dest" / "x.json").read_text())["source"] == "../x.txt"


HOSTILE_RECORD = {
    "text": PROSE[2],
    "source": "../../escaped.json",
    "path": "/tmp/absolute.json",
    "id": "../id",
    "url": "file:///etc/passwd",
    "out": "..",
}


def test_json_lines_record_fields_never_become_paths(invoke: Invoke, tmp_path: Path) -> None:
    """Record fields that look like paths are data: kept under ``record``, never used to name an output."""
    shard = write(tmp_path / "in" / "shard.jsonl", json.dumps(HOSTILE_RECORD) + "\n")
    before = snapshot(tmp_path, tmp_path / "out", tmp_path / "dest")
    code, _ = report(invoke, str(tmp_path / "in"), str(tmp_path / "out"), "--input-format", "jsonl")
    assert code == 0
    assert outputs(tmp_path / "out") == ["shard.jsonl"]
    doc = json.loads((tmp_path / "out" / "shard.jsonl").read_text())
    assert doc["source"] == "shard.jsonl:1"
    assert doc["record"] == {k: v for k, v in HOSTILE_RECORD.items() if k != "text"}
    result = invoke(["clean", str(shard), "--input-format", "jsonl", "-o", str(tmp_path / "dest") + "/"])
    assert result.exit_code == 0
    assert outputs(tmp_path / "dest") == ["shard.jsonl"]
    assert snapshot(tmp_path, tmp_path / "out", tmp_path / "dest") == before


# -- symlinks in IN ------------------------------------------------------------------------------------------


def test_symlinked_folders_inside_in_are_followed_and_outside_skipped(
    invoke: Invoke, tree: Path, tmp_path: Path
) -> None:
    """A folder symlink to a folder of IN is followed (its outputs under its own name); any way out is skipped."""
    write(tmp_path / "elsewhere" / "secret.txt", PROSE[2])
    (tree / "alias").symlink_to("news/2022")  # inside: followed
    (tree / "abs").symlink_to(tmp_path / "elsewhere")  # outside, absolute
    (tree / "news" / "up").symlink_to("../../elsewhere")  # outside, relative
    (tree / "hop").symlink_to("news/up")  # a link inside IN to a link that leads outside
    code, rep = report(invoke, str(tree), str(tmp_path / "out"))
    assert code == 0
    assert outputs(tmp_path / "out") == ["a.json", "alias/c.json", "news/2022/c.json"]
    assert json.loads((tmp_path / "out" / "alias" / "c.json").read_text())["source"] == "alias/c.txt"
    assert rep["skipped"] == {"outside": 3}


def test_symlink_loops_terminate(tree: Path, tmp_path: Path) -> None:
    """Loops of symlinks (a -> b -> a, a link to itself, to its own folder, to a parent) end, counted as loops."""
    (tree / "a").symlink_to("b")
    (tree / "b").symlink_to("a")
    (tree / "self").symlink_to("self")
    (tree / "top").symlink_to(".")
    (tree / "news" / "up").symlink_to("..")
    (tree / "news" / "2022" / "again").symlink_to("../2022")
    proc = subprocess.run(
        [*python_cleaner(), "batch", str(tree), str(tmp_path / "out"), "-q", "--report", "-", "--jobs", "1"],
        capture_output=True,
        env=python_env(),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert outputs(tmp_path / "out") == ["a.json", "news/2022/c.json"]
    assert json.loads(proc.stdout)["skipped"] == {"loop": 6}


# -- symlinks in OUT -----------------------------------------------------------------------------------------


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """Return a folder outside IN and OUT holding a file named like an output, which no run may touch."""
    write(tmp_path / "victim" / "2022" / "c.json", "precious\n")
    return tmp_path / "victim"


def _clean_then_link_news(invoke: Invoke, tree: Path, out: Path, victim: Path) -> None:
    """Clean ``tree`` into ``out``, then put a symlink to ``victim`` where the output folder ``news`` was."""
    assert report(invoke, str(tree), str(out))[0] == 0
    shutil.rmtree(out / "news")
    (out / "news").symlink_to(victim)


def test_outputs_are_never_written_through_a_symlinked_folder_in_out(
    invoke: Invoke, tree: Path, tmp_path: Path, victim: Path
) -> None:
    """OUT/news replaced by a symlink to a folder elsewhere: nothing is written there; listed, the rest written."""
    out = tmp_path / "out"
    _clean_then_link_news(invoke, tree, out, victim)
    before = snapshot(victim)
    code, rep = report(invoke, str(tree), str(out), "--force")
    assert code == 1
    assert snapshot(victim) == before
    why = "the folder 'news' is a symlink; outputs never go through one"
    assert [(e["path"], e["kind"], e["error"]) for e in error_list(out)] == [
        ("news/2022/c.txt", "write", f"cannot write news/2022/c.json: {why}"),
        ("news/2022/c.json", "write", f"cannot remove the output: {why}"),  # the old one no longer stands for it
    ]
    assert rep["files"]["cleaned"] == 1
    assert (out / "a.json").is_file()


def test_removing_outputs_never_follows_a_symlinked_folder_in_out(
    invoke: Invoke, tree: Path, tmp_path: Path, victim: Path
) -> None:
    """The output of a removed input, behind a symlinked folder: not removed through it; listed; the run goes on."""
    out = tmp_path / "out"
    _clean_then_link_news(invoke, tree, out, victim)
    shutil.rmtree(tree / "news")
    write(tree / "b.txt", PROSE[2])
    before = snapshot(victim)
    code, rep = report(invoke, str(tree), str(out))
    assert code == 1
    assert snapshot(victim) == before
    assert [(e["path"], e["error"]) for e in error_list(out)] == [
        ("news/2022/c.json", "cannot remove the output: the folder 'news' is a symlink; outputs never go through one")
    ]
    assert (rep["files"]["cleaned"], rep["files"]["removed_outputs"]) == (1, 0)
    assert (out / "b.json").is_file()


@pytest.mark.parametrize("name", ["tmp", "errors.jsonl", ""])
def test_cleaners_own_files_in_out_are_never_followed(
    invoke: Invoke, tree: Path, tmp_path: Path, victim: Path, name: str
) -> None:
    """OUT/.cleaner, its tmp folder (emptied each run) or its errors.jsonl as a symlink: refused, nothing touched."""
    out = tmp_path / "out"
    assert report(invoke, str(tree), str(out))[0] == 0
    link = out / ".cleaner" / name if name else out / ".cleaner"
    shutil.rmtree(link) if link.is_dir() else link.unlink()
    link.symlink_to(victim / "2022" if name == "tmp" else victim / "2022" / "c.json" if name else victim)
    before = snapshot(victim)
    result = invoke(["batch", str(tree), str(out), "-q"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"cleaner: error: cannot clean {str(tree)!r} into {str(out)!r}: {str(link)!r} is a symlink; "
        "cleaner never follows one inside OUT\n"
    )
    assert snapshot(victim) == before


def test_an_output_replaced_by_a_symlink_is_rewritten_not_followed(invoke: Invoke, tree: Path, tmp_path: Path) -> None:
    """A --jsonl cache entry swapped for a symlink to a secret of the same size: the secret is never copied out."""
    out, jsonl = tmp_path / "out", tmp_path / "all.jsonl"
    assert report(invoke, str(tree), str(out), "--jsonl", str(jsonl))[0] == 0
    cached = out / ".cleaner" / "docs" / "a.json"
    secret = tmp_path / "secret"
    secret.write_bytes(b"S" * cached.stat().st_size)
    cached.unlink()
    cached.symlink_to(secret)
    code, rep = report(invoke, str(tree), str(out), "--jsonl", str(jsonl))
    assert (code, rep["files"]["cleaned"]) == (0, 1)
    assert b"SSSS" not in jsonl.read_bytes()
    assert not cached.is_symlink()
    assert json.loads(cached.read_text())["source"] == "a.txt"


# -- permission denied ---------------------------------------------------------------------------------------


@pytest.fixture
def base() -> Iterator[Path]:
    """Return a fresh folder that any user may enter (pytest's own are root's alone), removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="cleaner-paths-"))
    path.chmod(0o755)
    yield path
    for folder, dirs, _ in os.walk(path):
        for d in dirs:
            os.chmod(os.path.join(folder, d), 0o755)
    shutil.rmtree(path)


@pytest.fixture(scope="module")
def unprivileged() -> list[str]:
    """Return the command prefix that runs a child without the privilege to read every file.

    Not root: nothing. Root: ``setpriv`` to the user nobody, or, where nobody cannot load this Python (its
    packages in root's home), root without the capabilities that override file modes (CAP_DAC_OVERRIDE,
    CAP_DAC_READ_SEARCH). The prefix must deny a mode-000 file; skipped when no way works.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv is unavailable, and root reads every file whatever its mode")
    ways = [
        [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"],
        [setpriv, "--bounding-set=-dac_override,-dac_read_search"],
    ]
    probe = (
        "import sys, cleaner.cli\ntry:\n    open(sys.argv[1])\nexcept PermissionError:\n    sys.exit(0)\nsys.exit(3)"
    )
    folder = Path(tempfile.mkdtemp(prefix="cleaner-probe-"))
    try:
        folder.chmod(0o755)
        (folder / "denied").write_text("x")
        (folder / "denied").chmod(0)
        for way in ways:
            proc = subprocess.run(
                [*way, sys.executable, "-c", probe, str(folder / "denied")],
                capture_output=True,
                cwd=folder,
                env=python_env(),
                timeout=60,
            )
            if proc.returncode == 0:
                return way
    finally:
        shutil.rmtree(folder)
    pytest.skip("no way to run the command without root's file privileges")


def run_as(prefix: list[str], args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``cleaner ARGS`` with ``prefix`` (dropped privileges) in ``cwd``; return the finished process."""
    return subprocess.run(
        [*prefix, *python_cleaner(), *args], capture_output=True, text=True, cwd=cwd, env=python_env(), timeout=120
    )


def test_permission_denied_files_and_folders_are_reported_and_skipped(unprivileged: list[str], base: Path) -> None:
    """Mode-000 files and folders, and a folder listed but not entered: reported and skipped; the rest is written.

    Each is in errors.jsonl and the summary, the exit status is 1, and the outputs of what cannot be read are kept.
    """
    src, out = base / "in", base / "out"
    write(src / "good.txt", PROSE[0])
    write(src / "locked" / "x.txt", PROSE[1])
    write(src / "noexec" / "y.txt", PROSE[2])
    write(src / "noexec" / "deeper" / "z.txt", PROSE[0])
    out.mkdir()
    if "--reuid" in " ".join(unprivileged):
        os.chown(out, NOBODY, NOBODY)
    first = run_as(unprivileged, ["batch", "in", "out", "-q"], base)
    assert first.returncode == 0, first.stderr
    assert outputs(out) == ["good.json", "locked/x.json", "noexec/deeper/z.json", "noexec/y.json"]

    write(src / "good.txt", PROSE[1])  # changed: must be cleaned again while the rest is denied
    write(src / "secret.txt", PROSE[2]).chmod(0)
    (src / "locked").chmod(0)
    (src / "noexec").chmod(0o644)  # its names can be read, but nothing in it can be looked at
    result = run_as(unprivileged, ["batch", "in", "out", "--report", "out/.cleaner/report.json"], base)
    assert result.returncode == 1, result.stderr
    assert outputs(out) == ["good.json", "locked/x.json", "noexec/deeper/z.json", "noexec/y.json"]
    assert json.loads((out / "good.json").read_text())["body"] == PROSE[1]
    assert [(e["path"], e["kind"], e["error"]) for e in error_list(out)] == [
        ("locked", "unreadable", "cannot list the folder: Permission denied; outputs kept"),
        ("noexec/deeper", "unreadable", "cannot list the folder: Permission denied; outputs kept"),
        ("noexec/y.txt", "unreadable", "cannot read: Permission denied; its output is kept"),
        ("secret.txt", "unreadable", "cannot read: Permission denied"),
    ]
    rep = json.loads((out / ".cleaner" / "report.json").read_text())
    assert (rep["files"]["cleaned"], rep["files"]["failed"], rep["files"]["unlisted_folders"]) == (1, 2, 2)
    assert (rep["errors"]["count"], rep["exit_status"]) == (4, 1)
    lines = result.stderr.splitlines()
    for shown in ("'locked'", "'noexec/deeper'", "'noexec/y.txt'", "'secret.txt'"):
        assert sum(line.startswith(f"cleaner: error: cannot clean {shown}: ") for line in lines) == 1
    assert any(line.split()[:2] == ["failed", "2"] for line in lines)


def test_permission_denied_on_clean_is_one_line_and_the_rest_goes_on(unprivileged: list[str], base: Path) -> None:
    """``cleaner clean`` on a mode-000 file: one line naming it, the other inputs still cleaned, exit 1."""
    write(base / "a.txt", PROSE[0])
    write(base / "secret.txt", PROSE[1]).chmod(0)
    result = run_as(unprivileged, ["clean", "secret.txt", "a.txt"], base)
    assert result.returncode == 1
    assert result.stderr == "cleaner: error: cannot read 'secret.txt': Permission denied\n"
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["a.txt"]
