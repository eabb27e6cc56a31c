"""The block classifier's fast paths give what the training features give."""

from __future__ import annotations

import random
from collections import Counter
from operator import mul
from pathlib import Path

import pytest

from cleaner import resources
from cleaner.classify import features as F
from cleaner.classify import inline
from cleaner.classify.model import _static_logit, logit, scores, weights
from cleaner.pipeline import run_draft

DUMPS = Path(__file__).parent / "dumps"
SEED = Path(__file__).parent.parent / "examples"


def _blocks(path: Path) -> list[str]:
    draft = run_draft(path.read_bytes())
    return [draft.block_text(b) for b in draft.blocks]


@pytest.mark.parametrize("path", sorted(DUMPS.glob("*.txt")) + sorted(SEED.glob("*.txt")), ids=lambda p: p.name)
def test_scores_are_the_logit_of_the_training_features(path: Path) -> None:
    """``scores`` (the block-only part cached, no rows built) equals ``logit`` of each ``features`` row."""
    texts = _blocks(path)
    lang = F.detect_language(texts)
    shapes = [F.shape(t, lang) for t in texts]
    fast = scores(shapes, texts)
    slow = [logit(row) for row in F.features(shapes, texts)]
    assert len(fast) == len(slow) == len(texts) > 3
    assert fast == pytest.approx(slow, abs=1e-9)


@pytest.mark.parametrize("path", sorted(DUMPS.glob("*.txt")) + sorted(SEED.glob("*.txt")), ids=lambda p: p.name)
def test_written_out_sums_are_the_row_sums_to_the_bit(path: Path) -> None:
    """``scores`` and its cached block-only part add the products that ``static_row`` and ``context_rows`` give, in
    the same order: the same floats exactly, not just nearly (a last-bit change could move a region's edge)."""
    texts = _blocks(path)
    lang = F.detect_language(texts)
    shapes = [F.shape(t, lang) for t in texts]
    w = weights()
    static = [sum(map(mul, w[: F.N_STATIC], F.static_row(s))) for s in shapes]
    context = [sum(map(mul, w[F.N_STATIC :], row)) for row in F.context_rows(shapes, texts)]
    assert [_static_logit.__wrapped__(s) for s in shapes] == static
    assert scores(shapes, texts) == [a + b for a, b in zip(static, context, strict=True)]


def test_a_long_block_reads_its_ratios_from_a_sample() -> None:
    """A page on one line is counted in full (characters, words, commas, sentences) and its ratios are read from
    its start, so its shape matches that of a shorter block of the same prose."""
    sentence = "The council voted on Tuesday, and the bus network will reach 3 new districts. "
    short = sentence * 100
    long = sentence * (F.SAMPLE_CHARS // len(sentence) * 3)
    a, b = F.shape(short.strip(), "en"), F.shape(long.strip(), "en")
    assert b.chars == len(long.strip()) > 2 * F.SAMPLE_CHARS
    assert b.words == a.words * len(long) // len(short)
    assert b.sentences == a.sentences * len(long) // len(short)
    assert b.stop_density == pytest.approx(a.stop_density, abs=0.01)
    assert b.cap_ratio == pytest.approx(a.cap_ratio, abs=0.01)
    assert b.digit_ratio == pytest.approx(a.digit_ratio, abs=1e-4)
    assert b.comma_ratio == pytest.approx(a.comma_ratio, abs=1e-4)


def test_shapes_are_the_same_cached_or_not() -> None:
    """The cache returns what a fresh computation gives."""
    for text in _blocks(DUMPS / "de_lokal.txt"):
        assert F.shape(text, "de") == F._shape(text, text, "de")


def _language_by_counting(texts: list[str], max_words: int = 3000) -> str | None:
    """The plain reading of ``detect_language``: count every word, then the stopwords of each language."""
    words: list[str] = []
    for t in texts:
        words += F.folded_words(t)
        if len(words) >= max_words:
            break
    if len(words) < 5:
        return None
    counts = Counter(words)
    best, best_score = None, 0.0
    for lang in resources.languages():
        score = sum(counts[w] for w in resources.stopwords(lang).intersection(counts)) / len(words)
        if score > best_score:
            best, best_score = lang, score
    return best if best_score >= 0.12 else None


@pytest.mark.parametrize("path", sorted(DUMPS.glob("*.txt")) + sorted(SEED.glob("*.txt")), ids=lambda p: p.name)
def test_language_is_the_one_plain_counting_gives(path: Path) -> None:
    """``detect_language`` (one dict of stopwords to languages) picks what counting every word picks, on the whole
    page, on its first words only, and on runs of a few blocks (pages of mixed languages)."""
    texts = _blocks(path)
    for max_words in (10, 50, 3000):
        assert F.detect_language(texts, max_words) == _language_by_counting(texts, max_words)
    for i in range(0, len(texts), 5):
        assert F.detect_language(texts[i : i + 5]) == _language_by_counting(texts[i : i + 5])


def test_ascii_text_has_the_same_words_for_the_byte_tables() -> None:
    """On ASCII text the ``regex`` module's ``\\w`` is ``[A-Za-z0-9_]``, what the byte tables keep, so ``_words`` and
    ``folded_words`` may split translated bytes there: the same words, the same case-folded words."""
    ascii_chars = "".join(map(chr, range(128)))
    word = F._patterns()["word"]
    kept = [c for c in ascii_chars if F._ASCII_WORDS[ord(c)] == ord(c) != ord(" ")]
    assert [c for c in ascii_chars if word.fullmatch(c)] == kept
    assert all(F._ASCII_WORDS[i] == ord(" ") for i in range(128) if chr(i) not in kept)
    assert F._ASCII_FOLDED_WORDS.decode("ascii") == F._ASCII_WORDS.decode("ascii").casefold()
    texts = ["Share this: 3 ways_to (help) now!", "a1 b2\tc3\x00d\x1fE\x85", "  ", "", *ascii_chars.split("a")]
    for text in texts + _blocks(DUMPS / "de_lokal.txt"):
        words = tuple(word.findall(text))
        assert F._words.__wrapped__(text) == words
        assert F.folded_words.__wrapped__(text) == (tuple(" ".join(words).casefold().split(" ")) if words else ())


def test_byte_counts_are_the_pattern_counts() -> None:
    """Where the word characters are all ASCII, the bytes give the words, the folded words, the digits, the capitals
    and the sentence ends that the patterns give: on dev blocks, on strings of every ASCII character and of ASCII
    mixed with non-ASCII quotes, dashes, spaces, stops and letters, and on a long block (read from its sample)."""
    rnd = random.Random(7)
    tricky = "aZ9_ .!?\"')]*\t\n\v\f\r\x1c,-:;"
    everything = "".join(map(chr, range(128)))
    foreign = "aZ9 .!?\"')…。”’»\xa0\u2009\u3000\x85©–é\u0301ß١²Ǆ\udcff"
    texts = [*_blocks(DUMPS / "de_lokal.txt"), "", ".", "a.)", "x!\"' y", "“Go.” Then 12 of THEM left…"]
    texts += ["".join(rnd.choices((tricky, everything, foreign)[i % 3], k=rnd.randint(1, 12))) for i in range(30_000)]
    word = F._patterns()["word"]
    for text in texts:
        words = tuple(word.findall(text))
        assert F._counts(text, text) == F._pattern_counts(text, words), repr(text)
        assert F._words.__wrapped__(text) == words, repr(text)
        assert F.folded_words.__wrapped__(text) == (tuple(" ".join(words).casefold().split(" ")) if words else ())
    long = "Word. Other 12 “Quote” " * (F.SAMPLE_CHARS // 10)
    for text in (long, long.replace("“", '"').replace("”", '"')):
        sample = text[: F.SAMPLE_CHARS]
        assert F._counts(text, sample) == F._pattern_counts(text, F._words.__wrapped__(sample))


def test_case_folding_keeps_the_words_apart() -> None:
    """No word character case-folds to a space, so a block has as many folded words as words (the shape counts its
    words on the folded ones)."""
    word = F._patterns()["word"]
    assert not [c for c in map(chr, range(0x110000)) if " " in c.casefold() and word.fullmatch(c)]


class _Everything:
    """A set that holds every word (no block is passed over by the first-word check)."""

    def __contains__(self, word: object) -> bool:
        return True


@pytest.mark.parametrize("lang", [None, *resources.languages()])
def test_lexicon_first_word_check_passes_over_no_hit(lang: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first-word check passes over only blocks that match no phrase: with it and without it, the same hits on
    every phrase alone, with a colon and a tail, with a tail of words, glued to a colon, and on dev blocks."""
    texts = [t for path in sorted(DUMPS.glob("*.txt")) for t in _blocks(path)]
    for phrase in F._lexicon(lang):
        texts += [phrase, f"{phrase.title()}: a title", f"» {phrase} one two three", f"{phrase}:more", f"x {phrase}"]
    fast = [F.lexicon_hit(t, lang) for t in texts]
    monkeypatch.setattr(F, "_lexicon_firsts", lambda lang: _Everything())
    assert [F.lexicon_hit(t, lang) for t in texts] == fast
    assert any(kind for kind, _ in fast)


def test_the_phrase_anchors_split_phrases_as_blocks_are_split() -> None:
    """The weighted phrases' anchors are split without the word caches (``phrase_words``): every phrase of every
    language must split as ``folded_words`` splits a block, or a block holding the phrase would miss its anchor."""
    phrases = list(inline._phrases())
    assert len(phrases) > 500
    assert [F.phrase_words(p) for p in phrases] == [F.folded_words(p) for p in phrases]
