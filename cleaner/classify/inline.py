"""Decisions about single blocks: related links, appeals, follow prompts and notices (and their pasted copies),
repeats."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import cache, lru_cache

import regex

from cleaner import credits, resources
from cleaner.classify.features import SAMPLE_CHARS, Shape, folded_words, leading_phrase, phrase_words
from cleaner.document import Related
from cleaner.draft import BODY, Block, Draft
from cleaner.words import has_whole

#: The longest block inside the article taken as a photo caption when it carries a credit (``(Foto: ...)``, ``©``).
MAX_CAPTION = 300

#: The longest line right under a related label (``Read also:``, ``Leggi anche:``) taken as the linked article's
#: title: a headline's length. 100 and 250 were measured too; each gives within 0.0008 of it on every collection.
MAX_RELATED_TITLE = 150
#: The longest related label that announces a title on the next line.
MAX_RELATED_LABEL = 40

#: Lexicon kinds that are removed even inside the article region when a block is exactly the phrase.
_INSIDE_KINDS = frozenset({"share", "related", "appeal", "comment", "navigation", "footer"})


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    """Compile the inline patterns once, at first use; each is linear (no nested or overlapping quantifiers)."""
    site_word = r"[\p{Lu}\d][\w.&'’]*+"
    return {
        "site": regex.compile(rf"{site_word}(?:\s++(?:{site_word}|of|the|&)){{0,4}}"),
        "related_label": regex.compile(
            r"(?:related|read more|read also|see also|more)\s*+:\s*+(?P<title>\S.{10,300})", regex.I | regex.S
        ),
        # a sentence ends at a run of stops (and closing quotes) followed by white space
        "sentence_end": regex.compile(r"(?<![.!?…])[.!?…]++[\"'”’)]*+(?=\s)"),  # a run is tried once, from its start
        "mid_stop": regex.compile(r"[.!?]\s+\p{Lu}"),
        "blank": regex.compile(r"\s*+"),
        "copyright": regex.compile(r"©|rights reserved", regex.I),
    }


#: The dashes between a related link's title and its site, the plain hyphen last (it needs a longer title).
_DASHES = (" – ", " — ", " - ")


#: The kinds of the weighted phrases, the most specific first: a paragraph whose kinds weigh the same goes to the
#: first (a channel prompt that says "subscribe to our" is a follow prompt, not a subscription appeal).
PHRASE_KINDS = ("share", "notice", "appeal")

#: What a paragraph of each kind is called in its ``reason``.
_NOUNS = {"appeal": "appeal", "share": "follow or app prompt", "notice": "notice"}


def _fold(text: str) -> str:
    """Return ``text`` case-folded, with typographic apostrophes made plain (``l’application``)."""
    folded = text.casefold()
    return folded.replace("’", "'") if "’" in folded else folded


@cache
def _phrases() -> dict[str, tuple[int, str]]:
    """Return every language's weighted phrases, case-folded: {phrase: (weight, kind)}.

    ``appeals.txt`` rows are ``<weight> TAB <phrase>`` (kind appeal); ``notices.txt`` rows are
    ``<kind> TAB <weight> TAB <phrase>`` (follow and app prompts, cookie, consent, embed and advertising notices).
    The first row of a phrase wins.
    """
    out: dict[str, tuple[int, str]] = {}
    for lang in resources.languages():
        for row in resources.table("appeals.txt", lang):
            if len(row) == 2 and row[0].isdigit():
                out.setdefault(_fold(row[1]), (int(row[0]), "appeal"))
        for row in resources.table("notices.txt", lang):
            if len(row) == 3 and row[0] in PHRASE_KINDS and row[1].isdigit():
                out.setdefault(_fold(row[2]), (int(row[1]), row[0]))
    return out


@cache
def _phrases_by_anchor() -> dict[str, tuple[tuple[int, str], ...]]:
    """Return {the longest word of a phrase: ((the phrase's place in the lexicon, the phrase), ...)}."""
    index: dict[str, list[tuple[int, str]]] = {}
    for place, phrase in enumerate(_phrases()):
        if words := phrase_words(phrase):
            index.setdefault(max(words, key=len), []).append((place, phrase))
    return {anchor: tuple(phrases) for anchor, phrases in index.items()}


@cache
def _anchors() -> frozenset[str]:
    """Return the longest word of each phrase: a block without any of them holds no phrase."""
    return frozenset(_phrases_by_anchor())


def phrase_hits(text: str) -> tuple[str, ...]:
    """Return the weighted phrases of every kind found in ``text``, strongest first.

    >>> phrase_hits("We use cookies to improve your experience. Follow us on Instagram!")
    ('follow us on', 'we use cookies', 'improve your experience')
    """
    if len(text) <= SAMPLE_CHARS and _anchors().isdisjoint(folded_words(text)):
        return ()  # the common case, a set lookup per word instead of a search per phrase
    return _search(text)


@lru_cache(maxsize=4096)
def _search(text: str) -> tuple[str, ...]:
    """Return the phrases found in ``text`` by searching for each phrase that may be in it: those whose longest
    word it holds (cached: each block is asked more than once, and footers repeat across pages)."""
    folded = _fold(text)
    phrases = _phrases()
    if len(text) <= SAMPLE_CHARS:
        # only the phrases whose longest word the block holds, in the lexicon's order
        index = _phrases_by_anchor()
        candidates = [p for _, p in sorted(c for w in set(folded_words(text)) if w in index for c in index[w])]
    else:
        candidates = list(phrases)
    hits = [(phrases[p][0], p) for p in candidates if p in folded and has_whole(p, folded)]
    if not hits:
        return ()
    hits = [(w, p) for w, p in hits if not any(p != q and p in q for _, q in hits)]  # "sign up for" in a longer one
    return tuple(p for _, p in sorted(hits, key=lambda h: -h[0]))


def appeal_hits(text: str) -> tuple[str, ...]:
    """Return the appeal phrases found in ``text``, strongest first.

    >>> appeal_hits("Join our community on Patreon. Become a patron!")
    ('patreon', 'become a patron', 'join our community')
    """
    phrases = _phrases()
    return tuple(h for h in phrase_hits(text) if phrases[h][1] == "appeal")


def appeal_weight(hits: Sequence[str]) -> int:
    """Return the total weight of phrases ``hits``."""
    phrases = _phrases()
    return sum(phrases[h][0] for h in hits)


def phrase_kind(text: str) -> tuple[str, tuple[str, ...]] | None:
    """Return (kind, hits) when the phrases of one kind make ``text`` a prompt or a notice, else None.

    Each kind counts on its own: its phrases weigh 3 or more, or it has a strong phrase (weight 2) and the
    paragraph is under 200 characters. When two kinds do, the heavier wins, then the more specific
    (:data:`PHRASE_KINDS`).

    >>> phrase_kind("This article contains affiliate links.")
    ('notice', ('contains affiliate links',))
    >>> phrase_kind("The EU fined the company over its cookie banners, regulators said on Monday.") is None
    True
    """
    hits = phrase_hits(text)
    if not hits:
        return None  # nearly every block
    phrases = _phrases()
    best: tuple[int, int, str, tuple[str, ...]] | None = None
    for rank, kind in enumerate(PHRASE_KINDS):
        mine = tuple(h for h in hits if phrases[h][1] == kind)
        if not mine:
            continue
        weight = appeal_weight(mine)
        strong = phrases[mine[0]][0] >= 2
        if (weight >= 3 or (strong and len(text) < 200)) and (best is None or (weight, -rank) > best[:2]):
            best = (weight, -rank, kind, mine)
    return (best[2], best[3]) if best else None


def is_appeal(text: str) -> tuple[str, ...]:
    """Return the hits that make ``text`` an appeal (weight 3, or a strong phrase in a short paragraph), else ().

    >>> is_appeal("Advanced features require a subscription.")
    ()
    >>> is_appeal("Sign up for our newsletter to get the news in your inbox.")
    ('sign up for our newsletter', 'in your inbox')
    """
    found = phrase_kind(text)
    return found[1] if found and found[0] == "appeal" else ()


def related_link(text: str) -> Related | None:
    """Return the link when ``text`` is a ``Title – Site Name`` line.

    The title is one sentence of six words or more with no final stop; the site a short capitalised name after an
    en or em dash, or after a plain hyphen when the title has eight words or more.

    >>> related_link("Russia denies IAEA full access to the plant after explosions – Euromaidan Press")
    Related(title='Russia denies IAEA full access to the plant after explosions', site='Euromaidan Press')
    >>> related_link("The talks ended on Monday, officials said.") is None
    True
    """
    p = _patterns()
    for dash in _DASHES:
        cut = text.rfind(dash)
        if cut < 0:
            continue
        title, site = text[:cut].strip(), text[cut + len(dash) :].strip()
        words = len(title.split())
        if (
            words >= (8 if dash == " - " else 6)
            and title[-1:] not in ".!?:;,"
            and not title[-1:].isdigit()
            and "\n" not in text
            and p["site"].fullmatch(site)
            and not p["mid_stop"].search(title)
            and not p["copyright"].search(text)
        ):
            return Related(title, site)
        break
    m = p["related_label"].fullmatch(text) if ":" in text else None  # the label ends with a colon
    if m and not p["mid_stop"].search(m["title"]):
        title, _, site = m["title"].rpartition(" – ")
        return Related(title, site) if title else Related(m["title"].strip(), None)
    return None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of the sentences of ``text``.

    >>> sentence_spans("One. Two! Three")
    [(0, 4), (5, 9), (10, 15)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    blank = _patterns()["blank"]
    for m in _patterns()["sentence_end"].finditer(text):
        lead = blank.match(text, start, m.end()).end()  # \s*+ always matches
        if lead < m.end():
            spans.append((lead, m.end()))
        start = m.end()
    lead = blank.match(text, start).end()
    tail = len(text.rstrip())
    if lead < tail:
        spans.append((lead, tail))
    return spans


def repeated_run(text: str, min_chars: int = 60) -> tuple[int, int, int] | None:
    """Return (first_start, second_start, second_end) of the longest run of sentences pasted twice in ``text``."""
    spans = sentence_spans(text)
    if len(spans) > 400:
        return None
    sents = [text[s:e] for s, e in spans]
    best: tuple[int, int, int] | None = None
    best_len = 0
    for j in range(1, len(sents)):
        for i in range(j):
            k = 0
            while j + k < len(sents) and i + k < j and sents[i + k] == sents[j + k]:
                k += 1
            if k:
                length = spans[j + k - 1][1] - spans[j][0]
                if length >= min_chars and length > best_len:
                    best, best_len = (spans[i][0], spans[j][0], spans[j + k - 1][1]), length
    return best


def split_block(draft: Draft, block: Block, cuts: Sequence[int]) -> list[Block]:
    """Split ``block`` at the text offsets ``cuts`` (relative to the block) and return the parts, stripped."""
    text = draft.block_text(block)
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    parts: list[Block] = []
    for a, b in itertools.pairwise(bounds):
        piece = text[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            parts.append(
                Block(block.start + a + lead, block.start + a + len(piece.rstrip()), block.label, block.reason)
            )
    i = next(k for k, b in enumerate(draft.blocks) if b is block)
    draft.blocks[i : i + 1] = parts
    return parts


def label_prompt(draft: Draft, block: Block, kind: str, hits: Sequence[str]) -> None:
    """Label an appeal, prompt or notice block of ``kind``, splitting off a second pasted copy and a cut-off tail
    as their own entries."""
    noun = _NOUNS.get(kind, kind)
    reason = f"{noun} ({', '.join(hits[:4])})"
    run = repeated_run(draft.block_text(block))
    if not run:
        block.mark(kind, reason)
        return
    _, second, second_end = run
    parts = split_block(draft, block, [second, second_end])
    parts[0].mark(kind, reason)
    if len(parts) > 1:
        parts[1].mark(kind, f"the same {noun} pasted again")
    if len(parts) > 2:
        tail = draft.block_text(parts[2])
        cut = not tail.rstrip("\"'”’)").endswith((".", "!", "?", "…"))
        parts[2].mark(kind, f"cut-off end of the {noun}" if cut else reason)


def _edge_kind(text: str, s: Shape, lang: str | None) -> tuple[str, str] | None:
    """Return (kind, reason) when a block at the edge of the article is a prompt, link or appeal, else None."""
    if s.lexicon_kind:
        return s.lexicon_kind, f"{s.lexicon_kind} phrase at the edge of the article"
    if s.chars > 300:
        return None
    kind = leading_phrase(text, lang)
    if kind:
        return kind, f"opens with a {kind} phrase, at the edge of the article"
    if found := phrase_kind(text):
        return found[0], f"{_NOUNS[found[0]]} ({', '.join(found[1][:4])}) at the edge of the article"
    # any appeal phrase will do here; a follow prompt or a notice needs its weight, as inside the article
    hits = appeal_hits(text)
    if hits:
        return "appeal", f"appeal ({', '.join(hits[:4])}) at the edge of the article"
    return None


def _trim(draft: Draft, block: Block, s: Shape, lang: str | None) -> bool:
    """Label ``block`` at the edge of the article when it is a prompt, link, appeal or notice; tell whether it was."""
    text = draft.block_text(block)
    edge = _edge_kind(text, s, lang)
    if edge:
        block.mark(*edge)
        return True
    found = phrase_kind(text)  # a long block: an appeal, a prompt or a notice by its phrases' weight
    if found:
        label_prompt(draft, block, *found)
    return bool(found)


def trim_edges(draft: Draft, region: Sequence[Block], shapes: Sequence[Shape], lang: str | None) -> tuple[int, int]:
    """Label the prompts, links and appeals at both ends of the region; return the ``[start, end)`` left."""
    start, end = 0, len(region)
    while end > start and _trim(draft, region[end - 1], shapes[end - 1], lang):
        end -= 1
    while start < end and _trim(draft, region[start], shapes[start], lang):
        start += 1
    return start, end


def _has_credit(text: str) -> bool:
    """Tell whether ``text`` ends with a photo credit (``(Foto: ...)``, ``Photo by ...``, ``(Jane Doe/AFP)``), as the
    header reads one, or with an agency credit after its last sentence (``... in Kyiv. Jane Doe/Reuters``).

    A text without any credit marker's or agency's first word is passed over with one set check.
    """
    if credits.credit_words().isdisjoint(folded_words(text)):
        return False
    return credits.split_credit(text)[1] is not None or credits.agency_tail(text)


def label_inside(draft: Draft, region: Sequence[Block], shapes: Sequence[Shape]) -> None:
    """Remove, from inside the article region, what is not article: links, appeals, prompts and repeats."""
    previous = ""
    label_above = False  # the block above is a related label: this one may be the title it links to
    for block, s in zip(list(region), shapes, strict=False):
        under_label, label_above = label_above, False
        if block.label != BODY:
            label_above = _is_related_label(block, s)
            continue
        text = draft.block_text(block)
        # a whole page on one line is compared as it is: its list of words would take many times its memory
        key = " ".join(text.casefold().split()) if len(text) <= SAMPLE_CHARS else text
        link = related_link(text) if s.chars <= 400 and not s.ends_sentence else None
        found = phrase_kind(text)
        if link:
            draft.fields.related.append(link)
            block.mark("related", "related-article link (title – site)")
        elif under_label and s.chars <= MAX_RELATED_TITLE and s.sentences <= 1 and not s.ends_sentence:
            draft.fields.related.append(Related(text, None))
            block.mark("related", "the title a related label above it links to (a label, then a title on its own line)")
        elif s.lexicon_kind in _INSIDE_KINDS and s.lexicon_exact:
            block.mark(s.lexicon_kind, f"{s.lexicon_kind} prompt inside the article")
        elif len(region) > 1 and s.chars <= MAX_CAPTION and ("©" in text or _has_credit(text)):
            block.mark("other", "photo caption with its credit, inside the article")
        elif s.lexicon_kind == "related" and s.chars <= 300 and s.sentences <= 1:
            block.mark("related", "related-article line inside the article (a related label, then a title)")
        elif found:
            label_prompt(draft, block, *found)
        elif len(key) >= 40 and key == previous:
            block.mark("duplicate", "paragraph pasted twice in a row")
        label_above = _is_related_label(block, s)
        previous = key


def _is_related_label(block: Block, s: Shape) -> bool:
    """Tell whether ``block`` is a short related label (``Read also:``, ``Related stories``) removed as such."""
    return block.label == "related" and s.chars <= MAX_RELATED_LABEL and (s.ends_colon or s.lexicon_exact)


def label_outside(draft: Draft, blocks: Sequence[Block]) -> None:
    """Refine removed blocks outside the region: appeals get their copies split out, and a block removed as
    ``other`` that is a follow prompt or a notice gets that kind."""
    present = {id(b) for b in draft.blocks}
    for block in blocks:
        if id(block) not in present:  # already split into its copies at the edge of the article
            continue
        found = phrase_kind(draft.block_text(block))
        if found and (found[0] == "appeal" or block.label == "other"):
            label_prompt(draft, block, *found)
