"""Demo translations of the events of Harz and Heilbronn into Arabic, Ukrainian and English:
titles, summaries, descriptions, programme items and workshop titles. Some are up to date,
one is outdated (made from an older German summary), some are missing."""

from __future__ import annotations

from conferences.demo import TEN_WORKSHOPS
from portal.models import Region
from portal.translations.services import TextUpdate, translations_save

REGIONS = ("harz", "heilbronn")

HEILBRONN_TEXT_AR = (
    "يجري تحديث مفهوم الاندماج الذي وُضع لأول مرة عام 2016. في ورش العمل ذات المحتوى "
    "الواحد يقدّم المهتمون اقتراحاتهم ومواضيعهم وتجاربهم:\n\n"
    "- ما الاحتياجات والمواضيع والتحديات التي تؤدي دوراً في اندماج الأشخاص ذوي تاريخ "
    "الهجرة؟\n"
    "- ما العروض التي ينبغي توفيرها، وكيف تعمل العروض الموجودة؟\n\n"
    "تتوفر وجبة خفيفة ومشروبات."
)
HEILBRONN_TEXT_UK = (
    "Концепцію інтеграції, вперше створену 2016 року, оновлюють. На однакових за змістом "
    "воркшопах усі охочі діляться пропозиціями, темами й досвідом:\n\n"
    "- Які потреби, теми та виклики важливі для інтеграції людей з історією міграції?\n"
    "- Які пропозиції мають існувати і як працюють наявні?\n\n"
    "Легкі закуски та напої забезпечено."
)
HEILBRONN_TEXT_EN = (
    "The integration concept, first written in 2016, is being updated. In workshops with the "
    "same content, everyone interested contributes ideas, topics and experience:\n\n"
    "- Which needs, topics and challenges matter for the integration of people with a "
    "migration history?\n"
    "- Which services should there be, and how well do the existing ones work?\n\n"
    "A small snack and drinks are provided."
)

# slug -> language -> (title, summary, description); "{year}" is the year in the German title.
EVENTS: dict[str, dict[str, tuple[str | None, str | None, str | None]]] = {
    "integrationskonferenz": {
        "ar": (
            "مؤتمر الاندماج {year}",
            "نحدّد معاً الاحتياجات ونضع توصيات لمفهوم الاندماج.",
            "بعد مقدمة وتقرير من الإدارة، يعمل المشاركون في **عشر ورش عمل متوازية** حول "
            "مجالات العمل. عند التسجيل تختار رغبة أولى ورغبة ثانية.",
        ),
        "uk": (
            "Інтеграційна конференція {year}",
            "Разом визначаємо потреби та розробляємо рекомендації для концепції інтеграції.",
            None,
        ),
        "en": (
            "Integration conference {year}",
            "Naming needs together and developing recommendations for the integration concept.",
            "After an introduction and a report from the administration, participants work in "
            "**ten parallel workshops** on the fields of action. When you register, you choose "
            "a first and a second preference.",
        ),
    },
    "beteiligungs-workshops": {
        "ar": (
            "ورش عمل تشاركية: أفكارك لمفهوم الاندماج",
            "ورشة عمل واحدة بأربعة مواعيد في أربعة أماكن – اختر الموعد الذي يناسبك.",
            HEILBRONN_TEXT_AR,
        ),
        "uk": (
            "Воркшопи участі: ваші ідеї для концепції інтеграції",
            "Один воркшоп, чотири дати в чотирьох місцях – оберіть ту, що вам підходить.",
            HEILBRONN_TEXT_UK,
        ),
        "en": (
            "Participation workshops: your ideas for the integration concept",
            "One workshop, four dates at four places – choose the date that suits you.",
            HEILBRONN_TEXT_EN,
        ),
    },
    "netzwerktreffen": {
        "ar": (
            "لقاء شبكة الاندماج",
            "تبادل بين الفاعلين ومجموعات العمل في شبكة الاندماج.",
            None,
        ),
        "en": (
            "Integration network meeting",
            "Exchange between the actors and working groups of the integration network.",
            "Reports from the working groups, new services in the county and time to talk.",
        ),
    },
    "beteiligungs-workshops-integrationskonzept-2023": {
        "ar": (
            "ورش عمل تشاركية لتحديث مفهوم الاندماج",
            "أربع ورش عمل متطابقة المحتوى في أربعة أماكن في المقاطعة – يُرجى اختيار موعد.",
            HEILBRONN_TEXT_AR,
        ),
        "en": (
            "Participation workshops on updating the integration concept",
            "Four workshops with the same content at four places in the county – please choose "
            "a date.",
            HEILBRONN_TEXT_EN,
        ),
    },
}
# The summary was translated before the German was reworded: outdated.
OLDER_SUMMARY = {
    ("beteiligungs-workshops", "uk"): "Ein Workshop, vier Termine – wählen Sie Ihren Termin.",
}

PROGRAMME = {
    "Begrüßung": {"ar": "الترحيب", "uk": "Вітання", "en": "Welcome"},
    "Bericht der Koordinierungsstelle": {
        "ar": "تقرير مكتب التنسيق",
        "uk": "Звіт координаційного офісу",
        "en": "Report of the coordination office",
    },
    "Arbeitsphase in zehn Workshops": {
        "ar": "مرحلة العمل في عشر ورش",
        "en": "Working phase in ten workshops",
    },
    "Ergebnisse im Plenum": {
        "ar": "عرض النتائج في الجلسة العامة",
        "uk": "Результати на пленарному засіданні",
        "en": "Results in the plenary",
    },
}

WORKSHOPS = dict(
    zip(
        TEN_WORKSHOPS,
        [
            {"ar": "العمل", "uk": "Робота", "en": "Work"},
            {"ar": "المدرسة", "uk": "Школа", "en": "School"},
            {"ar": "اللغة", "uk": "Мова", "en": "Language"},
            {"ar": "الصحة", "uk": "Здоров’я", "en": "Health"},
            {"ar": "الرياضة والترفيه", "uk": "Спорт і дозвілля", "en": "Sport and leisure"},
            {"ar": "الاندماج", "uk": "Інтеграція", "en": "Integration"},
            {"ar": "التنقل", "en": "Mobility"},
            {"ar": "التشبيك والعمل التطوعي", "en": "Networking and volunteering"},
            {"ar": "السكن والجوار", "uk": "Житло та сусідство", "en": "Housing and neighbourhood"},
            {
                "ar": "مرافقة اللاجئين ورعايتهم",
                "en": "Accompanying and supporting refugees",
            },
        ],
        strict=True,
    )
)
LANGUAGES = ("ar", "uk", "en")


def seed() -> None:
    """Translate the demo events of Harz and Heilbronn (run after the events exist)."""
    from conferences.models import Event, ProgrammeItem, Workshop

    for region in Region.objects.filter(slug__in=REGIONS):
        if not region.translation_languages:
            region.translation_languages = list(LANGUAGES)
            region.save(update_fields=["translation_languages"])
        events = {e.slug: e for e in Event.objects.in_region(region).filter(slug__in=EVENTS)}
        items = list(
            ProgrammeItem.objects.in_region(region).filter(event_date__event__in=events.values())
        )
        workshops = list(
            Workshop.objects.in_region(region).filter(event_date__event__in=events.values())
        )
        for language in LANGUAGES:
            updates: list[TextUpdate] = []
            for slug, event in events.items():
                texts = EVENTS[slug].get(language)
                if texts is None:
                    continue
                year = event.title.rsplit(" ", 1)[-1]
                for field, text in zip(("title", "summary", "description"), texts, strict=True):
                    if text and getattr(event, field):
                        older = OLDER_SUMMARY.get((slug, language)) if field == "summary" else None
                        updates.append(
                            TextUpdate(
                                event, field, text.replace("{year}", year), source_text=older
                            )
                        )
            for item in items:
                text = PROGRAMME.get(item.title, {}).get(language)
                if text:
                    updates.append(TextUpdate(item, "title", text))
            for workshop in workshops:
                text = WORKSHOPS.get(workshop.title, {}).get(language)
                if text:
                    updates.append(TextUpdate(workshop, "title", text))
            translations_save(region=region, language=language, updates=updates)
