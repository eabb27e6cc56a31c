"""Per-block features for the boilerplate classifier: shape, language, lexicon hits, position and context."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from cleaner import resources

#: Sentence-final punctuation, with closing quotes and brackets allowed after it.
_SENTENCE_END = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]*"


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    """Compile the feature patterns once, at first use."""
    return {
        "word": regex.compile(r"\w+"),
        "digits": regex.compile(r"\d+"),
        "key_strip": regex.compile(r"[\W\d_]+$|^[\W\d_]+"),
        "sentence": regex.compile(r"[.!?…。！？][\"'”’»)\]]*(?:\s|$)"),
        # markers only (no unbounded match), so the search stays linear on any input
        "url": regex.compile(
            r"https?://|www\.|(?<![\w.+-])[\w.+-]++@[\w-]+\.|\.(?:com|org|net|io|co\.uk|de|ru|ua)\b", regex.I
        ),
        "separator": regex.compile(r"\s[|»›•·/]\s|\s[|»›]|[|»›]\s"),
        "bullet": regex.compile(r"[-*•●▪►–—]\s|\d{1,2}[.)]\s"),
        "copyright": regex.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b", regex.I),
    }


@dataclass(frozen=True, slots=True)
class Shape:
    """What can be read off one block alone."""

    chars: int
    words: int
    stop_density: float
    sentences: int
    ends_sentence: bool
    ends_colon: bool
    cap_ratio: float
    digit_ratio: float
    comma_ratio: float
    urlish: bool
    separators: int
    bullet: bool
    copyright: bool
    upper: bool
    lexicon_kind: str | None
    lexicon_exact: bool


def detect_language(texts: Sequence[str], max_words: int = 3000) -> str | None:
    """Return the language whose stopwords cover most of the first words of ``texts``, or None.

    >>> detect_language(["Der Hund und die Katze sind nicht im Haus, aber sie sind auf dem Hof."])
    'de'
    >>> detect_language(["Собака и кошка не дома, они во дворе, как и все мы."])
    'ru'
    """
    word = _patterns()["word"]
    counts: Counter[str] = Counter()
    total = 0
    for t in texts:
        for w in word.findall(t.casefold()):
            counts[w] += 1
            total += 1
        if total >= max_words:
            break
    if total < 5:
        return None
    best, best_score = None, 0.0
    for lang in resources.languages():
        stop = resources.stopwords(lang)
        if not stop:
            continue
        score = sum(n for w, n in counts.items() if w in stop) / total
        if score > best_score:
            best, best_score = lang, score
    return best if best_score >= 0.12 else None


@cache
def _lexicon(lang: str | None) -> dict[str, str]:
    """Return {phrase: kind} for the boilerplate phrases of ``lang`` and English (pages mix them)."""
    out: dict[str, str] = {}
    for code in dict.fromkeys([lang or "en", "en"]):
        for row in resources.table("boilerplate.txt", code):
            if len(row) == 2:
                out.setdefault(" ".join(row[1].casefold().split()), row[0])
    return out


def _lexicon_key(text: str) -> str:
    """Return ``text`` as the lexicon compares it: case-folded, outer punctuation and digits off, spaces collapsed."""
    return " ".join(_patterns()["key_strip"].sub("", text.casefold()).split())


def lexicon_hit(text: str, lang: str | None) -> tuple[str | None, bool]:
    """Return (kind, exact) when ``text`` is, or starts with, a boilerplate phrase of ``lang``.

    >>> lexicon_hit("Share this:", "en")
    ('share', True)
    >>> lexicon_hit("Related: Why the hotline matters", "en")
    ('related', False)
    >>> lexicon_hit("Share prices fell sharply on Monday after the report.", "en")
    (None, False)
    """
    if len(text) > 160:
        return None, False
    lex = _lexicon(lang)
    key = _lexicon_key(text)
    if key in lex:
        return lex[key], True
    # "Related: title", "Read more »", "Share on Facebook Twitter": a phrase then a short tail, not a sentence.
    head, sep, _ = key.partition(":")
    if sep and head in lex and text.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END:
        return lex[head], False
    words = key.split()
    for n in (4, 3, 2):
        if len(words) > n and len(words) <= n + 4 and " ".join(words[:n]) in lex:
            return lex[" ".join(words[:n])], False
    return None, False


def leading_phrase(text: str, lang: str | None) -> str | None:
    """Return the kind when ``text`` (a short block) opens with a boilerplate phrase of two words or more (the tail
    may be long: "Share this article on Facebook, Twitter ..."), or with a phrase, a colon and no sentence.

    >>> leading_phrase("Share this article on Facebook, Twitter or by email.", "en")
    'share'
    >>> leading_phrase("Home prices rose again in March.", "en") is None
    True
    """
    if len(text) > 300:
        return None
    lex = _lexicon(lang)
    key = _lexicon_key(text)
    head, sep, _ = key.partition(":")
    if sep and head in lex and text.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END:
        return lex[head]
    words = key.split()
    for n in (4, 3, 2):
        if len(words) > n and " ".join(words[:n]) in lex:
            return lex[" ".join(words[:n])]
    return None


@lru_cache(maxsize=1 << 15)
def shape(text: str, lang: str | None) -> Shape:
    """Return the Shape of one block of text (cached: menus and footers repeat across the pages of a site)."""
    p = _patterns()
    words = p["word"].findall(text)
    n_words = len(words)
    stop = resources.stopwords(lang) if lang else frozenset()
    if stop and n_words:
        stop_density = sum(1 for w in p["word"].findall(text.casefold()) if w in stop) / n_words
    else:
        stop_density = -1.0
    tail = text.rstrip(_CLOSERS)
    last = tail[-1:] if tail else ""
    kind, exact = lexicon_hit(text, lang)
    return Shape(
        chars=len(text),
        words=n_words,
        stop_density=stop_density,
        sentences=len(p["sentence"].findall(text)),
        ends_sentence=last in _SENTENCE_END,
        ends_colon=last == ":",
        cap_ratio=sum(1 for w in words if w[0].isupper()) / n_words if n_words else 0.0,
        digit_ratio=sum(map(len, p["digits"].findall(text))) / len(text) if text else 0.0,
        comma_ratio=text.count(",") / n_words if n_words else 0.0,
        urlish=bool(p["url"].search(text)),
        separators=len(p["separator"].findall(text)),
        bullet=bool(p["bullet"].match(text)),
        copyright=bool(p["copyright"].search(text)),
        upper=text.isupper() and n_words > 1,
        lexicon_kind=kind,
        lexicon_exact=exact,
    )


def is_prose(s: Shape) -> bool:
    """Tell whether a block reads as article prose on its own (long, sentence-shaped, stopword-dense)."""
    dense = s.stop_density < 0 or s.stop_density >= 0.2
    return s.chars >= 120 and s.sentences >= 1 and dense and s.lexicon_kind is None and not s.copyright


FEATURE_NAMES: tuple[str, ...] = (
    "bias",
    "log_chars",
    "log_words",
    "stop_density",
    "stop_unknown",
    "sentences",
    "ends_sentence",
    "ends_colon",
    "cap_ratio",
    "digit_ratio",
    "comma_ratio",
    "urlish",
    "separators",
    "bullet",
    "copyright",
    "upper",
    "lex_exact",
    "lex_prefix",
    "lex_end",
    "repeated",
    "rel_pos",
    "chars_before",
    "prose_after",
    "prose_before",
    "lex_before",
    "prev_prose",
    "next_prose",
    "window_prose",
    "since_prose",
)

#: Lexicon kinds that mark the end of an article when they stand alone.
END_KINDS = frozenset({"share", "related", "comment", "footer", "byline", "appeal"})


def features(shapes: Sequence[Shape], texts: Sequence[str]) -> list[list[float]]:
    """Return one feature vector per block (see FEATURE_NAMES), each using the whole document as context."""
    n = len(shapes)
    prose = [1.0 if is_prose(s) else 0.0 for s in shapes]
    prose_chars = [s.chars if prose[i] else 0 for i, s in enumerate(shapes)]
    total_prose = sum(prose_chars) or 1
    total_chars = sum(s.chars for s in shapes) or 1
    seen: Counter[str] = Counter(t for t in texts if len(t) >= 20)
    out: list[list[float]] = []
    before_chars = 0
    before_prose = 0
    lex_before = 0
    since = 0
    after_prose = total_prose
    for i, s in enumerate(shapes):
        after_prose -= prose_chars[i]
        window = prose[max(0, i - 3) : i + 4]
        lex_end = s.lexicon_kind in END_KINDS
        row = [
            1.0,
            math.log1p(s.chars),
            math.log1p(s.words),
            max(s.stop_density, 0.0),
            1.0 if s.stop_density < 0 else 0.0,
            min(s.sentences, 10) / 10,
            float(s.ends_sentence),
            float(s.ends_colon),
            s.cap_ratio,
            s.digit_ratio,
            min(s.comma_ratio, 1.0),
            float(s.urlish),
            min(s.separators, 5) / 5,
            float(s.bullet),
            float(s.copyright),
            float(s.upper),
            float(s.lexicon_kind is not None and s.lexicon_exact),
            float(s.lexicon_kind is not None and not s.lexicon_exact),
            float(lex_end),
            float(seen[texts[i]] > 1),
            i / n,
            before_chars / total_chars,
            after_prose / total_prose,
            before_prose / total_prose,
            min(lex_before, 10) / 10,
            prose[i - 1] if i > 0 else 0.0,
            prose[i + 1] if i + 1 < n else 0.0,
            sum(window) / len(window),
            min(since, 20) / 20,
        ]
        out.append(row)
        before_chars += s.chars
        before_prose += prose_chars[i]
        lex_before += lex_end
        since = 0 if prose[i] else since + 1
    return out
