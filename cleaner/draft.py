"""The one mutable draft that flows through the stages: text, labelled blocks with spans, and fields."""

from __future__ import annotations

from cleaner.config import Config
from cleaner.document import Related

#: The label of a block that belongs to the article body.
BODY = "body"


class Block:
    """A paragraph (or a line inside a dump) of the normalised text, ``text[start:end]``, stripped.

    ``label`` is :data:`BODY` or a removed kind (see ``document.REMOVED_KINDS``); ``reason`` says what decided.
    ``locked`` marks a decision a later stage must not revise (the header line, the tags line). (Plain classes
    here, not dataclasses: a dataclass costs about a millisecond to define, at every start of the command.)

    >>> Block(0, 5, "tags", "tags line")
    Block(0, 5, 'tags', 'tags line', locked=False)
    """

    __slots__ = ("end", "label", "locked", "reason", "start")

    def __init__(self, start: int, end: int, label: str = BODY, reason: str = "", locked: bool = False) -> None:
        """Make a block of ``text[start:end]``, body unless labelled."""
        self.start = start
        self.end = end
        self.label = label
        self.reason = reason
        self.locked = locked

    def __repr__(self) -> str:
        """Return the block as the call that makes it."""
        return f"Block({self.start}, {self.end}, {self.label!r}, {self.reason!r}, locked={self.locked})"

    def __eq__(self, other: object) -> bool:
        """Tell whether two blocks have the same span, label, reason and lock."""
        if not isinstance(other, Block):
            return NotImplemented
        return (self.start, self.end, self.label, self.reason, self.locked) == (
            other.start,
            other.end,
            other.label,
            other.reason,
            other.locked,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def mark(self, kind: str, reason: str, *, lock: bool = False) -> None:
        """Label this block as removed, of ``kind``, because of ``reason``."""
        self.label, self.reason = kind, reason
        self.locked = self.locked or lock


class Fields:
    """Metadata the stages find; becomes the Document's fields."""

    __slots__ = ("caption", "credit", "date", "datetime", "language", "related", "tags", "title")

    def __init__(self) -> None:
        """Start with no metadata found."""
        self.date: str | None = None
        self.datetime: str | None = None
        self.title: str | None = None
        self.caption: str | None = None
        self.credit: str | None = None
        self.tags: list[str] = []
        self.related: list[Related] = []
        self.language: str | None = None


class Draft:
    """Everything the stages share: set ``raw`` and ``config``, then run the stages in order."""

    __slots__ = ("article_start", "blocks", "config", "fields", "raw", "source", "text", "warnings")

    def __init__(self, raw: bytes | str, config: Config, source: str | None = None) -> None:
        """Start a draft of ``raw``, with no text, blocks or fields until the stages run."""
        self.raw = raw
        self.config = config
        self.source = source
        self.text = ""
        self.blocks: list[Block] = []
        self.fields = Fields()
        self.warnings: list[str] = []
        #: Where the article proper starts (a text offset), when the body reaches above it: the boilerplate stage
        #: may keep lines above the article's first paragraphs, and the headline stage searches from here.
        self.article_start: int | None = None

    def block_text(self, block: Block) -> str:
        """Return the text of ``block``."""
        return self.text[block.start : block.end]

    def warn(self, message: str) -> None:
        """Record a warning once."""
        if message not in self.warnings:
            self.warnings.append(message)
