"""The integrity categories the Rijk counts in its annual figures, named in every reporter language."""

from django.db import migrations

LANGS = ["nl", "en", "fr", "es", "pt", "ar", "ru", "zh_hans"]

# code, parent, position, active, names in LANGS order
CATEGORIES = [
    ("financial", None, 10, True, [
        "Financiële integriteit (fraude, diefstal, omkoping)",
        "Financial misconduct (fraud, theft, bribery)",
        "Manquement financier (fraude, vol, corruption)",
        "Falta financiera (fraude, robo, soborno)",
        "Falta financeira (fraude, roubo, suborno)",
        "مخالفة مالية (احتيال، سرقة، رشوة)",
        "Финансовые нарушения (мошенничество, кража, взятки)",
        "财务违规（欺诈、盗窃、贿赂）",
    ]),
    ("misuse_of_position", None, 20, True, [
        "Misbruik van positie of belangenverstrengeling",
        "Misuse of position or conflict of interest",
        "Abus de fonction ou conflit d'intérêts",
        "Abuso de cargo o conflicto de intereses",
        "Abuso de posição ou conflito de interesses",
        "إساءة استخدام المنصب أو تضارب المصالح",
        "Злоупотребление положением или конфликт интересов",
        "滥用职位或利益冲突",
    ]),
    ("information", None, 30, True, [
        "Lekken of misbruik van informatie",
        "Leaking or misuse of information",
        "Fuite ou usage abusif d'informations",
        "Filtración o uso indebido de información",
        "Fuga ou uso indevido de informação",
        "تسريب المعلومات أو إساءة استخدامها",
        "Утечка или злоупотребление информацией",
        "泄露或滥用信息",
    ]),
    ("misuse_of_powers", None, 40, True, [
        "Misbruik van bevoegdheden",
        "Misuse of powers",
        "Abus de pouvoir",
        "Abuso de poder",
        "Abuso de poder",
        "إساءة استخدام الصلاحيات",
        "Превышение полномочий",
        "滥用权力",
    ]),
    ("misuse_of_force", None, 45, False, [
        "Misbruik van geweldsbevoegdheden",
        "Misuse of powers of force",
        "Usage abusif de la force",
        "Uso indebido de la fuerza",
        "Uso indevido da força",
        "إساءة استخدام صلاحيات القوة",
        "Злоупотребление силовыми полномочиями",
        "滥用武力权力",
    ]),
    ("undesirable_conduct", None, 50, True, [
        "Ongewenste omgangsvormen",
        "Undesirable conduct",
        "Comportement inapproprié",
        "Conducta indeseada",
        "Conduta indesejada",
        "السلوك غير اللائق",
        "Недопустимое поведение",
        "不当行为",
    ]),
    ("racism_discrimination", "undesirable_conduct", 51, True, [
        "Racisme en discriminatie",
        "Racism and discrimination",
        "Racisme et discrimination",
        "Racismo y discriminación",
        "Racismo e discriminação",
        "العنصرية والتمييز",
        "Расизм и дискриминация",
        "种族主义和歧视",
    ]),
    ("sexual_harassment", "undesirable_conduct", 52, True, [
        "Seksuele intimidatie",
        "Sexual harassment",
        "Harcèlement sexuel",
        "Acoso sexual",
        "Assédio sexual",
        "التحرش الجنسي",
        "Сексуальные домогательства",
        "性骚扰",
    ]),
    ("bullying", "undesirable_conduct", 53, True, [
        "Pesten",
        "Bullying",
        "Harcèlement moral",
        "Acoso laboral",
        "Assédio moral",
        "التنمر",
        "Травля",
        "欺凌",
    ]),
    ("aggression", "undesirable_conduct", 54, True, [
        "Agressie en geweld",
        "Aggression and violence",
        "Agression et violence",
        "Agresión y violencia",
        "Agressão e violência",
        "العدوان والعنف",
        "Агрессия и насилие",
        "攻击和暴力",
    ]),
    ("private_life", None, 60, True, [
        "Misdragingen in de privésfeer",
        "Misconduct in private life",
        "Inconduite dans la vie privée",
        "Mala conducta en la vida privada",
        "Má conduta na vida privada",
        "سوء السلوك في الحياة الخاصة",
        "Проступки в частной жизни",
        "私生活中的不当行为",
    ]),
    ("resources_rules", None, 70, True, [
        "Misbruik van middelen of overtreding van interne regels",
        "Misuse of resources or breach of internal rules",
        "Usage abusif des moyens ou violation des règles internes",
        "Uso indebido de recursos o incumplimiento de normas internas",
        "Uso indevido de recursos ou violação de regras internas",
        "إساءة استخدام الموارد أو مخالفة القواعد الداخلية",
        "Злоупотребление ресурсами или нарушение внутренних правил",
        "滥用资源或违反内部规定",
    ]),
    ("misstand", None, 80, True, [
        "Vermoeden van een misstand (maatschappelijk belang)",
        "Suspected wrongdoing of public interest",
        "Soupçon d'irrégularité d'intérêt public",
        "Sospecha de irregularidad de interés público",
        "Suspeita de irregularidade de interesse público",
        "اشتباه في مخالفة تمس المصلحة العامة",
        "Подозрение на нарушение, затрагивающее общественные интересы",
        "涉嫌损害公共利益的不当行为",
    ]),
]


def add_categories(apps, schema_editor):
    Category = apps.get_model("intake", "Category")
    by_code = {}
    for code, parent, position, active, names in CATEGORIES:
        fields = {f"name_{lang}": name for lang, name in zip(LANGS, names, strict=True)}
        category, _ = Category.objects.update_or_create(
            code=code,
            defaults={"name": names[0], "parent": by_code.get(parent), "position": position, "is_active": active, **fields},
        )
        by_code[code] = category


def remove_categories(apps, schema_editor):
    Category = apps.get_model("intake", "Category")
    codes = [code for code, *_ in CATEGORIES]
    Category.objects.filter(code__in=codes, parent__isnull=False, reports__isnull=True).delete()
    Category.objects.filter(code__in=codes, children__isnull=True, reports__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial")]
    operations = [migrations.RunPython(add_categories, remove_categories)]
