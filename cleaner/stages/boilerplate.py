"""Label boilerplate blocks: the article region first, then what stands inside it (links, appeals, repeats)."""

from __future__ import annotations

import math

from cleaner.classify import inline
from cleaner.classify.features import END_KINDS, Shape, detect_language, is_prose, shape
from cleaner.classify.model import best_region, best_region_through, scores
from cleaner.draft import BODY, Block, Draft

#: How much a block that reads as boilerplate counts against the region around it: its negative weighted log-odds
#: are multiplied by this before the region scan, so a short caption, heading or prompt between two parts of the
#: article costs half what it would. Blocks inside the region are still judged one by one afterwards (links, appeals,
#: prompts, repeats), which is what makes a longer region cheap. Fitted on the dev collection (dumps and seedlike
#: files together; 0.3 to 0.6 in steps of 0.1), checked on wcxb-dev: see docs/classifier.md.
DAMPING = 0.5


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


def _ends_article(s: Shape) -> bool:
    """Tell whether a block marks the end of an article: a share, related, comment, author, appeal or footer phrase
    (``Leave a comment``, ``Related stories``), or a copyright line."""
    return s.lexicon_kind in END_KINDS or s.copyright


def _damped(weighted: list[float], shapes: list[Shape]) -> list[float]:
    """Return the region-scan weights: a negative weight times DAMPING, except on a line that ends an article, which
    keeps its full weight."""
    return [w if w >= 0 or _ends_article(s) else w * DAMPING for w, s in zip(weighted, shapes, strict=True)]


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
    damped = _damped(weighted, shapes)
    start, end = best_region(damped)
    if not any(map(is_prose, shapes[start:end])):
        # An article holds a paragraph of prose when the page has one: a page whose best run is a title and a
        # prompt (a recipe or a shop page, its steps and lists scored low) takes the best run through its prose,
        # by the undamped weights (wcxb-dev 0.911 with the damped ones, 0.912 without).
        anchors = [i for i, s in enumerate(shapes) if is_prose(s)]
        if anchors:
            start, end = best_region_through(weighted, anchors)
    else:
        # The undamped scan finds the article proper. The region may reach above it (a menu, the page title): the
        # headline and byline are then searched for from the article, not from the region's first line. Below it,
        # the region stops at the first line that ends an article ("Leave a comment", a copyright line).
        core_start, core_end = best_region(weighted)
        if start <= core_start and core_end <= end:
            stop = next((i for i in range(core_end, end) if _ends_article(shapes[i])), end)
            for i in range(stop + 1, end):
                open_blocks[i].mark(
                    shapes[i].lexicon_kind or "other", f"after the line that ends the article ({texts[stop][:60]!r})"
                )
            end = stop
        if start < core_start < end:
            draft.article_start = open_blocks[core_start].start
    if start == end:
        start, end = _fallback(shapes, logits)
    for i, (block, s) in enumerate(zip(open_blocks, shapes, strict=False)):
        if not start <= i < end and block.label == BODY:
            block.mark(*_outside_reason(s, logits[i], after=i >= end))
    first, last = inline.trim_edges(draft, open_blocks[start:end], shapes[start:end], lang)
    start, end = start + first, start + last
    inline.label_inside(draft, open_blocks[start:end], shapes[start:end])
    inline.label_outside(draft, open_blocks[:start] + open_blocks[end:])
