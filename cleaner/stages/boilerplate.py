"""Label boilerplate blocks: the article region first, then what stands inside it (links, appeals, repeats)."""

from __future__ import annotations

import math

from cleaner.classify import inline
from cleaner.classify.features import Shape, detect_language, is_prose, shape
from cleaner.classify.model import best_region, best_region_through, scores
from cleaner.draft import Block, Draft


def _outside_reason(s: Shape, score: float, after: bool) -> tuple[str, str]:
    """Return (kind, reason) for a block outside the article region."""
    where = "after the article" if after else "before the article"
    if s.lexicon_kind:
        return s.lexicon_kind, f"{s.lexicon_kind} phrase {where}"
    if s.copyright:
        return "footer", f"copyright line {where}"
    return "other", f"not article prose {where} (classifier log-odds {score:+.1f})"


def _fallback(shapes: list[Shape], scores: list[float]) -> tuple[int, int]:
    """Return the best block as the region when no block scores as body but one reads as a sentence.

    A short note ("The meeting is moved to Friday.") has no context to score well; keep it rather than lose it.
    """
    i = max(range(len(scores)), key=scores.__getitem__)
    s = shapes[i]
    if s.ends_sentence and s.words >= 2 and s.lexicon_kind is None and not s.copyright:
        return i, i + 1
    return 0, 0


def boilerplate(draft: Draft) -> None:
    """Label every open block: outside the best-scoring article region it is removed, inside it stays body
    unless it is a related link, an appeal, a share prompt or a repeat."""
    open_blocks: list[Block] = [b for b in draft.blocks if not b.locked]
    if not open_blocks:
        return
    texts = [draft.block_text(b) for b in open_blocks]
    lang = detect_language(texts)
    draft.fields.language = lang
    shapes = [shape(t, lang) for t in texts]
    logits = scores(shapes, texts)
    # A block weighs by the log of its length: a long paragraph of prose outweighs a short heading or list item
    # between two paragraphs, while a run of short menu lines still adds up.
    weighted = [sc * math.log1p(s.chars) for sc, s in zip(logits, shapes, strict=True)]
    start, end = best_region(weighted)
    if not any(map(is_prose, shapes[start:end])):
        # An article holds a paragraph of prose when the page has one: a page whose best run is a title and a
        # prompt (a recipe or a shop page, its steps and lists scored low) takes the best run through its prose.
        anchors = [i for i, s in enumerate(shapes) if is_prose(s)]
        if anchors:
            start, end = best_region_through(weighted, anchors)
    if start == end:
        start, end = _fallback(shapes, logits)
    for i, (block, s) in enumerate(zip(open_blocks, shapes, strict=False)):
        if not start <= i < end:
            block.mark(*_outside_reason(s, logits[i], after=i >= end))
    first, last = inline.trim_edges(draft, open_blocks[start:end], shapes[start:end], lang)
    start, end = start + first, start + last
    inline.label_inside(draft, open_blocks[start:end], shapes[start:end])
    inline.label_outside(draft, open_blocks[:start] + open_blocks[end:])
