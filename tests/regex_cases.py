"""Every regex in ``cleaner/``, how the code calls it, and the worst inputs for each family (tests and bench share it).

``PATTERNS`` names each compiled pattern with the call the code makes (``match`` at one position, ``search``,
``finditer`` ...): a pattern only ever matched at one anchored position must be linear in what it reads there, not
when scanned over a whole text. ``test_regex_safety`` checks that this inventory counts every ``compile`` call.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cleaner import credits, detect, encoding, mojibake
from cleaner.classify import features, inline
from cleaner.dates import clock, line, search, strategies
from cleaner.stages import decode, headline, segment, tags

#: Size of every worst-case input, in characters.
SIZE = 100_000

#: Repeated units that push each family of patterns to its worst: runs that a quantifier eats and then gives back.
KINDS: dict[str, str] = {
    "spaces": " ",
    "tabs": "\t",
    "newlines": "\n",
    "dots": ".",
    "bangs": "!",
    "dashes": "-",
    "en-dashes": "–",
    "digits": "1",
    "colons": ":",
    "pipes": " | ",
    "tag-separators": ", ",
    "tag-separators-empty": ", , ",
    "semicolons": "; ",
    "a-dash-a": "a – ",
    "Title-dash-Site": "Word – ",
    "long-word": "a",
    "sentence-no-stop": "word ",
    "stops-and-spaces": ". ",
    "stop-quote": '."',
    "url-no-spaces": "http://x.com/a",
    "at-signs": "a@",
    "email-dots": "a.b@",
    "tags-label": "Tags: ",
    "photo-by": "Photo by ",
    "copyright-c": "(c) ",
    "digit-dot": "1.",
    "dotted-date": "1.1.",
    "dashed-date": "1-1-",
    "times": "10 am ",
    "month-day": "29 Nov ",
    "cyrillic": "Ві",
    "rtl": "שלום עולם. ",
    "mojibake-like": "Ã©",
    "surrogate-escapes": "\udcff",
}


def worst(kind: str, size: int = SIZE, tail: str = "x") -> str:
    """Return ``size`` characters of the unit of ``kind``, then ``tail`` (a final non-match forces backtracking)."""
    unit = KINDS[kind]
    return (unit * (size // len(unit) + 1))[:size] + tail


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled pattern: where it lives, how the code calls it, and why it is linear (or what bounds it)."""

    name: str
    module: str  #: path under cleaner/, as in the source
    get: Callable[[], Any]
    call: str  #: match, fullmatch, search, finditer, findall, split or sub
    why: str
    #: the length of text the code ever gives it, when a caller bounds it (None: unbounded)
    bounded: int | None = None
    #: the ``compile`` calls in the source this entry accounts for: 0 when it shares another entry's call (two
    #: ``lexicon.Phrases`` matchers compile through the one call in that class)
    compiles: int = 1

    def run(self, text: str, timeout: float | None = None) -> None:
        """Call the pattern on ``text`` as the code does (with the ``regex`` module's ``timeout`` when it has one)."""
        pattern = self.get()
        kwargs = {"timeout": timeout} if timeout is not None and pattern.__class__.__module__ == "_regex" else {}
        if self.call == "finditer":
            list(pattern.finditer(text, **kwargs))
        elif self.call == "sub":
            pattern.sub("", text, **kwargs)
        elif self.call == "split":
            pattern.split(text, **kwargs)
        else:
            getattr(pattern, self.call)(text, **kwargs)


def _f(key: str) -> Callable[[], Any]:
    """Return a getter of one of classify.features' patterns."""
    return lambda: features._patterns()[key]


def _i(key: str) -> Callable[[], Any]:
    """Return a getter of one of classify.inline's patterns."""
    return lambda: inline._patterns()[key]


_ANCHORED = "anchored match at one position; possessive or bounded quantifiers, alternations of literals"

PATTERNS: tuple[Pattern, ...] = (
    Pattern("decode: odd characters", "stages/decode.py", lambda: decode._ODD, "sub", "one character class"),
    Pattern(
        "segment: a non-blank line",
        "stages/segment.py",
        lambda: segment._LINE,
        "finditer",
        "a class, then one class run that gives back only the spaces at the end of the line",
    ),
    Pattern(
        "mojibake: quick pre-check", "mojibake.py", mojibake._pair, "search", "one class, then a lookbehind or a class"
    ),
    Pattern(
        "mojibake: suspect pairs",
        "mojibake.py",
        mojibake._suspect,
        "finditer",
        "fixed-length branches (at most four characters) behind a two-class lookahead, or one character class",
    ),
    Pattern("encoding: undecodable runs", "encoding.py", encoding._invalid_run, "sub", "one class, +"),
    Pattern("detect: C1 controls", "detect.py", lambda: detect._C1, "search", "one character class"),
    Pattern("encoding: control chars", "encoding.py", encoding._control_chars, "search", "one class"),
    Pattern("dates: time of day", "dates/clock.py", clock._time, "match", _ANCHORED),
    Pattern("dates: before a time", "dates/clock.py", clock._before_time, "match", _ANCHORED),
    Pattern(
        "dates: time hint",
        "dates/clock.py",
        clock._time_hint,
        "search",
        "a digit, then one of two characters and a digit, or a literal",
    ),
    Pattern(
        "dates: offset digits",
        "dates/clock.py",
        clock._not_offset,
        "sub",
        "one character class; only ever given a written UTC offset (at most 12 characters)",
        bounded=12,
    ),
    Pattern("dates: marker", "dates/lexicon.py", line._marker, "match", _ANCHORED),
    Pattern("dates: weekday", "dates/lexicon.py", line._weekday, "match", _ANCHORED, compiles=0),
    Pattern("dates: year suffix", "dates/line.py", line._year_suffix, "match", _ANCHORED),
    Pattern("dates: between stamps", "dates/line.py", line._between, "match", "one possessive class run"),
    Pattern("dates: caption separator", "dates/line.py", line._separator, "match", _ANCHORED),
    Pattern("dates: word character", "dates/line.py", line._word, "match", "one character class"),
    Pattern("dates: after a time", "dates/line.py", line._after_time, "match", "one possessive class run"),
    Pattern("dates: ISO", "dates/strategies.py", strategies._iso, "match", "bounded digit counts"),
    Pattern("dates: dotted", "dates/strategies.py", strategies._dotted, "match", "bounded digit counts"),
    Pattern("dates: slashed", "dates/strategies.py", strategies._slashed, "match", "bounded digit counts"),
    Pattern("dates: day month-name", "dates/strategies.py", strategies._day_month, "match", _ANCHORED),
    Pattern("dates: month-name day", "dates/strategies.py", strategies._month_day, "match", _ANCHORED),
    Pattern("dates: dotted, two-digit year", "dates/strategies.py", strategies._dotted_short, "match", "bounded"),
    Pattern("dates: slashed, two-digit year", "dates/strategies.py", strategies._slashed_short, "match", "bounded"),
    Pattern("dates: month-name day, no year", "dates/strategies.py", strategies._month_day_no_year, "match", _ANCHORED),
    Pattern("dates: day month-name, no year", "dates/strategies.py", strategies._day_month_no_year, "match", _ANCHORED),
    Pattern(
        "credits: credit marker",
        "credits.py",
        credits._credit_marker,
        "finditer",
        "a lookbehind of one character, literal alternation, possessive spaces",
    ),
    Pattern(
        "credits: agency credit",
        "credits.py",
        credits._agency_credit,
        "search",
        "one character, possessive spaces, literal alternation",
    ),
    Pattern("tags: label at line start", "stages/tags.py", tags._line_label, "match", _ANCHORED),
    Pattern(
        "tags: label glued to a sentence",
        "stages/tags.py",
        tags._glued_label,
        "finditer",
        "a one-character lookbehind starts each try; possessive spaces, literal alternation",
    ),
    Pattern("features: word", "classify/features.py", _f("word"), "findall", "one class, +"),
    # the nine feature patterns compile through the one call in features._Patterns: the first entry counts it
    Pattern("features: digits", "classify/features.py", _f("digits"), "findall", "one class, +", compiles=0),
    Pattern(
        "features: non-ASCII word character",
        "classify/features.py",
        _f("foreign_word"),
        "search",
        "one character, then a lookbehind of one",
        compiles=0,
    ),
    Pattern(
        "features: sentence end",
        "classify/features.py",
        _f("sentence"),
        "findall",
        "starts at a stop; the closers run is scanned once",
        compiles=0,
    ),
    Pattern(
        "features: url markers",
        "classify/features.py",
        _f("url"),
        "search",
        "markers only; the e-mail branch starts at a run's start (lookbehind) and is possessive",
        compiles=0,
    ),
    Pattern(
        "features: url guard",
        "classify/features.py",
        _f("tld"),
        "search",
        "a dot then a literal alternation",
        compiles=0,
    ),
    Pattern("features: separator", "classify/features.py", _f("separator"), "findall", "three characters", compiles=0),
    Pattern("features: bullet", "classify/features.py", _f("bullet"), "match", "at most four characters", compiles=0),
    Pattern(
        "features: copyright",
        "classify/features.py",
        _f("copyright"),
        "search",
        "literals; one \\s* after (c)",
        compiles=0,
    ),
    Pattern(
        "inline: site name",
        "classify/inline.py",
        _i("site"),
        "fullmatch",
        "possessive word and space runs, at most five words; given the text after a dash of a short block",
    ),
    Pattern(
        "inline: related label",
        "classify/inline.py",
        _i("related_label"),
        "fullmatch",
        "possessive spaces, then a bounded .{10,300}; blocks of at most 400 characters",
        bounded=400,
    ),
    Pattern(
        "inline: sentence end",
        "classify/inline.py",
        _i("sentence_end"),
        "finditer",
        "a lookbehind makes a run of stops start once; possessive runs",
    ),
    Pattern("inline: blank", "classify/inline.py", _i("blank"), "match", "one possessive class run"),
    Pattern("inline: stop mid-title", "classify/inline.py", _i("mid_stop"), "search", "one \\s+ per stop"),
    Pattern("inline: copyright", "classify/inline.py", lambda: inline._patterns()["copyright"], "search", "literals"),
    Pattern(
        "dates: where a date may start",
        "dates/search.py",
        search._starts,
        "finditer",
        "a one-character lookbehind and one character; lines of at most 160 characters",
        bounded=160,
    ),
    Pattern(
        "dates: slashed dates of a page",
        "dates/search.py",
        search._slashed,
        "finditer",
        "a one-character lookbehind, bounded digit counts",
    ),
    Pattern("dates: a year", "dates/search.py", search._year, "findall", "a lookbehind, four fixed digits"),
    Pattern("dates: any digit", "dates/line.py", line.digit, "search", "one character class"),
    Pattern("dates: copyright", "dates/search.py", search._copyright, "search", "literals"),
    Pattern(
        "headline: title separator",
        "stages/headline.py",
        headline._separator,
        "split",
        "\\s+ before a separator is re-read from each space of a run (quadratic in the run), but page titles are "
        "at most 250 characters",
        bounded=250,
    ),
)

#: Compile calls not in PATTERNS, per file, and why they are safe.
UNLISTED: dict[str, tuple[int, str]] = {}


def within(seconds: float, fn: Callable[..., object], *args: object) -> str | None:
    """Run ``fn(*args)`` in a forked process; return None if it finished in ``seconds``, else what went wrong.

    A hang guard for code that has no timeout of its own (the ``re`` module, the whole pipeline): the child is
    killed when the time is up, so a catastrophic case fails the test instead of hanging the suite.
    """
    child = multiprocessing.get_context("fork").Process(target=fn, args=args)
    child.start()
    child.join(seconds)
    if child.is_alive():
        child.kill()
        child.join()
        return f"still running after {seconds} s"
    return None if child.exitcode == 0 else f"failed (exit code {child.exitcode})"
