"""The intake category through which anyone reports that a counsellor broke confidentiality or acted
wrongly. Its route sends the report to the counsellor coordinator, never to a desk or a counsellor.
Used by the data migration 0007 and by tests that flush the database."""

CODE = "counsellor_conduct"
LANGS = ["nl", "en", "fr", "es", "pt", "ar", "ru", "zh_hans"]
NAMES = [
    "Een vertrouwenspersoon schond de vertrouwelijkheid of handelde verkeerd",
    "A confidential counsellor broke confidentiality or acted wrongly",
    "Une personne de confiance a rompu la confidentialité ou a mal agi",
    "Una persona de confianza rompió la confidencialidad o actuó mal",
    "Uma pessoa de confiança quebrou a confidencialidade ou agiu mal",
    "مستشار ثقة أخلّ بالسرّية أو تصرّف على نحو خاطئ",
    "Доверенный консультант нарушил конфиденциальность или поступил неправильно",
    "信任顾问泄露了保密内容或有不当行为",
]
DESCRIPTIONS = [
    "Dit gaat naar de coördinerend vertrouwenspersoon, nooit naar de vertrouwenspersoon om wie het gaat, "
    "en niet naar het CCI of het externe meldpunt. U kunt anoniem blijven en volgt het op met uw ontvangstcode.",
    "This goes to the counsellor coordinator, never to the counsellor concerned, and not to the CCI or the "
    "external reporting point. You may stay anonymous and follow it up with your receipt code.",
    "Ceci est transmis à la personne de confiance coordinatrice, jamais à la personne de confiance concernée, "
    "ni au CCI ni au point de signalement externe. Vous pouvez rester anonyme et suivre l'affaire avec votre "
    "code de récépissé.",
    "Esto va a la persona de confianza coordinadora, nunca a la persona de confianza afectada, ni al CCI ni al "
    "punto de denuncia externo. Puede permanecer en el anonimato y hacer el seguimiento con su código de recibo.",
    "Isto vai para a pessoa de confiança coordenadora, nunca para a pessoa de confiança em causa, nem para o "
    "CCI nem para o ponto de denúncia externo. Você pode ficar anônimo e acompanhar com o seu código de recibo.",
    "يصل هذا إلى منسّق مستشاري الثقة، ولا يصل أبدًا إلى مستشار الثقة المعني، ولا إلى CCI أو جهة الإبلاغ "
    "الخارجية. يمكنك البقاء دون كشف هويتك ومتابعة الأمر برمز الإيصال الخاص بك.",
    "Это обращение получает координатор доверенных консультантов — никогда не сам консультант, о котором идёт "
    "речь, и не CCI или внешний пункт приёма обращений. Вы можете остаться анонимным и следить за ходом дела "
    "по коду квитанции.",
    "此举报将转交信任顾问协调员，绝不会转交给被举报的信任顾问，也不会转交 CCI 或外部举报处。"
    "您可以保持匿名，并凭回执码跟进。",
]
POSITION = 900  # after the Rijk categories


def add_category(apps, schema_editor=None):
    Category = apps.get_model("intake", "Category")
    fields = {f"name_{lang}": name for lang, name in zip(LANGS, NAMES, strict=True)}
    fields |= {f"description_{lang}": text for lang, text in zip(LANGS, DESCRIPTIONS, strict=True)}
    Category.objects.update_or_create(
        code=CODE,
        defaults={"name": NAMES[0], "description": DESCRIPTIONS[0], "position": POSITION, "is_active": True,
                  "route": "counsellors", "parent": None, **fields},
    )


def remove_category(apps, schema_editor=None):
    apps.get_model("intake", "Category").objects.filter(code=CODE, reports__isnull=True).delete()
