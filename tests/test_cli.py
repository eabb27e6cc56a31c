"""The ``cleaner`` command in-process (CliRunner): exit codes, parsed output, files, options and errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE, PROSE, Invoke

import cleaner
import cleaner.cli
from cleaner.config import Config
from cleaner.document import FIELDS, JSON_SCHEMA, Document


def lines_of(stdout: str) -> list[dict[str, Any]]:
    """Return the JSON objects of JSON Lines output, checking there is one per line."""
    return [json.loads(line) for line in stdout.splitlines()]


def write(folder: Path, name: str, text: str = ARTICLE) -> Path:
    """Write ``text`` to ``folder/name`` and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_file_gives_one_object(invoke: Invoke, in_tmp: Path) -> None:
    """One input: exit 0 and one JSON object whose source is the path as given."""
    write(in_tmp, "a.txt")
    result = invoke(["clean", "a.txt"])
    assert result.exit_code == 0
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    assert doc["source"] == "a.txt"
    assert doc["date"] == "2022-11-29"
    assert doc["tags"] == ["Russia", "Ukraine", "USA"]
    assert doc["body"].startswith("The United States initiated a call")
    assert list(doc) == list(FIELDS)


def test_several_files_give_json_lines_in_order(invoke: Invoke, in_tmp: Path) -> None:
    """Several inputs: one compact object per line, in the order given, each with its own source."""
    write(in_tmp, "b.txt")
    (in_tmp / "sub").mkdir()
    write(in_tmp / "sub", "a.txt", PROSE[0] + "\n")
    result = invoke(["clean", "b.txt", "sub/a.txt", "b.txt"])
    assert result.exit_code == 0
    docs = lines_of(result.stdout)
    assert [d["source"] for d in docs] == ["b.txt", "sub/a.txt", "b.txt"]
    assert docs[1]["body"] == PROSE[0]


@pytest.mark.parametrize("args", [["clean", "-"], ["clean"]])
def test_stdin(invoke: Invoke, args: list[str]) -> None:
    """``-`` (or no FILE) reads standard input as bytes; the source is ``-``."""
    result = invoke(args, input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["source"] == "-"
    assert doc["tags"] == ["Russia", "Ukraine", "USA"]


def test_stdin_twice_is_a_usage_error(invoke: Invoke) -> None:
    """Standard input can be read once."""
    result = invoke(["clean", "-", "-"], input="x")
    assert result.exit_code == 2
    assert "only once" in result.stderr


def test_output_file_is_written_atomically(invoke: Invoke, in_tmp: Path) -> None:
    """``-o FILE`` replaces the file with JSON Lines of every input, prints nothing, leaves no temp file."""
    write(in_tmp, "a.txt")
    write(in_tmp, "b.txt")
    out = in_tmp / "out"
    out.mkdir()
    (out / "all.jsonl").write_text("old content\n")
    result = invoke(["clean", "a.txt", "b.txt", "-o", "out/all.jsonl"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert [d["source"] for d in lines_of((out / "all.jsonl").read_text())] == ["a.txt", "b.txt"]
    assert sorted(p.name for p in out.iterdir()) == ["all.jsonl"]


def test_output_file_with_one_input_is_one_json_object(invoke: Invoke, in_tmp: Path) -> None:
    """``-o FILE`` with one input holds one compact JSON object."""
    write(in_tmp, "a.txt")
    assert invoke(["clean", "a.txt", "-o", "a.json"]).exit_code == 0
    text = (in_tmp / "a.json").read_text()
    assert text.count("\n") == 1
    assert json.loads(text)["source"] == "a.txt"


def test_output_file_in_a_missing_folder_fails(invoke: Invoke, in_tmp: Path) -> None:
    """An output file that cannot be created: one error line, exit 1."""
    write(in_tmp, "a.txt")
    result = invoke(["clean", "a.txt", "-o", "nowhere/a.json"])
    assert result.exit_code == 1
    assert result.stderr.startswith("cleaner: error: cannot write 'nowhere/a.json': ")
    assert result.stderr.count("\n") == 1


def test_output_directory_gets_one_file_per_input(invoke: Invoke, in_tmp: Path) -> None:
    """``-o DIR`` (existing) writes DIR/<stem>.json for each input; a failed input gets none."""
    write(in_tmp, "a.txt")
    write(in_tmp, "b.text", PROSE[1])
    (in_tmp / "out").mkdir()
    result = invoke(["clean", "a.txt", "missing.txt", "b.text", "-o", "out"])
    assert result.exit_code == 1
    assert sorted(p.name for p in (in_tmp / "out").iterdir()) == ["a.json", "b.json"]
    assert json.loads((in_tmp / "out" / "b.json").read_text())["source"] == "b.text"


def test_output_path_with_slash_creates_the_directory(invoke: Invoke, in_tmp: Path) -> None:
    """``-o NEW/`` creates the folder; ``--format text`` writes .txt files there."""
    write(in_tmp, "a.txt")
    assert invoke(["clean", "a.txt", "-o", "new/deeper/"]).exit_code == 0
    assert json.loads((in_tmp / "new" / "deeper" / "a.json").read_text())["source"] == "a.txt"
    assert invoke(["clean", "a.txt", "--format", "text", "-o", "new/"]).exit_code == 0
    assert (in_tmp / "new" / "a.txt").read_text().startswith("The United States")


def test_output_directory_refuses_two_inputs_with_one_stem(invoke: Invoke, in_tmp: Path) -> None:
    """Two inputs that would land in the same output file are a usage error, before anything is written."""
    (in_tmp / "x").mkdir()
    write(in_tmp, "a.txt")
    write(in_tmp / "x", "a.txt")
    result = invoke(["clean", "a.txt", "x/a.txt", "-o", "out/"])
    assert result.exit_code == 2
    assert "would both be saved" in result.stderr
    assert not (in_tmp / "out").exists()


def test_format_json_is_indented(invoke: Invoke, article: Path) -> None:
    """``--format json`` indents by two spaces, even when not on a terminal."""
    result = invoke(["clean", str(article), "--format", "json"])
    assert result.stdout.startswith('{\n  "source": ')
    assert json.loads(result.stdout)["source"] == str(article)


def test_format_jsonl_is_compact(invoke: Invoke, article: Path) -> None:
    """``--format jsonl`` writes one line per document."""
    result = invoke(["clean", str(article), "--format", "jsonl"])
    assert result.stdout.count("\n") == 1
    assert result.stdout.startswith('{"source":')


def test_format_text_separates_bodies_with_a_form_feed_line(invoke: Invoke, in_tmp: Path) -> None:
    """``--format text`` prints the bodies only, separated by a line holding a form feed."""
    write(in_tmp, "a.txt", f"{PROSE[0]}\n\n{PROSE[1]}\n")
    write(in_tmp, "b.txt", f"{PROSE[2]}\n")
    result = invoke(["clean", "a.txt", "b.txt", "--format", "text"])
    assert result.exit_code == 0
    assert result.stdout == f"{PROSE[0]}\n\n{PROSE[1]}\n\f\n{PROSE[2]}\n"


def test_fields_projects_in_the_order_given(invoke: Invoke, article: Path) -> None:
    """``--fields`` keeps only the fields named, in that order."""
    result = invoke(["clean", str(article), "--fields", "tags, source,body"])
    assert result.exit_code == 0
    assert list(json.loads(result.stdout)) == ["tags", "source", "body"]


@pytest.mark.parametrize("value", ["source,bogus", ",", "Body"])
def test_unknown_field_is_a_usage_error(invoke: Invoke, article: Path, value: str) -> None:
    """An unknown field: exit 2 and a message listing the valid fields."""
    result = invoke(["clean", str(article), "--fields", value])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "valid fields: source, date, datetime" in result.stderr


def test_no_removed_drops_the_audit_trail(invoke: Invoke, article: Path) -> None:
    """``--no-removed`` drops removed and body_spans and keeps every other field."""
    doc = json.loads(invoke(["clean", str(article), "--no-removed"]).stdout)
    assert list(doc) == [f for f in FIELDS if f not in ("removed", "body_spans")]


def test_json_shaping_options_are_refused_with_text(invoke: Invoke, article: Path) -> None:
    """``--fields`` and ``--no-removed`` make no sense with ``--format text``."""
    assert invoke(["clean", str(article), "--format", "text", "--no-removed"]).exit_code == 2
    assert invoke(["clean", str(article), "--format", "text", "--fields", "body"]).exit_code == 2


def test_options_reach_the_config(invoke: Invoke, article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--date-order`` and ``--encoding`` become the Config the core is called with."""
    seen: list[Config] = []

    def fake(data: bytes, *, config: Config | None = None, source: str | None = None) -> Document:
        """Record the config, then clean as usual."""
        assert config is not None
        seen.append(config)
        return cleaner.clean_bytes(data, config=config, source=source)

    monkeypatch.setattr(cleaner.cli, "clean_bytes", fake)
    assert invoke(["clean", str(article), "--date-order", "dmy", "--encoding", "cp1252"]).exit_code == 0
    assert invoke(["clean", str(article)]).exit_code == 0
    assert seen == [Config(date_order="dmy", encoding="cp1252"), Config()]


def test_encoding_decodes_the_input(invoke: Invoke, tmp_path: Path) -> None:
    """``--encoding`` is used to decode, and says so in the warnings."""
    path = tmp_path / "koi.txt"
    path.write_bytes("Привет, мир.\n".encode("koi8-r"))
    doc = json.loads(invoke(["clean", str(path), "--encoding", "koi8-r"]).stdout)
    assert doc["body"] == "Привет, мир."
    assert "decoded as koi8-r (forced)" in doc["warnings"]


@pytest.mark.parametrize("name", ["no-such-codec", "base64"])
def test_unknown_encoding_is_a_usage_error(invoke: Invoke, article: Path, name: str) -> None:
    """An encoding Python does not know as a text encoding: exit 2."""
    result = invoke(["clean", str(article), "--encoding", name])
    assert result.exit_code == 2
    assert "unknown text encoding" in result.stderr


def test_bad_date_order_is_a_usage_error(invoke: Invoke, article: Path) -> None:
    """Only auto, dmy and mdy are accepted."""
    assert invoke(["clean", str(article), "--date-order", "ydm"]).exit_code == 2


def test_missing_file_is_one_error_line_and_the_rest_goes_on(invoke: Invoke, in_tmp: Path) -> None:
    """A missing input: one stderr line naming it, the other inputs still cleaned, exit 1."""
    write(in_tmp, "a.txt")
    write(in_tmp, "c.txt")
    result = invoke(["clean", "a.txt", "missing.txt", "c.txt"])
    assert result.exit_code == 1
    assert result.stderr == "cleaner: error: cannot read 'missing.txt': No such file or directory\n"
    assert [d["source"] for d in lines_of(result.stdout)] == ["a.txt", "c.txt"]


def test_directory_input_is_an_error(invoke: Invoke, in_tmp: Path) -> None:
    """A directory is not readable as an article."""
    (in_tmp / "d").mkdir()
    result = invoke(["clean", "d"])
    assert result.exit_code == 1
    assert result.stderr == "cleaner: error: cannot read 'd': Is a directory\n"


def test_binary_input_is_an_error_naming_it(invoke: Invoke, in_tmp: Path) -> None:
    """The core's InputError (binary bytes) is reported like a read error, and the rest goes on."""
    (in_tmp / "x.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4 + b"\xff\x00" * 100)
    write(in_tmp, "a.txt")
    result = invoke(["clean", "x.bin", "a.txt"])
    assert result.exit_code == 1
    assert result.stderr.startswith("cleaner: error: cannot clean 'x.bin': ")
    assert result.stderr.count("\n") == 1
    assert [d["source"] for d in lines_of(result.stdout)] == ["a.txt"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\xef\xbb\xbf", "empty file (only a byte order mark)"),
        (b"  \n\n\t\r\n ", "blank file (only whitespace)"),
        ("  \n ".encode("utf-16"), "blank file (only whitespace)"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\xff" * 100, "looks like a binary file (PNG image); not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "looks like a binary file (PDF document); not text"),
        (b"\x1f\x8b\x08\x00" + bytes(range(256)), "looks like a binary file (gzip archive); not text"),
        (b"text\x00\x00\x00\x00 more", "looks like a binary file (NUL bytes); not text"),
    ],
    ids=["empty", "bom-only", "blank", "utf16-blank", "png", "pdf", "gzip", "nul"],
)
def test_empty_blank_and_binary_files_are_refused_naming_them(
    invoke: Invoke, in_tmp: Path, data: bytes, reason: str
) -> None:
    """Empty, whitespace-only and binary files: one stderr line naming the file and why; the rest goes on; exit 1."""
    (in_tmp / "bad.txt").write_bytes(data)
    write(in_tmp, "a.txt")
    result = invoke(["clean", "bad.txt", "a.txt"])
    assert result.exit_code == 1
    assert result.stderr == f"cleaner: error: cannot clean 'bad.txt': {reason}\n"
    assert [d["source"] for d in lines_of(result.stdout)] == ["a.txt"]
    piped = invoke(["clean", "-"], input=data)
    assert (piped.exit_code, piped.stdout) == (1, "")
    assert piped.stderr == f"cleaner: error: cannot clean '-': {reason}\n"


def test_empty_and_binary_files_with_a_forced_encoding(invoke: Invoke, in_tmp: Path) -> None:
    """With --encoding, a blank file is judged as that encoding reads it; a signature is binary whatever it is."""
    (in_tmp / "blank.txt").write_bytes("  \n\u3000 ".encode("utf-16-le"))  # U+3000 is a space: its bytes are not
    (in_tmp / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\xff" * 100)
    (in_tmp / "wide.txt").write_bytes(PROSE[1].encode("utf-16-le"))
    result = invoke(["clean", "blank.txt", "x.png", "wide.txt", "--encoding", "utf-16-le"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "cleaner: error: cannot clean 'blank.txt': blank file (only whitespace)",
        "cleaner: error: cannot clean 'x.png': looks like a binary file (PNG image); not text",
    ]
    assert [d["body"] for d in lines_of(result.stdout)] == [PROSE[1]]


def test_jsonl_input_that_is_binary_is_refused_and_empty_is_no_records(invoke: Invoke, in_tmp: Path) -> None:
    """A binary file read as JSON Lines is one error line, not one per garbled line; an empty one has no records."""
    (in_tmp / "x.jsonl").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 40)
    (in_tmp / "empty.jsonl").write_bytes(b"")
    (in_tmp / "ok.jsonl").write_text(json.dumps({"text": PROSE[0]}) + "\n")
    result = invoke(["clean", "x.jsonl", "empty.jsonl", "ok.jsonl", "--input-format", "jsonl"])
    assert result.exit_code == 1
    assert (
        result.stderr == "cleaner: error: cannot clean 'x.jsonl': looks like a binary file (gzip archive); not text\n"
    )
    assert [d["source"] for d in lines_of(result.stdout)] == ["ok.jsonl:1"]
    empty = invoke(["clean", "empty.jsonl", "--input-format", "jsonl"])
    assert (empty.exit_code, empty.stdout, empty.stderr) == (0, "", "")


def test_max_bytes_refuses_a_200_mb_file_unread_by_default(invoke: Invoke, in_tmp: Path) -> None:
    """A 200 MB single-line file (sparse: costs no disk) is refused by the default 50M limit from its size alone."""
    with open(in_tmp / "huge.txt", "wb") as f:
        f.truncate(200_000_000)
    write(in_tmp, "a.txt")
    result = invoke(["clean", "huge.txt", "a.txt"])
    assert result.exit_code == 1
    assert result.stderr == (
        "cleaner: error: cannot clean 'huge.txt': 200,000,000 bytes or more, over the limit of 50,000,000; "
        "raise it with --max-bytes\n"
    )
    assert [d["source"] for d in lines_of(result.stdout)] == ["a.txt"]


def test_a_single_line_file_at_the_limit_is_cleaned_and_one_byte_more_is_not(invoke: Invoke, in_tmp: Path) -> None:
    """--max-bytes is inclusive: a one-line file of exactly SIZE bytes is cleaned whole; SIZE + 1 is refused."""
    line = ((PROSE[0] + " ") * 40)[:3999] + "."
    (in_tmp / "line.txt").write_text(line, encoding="ascii")
    ok = invoke(["clean", "line.txt", "--max-bytes", "4K"])
    assert ok.exit_code == 0, ok.stderr
    assert json.loads(ok.stdout)["stats"]["chars"] == 4000
    (in_tmp / "line.txt").write_text(line + " ", encoding="ascii")
    refused = invoke(["clean", "line.txt", "--max-bytes", "4K"])
    assert refused.exit_code == 1
    assert refused.stderr == (
        "cleaner: error: cannot clean 'line.txt': 4,001 bytes or more, over the limit of 4,000; "
        "raise it with --max-bytes\n"
    )


def test_names_are_escaped_on_stderr(invoke: Invoke, in_tmp: Path) -> None:
    """A file name with terminal escapes or markup is shown escaped, never interpreted."""
    name = "evil\x1b[31m[bold]red[/bold]\n.txt"
    result = invoke(["clean", name])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert result.stderr == (
        "cleaner: error: cannot read 'evil\\x1b[31m[bold]red[/bold]\\n.txt': No such file or directory\n"
    )


@pytest.mark.parametrize("text", [" date 2022-11-29 A caption.\n\nTags: a, b\n", "Tags: a\n", "\u00a0\u200b\n"])
def test_no_article_text_is_not_an_error(invoke: Invoke, in_tmp: Path, text: str) -> None:
    """A file with text but no article text (a header, tags, invisible characters): exit 0, an empty body, a warning."""
    write(in_tmp, "empty.txt", text)
    result = invoke(["clean", "empty.txt"])
    assert result.exit_code == 0
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    assert doc["body"] == ""
    assert "no article text found" in doc["warnings"]


def test_interrupt_exits_130_quietly(invoke: Invoke, article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while cleaning: exit 130, nothing on stderr."""

    def interrupted(data: bytes, **kwargs: Any) -> Document:
        """Act as if the user pressed Ctrl-C."""
        raise KeyboardInterrupt

    monkeypatch.setattr(cleaner.cli, "clean_bytes", interrupted)
    result = invoke(["clean", str(article)])
    assert result.exit_code == 130
    assert result.stderr == ""


def test_interrupt_keeps_the_old_output_file(invoke: Invoke, in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An interrupted ``-o FILE`` run leaves the previous file as it was, and no temporary file."""
    write(in_tmp, "a.txt")
    (in_tmp / "out.jsonl").write_text("previous\n")
    calls: list[str] = []

    def second_interrupts(data: bytes, *, config: Config | None = None, source: str | None = None) -> Document:
        """Clean the first input, then act as if the user pressed Ctrl-C."""
        calls.append(str(source))
        if len(calls) > 1:
            raise KeyboardInterrupt
        return cleaner.clean_bytes(data, config=config, source=source)

    monkeypatch.setattr(cleaner.cli, "clean_bytes", second_interrupts)
    assert invoke(["clean", "a.txt", "a.txt", "-o", "out.jsonl"]).exit_code == 130
    assert (in_tmp / "out.jsonl").read_text() == "previous\n"
    assert sorted(p.name for p in in_tmp.iterdir()) == ["a.txt", "out.jsonl"]


def test_jsonl_input_cleans_each_record(invoke: Invoke, in_tmp: Path) -> None:
    """JSON Lines input: each record's text is cleaned, the rest kept under record; source FILE:LINE."""
    records = [{"id": 1, "text": ARTICLE, "url": "https://example.org/a"}, {"text": PROSE[0], "id": 2}]
    (in_tmp / "in.jsonl").write_text("\n".join(json.dumps(r) for r in records[:1]) + "\n\n" + json.dumps(records[1]))
    result = invoke(["clean", "--input-format", "jsonl", "in.jsonl"])
    assert result.exit_code == 0
    docs = lines_of(result.stdout)
    assert [d["source"] for d in docs] == ["in.jsonl:1", "in.jsonl:3"]
    assert docs[0]["record"] == {"id": 1, "url": "https://example.org/a"}
    assert docs[0]["tags"] == ["Russia", "Ukraine", "USA"]
    assert docs[1]["body"] == PROSE[0]
    assert list(docs[1])[-1] == "record"


def test_jsonl_input_from_stdin_with_text_field(invoke: Invoke) -> None:
    """``--text-field`` names the article field; stdin records are ``-:LINE``; --fields can pick record."""
    data = "".join(json.dumps({"content": PROSE[i], "n": i}) + "\n" for i in (0, 1))
    args = ["clean", "--input-format", "jsonl", "--text-field", "content", "--fields", "source,record,body"]
    docs = lines_of(invoke(args, input=data).stdout)
    assert docs == [
        {"source": "-:1", "record": {"n": 0}, "body": PROSE[0]},
        {"source": "-:2", "record": {"n": 1}, "body": PROSE[1]},
    ]


def test_jsonl_bad_records_are_reported_and_skipped(invoke: Invoke) -> None:
    """A record that is not JSON, not an object or lacks the text field: one error line each, exit 1."""
    good = json.dumps({"text": PROSE[0]})
    data = f'{good}\nnot json\n[1, 2]\n{{"body": "x"}}\n{{"text": null}}\n{good}\n'
    result = invoke(["clean", "--input-format", "jsonl", "-"], input=data)
    assert result.exit_code == 1
    assert [d["source"] for d in lines_of(result.stdout)] == ["-:1", "-:6"]
    errors = result.stderr.splitlines()
    assert [e.split(":")[2:4] for e in errors] == [
        [" cannot clean '-", "2'"],
        [" cannot clean '-", "3'"],
        [" cannot clean '-", "4'"],
        [" cannot clean '-", "5'"],
    ]
    assert "--text-field" in errors[2]


def test_jsonl_output_directory_gets_one_jsonl_file_per_input(invoke: Invoke, in_tmp: Path) -> None:
    """With JSON Lines input, ``-o DIR`` writes DIR/<stem>.jsonl."""
    (in_tmp / "batch.jsonl").write_text("".join(json.dumps({"text": p}) + "\n" for p in PROSE[:2]))
    assert invoke(["clean", "--input-format", "jsonl", "batch.jsonl", "-o", "out/"]).exit_code == 0
    assert [d["body"] for d in lines_of((in_tmp / "out" / "batch.jsonl").read_text())] == list(PROSE[:2])


def test_text_field_needs_jsonl_input(invoke: Invoke, article: Path) -> None:
    """``--text-field`` without ``--input-format jsonl`` is a usage error."""
    assert invoke(["clean", str(article), "--text-field", "body"]).exit_code == 2


def test_schema_prints_the_json_schema(invoke: Invoke) -> None:
    """``cleaner schema`` prints the schema of the output objects as JSON."""
    result = invoke(["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == JSON_SCHEMA


def test_version(invoke: Invoke) -> None:
    """``cleaner --version`` prints the name and version."""
    result = invoke(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"cleaner {cleaner.__version__}\n"


def test_unknown_command_and_option_are_usage_errors(invoke: Invoke, article: Path) -> None:
    """click's usage errors exit 2."""
    assert invoke(["tidy"]).exit_code == 2
    assert invoke(["clean", str(article), "--colour"]).exit_code == 2


def test_atomic_writer_keeps_the_old_file_on_error(tmp_path: Path) -> None:
    """A write that fails half-way leaves the old file untouched and no temporary file."""
    from cleaner.files import atomic_writer

    target = tmp_path / "out.json"
    target.write_text("old")

    def fail_half_way() -> None:
        """Write part of the new content, then fail."""
        with atomic_writer(target) as f:
            f.write(b"half of the new")
            raise RuntimeError("disk full, say")

    with pytest.raises(RuntimeError, match="disk full"):
        fail_half_way()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_atomic_writer_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    """A replaced file keeps its permissions; a new one gets the usual ones, not the temp file's 0600."""
    import os

    from cleaner.files import atomic_writer

    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text("x")
    old.chmod(0o640)
    for path in (old, new):
        with atomic_writer(path) as f:
            f.write(b"{}")
    assert old.stat().st_mode & 0o777 == 0o640
    mask = os.umask(0o022)
    os.umask(mask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~mask
    assert new.read_bytes() == b"{}"


def test_silence_sends_the_rest_to_the_null_device() -> None:
    """After ``silence``, writing to a pipe whose reader is gone no longer fails."""
    import os

    from cleaner.files import silence

    read_end, write_end = os.pipe()
    os.close(read_end)
    with os.fdopen(write_end, "wb") as stream:
        stream.write(b"x")
        with pytest.raises(BrokenPipeError):
            stream.flush()
        silence(stream)
        stream.write(b"y" * 100_000)
        stream.flush()


def test_lone_surrogate_in_a_record_still_gives_valid_json(invoke: Invoke) -> None:
    """A JSON record may hold a lone surrogate (\\ud800); the output keeps it as an escape, still valid JSON."""
    data = json.dumps({"text": PROSE[0] + " \ud800"}) + "\n"
    result = invoke(["clean", "--input-format", "jsonl", "--fields", "body"], input=data)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["body"].endswith("\ud800")
    text = invoke(["clean", "--input-format", "jsonl", "--format", "text"], input=data)
    assert text.stdout.endswith("\\ud800\n")
