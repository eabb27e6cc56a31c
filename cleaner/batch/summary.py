"""What a batch run did, in counts: the summary table on stderr and ``--report FILE`` both show this."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

#: Failed inputs (or records) kept in the summary itself; all of them are in ``OUT/.cleaner/errors.jsonl``.
SHOWN_ERRORS = 10


@dataclass
class Summary:
    """Counts of one run, filled in as it goes."""

    input: str
    output: str
    jobs: int
    dry_run: bool = False
    files: int = 0  #: inputs selected in IN
    cleaned: int = 0
    unchanged: int = 0  #: inputs whose output was already up to date (some re-hashed: ``rehashed``)
    rehashed: int = 0  #: inputs whose size or mtime changed but whose content did not
    failed: int = 0  #: inputs that failed as a whole
    records: int = 0  #: documents written this run (one per text input, one per JSON Lines record)
    failed_records: int = 0  #: JSON Lines records that failed (in inputs that were otherwise cleaned)
    removed_outputs: int = 0  #: outputs removed because their input is gone
    kept_orphans: int = 0  #: outputs of gone inputs kept (``--keep-orphans``)
    unlisted_folders: int = 0  #: folders that could not be read (their outputs are kept)
    skipped: Counter[str] = field(default_factory=Counter)
    chars: int = 0  #: characters of the documents cleaned this run
    body_chars: int = 0
    removed_chars: Counter[str] = field(default_factory=Counter)  #: characters kept out of the body, by kind
    errors: list[dict[str, Any]] = field(default_factory=list)  #: the first few problems
    error_count: int = 0
    errors_file: str | None = None
    warnings: list[str] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0

    def error(self, entry: dict[str, Any]) -> None:
        """Count one problem, keeping the first few."""
        self.error_count += 1
        if len(self.errors) < SHOWN_ERRORS:
            self.errors.append(entry)

    def error_lines(self) -> list[str]:
        """Return one line per problem kept, and one for the rest: what a log or a cron mail shows."""
        lines = []
        for entry in self.errors:
            where = str(entry["path"]) + (f":{entry['line']}" if entry.get("line") else "")
            lines.append(f"cannot clean {where!r}: {entry['error']}")
        if self.error_count > len(self.errors):
            lines.append(f"{self.error_count - len(self.errors):,} more, all listed in {self.errors_file!r}")
        return lines

    @property
    def ok(self) -> bool:
        """Whether every input was cleaned and the run was not stopped."""
        return not (self.error_count or self.interrupted)

    def to_dict(self) -> dict[str, Any]:
        """Return the summary as the JSON object of ``--report``."""
        return {
            "input": self.input,
            "output": self.output,
            "jobs": self.jobs,
            "dry_run": self.dry_run,
            "interrupted": self.interrupted,
            "seconds": round(self.seconds, 3),
            "files": {
                "selected": self.files,
                "cleaned": self.cleaned,
                "unchanged": self.unchanged,
                "rehashed": self.rehashed,
                "failed": self.failed,
                "removed_outputs": self.removed_outputs,
                "kept_orphans": self.kept_orphans,
                "unlisted_folders": self.unlisted_folders,
            },
            "skipped": dict(sorted(self.skipped.items())),
            "records": {"written": self.records, "failed": self.failed_records},
            "chars": {
                "input": self.chars,
                "body": self.body_chars,
                "removed": dict(sorted(self.removed_chars.items())),
            },
            "errors": {"count": self.error_count, "file": self.errors_file, "first": self.errors},
            "warnings": self.warnings,
        }
