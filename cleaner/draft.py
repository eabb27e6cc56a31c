"""The one mutable draft that flows through the stages: text, labelled blocks with spans, and fields."""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner.config import Config
from cleaner.document import Related

#: The label of a block that belongs to the article body.
BODY = "body"


@dataclass(slots=True)
class Block:
    """A paragraph (or a line inside a dump) of the normalised text, ``text[start:end]``, stripped.

    ``label`` is :data:`BODY` or a removed kind (see ``document.REMOVED_KINDS``); ``reason`` says what decided.
    ``locked`` marks a decision a later stage must not revise (the header line, the tags line).
    """

    start: int
    end: int
    label: str = BODY
    reason: str = ""
    locked: bool = False

    def mark(self, kind: str, reason: str, *, lock: bool = False) -> None:
        """Label this block as removed, of ``kind``, because of ``reason``."""
        self.label, self.reason = kind, reason
        self.locked = self.locked or lock


@dataclass(slots=True)
class Fields:
    """Metadata the stages find; becomes the Document's fields."""

    date: str | None = None
    datetime: str | None = None
    title: str | None = None
    caption: str | None = None
    credit: str | None = None
    tags: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    language: str | None = None


@dataclass(slots=True)
class Draft:
    """Everything the stages share: set ``raw`` and ``config``, then run the stages in order."""

    raw: bytes | str
    config: Config
    source: str | None = None
    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    fields: Fields = field(default_factory=Fields)
    warnings: list[str] = field(default_factory=list)

    def block_text(self, block: Block) -> str:
        """Return the text of ``block``."""
        return self.text[block.start : block.end]

    def warn(self, message: str) -> None:
        """Record a warning once."""
        if message not in self.warnings:
            self.warnings.append(message)
