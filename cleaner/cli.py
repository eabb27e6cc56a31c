"""The ``cleaner`` command line: read the inputs, build a Config, call the core, write the results.

Only this module imports click, and it holds no cleaning logic: ``clean_bytes`` and ``clean`` do the work.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

import click

from cleaner import __version__, clean_bytes, files
from cleaner.config import Config, DateOrder
from cleaner.document import FIELDS, Document
from cleaner.encoding import SAMPLE_BYTES
from cleaner.errors import CleanerError, DecodeError, ExitStatus
from cleaner.stages.decode import check_binary, check_input

#: Every field ``--fields`` may name: the document's, plus ``record`` for ``--input-format jsonl``.
OUTPUT_FIELDS: tuple[str, ...] = (*FIELDS, "record")
#: What separates two bodies in ``--format text``: a form feed alone on a line (decoding drops form feeds).
TEXT_SEPARATOR = b"\f\n"


def shown(name: str) -> str:
    """Return ``name`` quoted, with control and invisible characters escaped, safe to print on a terminal.

    >>> print(shown("a\\x1b[31mb.txt"))
    'a\\x1b[31mb.txt'
    """
    return repr(name)


def _stdout() -> BinaryIO:
    """Return standard output as bytes, looked up when needed (a test runner swaps ``sys.stdout``)."""
    if sys.stdout is None:  # started with file descriptor 1 closed
        _error("standard output is closed; save with -o PATH")
        raise click.exceptions.Exit(ExitStatus.FAILED)
    return sys.stdout.buffer


def _stdin() -> BinaryIO:
    """Return standard input as bytes, looked up only when an input is ``-``; fail if it is closed."""
    if sys.stdin is None:  # started with file descriptor 0 closed
        raise OSError(errno.EBADF, "standard input is closed")
    return sys.stdin.buffer


def _error(message: str) -> None:
    """Print one error line on stderr."""
    click.echo(f"cleaner: error: {files.printable(message)}", err=True)


def _escape_message(exc: click.ClickException) -> None:
    """Escape the control characters of a click error's message in place (click 8.5 marks ``message`` Final, a
    promise to type checkers only: the exception is the one click will show, so it is changed, not replaced)."""
    object.__setattr__(exc, "message", files.printable(exc.message))


class _Group(click.Group):
    """A command group whose commands end quietly when stdout's reader goes away or on Ctrl-C.

    Click's own error messages quote the arguments given (an extra argument may be a hostile file name): they
    are shown with control characters escaped, like every other message.
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        """Parse the group's options, escaping the message of a usage error."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as exc:
            _escape_message(exc)
            raise

    def invoke(self, ctx: click.Context) -> Any:
        """Run the chosen command, then flush stdout; map a closed pipe and an interrupt to exit statuses."""
        try:
            try:
                return super().invoke(ctx)
            finally:
                if sys.stdout is not None:
                    sys.stdout.flush()
        except click.ClickException as exc:
            _escape_message(exc)
            raise
        except BrokenPipeError:
            files.silence(_stdout())
            ctx.exit(ExitStatus.BROKEN_PIPE)
        except KeyboardInterrupt:
            ctx.exit(ExitStatus.INTERRUPTED)


class _Writer:
    """Write documents in one format to one binary stream, with the separators that format needs."""

    def __init__(self, stream: BinaryIO, fmt: str, *, removed: bool, fields: tuple[str, ...] | None) -> None:
        """Write to ``stream`` in ``fmt``; ``removed`` and ``fields`` shape each JSON object."""
        self.stream, self.fmt, self.removed, self.fields = stream, fmt, removed, fields
        self.count = 0

    def write(self, doc: Document, record: dict[str, Any] | None = None) -> None:
        """Write one document (and the other fields of its input record, if any), then flush."""
        if self.fmt == "text":
            data = doc.body.encode("utf-8", "backslashreplace") + b"\n"
            if self.count:
                data = TEXT_SEPARATOR + data
        else:
            indent = 2 if self.fmt == "json" else None
            data = files.document_bytes(doc, record, removed=self.removed, fields=self.fields, indent=indent)
        _write_all(self.stream, data)
        self.stream.flush()  # a reader downstream sees each document as soon as it is done
        self.count += 1


def _write_all(stream: BinaryIO, data: bytes) -> None:
    """Write all of ``data``; a buffered stream may take part of a large write when its reader goes away."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if not written:  # a stream that takes nothing would loop forever; it is as good as closed
            raise BrokenPipeError("the output stream accepts no more data")
        view = view[written:]


class _Job:
    """Turn input names into documents, reporting each input that fails and counting the failures."""

    def __init__(self, config: Config, input_format: str, text_field: str) -> None:
        """Clean with ``config``; read each input as one text, or as JSON Lines records of ``text_field``."""
        self.config, self.input_format, self.text_field = config, input_format, text_field
        self.failures = 0

    def fail(self, message: str) -> None:
        """Report one failed input (or record) on stderr and count it."""
        _error(message)
        self.failures += 1

    def documents(self, name: str) -> Iterator[tuple[Document, dict[str, Any] | None]]:
        """Yield each document of input ``name`` with its record's other fields (None for a text input)."""
        try:
            if self.input_format == "jsonl":
                yield from self._records(name)
                return
            data = files.read_input(name, _stdin, self.config.max_bytes)
            check_input(data, self.config.encoding)  # empty, blank and binary files are refused, named
        except OSError as exc:
            self.fail(f"cannot read {shown(name)}: {exc.strerror or exc}")
            return
        except CleanerError as exc:
            self.fail(f"cannot clean {shown(name)}: {_explain(exc)}")
            return
        try:
            doc = clean_bytes(data, config=self.config, source=name)
        except CleanerError as exc:
            self.fail(f"cannot clean {shown(name)}: {_explain(exc)}")
            return
        yield doc, None

    def _records(self, name: str) -> Iterator[tuple[Document, dict[str, Any] | None]]:
        """Yield the document of each JSON Lines record of ``name``; a bad record is reported and skipped."""
        check_binary(_head(name), self.config.encoding)
        lines = files.input_lines(name, _stdin, self.config.max_bytes)
        for record in files.clean_records(lines, name, self.text_field, self.config):
            if record.document is None:
                self.fail(f"cannot clean {shown(record.source)}: {record.error}")
            else:
                yield record.document, record.fields


def _head(name: str) -> bytes:
    """Return the first block of input ``name`` without consuming it; what stdin has buffered, for ``-``."""
    if name == files.STDIN:
        peek = getattr(_stdin(), "peek", None)  # a pipe's buffered reader can look ahead; other streams cannot
        return bytes(peek(SAMPLE_BYTES)[:SAMPLE_BYTES]) if callable(peek) else b""
    with open(name, "rb") as f:
        return f.read(SAMPLE_BYTES)


def _explain(exc: CleanerError) -> str:
    """Return the message of ``exc`` with a hint on how to get past it."""
    if isinstance(exc, DecodeError):
        return f"{exc}; try another --encoding, or none to detect it"
    return str(exc)


def _parse_fields(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    """Return the fields named in ``--fields a,b,c``, refusing unknown ones."""
    if value is None:
        return None
    names = tuple(dict.fromkeys(n.strip() for n in value.split(",") if n.strip()))
    unknown = [n for n in names if n not in OUTPUT_FIELDS]
    if unknown or not names:
        raise click.BadParameter(
            f"unknown field(s) {', '.join(map(shown, unknown)) or '(none given)'}; "
            f"valid fields: {', '.join(OUTPUT_FIELDS)}"
        )
    return names


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Return ``value`` if Python knows it as a text encoding."""
    if value is not None:
        try:
            b"a".decode(value)  # not b"": Python skips the codec lookup for empty input
        except UnicodeDecodeError:
            pass  # a real text codec that needs more than one byte, such as utf-16
        except LookupError:
            raise click.BadParameter(f"unknown text encoding {shown(value)}; try utf-8, cp1252 or latin-1") from None
    return value


def _parse_size(ctx: click.Context, param: click.Parameter, value: str | int) -> int:
    """Return a size in bytes from ``1000``, ``50K``, ``50M`` or ``2G`` (powers of 1000)."""
    text = str(value).strip().upper().removesuffix("B")
    scale = {"K": 10**3, "M": 10**6, "G": 10**9}.get(text[-1:], 1)
    digits = text[:-1] if scale > 1 else text
    if not digits.isdigit() or int(digits) < 1:
        raise click.BadParameter(f"{shown(str(value))} is not a size such as 50000000, 800K, 50M or 2G")
    return int(digits) * scale


def _reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options that say how to read the inputs (shared by clean and batch)."""
    options = [
        click.option(
            "--date-order",
            type=click.Choice(["auto", "dmy", "mdy"]),
            default="auto",
            show_default=True,
            help="How to read an ambiguous numeric date such as 03/04/2022; auto leaves it out with a warning.",
        ),
        click.option(
            "--encoding",
            callback=_check_encoding,
            metavar="NAME",
            help="Decode the input with this encoding instead of UTF-8 plus detection.",
        ),
        click.option(
            "--input-format",
            type=click.Choice(["text", "jsonl"]),
            default="text",
            show_default=True,
            help="text: each input is one article; jsonl: each line is a JSON record whose --text-field is one.",
        ),
        click.option(
            "--text-field",
            metavar="NAME",
            help="With --input-format jsonl: the field that holds the article text.  [default: text]",
        ),
        click.option(
            "--max-bytes",
            callback=_parse_size,
            default=str(Config().max_bytes),
            metavar="SIZE",
            help="Refuse, as an error, an input (or JSON Lines record) larger than this: 800K, 50M, 2G.  "
            "[default: 50M]",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _reading_config(
    date_order: str, encoding: str | None, input_format: str, text_field: str | None, max_bytes: int
) -> Config:
    """Return the Config of the reading options, refusing --text-field without JSON Lines input."""
    if text_field is not None and input_format != "jsonl":
        raise click.UsageError("--text-field needs --input-format jsonl")
    return Config(date_order=cast("DateOrder", date_order), encoding=encoding, max_bytes=max_bytes)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="cleaner", message="%(prog)s %(version)s")
def main() -> None:
    """Turn scraped news-article text into clean, structured, auditable JSON."""


@main.command("clean")
@click.argument("inputs", nargs=-1, metavar="[FILE|-]...")
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Save instead of printing, atomically. A FILE gets every document; an existing directory, or a PATH "
    "ending in '/', gets one file per input: PATH/<input stem>.json (.jsonl for JSON Lines input, .txt for "
    "--format text).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    help="json: indented objects; jsonl: one compact object per line; text: the body only, bodies separated "
    "by a line holding a form feed. Default: json on a terminal, jsonl otherwise.",
)
@click.option(
    "--fields",
    callback=_parse_fields,
    metavar="A,B,...",
    help=f"Keep only these fields, in this order ({', '.join(OUTPUT_FIELDS)}).",
)
@click.option("--no-removed", is_flag=True, help="Leave out the audit trail: the removed and body_spans fields.")
@_reading_options
@click.pass_context
def clean_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    fields: tuple[str, ...] | None,
    no_removed: bool,
    date_order: str,
    encoding: str | None,
    input_format: str,
    text_field: str | None,
    max_bytes: int,
) -> None:
    """Clean articles and print each as a JSON object.

    One input gives one JSON object, several give JSON Lines in the order given. Each object's source is the
    path as given, '-' for standard input (read when no FILE is named), or FILE:LINE for a JSON Lines record.
    A missing or unreadable input is reported on stderr, the others are still cleaned, and the exit status
    is 1.
    """
    names = list(inputs) or [files.STDIN]
    if not inputs and sys.stdin is not None and sys.stdin.isatty():
        raise click.UsageError("no input: name one or more FILEs, or pipe text in (or name '-' to type it)")
    if names.count(files.STDIN) > 1:
        raise click.UsageError("standard input ('-') can be read only once")
    if fmt == "text" and (fields is not None or no_removed):
        raise click.UsageError("--fields and --no-removed shape JSON; --format text prints only the body")
    config = _reading_config(date_order, encoding, input_format, text_field, max_bytes)
    job = _Job(config, input_format, text_field or "text")
    shape: dict[str, Any] = {"removed": not no_removed, "fields": fields}
    if output is None or output == "-":
        stdout = _stdout()
        writer = _Writer(stdout, fmt or ("json" if stdout.isatty() else "jsonl"), **shape)
        for name in names:
            for doc, record in job.documents(name):
                writer.write(doc, record)
    elif output.endswith("/") or Path(output).is_dir():
        _save_each(job, names, Path(output), fmt or "jsonl", shape)
    else:
        _save_all(job, names, Path(output), fmt or "jsonl", shape)
    ctx.exit(ExitStatus.FAILED if job.failures else ExitStatus.OK)


def _save_all(job: _Job, names: list[str], path: Path, fmt: str, shape: dict[str, Any]) -> None:
    """Write the documents of every input to the one file ``path``, replacing it when all are done."""
    try:
        with files.atomic_writer(path) as f:
            writer = _Writer(f, fmt, **shape)
            for name in names:
                for doc, record in job.documents(name):
                    writer.write(doc, record)
    except OSError as exc:
        job.fail(f"cannot write {shown(str(path))}: {exc.strerror or exc}")


def _save_each(job: _Job, names: list[str], folder: Path, fmt: str, shape: dict[str, Any]) -> None:
    """Write the documents of each input to ``folder/<stem><suffix>``; an input with none gets no file."""
    suffix = ".txt" if fmt == "text" else ".jsonl" if job.input_format == "jsonl" else ".json"
    targets = {name: files.output_path(folder, name, suffix) for name in names}
    seen: dict[Path, str] = {}
    for name, target in targets.items():
        if target in seen:
            raise click.UsageError(
                f"{shown(seen[target])} and {shown(name)} would both be saved as {shown(str(target))}"
            )
        seen[target] = name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        job.fail(f"cannot create the folder {shown(str(folder))}: {exc.strerror or exc}")
        return
    for name, target in targets.items():
        docs = job.documents(name)
        first = next(docs, None)
        if first is None:
            continue
        try:
            with files.atomic_writer(target) as f:
                writer = _Writer(f, fmt, **shape)
                writer.write(*first)
                for doc, record in docs:
                    writer.write(doc, record)
        except OSError as exc:
            job.fail(f"cannot write {shown(str(target))}: {exc.strerror or exc}")


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the objects that 'cleaner clean' writes."""
    from cleaner.document import JSON_SCHEMA

    _write_all(_stdout(), files.json_bytes(JSON_SCHEMA, indent=2))


@main.command("batch")
@click.argument("in_dir", metavar="IN")
@click.argument("out_dir", metavar="OUT")
@click.option(
    "--jsonl",
    metavar="FILE|-",
    help="Write one JSON Lines file ('-': standard output) instead of the tree: every document, in path order, "
    "on every run.",
)
@click.option(
    "--glob",
    "globs",
    multiple=True,
    metavar="PATTERN",
    help="Clean only files matching PATTERN (repeatable): matched against the name, or against the path under "
    "IN when it holds a '/'.  [default: every file]",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=lambda: os.cpu_count() or 1,
    show_default="the number of cores",
    help="Worker processes; 1 cleans in this process. Outputs are the same for any number.",
)
@click.option("--force", is_flag=True, help="Clean every input again, changed or not.")
@click.option("--keep-orphans", is_flag=True, help="Keep the outputs of inputs that are gone (default: remove them).")
@click.option("--dry-run", is_flag=True, help="List what would be cleaned or removed, on stdout; change nothing.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success; only errors, one line each.")
@click.option("--report", metavar="FILE", help="Write the summary as JSON to FILE ('-': standard output).")
@_reading_options
def batch_command(
    in_dir: str,
    out_dir: str,
    jsonl: str | None,
    globs: tuple[str, ...],
    jobs: int,
    force: bool,
    keep_orphans: bool,
    dry_run: bool,
    quiet: bool,
    report: str | None,
    date_order: str,
    encoding: str | None,
    input_format: str,
    text_field: str | None,
    max_bytes: int,
) -> None:
    """Clean a folder tree IN into OUT, which mirrors it: IN/a/x.txt gives OUT/a/x.json.

    Only new and changed inputs are cleaned (a manifest in OUT/.cleaner/ remembers each one), outputs of
    removed inputs are removed, and every file is written atomically, so the command is safe to rerun from cron
    and to interrupt. A second run on the same OUT exits 75. Inputs that cannot be cleaned are listed in
    OUT/.cleaner/errors.jsonl and the exit status is 1; the others are all written.
    """
    from cleaner.batch import Options, OptionsError, run_batch
    from cleaner.batch.stopper import Stopper
    from cleaner.errors import BusyError

    if jsonl == "-" and report == "-":
        raise click.UsageError("--jsonl - and --report - cannot both use standard output")
    config = _reading_config(date_order, encoding, input_format, text_field, max_bytes)
    options = Options(
        in_dir, out_dir, config, input_format, text_field or "text", jsonl, globs, jobs, force, keep_orphans, dry_run
    )
    show = not quiet and sys.stderr is not None
    bar = None
    if show and sys.stderr.isatty():
        from cleaner.ui.progress import ProgressBar

        bar = ProgressBar()
    stopper = Stopper(None if quiet else _stopping)

    def listing(action: str, name: str) -> None:
        """Print one planned action on stdout."""
        _write_all(_stdout(), f"{action}\t{files.printable(name)}\n".encode())

    try:
        with stopper, bar or contextlib.nullcontext():
            summary = run_batch(options, bar, stopper.stopped, _stdout() if jsonl == "-" else None, listing)
    except OptionsError as exc:
        raise click.UsageError(str(exc)) from None
    except BusyError as exc:
        _error(f"cannot clean into {shown(out_dir)}: {exc}")
        raise click.exceptions.Exit(ExitStatus.LOCKED) from None
    except OSError as exc:  # IN cannot be listed, OUT cannot be created: nothing can be done at all
        where = f" {shown(exc.filename)}" if isinstance(exc.filename, str) else ""
        _error(f"cannot clean {shown(in_dir)} into {shown(out_dir)}:{where} {exc.strerror or exc}")
        raise click.exceptions.Exit(ExitStatus.FAILED) from None
    status = ExitStatus.FAILED if summary.error_count else ExitStatus.OK
    if summary.interrupted:
        status = ExitStatus.TERMINATED if stopper.signal == signal.SIGTERM else ExitStatus.INTERRUPTED
    if show:
        from cleaner.ui.summary import show_summary

        show_summary(summary)
    else:
        for line in summary.error_lines():
            _error(line)
    if report is not None:
        _write_report(report, {**summary.to_dict(), "exit_status": int(status)})
    raise click.exceptions.Exit(status)


def _write_report(path: str, data: dict[str, Any]) -> None:
    """Write the --report JSON to ``path`` (atomically) or to stdout."""
    text = files.json_bytes(data, indent=2)
    if path == "-":
        _write_all(_stdout(), text)
        return
    try:
        with files.atomic_writer(path) as f:
            f.write(text)
    except OSError as exc:
        _error(f"cannot write the report {shown(path)}: {exc.strerror or exc}")


def _stopping() -> None:
    """Say on stderr that the run is stopping."""
    sys.stderr.write("\ncleaner: stopping after the inputs in progress (again to stop at once)\n")
