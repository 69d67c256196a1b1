"""Sentence fragments, names and citation forms used by generate.py."""

from __future__ import annotations


def _s(text: str) -> list[str]:
    """Split "a|b|c" fragments; line breaks inside a fragment read as spaces."""
    return [p.strip() for p in text.replace("\n", " ").split("|") if p.strip()]


EN_SUBJ = _s("""
The competent authorities|National health ministries|The participating states|Designated
national contact points|National telemedicine centres|Regional e-health operators|Expert groups
of the parties|The coordinating council|Operators of national health information systems|The
working group on e-health integration
""")
EN_VERB = _s("""
will develop|shall agree on|will prepare|are expected to harmonise|will pilot|shall review|will
define|will coordinate|will publish|shall approve|will assess|will align|will update|will
introduce|shall maintain
""")
EN_OBJ = _s("""
common requirements for the protection of personal data|a business process for cross-border
telemedicine consultations|a list of diseases eligible for remote consultations|interoperability
profiles based on HL7 FHIR|rules for the exchange of medical images in DICOM|mappings of
national classifiers to ICD-11|information security requirements for telemedicine nodes|training
programmes for medical and technical personnel|a reference architecture for compatible national
telemedicine systems|agreed formats of medical documents|a register of normative-reference
information|procedures for informed consent of patients|rules for the storage and transfer of
electronic health records|incident response procedures for health data breaches|a catalogue of
remote monitoring services|authentication schemes for health professionals|a methodology for
evaluating teleconsultation quality|terminology services for clinical data
exchange|service-level agreements between national telemedicine operators|a secure messaging
channel between consulting centres
""")
EN_PURP = _s("""
in order to ensure secure cross-border telemedicine|taking into account the national legislation
of each state|so that patients receive timely second opinions|in line with WHO recommendations
on digital health|to reduce duplication of investments|with due regard to the protection of
personal data|before the system is put into permanent operation|on the basis of mutually
acceptable standards of care|to strengthen information security of the shared infrastructure|so
that clinical data remain comparable across borders
""")
EN_OPEN = _s("""
Within the reporting period|As a first step|Building on the results of the pilot|Following
consultations with the working group|Where national legislation permits|During the preparatory
phase|In cooperation with WHO/Europe|Subject to available funding|At the request of the
parties|After the legal review
""")
EN_EXTRA = _s("""
Particular attention is paid to information security of the connected nodes.|Data exchange
relies on HL7 FHIR resources and on DICOM for imaging.|Diagnoses are coded according to ICD-11
where national systems allow it.|Processing of personal data follows the law of the state where
the patient resides.|Results are reported to the working group every year.|The measure supports
the further development of cross-border telemedicine in the region.|Cross-border transfer of
personal data requires the explicit consent of the patient.|Existing national solutions are
reused wherever possible.|Technical specifications are aligned with ITU-T H.810
guidelines.|Costs are borne by each party within its national budget.|A joint expert review
precedes the approval of the documents.|The outcome feeds into the national digital health
strategies.
""")
RU_SUBJ = _s("""
Уполномоченные органы государств-участников|Министерства здравоохранения|Национальные
телемедицинские центры|Экспертные группы сторон|Компетентные органы сторон|Операторы
национальных систем электронного здравоохранения|Национальные координаторы|Участвующие
государства|Профильные медицинские организации
""")
RU_VERB = _s("""
разработают|согласуют|подготовят|утвердят|апробируют|гармонизируют|определят|внедрят|актуализируют|обеспечат|опубликуют|рассмотрят
""")
RU_OBJ = _s("""
единые требования к защите персональных данных|бизнес-процесс трансграничных телемедицинских
консультаций|перечень заболеваний для трансграничных консультаций|профили взаимодействия на
основе HL7 FHIR|правила обмена медицинскими изображениями в формате DICOM|сопоставление
национальных классификаторов с МКБ-11|требования информационной безопасности к узлам
телемедицинской сети|программы обучения медицинского и технического персонала|эталонную
архитектуру совместимых национальных телемедицинских систем|согласованные формы медицинских
документов|реестр нормативно-справочной информации|порядок получения информированного согласия
пациентов|правила хранения и передачи электронных медицинских записей|регламент реагирования на
инциденты информационной безопасности|каталог услуг дистанционного мониторинга|методику оценки
качества телеконсультаций|защищенный канал обмена сообщениями между консультативными центрами
""")
RU_PURP = _s("""
в целях развития трансграничной телемедицины|с учетом национального законодательства каждого
государства|для своевременного получения второго мнения|в соответствии с рекомендациями ВОЗ по
цифровому здравоохранению|с соблюдением требований о защите персональных данных|до ввода системы
в постоянную эксплуатацию|на основе взаимоприемлемых стандартов медицинской помощи|для повышения
уровня информационной безопасности общей инфраструктуры|в целях сопоставимости клинических
данных
""")
RU_OPEN = _s("""
На первом этапе|По итогам пилотного проекта|После консультаций в рабочей группе|В течение
отчетного периода|При наличии правовых оснований|Во взаимодействии с Европейским региональным
бюро ВОЗ|В пределах выделенного финансирования|По запросу сторон|После правовой экспертизы
""")
RU_EXTRA = _s("""
Особое внимание уделяется информационной безопасности подключаемых узлов.|Обмен данными
осуществляется с использованием ресурсов HL7 FHIR, для изображений применяется DICOM.|Диагнозы
кодируются по МКБ-11 там, где это допускают национальные системы.|Обработка персональных данных
осуществляется по законодательству государства проживания пациента.|Результаты ежегодно
докладываются рабочей группе.|Мероприятие обеспечивает дальнейшее развитие трансграничной
телемедицины в регионе.|Трансграничная передача персональных данных требует явного согласия
пациента.|По возможности используются существующие национальные решения.|Технические
спецификации согласуются с рекомендациями МСЭ-Т H.810.|Расходы несет каждая сторона в рамках
национального бюджета.|Утверждению документов предшествует совместная экспертиза.
""")
EN_SECT = _s("""
Legal framework|Data protection and information security|Clinical content and
classifications|Technical interoperability|Human resources and training|Pilot
operation|Monitoring and evaluation|Infrastructure
""")
RU_SECT = _s("""
Правовая база|Защита данных и информационная безопасность|Клиническое содержание и
классификации|Техническая совместимость|Кадры и обучение|Опытная эксплуатация|Мониторинг и
оценка|Инфраструктура
""")
# One party a group; the names of a group are English and Russian variants of the same party.
PARTIES = [p.split("/") for p in _s("""
Republic of Belarus/Республика Беларусь/Belarus|Russian Federation/Российская Федерация|
Republic of Kazakhstan/Kazakhstan|Republic of Armenia/Республика Армения|
Kyrgyz Republic/Кыргызская Республика|Republic of Uzbekistan/Республика Узбекистан|
Republic of Tajikistan/Республика Таджикистан|Republic of Moldova|
Republic of Azerbaijan/Азербайджанская Республика|CIS Executive Committee/Исполнительный комитет СНГ|
WHO Regional Office for Europe/Европейское региональное бюро ВОЗ
""")]
EN_OUT = _s("""
Approved document circulated to the parties|Operational service available to all parties|Signed
protocol of the working group|Published technical specification|Trained staff in every
participating state|Pilot report with recommendations|Agreed list adopted by the working
group|Updated national legal acts
""")
RU_OUT = _s("""
Утвержденный документ направлен сторонам|Сервис доступен всем сторонам|Подписан протокол рабочей
группы|Опубликована техническая спецификация|Обучен персонал во всех государствах|Отчет о пилоте
с рекомендациями|Согласованный перечень принят рабочей группой|Актуализированы национальные
правовые акты
""")
EN_IND = _s("""
Number of teleconsultations performed: {n} per year|Share of connected facilities: at least
{p}%|Number of trained specialists: {n}|Documents approved by {p}% of parties|Mean response time
under {h} hours|Number of states connected: {k}
""")
RU_IND = _s("""
Число проведенных телеконсультаций: {n} в год|Доля подключенных организаций: не менее {p}%|Число
обученных специалистов: {n}|Документ одобрен {p}% сторон|Среднее время ответа менее {h} ч|Число
подключенных государств: {k}
""")
# "kind:text"; kind names the provision marker that may follow the citation (empty: none).
CITES = [tuple(c.split(":", 1)[::-1]) for c in _s("""
sec:Strategy for Ensuring Information Security of the CIS Member States until 2030|sec:Strategy
for Ensuring Information Security of the CIS Member States (for the period up to
2030)|razd:Стратегии обеспечения информационной безопасности государств – участников
СНГ|razd:Стратегия обеспечения информационной безопасности государств – участников СНГ до 2030
г.|razd:Стратегия ИБ СНГ|sec:CIS Information Security Strategy|art:Agreement on compatible
national telemedicine systems|art:Agreement on cooperation of the CIS member states in creating
compatible national telemedicine systems and their further development and use|st:Соглашения о
сотрудничестве государств – участников СНГ в создании совместимых национальных телемедицинских
систем и дальнейшем их развитии и использовании|:Concept of Cooperation of the CIS Member States
in the Field of Digital Development of Society|:Концепции сотрудничества государств – участников
СНГ в области цифрового развития общества|:CIS Digital Development Concept|:Strategy for
Cooperation of the CIS Member States in Building and Developing the Information Society for the
period up to 2025|:Стратегия сотрудничества государств – участников СНГ в построении и развитии
информационного общества на период до 2025 года|:Agreement on Information Interaction of the CIS
Member States in the Field of Digital Development of Society|:Соглашение об информационном
взаимодействии государств – участников СНГ в области цифрового развития общества|so:Global
strategy on digital health 2020-2025|so:GSDH|:Глобальная стратегия в области цифрового
здравоохранения на 2020–2025 гг.|:ITU-T H.810|:МСЭ-Т H.810|:HL7 FHIR|:FHIR R4|:DICOM|:стандарт
DICOM|:ICD-11|:МКБ-11|:ISO 13606|:Resolution WHA71.7 on digital health|:Резолюция WHA71.7
«Цифровое здравоохранение»
""")]
WRONG = _s("""
Strategy of the EAEU on digital health until 2028|Концепция цифрового здравоохранения ЕАЭС до
2028 года|CIS Telemedicine Charter 2019
""")
MAPPINGS = ['{framework: cis-infosec-2030, provision: "I"}', "{framework: cis-infosec-2030}",
            '{framework: "HL7 FHIR"}', '{framework: GSDH, provision: "SO2"}']
DASHES = (" – ", "-", " - ", " — ", "–")

# Title parts: every list has at least 17 entries (see generate.title).
EN_TVERB = _s("""
Develop|Agree on|Prepare|Approve|Pilot|Harmonise|Define|Deploy|Evaluate|Update|Publish|Introduce|
Test|Document|Review|Validate|Consolidate|Operationalise|Standardise
""")
RU_TVERB = _s("""
Разработка|Согласование|Подготовка|Утверждение|Апробация|Гармонизация|Определение|Внедрение|
Оценка|Актуализация|Публикация|Тестирование|Документирование|Валидация|Консолидация|
Стандартизация|Сопровождение|Мониторинг применения
""")
EN_MOD = _s("""
national|joint|interim|harmonised|baseline|extended|revised|regional|minimum|detailed|model|
common|cross-border|bilateral|multilingual|standardised|provisional|interoperable
""")
RU_MOD = _s("""
национальных|совместных|временных|гармонизированных|базовых|расширенных|пересмотренных|
региональных|минимальных|детализированных|типовых|общих|трансграничных|двусторонних|
многоязычных|стандартизированных|предварительных|совместимых
""")
EN_TOBJ = _s("""
requirements for personal data protection|business processes for teleconsultations|
lists of diseases for teleconsultations|HL7 FHIR profiles|DICOM image exchange rules|
ICD-11 mapping tables|information security requirements|staff training programmes|
telemedicine system architectures|medical document formats|normative-reference registers|
informed consent procedures|electronic health record storage rules|incident response procedures|
remote monitoring service catalogues|health professional authentication schemes|
teleconsultation quality methodologies|terminology services|operator service-level agreements|
secure messaging channels
""")
RU_TOBJ = _s("""
требований к защите персональных данных|бизнес-процессов телеконсультаций|
перечней заболеваний для телеконсультаций|профилей HL7 FHIR|правил обмена изображениями DICOM|
таблиц соответствия классификаторов МКБ-11|требований информационной безопасности|
программ обучения персонала|архитектурных решений телемедицинских систем|
форм медицинских документов|справочников нормативно-справочной информации|
процедур информированного согласия|правил хранения электронных медицинских записей|
регламентов реагирования на инциденты|каталогов услуг дистанционного мониторинга|
схем аутентификации медицинских работников|методик оценки качества телеконсультаций|
терминологических сервисов|соглашений об уровне обслуживания|защищенных каналов обмена сообщениями
""")
EN_QUAL = _s("""
for oncology|for paediatric care|for cardiology|for emergency care|for rural clinics|
for maternal health|for tuberculosis care|for mental health services|for radiology|
for rehabilitation|for chronic disease monitoring|for laboratory results|for pharmacy services|
for neonatal care|for infectious diseases|for palliative care|for ophthalmology|for dermatology
""")
RU_QUAL = _s("""
в онкологии|в педиатрии|в кардиологии|для экстренной помощи|для сельских медицинских организаций|
в охране материнства|для противотуберкулезной помощи|в психиатрии|в лучевой диагностике|
в медицинской реабилитации|для мониторинга хронических заболеваний|для лабораторных исследований|
в лекарственном обеспечении|в неонатологии|для инфекционных болезней|в паллиативной помощи|
в офтальмологии|в дерматологии
""")
EN_REG = _s("""
Armenia|Azerbaijan|Belarus|Kazakhstan|Kyrgyzstan|Moldova|Russia|Tajikistan|Uzbekistan|
Central Asian pilot|Caucasus pilot|Belarus–Russia corridor|Kazakhstan–Kyrgyzstan corridor|
capital-city hospitals|border regions|national reference centres|district hospitals
""")
RU_REG = _s("""
Армения|Азербайджан|Беларусь|Казахстан|Кыргызстан|Молдова|Россия|Таджикистан|Узбекистан|
центральноазиатский пилот|пилот в Закавказье|коридор Беларусь – Россия|
коридор Казахстан – Кыргызстан|столичные клиники|приграничные регионы|
национальные референс-центры|районные больницы
""")
EN_TAIL = _s("""
legal review|pilot rollout|technical design|user acceptance|procurement|staff training|
security audit|go-live|evaluation|scaling up|public consultation|data migration|first stage|
second stage|third stage|final stage|preparatory stage
""")
RU_TAIL = _s("""
правовая экспертиза|пилотное внедрение|техническое проектирование|приемочные испытания|закупки|
обучение персонала|аудит безопасности|ввод в эксплуатацию|оценка результатов|тиражирование|
общественное обсуждение|миграция данных|первый этап|второй этап|третий этап|заключительный этап|
подготовительный этап
""")

# --- Clean drafts (generate.py --clean) ---------------------------------------------------------
# Canonical citations of the default rule set (cis-telemedicine, see rules/*.yaml): the framework
# id, its English and Russian titles as the rule set writes them, and provision suffixes
# ("English|Russian") that the framework has. None is adopted after the drafts' date (2021-09-09)
# or expires before 2025.
CANON: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    "cis-infosoc-2025": (
        "Strategy for Cooperation of the CIS Member States in Building and Developing the "
        "Information Society for the period up to 2025",
        "Стратегия сотрудничества государств – участников СНГ в построении и развитии "
        "информационного общества на период до 2025 года", ()),
    "cis-digital-concept-2019": (
        "Concept of Cooperation of the CIS Member States in the Field of Digital Development of "
        "Society, and the Plan of Priority Actions for its Implementation",
        "Концепция сотрудничества государств – участников СНГ в области цифрового развития "
        "общества и План первоочередных мероприятий по ее реализации", ()),
    "cis-infosec-2030": (
        "Strategy for Ensuring Information Security of the CIS Member States (for the period up "
        "to 2030)",
        "Стратегия обеспечения информационной безопасности государств – участников СНГ",
        ((", section I", ", разд. I"),)),
    "cis-digital-interaction-agreement-2020": (
        "Agreement on Information Interaction of the CIS Member States in the Field of Digital "
        "Development of Society",
        "Соглашение об информационном взаимодействии государств – участников СНГ в области "
        "цифрового развития общества",
        ((", direction 2", ", направление 2"), (", direction 5", ", направление 5"))),
    "cis-telemed-agreement-2010": (
        "Agreement on cooperation of the CIS member states in creating compatible national "
        "telemedicine systems and their further development and use",
        "Соглашение о сотрудничестве государств – участников СНГ в создании совместимых "
        "национальных телемедицинских систем и дальнейшем их развитии и использовании",
        ((", Article 1", ", ст. 1"), (", Article 6", ", ст. 6"))),
    "cis-future-dev-concept-2030": (
        "Concept for the further development of the CIS (for the period up to 2030) and its "
        "implementation plan",
        "Концепция дальнейшего развития СНГ на период до 2030 года и План по ее реализации", ()),
    "who-gsdh-2020-2025": (
        "Global strategy on digital health 2020-2025",
        "Глобальная стратегия в области цифрового здравоохранения на 2020–2025 гг.",
        ((", strategic objective 2", ", стратегическая цель 2"), (", SO4", ", стратегическая цель 4"))),
    "wha71-7": ("Resolution WHA71.7 Digital health", "Резолюция WHA71.7 «Цифровое здравоохранение»", ()),
    "wha66-24": (
        "Resolution WHA66.24 eHealth standardization and interoperability",
        "Резолюция WHA66.24 «Стандартизация и функциональная совместимость в области "
        "электронного здравоохранения»", ()),
    "itu-t-h810-series": (
        "ITU-T H.810 Interoperability design guidelines for personal connected health systems: "
        "Introduction (and H.811-H.813 sub-series)",
        "МСЭ-Т H.810 Руководящие указания по проектированию функциональной совместимости "
        "персональных подключенных систем здравоохранения", ()),
    "hl7-fhir": (
        "HL7 FHIR (Fast Healthcare Interoperability Resources)",
        "HL7 FHIR (быстрые ресурсы для обеспечения совместимости в здравоохранении)", ()),
    "dicom": (
        "DICOM - Digital Imaging and Communications in Medicine (NEMA PS3; ISO 12052)",
        "DICOM – цифровые изображения и обмен ими в медицине (NEMA PS3; ISO 12052)", ()),
    "who-icd": (
        "International Statistical Classification of Diseases and Related Health Problems "
        "(ICD-10 / ICD-11)",
        "Международная статистическая классификация болезней и проблем, связанных со здоровьем "
        "(МКБ-10 / МКБ-11)", ()),
    "iso-13606": (
        "ISO 13606 Health informatics - Electronic health record communication",
        "ISO 13606 Информатизация здоровья. Передача электронных медицинских записей",
        ((", Part 1", ", часть 1"),)),
}
# What the default rule set requires (a WHO and an ITU document stand for the two groups): the
# first items of a clean draft cite one each, so that a draft of any size covers them all.
REQUIRED = ("cis-infosoc-2025", "cis-digital-concept-2019", "cis-infosec-2030",
            "cis-digital-interaction-agreement-2020", "cis-telemed-agreement-2010",
            "who-gsdh-2020-2025", "itu-t-h810-series")
# The framework an item of each section (EN_SECT / RU_SECT order) cites when its text names none.
SECTION_CITES = ("cis-telemed-agreement-2010", "cis-infosec-2030", "who-icd", "hl7-fhir",
                 "cis-digital-interaction-agreement-2020", "itu-t-h810-series", "who-gsdh-2020-2025",
                 "cis-digital-concept-2019")
# Subjects the fragments above speak of (lower case, as they occur in the text), each with the
# framework whose trigger terms they match; a clean item cites every one its text contains.
SUBJECTS: tuple[tuple[str, str], ...] = tuple(
    (phrase, fid) for fid, phrases in (
        ("cis-infosec-2030", "personal data|персональных данных|information security|"
                             "информационной безопасности"),
        ("cis-telemed-agreement-2010", "mutually acceptable standards|взаимоприемлемых стандартов|"
                                       "national telemedicine system|национальных телемедицинских систем"),
        ("hl7-fhir", "hl7|fhir"),
        ("dicom", "dicom|exchange of medical images|обмена медицинскими изображениями"),
        ("who-icd", "icd-11|мкб-11"),
        ("itu-t-h810-series", "h.810|remote monitoring|дистанционного мониторинга"),
        ("who-gsdh-2020-2025", "national digital health strateg"),
    ) for phrase in phrases.split("|"))
