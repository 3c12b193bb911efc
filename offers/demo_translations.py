"""Demo translations of the offers of Harz and Heilbronn into Arabic, Ukrainian and English.

Some are up to date, some were made from an older German text (outdated), some are machine
translations and some are missing, so the back-office's status views have something to show.
Each entry: (title, summary, description, schedule, cost note); None leaves a field missing.
"""

from __future__ import annotations

from portal.models import Region, Translation
from portal.translations.services import TextUpdate, translations_save

FIELDS = ("title", "summary", "description", "schedule", "cost_note")
REGIONS = ("harz", "heilbronn")
LANGUAGES = ["ar", "uk", "en"]

T: dict[str, dict[str, tuple[str | None, ...]]] = {
    "Integrationskurs mit Kinderbetreuung": {
        "ar": (
            "دورة الاندماج مع رعاية الأطفال",
            "اللغة الألمانية من المستوى A1 حتى B1 ودورة التوجيه – مع رعاية الأطفال الصغار "
            "في الغرفة المجاورة.",
            "تشمل الدورة **600 ساعة من دروس اللغة** و100 ساعة من دورة التوجيه. "
            "اختبار تحديد المستوى بموعد مسبق.",
            "من الاثنين إلى الجمعة 8:30–12:45",
            "يمكن الإعفاء من الرسوم عن طريق المكتب الاتحادي للهجرة واللاجئين (BAMF)",
        ),
        "uk": (
            "Інтеграційний курс із доглядом за дітьми",
            "Німецька від A1 до B1 та орієнтаційний курс – з доглядом за малюками в сусідній "
            "кімнаті.",
            "Курс охоплює **600 годин мовного курсу** та 100 годин орієнтаційного курсу. "
            "Тест на рівень – за попереднім записом.",
            "Пн–Пт 8:30–12:45",
            "Можливе звільнення від оплати через BAMF",
        ),
        "en": (
            "Integration course with childcare",
            "German from A1 to B1 plus the orientation course – with care for small children "
            "in the room next door.",
            "The course comprises **600 hours of language tuition** and 100 hours of "
            "orientation course. Placement test by appointment.",
            "Mon–Fri 8:30 am–12:45 pm",
            "Fee waiver possible through the BAMF",
        ),
    },
    "Sprachcafé – Deutsch sprechen bei Kaffee und Kuchen": {
        "ar": (
            "مقهى اللغة – تحدّث الألمانية مع القهوة والكعك",
            "تدرّب على الألمانية دون تسجيل، وتعرّف على أشخاص جدد، واطرح أسئلة الحياة اليومية.",
            "يساعد متطوعون في التحدث، وفي فهم رسائل الدوائر الرسمية، وفي الاستقرار.",
            "كل يوم خميس 15–17",
            None,
        ),
        "uk": (
            "Мовне кафе – розмовляємо німецькою за кавою з тістечком",
            "Практикуйте німецьку без запису, знайомтеся з людьми та з’ясовуйте побутові питання.",
            "Волонтери допомагають говорити, розібратися з листами від установ і освоїтися.",
            "щочетверга 15–17",
            None,
        ),
        "en": (
            "Language café – speaking German over coffee and cake",
            "Practise German without registering, meet people and sort out everyday questions.",
            "Volunteers help with speaking, with letters from public offices and with settling in.",
            "every Thursday 3–5 pm",
            None,
        ),
    },
    "Migrationsberatung für Erwachsene": {
        "ar": (
            "استشارات الهجرة للبالغين",
            "استشارات حول الإقامة ودورات اللغة والعمل والسكن والأسرة – بسرية ومجاناً.",
            "نساعدك في تقديم الطلبات ونرافقك في سنواتك الأولى في ألمانيا.",
            "الثلاثاء والخميس 9–12، وفي غير ذلك بموعد مسبق",
            None,
        ),
        "uk": (
            "Міграційна консультація для дорослих",
            "Консультації щодо перебування, мовного курсу, роботи, житла та родини – "
            "конфіденційно й безкоштовно.",
            "Ми допомагаємо із заявами та супроводжуємо вас у перші роки в Німеччині.",
            "Вт і Чт 9–12, в інший час – за домовленістю",
            None,
        ),
        "en": (
            "Migration counselling for adults",
            "Advice on residence, language courses, work, housing and family – confidential "
            "and free of charge.",
            "We help with applications and support you during your first years in Germany.",
            "Tue and Thu 9 am–12 noon, otherwise by appointment",
            None,
        ),
    },
    "Beratung für Frauen – vertraulich und mehrsprachig": {
        "ar": (
            "استشارات للنساء – بسرية وبعدة لغات",
            "مساحة آمنة للأسئلة المتعلقة بالأسرة والصحة والعنف والعمل.",
            "تتحدث المستشارات الألمانية والفارسية والعربية؛ ومع مترجمة عند الطلب.",
            "أيام الأربعاء 10–13",
            None,
        ),
        "uk": (
            "Консультації для жінок – конфіденційно й кількома мовами",
            "Захищений простір для запитань про родину, здоров’я, насильство та роботу.",
            None,
            "щосереди 10–13",
            None,
        ),
        "en": (
            "Counselling for women – confidential and in several languages",
            "A safe space for questions about family, health, violence and work.",
            "The counsellors speak German, Farsi and Arabic; an interpreter can join on request.",
            "Wednesdays 10 am–1 pm",
            None,
        ),
    },
    "Bewerbungstraining und Anerkennung ausländischer Abschlüsse": {
        "ar": (
            "التدريب على طلبات العمل والاعتراف بالشهادات الأجنبية",
            "السيرة الذاتية ومقابلة العمل وطرق الاعتراف بمهنتك.",
            "نتدرب في مجموعات صغيرة على طلبات العمل ونتحقق من الاعتراف المطلوب لشهادتك.",
            "4 مواعيد، كل يوم اثنين 9–12",
            None,
        ),
        "en": (
            "Job application training and recognition of foreign qualifications",
            "CV, job interview and the ways to get your profession recognised.",
            "In small groups we practise applications and check which recognition your "
            "qualification needs.",
            "4 sessions, Mondays 9 am–12 noon",
            None,
        ),
    },
    "Hausaufgabenhilfe für Schulkinder": {
        "ar": (
            "المساعدة في الواجبات المدرسية لتلاميذ المدارس",
            "يساعد متطوعون أطفال الصفوف من الأول إلى السادس في الواجبات المدرسية والقراءة.",
            "يمكن للوالدين الحضور؛ ونتحدث العربية والتركية أيضاً.",
            "من الاثنين إلى الخميس 14–16",
            None,
        ),
        "uk": (
            "Допомога з домашніми завданнями для школярів",
            "Волонтери допомагають дітям 1–6 класів із домашніми завданнями та читанням.",
            "Батьки можуть бути присутні; ми також говоримо арабською та турецькою.",
            "Пн–Чт 14–16",
            None,
        ),
    },
    "Fußball für alle – offenes Training": {
        "ar": (
            "كرة القدم للجميع – تدريب مفتوح",
            "لعب كرة القدم دون رسوم نادٍ للشباب من عمر 12 عاماً.",
            "نوفّر الملابس الرياضية. تعال ببساطة!",
            "أيام السبت 10–12",
            None,
        ),
        "uk": (
            "Футбол для всіх – відкрите тренування",
            "Гра у футбол без членського внеску для молоді від 12 років.",
            "Спортивний одяг надаємо. Просто приходьте!",
            "щосуботи 10–12",
            None,
        ),
        "en": (
            "Football for everyone – open training",
            "Play football without a club fee, for young people aged 12 and over.",
            "Sportswear is provided. Just come along!",
            "Saturdays 10 am–12 noon",
            None,
        ),
    },
    "Integrationslotsen begleiten zu Ämtern und Ärzten": {
        "ar": (
            "مرشدو الاندماج يرافقونك إلى الدوائر الرسمية والأطباء",
            "يرافقك مرشدون ومرشدات متطوعون ويترجمون لك في المواعيد.",
            "يُرجى التواصل معنا قبل الموعد بأسبوع.",
            "بموعد مسبق",
            None,
        ),
        "en": (
            "Integration guides accompany you to offices and doctors",
            "Volunteer guides go with you and interpret at appointments.",
            "Please get in touch one week before the appointment.",
            "by appointment",
            None,
        ),
    },
    "Ukrainisch-deutscher Elterntreff": {
        "ar": (
            "لقاء الأهالي الأوكراني الألماني",
            "تبادل الخبرات للأهالي مع أطفال صغار – مع ركن للعب.",
            None,
            "كل يوم جمعة ثانٍ 16–18",
            None,
        ),
        "uk": (
            "Українсько-німецька зустріч батьків",
            "Спілкування для батьків із маленькими дітьми – з ігровим куточком.",
            "Інформація про дитсадок, школу та педіатра; українською та німецькою мовами.",
            "щодругої п’ятниці 16–18",
            None,
        ),
        "en": (
            "Ukrainian-German parents' meeting",
            "Exchange for parents with small children – play corner included.",
            "Information on nursery, school and paediatricians; in Ukrainian and German.",
            "every other Friday 4–6 pm",
            None,
        ),
    },
    "Fahrradwerkstatt und Radfahrkurs": {
        "ar": (
            "ورشة دراجات ودورة لتعلّم ركوب الدراجة",
            "أصلح دراجتك، وتعلّم قواعد المرور، وتنقّل بأمان في أنحاء المقاطعة.",
            "دراجات مستعملة مقابل تبرع صغير.",
            "أيام الثلاثاء 17–19",
            "نرجو التبرع",
        ),
        "en": (
            "Bicycle workshop and cycling course",
            "Repair your bike, learn the traffic rules and ride safely around the county.",
            "Second-hand bikes for a small donation.",
            "Tuesdays 5–7 pm",
            "Donation requested",
        ),
    },
    "Gesundheitslotsen: Wegweiser durch das Gesundheitssystem": {
        "ar": (
            "مرشدو الصحة: دليلك في النظام الصحي",
            "كيف أجد طبيب أسرة؟ ماذا يدفع صندوق التأمين الصحي؟ أمسيات معلومات بلغات كثيرة.",
            "يدير الأمسيات مرشدون ومرشدات مدرَّبون بلغتهم الأم.",
            "شهرياً، المواعيد عند الطلب",
            None,
        ),
        "uk": (
            "Провідники у сфері здоров’я: як зорієнтуватися в системі охорони здоров’я",
            "Як знайти сімейного лікаря? Що оплачує лікарняна каса? Інформаційні вечори "
            "багатьма мовами.",
            "Вечори проводять навчені провідники їхньою рідною мовою.",
            "щомісяця, дати – на запит",
            None,
        ),
    },
    "Wohnungssuche – Beratung und Mietführerschein": {
        "ar": (
            "البحث عن سكن – استشارات و«رخصة الاستئجار»",
            "حقوق المستأجر وواجباته، وفهم إعلانات الشقق، والتكاليف الإضافية.",
            "بعد الدورة تحصل على شهادة يعرفها كثير من المؤجرين.",
            "3 أمسيات، كل منها 18–20",
            None,
        ),
        "uk": (
            "Пошук житла – консультації та «посвідчення орендаря»",
            "Права й обов’язки орендаря, як читати оголошення про житло, комунальні витрати.",
            "Після курсу ви отримаєте сертифікат, який знають багато орендодавців.",
            "3 вечори, щоразу 18–20",
            None,
        ),
        "en": (
            "Finding a flat – advice and tenant's licence",
            "Tenants' rights and duties, understanding flat adverts, service charges.",
            "After the course you receive a certificate that many landlords know.",
            "3 evenings, 6–8 pm each",
            None,
        ),
    },
    "Berufssprachkurs Deutsch B2 für Pflegeberufe": {
        "ar": (
            "دورة اللغة المهنية – الألمانية B2 لمهن التمريض",
            "اللغة المتخصصة في التمريض والصحة مع تدريب عملي.",
            "الشرط: مستوى اللغة B1.",
            "من الاثنين إلى الجمعة 8:30–13",
            "مجانية بموافقة مركز العمل (Jobcenter)",
        ),
        "en": (
            "Job-related German course B2 for nursing and care",
            "Specialist language for nursing and health care, with a work placement.",
            "Requirement: language level B1.",
            "Mon–Fri 8:30 am–1 pm",
            "Free of charge with the Jobcenter's approval",
        ),
    },
    "Nähwerkstatt für Frauen": {
        "ar": (
            "ورشة خياطة للنساء",
            "نخيط معاً ونتحدث ونتدرّب على الألمانية.",
            "ماكينات الخياطة والأقمشة متوفرة.",
            "أيام الاثنين 9–11",
            "2 يورو لكل موعد",
        ),
        "uk": (
            "Швейна майстерня для жінок",
            "Разом шиємо, спілкуємося та практикуємо німецьку.",
            "Швейні машини й тканини є на місці.",
            "щопонеділка 9–11",
            "2 € за заняття",
        ),
    },
    "Seniorentreff international": {
        "ar": (
            "لقاء دولي لكبار السن",
            "قهوة وألعاب وأحاديث لكبار السن من جميع أنحاء العالم.",
            "الأقارب مرحَّب بهم أيضاً.",
            "أول يوم أربعاء من كل شهر 14–16",
            None,
        ),
        "en": (
            "International seniors' meeting",
            "Coffee, games and conversation for older people from all over the world.",
            "Relatives are welcome too.",
            "first Wednesday of the month, 2–4 pm",
            None,
        ),
    },
    "Erstorientierung für Neuzugewanderte": {
        "ar": (
            "التوجيه الأولي للقادمين الجدد",
            "أهم الخطوات في الأسابيع الأولى: تسجيل السكن، البنك، التأمين الصحي، المدرسة.",
            "معلومات بلغة مبسّطة ومع ترجمة.",
            "كل يوم اثنين الساعة 10",
            None,
        ),
        "uk": (
            "Перша орієнтація для новоприбулих",
            "Найважливіші кроки в перші тижні: реєстрація, банк, лікарняна каса, школа.",
            "Інформація простою мовою та з перекладом.",
            "щопонеділка о 10:00",
            None,
        ),
        "en": (
            "First orientation for newcomers",
            "The most important steps in your first weeks: registration, bank, health "
            "insurance, school.",
            "Information in plain language and with interpretation.",
            "every Monday at 10 am",
            None,
        ),
    },
}

# Translations made from an older German text: the German changed afterwards (outdated).
OLDER_GERMAN = {
    ("Sprachcafé – Deutsch sprechen bei Kaffee und Kuchen", "ar", "summary"): (
        "Ohne Anmeldung Deutsch üben und Menschen kennenlernen."
    ),
    ("Sprachcafé – Deutsch sprechen bei Kaffee und Kuchen", "uk", "schedule"): (
        "jeden Mittwoch 15–17 Uhr"
    ),
    ("Migrationsberatung für Erwachsene", "en", "schedule"): "Di 9–12 Uhr",
    ("Integrationskurs mit Kinderbetreuung", "ar", "description"): (
        "Der Kurs umfasst **600 Stunden Sprachkurs** und 100 Stunden Orientierungskurs."
    ),
    ("Wohnungssuche – Beratung und Mietführerschein", "uk", "summary"): (
        "Rechte und Pflichten als Mieter, Wohnungsanzeigen verstehen."
    ),
}
# Made by a machine-translation provider (shown with a note until staff check them).
MACHINE = {
    ("Seniorentreff international", "en"),
    ("Berufssprachkurs Deutsch B2 für Pflegeberufe", "en"),
}

# "Einfache Sprache" versions of descriptions.
PLAIN = {
    "Integrationskurs mit Kinderbetreuung": (
        "Sie lernen Deutsch. Der Kurs ist lang: 600 Stunden Deutsch und 100 Stunden über das "
        "Leben in Deutschland. Am Anfang machen Sie einen Test. Dann wissen Sie, welcher Kurs "
        "passt. Ihre kleinen Kinder werden im Raum nebenan betreut."
    ),
    "Erstorientierung für Neuzugewanderte": (
        "Sie sind neu hier. Wir erklären die ersten Schritte: Wo melde ich mich an? Wie "
        "bekomme ich ein Konto bei der Bank? Wie bin ich krankenversichert? Wie kommt mein Kind "
        "in die Schule?"
    ),
}


def seed() -> None:
    """Translate the demo offers of Harz and Heilbronn (run after the offers exist)."""
    from offers.models import Offer

    for region in Region.objects.filter(slug__in=REGIONS):
        region.translation_languages = LANGUAGES
        region.save(update_fields=["translation_languages"])
        offers = {o.title: o for o in Offer.objects.in_region(region).filter(title__in=T)}
        for language in LANGUAGES:
            for origin in (Translation.Origin.HUMAN, Translation.Origin.MACHINE):
                updates = []
                for title, by_language in T.items():
                    offer = offers.get(title)
                    texts = by_language.get(language)
                    if offer is None or texts is None:
                        continue
                    is_machine = (title, language) in MACHINE
                    if is_machine != (origin == Translation.Origin.MACHINE):
                        continue
                    for field, text in zip(FIELDS, texts, strict=True):
                        if text and getattr(offer, field):
                            older = OLDER_GERMAN.get((title, language, field))
                            updates.append(TextUpdate(offer, field, text, source_text=older))
                translations_save(region=region, language=language, origin=origin, updates=updates)
        translations_save(
            region=region,
            language="de-x-simple",
            updates=[
                TextUpdate(offers[title], "description", text)
                for title, text in PLAIN.items()
                if title in offers
            ],
        )
