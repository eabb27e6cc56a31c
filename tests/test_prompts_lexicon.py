"""Page furniture of the boilerplate and notice lexicons, in all ten languages: related-article labels, share and
discuss prompts, follow and app prompts, gallery controls, comment-system lines, embed placeholders and "discover
more" promos. A full-page dump of a local news story (page title, menu, headline, byline, the article, a share bar
and a footer), with one furniture line put inside the article or after it, is cleaned by the real command on a real
file: the line goes to ``removed`` with its kind and the article stays whole. News sentences that use the same
weak words stay in the body, in their place."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Invoke, clean_file

from cleaner.classify.features import lexicon_hit

#: lang -> (the lines above the article, the article's paragraphs, the lines below it)
PAGES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "en": (
        [
            "New library opens in the old market hall | Riverside Gazette",
            "Home",
            "News",
            "Politics",
            "Sport",
            "Search",
            "Local News",
            "New library opens in the old market hall",
            "By Jane Example",
        ],
        [
            "The city's new central library opened its doors on Saturday in the old market hall, after three years "
            "of building work that cost more than the council had first planned.",
            "Hundreds of residents queued in the rain before the opening, and the first visitors were shown around "
            "the reading rooms by the librarians who will run the building from now on.",
            "The mayor said the library would stay open until ten in the evening on weekdays, so that students and "
            "people who work late could use it as well as families with young children.",
            "Critics on the council said the project had been badly managed, but they welcomed the result and asked "
            "for the final accounts to be published before the end of the year.",
        ],
        ["Share this article", "Facebook", "Twitter", "Privacy Policy", "Terms of Use", "© 2024 Riverside Gazette"],
    ),
    "de": (
        [
            "Neue Stadtbibliothek in der alten Markthalle eröffnet | Stadtanzeiger",
            "Startseite",
            "Lokales",
            "Politik",
            "Sport",
            "Suche",
            "Lokales",
            "Neue Stadtbibliothek in der alten Markthalle eröffnet",
            "Von Anna Beispiel",
        ],
        [
            "Die neue Stadtbibliothek hat am Samstag in der alten Markthalle ihre Türen geöffnet, nach drei Jahren "
            "Bauzeit und mit Kosten, die deutlich über der ersten Planung der Stadt lagen.",
            "Hunderte Bürgerinnen und Bürger warteten trotz des Regens vor dem Eingang, und die ersten Besucher wurden "
            "von den Bibliothekarinnen durch die neuen Lesesäle geführt.",
            "Der Oberbürgermeister sagte, die Bibliothek werde werktags bis zehn Uhr abends geöffnet sein, damit auch "
            "Studierende und Berufstätige sie nutzen können.",
            "Die Opposition im Stadtrat kritisierte die Planung des Projekts, lobte aber das Ergebnis und forderte, "
            "die Schlussabrechnung noch vor Jahresende vorzulegen.",
        ],
        ["Artikel teilen", "Facebook", "WhatsApp", "Impressum", "Datenschutz", "© 2024 Stadtanzeiger"],
    ),
    "fr": (
        [
            "Une nouvelle médiathèque ouvre dans l'ancienne halle | Le Journal de la Ville",
            "Accueil",
            "Actualités",
            "Politique",
            "Sport",
            "Rechercher",
            "Actualité locale",
            "Une nouvelle médiathèque ouvre dans l'ancienne halle",
            "Par Marie Exemple",
        ],
        [
            "La nouvelle médiathèque de la ville a ouvert ses portes samedi dans l'ancienne halle du marché, après "
            "trois ans de travaux qui ont coûté plus cher que prévu par la municipalité.",
            "Des centaines d'habitants ont fait la queue sous la pluie avant l'ouverture, et les premiers visiteurs "
            "ont découvert les salles de lecture guidés par les bibliothécaires.",
            "Le maire a indiqué que la médiathèque resterait ouverte jusqu'à vingt-deux heures en semaine, afin que "
            "les étudiants et les salariés puissent aussi en profiter.",
            "L'opposition municipale a critiqué la gestion du chantier, mais elle a salué le résultat et demandé que "
            "les comptes définitifs soient publiés avant la fin de l'année.",
        ],
        ["Partager cet article", "Facebook", "Twitter", "Mentions légales", "© 2024 Le Journal de la Ville"],
    ),
    "es": (
        [
            "La nueva biblioteca abre en el antiguo mercado | Diario de la Ciudad",
            "Inicio",
            "Noticias",
            "Política",
            "Deportes",
            "Buscar",
            "Local",
            "La nueva biblioteca abre en el antiguo mercado",
            "Por Ana Ejemplo",
        ],
        [
            "La nueva biblioteca central de la ciudad abrió sus puertas el sábado en el antiguo mercado, después de "
            "tres años de obras que costaron más de lo que el ayuntamiento había previsto.",
            "Cientos de vecinos hicieron cola bajo la lluvia antes de la apertura, y los primeros visitantes "
            "recorrieron las salas de lectura acompañados por los bibliotecarios.",
            "El alcalde dijo que la biblioteca abrirá hasta las diez de la noche entre semana, para que los "
            "estudiantes y quienes trabajan hasta tarde también puedan usarla.",
            "La oposición criticó la gestión de las obras, pero celebró el resultado y pidió que las cuentas "
            "finales se publiquen antes de que termine el año.",
        ],
        ["Compartir", "Facebook", "Twitter", "Aviso legal", "Política de privacidad", "© 2024 Diario de la Ciudad"],
    ),
    "it": (
        [
            "La nuova biblioteca apre nel vecchio mercato coperto | Il Giornale della Città",
            "Home",
            "Notizie",
            "Politica",
            "Sport",
            "Cerca",
            "Cronaca",
            "La nuova biblioteca apre nel vecchio mercato coperto",
            "Di Giulia Esempio",
        ],
        [
            "La nuova biblioteca civica ha aperto le sue porte sabato nel vecchio mercato coperto, dopo tre anni di "
            "lavori che sono costati più di quanto il comune avesse previsto.",
            "Centinaia di cittadini hanno fatto la fila sotto la pioggia prima dell'apertura, e i primi visitatori "
            "sono stati accompagnati nelle sale di lettura dai bibliotecari.",
            "Il sindaco ha detto che la biblioteca resterà aperta fino alle dieci di sera nei giorni feriali, perché "
            "anche gli studenti e chi lavora fino a tardi possano usarla.",
            "L'opposizione ha criticato la gestione del cantiere, ma ha apprezzato il risultato e ha chiesto che il "
            "bilancio finale sia pubblicato entro la fine dell'anno.",
        ],
        ["Condividi", "Facebook", "Twitter", "Privacy policy", "© 2024 Il Giornale della Città"],
    ),
    "pt": (
        [
            "Nova biblioteca abre no antigo mercado municipal | Jornal da Cidade",
            "Início",
            "Notícias",
            "Política",
            "Esportes",
            "Buscar",
            "Cidade",
            "Nova biblioteca abre no antigo mercado municipal",
            "Por Maria Exemplo",
        ],
        [
            "A nova biblioteca central da cidade abriu as portas no sábado no antigo mercado municipal, depois de "
            "três anos de obras que custaram mais do que a prefeitura tinha previsto.",
            "Centenas de moradores fizeram fila debaixo de chuva antes da abertura, e os primeiros visitantes "
            "conheceram as salas de leitura acompanhados pelos bibliotecários.",
            "O prefeito disse que a biblioteca vai ficar aberta até as dez da noite nos dias úteis, para que os "
            "estudantes e quem trabalha até tarde também possam usá-la.",
            "A oposição criticou a gestão da obra, mas elogiou o resultado e pediu que as contas finais sejam "
            "publicadas antes do fim do ano.",
        ],
        ["Compartilhar", "Facebook", "Twitter", "Política de privacidade", "© 2024 Jornal da Cidade"],
    ),
    "pl": (
        [
            "Nowa biblioteka otwarta w dawnej hali targowej | Gazeta Miejska",
            "Strona główna",
            "Wiadomości",
            "Polityka",
            "Sport",
            "Szukaj",
            "Z miasta",
            "Nowa biblioteka otwarta w dawnej hali targowej",
            "Autor: Anna Przykładowa",
        ],
        [
            "Nowa biblioteka miejska otworzyła swoje drzwi w sobotę w dawnej hali targowej, po trzech latach "
            "budowy, która kosztowała więcej, niż pierwotnie planował urząd miasta.",
            "Setki mieszkańców czekały w deszczu przed otwarciem, a pierwszych gości oprowadzali po czytelniach "
            "bibliotekarze, którzy będą teraz prowadzić budynek.",
            "Prezydent miasta powiedział, że biblioteka będzie otwarta w dni robocze do dziesiątej wieczorem, aby "
            "mogli z niej korzystać także studenci i osoby pracujące do późna.",
            "Opozycja w radzie miasta krytykowała sposób prowadzenia inwestycji, ale pochwaliła efekt i zażądała "
            "opublikowania końcowych rozliczeń przed końcem roku.",
        ],
        ["Udostępnij", "Facebook", "Twitter", "Polityka prywatności", "© 2024 Gazeta Miejska"],
    ),
    "nl": (
        [
            "Nieuwe bibliotheek opent in de oude markthal | Stadskrant",
            "Home",
            "Nieuws",
            "Politiek",
            "Sport",
            "Zoeken",
            "Regio",
            "Nieuwe bibliotheek opent in de oude markthal",
            "Door Anna Voorbeeld",
        ],
        [
            "De nieuwe centrale bibliotheek van de stad is zaterdag opengegaan in de oude markthal, na drie jaar "
            "bouwen die meer hebben gekost dan de gemeente eerst had begroot.",
            "Honderden inwoners stonden in de regen in de rij voor de opening, en de eerste bezoekers werden door "
            "de bibliothecarissen rondgeleid door de nieuwe leeszalen.",
            "De burgemeester zei dat de bibliotheek op werkdagen tot tien uur 's avonds open blijft, zodat ook "
            "studenten en mensen die laat werken er gebruik van kunnen maken.",
            "De oppositie in de gemeenteraad had kritiek op de aanpak van het project, maar prees het resultaat en "
            "vroeg om de eindafrekening voor het einde van het jaar te publiceren.",
        ],
        ["Delen", "Facebook", "Twitter", "Privacybeleid", "© 2024 Stadskrant"],
    ),
    "ru": (
        [
            "В здании старого рынка открылась новая библиотека | Городские новости",
            "Главная",
            "Новости",
            "Политика",
            "Спорт",
            "Поиск",
            "Город",
            "В здании старого рынка открылась новая библиотека",
            "Автор: Анна Примерова",
        ],
        [
            "Новая центральная библиотека города открылась в субботу в здании старого рынка после трёх лет "
            "строительства, которое обошлось дороже, чем планировала мэрия.",
            "Сотни горожан стояли в очереди под дождём перед открытием, а первых посетителей по читальным залам "
            "провели библиотекари, которые теперь будут работать в здании.",
            "Мэр сообщила, что по будням библиотека будет открыта до десяти часов вечера, чтобы ею могли "
            "пользоваться студенты и те, кто работает допоздна.",
            "Депутаты от оппозиции раскритиковали ход строительства, но одобрили результат и потребовали "
            "опубликовать итоговый отчёт о расходах до конца года.",
        ],
        ["Поделиться", "ВКонтакте", "Telegram", "Политика конфиденциальности", "© 2024 Городские новости"],
    ),
    "uk": (
        [
            "У будівлі старого ринку відкрилася нова бібліотека | Міські новини",
            "Головна",
            "Новини",
            "Політика",
            "Спорт",
            "Пошук",
            "Місто",
            "У будівлі старого ринку відкрилася нова бібліотека",
            "Автор: Анна Прикладна",
        ],
        [
            "Нова центральна бібліотека міста відкрилася в суботу в будівлі старого ринку після трьох років "
            "будівництва, яке коштувало більше, ніж планувала міська рада.",
            "Сотні містян стояли в черзі під дощем перед відкриттям, а перших відвідувачів читальними залами "
            "провели бібліотекарі, які тепер працюватимуть у будівлі.",
            "Міський голова повідомив, що в будні бібліотека працюватиме до десятої вечора, щоб нею могли "
            "користуватися студенти і ті, хто працює допізна.",
            "Депутати від опозиції розкритикували хід будівництва, але схвалили результат і вимагали оприлюднити "
            "підсумковий звіт про витрати до кінця року.",
        ],
        ["Поділитися", "Facebook", "Telegram", "Політика конфіденційності", "© 2024 Міські новини"],
    ),
}

#: Where a line goes: between the article's second and third paragraphs, or right after the article.
INSIDE, AFTER = "inside", "after"

#: (lang, category, where, the furniture line, its kind). Categories: 1 related labels, 2 share and discuss
#: prompts, 3 follow and app prompts, 4 gallery controls, 5 comment-system lines, 6 embed placeholders and promos.
PROMPTS = [
    ("en", 1, INSIDE, "More on this topic: Council to review parking charges in the city centre", "related"),
    ("en", 1, INSIDE, "Further reading", "related"),
    ("en", 2, INSIDE, "Share on Bluesky", "share"),
    ("en", 2, INSIDE, "Discuss this article", "comment"),
    ("en", 3, INSIDE, "Join our WhatsApp group for the latest updates from the city.", "share"),
    ("en", 3, INSIDE, "Download our free app and never miss a thing.", "share"),
    ("en", 4, INSIDE, "Image 3 of 12", "navigation"),
    ("en", 4, INSIDE, "Next image", "navigation"),
    ("en", 5, AFTER, "Pingback: Ten things to know about the new library", "comment"),
    ("en", 5, AFTER, "Notify me of follow-up comments by email.", "comment"),
    ("en", 5, INSIDE, "Trackbacks/Pingbacks", "comment"),
    (
        "en",
        6,
        INSIDE,
        "This article includes content provided by Instagram. To view this content, choose accept and continue.",
        "notice",
    ),
    ("en", 6, INSIDE, "View this post on Instagram", "navigation"),
    ("en", 6, INSIDE, "Discover more", "related"),
    ("de", 1, INSIDE, "Siehe auch: Neue Radwege für die Innenstadt geplant", "related"),
    ("de", 1, INSIDE, "Beiträge zum Thema", "related"),
    ("de", 2, INSIDE, "Auf X teilen", "share"),
    ("de", 2, INSIDE, "Artikel kommentieren", "comment"),
    ("de", 3, INSIDE, "Abonnieren Sie unseren Kanal und erhalten Sie die Nachrichten direkt aufs Handy.", "share"),
    ("de", 4, INSIDE, "Bild 3 von 12", "navigation"),
    ("de", 4, INSIDE, "Zur Fotostrecke", "navigation"),
    ("de", 5, AFTER, "Benachrichtige mich über nachfolgende Kommentare via E-Mail.", "comment"),
    ("de", 5, INSIDE, "Antworten abbrechen", "comment"),
    (
        "de",
        6,
        INSIDE,
        "Empfohlener redaktioneller Inhalt: Sie können ihn sich mit einem Klick anzeigen lassen und wieder ausblenden.",
        "notice",
    ),
    ("de", 6, INSIDE, "Mehr entdecken", "related"),
    ("fr", 1, INSIDE, "Sur le même thème : la ville rénove ses écoles et ses gymnases pour la rentrée", "related"),
    ("fr", 1, INSIDE, "Lire aussi : Le budget de la ville adopté après un long débat au conseil municipal", "related"),
    ("fr", 1, INSIDE, "Lire l’article", "related"),
    ("fr", 2, INSIDE, "Offrir cet article", "share"),
    ("fr", 2, INSIDE, "Réagir à cet article", "comment"),
    ("fr", 3, INSIDE, "Rejoignez notre canal Telegram et activez les notifications.", "share"),
    ("fr", 4, INSIDE, "Image suivante", "navigation"),
    ("fr", 4, INSIDE, "Photo 2 sur 8", "navigation"),
    ("fr", 5, AFTER, "Prévenez-moi de tous les nouveaux commentaires par e-mail.", "comment"),
    ("fr", 5, INSIDE, "Annuler la réponse", "comment"),
    (
        "fr",
        6,
        INSIDE,
        "Ce contenu a été bloqué car vous n'avez pas accepté les cookies et autres traceurs.",
        "notice",
    ),
    ("es", 1, INSIDE, "Quizás te interese: El ayuntamiento renueva los parques del centro", "related"),
    ("es", 1, INSIDE, "Contenido relacionado", "related"),
    ("es", 2, INSIDE, "Compartir en Telegram", "share"),
    ("es", 2, INSIDE, "Comenta esta noticia", "comment"),
    ("es", 3, INSIDE, "Recibe las noticias en tu móvil: activa las notificaciones.", "share"),
    ("es", 4, INSIDE, "Foto 4 de 10", "navigation"),
    ("es", 4, INSIDE, "Siguiente imagen", "navigation"),
    (
        "es",
        5,
        AFTER,
        "Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.",
        "comment",
    ),
    ("es", 5, INSIDE, "Ocultar respuestas", "comment"),
    ("es", 6, INSIDE, "Este contenido está bloqueado: debes aceptar las cookies.", "notice"),
    ("es", 6, INSIDE, "Descubre más", "related"),
    ("it", 1, INSIDE, "Potrebbe piacerti anche: il comune rinnova i parchi del centro", "related"),
    ("it", 1, INSIDE, "Articoli consigliati", "related"),
    ("it", 2, INSIDE, "Condividi su Telegram", "share"),
    ("it", 2, INSIDE, "Commenta la notizia", "comment"),
    ("it", 3, INSIDE, "Unisciti al nostro canale su Telegram e attiva le notifiche.", "share"),
    ("it", 4, INSIDE, "Immagine successiva", "navigation"),
    ("it", 4, INSIDE, "Foto 5 di 20", "navigation"),
    ("it", 5, INSIDE, "Nascondi risposte", "comment"),
    ("it", 6, INSIDE, "Questo contenuto è bloccato: devi accettare i cookie.", "notice"),
    ("it", 6, INSIDE, "Scopri di più", "related"),
    ("pt", 1, INSIDE, "Você pode gostar: Prefeitura reforma as praças do centro", "related"),
    ("pt", 1, INSIDE, "Artigos recomendados", "related"),
    ("pt", 2, INSIDE, "Compartilhar no Telegram", "share"),
    ("pt", 2, INSIDE, "Comente esta notícia", "comment"),
    ("pt", 3, INSIDE, "Siga o canal do Jornal da Cidade no WhatsApp e receba as notícias.", "share"),
    ("pt", 4, INSIDE, "Próxima imagem", "navigation"),
    ("pt", 4, INSIDE, "Foto 2 de 9", "navigation"),
    ("pt", 5, AFTER, "Notifique-me sobre novos comentários por e-mail.", "comment"),
    ("pt", 6, INSIDE, "Este conteúdo está bloqueado. Você precisa aceitar os cookies.", "notice"),
    ("pt", 6, INSIDE, "Descubra mais", "related"),
    ("pl", 1, INSIDE, "Polecamy również: Miasto remontuje szkoły przed nowym rokiem", "related"),
    ("pl", 1, INSIDE, "Rekomendowane artykuły", "related"),
    ("pl", 2, INSIDE, "Udostępnij na WhatsAppie", "share"),
    ("pl", 2, INSIDE, "Skomentuj artykuł", "comment"),
    ("pl", 3, INSIDE, "Dołącz do naszego kanału na WhatsAppie i włącz powiadomienia.", "share"),
    ("pl", 4, INSIDE, "Następne zdjęcie", "navigation"),
    ("pl", 4, INSIDE, "Zdjęcie 3 z 15", "navigation"),
    ("pl", 5, AFTER, "Powiadom mnie o kolejnych komentarzach przez e-mail.", "comment"),
    ("pl", 6, INSIDE, "Ta treść jest zablokowana. Aby zobaczyć tę treść, zaakceptuj pliki cookie.", "notice"),
    ("pl", 6, INSIDE, "Odkryj więcej", "related"),
    ("nl", 1, INSIDE, "Gerelateerd nieuws: Gemeente knapt parken in het centrum op", "related"),
    ("nl", 1, INSIDE, "Meest gedeeld", "related"),
    ("nl", 2, INSIDE, "Deel via e-mail", "share"),
    ("nl", 2, INSIDE, "Reageer op dit artikel", "comment"),
    ("nl", 3, INSIDE, "Like ons op Facebook en krijg het nieuws op je telefoon.", "share"),
    ("nl", 4, INSIDE, "Volgende foto", "navigation"),
    ("nl", 4, INSIDE, "Bekijk alle foto’s", "navigation"),
    ("nl", 5, AFTER, "Stuur mij een e-mail als er vervolgreacties zijn.", "comment"),
    ("nl", 6, INSIDE, "Je moet cookies accepteren om deze inhoud te zien.", "notice"),
    ("nl", 6, INSIDE, "Ontdek meer", "related"),
    ("ru", 1, INSIDE, "Сейчас читают: В городе отремонтируют все школы к сентябрю", "related"),
    ("ru", 1, INSIDE, "Выбор редакции", "related"),
    ("ru", 2, INSIDE, "Поделиться ВКонтакте", "share"),
    ("ru", 2, INSIDE, "Обсудить", "comment"),
    ("ru", 3, INSIDE, "Мы в Telegram: присоединяйтесь к нашему каналу.", "share"),
    ("ru", 4, INSIDE, "Следующее фото", "navigation"),
    ("ru", 4, INSIDE, "Фото 3 из 12", "navigation"),
    ("ru", 5, AFTER, "5 комментариев", "comment"),
    ("ru", 5, AFTER, "Уведомить меня о новых комментариях по email.", "comment"),
    ("ru", 6, INSIDE, "Ваш браузер не поддерживает видео. Включите JavaScript.", "notice"),
    ("ru", 6, INSIDE, "Узнайте больше", "related"),
    ("uk", 1, INSIDE, "Зараз читають: У місті відремонтують усі школи до вересня", "related"),
    ("uk", 1, INSIDE, "Пов’язані матеріали", "related"),
    ("uk", 2, INSIDE, "Поділитися у Viber", "share"),
    ("uk", 2, INSIDE, "Обговорити", "comment"),
    ("uk", 3, INSIDE, "Ми в Telegram: приєднуйтесь до нашого каналу.", "share"),
    ("uk", 4, INSIDE, "Наступне фото", "navigation"),
    ("uk", 4, INSIDE, "Фото 3 з 12", "navigation"),
    ("uk", 5, AFTER, "12 коментарів", "comment"),
    ("uk", 5, INSIDE, "Приховати відповіді", "comment"),
    ("uk", 6, INSIDE, "Ваш браузер не підтримує відео. Увімкніть JavaScript.", "notice"),
    ("uk", 6, INSIDE, "Дізнайтеся більше", "related"),
]

#: (lang, where, a news sentence that opens with, or holds, a weak word of the lexicons): it stays in the body.
#: Those put AFTER (the article's last paragraph) open with a phrase deliberately left out of the lexicons
#: ("Weitere Themen", "Per approfondire"): listed, it would trim them from the edge of the article.
NEWS = [
    ("en", INSIDE, "Comments from residents at the public meeting were mostly positive, the council said on Monday."),
    ("en", INSIDE, "Gallery owners in the old town said the library would bring more visitors to the area."),
    (
        "en",
        AFTER,
        "Full screen time bans rarely work for teenagers, the researchers found in their study of 300 families.",
    ),
    ("en", INSIDE, "Replies to the consultation must reach the town hall by the end of March, officials said."),
    ("en", INSIDE, "Readers can download the app to reserve books, and the library will also take bookings by phone."),
    (
        "de",
        AFTER,
        "Weitere Themen der Sitzung waren die Sanierung der Schulen und der Ausbau der Radwege in der Altstadt.",
    ),
    ("de", AFTER, "Zur Diskussion steht auch ein Café im Erdgeschoss, das ein Verein betreiben möchte."),
    ("de", INSIDE, "Die Galerie im ersten Stock zeigt zur Eröffnung Fotografien aus der Geschichte der Markthalle."),
    ("fr", AFTER, "À découvrir jusqu'au 12 mai, une exposition retrace l'histoire de la halle et de ses commerçants."),
    ("fr", INSIDE, "Les commentaires des habitants ont été nombreux lors de la réunion publique de mardi soir."),
    (
        "es",
        AFTER,
        "Otros temas tratados en el pleno fueron la limpieza de las calles y el alumbrado público del barrio.",
    ),
    (
        "it",
        AFTER,
        "Per approfondire la questione, il consiglio comunale ha nominato una commissione di cinque esperti.",
    ),
    ("pt", AFTER, "Quer mais recursos para a cultura, disse o prefeito aos vereadores na terça-feira à noite."),
    ("pl", INSIDE, "Komentarze mieszkańców były w większości przychylne, poinformował we wtorek urząd miasta."),
    ("nl", AFTER, "Alle reacties op het plan waren positief, liet de gemeente woensdag weten in een verklaring."),
    ("ru", AFTER, "Лента новостей мэрии в Telegram в тот вечер была заполнена фотографиями с открытия."),
    ("uk", INSIDE, "Галерея на другому поверсі покаже світлини з історії ринку, повідомили в міській раді."),
]


def _at(where: str) -> int:
    """Return how many of the article's paragraphs come before a line put ``where``."""
    return 2 if where == INSIDE else len(PAGES["en"][1])


def _page(lang: str, line: str, where: str) -> tuple[str, list[str]]:
    """Return the page of ``lang`` with ``line`` inside the article (INSIDE) or right after it (AFTER), and the
    article's paragraphs."""
    top, article, bottom = PAGES[lang]
    middle = [*article[: _at(where)], line, *article[_at(where) :]]
    return "\n\n".join(["\n".join(top), *middle, "\n".join(bottom)]) + "\n", article


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_page_alone_gives_its_article(invoke: Invoke, tmp_path: Path, lang: str) -> None:
    """Without a furniture line, the page's body is exactly its article, in its language."""
    top, article, bottom = PAGES[lang]
    doc = clean_file(invoke, tmp_path / "page.txt", "\n\n".join(["\n".join(top), *article, "\n".join(bottom)]) + "\n")
    assert doc["language"] == lang
    assert doc["body"].split("\n\n") == article


@pytest.mark.parametrize(
    ("lang", "category", "where", "line", "kind"), PROMPTS, ids=[f"{c[0]}-{c[1]}-{c[3][:24]}" for c in PROMPTS]
)
def test_furniture_line_is_removed_with_its_kind(
    invoke: Invoke, tmp_path: Path, lang: str, category: int, where: str, line: str, kind: str
) -> None:
    """The line is removed with its kind; the article's paragraphs all stay in the body, in order."""
    page, article = _page(lang, line, where)
    doc = clean_file(invoke, tmp_path / "page.txt", page)
    assert doc["body"].split("\n\n") == article
    assert [r["kind"] for r in doc["removed"] if r["text"] == line] == [kind]


def test_every_language_has_every_category() -> None:
    """The table above samples each of the six categories in each of the ten languages."""
    assert {(c[0], c[1]) for c in PROMPTS} == {(lang, n) for lang in PAGES for n in range(1, 7)}


@pytest.mark.parametrize(("lang", "where", "sentence"), NEWS, ids=[f"{c[0]}-{i}" for i, c in enumerate(NEWS)])
def test_news_sentence_with_a_weak_word_stays(
    invoke: Invoke, tmp_path: Path, lang: str, where: str, sentence: str
) -> None:
    """A news sentence opening with, or holding, a weak word of the lexicons stays in the body, in its place (as
    the article's last paragraph, where a short block opening with a phrase of the lexicons would be trimmed)."""
    page, article = _page(lang, sentence, where)
    doc = clean_file(invoke, tmp_path / "page.txt", page)
    assert doc["body"].split("\n\n") == [*article[: _at(where)], sentence, *article[_at(where) :]]


@pytest.mark.parametrize(
    ("text", "lang", "hit"),
    [
        ("Image 3 of 12", "en", ("navigation", True)),
        ("Bild 12 von 40", "de", ("navigation", True)),
        ("Image 3 of the new library", "en", (None, False)),
        ("Lire l’article", "fr", ("related", True)),
        (
            "Lire aussi : Le budget de la ville adopté après un long débat au conseil municipal",
            "fr",
            ("related", False),
        ),
        ("Lire aussi : le budget est adopté.", "fr", (None, False)),
    ],
)
def test_numbers_apostrophes_and_french_colons(text: str, lang: str, hit: tuple[str | None, bool]) -> None:
    """A number stands for the lexicon's ``#``, a typographic apostrophe for a plain one, and a related label
    before a spaced French colon is read as before a plain one (a sentence after it is not)."""
    assert lexicon_hit(text, lang) == hit
