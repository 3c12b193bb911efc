"""Demo translations of the office pages and fields of action of Harz and Heilbronn (Arabic,
Ukrainian, English). The regions publish these three languages; Harz's office introduction is
left untranslated in Ukrainian, so the public sees German marked as not yet translated."""

from __future__ import annotations

from portal.models import FieldOfAction, Region, TeamMember
from portal.translations.services import TextUpdate, translations_save

LANGUAGES = ["ar", "uk", "en"]

OFFICE = {
    "harz": {
        "ar": {
            "office_name": "مكتب تنسيق شؤون الهجرة",
            "office_department": "دائرة الشؤون الاجتماعية",
            "opening_hours": "الثلاثاء 9–12 و13–18، الخميس 9–12 و13–16",
            "introduction": "يربط مكتب تنسيق شؤون الهجرة جهود الاندماج وينسّقها، ويدعم العمل "
            "التطوعي، ولا سيما مرشدي الاندماج. ويرعى شبكة الاندماج ومجموعات العمل فيها حسب "
            "مجالات العمل، وكذلك قاعدتي بيانات الجهات المقدِّمة والعروض اللتين تُحدَّثان سنوياً.",
        },
        "uk": {
            "office_name": "Координаційний офіс з питань міграції",
            "office_department": "Соціальне управління",
            "opening_hours": "Вт 9–12 і 13–18, Чт 9–12 і 13–16",
        },
        "en": {
            "office_name": "Coordination Office for Migration",
            "office_department": "Social Welfare Office",
            "opening_hours": "Tue 9 am–12 noon and 1–6 pm, Thu 9 am–12 noon and 1–4 pm",
            "introduction": "The Coordination Office for Migration connects and coordinates "
            "integration work and supports volunteering, especially the integration guides. It "
            "looks after the Integration Network with its working groups in the fields of action "
            "as well as the provider and offer databases, which are updated every year.",
        },
    },
    "heilbronn": {
        "ar": {
            "office_name": "مفوّضة شؤون الاندماج في مكتب المقاطعة",
            "office_department": "مكتب مقاطعة هايلبرون",
            "opening_hours": "من الاثنين إلى الجمعة 8–12، الخميس 14–17:30",
            "introduction": "يشكّل مفهوم الاندماج الذي وُضع لأول مرة عام 2016 دليلاً لعمل "
            "الاندماج في التعليم والعمل والتأهيل المهني وتعلّم اللغة الألمانية. وفي عام 2023 "
            "يُحدَّث بمشاركة سكان المقاطعة.",
        },
        "uk": {
            "office_name": "Уповноважена з питань інтеграції в районній адміністрації",
            "office_department": "Районна адміністрація Гайльбронна",
            "opening_hours": "Пн–Пт 8–12, Чт 14–17:30",
            "introduction": "Концепція інтеграції, вперше створена 2016 року, є дороговказом "
            "для інтеграційної роботи в освіті, праці та професійній кваліфікації, а також у "
            "вивченні німецької мови. 2023 року її оновлюють за участі мешканців округу.",
        },
        "en": {
            "office_name": "Integration Commissioner at the District Office",
            "office_department": "Heilbronn District Office",
            "opening_hours": "Mon–Fri 8 am–12 noon, Thu 2–5:30 pm",
            "introduction": "The integration concept, first written in 2016, guides integration "
            "work in education, employment and vocational training and in learning German. In "
            "2023 it is being updated with the participation of the county's residents.",
        },
    },
}

ROLES = {
    "Koordinierungsstelle für Migration": {
        "ar": "مكتب تنسيق شؤون الهجرة",
        "uk": "Координаційний офіс з питань міграції",
        "en": "Coordination Office for Migration",
    },
    "Koordinierungsstelle für Migration, Integrationslotsen": {
        "ar": "مكتب تنسيق شؤون الهجرة، مرشدو الاندماج",
        "en": "Coordination Office for Migration, integration guides",
    },
}

# The default fields of action (portal.services.DEFAULT_FIELDS_OF_ACTION): name, description.
FIELDS = {
    "Arbeit": {
        "ar": ("العمل", "التدريب المهني وسوق العمل والاعتراف المهني"),
        "uk": ("Робота", "Професійна підготовка, ринок праці та визнання кваліфікацій"),
        "en": ("Work", "Vocational training, the labour market and professional recognition"),
    },
    "Schule": {
        "ar": ("المدرسة", "رياض الأطفال والمدرسة والتعليم"),
        "uk": ("Школа", "Дитсадок, школа та освіта"),
        "en": ("School", "Nursery, school and education"),
    },
    "Sprache": {
        "ar": ("اللغة", "دورات اللغة ودعم تعلّمها"),
        "uk": ("Мова", "Мовні курси та мовна підтримка"),
        "en": ("Language", "Language courses and language support"),
    },
    "Gesundheit": {
        "ar": ("الصحة", "الرعاية الصحية والوقاية والتمريض"),
        "uk": ("Здоров’я", "Медична допомога, профілактика та догляд"),
        "en": ("Health", "Health care, prevention and nursing care"),
    },
    "Sport und Freizeit": {
        "ar": ("الرياضة والترفيه", "الأندية والرياضة والثقافة والترفيه"),
        "uk": ("Спорт і дозвілля", "Клуби, спорт, культура та дозвілля"),
        "en": ("Sport and leisure", "Clubs, sport, culture and leisure"),
    },
    "Integration": {
        "ar": ("الاندماج", "المشاركة والانفتاح بين الثقافات والعيش المشترك"),
        "uk": ("Інтеграція", "Участь, міжкультурна відкритість і спільне життя"),
        "en": ("Integration", "Participation, intercultural openness and living together"),
    },
    "Mobilität": {
        "ar": ("التنقل", "النقل العام المحلي والتنقل في المناطق الريفية"),
        "en": ("Mobility", "Local public transport and mobility in rural areas"),
    },
    "Vernetzung und Ehrenamt": {
        "ar": ("التشبيك والعمل التطوعي", "الشبكات ومرشدو الاندماج والعمل التطوعي"),
        "uk": ("Мережі та волонтерство", "Мережі, провідники з інтеграції та волонтерство"),
        "en": ("Networking and volunteering", "Networks, integration guides and volunteering"),
    },
    "Wohnen und Nachbarschaft": {
        "ar": ("السكن والجوار", "المساكن والجوار والحي"),
        "uk": ("Житло та сусідство", "Житло, сусідство та квартал"),
        "en": ("Housing and neighbourhood", "Housing, neighbourhood and local quarter"),
    },
    "Begleitung und Betreuung von Flüchtlingen": {
        "ar": ("مرافقة اللاجئين ورعايتهم", "التوجيه الأولي والاستشارة ومرافقة اللاجئين"),
        "uk": (
            "Супровід і підтримка біженців",
            "Перша орієнтація, консультації та супровід біженців",
        ),
        "en": (
            "Accompanying and supporting refugees",
            "First orientation, counselling and accompanying refugees",
        ),
    },
}


def seed() -> None:
    for region in Region.objects.filter(slug__in=OFFICE):
        region.translation_languages = LANGUAGES
        region.save(update_fields=["translation_languages"])
        team = list(TeamMember.objects.in_region(region))
        fields = list(FieldOfAction.objects.in_region(region))
        for language in LANGUAGES:
            updates = [
                TextUpdate(region, name, text)
                for name, text in OFFICE[region.slug].get(language, {}).items()
            ]
            updates += [
                TextUpdate(member, "role", ROLES[member.role][language])
                for member in team
                if language in ROLES.get(member.role, {})
            ]
            for field in fields:
                texts = FIELDS.get(field.name, {}).get(language)
                if texts:
                    updates.append(TextUpdate(field, "name", texts[0]))
                    if field.description:
                        updates.append(TextUpdate(field, "description", texts[1]))
            translations_save(region=region, language=language, updates=updates)
