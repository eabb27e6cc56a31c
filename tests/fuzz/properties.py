"""What the fuzzers generate (text, bytes, scraped-article variants) and the properties every input must keep.

Shared by ``tests/test_fuzz_properties.py`` (a few hundred cases, in CI) and ``tests/fuzz/run_fuzz.py`` (as many
as asked for). The properties: the pipeline never raises (``clean_bytes`` may refuse bytes with InputError, and
nothing else), its JSON is valid against the schema and survives a round trip, body and removed spans tile the
normalised text, and cleaning twice gives byte-identical JSON.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from test_lossless import assert_tiles

from cleaner import Config, Document, clean, clean_bytes
from cleaner.document import JSON_SCHEMA
from cleaner.errors import InputError

_VALIDATOR = Draft202012Validator(JSON_SCHEMA)

#: Characters that break naive text handling: controls, odd spaces, invisibles, bidi controls, separators.
ODD = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x80\x85\x9d\u00a0\u00ad\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2028\u2029\u2066\u2067\u2068\u2069\ufeff\ufffd\ufffe\r\t"
)
#: Short runs of text in many scripts, some of them mojibake on purpose.
SCRIPTS = (
    "Ærøskøbing naïve café",
    "Наши войска отошли к Харькову.",
    "Київ, Рівне, Він і їжак.",
    "Η Ελλάδα είναι χώρα.",
    "اللغة العربية جميلة.",
    "עברית היא שפה שמית.",
    "हिन्दी एक भाषा है।",
    "中华人民共和国。",
    "日本語の文章です。",
    "한국어 문장입니다.",
    "ภาษาไทยเป็นภาษา",
    "Great news 🎉👍🏽 👨‍👩‍👧",
    "Ukraineâ€™s army",
    "РќР°С€Рё РІРѕР№СЃРєР°",
    "cafÃ© Ã  la carte",
)
HEADERS = (
    " date 2022-11-29 The Pentagon. Photo by Joshua Roberts",
    " date 2022-11-29",
    "Date: 29 Nov 2022",
    "Published November 29, 2022 10:03 PM",
    "29.11.2022 | A caption (AP Photo/Jeffrey T. Barnes)",
    "Tuesday, November 29, 2022 22:03 UTC+02:00",
    "Veröffentlicht am 29. November 2022 um 10:03 Uhr",
    "Опубликовано 29 ноября 2022 г.",
    " date 2022-13-45 Impossible",
    "03/04/2022",
    "Updated: 10/31/2024 The moving process has begun and it is long",
    "",
)
TAGS = (
    "Tags: Russia, Ukraine, USA",
    "Tags:",
    "Topics: x; y; z",
    "Schlagwörter: Politik | Wirtschaft",
    "Filed under: News",
    "text.Tags: a, b",
    "Tags:\nRussia\nUkraine",
    "Tags: , , , ,",
    "",
)
BOILERPLATE = (
    "Related: Why the hotline matters",
    "Russia denies IAEA full access to the plant after explosions – Euromaidan Press",
    "Share this:",
    "Subscribe to our newsletter to get the news in your inbox.",
    "Support us on Patreon. Become a patron! Every contribution helps.",
    "© 2024 Site. All rights reserved.",
    "Home\nNews\nSport\nContact",
    "Read more »",
    "Leave a comment",
)
PROSE = (
    "The council approved the new budget on Tuesday evening after a long debate about the cost of repairing "
    "three primary schools.",
    "Opposition members said too little money was set aside for buses, and a motion to run more of them failed.",
)

_junk = st.text(alphabet=st.sampled_from(list(".!?-–—:;,|/@#()[]\"'«»… \n" + ODD)), max_size=60)
_paragraph = st.one_of(
    st.sampled_from(PROSE),
    st.sampled_from(SCRIPTS),
    st.text(max_size=200),
    _junk,
    st.lists(st.sampled_from(SCRIPTS + PROSE), min_size=1, max_size=4).map(" ".join),
)
_break = st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n", "\u2029", "\n\n\n\n", "\r"])


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Draw a scraped article: header, paragraphs, boilerplate and junk in any order, a tags line, odd breaks."""
    parts = [draw(st.sampled_from(HEADERS))]
    body = draw(st.lists(st.one_of(_paragraph, st.sampled_from(BOILERPLATE)), max_size=10))
    parts += body
    parts.append(draw(st.sampled_from(TAGS)))
    text = parts[0]
    for part in parts[1:]:
        text += draw(_break) + part
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.text(alphabet=st.sampled_from(list(ODD)), max_size=5)) + text[cut:]
    return text


#: Any text: unrestricted, odd-character heavy, or article-shaped.
texts = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list(ODD + "a .\n"))),
    articles(),
    st.lists(st.sampled_from(SCRIPTS), max_size=8).map("\n".join),
)

_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "cp1251", "koi8-r", "latin-1", "gb18030")


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    """Draw bytes of a drawn text in a drawn encoding (unencodable characters replaced), sometimes mixed."""
    text = draw(texts)
    data = text.encode(draw(st.sampled_from(_ENCODINGS)), errors="replace")
    if draw(st.booleans()):
        data += draw(st.sampled_from(_ENCODINGS[:1] + _ENCODINGS[5:])).join(["", ""]).encode() + draw(
            st.sampled_from(SCRIPTS)
        ).encode(draw(st.sampled_from(("cp1252", "cp1251", "utf-8"))), errors="replace")
    return data


_MAGIC = (
    b"%PDF-1.4\n",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff\xe0",
    b"GIF89a",
    b"\x1f\x8b\x08",
    b"PK\x03\x04",
    b"\x7fELF",
)

#: Any bytes: random, text in an encoding, or behind a BOM or a binary signature.
byte_inputs = st.one_of(
    st.binary(max_size=2000),
    encoded(),
    st.tuples(
        st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", *_MAGIC]), encoded()
    ).map(b"".join),
)

configs = st.builds(
    Config,
    date_order=st.sampled_from(["auto", "dmy", "mdy"]),
    repair_mojibake=st.booleans(),
    encoding=st.sampled_from([None, None, None, "utf-8", "cp1252"]),
)


def check_document(doc: Document, raw: str | bytes, config: Config | None) -> None:
    """Assert the properties of one cleaned document: schema, JSON round trip, tiling."""
    data: dict[str, Any] = doc.to_dict()
    errors = sorted(_VALIDATOR.iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert json.loads(doc.to_json()) == data
    assert_tiles(doc, raw, config)


def check_text(raw: str, config: Config | None = None) -> None:
    """Clean text: never raises, keeps every property, and gives the same JSON twice."""
    doc = clean(raw, config=config)
    check_document(doc, raw, config)
    assert clean(raw, config=config).to_json() == doc.to_json()


def check_bytes(raw: bytes, config: Config | None = None) -> None:
    """Clean bytes: raises nothing but InputError, keeps every property, and gives the same JSON twice."""
    try:
        doc = clean_bytes(raw, config=config)
    except InputError:
        return
    check_document(doc, raw, config)
    assert clean_bytes(raw, config=config).to_json() == doc.to_json()
