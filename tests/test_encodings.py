"""Encodings in, the right text out: legacy encodings detected, BOMs, UTF-16/32, mixed files, and mojibake repaired
without ever touching text that is already right (correct text in more than ten scripts keeps every character).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_lossless import assert_tiles

from cleaner import Config, clean, clean_bytes
from cleaner.detect import detect
from cleaner.encoding import decode_bytes
from cleaner.mojibake import repair, suspect
from cleaner.stages.decode import prepare

#: Correct text in many scripts (paragraphs of news prose): decoding and repair must leave every character alone.
SCRIPTS: dict[str, list[str]] = {
    "latin-diacritics": [
        "Les négociations ont repris jeudi à Genève, où les délégués ont évoqué un "
        "cessez-le-feu « durable » et l’échange de prisonniers.",
        "Ærøskøbing, Łódź, Kraków, São Paulo, İstanbul, Đà Nẵng, Reykjavík und "
        "Zürich: Straßenbahnen fahren wieder, sagte die Bürgermeisterin.",
    ],
    "latin-combining": [
        "Cafe\u0301 and nai\u0308ve are written here with combining accents, as "
        "some scrapers deliver them, and they must stay as written.",
    ],
    "cyrillic-ru": [
        "Российские войска отошли от Херсона, сообщило министерство обороны. "
        "«Это важный шаг», — заявил представитель ВСУ в четверг.",
        "Ещё одна новость: цены на ёлки выросли на 10 %, а в Санкт-Петербурге открылся новый мост через Неву.",
    ],
    "cyrillic-uk": [
        "Він сказав, що Рівне, Київ і Вінниця отримали світло. Міністр "
        "енергетики пообіцяв відновити постачання до п’ятниці.",
        "ВІДДІЛ ІНФОРМАЦІЇ повідомляє: їжак, ґанок, сім’я, Євген і Їжакевич — усі слова на місці, «без змін».",
    ],
    "greek": [
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ακρίβεια, ενώ η "
        "αντιπολίτευση ζήτησε ψηφοφορία στη Βουλή την Πέμπτη το απόγευμα.",
    ],
    "arabic": [
        "أعلنت الحكومة يوم الخميس عن خطة جديدة لدعم الأسر، وقال الوزير إنّ "
        "المساعدات ستصل إلى مستحقيها قبل نهاية الشهر الجاري.",
    ],
    "hebrew": [
        "הממשלה הודיעה ביום חמישי על תוכנית חדשה לסיוע למשפחות, והשר אמר כי הכסף יגיע לזכאים עד סוף החודש הנוכחי.",
    ],
    "devanagari": [
        "सरकार ने गुरुवार को परिवारों की मदद के लिए नई योजना की घोषणा की, और मंत्री ने कहा कि सहायता महीने के अंत तक पहुँच जाएगी।",
    ],
    "cjk-zh": [
        "政府星期四宣布了一项帮助家庭的新计划，部长表示，援助将在本月底之前送达需要的人手中。「这是重要的一步」，他说。",
    ],
    "cjk-ja": [
        "政府は木曜日、家族を支援する新しい計画を発表した。大臣は「月末までに支援を届ける」と述べた。カタカナ、ひらがな、漢字。",
    ],
    "korean": [
        "정부는 목요일 가족을 돕기 위한 새로운 계획을 발표했으며, 장관은 지원금이 이달 말까지 전달될 것이라고 말했다.",
    ],
    "thai": [
        "รัฐบาลประกาศแผนใหม่เพื่อช่วยเหลือครอบครัวเมื่อวันพฤหัสบดี และรัฐมนตรีกล่าวว่าความช่วยเหลือจะถึงมือผู้รับก่อนสิ้นเดือนนี้",
    ],
    "emoji": [
        "Fans celebrated the win 🎉👍🏽 with flags 🇺🇦🇵🇱 and families 👨‍👩‍👧‍👦 "
        "filled the square ❤️ until late at night, police said.",
    ],
    "typography": [
        "He said “no” — twice — and ‘maybe’ once… The ﬁnal score was ½ to "
        "¾, at 5 °C, for €10 or £8 (™ and © included).",
    ],
}


#: Prose in one language, and the legacy encodings it is really written in.
LEGACY: list[tuple[str, str, str]] = [
    ("en", "He said “no” — twice — and ‘maybe’ once… The council’s budget is €10m, up 5% on last year.", "cp1252"),
    ("fr", "À l’école, les élèves ont découvert l’œuvre d’un peintre. « Ça coûte cher », a-t-il déclaré.", "cp1252"),
    ("de", "Größere Äpfel und Übermut: Grüße aus München, sagte die Bürgermeisterin am Straßenrand.", "cp1252"),
    ("es", "El niño comió piña en la montaña. ¿Qué pasó después? ¡Nadie lo sabe todavía!", "cp1252"),
    ("pt", "A inflação caiu em São Paulo, e o governo anunciou ações para a região nordeste.", "latin-1"),
    ("pl", "Zażółć gęślą jaźń. Łódź i Kraków są największymi miastami w Polsce, powiedział minister.", "cp1250"),
    ("cs", "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl mluvčí vlády ve čtvrtek večer.", "cp1250"),
    ("ru", "Российские войска отошли от Херсона, сообщило министерство обороны в четверг вечером.", "cp1251"),
    ("ru", "Российские войска отошли от Херсона, сообщило министерство обороны в четверг вечером.", "koi8-r"),
    ("uk", "Він сказав, що Рівне, Київ і Вінниця отримали світло, а міністр пообіцяв ремонт до п’ятниці.", "cp1251"),
    ("bg", "Правителството обяви нови мерки срещу цените на горивата в четвъртък сутринта.", "cp1251"),
    ("el", "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ακρίβεια, ενώ η αντιπολίτευση ζήτησε ψηφοφορία.", "cp1253"),
    ("tr", "Hükümet perşembe günü yeni bir plan açıkladı; İstanbul ve Çorum’da ağaçlar dikildi.", "cp1254"),
    ("he", "הממשלה הודיעה ביום חמישי על תוכנית חדשה לסיוע למשפחות, והשר אמר כי הכסף יגיע בקרוב.", "cp1255"),
    ("ar", "أعلنت الحكومة يوم الخميس عن خطة جديدة لدعم الأسر، وقال الوزير إن المساعدات ستصل قريبا.", "cp1256"),
    ("lt", "Vyriausybė ketvirtadienį paskelbė naują planą šeimoms remti, sakė ministrė žurnalistams.", "cp1257"),
    ("zh", "政府星期四宣布了一项帮助家庭的新计划，部长表示，援助将在本月底之前送达。", "gb18030"),
    ("zh", "政府星期四宣佈了一項幫助家庭的新計劃，部長表示，援助將在本月底之前送達。", "big5"),
    ("ja", "政府は木曜日、家族を支援する新しい計画を発表した。大臣は月末までに届けると述べた。", "shift_jis"),
    ("ja", "政府は木曜日、家族を支援する新しい計画を発表した。大臣は月末までに届けると述べた。", "euc-jp"),
    (
        "ko",
        "정부는 목요일 가족을 돕기 위한 새로운 계획을 발표했으며 장관은 지원금이 곧 전달될 것이라고 말했다.",
        "euc-kr",
    ),
]


@pytest.mark.parametrize(("lang", "text", "encoding"), LEGACY, ids=[f"{x[0]}-{x[2]}" for x in LEGACY])
def test_legacy_encodings_are_detected(lang: str, text: str, encoding: str) -> None:
    """Text in a legacy encoding decodes to the same text, and the warnings name the encoding chosen."""
    decoded, warnings = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert len(warnings) == 1
    assert warnings[0].startswith("not valid UTF-8: decoded as ")


def test_latin_1_and_cp1252_are_reported_as_cp1252() -> None:
    """Western text reads the same in latin-1 and cp1252: the warning names the superset, cp1252."""
    assert decode_bytes("Café au lait.".encode("latin-1")) == ("Café au lait.", ["not valid UTF-8: decoded as cp1252"])


def test_short_cyrillic_is_told_apart_from_western_and_koi8() -> None:
    """One or two Russian words: wrong readings make impossible words (``Ïðèâåò``, ``рТЙЧЕФ``), the right one wins."""
    assert decode_bytes("Привет".encode("cp1251"))[0] == "Привет"
    assert decode_bytes("Привет мир".encode("koi8-r"))[0] == "Привет мир"
    assert detect("Наши войска отошли".encode("koi8-r")) == "koi8-r"


BOMS = ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


@pytest.mark.parametrize("encoding", BOMS)
def test_unicode_with_a_bom_or_recognised_by_its_zero_bytes(encoding: str) -> None:
    """UTF-8 with a BOM, UTF-16 and UTF-32 with a BOM, or without one (recognised by their zero bytes)."""
    text = "Наши войска отошли к Харькову.\nThe council met. Ω 🎉"
    data = text.encode(encoding)
    if encoding.endswith(("-le", "-be")) and encoding.startswith("utf-"):
        expected = f"decoded as {encoding} (no BOM; recognised by its zero bytes)"
    else:
        expected = "decoded as utf-8 (BOM)" if encoding == "utf-8-sig" else "(BOM)"
    decoded, warnings = decode_bytes(data)
    assert decoded == text
    assert any(expected in w for w in warnings)


def test_a_forced_encoding_is_used_and_said() -> None:
    """``Config.encoding`` decodes without detection, and says so."""
    doc = clean_bytes("Привет, мир. Это тест.".encode("cp1251"), config=Config(encoding="cp1251"))
    assert doc.body == "Привет, мир. Это тест."
    assert doc.warnings[0] == "decoded as cp1251 (forced)"


MIXED = [
    (
        "The “council” met on Tuesday — “a long day”.\n".encode()
        + "Café crème, déjà vu, naïve.\n".encode("cp1252")
        + "Back to UTF-8: naïve café ✓\n".encode(),
        "The “council” met on Tuesday — “a long day”.\nCafé crème, déjà vu, naïve.\nBack to UTF-8: naïve café ✓\n",
    ),
    (
        "It’s a “mixed” line, with one cp1252 word: ".encode() + "café".encode("cp1252"),
        "It’s a “mixed” line, with one cp1252 word: café",
    ),
    (
        "Intro in UTF-8 “quoted”.\n".encode() + "Наши войска отошли к Харькову. Это важная новость.\n".encode("cp1251"),
        "Intro in UTF-8 “quoted”.\nНаши войска отошли к Харькову. Это важная новость.\n",
    ),
]


@pytest.mark.parametrize(("data", "text"), MIXED, ids=["lines", "one-line", "cyrillic-paragraph"])
def test_mixed_files_are_decoded_line_by_line(data: bytes, text: str) -> None:
    """Mostly UTF-8 with some legacy lines or bytes: each part decoded right, with a warning (and repairs listed)."""
    decoded, warnings = prepare(data)
    assert decoded == text
    assert warnings
    assert any(w.startswith(("mixed encodings:", "not valid UTF-8")) for w in warnings)


def test_invalid_bytes_never_crash_and_are_kept() -> None:
    """Bytes no encoding explains are read as cp1252 (or latin-1), counted, never dropped silently or raised on."""
    decoded, warnings = decode_bytes("Ω ok".encode("utf-16") + b"\x00")
    assert decoded == "Ω ok\x00"
    assert warnings == ["decoded as utf-16-le (BOM)", "1 byte(s) not valid utf-16-le read as cp1252 (or latin-1)"]


MOJIBAKE = [
    ("Ukraineâ€™s army said â€œnoâ€\x9d â€” again.", "Ukraine’s army said “no” — again.", "windows-1252"),
    ("РќР°С€Рё РІРѕР№СЃРєР° РѕС‚РѕС€Р»Рё.", "Наши войска отошли.", "windows-1251"),
    ("A cafÃ© in SÃ£o Paulo, naÃ¯ve.", "A café in São Paulo, naïve.", "latin-1"),
    ("Ukraine’s army and Ukraineâ€™s navy.", "Ukraine’s army and Ukraine’s navy.", "inside correct text"),
    ("Twice: cafÃƒÂ© crÃƒÂ¨me.", "Twice: café crème.", "windows-1252, then UTF-8 read as latin-1"),
]


@pytest.mark.parametrize(("broken", "fixed", "how"), MOJIBAKE, ids=["cp1252", "cp1251", "latin-1", "partial", "double"])
def test_mojibake_is_repaired_and_listed(broken: str, fixed: str, how: str) -> None:
    """UTF-8 read as cp1252, cp1251 or latin-1 (once, twice, or inside correct text) is repaired, and listed."""
    text, warnings = prepare(f"{broken}\n\nThe council met on Tuesday and approved the budget after a long debate.")
    assert text.startswith(f"{fixed}\n\n")
    assert len(warnings) == 1
    assert warnings[0].startswith("mojibake repaired in 1 line(s): UTF-8 read as")
    assert how in warnings[0]


def test_c1_controls_are_read_as_the_cp1252_punctuation_they_are() -> None:
    """Text that holds C1 controls (cp1252 quotes and dashes read as latin-1) gets its punctuation back, listed."""
    text, warnings = prepare("He said \x93no\x94 \x96 twice\x85 It cost \x8010.")
    assert text == "He said “no” – twice… It cost €10."
    assert warnings == ["mojibake repaired in 1 line(s): windows-1252 read as latin-1"]


def test_mojibake_repair_can_be_turned_off() -> None:
    """``Config(repair_mojibake=False)`` keeps the text exactly as decoded."""
    doc = clean("Ukraineâ€™s army.", config=Config(repair_mojibake=False))
    assert doc.body == "Ukraineâ€™s army."
    assert not any("mojibake" in w for w in doc.warnings)


def test_mojibake_in_bytes_is_repaired_after_decoding() -> None:
    """UTF-8 bytes that hold mojibake (a page saved once too often) are repaired too, and offsets index the result."""
    data = "Ukraineâ€™s army.\n\nThe council met on Tuesday and approved the budget.".encode()
    doc = clean_bytes(data)
    assert doc.body.startswith("Ukraine’s army.")
    assert_tiles(doc, data)


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_correct_text_in_every_script_keeps_every_character(script: str) -> None:
    """Correct text is never altered: clean(text).body is the text itself, with no repair and no warning."""
    text = "\n\n".join(SCRIPTS[script])
    doc = clean(text)
    assert doc.body == text
    assert doc.warnings == []
    assert prepare(text) == (text, [])
    assert repair(text) == (text, [])


@pytest.mark.parametrize("script", list(SCRIPTS))
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_correct_text_in_every_script_survives_any_unicode_encoding(script: str, encoding: str) -> None:
    """The same texts as bytes in any Unicode encoding: the body keeps every character."""
    text = "\n\n".join(SCRIPTS[script])
    assert clean_bytes(text.encode(encoding)).body == text


def test_the_suspect_check_ignores_ordinary_cyrillic() -> None:
    """Ukrainian and Russian pairs such as ``Ві``, ``Рі``, ``Д»`` alone do not wake the repair (or import ftfy)."""
    for paragraphs in (SCRIPTS["cyrillic-ru"], SCRIPTS["cyrillic-uk"]):
        assert not suspect("\n".join(paragraphs))
    assert suspect("РќР°С€Рё")


def test_dev_pages_round_trip_through_cp1252_and_cp1251(shared_dir: Path) -> None:
    """Real pages saved in a legacy encoding they fit in decode back to the same text (a sample of the dev set)."""
    pages = sorted((shared_dir / "data" / "dev" / "seedlike").glob("*.txt"))[::8]
    checked = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        for encoding in ("cp1252", "cp1251"):
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                continue
            if data.isascii():
                continue
            checked += 1
            assert prepare(data)[0] == prepare(text)[0], (path.name, encoding)
    assert checked > 20
