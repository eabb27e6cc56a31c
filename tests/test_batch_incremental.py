"""``cleaner batch`` reruns: what is cleaned again, what is not, what is removed; the same bytes for any --jobs."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE, PROSE, Invoke

import cleaner.batch.run


def write(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` (creating its folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def outputs(out: Path) -> dict[str, bytes]:
    """Return every output under ``out`` (outside .cleaner) by relative path, with its bytes."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".cleaner" not in p.parts
    }


@pytest.fixture
def src(tmp_path: Path) -> Path:
    """Write a tree of eight articles in three folders."""
    root = tmp_path / "in"
    for i in range(8):
        folder = ("", "x/", "x/y/")[i % 3]
        write(root / f"{folder}doc{i}.txt", f"{PROSE[i % 3]}\n\n{PROSE[(i + 1) % 3]} (part {i})\n")
    write(root / "seed.txt", ARTICLE)
    return root


class Runner:
    """Run ``cleaner batch IN OUT`` with extra options and return the parsed --report."""

    def __init__(self, invoke: Invoke, src: Path, out: Path) -> None:
        """Run over ``src`` into ``out``."""
        self.invoke, self.src, self.out = invoke, src, out

    def __call__(self, *args: str, status: int = 0) -> dict[str, Any]:
        """Run once; check the exit status; return the report's file counts."""
        result = self.invoke(["batch", str(self.src), str(self.out), "-q", "--report", "-", *args])
        assert result.exit_code == status, result.stderr
        files: dict[str, Any] = json.loads(result.stdout)["files"]
        return files


@pytest.fixture
def run(invoke: Invoke, src: Path, tmp_path: Path) -> Runner:
    """Return a runner over the fixture tree into tmp_path/out."""
    return Runner(invoke, src, tmp_path / "out")


def test_an_unchanged_folder_cleans_nothing(run: Runner) -> None:
    """The second run finds every input up to date and rewrites nothing."""
    assert run()["cleaned"] == 9
    before = {p: p.stat().st_mtime_ns for p in run.out.rglob("*.json")}
    files = run()
    assert (files["cleaned"], files["unchanged"], files["rehashed"]) == (0, 9, 0)
    assert {p: p.stat().st_mtime_ns for p in run.out.rglob("*.json")} == before


def test_touch_rehashes_and_a_change_recleans_one(run: Runner) -> None:
    """A touched input is hashed, found unchanged, not cleaned; a modified one is cleaned again, alone."""
    run()
    path = run.src / "x" / "doc1.txt"
    os.utime(path, ns=(1, 1_000_000_000))
    files = run()
    assert (files["cleaned"], files["rehashed"], files["unchanged"]) == (0, 1, 9)
    assert run()["rehashed"] == 0  # the new mtime was recorded
    path.write_text(PROSE[2], encoding="utf-8")
    files = run()
    assert (files["cleaned"], files["unchanged"]) == (1, 8)
    assert json.loads((run.out / "x" / "doc1.json").read_text())["body"] == PROSE[2]


def test_a_same_size_edit_with_the_old_mtime_is_still_seen_when_the_mtime_moves(run: Runner) -> None:
    """Same size, new content, new mtime: the hash differs, so it is cleaned."""
    run()
    path = run.src / "doc0.txt"
    text = path.read_text()
    path.write_text(text.replace("council", "CouncIL"), encoding="utf-8")
    assert run()["cleaned"] == 1


def test_an_option_change_recleans_everything(run: Runner) -> None:
    """A different option that shapes the output (--date-order, --encoding) cleans every input again."""
    run()
    assert run("--date-order", "dmy")["cleaned"] == 9
    assert run("--date-order", "dmy")["cleaned"] == 0
    assert run("--encoding", "utf-8", "--date-order", "dmy")["cleaned"] == 9
    assert run("--encoding", "utf-8", "--date-order", "dmy", "--max-bytes", "10M")["cleaned"] == 0


def test_a_new_version_recleans_everything(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outputs written by another cleaner version are cleaned again."""
    run()
    monkeypatch.setattr(cleaner.batch.run, "__version__", "99.0.0")
    assert run()["cleaned"] == 9
    assert run()["cleaned"] == 0


def test_force_recleans_everything(run: Runner) -> None:
    """--force cleans every input, changed or not."""
    run()
    assert run("--force")["cleaned"] == 9


def test_a_removed_input_loses_its_output_and_empty_folders(run: Runner) -> None:
    """When inputs go, their outputs go, and the folders they leave empty too; --keep-orphans keeps them."""
    run()
    (run.src / "x" / "y" / "doc2.txt").unlink()
    files = run("--keep-orphans")
    assert (files["removed_outputs"], files["kept_orphans"]) == (0, 1)
    assert (run.out / "x" / "y" / "doc2.json").exists()
    (run.src / "x" / "y" / "doc5.txt").unlink()
    files = run()
    assert (files["removed_outputs"], files["cleaned"]) == (2, 0)
    assert not (run.out / "x" / "y").exists()
    assert "x/doc1.json" in outputs(run.out)


def test_an_output_deleted_by_hand_is_written_again(run: Runner) -> None:
    """The manifest is not trusted blindly: a missing or truncated output is rewritten."""
    run()
    expected = outputs(run.out)
    (run.out / "doc0.json").unlink()
    (run.out / "x" / "doc1.json").write_bytes(b"")
    assert run()["cleaned"] == 2
    assert outputs(run.out) == expected


def test_a_new_clash_renames_outputs(run: Runner) -> None:
    """When doc0.md appears beside doc0.txt, both keep their suffix; when it goes, doc0.json comes back."""
    run()
    write(run.src / "doc0.md", PROSE[2])
    assert run()["cleaned"] == 2
    names = set(outputs(run.out))
    assert {"doc0.txt.json", "doc0.md.json"} <= names
    assert "doc0.json" not in names
    (run.src / "doc0.md").unlink()
    files = run()
    assert (files["cleaned"], files["removed_outputs"]) == (1, 1)
    names = set(outputs(run.out))
    assert "doc0.json" in names
    assert not {"doc0.txt.json", "doc0.md.json"} & names


def test_switching_to_jsonl_moves_outputs_out_of_the_tree(run: Runner, tmp_path: Path) -> None:
    """A run with --jsonl on a tree-mode OUT removes the tree outputs; the JSON Lines holds every document."""
    run()
    before = outputs(run.out)
    assert run("--jsonl", str(tmp_path / "all.jsonl"))["cleaned"] == 9
    assert outputs(run.out) == {}
    assert sorted(before.values()) == sorted(
        line + b"\n" for line in (tmp_path / "all.jsonl").read_bytes().split(b"\n")[:-1]
    )


def test_outputs_are_byte_identical_for_any_number_of_jobs(invoke: Invoke, src: Path, tmp_path: Path) -> None:
    """--jobs 1 (in-process) and --jobs 2 and 3 (worker processes) write the same bytes, tree and JSON Lines."""
    for i in range(30):
        write(src / f"more/{i:02}.txt", f"{PROSE[i % 3]}\n\n{PROSE[(i + 2) % 3]} (more {i})\n")
    trees, lines = [], []
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"out{jobs}"
        for extra in ([], ["--jsonl", str(tmp_path / f"all{jobs}.jsonl")]):
            result = invoke(["batch", str(src), str(out), "--jobs", jobs, "-q", *extra])
            assert result.exit_code == 0
        trees.append(outputs(out))
        lines.append((tmp_path / f"all{jobs}.jsonl").read_bytes())
    assert len(trees[0]) == 0  # the --jsonl run moved them out of the tree
    assert lines[0] == lines[1] == lines[2]
    assert lines[0].count(b"\n") == 39


def test_tree_outputs_are_byte_identical_for_any_number_of_jobs(invoke: Invoke, src: Path, tmp_path: Path) -> None:
    """The tree written with --jobs 1 and --jobs 2 is the same, file for file, byte for byte."""
    for i in range(30):
        write(src / f"more/{i:02}.txt", f"{PROSE[i % 3]}\n\n{PROSE[(i + 2) % 3]} (more {i})\n")
    trees = []
    for jobs in ("1", "2"):
        result = invoke(["batch", str(src), str(tmp_path / f"out{jobs}"), "--jobs", jobs, "-q"])
        assert result.exit_code == 0
        trees.append(outputs(tmp_path / f"out{jobs}"))
    assert len(trees[0]) == 39
    assert trees[0] == trees[1]


def test_a_damaged_manifest_is_set_aside(run: Runner, invoke: Invoke) -> None:
    """A manifest that is not a database is kept as manifest.sqlite.damaged; the run cleans everything, warns."""
    run()
    manifest = run.out / ".cleaner" / "manifest.sqlite"
    manifest.write_bytes(b"not a database" * 100)
    result = invoke(["batch", str(run.src), str(run.out)])
    assert result.exit_code == 0
    assert "the manifest was damaged" in result.stderr
    assert (run.out / ".cleaner" / "manifest.sqlite.damaged").exists()
    with sqlite3.connect(manifest) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone() == (9,)
    assert run()["cleaned"] == 0
