"""The pipeline: the stages in order, and ``run`` to pass a draft through them."""

from __future__ import annotations

from collections.abc import Callable

from cleaner.config import Config
from cleaner.document import Document
from cleaner.draft import Draft
from cleaner.stages.assemble import assemble
from cleaner.stages.body import body
from cleaner.stages.boilerplate import boilerplate
from cleaner.stages.decode import decode
from cleaner.stages.header import header
from cleaner.stages.headline import headline
from cleaner.stages.segment import segment
from cleaner.stages.tags import tags

Stage = Callable[[Draft], None]

#: Every stage, in the order it runs; each reads the draft and adds labels or fields.
STAGES: tuple[Stage, ...] = (decode, segment, header, tags, boilerplate, headline, body)

_DEFAULT = Config()


def run_draft(raw: bytes | str, config: Config | None = None, source: str | None = None) -> Draft:
    """Return the draft of ``raw`` after every stage, with each block's label and reason."""
    draft = Draft(raw=raw, config=config or _DEFAULT, source=source)
    for stage in STAGES:
        stage(draft)
    return draft


def run(raw: bytes | str, config: Config | None = None, source: str | None = None) -> Document:
    """Clean ``raw`` (text, or bytes to decode) and return the Document."""
    return assemble(run_draft(raw, config, source))
