"""Photo credits in ten languages: captions with a credit inside a page dump's article are removed through the CLI,
the header splits them off its caption, and news prose that names an agency stays in the body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import Invoke, clean_file

from cleaner import clean, credits, resources
from cleaner.classify.features import folded_words

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "pl", "nl", "ru", "uk")


@dataclass(frozen=True)
class Page:
    """The parts of a small news page: its title, menu, headline, prose paragraphs and footer."""

    site: str
    menu: tuple[str, ...]
    headline: str
    paragraphs: tuple[str, ...]
    footer: tuple[str, ...]

    def dump(self, caption: str, extra: tuple[str, ...] = ()) -> str:
        """Return the page's text dump with ``caption`` after the first paragraph and ``extra`` after the second."""
        p = self.paragraphs
        body = [p[0], caption, p[1], *extra, *p[2:]]
        parts = [f"{self.headline} | {self.site}", "\n".join(self.menu), self.headline, *body, "\n".join(self.footer)]
        return "\n\n".join(parts) + "\n"


PAGES = {
    "en": Page(
        "The Valley Courier",
        ("Home", "News", "Politics", "Sport", "Culture", "Search", "Sign in"),
        "City council approves new tram line to the harbour",
        (
            "The city council voted on Tuesday evening to build a new tram line between the central station and the "
            "harbour. Residents had asked for the link for years, and the mayor called the decision long overdue.",
            "Work is due to start in the spring. According to the transport department, the first trams should run "
            "before the end of next year, and a timetable will be published in the coming weeks.",
            "The opposition said the costs had been underestimated, but voted for the plan after the council promised "
            "to review the budget every six months and to publish the figures online.",
        ),
        ("Share this article", "Facebook", "Twitter", "Privacy policy", "© 2022 The Valley Courier"),
    ),
    "de": Page(
        "Lokalzeitung Musterstadt",
        ("Startseite", "Lokales", "Politik", "Sport", "Kultur", "Suche", "Anmelden"),
        "Stadtrat beschließt neue Straßenbahn zum Hafen",
        (
            "Der Stadtrat hat am Dienstagabend beschlossen, eine neue Straßenbahnlinie zwischen dem Hauptbahnhof und "
            "dem Hafen zu bauen. Die Bewohner hatten das seit Jahren gefordert, und die Bürgermeisterin nannte die "
            "Entscheidung längst überfällig.",
            "Die Arbeiten sollen im Frühjahr beginnen. Nach Angaben der Verkehrsbetriebe sollen die ersten Bahnen noch "
            "vor dem Ende des nächsten Jahres fahren, der Fahrplan wird in den kommenden Wochen veröffentlicht.",
            "Die Opposition kritisierte, dass die Kosten zu niedrig angesetzt seien. Sie stimmte dem Plan dennoch zu, "
            "nachdem der Rat zugesagt hatte, das Budget alle sechs Monate zu prüfen.",
        ),
        ("Artikel teilen", "Facebook", "Impressum", "Datenschutz", "© 2022 Lokalzeitung Musterstadt"),
    ),
    "fr": Page(
        "Le Journal de la Ville",
        ("Accueil", "Actualités", "Politique", "Sport", "Culture", "Rechercher", "Se connecter"),
        "Le conseil municipal adopte une nouvelle ligne de tramway vers le port",
        (
            "Le conseil municipal a décidé mardi soir de construire une nouvelle ligne de tramway entre la gare "
            "centrale et le port. Les habitants la réclamaient depuis des années, et la maire a qualifié la décision "
            "de mesure attendue depuis longtemps.",
            "Les travaux doivent commencer au printemps. Selon le service des transports, les premières rames "
            "devraient circuler avant la fin de l'année prochaine, et les horaires seront publiés bientôt.",
            "L'opposition a estimé que les coûts avaient été sous-évalués, mais elle a voté le projet après que le "
            "conseil a promis de revoir le budget tous les six mois et de publier les chiffres en ligne.",
        ),
        ("Partager cet article", "Facebook", "Mentions légales", "© 2022 Le Journal de la Ville"),
    ),
    "es": Page(
        "El Diario de la Ciudad",
        ("Inicio", "Noticias", "Política", "Deportes", "Cultura", "Buscar", "Iniciar sesión"),
        "El pleno aprueba una nueva línea de tranvía hasta el puerto",
        (
            "El pleno del ayuntamiento aprobó el martes por la noche la construcción de una nueva línea de tranvía "
            "entre la estación central y el puerto. Los vecinos la reclamaban desde hacía años, y la alcaldesa dijo "
            "que la decisión llegaba tarde.",
            "Las obras comenzarán en primavera. Según la concejalía de Movilidad, los primeros tranvías circularán "
            "antes de que termine el año que viene, y los horarios se publicarán en las próximas semanas.",
            "La oposición criticó que los costes estaban infravalorados, pero votó a favor después de que el gobierno "
            "municipal prometiera revisar el presupuesto cada seis meses y publicar las cifras en internet.",
        ),
        ("Compartir", "Facebook", "Aviso legal", "Política de privacidad", "© 2022 El Diario de la Ciudad"),
    ),
    "it": Page(
        "Il Giornale della Città",
        ("Home", "Cronaca", "Politica", "Sport", "Cultura", "Cerca", "Accedi"),
        "Il consiglio comunale approva la nuova linea del tram fino al porto",
        (
            "Il consiglio comunale ha approvato martedì sera la costruzione di una nuova linea del tram tra la "
            "stazione centrale e il porto. I residenti la chiedevano da anni, e la sindaca ha definito la decisione "
            "attesa da troppo tempo.",
            "I lavori dovrebbero iniziare in primavera. Secondo l'assessorato ai trasporti, i primi tram dovrebbero "
            "circolare prima della fine del prossimo anno, e gli orari saranno pubblicati nelle prossime settimane.",
            "L'opposizione ha sostenuto che i costi sono stati sottostimati, ma ha votato il progetto dopo che la "
            "giunta ha promesso di rivedere il bilancio ogni sei mesi e di pubblicare i dati online.",
        ),
        ("Condividi", "Facebook", "Privacy", "Note legali", "© 2022 Il Giornale della Città"),
    ),
    "pt": Page(
        "Jornal da Cidade",
        ("Início", "Notícias", "Política", "Desporto", "Cultura", "Pesquisar", "Entrar"),
        "Câmara aprova nova linha de elétrico até ao porto",
        (
            "A câmara municipal aprovou na terça-feira à noite a construção de uma nova linha de elétrico entre a "
            "estação central e o porto. Os moradores pediam a ligação há anos, e a presidente da câmara disse que a "
            "decisão chegava tarde.",
            "As obras devem começar na primavera. Segundo os serviços de transportes, os primeiros elétricos deverão "
            "circular antes do fim do próximo ano, e os horários serão publicados nas próximas semanas.",
            "A oposição considerou que os custos foram subestimados, mas votou a favor depois de a câmara ter "
            "prometido rever o orçamento de seis em seis meses e publicar os números na internet.",
        ),
        ("Partilhar", "Facebook", "Termos de utilização", "Privacidade", "© 2022 Jornal da Cidade"),
    ),
    "pl": Page(
        "Gazeta Miejska",
        ("Strona główna", "Wiadomości", "Polityka", "Sport", "Kultura", "Szukaj", "Zaloguj się"),
        "Rada miasta zatwierdziła nową linię tramwajową do portu",
        (
            "Rada miasta zdecydowała we wtorek wieczorem o budowie nowej linii tramwajowej między dworcem głównym a "
            "portem. Mieszkańcy domagali się tego połączenia od lat, a prezydent miasta nazwała decyzję dawno "
            "spóźnioną.",
            "Prace mają się rozpocząć wiosną. Według zarządu transportu pierwsze tramwaje powinny pojechać przed "
            "końcem przyszłego roku, a rozkład jazdy zostanie opublikowany w najbliższych tygodniach.",
            "Opozycja uznała, że koszty zostały zaniżone, ale poparła plan, gdy rada obiecała sprawdzać budżet co "
            "sześć miesięcy i publikować dane w internecie.",
        ),
        ("Udostępnij", "Facebook", "Polityka prywatności", "Regulamin", "© 2022 Gazeta Miejska"),
    ),
    "nl": Page(
        "Stadsblad",
        ("Home", "Nieuws", "Politiek", "Sport", "Cultuur", "Zoeken", "Inloggen"),
        "Gemeenteraad keurt nieuwe tramlijn naar de haven goed",
        (
            "De gemeenteraad heeft dinsdagavond besloten een nieuwe tramlijn aan te leggen tussen het centraal station "
            "en de haven. Bewoners vroegen al jaren om die verbinding, en de burgemeester noemde het besluit lang "
            "verwacht.",
            "De werkzaamheden beginnen in het voorjaar. Volgens de vervoersdienst rijden de eerste trams nog voor het "
            "einde van volgend jaar, en de dienstregeling wordt in de komende weken bekendgemaakt.",
            "De oppositie vond dat de kosten te laag waren ingeschat, maar stemde toch in nadat het college had "
            "beloofd de begroting elk half jaar te herzien en de cijfers online te publiceren.",
        ),
        ("Delen", "Facebook", "Privacyverklaring", "Colofon", "© 2022 Stadsblad"),
    ),
    "ru": Page(
        "Городские новости",
        ("Главная", "Новости", "Политика", "Спорт", "Культура", "Поиск", "Войти"),
        "Городской совет утвердил новую трамвайную линию до порта",
        (
            "Городской совет во вторник вечером решил построить новую трамвайную линию между центральным вокзалом и "
            "портом. Жители добивались этого уже много лет, а мэр назвала решение давно назревшим.",
            "Работы должны начаться весной. По данным транспортного управления, первые трамваи пойдут до конца "
            "следующего года, а расписание опубликуют в ближайшие недели.",
            "Оппозиция заявила, что расходы занижены, но поддержала план после того, как совет пообещал проверять "
            "бюджет каждые полгода и публиковать цифры в интернете.",
        ),
        ("Поделиться", "ВКонтакте", "Политика конфиденциальности", "© 2022 Городские новости"),
    ),
    "uk": Page(
        "Міські новини",
        ("Головна", "Новини", "Політика", "Спорт", "Культура", "Пошук", "Увійти"),
        "Міська рада затвердила нову трамвайну лінію до порту",
        (
            "Міська рада у вівторок увечері вирішила збудувати нову трамвайну лінію між центральним вокзалом і портом. "
            "Мешканці домагалися цього багато років, а міська голова назвала рішення давно назрілим.",
            "Роботи мають розпочатися навесні. За даними транспортного управління, перші трамваї поїдуть до кінця "
            "наступного року, а розклад оприлюднять найближчими тижнями.",
            "Опозиція заявила, що витрати занижені, але підтримала план після того, як рада пообіцяла перевіряти "
            "бюджет кожні пів року та оприлюднювати цифри в інтернеті.",
        ),
        ("Поділитися", "Facebook", "Політика конфіденційності", "© 2022 Міські новини"),
    ),
}

#: A caption with a credit written with a marker this change added, one a language.
MARKER_CAPTIONS = {
    "en": "The new tram at the central station on Tuesday. Pic: Tom Walker",
    "de": "Die neue Straßenbahn am Hauptbahnhof. Bildquelle: Stadtwerke Musterstadt",
    "fr": "La nouvelle rame devant la gare centrale. Crédits photo : Ville de Lyon",
    "es": "El nuevo tranvía frente a la estación central. Fotografía: Ayuntamiento de Sevilla",
    "it": "Il nuovo tram davanti alla stazione centrale. Foto di Marco Rossi",
    "pt": "O novo elétrico em frente à estação central. Fotografia: Câmara Municipal do Porto",
    "pl": "Nowy tramwaj przed dworcem głównym. Autor zdjęcia: Jan Kowalski",
    "nl": "De nieuwe tram bij het centraal station. Beeld: Gemeente Utrecht",
    "ru": "Новый трамвай у центрального вокзала. Фото предоставлено пресс-службой мэрии",
    "uk": "Новий трамвай біля центрального вокзалу. Джерело фото: пресслужба міської ради",
}

#: A caption whose credit names an agency, with no marker, one a language.
AGENCY_CAPTIONS = {
    "en": "The new tram at the central station on Tuesday. Jane Doe/Reuters",
    "de": "Die neue Straßenbahn am Hauptbahnhof. (dpa)",
    "fr": "La nouvelle rame devant la gare centrale (Jean Dupont/AFP via Getty Images)",
    "es": "El nuevo tranvía frente a la estación central. (Europa Press)",
    "it": "Il nuovo tram davanti alla stazione centrale. ANSA/Marco Rossi",
    "pt": "O novo elétrico em frente à estação central. (João Silva/Lusa)",
    "pl": "Nowy tramwaj przed dworcem głównym. (Jan Kowalski/PAP)",
    "nl": "De nieuwe tram bij het centraal station. (ANP / Hollandse Hoogte)",
    "ru": "Новый трамвай у центрального вокзала. Сергей Иванов/ТАСС",
    "uk": "Новий трамвай біля центрального вокзалу. (УНІАН)",
}


def _caption_removed(doc: dict[str, Any], caption: str) -> None:
    """Check that ``caption`` is removed as a photo caption and is not in the body."""
    assert caption not in doc["body"]
    found = [r for r in doc["removed"] if r["text"] == caption]
    assert len(found) == 1, doc["removed"]
    assert found[0]["kind"] == "other"
    assert "photo caption" in found[0]["reason"]


def test_every_language_has_credit_markers() -> None:
    """Each of the ten languages ships its own credit markers, and an agency credit among them."""
    assert set(LANGUAGES) == set(resources.languages())
    for lang in LANGUAGES:
        markers = resources.lines("credit_markers.txt", lang)
        assert len(markers) >= 7, lang
        assert any(m.endswith("/") for m in markers), lang


def test_no_credit_word_is_a_stopword() -> None:
    """No first word of a marker or an agency is a stopword: the classifier's set check keeps passing over most
    blocks at once."""
    words = credits.credit_words()
    assert {"reuters", "dpa", "getty", "istock", "foto", "фото", "fot"} <= words
    for lang in LANGUAGES:
        assert not words & resources.stopwords(lang), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_caption_with_a_marker_credit_is_removed_from_a_dump(lang: str, invoke: Invoke, tmp_path: Path) -> None:
    """A caption line with its credit between two paragraphs is removed; the paragraphs around it stay."""
    page = PAGES[lang]
    doc = clean_file(invoke, tmp_path / "page.txt", page.dump(MARKER_CAPTIONS[lang]))
    assert doc["body"].split("\n\n") == list(page.paragraphs)
    assert doc["language"] == lang
    _caption_removed(doc, MARKER_CAPTIONS[lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_caption_with_an_agency_credit_is_removed_from_a_dump(lang: str, invoke: Invoke, tmp_path: Path) -> None:
    """A caption that ends with an agency's name (bracketed, or next to a slash after the caption) is removed."""
    page = PAGES[lang]
    doc = clean_file(invoke, tmp_path / "page.txt", page.dump(AGENCY_CAPTIONS[lang]))
    assert doc["body"].split("\n\n") == list(page.paragraphs)
    _caption_removed(doc, AGENCY_CAPTIONS[lang])


#: Paragraphs that name an agency, a dateline or the word "Foto" in news prose: each stays in the body.
PROSE_WITH_AGENCIES = {
    "en": (
        "Reuters reported on Monday that the contract had been signed, citing two people familiar with the talks.",
        "WASHINGTON (AP) — The transport secretary said the federal grant would cover a third of the cost.",
        "The figures were first published by the Associated Press (AP)",
        "The plan was approved by the Environmental Protection Agency (EPA)",
        "A photographer for AFP said the crowd had gathered early. Nobody was hurt. (AFP)",
    ),
    "de": (
        "Berlin (dpa) - Der Bund will ein Drittel der Kosten übernehmen, wie ein Sprecher am Montag mitteilte.",
        "Ein Foto der Bürgermeisterin in der ersten Bahn ging am Wochenende in den sozialen Netzwerken viral.",
        "Das sagte ein Sprecher der Verkehrsbetriebe der Deutschen Presse-Agentur (dpa)",
    ),
    "fr": ("PARIS (AFP) - L'État financera un tiers du projet, a annoncé lundi le ministère des Transports.",),
    "es": ("Según informó la agencia EFE, el Gobierno financiará un tercio de la obra con fondos europeos.",),
    "it": ("ROMA (ANSA) - Il governo finanzierà un terzo dell'opera, ha annunciato lunedì il ministero.",),
    "pl": ("Jak podała PAP, rząd sfinansuje jedną trzecią kosztów budowy z funduszy unijnych.",),
    "ru": ("Как сообщает ТАСС, правительство оплатит треть стоимости строительства линии.",),
}


@pytest.mark.parametrize("lang", sorted(PROSE_WITH_AGENCIES))
def test_prose_naming_an_agency_stays(lang: str, invoke: Invoke, tmp_path: Path) -> None:
    """A sentence citing Reuters, AP or dpa, a dateline opening a paragraph, "Foto" as a word, an acronym spelled
    out before it and a bare agency after two sentences are article text, not captions."""
    page = PAGES[lang]
    extra = PROSE_WITH_AGENCIES[lang]
    doc = clean_file(invoke, tmp_path / "page.txt", page.dump(MARKER_CAPTIONS[lang], extra))
    p = page.paragraphs
    assert doc["body"].split("\n\n") == [p[0], p[1], *extra, *p[2:]]
    _caption_removed(doc, MARKER_CAPTIONS[lang])


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Die neue Bahn. Bildquelle: Stadtwerke", "Die neue Bahn.", "Stadtwerke"),
        ("Die neue Bahn. Bildnachweis: picture alliance / dpa", "Die neue Bahn.", "picture alliance / dpa"),
        ("La nouvelle rame. Crédits photo : Ville de Lyon", "La nouvelle rame.", "Ville de Lyon"),
        ("El nuevo tranvía. Fotografía: Ayuntamiento", "El nuevo tranvía.", "Ayuntamiento"),
        ("Il nuovo tram. Credito foto: Comune di Milano", "Il nuovo tram.", "Comune di Milano"),
        ("Il nuovo tram (Foto di Marco Rossi)", "Il nuovo tram", "Marco Rossi"),
        ("O novo elétrico. Crédito da foto: Câmara do Porto", "O novo elétrico.", "Câmara do Porto"),
        ("O novo elétrico. Imagem: Lusa", "O novo elétrico.", "Lusa"),
        ("Nowy tramwaj. Fot: Jan Kowalski", "Nowy tramwaj.", "Jan Kowalski"),
        ("De nieuwe tram. Foto's: Gemeente Utrecht", "De nieuwe tram.", "Gemeente Utrecht"),
        ("Новый трамвай. Источник фото: мэрия", "Новый трамвай.", "мэрия"),
        ("Новий трамвай. Світлина: Укрінформ", "Новий трамвай.", "Укрінформ"),
        ("The new tram. Photographer: Jane Doe/Bloomberg", "The new tram.", "Jane Doe/Bloomberg"),
        ("Fans cheer. (Jane Doe/AFP via Getty Images)", "Fans cheer.", "Jane Doe/AFP via Getty Images"),
        ("A street in Lisbon (mlharing / iStock.com)", "A street in Lisbon", "mlharing / iStock.com"),
        ("Der Bundestag in Berlin. (dpa)", "Der Bundestag in Berlin.", "dpa"),
        ("Новый трамвай [РИА Новости]", "Новый трамвай", "РИА Новости"),
        ("Foto: Jane Doe (dpa)", None, "Jane Doe (dpa)"),
    ],
)
def test_split_credit_reads_new_markers_and_agencies(line: str, caption: str | None, credit: str) -> None:
    """The header's split reads the added markers and a trailing bracket naming an agency."""
    assert credits.split_credit(line) == (caption, credit)


@pytest.mark.parametrize(
    "line",
    [
        "Die Polizei sucht Zeugen. Hinweise nimmt jede Dienststelle entgegen. (dpa)",
        "Statement from the Environmental Protection Agency (EPA)",
        "Ein Sprecher sagte der Deutschen Presse-Agentur (dpa)",
        "BERLIN (Reuters) - The government said on Monday it would extend the scheme",
        "Reuters reported on Monday that the deal was signed.",
        "Ein Foto der Bürgermeisterin ging viral.",
        "The talks were reported by AP.",
        "(dpa)",
    ],
)
def test_split_credit_leaves_prose_alone(line: str) -> None:
    """An agency named in prose, a dateline, a spelled-out acronym or an agency after two sentences is no credit."""
    assert credits.split_credit(line)[1] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rescue workers in Kharkiv. Jane Doe/Reuters", True),
        ("Traders on the floor of the exchange. REUTERS/Brendan McDermid/File Photo", True),
        ("Der Bundestag. picture alliance / dpa", True),
        ("Fans cheer during the second period Jeffrey T. Barnes/AP", True),
        ("Новый трамвай. Фото Сергея Бобылева/ТАСС", True),
        ("Polls by Reuters/Ipsos show a narrow lead", False),
        ("A poll by Reuters/Ipsos found most voters undecided.", False),
        ("The survey was run by the AP/NORC Center for Public Affairs Research", False),
        ("See https://example.com/reuters", False),
        ("Jane Doe/Reuters", True),
        ("and/or Reuters", False),
    ],
)
def test_agency_tail(text: str, expected: bool) -> None:
    """A slash credit naming an agency after the last sentence is read; prose that names one is not."""
    assert credits.agency_tail(text) is expected


def test_the_classifier_check_passes_over_blocks_without_credit_words() -> None:
    """A block holding no marker's or agency's first word is passed over by one set check."""
    words = credits.credit_words()
    assert words.isdisjoint(folded_words(PAGES["en"].paragraphs[0]))
    assert not words.isdisjoint(folded_words(AGENCY_CAPTIONS["en"]))


def test_a_header_caption_with_an_agency_bracket() -> None:
    """A seed-shaped header whose caption ends with a bracketed agency credit gives caption and credit."""
    text = " date 2022-11-29 Der Bundestag in Berlin. (Jane Doe/dpa)\n\n" + PAGES["de"].paragraphs[0] + "\n"
    doc = clean(text)
    assert (doc.date, doc.caption, doc.credit) == ("2022-11-29", "Der Bundestag in Berlin.", "Jane Doe/dpa")
