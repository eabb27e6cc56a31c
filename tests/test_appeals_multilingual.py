"""Appeals in the languages other than English: each language's lexicon finds an appeal a site prints under an
article, and a news sentence with one of its weaker words is not taken for one."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.classify.inline import appeal_hits, is_appeal

#: lang -> (an appeal as a site prints it, a news sentence using a weak appeal word, that word)
CASES = {
    "de": (
        "Unabhängiger Journalismus braucht Ihre Hilfe. Unterstützen Sie unseren Journalismus mit einer Spende "
        "oder werden Sie Mitglied – schon ab fünf Euro im Monat. Jeder Beitrag hilft uns, auch künftig frei und "
        "ohne Bezahlschranke zu berichten.",
        "Die Bürger spenden seit Jahren für das Tierheim, sagte der Bürgermeister am Montag.",
        "spenden",
    ),
    "fr": (
        "Notre rédaction est indépendante et ne vit que grâce à ses lecteurs. Soutenez-nous : faites un don ou "
        "abonnez-vous dès aujourd'hui, à partir de 5 euros par mois. Chaque contribution nous permet de rester libres "
        "et accessibles à tous.",
        "Les habitants ont récolté plus de 3 000 euros de dons pour reconstruire l'école, a indiqué la mairie jeudi.",
        "dons",
    ),
    "es": (
        "El periodismo de calidad necesita lectores comprometidos. Apóyanos: hazte socio o haz una donación desde "
        "tres euros al mes. Cada aportación nos ayuda a seguir investigando y a mantener nuestras noticias abiertas "
        "para todos.",
        "La fundación recibió una donación de dos millones de euros para el nuevo hospital, informó el ayuntamiento.",
        "donación",
    ),
    "it": (
        "Il giornalismo libero ha un costo. Sostienici: abbonati ora oppure fai una donazione, anche piccola, per "
        "aiutarci a continuare il nostro lavoro. Ogni contributo ci permette di restare liberi e di tenere i nostri "
        "articoli aperti a tutti.",
        "La donazione di un imprenditore locale ha permesso di riaprire la biblioteca, ha spiegato il sindaco.",
        "donazione",
    ),
    "pt": (
        "O nosso trabalho depende dos leitores. Apoie o nosso jornalismo: torne-se assinante ou faça uma doação a "
        "partir de cinco euros por mês. Cada contributo ajuda-nos a continuar a investigar e a manter as notícias "
        "abertas a todos.",
        "A empresa anunciou uma doação de um milhão de reais para as vítimas das cheias, segundo o governo estadual.",
        "doação",
    ),
    "pl": (
        "Nasza redakcja utrzymuje się dzięki czytelnikom. Wesprzyj nas – przekaż darowiznę lub wykup prenumeratę "
        "już od 10 zł miesięcznie. Każda wpłata pomaga nam pisać o sprawach, o których inni milczą, i utrzymać "
        "portal bez płatnych treści.",
        "Darowizna od lokalnego przedsiębiorcy pozwoliła na remont szkoły, poinformował we wtorek burmistrz.",
        "darowizna",
    ),
    "nl": (
        "Goede journalistiek kost geld. Steun ons werk: word lid of doe een donatie, al vanaf vijf euro per maand. "
        "Elke bijdrage helpt ons om onderzoek te blijven doen en onze artikelen gratis voor iedereen te houden.",
        "De stichting ontving vorig jaar een donatie van een lokale ondernemer, zei de burgemeester maandag.",
        "donatie",
    ),
    "ru": (
        "Мы работаем без государственных денег и рекламы. Поддержите нас: сделайте пожертвование или оформите "
        "подписку на наш проект. Каждый рубль помогает нам продолжать расследования и оставаться свободными от "
        "цензуры.",
        "Подписка на газету подорожала на треть, сообщили в среду в почтовом отделении города.",
        "подписка",
    ),
    "uk": (
        "Ми працюємо без державних грошей і реклами. Підтримайте нас: задонатьте будь-яку суму або підпишіться "
        "на нашу розсилку. Кожна гривня допомагає нам робити розслідування і залишатися незалежними від "
        "власників і політиків.",
        "Благодійний фонд отримав пожертву від місцевого підприємця, повідомили у вівторок у міській раді.",
        "пожертву",
    ),
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_appeal_paragraph_is_an_appeal(lang: str) -> None:
    """The language's appeal paragraph weighs enough to be an appeal on its own phrases."""
    appeal, _, _ = CASES[lang]
    assert is_appeal(appeal)


@pytest.mark.parametrize("lang", sorted(CASES))
def test_news_sentence_with_a_weak_word_is_not_an_appeal(lang: str) -> None:
    """A news sentence with one weak appeal word is found to hold that word, yet it is not an appeal."""
    _, news, word = CASES[lang]
    assert appeal_hits(news) == (word,)
    assert not is_appeal(news)


GERMAN_ARTICLE = [
    "Der Stadtrat hat am Dienstagabend beschlossen, das Busnetz bis zum Ende des kommenden Jahres auf drei neue "
    "Stadtteile auszuweiten. Die Anwohner hatten seit der letzten Kommunalwahl immer wieder eine bessere "
    "Anbindung gefordert, und der Oberbürgermeister nannte die Entscheidung nach der Sitzung einen längst "
    "überfälligen Schritt für die wachsenden Viertel im Norden der Stadt. Bislang fährt dort nur eine Linie, "
    "und das lediglich im Stundentakt.",
    "Die Bauarbeiten sollen im Frühjahr beginnen, wie das Verkehrsamt mitteilte. Die ersten Linien könnten "
    "demnach schon im Herbst fahren, der genaue Fahrplan werde in den kommenden Wochen veröffentlicht. Für die "
    "neuen Strecken braucht die Stadt zwölf zusätzliche Busse und mehr als zwanzig Fahrerinnen und Fahrer, die "
    "derzeit noch gesucht werden. Das Amt will dafür eine eigene Kampagne starten und auch in Nachbarstädten "
    "werben.",
    "Die Opposition kritisierte, die Kosten seien zu niedrig angesetzt, stimmte dem Plan am Ende aber dennoch "
    "zu. Zuvor hatte sich der Rat darauf geeinigt, den Haushalt für das Projekt alle sechs Monate zu überprüfen "
    "und die Zahlen im Internet zu veröffentlichen. Der Verkehrsverbund will die Ticketpreise vorerst nicht "
    "erhöhen, hieß es am Mittwoch. Eine endgültige Entscheidung darüber soll aber erst im Sommer fallen.",
]


def test_german_appeal_after_an_article_is_removed() -> None:
    """A German appeal under a German article goes to ``removed`` as an appeal; the article stays in the body."""
    appeal = CASES["de"][0]
    doc = clean("\n\n".join([*GERMAN_ARTICLE, appeal]))
    assert doc.body.split("\n\n") == GERMAN_ARTICLE
    assert [(r.kind, r.text) for r in doc.removed] == [("appeal", appeal)]
    assert "unterstützen sie unseren journalismus" in doc.removed[0].reason
