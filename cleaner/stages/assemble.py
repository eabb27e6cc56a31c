"""Build the Document from the draft: body, removed entries, stats and warnings."""

from __future__ import annotations

from cleaner.document import Document, Removed, Stats
from cleaner.draft import BODY, Draft


def assemble(draft: Draft) -> Document:
    """Return the finished Document of ``draft``."""
    text = draft.text
    body_blocks = [b for b in draft.blocks if b.label == BODY]
    paragraphs = [text[b.start : b.end] for b in body_blocks]
    removed = [
        Removed(b.label, b.reason, b.start, b.end, text[b.start : b.end]) for b in draft.blocks if b.label != BODY
    ]
    body = "\n\n".join(paragraphs)
    f = draft.fields
    return Document(
        source=draft.source,
        date=f.date,
        datetime=f.datetime,
        title=f.title,
        caption=f.caption,
        credit=f.credit,
        body=body,
        tags=list(f.tags),
        related=list(f.related),
        language=f.language,
        removed=removed,
        stats=Stats(
            chars=len(text),
            body_chars=len(body),
            paragraphs=len(paragraphs),
            removed_chars=sum(r.end - r.start for r in removed),
        ),
        warnings=list(draft.warnings),
        body_spans=[(b.start, b.end) for b in body_blocks],
    )
