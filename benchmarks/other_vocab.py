"""Vocabulary of generate_other.py, the second benchmark draft: written from the road-map format
(../shared/spec/FORMAT.md) and the built-in rule sets (rules/*.yaml), independently of vocab.py.

One entry a line; a line indented by two spaces continues the entry above. Where an entry is
tagged `framework-id: text`, the text speaks of that framework's subject (its trigger terms) or
cites it; `-` is a phrase that touches no framework.
"""

from __future__ import annotations


def _lines(block: str) -> list[str]:
    out: list[str] = []
    for line in block.strip("\n").splitlines():
        if line.startswith("  ") and out:
            out[-1] += " " + line.strip()
        elif line.strip():
            out.append(line.strip())
    return out


def _tagged(block: str) -> list[tuple[str | None, str]]:
    out: list[tuple[str | None, str]] = []
    for line in _lines(block):
        tag, text = line.split(": ", 1)
        out.append((None if tag == "-" else tag, text))
    return out


# --- The road map -------------------------------------------------------------------------------

SECTIONS_RU = _lines("""
Нормативное правовое обеспечение
Защита персональных данных и информационная безопасность
Стандартизация и совместимость систем
Обмен медицинскими изображениями
Классификаторы и нормативно-справочная информация
Дистанционный мониторинг и телездравоохранение
Кадровое обеспечение
Цифровая инфраструктура
Мониторинг реализации и отчётность
""")
SECTIONS_EN = _lines("""
Legal and regulatory basis
Personal data protection and information security
Standards and interoperability
Medical imaging exchange
Classifications and reference data
Remote monitoring and telehealth
Workforce
Digital infrastructure
Monitoring and reporting
""")

# --- Description: sentences with slots {a}, {b} (a topic below), {n}, {p} (numbers), {when} ------

SENTENCES_RU = _lines("""
Мероприятие направлено на решение вопросов {a}.
В рамках мероприятия предусматривается разработка согласованных мер в части {a}.
Ответственные исполнители готовят предложения в части {a} и направляют их в Исполнительный комитет СНГ.
Особое внимание уделяется вопросам {a} и {b}.
Предусматривается пилотный проект в области {a} на базе {n} медицинских организаций.
Результаты анализа по вопросам {a} рассматриваются на заседании рабочей группы.
Государства – участники СНГ не реже одного раза в полугодие информируют друг друга о ходе работ в части {a}.
По итогам этапа готовится аналитическая записка по вопросам {a} в государствах – участниках СНГ.
Вопросы {a} регулируются национальным законодательством с учётом рекомендаций ВОЗ.
К работам в части {a} привлекаются национальные операторы телемедицинских сетей.
Проект документа в части {a} направляется на внутригосударственное согласование.
Работы в части {a} финансируются в пределах средств, предусмотренных в национальных бюджетах.
При подготовке документа учитывается опыт в области {a}, накопленный в государствах – участниках СНГ.
Экспертная группа представляет перечень мер по вопросам {a} {when}.
Мероприятие выполняется во взаимосвязи с работами в области {a} и {b}.
Методические рекомендации по вопросам {a} размещаются на официальных сайтах уполномоченных органов.
Не менее {p}% участвующих медицинских организаций применяют согласованные подходы в части {a}.
Доклад о ходе работ по вопросам {a} заслушивается на заседании Совета по сотрудничеству
  в области здравоохранения СНГ.
""")
SENTENCES_EN = _lines("""
The measure addresses {a}.
A common procedure for {a} is drafted and agreed by the parties.
Particular attention is given to {a} and to {b}.
A pilot on {a} runs in {n} medical organisations.
The working group reviews progress on {a} at each of its meetings.
The parties inform each other about {a} at least twice a year.
An analytical note on {a} in the CIS member states closes the stage.
National law governs {a}, taking WHO recommendations into account.
National operators of telemedicine networks take part in the work on {a}.
Guidance on {a} is published on the websites of the competent authorities.
The expert group submits a list of measures on {a} {when}.
Costs related to {a} are covered from national budgets.
At least {p}% of the participating facilities adopt the agreed approach to {a}.
""")

# Topics in the genitive (Russian) or as a noun phrase (English), each with the framework whose
# subject it speaks of.
TOPICS_RU = _tagged("""
cis-infosec-2030: защиты персональных данных пациентов
cis-infosec-2030: информационной безопасности телемедицинских узлов
cis-infosec-2030: криптографической защиты каналов связи между консультативными центрами
cis-infosec-2030: соблюдения врачебной тайны при трансграничном обмене сведениями
cis-infosec-2030: реагирования на компьютерные инциденты
cis-telemed-agreement-2010: создания совместимых национальных телемедицинских систем
cis-telemed-agreement-2010: применения взаимоприемлемых стандартов медицинской помощи
cis-telemed-agreement-2010: формирования общего медицинского информационного пространства
cis-infosoc-2025: развития информационного общества
cis-infosoc-2025: предоставления электронных государственных услуг в сфере здравоохранения
cis-infosoc-2025: преодоления цифрового неравенства между городом и селом
cis-digital-concept-2019: цифровой трансформации здравоохранения
cis-digital-concept-2019: развития цифровой экономики
who-gsdh-2020-2025: применения искусственного интеллекта в лучевой диагностике
cis-digital-interaction-agreement-2020: межгосударственного информационного взаимодействия
cis-digital-interaction-agreement-2020: переподготовки кадров для цифрового здравоохранения
cis-digital-interaction-agreement-2020: научного сотрудничества медицинских университетов
itu-t-h810-series: дистанционного мониторинга пациентов с хроническими заболеваниями
itu-t-h810-series: подключения персональных медицинских устройств
wha71-7: мобильного здравоохранения
wha71-7: всеобщего охвата услугами здравоохранения
who-gsdh-2020-2025: достижения целей в области устойчивого развития
who-gsdh-2020-2025: разработки национальной стратегии цифрового здравоохранения
who-euro-rdhap-2023-2030: повышения цифровой грамотности медицинских работников
dicom: обмена медицинскими изображениями
dicom: развития телерадиологии
dicom: ведения архива медицинских изображений
who-icd: кодирования диагнозов по МКБ-11
who-icd: перехода с МКБ-10 на МКБ-11
hl7-fhir: внедрения профилей FHIR для направлений на консультацию
hl7-fhir: применения стандартов совместимости
iso-13606: передачи выписок из электронных медицинских карт
itu-t-h860: обмена мультимедийными медицинскими данными
itu-t-f780-series: развития телездравоохранения для людей с инвалидностью
itu-ehealth-programme: реализации региональной инициативы МСЭ-D по электронному здравоохранению
-: сокращения сроков ожидания консультаций
-: повышения доступности специализированной медицинской помощи
-: подготовки проектов нормативных правовых актов
-: учёта расходов национальных бюджетов
-: организации второго мнения по сложным клиническим случаям
-: сопровождения пациентов после выписки из стационара
-: взаимного признания результатов лабораторных исследований
""")
TOPICS_EN = _tagged("""
cis-infosec-2030: the protection of patients' personal data
cis-infosec-2030: information security of telemedicine nodes
cis-infosec-2030: encryption of the channels between consulting centres
cis-infosec-2030: the handling of computer incidents
cis-telemed-agreement-2010: compatible national telemedicine systems
cis-telemed-agreement-2010: mutually acceptable standards of medical care
cis-infosoc-2025: the development of the information society
cis-infosoc-2025: electronic public services in health care
cis-infosoc-2025: closing the digital divide between town and country
cis-digital-concept-2019: the digital transformation of health care
who-gsdh-2020-2025: artificial intelligence in radiology
cis-digital-interaction-agreement-2020: interstate information interaction
cis-digital-interaction-agreement-2020: the retraining of personnel for digital health
itu-t-h810-series: remote monitoring of patients with chronic diseases
itu-t-h810-series: personal health devices
wha71-7: mobile health services
wha71-7: universal health coverage
who-gsdh-2020-2025: a national digital health strategy
who-euro-rdhap-2023-2030: the digital health literacy of medical staff
dicom: medical image exchange between hospitals
dicom: teleradiology
who-icd: ICD-11 coding of diagnoses
hl7-fhir: FHIR profiles for referrals
iso-13606: EHR extracts for cross-border care
itu-t-h860: multimedia health data exchange
itu-t-f780-series: telehealth for persons with disabilities
-: shorter waiting times for consultations
-: second opinions on complex cases
-: drafting national legal acts
-: follow-up care after discharge
-: mutual recognition of laboratory results
""")

WHEN_RU = _lines("""
до 1 марта
до конца первого полугодия
в течение месяца после утверждения плана
к очередному заседанию рабочей группы
в согласованные сроки
""")
WHEN_EN = _lines("""
by the end of March
within a month of the plan's approval
before the next meeting of the working group
by the agreed date
""")

# --- Titles: action + object + area + scope; every list has at least 37 entries (Russian) or 23
# (English), see generate_other.Titles.

ACTIONS_RU = _lines("""
Разработка
Согласование
Утверждение
Внедрение
Апробация
Актуализация
Создание
Модернизация
Развитие
Организация
Подготовка
Экспертиза
Мониторинг применения
Обеспечение применения
Гармонизация
Тиражирование
Оценка эффективности
Унификация
Ввод в промышленную эксплуатацию
Методическое сопровождение
Нормативное закрепление
Пилотирование
Расширение
Сопряжение
Инвентаризация
Стандартизация
Документирование
Формирование
Аудит
Обновление
Опытная эксплуатация
Сертификация
Интеграция
Тестирование
Перевод на единый формат
Публикация
Анализ практики применения
""")
OBJECTS_RU = _lines("""
регламента телеконсультаций
сервиса второго мнения
реестра телемедицинских центров
протокола обмена данными
справочника медицинских организаций
формы направления на консультацию
модуля записи на консультацию
сервиса видеоконференцсвязи
шаблона медицинского заключения
порядка маршрутизации пациентов
каталога телемедицинских услуг
программы обучения врачей-консультантов
требований к рабочему месту консультанта
методики оценки качества консультаций
регистра пациентов
механизма обратной связи с пациентами
системы учёта консультаций
плана-графика работ
типового договора об оказании консультаций
перечня показаний к консультации
алгоритма сортировки обращений
портала для пациентов
сервиса уведомлений
электронного журнала консультаций
архива медицинских заключений
сервиса интерпретации анализов
модели расчёта стоимости консультаций
порядка дежурств консультантов
инструкции для фельдшерско-акушерских пунктов
механизма идентификации пациентов
ресурса нормативно-справочной информации
регламента технической поддержки
графика межгосударственных консультаций
системы контроля доступности сервисов
отчётной формы о консультациях
перечня медицинских изделий для консультаций
порядка хранения видеозаписей консультаций
""")
AREAS_RU = _lines("""
по онкологии
по кардиологии
по педиатрии
по неонатологии
по травматологии
по неврологии
по эндокринологии
по фтизиатрии
по психиатрии
по гематологии
по нефрологии
по ревматологии
по акушерству и гинекологии
по офтальмологии
по дерматовенерологии
по инфекционным болезням
по медицинской реабилитации
по паллиативной медицинской помощи
по гастроэнтерологии
по пульмонологии
по урологии
по стоматологии
по оториноларингологии
по детской хирургии
по нейрохирургии
по сердечно-сосудистой хирургии
по трансфузиологии
по клинической генетике
по аллергологии и иммунологии
по гериатрии
по спортивной медицине
по токсикологии
по анестезиологии и реаниматологии
по скорой медицинской помощи
по медицине катастроф
по клинической лабораторной диагностике
по профпатологии
""")
SCOPES_RU = _lines("""
в Республике Армения
в Республике Беларусь
в Республике Казахстан
в Кыргызской Республике
в Республике Молдова
в Российской Федерации
в Республике Таджикистан
в Республике Узбекистан
в Азербайджанской Республике
в Туркменистане
в приграничных районах
в сельских медицинских организациях
в межгосударственном сегменте сети
на пилотных площадках
в национальных медицинских центрах
в областных больницах
в консультативных центрах первого уровня
в учреждениях родовспоможения
в детских больницах
в диспансерах
в медицинских университетах
в ведомственных медицинских организациях
в частных медицинских организациях
на железнодорожном транспорте
в санаторно-курортных организациях
в центрах медицины катастроф
в службах скорой помощи
в региональных диагностических центрах
в сети фельдшерско-акушерских пунктов
в столичных клиниках
в мобильных медицинских комплексах
в учреждениях уголовно-исполнительной системы
в республиканских научно-практических центрах
в межрайонных центрах
в поликлиниках первичного звена
в реабилитационных центрах
в многопрофильных стационарах
""")
ACTIONS_EN = _lines("""
Design of
Approval of
Roll-out of
Piloting of
Revision of
Setting up
Modernisation of
Harmonisation of
Evaluation of
Documentation of
Certification of
Integration of
Testing of
Publication of
Review of
Scaling up of
Migration of
Audit of
Maintenance of
Extension of
Translation of
Consolidation of
Retirement of
""")
OBJECTS_EN = _lines("""
the teleconsultation protocol
the second-opinion service
the register of telemedicine centres
the data exchange protocol
the directory of medical organisations
the referral form
the booking module
the video-conferencing service
the medical report template
the patient routing procedure
the catalogue of telemedicine services
the training course for consultants
the consultant workstation requirements
the consultation quality method
the patient register
the patient feedback channel
the consultation log
the work schedule
the model consultation contract
the list of indications
the triage algorithm
the patient portal
the notification service
""")
AREAS_EN = _lines("""
in oncology
in cardiology
in paediatrics
in neonatology
in trauma care
in neurology
in endocrinology
in tuberculosis care
in psychiatry
in haematology
in nephrology
in rheumatology
in obstetrics
in ophthalmology
in dermatology
in infectious diseases
in rehabilitation
in palliative care
in gastroenterology
in pulmonology
in urology
in dentistry
in emergency medicine
""")
SCOPES_EN = _lines("""
for Armenia
for Belarus
for Kazakhstan
for Kyrgyzstan
for Moldova
for the Russian Federation
for Tajikistan
for Uzbekistan
for Azerbaijan
for border districts
for rural facilities
for the interstate network segment
for the pilot sites
for national medical centres
for regional hospitals
for first-level consulting centres
for maternity hospitals
for children's hospitals
for medical universities
for private clinics
for emergency services
for diagnostic centres
for primary care
""")

OUTCOMES_RU = _lines("""
Утверждённый регламент, направленный в уполномоченные органы
Протокол заседания рабочей группы с принятыми решениями
Отчёт о результатах апробации с предложениями по тиражированию
Введённый в промышленную эксплуатацию сервис
Информационное письмо Исполнительного комитета СНГ о завершении работ
Методические рекомендации, одобренные Советом по сотрудничеству в области здравоохранения СНГ
Согласованный проект документа, внесённый в установленном порядке
Обученные специалисты во всех участвующих государствах
""")
OUTCOMES_EN = _lines("""
An approved protocol sent to the competent authorities
Minutes of the working group with the decisions taken
A pilot report with proposals for scaling up
A service in routine operation
Guidance endorsed by the CIS Council for Cooperation in Healthcare
Trained staff in every participating state
""")
INDICATORS_RU = _lines("""
Количество проведённых телеконсультаций: не менее {n} в год
Доля медицинских организаций, подключённых к сервису: {p}%
Число обученных врачей-консультантов: {n}
Среднее время подготовки заключения: не более {h} ч
Число государств, присоединившихся к протоколу: {k}
Доля консультаций с заключением в электронном виде: не менее {p}%
""")
INDICATORS_EN = _lines("""
Teleconsultations held: at least {n} a year
Facilities connected to the service: {p}%
Consultants trained: {n}
Mean time to a written opinion: at most {h} h
States that joined the protocol: {k}
""")

# --- Parties: names the rule set knows, and names it does not (ministries, centres, misspellings)

PARTIES_KNOWN_RU = _lines("""
Республика Беларусь
Российская Федерация
Республика Казахстан
Кыргызская Республика
Республика Армения
Республика Таджикистан
Республика Узбекистан
Республика Молдова
Азербайджанская Республика
Туркменистан
Исполнительный комитет СНГ
Исполком СНГ
Европейское региональное бюро ВОЗ
БелМАПО
Региональное содружество в области связи
Совет по сотрудничеству в области здравоохранения СНГ
Рабочая группа по интеграции национальных систем электронного здравоохранения
""")
PARTIES_UNKNOWN_RU = _lines("""
Министерство здравоохранения Республики Беларусь
Минздрав России
Министерство здравоохранения Республики Казахстан
Министерство здравоохранения Кыргызской Республики
РНПЦ медицинских технологий, информатизации, управления и экономики здравоохранения
ЦНИИОИЗ Минздрава России
Республиканский центр электронного здравоохранения
национальные операторы телемедицинских сетей
Национальный центр телемедицины
Республика Белорусь
Росийская Федерация
Республика Казакстан
Кыргызская Республиика
уполномоченные органы государств – участников СНГ
ВОЗ
МСЭ
""")
PARTIES_KNOWN_EN = _lines("""
Republic of Belarus
Russian Federation
Republic of Kazakhstan
Kyrgyz Republic
Republic of Armenia
Republic of Uzbekistan
CIS Executive Committee
WHO/Europe
RCC
""")
PARTIES_UNKNOWN_EN = _lines("""
Ministry of Health of the Republic of Belarus
Ministry of Health of Kazakhstan
National Telemedicine Centre
Belarussia
Kazakstan
national telemedicine operators
WHO
ITU
""")

# --- Citations -----------------------------------------------------------------------------------
# Loose forms the rule set resolves (short names, other names, declension, editions, typos:
# RM105), each with the framework it means.
LOOSE_RU = _tagged("""
cis-infosec-2030: Стратегия ИБ СНГ
cis-infosec-2030: Стратегии обеспечения информационной безопасности государств – участников СНГ
cis-infosec-2030: Стратегия информационной безопасности СНГ
cis-infosec-2030: стратегия обеспечения информацинной безопасности СНГ
cis-telemed-agreement-2010: Соглашение о телемедицинских системах СНГ
cis-telemed-agreement-2010: Соглашения о сотрудничестве государств-участников СНГ в создании
  совместимых национальных телемедицинских систем
cis-infosoc-2025: Стратегия информационного общества СНГ
cis-infosoc-2025: Стратегии сотрудничества государств-участников СНГ в построении и развитии
  информационного общества
cis-infosoc-2025: План действий по реализации Стратегии информационного общества СНГ
cis-digital-concept-2019: Концепция цифрового развития СНГ
cis-digital-concept-2019: Концепции сотрудничества в области цифрового развития общества
cis-digital-interaction-agreement-2020: Соглашение об информационном взаимодействии
cis-digital-interaction-agreement-2020: Соглашения об информационном взаимодействии
  государств-участников СНГ в области цифрового развития общества
cis-future-dev-concept-2030: Концепция дальнейшего развития СНГ
who-gsdh-2020-2025: Глобальной стратегии в области цифрового здравоохранения на 2020-2025 гг.
wha71-7: ВАЗ71.7
wha71-7: резолюция WHA 71.7
wha58-28: ВАЗ58.28
wha66-24: Резолюции WHA66.24
who-icd: МКБ-11
who-icd: МКБ-10
dicom: стандарт DICOM
dicom: DICOM 3.0
hl7-fhir: HL7 FHIR R4
hl7-fhir: FHIR
iso-13606: ИСО 13606
iso-13606: ISO 13606-1:2019
itu-t-h810-series: МСЭ-Т H.810
itu-t-h810-series: Рекомендация МСЭ-Т Н.810 (11/2019)
itu-t-h860: МСЭ-Т H.860
itu-t-f780-series: МСЭ-Т F.780
itu-ehealth-programme: C7 ВВУИО
who-euro-rdhap-2023-2030: Региональный план действий в области цифрового здравоохранения
  для Европейского региона ВОЗ на 2023-2030 годы
""")
LOOSE_EN = _tagged("""
cis-infosec-2030: CIS InfoSec Strategy 2030
cis-infosec-2030: CIS Information Security Strategy 2030
cis-infosec-2030: Strategy of ensuring information security of the State Parties of the CIS
cis-telemed-agreement-2010: CIS Telemedicine Agreement
cis-telemed-agreement-2010: Agreement on compatible national telemedicine systems of the CIS
cis-infosoc-2025: CIS Information Society Strategy 2025
cis-infosoc-2025: CIS InfoSoc Strategy
cis-digital-concept-2019: CIS Digital Development Concept 2019
cis-digital-concept-2019: Concept of Cooperation in Digital Development
cis-digital-interaction-agreement-2020: CIS Information Interaction Agreement
cis-future-dev-concept-2030: CIS Future Development Concept
who-gsdh-2020-2025: GSDH
who-gsdh-2020-2025: WHO Global Strategy on Digital Health 2020-2025
wha71-7: WHA71.7
wha66-24: WHA 66.24
who-icd: ICD-11
dicom: DICOM
hl7-fhir: FHIR R4
iso-13606: ISO 13606
itu-t-h810-series: ITU-T Rec. H.810 (11/2019)
itu-t-h860: H.860
itu-t-f780-series: ITU-T F.780.2
who-itu-nehst-2012: NeHST
who-euro-rdhap-2023-2030: RDHAP
""")
# Provisions after a citation of that framework, as drafters write them: `ok` exist, `bad` do not
# (RM104). English and Russian alike.
PROVISIONS: dict[str, tuple[list[str], list[str]]] = {
    "cis-infosec-2030": (["разд. I", "раздел 1", "section I"], ["раздел IV", "section 3"]),
    "cis-telemed-agreement-2010": (["ст. 6", "статья 1", "ст. 6(б)", "Article 6(d)", "art. 1"],
                                   ["ст. 12", "Article 9"]),
    "cis-digital-interaction-agreement-2020": (["направление 3", "основное направление 5",
                                                "direction 2"], ["направление 9"]),
    "who-gsdh-2020-2025": (["стратегическая цель 2", "SO3", "strategic objective 1"], ["SO6"]),
    "iso-13606": (["часть 1", "Part 2"], ["часть 5"]),
    "who-itu-nehst-2012": (["Part 2", "часть 3"], ["Part 4"]),
}
# How a mapping names its framework: an id, a short name or a title fragment the rule set knows.
MAPPING_NAMES = _tagged("""
cis-infosec-2030: cis-infosec-2030
cis-infosec-2030: Стратегия ИБ СНГ
cis-telemed-agreement-2010: cis-telemed-agreement-2010
cis-telemed-agreement-2010: CIS Telemedicine Agreement
cis-digital-interaction-agreement-2020: cis-digital-interaction-agreement-2020
who-gsdh-2020-2025: GSDH
who-gsdh-2020-2025: who-gsdh-2020-2025
iso-13606: ISO 13606
who-itu-nehst-2012: NeHST
""")
# Documents outside the rule set: national laws, other unions' acts, foreign regulations (RM102
# today; a reference outside the rule set, RM110, where the checker knows that check).
OUTSIDE = _lines("""
Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»
Закон Республики Беларусь от 7 мая 2021 г. № 99-З «О защите персональных данных»
Закон Республики Казахстан «О персональных данных и их защите»
Стратегия цифровой трансформации здравоохранения ЕАЭС до 2028 года
Регламент (ЕС) 2016/679 (GDPR)
ГОСТ Р 52636-2006 «Электронная история болезни. Общие положения»
Решение Совета глав правительств СНГ от 25 октября 2019 года
Приказ Минздрава России от 30.11.2017 № 965н
""")

# --- Dates ---------------------------------------------------------------------------------------
MONTHS_RU_NOM = _lines("""
январь
февраль
март
апрель
май
июнь
июль
август
сентябрь
октябрь
ноябрь
декабрь
""")
MONTHS_RU_GEN = _lines("""
января
февраля
марта
апреля
мая
июня
июля
августа
сентября
октября
ноября
декабря
""")
MONTHS_EN = _lines("""
January
February
March
April
May
June
July
August
September
October
November
December
""")
ROMAN = ("I", "II", "III", "IV")
# Dates no reader can place: impossible days and months, vague ends, recurring deadlines.
VAGUE_DATES = _lines("""
конец {y} года
в течение {y} года
по мере необходимости
ежегодно
ежеквартально
end of {y}
annually
{y}/06
Q5 {y}
31.06.{y}
{y}-13
30 февраля {y} г.
""")

# --- Comments and free text ----------------------------------------------------------------------
COMMENTS_RU = _lines("""
срок уточняется по итогам консультаций
по предложению Республики Беларусь
формулировка согласована на заседании рабочей группы
редакция Исполнительного комитета СНГ
требует доработки
включено по итогам обсуждения в Минске
""")
WAIVER_REASONS_RU = _lines("""
Вопрос рассматривается в разделе 2 дорожной карты, ссылка приведена там.
Документ будет указан после завершения внутригосударственных процедур.
Ссылка не требуется: упоминание носит справочный характер.
По решению рабочей группы от 9 сентября 2021 г.
""")
SUPPRESS_REASONS_RU = _lines("""
наименование приведено по тексту решения
так в проекте, представленном государством
""")
NOTES_RU = _lines("""
Пункт внесён Республикой Казахстан.
Требуется согласование с РСС.
Срок перенесён по просьбе исполнителя.
""")
STATUSES = ("planned", "planned", "in-progress", "done", "dropped")
