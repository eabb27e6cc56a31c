"""The summary table of a batch run, on stderr; names and messages are shown as plain text, never as markup."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cleaner.batch.discover import SKIP_REASONS
from cleaner.batch.summary import Summary
from cleaner.files import printable


def _plain(text: str, style: str = "") -> Text:
    """Return ``text`` as a rich Text: no markup read, control characters escaped."""
    return Text(printable(text), style=style)


def summary_table(summary: Summary) -> Table:
    """Return the summary as a two-column table: what, how many."""
    title = "dry run: nothing was changed" if summary.dry_run else f"done in {summary.seconds:.1f} s"
    if summary.interrupted:
        title = f"interrupted after {summary.seconds:.1f} s; what finished is kept"
    table = Table(title=_plain(title), title_justify="left", box=box.SIMPLE, show_header=False, pad_edge=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_column("detail")
    cleaned = "to clean" if summary.dry_run else "cleaned"
    table.add_row(_plain(cleaned), _count(summary.cleaned, "green"), _rate(summary))
    rehashed = f"{summary.rehashed:,} with a new mtime but the same content" if summary.rehashed else ""
    table.add_row(_plain("unchanged"), _count(summary.unchanged), _plain(rehashed, "dim"))
    table.add_row(_plain("failed"), _count(summary.failed, "red" if summary.failed else ""), _failed_detail(summary))
    skipped = ", ".join(f"{n:,} {SKIP_REASONS.get(k, k)}" for k, n in sorted(summary.skipped.items()))
    table.add_row(_plain("skipped"), _count(sum(summary.skipped.values())), _plain(skipped, "dim"))
    removed = "to remove" if summary.dry_run else "removed"
    table.add_row(_plain(removed), _count(summary.removed_outputs), _plain("outputs of inputs that are gone", "dim"))
    if summary.kept_orphans:
        table.add_row(_plain("kept"), _count(summary.kept_orphans), _plain("outputs of gone inputs (--keep-orphans)"))
    if summary.chars:
        share = sum(summary.removed_chars.values()) / summary.chars
        by_kind = ", by kind:" if summary.removed_chars else ""
        detail = _plain(f"read; {share:.0%} kept out of the bodies{by_kind}")
        table.add_row(_plain("characters"), _count(summary.chars), detail)
        for kind, chars in summary.removed_chars.most_common():
            table.add_row(_plain(f"  {kind}"), _count(chars), _plain(""))
    return table


def _count(n: int, style: str = "") -> Text:
    """Return a count, with thousands separators."""
    return Text(f"{n:,}", style=style)


def _rate(summary: Summary) -> Text:
    """Return the files per second of the cleaning, or nothing for a dry run or an empty one."""
    if summary.dry_run or not summary.cleaned or summary.seconds <= 0:
        return Text("")
    return _plain(f"{summary.cleaned / summary.seconds:,.1f} files/s, {summary.records:,} documents", "dim")


def _failed_detail(summary: Summary) -> Text:
    """Return where the failures are listed, and how many records failed."""
    parts = []
    if summary.failed_records:
        parts.append(f"and {summary.failed_records:,} JSON Lines records")
    if summary.error_count and summary.errors_file:
        parts.append(f"all listed in {summary.errors_file}")
    return _plain("; ".join(parts), "dim")


def errors_table(summary: Summary) -> Table:
    """Return the first few failures: input (and line), kind, message."""
    shown = len(summary.errors)
    more = f" (the first {shown} of {summary.error_count:,})" if summary.error_count > shown else ""
    table = Table(title=_plain(f"failed{more}"), title_justify="left", box=box.SIMPLE, pad_edge=False)
    for name in ("input", "kind", "error"):
        table.add_column(name)
    for entry in summary.errors:
        where = str(entry["path"]) + (f":{entry['line']}" if entry.get("line") else "")
        table.add_row(_plain(where), _plain(str(entry["kind"]), "red"), _plain(str(entry["error"])))
    return table


def show_summary(summary: Summary, console: Console | None = None) -> None:
    """Print the summary (and the first failures, and any warnings) on stderr."""
    console = console or Console(stderr=True, highlight=False)
    for warning in summary.warnings:
        console.print(_plain(f"cleaner: warning: {warning}", "yellow"))
    console.print(summary_table(summary))
    if summary.errors and console.is_terminal:
        console.print(errors_table(summary))
    else:  # in a log or a cron mail: one line per failure, never wrapped, easy to grep
        for line in summary.error_lines():
            console.print(_plain(f"cleaner: error: {line}"), soft_wrap=True)
