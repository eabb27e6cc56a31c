"""Follow and app prompts, paywall prompts, cookie, consent and advertising notices inside an article: a page dump
with such a paragraph between the article's paragraphs, cleaned by the real command on a real file, loses that
paragraph to ``removed`` with its kind and the phrases that decided; a news paragraph using the same weak words
stays in the body."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Invoke, clean_file

from cleaner import resources
from cleaner.classify.inline import PHRASE_KINDS, phrase_kind
from cleaner.document import REMOVED_KINDS

DUMPS = Path(__file__).parent / "dumps"

#: dump -> the first words of its article's first paragraph (the article is the three paragraphs from there)
OPENINGS = {
    "en_local.txt": "The city council voted",
    "de_lokal.txt": "Der Stadtrat hat",
    "fr_locale.txt": "Le conseil municipal a décidé",
    "es_local.txt": "El pleno del ayuntamiento",
    "ru_novosti.txt": "Городской совет во",
    "uk_novyny.txt": "Міська рада у",
}

#: (dump, the paragraph put after the article's first or second paragraph, its kind, a phrase its reason names)
PROMPTS = [
    # follow, app and channel prompts
    ("en_local.txt", "Follow us on Twitter and Facebook for more updates from the city.", "share", "follow us on"),
    ("en_local.txt", "Get the latest news on your phone with our app.", "share", "news on your phone"),
    ("de_lokal.txt", "Folge uns auf Instagram und abonniere unseren WhatsApp-Kanal!", "share", "folge uns auf"),
    ("es_local.txt", "¡Suscríbete a nuestro canal de YouTube!", "share", "nuestro canal de youtube"),
    ("fr_locale.txt", "Suivez-nous sur Facebook, X et Instagram.", "share", "suivez-nous"),
    ("ru_novosti.txt", "Подписывайтесь на наш Telegram-канал, чтобы узнавать новости.", "share", "telegram-канал"),
    ("uk_novyny.txt", "Читайте нас у Telegram та Viber.", "share", "читайте нас у"),
    # paywall prompts and print-issue promos
    ("en_local.txt", "To continue reading, please subscribe. Already a subscriber?", "appeal", "please subscribe"),
    ("de_lokal.txt", "Jetzt weiterlesen mit Plus: Ihr Zugang zu allen Artikeln.", "appeal", "weiterlesen mit"),
    ("de_lokal.txt", "Die aktuelle Ausgabe ist am Kiosk und als E-Paper erhältlich.", "appeal", "als e-paper"),
    (
        "fr_locale.txt",
        "Il vous reste 70 % de cet article à lire. La suite est réservée aux abonnés.",
        "appeal",
        "réservée aux abonnés",
    ),
    ("es_local.txt", "Este contenido es exclusivo para suscriptores.", "appeal", "exclusivo para suscriptores"),
    ("uk_novyny.txt", "Цей матеріал доступний лише для передплатників.", "appeal", "лише для передплатників"),
    # cookie, consent and embed notices, advertising and affiliate disclosures
    (
        "en_local.txt",
        "We use cookies to improve your experience. By continuing to browse the site you agree to our use of cookies.",
        "notice",
        "we use cookies",
    ),
    ("en_local.txt", "This article contains affiliate links.", "notice", "contains affiliate links"),
    (
        "en_local.txt",
        "We may earn a commission when you buy through links on our site.",
        "notice",
        "may earn a commission",
    ),
    ("en_local.txt", "We need your consent to load this YouTube video.", "notice", "we need your consent"),
    ("de_lokal.txt", "Empfohlener externer Inhalt", "notice", "empfohlener externer inhalt"),
    (
        "de_lokal.txt",
        "Mit dem Laden des Inhalts akzeptieren Sie die Datenschutzerklärung von YouTube.",
        "notice",
        "mit dem laden des inhalts",
    ),
    ("de_lokal.txt", "*Werbung / Affiliate-Link", "notice", "*werbung"),
    (
        "fr_locale.txt",
        "Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous "
        "acceptez l'utilisation des cookies.",
        "notice",
        "nous utilisons des cookies",
    ),
    (
        "es_local.txt",
        "Utilizamos cookies propias y de terceros. Si continúa navegando, consideramos que acepta su uso.",
        "notice",
        "utilizamos cookies",
    ),
    (
        "ru_novosti.txt",
        "Мы используем файлы cookie. Продолжая использовать сайт, вы соглашаетесь с этим.",
        "notice",
        "мы используем файлы cookie",
    ),
    (
        "uk_novyny.txt",
        "Ми використовуємо файли cookie. Продовжуючи використовувати сайт, ви погоджуєтесь з цим.",
        "notice",
        "ми використовуємо файли cookie",
    ),
]

#: (dump, a news paragraph with a weak prompt or notice word, which stays in the body)
NEWS = [
    ("en_local.txt", "The EU fined the company over its cookie banners, regulators said on Monday."),
    ("en_local.txt", "Regulators said the use of cookies for advertising needs the consent of every user."),
    ("en_local.txt", '"With our app, riders can check the next bus in real time," the transport chief said.'),
    ("en_local.txt", "The streaming service is only available to subscribers in the United States."),
    ("en_local.txt", "Critics said influencers rarely disclose affiliate links to their followers."),
    ("de_lokal.txt", "Viele Bürger ließen sich am Wochenende kostenlos testen, teilte das Gesundheitsamt mit."),
    ("de_lokal.txt", "Die Behörde verhängte eine Strafe, weil die Firma Cookies ohne Einwilligung der Nutzer setzte."),
    ("fr_locale.txt", "La CNIL a sanctionné le site pour l'utilisation de cookies sans le consentement des usagers."),
    ("es_local.txt", "La empresa fue multada por el uso de cookies sin el consentimiento de los usuarios."),
    ("ru_novosti.txt", "Об этом мэр написала в своем Telegram-канале в среду вечером."),
    ("uk_novyny.txt", "Про це мер написала у своєму Telegram-каналі в середу ввечері."),
]


def _article(page: str, opening: str) -> list[str]:
    """Return the three paragraphs of the dump's article."""
    paragraphs = page.split("\n\n")
    first = next(i for i, p in enumerate(paragraphs) if p.startswith(opening))
    return paragraphs[first : first + 3]


def _clean_with(
    invoke: Invoke, folder: Path, name: str, paragraph: str, after: int
) -> tuple[dict[str, Any], list[str]]:
    """Put ``paragraph`` after the article's paragraph ``after`` (1 or 2) in the dump ``name``, write the page to a
    file, clean it with ``cleaner clean FILE``, and return the JSON and the article's paragraphs."""
    page = (DUMPS / name).read_text(encoding="utf-8")
    article = _article(page, OPENINGS[name])
    anchor = article[after - 1]
    return clean_file(invoke, folder / name, page.replace(anchor, f"{anchor}\n\n{paragraph}", 1)), article


@pytest.mark.parametrize("after", [1, 2])
@pytest.mark.parametrize(("name", "paragraph", "kind", "phrase"), PROMPTS, ids=[f"{c[2]}-{c[0][:2]}" for c in PROMPTS])
def test_prompt_inside_the_article_is_removed(
    invoke: Invoke, tmp_path: Path, name: str, paragraph: str, kind: str, phrase: str, after: int
) -> None:
    """The prompt or notice is removed with its kind and the phrase that decided; the article stays whole."""
    doc, article = _clean_with(invoke, tmp_path, name, paragraph, after)
    body = doc["body"].split("\n\n")
    assert paragraph not in body
    assert all(p in body for p in article)
    found = [r for r in doc["removed"] if r["text"] == paragraph]
    assert [r["kind"] for r in found] == [kind]
    assert phrase in found[0]["reason"]


@pytest.mark.parametrize(("name", "paragraph"), NEWS, ids=[f"{c[0][:2]}-{i}" for i, c in enumerate(NEWS)])
def test_news_paragraph_with_a_weak_word_stays(invoke: Invoke, tmp_path: Path, name: str, paragraph: str) -> None:
    """A news paragraph that uses a weak word of the lexicons (cookies, our app, affiliate links) stays in the
    body, in its place."""
    doc, article = _clean_with(invoke, tmp_path, name, paragraph, 2)
    body = doc["body"].split("\n\n")
    at = body.index(article[1])
    assert body[at : at + 3] == [article[1], paragraph, article[2]]


def test_cookie_banner_after_the_footer_is_a_notice(invoke: Invoke, tmp_path: Path) -> None:
    """A cookie banner dumped under the page's footer is removed as a notice, not as ``other``."""
    banner = "Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten. Mit der Nutzung stimmen Sie zu."
    path = tmp_path / "page.txt"
    path.write_text((DUMPS / "de_lokal.txt").read_text(encoding="utf-8") + "\n" + banner + "\n", encoding="utf-8")
    result = invoke(["clean", str(path)])
    doc = json.loads(result.stdout)
    assert [(r["kind"], "wir verwenden cookies" in r["reason"]) for r in doc["removed"] if r["text"] == banner] == [
        ("notice", True)
    ]


def test_notice_kind_is_documented() -> None:
    """``notice`` is a removed kind of the JSON contract, and so is every kind of the phrase lexicons."""
    assert "notice" in REMOVED_KINDS
    assert set(PHRASE_KINDS) <= set(REMOVED_KINDS)


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es", "it", "pt", "pl", "nl", "ru", "uk"])
def test_notices_lexicon_rows(lang: str) -> None:
    """Each language has a notices.txt of well-formed rows: a kind, a weight of 1 or 2, a phrase; a phrase is
    listed once, not also as an appeal, and when boilerplate.txt has it too (``follow us on``), with its kind."""
    rows = resources.table("notices.txt", lang)
    lines = {r[1].casefold(): r[0] for r in resources.table("boilerplate.txt", lang)}
    assert [r[2] for r in rows if lines.get(r[2].casefold(), r[0]) != r[0]] == []
    assert rows
    appeals = {r[1].casefold() for r in resources.table("appeals.txt", lang)}
    phrases = [r[2].casefold() for r in rows]
    assert all(len(r) == 3 and r[0] in ("share", "notice") and r[1] in ("1", "2") and r[2] for r in rows)
    assert len(phrases) == len(set(phrases))
    assert not appeals & set(phrases)


def test_no_phrase_has_two_kinds_across_languages() -> None:
    """A phrase listed by two languages (``utilizamos cookies``) has the same kind in both."""
    kinds: dict[str, set[str]] = {}
    for lang in resources.languages():
        for r in resources.table("appeals.txt", lang):
            kinds.setdefault(r[1].casefold(), set()).add("appeal")
        for r in resources.table("notices.txt", lang):
            kinds.setdefault(r[2].casefold(), set()).add(r[0])
    assert {p: k for p, k in kinds.items() if len(k) > 1} == {}


def test_each_kind_counts_on_its_own() -> None:
    """Weak words of two kinds do not add up: a short paragraph with one weak follow word and one weak cookie word
    is neither."""
    assert phrase_kind("Our app now asks about the use of cookies.") is None
