"""Per-block features for the boilerplate classifier: shape, language, lexicon hits, position and context."""

from __future__ import annotations

import math
import string
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from operator import itemgetter
from typing import NamedTuple

import regex

from cleaner import resources

#: Sentence-final punctuation, with closing quotes and brackets allowed after it.
_SENTENCE_END = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]*"


#: The feature patterns' sources and flags, compiled one by one at first use (see :class:`_Patterns`).
_PATTERN_SOURCES: dict[str, tuple[str, int]] = {
    "word": (r"\w+", 0),
    "digits": (r"\d+", 0),
    # a non-ASCII character that is a word character (a text without one has its words read off its bytes)
    "foreign_word": (r"[^\x00-\x7F](?<=\w)", 0),
    "sentence": (r"[.!?…。！？][\"'”’»)\]]*(?:\s|$)", 0),
    # markers only (no unbounded match), so the search stays linear on any input
    "url": (r"https?://|www\.|(?<![\w.+-])[\w.+-]++@[\w-]+\.|\.(?:com|org|net|io|co\.uk|de|ru|ua)\b", regex.I),
    # the guard of "url": a dot then a domain ending, no boundary check (the full pattern decides)
    "tld": (r"\.(?:com|org|net|io|co\.uk|de|ru|ua)", 0),
    "separator": (r"\s[|»›•·/]\s|\s[|»›]|[|»›]\s", 0),
    "bullet": (r"[-*•●▪►–—]\s|\d{1,2}[.)]\s", 0),
    "copyright": (r"©|\(c\)\s*\d{4}|\bcopyright\b", regex.I),
}


class _Patterns(dict[str, "regex.Pattern[str]"]):
    """The feature patterns by name, each compiled when first asked for: a small ASCII file needs one or two of them
    (its words, digits and sentence ends are read off its bytes), and compiling all costs two milliseconds."""

    def __missing__(self, name: str) -> regex.Pattern[str]:
        """Compile the pattern ``name``, keep it and return it."""
        source, flags = _PATTERN_SOURCES[name]
        pattern = self[name] = regex.compile(source, flags)
        return pattern


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    """Return the feature patterns by name, compiled one by one at first use."""
    return _Patterns()


class Shape(NamedTuple):
    """What can be read off one block alone (a named tuple: it is made for every line of every page)."""

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
    words: list[str] = []
    for t in texts:
        words += folded_words(t)
        if len(words) >= max_words:
            break
    total = len(words)
    if total < 5:
        return None
    index = _stopword_languages()
    languages = resources.languages()
    hits = [0] * len(languages)
    for word, n in Counter(filter(index.__contains__, words)).items():
        for i in index[word]:
            hits[i] += n
    best, best_score = None, 0.0
    for lang, n in zip(languages, hits, strict=True):
        score = n / total
        if score > best_score:
            best, best_score = lang, score
    return best if best_score >= 0.12 else None


@cache
def _stopword_languages() -> dict[str, tuple[int, ...]]:
    """Return {stopword: the positions in ``resources.languages()`` of the languages it is a stopword of}."""
    index: dict[str, tuple[int, ...]] = {}
    for i, lang in enumerate(resources.languages()):
        for word in resources.stopwords(lang):
            index[word] = (*index.get(word, ()), i)
    return index


#: The apostrophes a page may print where a phrase of the lexicon has a plain one (``l’article``, ``пов’язані``).
_APOSTROPHES = ("’", "ʼ")


@cache
def _lexicon(lang: str | None) -> dict[str, str]:
    """Return {phrase: kind} for the boilerplate phrases of ``lang`` and English (pages mix them); a phrase with a
    plain apostrophe is listed with each typographic one too, so that the lookups stay plain dictionary lookups.

    >>> _lexicon("fr")["lire l’article"]
    'related'
    """
    out: dict[str, str] = {}
    for code in dict.fromkeys([lang or "en", "en"]):
        for row in resources.table("boilerplate.txt", code):
            if len(row) == 2:
                phrase = " ".join(row[1].casefold().split())
                for variant in (phrase, *(phrase.replace("'", a) for a in _APOSTROPHES if "'" in phrase)):
                    out.setdefault(variant, row[0])
    return out


@cache
def _lexicon_firsts(lang: str | None) -> frozenset[str]:
    """Return the first words of the boilerplate phrases of ``_lexicon(lang)``."""
    return frozenset(phrase.split(" ")[0] for phrase in _lexicon(lang))


def _key_words(folded: str) -> list[str]:
    """Return the words of the case-folded ``folded`` as the lexicon compares them: outer punctuation and digits off.

    >>> _key_words("  » share this: 3 ")
    ['share', 'this']
    """
    start, end = 0, len(folded)
    while start < end and not folded[start].isalpha():
        start += 1
    while end > start and not folded[end - 1].isalpha():
        end -= 1
    return folded[start:end].split()


def _lexicon_key(text: str) -> str:
    """Return ``text`` as the lexicon compares it: case-folded, outer punctuation and digits off, spaces collapsed.

    >>> _lexicon_key("  » Share this: 3 ")
    'share this'
    """
    return " ".join(_key_words(text.casefold()))


def lexicon_hit(text: str, lang: str | None) -> tuple[str | None, bool]:
    """Return (kind, exact) when ``text`` is, or starts with, a boilerplate phrase of ``lang``.

    >>> lexicon_hit("Share this:", "en")
    ('share', True)
    >>> lexicon_hit("Related: Why the hotline matters", "en")
    ('related', False)
    >>> lexicon_hit("Share prices fell sharply on Monday after the report.", "en")
    (None, False)
    >>> lexicon_hit("Image 3 of 12", "en"), lexicon_hit("Lire aussi : Le budget de la ville adopté hier soir", "fr")
    (('navigation', True), ('related', False))
    """
    return _lexicon_hit(text, text.casefold(), lang)


def _lexicon_hit(text: str, folded: str, lang: str | None) -> tuple[str | None, bool]:
    """Return ``lexicon_hit(text, lang)``, given ``folded``, the case-folded text (the shape has it already)."""
    if len(text) > 160:
        return None, False
    words = _key_words(folded)
    # Every phrase looked up below opens with the first word (or, before a colon, is its start): most blocks open
    # with a word no phrase opens with, and are done with two set lookups.
    firsts = _lexicon_firsts(lang)
    if words and words[0] not in firsts and words[0].partition(":")[0] not in firsts:
        return None, False
    lex = _lexicon(lang)
    key = " ".join(words)
    if key in lex:
        return lex[key], True
    # "Image 3 of 12", "Bild 3 von 12": a number inside the block is the lexicon's "#" (the last one is off already)
    if any(map(str.isdigit, words)) and (counted := " ".join("#" if w.isdigit() else w for w in words)) in lex:
        return lex[counted], True
    # "Related: title", "Read more »", "Share on Facebook Twitter": a phrase then a short tail, not a sentence.
    # French puts a space before the colon ("Lire aussi : titre").
    head, sep, _ = key.partition(":")
    head = head.rstrip()
    if sep and head in lex and text.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END:
        return lex[head], False
    if 2 < len(words) <= 8:  # a phrase of two to four words, then a tail of one to four
        for n in (4, 3, 2):
            if n < len(words) <= n + 4 and (phrase := " ".join(words[:n])) in lex:
                return lex[phrase], False
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
    head = head.rstrip()
    if sep and head in lex and text.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END:
        return lex[head]
    words = key.split()
    for n in (4, 3, 2):
        if len(words) > n and " ".join(words[:n]) in lex:
            return lex[" ".join(words[:n])]
    return None


#: The first characters that let a block reach the bullet pattern at all.
_BULLET_FIRST = frozenset("-*•●▪►–—0123456789")


def _urlish(text: str, folded: str) -> bool:
    """Tell whether ``text`` holds a URL, an e-mail address or a bare domain (the ``url`` pattern, guarded by cheap
    substring checks so that the pattern only runs on the few blocks that may match)."""
    p = _patterns()
    if "://" in text or "@" in text or ("." in folded and ("www." in folded or p["tld"].search(folded))):
        return bool(p["url"].search(text))
    return False


#: A block longer than this (a whole page on one line) has its word ratios read from its first characters only,
#: and is not cached: its words would take many times the memory of its text.
SAMPLE_CHARS = 50_000
#: The longest block whose shape is kept across documents (menus, footers and prompts repeat across a site's pages;
#: paragraphs of prose do not, and keeping them would grow a batch worker's memory by the megabyte).
SHARED_CHARS = 300
#: How many blocks' word lists are kept: enough for the blocks of one long page (language identification and the
#: shapes both read them), few enough to keep a batch worker's memory flat.
WORD_CACHE = 1024


#: ``bytes.translate`` tables for a text whose word characters are all ASCII: a word character (``[A-Za-z0-9_]``,
#: what ``\w`` is on ASCII for the ``regex`` module too) stays, any other byte becomes a space (all the bytes of a
#: curly quote or a dash too), so that ``split()`` gives the words. Two C passes over the bytes find the words of a
#: short line in a little over half the time of a pattern's ``findall``.
_ASCII_WORDS = bytes(c if chr(c).isalnum() or chr(c) == "_" else ord(" ") for c in range(128)) + b" " * 128
#: The same, lower-cased as well: on ASCII words case-folding is lower-casing, so the folded words come in one pass.
_ASCII_FOLDED_WORDS = _ASCII_WORDS.lower()


def _ascii_words_only(text: str) -> bool:
    """Tell whether every word character of ``text`` is ASCII (curly quotes, dashes and other non-ASCII punctuation
    are not word characters): then its words, digits and capitals can be read off its UTF-8 bytes.

    >>> _ascii_words_only("It’s 5 o’clock — “tea”"), _ascii_words_only("Café")
    (True, False)
    """
    return text.isascii() or _patterns()["foreign_word"].search(text) is None


def _byte_words(text: str, table: bytes) -> tuple[str, ...]:
    """Return the words of ``text``, whose word characters are all ASCII, through ``table`` (one of the two above;
    a lone surrogate, left by undecodable input, is encoded as bytes that become spaces too).

    >>> _byte_words("Share this: 3 ways_to (help) — it’s!", _ASCII_FOLDED_WORDS)
    ('share', 'this', '3', 'ways_to', 'help', 'it', 's')
    """
    return tuple(text.encode("utf-8", "surrogatepass").translate(table).decode("ascii").split())


@lru_cache(maxsize=WORD_CACHE)
def _words(text: str) -> tuple[str, ...]:
    """Return the words of ``text`` (of its first SAMPLE_CHARS characters; cached: where a word character is not
    ASCII, the folded words and the capitals of the block's shape both read them)."""
    sample = text[:SAMPLE_CHARS]
    if _ascii_words_only(sample):
        return _byte_words(sample, _ASCII_WORDS)
    return tuple(_patterns()["word"].findall(sample))


@lru_cache(maxsize=WORD_CACHE)
def folded_words(text: str) -> tuple[str, ...]:
    """Return the case-folded words of ``text`` (of its first SAMPLE_CHARS characters), as the features read them
    (case-folding never adds a space, so no second pattern pass).

    >>> folded_words("Support OUR work, today!")
    ('support', 'our', 'work', 'today')
    """
    sample = text[:SAMPLE_CHARS]
    if _ascii_words_only(sample):
        return _byte_words(sample, _ASCII_FOLDED_WORDS)
    return _fold_all(_words(text))


def _fold_all(words: Sequence[str]) -> tuple[str, ...]:
    """Return ``words`` case-folded, in one call for all of them (case-folding never adds a space)."""
    return tuple(" ".join(words).casefold().split(" ")) if words else ()


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Return ``folded_words(phrase)`` for a short phrase of a lexicon, without its caches: a lexicon's thousand phrases
    are read once, at its first use (a small file's start-up pays for it), and would push a page's blocks out of them.

    >>> phrase_words("l'application"), phrase_words("подпишитесь на наш канал")
    (('l', 'application'), ('подпишитесь', 'на', 'наш', 'канал'))
    """
    if phrase.isascii():
        return _byte_words(phrase, _ASCII_FOLDED_WORDS)
    return _fold_all(_patterns()["word"].findall(phrase))


def _count(pattern: regex.Pattern[str], text: str) -> int:
    """Return how many times ``pattern`` matches in ``text``, without a list of the matches for a long text."""
    if len(text) <= SAMPLE_CHARS:
        return len(pattern.findall(text))
    return sum(1 for _ in pattern.finditer(text))


def _byte_table(classes: dict[str, str], other: str) -> bytes:
    """Return a ``bytes.translate`` table taking each character of a key to its value and any other byte to ``other``.

    >>> b"Ab1 !".translate(_byte_table({"AB": "U", "1": "d"}, "x"))
    b'Uxdxx'
    """
    table = bytearray(other.encode("ascii") * 256)
    for chars, to in classes.items():
        for c in chars:
            table[ord(c)] = ord(to)
    return bytes(table)


#: Byte classes of a text whose word characters are all ASCII: ``U`` an upper-case letter, ``d`` a digit, ``w``
#: another word character, a space for any other byte. A word starts with a capital where a ``U`` opens the text or
#: follows a space, and the ``digits`` pattern matches as many characters as there are ``d``.
_BYTE_CLASSES = _byte_table({string.ascii_uppercase: "U", string.digits: "d", string.ascii_lowercase + "_": "w"}, " ")
#: Byte classes of ASCII text for the ``sentence`` pattern: ``.`` a stop, a space for ``\s`` (these six on ASCII),
#: ``x`` anything else; its closing quotes and brackets (``_ASCII_CLOSERS``) are deleted, so that a stop, its closers
#: and a space or the end read ``. `` or a final ``.``.
_ASCII_STOPS = _byte_table({".!?": ".", " \t\n\v\f\r": " "}, "x")
_ASCII_CLOSERS = b"\"')]"


def _counts(text: str, sample: str) -> tuple[int, int, int]:
    """Return (digits, words of ``sample`` that start with a capital, sentence ends) of ``text``, read off its bytes
    when its word characters are all ASCII (byte translations and counts in C), else with the patterns.

    >>> _counts('He said "Go." Then 12 of THEM left!', 'He said "Go." Then 12 of THEM left!')
    (2, 4, 2)
    >>> _counts("“Go.” Then 12 of THEM left…", "“Go.” Then 12 of THEM left…")
    (2, 3, 2)
    """
    is_ascii = text.isascii()
    if not is_ascii and (sample is not text or not _ascii_words_only(text)):
        return _pattern_counts(text, _words(sample))
    raw = text.encode("utf-8", "surrogatepass")
    classes = raw.translate(_BYTE_CLASSES)
    head = classes if sample is text else classes[: len(sample)]  # only ASCII text is sampled: a byte a character
    digits, capitals = classes.count(b"d"), head.count(b" U") + head.startswith(b"U")
    if not is_ascii:  # stops, closers and spaces beyond ASCII ("…", "”", a no-break space): the pattern
        return digits, capitals, _sentences(text)
    stops = raw.translate(_ASCII_STOPS, _ASCII_CLOSERS)
    return digits, capitals, stops.count(b". ") + stops.endswith(b".")


def _sentences(text: str) -> int:
    """Return how many sentence ends the ``sentence`` pattern finds in ``text`` (run only where there is a stop)."""
    if "." in text or "!" in text or "?" in text or "…" in text or "。" in text or "！" in text or "？" in text:
        return _count(_patterns()["sentence"], text)
    return 0


def _pattern_counts(text: str, words: Sequence[str]) -> tuple[int, int, int]:
    """Return (digits, words of ``words`` that start with a capital, sentence ends) of ``text`` with the patterns
    (``words`` are those of its first SAMPLE_CHARS characters): what ``_counts`` reads off the bytes where it can.

    >>> _pattern_counts("“Go.” Then 12 of THEM left…", _words("“Go.” Then 12 of THEM left…"))
    (2, 3, 2)
    """
    p = _patterns()
    if len(text) <= SAMPLE_CHARS:
        digits = sum(map(len, p["digits"].findall(text)))
    else:
        digits = sum(m.end() - m.start() for m in p["digits"].finditer(text))
    return digits, sum(map(str.isupper, map(itemgetter(0), words))), _sentences(text)


def shape(text: str, lang: str | None) -> Shape:
    """Return the Shape of one block of text (cached: menus and footers repeat across the pages of a site).

    The patterns run only where a substring check says they may match: this runs on every line of every page.
    """
    if len(text) <= SHARED_CHARS:
        return _cached_shape(text, lang)
    return _shape(text, text if len(text) <= SAMPLE_CHARS else text[:SAMPLE_CHARS], lang)


@lru_cache(maxsize=1 << 14)
def _cached_shape(text: str, lang: str | None) -> Shape:
    """Return the Shape of a short block (SHARED_CHARS or fewer)."""
    return _shape(text, text, lang)


def _shape(text: str, sample: str, lang: str | None) -> Shape:
    """Return the Shape of ``text``, its word ratios read from ``sample`` (the text itself, or its start)."""
    p = _patterns()
    # As many folded words as words (case-folding never adds a space), and language identification found them
    # already: the words themselves are read only for the capitals of a non-ASCII block.
    folded_sample = folded_words(sample)
    n_sample = len(folded_sample)
    n_words = n_sample if sample is text else _count(p["word"], text)
    folded = text.casefold()
    stop = resources.stopwords(lang) if lang else frozenset()
    stops = sum(map(stop.__contains__, folded_sample)) if stop else 0
    stop_density = stops / n_sample if stop and n_sample else -1.0
    tail = text.rstrip(_CLOSERS)
    last = tail[-1:] if tail else ""
    kind, exact = _lexicon_hit(text, folded, lang)
    first = text[:1]
    digits, capitals, sentences = _counts(text, sample)
    separators = (
        _count(p["separator"], text)
        if "|" in text or "/" in text or "»" in text or "›" in text or "•" in text or "·" in text
        else 0
    )
    # positional arguments, in the order of Shape's fields: a named tuple is built faster so
    return Shape(
        len(text),  # chars
        n_words,  # words
        stop_density,
        sentences,
        last in _SENTENCE_END,  # ends_sentence
        last == ":",  # ends_colon
        capitals / n_sample if n_sample else 0.0,  # cap_ratio
        digits / len(text) if text else 0.0,  # digit_ratio
        text.count(",") / n_words if n_words else 0.0,  # comma_ratio
        _urlish(text, folded),
        separators,
        (first in _BULLET_FIRST or first.isdigit()) and bool(p["bullet"].match(text)),
        ("©" in text or "(c" in folded or "copyright" in folded) and bool(p["copyright"].search(text)),
        text.isupper() and n_words > 1,  # upper
        kind,  # lexicon_kind
        exact,  # lexicon_exact
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


#: How many leading FEATURE_NAMES are read off the block alone (the rest need the document).
N_STATIC = FEATURE_NAMES.index("repeated")


def static_row(s: Shape) -> list[float]:
    """Return the features of one block that need no context (the first N_STATIC of FEATURE_NAMES)."""
    return [
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
        float(s.lexicon_kind in END_KINDS),
    ]


def context_rows(shapes: Sequence[Shape], texts: Sequence[str]) -> Iterator[list[float]]:
    """Yield, block by block, the features that read the whole document (FEATURE_NAMES from N_STATIC on)."""
    n = len(shapes)
    prose = [1.0 if is_prose(s) else 0.0 for s in shapes]
    prose_chars = [s.chars if prose[i] else 0 for i, s in enumerate(shapes)]
    total_prose = sum(prose_chars) or 1
    total_chars = sum(s.chars for s in shapes) or 1
    seen: Counter[str] = Counter(t for t in texts if len(t) >= 20)
    before_chars = 0
    before_prose = 0
    lex_before = 0
    since = 0
    after_prose = total_prose
    for i, s in enumerate(shapes):
        after_prose -= prose_chars[i]
        window = prose[max(0, i - 3) : i + 4]
        yield [
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
        before_chars += s.chars
        before_prose += prose_chars[i]
        lex_before += s.lexicon_kind in END_KINDS
        since = 0 if prose[i] else since + 1


def features(shapes: Sequence[Shape], texts: Sequence[str]) -> list[list[float]]:
    """Return one feature vector per block (see FEATURE_NAMES), each using the whole document as context."""
    return [static_row(s) + ctx for s, ctx in zip(shapes, context_rows(shapes, texts), strict=True)]
