"""The options of a batch run, checked before anything on disk is touched."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field

from cleaner.config import Config
from cleaner.errors import CleanerError

#: The folder inside OUT that holds everything that is not an output.
STATE_DIR = ".cleaner"


class OptionsError(CleanerError):
    """Options or folders that cannot work: the command line reports it as a usage error."""


@dataclass(frozen=True, slots=True)
class Options:
    """What to clean, where to, and how; ``check()`` refuses combinations that cannot work."""

    input: str  #: IN: the folder to clean
    output: str  #: OUT: the mirror tree, and OUT/.cleaner/ (manifest, lock, errors.jsonl, tmp)
    config: Config = field(default_factory=Config)
    input_format: str = "text"  #: "text": a file is one article; "jsonl": a file holds JSON Lines records
    text_field: str = "text"  #: with jsonl input: the field that holds the article
    jsonl: str | None = None  #: write one JSON Lines file (path, or "-" for the given stream) instead of the tree
    globs: tuple[str, ...] = ()  #: select files by pattern (all files when empty)
    jobs: int = 1  #: worker processes; 1 cleans in this process
    force: bool = False  #: clean every input, changed or not
    keep_orphans: bool = False  #: keep the outputs of inputs that are gone
    dry_run: bool = False  #: plan and list, write nothing

    @property
    def state(self) -> str:
        """Return the path of OUT/.cleaner."""
        return os.path.join(self.output, STATE_DIR)

    @property
    def suffix(self) -> str:
        """Return the suffix of an output file: .jsonl for JSON Lines input, .json for one article."""
        return ".jsonl" if self.input_format == "jsonl" else ".json"

    @property
    def prefix(self) -> str:
        """Return where outputs go under OUT: the tree itself, or a cache inside OUT/.cleaner with --jsonl."""
        return f"{STATE_DIR}/docs/" if self.jsonl is not None else ""

    def fingerprint(self) -> str:
        """Return a digest of every option that shapes an output (the size limit does not)."""
        shaping = self.config._asdict()
        del shaping["max_bytes"]
        shaping["input_format"] = self.input_format
        if self.input_format == "jsonl":
            shaping["text_field"] = self.text_field
        text = json.dumps(shaping, sort_keys=True, default=repr)
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()

    def check(self) -> None:
        """Raise OptionsError if the folders or options cannot work together."""
        if self.jobs < 1:
            raise OptionsError("--jobs must be at least 1")
        if self.input_format not in ("text", "jsonl"):
            raise OptionsError(f"unknown input format {self.input_format!r}")
        if not os.path.isdir(self.input):
            what = "does not exist" if not os.path.exists(self.input) else "is not a folder"
            raise OptionsError(f"the input folder {self.input!r} {what}")
        if os.path.exists(self.output) and not os.path.isdir(self.output):
            raise OptionsError(f"the output {self.output!r} exists and is not a folder")
        real_in, real_out = os.path.realpath(self.input), os.path.realpath(self.output)
        if _inside(real_out, real_in):
            raise OptionsError(
                f"the output folder {self.output!r} is inside the input folder {self.input!r}: its outputs would "
                "be read as inputs on the next run; choose an output folder outside it"
            )
        if _inside(real_in, real_out):
            raise OptionsError(
                f"the input folder {self.input!r} is inside the output folder {self.output!r}; "
                "choose an output folder that does not contain it"
            )
        if self.jsonl not in (None, "-") and _inside(os.path.realpath(self.jsonl), real_in):
            raise OptionsError(f"--jsonl {self.jsonl!r} is inside the input folder; it would be read as an input")


def _inside(path: str, folder: str) -> bool:
    """Return whether the real path ``path`` is ``folder`` or under it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
