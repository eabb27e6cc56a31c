"""``cleaner batch`` in-process (CliRunner) on real folders: layout, selection, JSON Lines, errors, reports."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE, PROSE, Invoke

from cleaner.batch.discover import Walk


def write(path: Path, text: str = ARTICLE) -> Path:
    """Write ``text`` to ``path`` (creating its folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def outputs(out: Path) -> list[str]:
    """Return every file under ``out`` outside ``.cleaner``, relative, sorted."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and ".cleaner" not in p.parts)


def report(invoke: Invoke, *args: str) -> tuple[int, dict[str, Any]]:
    """Run ``cleaner batch ARGS --report -`` quietly; return the exit status and the parsed report."""
    result = invoke(["batch", *args, "-q", "--report", "-"])
    return result.exit_code, json.loads(result.stdout)


def error_list(out: Path) -> list[dict[str, Any]]:
    """Return the entries of OUT/.cleaner/errors.jsonl."""
    return [json.loads(line) for line in (out / ".cleaner" / "errors.jsonl").read_text().splitlines()]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Write a small tree: two articles at the top, one two folders down."""
    write(tmp_path / "in" / "b.txt")
    write(tmp_path / "in" / "a.txt", PROSE[0])
    write(tmp_path / "in" / "news" / "2022" / "c.txt", PROSE[1])
    return tmp_path / "in"


def test_out_mirrors_in(invoke: Invoke, tree: Path, tmp_path: Path) -> None:
    """Each input gets OUT/<same path, suffix .json>: one compact JSON object whose source is the path under IN."""
    out = tmp_path / "out"
    result = invoke(["batch", str(tree), str(out), "-q"])
    assert result.exit_code == 0
    assert result.stdout == result.stderr == ""
    assert outputs(out) == ["a.json", "b.json", "news/2022/c.json"]
    text = (out / "news" / "2022" / "c.json").read_text()
    assert text.count("\n") == 1
    doc = json.loads(text)
    assert (doc["source"], doc["body"]) == ("news/2022/c.txt", PROSE[1])
    assert json.loads((out / "b.json").read_text())["tags"] == ["Russia", "Ukraine", "USA"]
    state = sorted(p.name for p in (out / ".cleaner").iterdir())
    assert {"errors.jsonl", "lock", "manifest.sqlite", "tmp"} <= set(state)
    assert list((out / ".cleaner" / "tmp").iterdir()) == []


def test_outputs_are_what_clean_writes(invoke: Invoke, tree: Path, tmp_path: Path) -> None:
    """A batch output holds the same object as ``cleaner clean`` on that file (with its path under IN)."""
    invoke(["batch", str(tree), str(tmp_path / "out"), "-q"])
    os.chdir(tree)
    alone = invoke(["clean", "news/2022/c.txt", "--format", "jsonl"]).stdout
    assert (tmp_path / "out" / "news" / "2022" / "c.json").read_text() == alone


def test_names_that_clash_keep_their_suffix(invoke: Invoke, tmp_path: Path) -> None:
    """x.txt and x.md would share x.json: they become x.txt.json and x.md.json; y.txt keeps y.json."""
    for name in ("x.txt", "x.md", "y.txt"):
        write(tmp_path / "in" / name, PROSE[0])
    assert invoke(["batch", str(tmp_path / "in"), str(tmp_path / "out"), "-q"]).exit_code == 0
    assert outputs(tmp_path / "out") == ["x.md.json", "x.txt.json", "y.json"]
    assert json.loads((tmp_path / "out" / "x.md.json").read_text())["source"] == "x.md"


def test_hidden_files_and_symlinks_out_of_in_are_skipped_and_counted(invoke: Invoke, tmp_path: Path) -> None:
    """Hidden files and folders, symlinks leading outside IN, broken ones and fifos are skipped, and counted."""
    src = tmp_path / "in"
    write(src / "a.txt", PROSE[0])
    write(src / ".draft.txt")
    write(src / ".git" / "x.txt")
    write(tmp_path / "elsewhere" / "secret.txt")
    (src / "leak.txt").symlink_to(tmp_path / "elsewhere" / "secret.txt")
    (src / "leakdir").symlink_to(tmp_path / "elsewhere")
    (src / "alias.txt").symlink_to("a.txt")  # inside IN: followed
    (src / "broken.txt").symlink_to("nowhere.txt")
    (src / "loop").symlink_to(".")
    os.mkfifo(src / "pipe")
    code, rep = report(invoke, str(src), str(tmp_path / "out"))
    assert code == 0
    assert outputs(tmp_path / "out") == ["a.json", "alias.json"]
    assert rep["skipped"] == {"broken": 1, "hidden": 2, "loop": 1, "outside": 2, "special": 1}
    assert rep["files"]["selected"] == 2


def test_glob_selects_files(invoke: Invoke, tree: Path, tmp_path: Path) -> None:
    """--glob matches the name, or the path under IN when it holds a '/'; several patterns add up."""
    write(tree / "notes.md", PROSE[2])
    code, rep = report(invoke, str(tree), str(tmp_path / "o1"), "--glob", "*.md", "--glob", "a.*")
    assert code == 0
    assert outputs(tmp_path / "o1") == ["a.json", "notes.json"]
    assert rep["skipped"] == {"unselected": 2}
    assert report(invoke, str(tree), str(tmp_path / "o2"), "--glob", "news/*")[0] == 0
    assert outputs(tmp_path / "o2") == ["news/2022/c.json"]


@pytest.mark.parametrize(
    ("src", "dst", "message"),
    [
        ("in", "in/out", "is inside the input folder"),
        ("in", "in", "is inside the input folder"),
        ("in/sub", "in", "is inside the output folder"),
        ("missing", "out", "does not exist"),
        ("in/a.txt", "out", "is not a folder"),
    ],
)
def test_folders_that_cannot_work_are_usage_errors(
    invoke: Invoke, tmp_path: Path, src: str, dst: str, message: str
) -> None:
    """OUT inside IN (or IN inside OUT, or IN missing) is refused with exit 2, before anything is written."""
    write(tmp_path / "in" / "sub" / "a.txt")
    write(tmp_path / "in" / "a.txt")
    result = invoke(["batch", str(tmp_path / src), str(tmp_path / dst)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / dst / ".cleaner").exists()


def walk_order(root: Path) -> list[str]:
    """Return the inputs under ``root`` in path order: components compared one by one."""
    files = [p.relative_to(root) for p in root.rglob("*") if p.is_file()]
    return ["/".join(p.parts) for p in sorted(files, key=lambda p: [os.fsencode(part) for part in p.parts])]


def test_jsonl_file_holds_the_complete_set_in_path_order(invoke: Invoke, tmp_path: Path) -> None:
    """--jsonl FILE: every document in path order, on every run (also when nothing changed); no tree in OUT."""
    src, out, all_ = tmp_path / "in", tmp_path / "out", tmp_path / "all.jsonl"
    for name in ("a.txt", "a/b.txt", "a-b.txt", "B.txt", "z/z/z.txt", "é.txt"):
        write(src / name, PROSE[len(name) % 3])
    expected = walk_order(src)
    assert expected.index("a/b.txt") < expected.index("a-b.txt") or expected.index("a-b.txt") < expected.index(
        "a/b.txt"
    )
    for _ in range(2):
        assert invoke(["batch", str(src), str(out), "--jsonl", str(all_), "-q"]).exit_code == 0
        assert [json.loads(line)["source"] for line in all_.read_text().splitlines()] == expected
    assert outputs(out) == []
    (src / "a.txt").unlink()
    write(src / "m.txt", PROSE[0])
    assert invoke(["batch", str(src), str(out), "--jsonl", str(all_), "-q"]).exit_code == 0
    assert [json.loads(line)["source"] for line in all_.read_text().splitlines()] == walk_order(src)


def test_walk_order_puts_a_folder_before_names_that_extend_it(tmp_path: Path) -> None:
    """The walk yields a/b.txt before a.txt and a-b.txt (keys compare component by component)."""
    for name in ("a.txt", "a/b.txt", "a-b.txt"):
        write(tmp_path / name)
    assert [e.rel for e in Walk(str(tmp_path))] == ["a/b.txt", "a-b.txt", "a.txt"]
    assert walk_order(tmp_path) == ["a/b.txt", "a-b.txt", "a.txt"]


def test_jsonl_dash_writes_stdout(invoke: Invoke, tree: Path, tmp_path: Path) -> None:
    """--jsonl - prints the JSON Lines on stdout, and only them."""
    for _ in range(2):
        result = invoke(["batch", str(tree), str(tmp_path / "out"), "--jsonl", "-", "-q"])
        assert result.exit_code == 0
        assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == walk_order(tree)


def test_jsonl_input_records(invoke: Invoke, tmp_path: Path) -> None:
    """--input-format jsonl: each record's text field is cleaned, other fields under record, source FILE:LINE."""
    lines = [
        json.dumps({"id": 1, "content": PROSE[0], "body": "kept apart"}),
        "",
        json.dumps({"id": 2}),
        "not json",
        json.dumps({"id": 3, "content": PROSE[1]}),
    ]
    write(tmp_path / "in" / "crawl" / "part-0.jsonl", "\n".join(lines) + "\n")
    args = ["--input-format", "jsonl", "--text-field", "content"]
    code, rep = report(invoke, str(tmp_path / "in"), str(tmp_path / "out"), *args)
    assert code == 1
    docs = [json.loads(line) for line in (tmp_path / "out" / "crawl" / "part-0.jsonl").read_text().splitlines()]
    assert [(d["source"], d["body"], d["record"]) for d in docs] == [
        ("crawl/part-0.jsonl:1", PROSE[0], {"id": 1, "body": "kept apart"}),
        ("crawl/part-0.jsonl:5", PROSE[1], {"id": 3}),
    ]
    assert [(e["path"], e["line"], e["kind"]) for e in error_list(tmp_path / "out")] == [
        ("crawl/part-0.jsonl", 3, "record"),
        ("crawl/part-0.jsonl", 4, "record"),
    ]
    assert (rep["records"], rep["files"]["cleaned"]) == ({"written": 2, "failed": 2}, 1)
    # Unchanged on a rerun, and its failed records are still listed: the list is the folder's current state.
    code, rep = report(invoke, str(tmp_path / "in"), str(tmp_path / "out"), *args)
    assert (code, rep["files"]["unchanged"], rep["records"]["failed"]) == (1, 1, 2)
    assert len(error_list(tmp_path / "out")) == 2


@pytest.mark.parametrize(
    "args", [["--text-field", "x"], ["--jobs", "0"], ["--max-bytes", "0"], ["--jsonl", "-", "--report", "-"]]
)
def test_options_that_cannot_work_are_usage_errors(invoke: Invoke, tree: Path, tmp_path: Path, args: list[str]) -> None:
    """--text-field without JSON Lines input, no jobs, no bytes, two things on stdout: usage errors, nothing made."""
    assert invoke(["batch", str(tree), str(tmp_path / "out"), *args]).exit_code == 2
    assert not (tmp_path / "out").exists()


def bad_inputs(src: Path) -> None:
    """Write two good inputs (one in latin-1) and two that fail: a binary one and one over 1,000 bytes."""
    write(src / "good.txt", PROSE[0])
    (src / "latin.txt").write_bytes("Café au lait, s'il vous plaît, dit le garçon.".encode("latin-1"))
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\xff" * 100)
    write(src / "sub" / "big.txt", "x" * 1001)


def test_failed_inputs_are_listed_and_the_rest_is_written(invoke: Invoke, tmp_path: Path) -> None:
    """Binary and too-big inputs: in errors.jsonl and the summary, exit 1, every other input written."""
    src, out = tmp_path / "in", tmp_path / "out"
    bad_inputs(src)
    result = invoke(["batch", str(src), str(out), "--max-bytes", "1K"])
    assert result.exit_code == 1
    assert outputs(out) == ["good.json", "latin.json"]
    assert {e["path"]: e["kind"] for e in error_list(out)} == {"binary.txt": "not-text", "sub/big.txt": "too-large"}
    assert "failed" in result.stderr
    assert "sub/big.txt" in result.stderr
    assert "1,001 bytes or more, over the limit of 1,000; raise it with --max-bytes" in result.stderr


def test_empty_blank_and_binary_inputs_are_listed_and_the_rest_is_written(invoke: Invoke, tmp_path: Path) -> None:
    """Empty, whitespace-only and binary files (by signature): each in errors.jsonl with its reason, exit 1."""
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "good.txt", PROSE[0])
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.txt").write_bytes(b" \n\n\t \r\n")
    (src / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)))
    (src / "doc.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    with open(src / "huge.txt", "wb") as f:  # 200 MB, sparse: refused by the default 50M limit, never read
        f.truncate(200_000_000)
    code, rep = report(invoke, str(src), str(out))
    assert code == 1
    assert outputs(out) == ["good.json"]
    assert {e["path"]: (e["kind"], e["error"]) for e in error_list(out)} == {
        "blank.txt": ("empty", "blank file (only whitespace)"),
        "doc.pdf": ("not-text", "looks like a binary file (PDF document); not text"),
        "empty.txt": ("empty", "empty file"),
        "huge.txt": ("too-large", "200,000,000 bytes or more, over the limit of 50,000,000; raise it with --max-bytes"),
        "photo.txt": ("not-text", "looks like a binary file (JPEG image); not text"),
    }
    assert (rep["files"]["failed"], rep["files"]["cleaned"], rep["errors"]["count"]) == (5, 1, 5)


def test_binary_jsonl_input_is_one_error_and_an_empty_one_has_no_records(invoke: Invoke, tmp_path: Path) -> None:
    """A binary shard read as JSON Lines is refused whole (one entry, no output); an empty shard is no records."""
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "ok.jsonl", json.dumps({"text": PROSE[0]}) + "\n")
    (src / "empty.jsonl").write_bytes(b"")
    (src / "x.jsonl").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    code, rep = report(invoke, str(src), str(out), "--input-format", "jsonl")
    assert code == 1
    assert outputs(out) == ["empty.jsonl", "ok.jsonl"]
    assert (out / "empty.jsonl").read_bytes() == b""
    assert [(e["path"], e["line"], e["kind"]) for e in error_list(out)] == [("x.jsonl", None, "not-text")]
    assert rep["records"] == {"written": 1, "failed": 0}


def test_undecodable_input_with_a_forced_encoding_is_listed(invoke: Invoke, tmp_path: Path) -> None:
    """With --encoding ascii, the latin-1 input cannot be decoded: listed as undecodable; the others written."""
    src, out = tmp_path / "in", tmp_path / "out"
    bad_inputs(src)
    (src / "binary.txt").unlink()
    result = invoke(["batch", str(src), str(out), "--encoding", "ascii", "-q"])
    assert result.exit_code == 1
    assert outputs(out) == ["good.json", "sub/big.json"]
    assert [(e["path"], e["kind"]) for e in error_list(out)] == [("latin.txt", "undecodable")]
    assert "cannot decode as ascii" in result.stderr


def test_quiet_failures_are_one_line_each(invoke: Invoke, tmp_path: Path) -> None:
    """With --quiet, each failure is one line on stderr, and nothing else is printed."""
    bad_inputs(tmp_path / "in")
    result = invoke(["batch", str(tmp_path / "in"), str(tmp_path / "out"), "-q", "--max-bytes", "1K"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "cleaner: error: cannot clean 'binary.txt': looks like a binary file (PNG image); not text",
        "cleaner: error: cannot clean 'sub/big.txt': 1,001 bytes or more, over the limit of 1,000; "
        "raise it with --max-bytes",
    ]


def test_an_input_that_turns_bad_loses_its_output(invoke: Invoke, tmp_path: Path) -> None:
    """When a cleaned input is replaced by a binary file, its old output no longer stands for it: removed."""
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "a.txt", PROSE[0])
    assert report(invoke, str(src), str(out))[0] == 0
    (src / "a.txt").write_bytes(b"\xff\x00" * 250)
    code, rep = report(invoke, str(src), str(out))
    assert (code, rep["files"]["failed"]) == (1, 1)
    assert outputs(out) == []
    (src / "a.txt").write_text(PROSE[1])
    assert report(invoke, str(src), str(out))[0] == 0
    assert json.loads((out / "a.json").read_text())["body"] == PROSE[1]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_input_is_listed(invoke: Invoke, tmp_path: Path) -> None:
    """A file that cannot be opened (mode 000) is listed as unreadable; the others are written."""
    write(tmp_path / "in" / "good.txt", PROSE[0])
    secret = write(tmp_path / "in" / "secret.txt", PROSE[1])
    secret.chmod(0)
    try:
        result = invoke(["batch", str(tmp_path / "in"), str(tmp_path / "out"), "-q"])
    finally:
        secret.chmod(0o644)
    assert result.exit_code == 1
    assert outputs(tmp_path / "out") == ["good.json"]
    assert [(e["path"], e["kind"]) for e in error_list(tmp_path / "out")] == [("secret.txt", "unreadable")]
    assert "Permission denied" in result.stderr


def test_clean_honours_max_bytes(invoke: Invoke, tmp_path: Path) -> None:
    """``cleaner clean`` refuses a file (or stdin) over --max-bytes, and cleans the others."""
    big = write(tmp_path / "big.txt", PROSE[0] * 5)
    small = write(tmp_path / "small.txt", PROSE[1])
    result = invoke(["clean", str(big), str(small), "--max-bytes", "200"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"cleaner: error: cannot clean {str(big)!r}: ")
    assert "over the limit of 200" in result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(small)]
    assert invoke(["clean", "-", "--max-bytes", "200"], input=PROSE[0] * 5).exit_code == 1
    assert invoke(["clean", str(big), "--max-bytes", "lots"]).exit_code == 2


def test_report_file_and_summary(invoke: Invoke, tree: Path, tmp_path: Path) -> None:
    """--report FILE holds the summary as JSON; the table on stderr shows the counts; stdout stays empty."""
    result = invoke(["batch", str(tree), str(tmp_path / "out"), "--report", str(tmp_path / "r.json"), "-j", "1"])
    assert result.exit_code == 0
    assert result.stdout == ""
    rep = json.loads((tmp_path / "r.json").read_text())
    assert rep["files"]["cleaned"] == 3
    assert rep["records"] == {"written": 3, "failed": 0}
    assert rep["chars"]["removed"]["tags"] > 0
    assert rep["chars"]["removed"]["header"] > 0
    assert rep["exit_status"] == 0
    assert rep["errors"]["count"] == 0
    for word in ("cleaned", "unchanged", "failed", "skipped", "tags", "header"):
        assert word in result.stderr


def test_dry_run_lists_and_changes_nothing(invoke: Invoke, tree: Path, tmp_path: Path) -> None:
    """--dry-run lists what would be cleaned (and removed) on stdout, and writes nothing at all."""
    out = tmp_path / "out"
    result = invoke(["batch", str(tree), str(out), "--dry-run"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["new\ta.txt", "new\tb.txt", "new\tnews/2022/c.txt"]
    assert not out.exists()
    invoke(["batch", str(tree), str(out), "-q"])
    (tree / "a.txt").unlink()
    write(tree / "b.txt", PROSE[2])
    before = sorted((p.name, p.stat().st_mtime_ns) for p in out.rglob("*"))
    result = invoke(["batch", str(tree), str(out), "--dry-run", "-q"])
    assert result.stdout.splitlines() == ["modified\tb.txt", "remove\ta.json"]
    assert sorted((p.name, p.stat().st_mtime_ns) for p in out.rglob("*")) == before


def test_names_are_shown_escaped(invoke: Invoke, tmp_path: Path) -> None:
    """A file name holding escapes or rich markup is shown escaped and literal, in the table and the list."""
    name = "evil\x1b[31m[bold red]red.txt"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(b"\xff\x00" * 100)
    result = invoke(["batch", str(tmp_path / "in"), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "evil\\x1b[31m[bold red]red.txt" in result.stderr.replace("\n", "")
    listing = invoke(["batch", str(tmp_path / "in"), str(tmp_path / "out"), "--dry-run", "-q"])
    assert listing.stdout == "new\tevil\\x1b[31m[bold red]red.txt\n"


def test_a_held_lock_exits_75_with_one_line(invoke: Invoke, tree: Path, tmp_path: Path) -> None:
    """While another process holds OUT/.cleaner/lock, a run exits 75 with one clear line and writes nothing."""
    state = tmp_path / "out" / ".cleaner"
    state.mkdir(parents=True)
    with open(state / "lock", "w") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)
        holder.write("4242\n")
        holder.flush()
        result = invoke(["batch", str(tree), str(tmp_path / "out"), "-q"])
    assert result.exit_code == 75
    assert result.stderr.splitlines() == [
        f"cleaner: error: cannot clean into {str(tmp_path / 'out')!r}: another run is working on this folder "
        "(process 4242); try again when it has finished"
    ]
    assert outputs(tmp_path / "out") == []
    assert invoke(["batch", str(tree), str(tmp_path / "out"), "-q"]).exit_code == 0


def test_the_batch_core_needs_neither_click_nor_rich() -> None:
    """cleaner.batch runs from Python alone: importing and running it loads no click and no rich."""
    import subprocess
    import sys

    from conftest import python_env

    probe = (
        "import sys, tempfile, pathlib\n"
        "from cleaner.batch import Options, run_batch\n"
        "base = pathlib.Path(tempfile.mkdtemp())\n"
        "(base / 'in').mkdir()\n"
        "(base / 'in' / 'a.txt').write_text('The council met on Tuesday evening.')\n"
        "summary = run_batch(Options(str(base / 'in'), str(base / 'out'), jobs=2))\n"
        "assert summary.cleaned == 1, summary\n"
        "print(' '.join(m for m in sys.modules if m.split('.')[0] in ('click', 'rich')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, env=python_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b"\n"


def refuse(monkeypatch: pytest.MonkeyPatch, name: str, target: str) -> None:
    """Make ``os.NAME`` raise PermissionError for paths ending in ``target`` (root reads whatever the mode)."""
    real = getattr(os, name)

    def guarded(path: Any, *args: Any, **kwargs: Any) -> Any:
        """Refuse the target, pass everything else through."""
        if os.fspath(path).endswith(target):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, name, guarded)


def test_an_input_that_cannot_be_opened_is_listed(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An input whose open fails (as a mode-000 file does for anyone but root) is listed as unreadable."""
    write(tmp_path / "in" / "good.txt", PROSE[0])
    write(tmp_path / "in" / "secret.txt", PROSE[1])
    refuse(monkeypatch, "open", "secret.txt")
    result = invoke(["batch", str(tmp_path / "in"), str(tmp_path / "out"), "-q", "--jobs", "1"])
    assert result.exit_code == 1
    assert outputs(tmp_path / "out") == ["good.json"]
    assert [(e["path"], e["kind"]) for e in error_list(tmp_path / "out")] == [("secret.txt", "unreadable")]
    assert result.stderr == "cleaner: error: cannot clean 'secret.txt': cannot read: Permission denied\n"


def test_a_folder_that_cannot_be_listed_keeps_its_outputs(
    invoke: Invoke, tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed is an error, and its outputs are kept: it is not taken for a removal."""
    out = tmp_path / "out"
    assert invoke(["batch", str(tree), str(out), "-q"]).exit_code == 0
    refuse(monkeypatch, "scandir", "news")
    code, rep = report(invoke, str(tree), str(out))
    assert code == 1
    monkeypatch.undo()
    assert (rep["files"]["unlisted_folders"], rep["files"]["removed_outputs"]) == (1, 0)
    assert outputs(out) == ["a.json", "b.json", "news/2022/c.json"]
    assert [(e["path"], e["kind"]) for e in error_list(out)] == [("news", "unreadable")]
    assert report(invoke, str(tree), str(out))[1]["files"]["unchanged"] == 3


def test_an_output_folder_that_cannot_be_made_is_one_error_line(invoke: Invoke, tree: Path, tmp_path: Path) -> None:
    """OUT under a file cannot be created: one error line naming the problem, exit 1, no traceback."""
    write(tmp_path / "file", "x")
    result = invoke(["batch", str(tree), str(tmp_path / "file" / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"cleaner: error: cannot clean {str(tree)!r} into ")
    assert result.stderr.endswith("Not a directory\n")
    assert result.stderr.count("\n") == 1
