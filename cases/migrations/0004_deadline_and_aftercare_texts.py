"""Standard texts for the legal clocks and for aftercare, in every reporter language.

They say what changed and where to look (the dates stand at the top of the mailbox), so they need no
placeholders. Administrators edit them later like the other standard messages.
"""

from django.db import migrations

LANGS = ["nl", "en", "fr", "es", "pt", "ar", "ru", "zh_hans"]

TEXTS = {
    "deadline_extended": [
        "Wij hebben meer tijd nodig om uw melding zorgvuldig af te handelen. Daarom hebben wij de termijn verlengd."
        " De nieuwe datum staat bovenaan deze berichtenbox. Heeft u vragen, stel ze dan hier.",
        "We need more time to handle your report carefully, so we have extended the deadline. The new date is shown"
        " at the top of this mailbox. If you have any questions, ask them here.",
        "Nous avons besoin de plus de temps pour traiter votre signalement avec soin ; nous avons donc prolongé le"
        " délai. La nouvelle date figure en haut de cette messagerie. Si vous avez des questions, posez-les ici.",
        "Necesitamos más tiempo para tramitar su denuncia con cuidado, por lo que hemos ampliado el plazo. La nueva"
        " fecha aparece en la parte superior de este buzón. Si tiene preguntas, hágalas aquí.",
        "Precisamos de mais tempo para tratar a sua denúncia com cuidado e, por isso, prorrogamos o prazo. A nova"
        " data aparece no topo desta caixa de mensagens. Se tiver perguntas, faça-as aqui.",
        "نحتاج إلى مزيد من الوقت لمعالجة بلاغك بعناية، لذلك مددنا المهلة. يظهر التاريخ الجديد في أعلى صندوق الرسائل"
        " هذا. إذا كانت لديك أسئلة، فاطرحها هنا.",
        "Нам нужно больше времени, чтобы тщательно рассмотреть ваше сообщение, поэтому мы продлили срок. Новая дата"
        " указана в верхней части этого почтового ящика. Если у вас есть вопросы, задайте их здесь.",
        "我们需要更多时间来认真处理您的举报，因此延长了期限。新的日期显示在本信箱顶部。如有任何问题，请在这里提出。",
    ],
    "deadlines_suspended": [
        "Wij hebben de termijnen voor uw melding tijdelijk stilgezet, omdat wij moeten wachten op iets dat buiten ons"
        " ligt. Zodra wij verdergaan, laten wij het u hier weten; de termijnen lopen dan door met de tijd die nog"
        " over was.",
        "We have temporarily paused the deadlines for your report, because we have to wait for something outside our"
        " control. As soon as we continue we will tell you here; the deadlines then resume with the time that was"
        " left.",
        "Nous avons temporairement suspendu les délais de votre signalement, car nous devons attendre un élément qui"
        " ne dépend pas de nous. Dès que nous reprendrons, nous vous le dirons ici ; les délais reprendront alors avec"
        " le temps qui restait.",
        "Hemos suspendido temporalmente los plazos de su denuncia, porque tenemos que esperar algo que no depende de"
        " nosotros. En cuanto continuemos se lo diremos aquí; los plazos se reanudarán entonces con el tiempo que"
        " quedaba.",
        "Suspendemos temporariamente os prazos da sua denúncia, porque temos de aguardar algo que não depende de nós."
        " Assim que retomarmos, avisaremos aqui; os prazos voltam então a contar com o tempo que restava.",
        "أوقفنا مؤقتًا المهل الخاصة ببلاغك، لأننا ننتظر أمرًا خارجًا عن إرادتنا. سنخبرك هنا فور استئناف العمل، وعندها"
        " تستأنف المهل بالوقت الذي كان متبقيًا.",
        "Мы временно приостановили сроки по вашему сообщению, так как нам нужно дождаться того, что от нас не зависит."
        " Как только мы продолжим, мы сообщим вам здесь; сроки возобновятся с тем временем, которое оставалось.",
        "由于我们需要等待一些不在我们控制范围内的事情，我们暂时中止了您举报的期限。一旦继续处理，我们会在这里告诉您；届时期限将按剩余时间继续计算。",
    ],
    "deadlines_resumed": [
        "Wij gaan weer verder met uw melding. De termijnen lopen weer; de nieuwe data staan bovenaan deze berichtenbox.",
        "We are continuing with your report. The deadlines are running again; the new dates are shown at the top of"
        " this mailbox.",
        "Nous reprenons le traitement de votre signalement. Les délais courent à nouveau ; les nouvelles dates figurent"
        " en haut de cette messagerie.",
        "Continuamos con su denuncia. Los plazos vuelven a correr; las nuevas fechas aparecen en la parte superior de"
        " este buzón.",
        "Retomamos o tratamento da sua denúncia. Os prazos voltaram a contar; as novas datas aparecem no topo desta"
        " caixa de mensagens.",
        "استأنفنا العمل على بلاغك. عادت المهل إلى السريان؛ وتظهر التواريخ الجديدة في أعلى صندوق الرسائل هذا.",
        "Мы продолжаем работу по вашему сообщению. Сроки снова идут; новые даты указаны в верхней части этого"
        " почтового ящика.",
        "我们已继续处理您的举报。期限重新开始计算；新的日期显示在本信箱顶部。如有任何问题，请在这个信箱里告诉我们。",
    ],
    "aftercare_checkin": [
        "Enige tijd geleden hebben wij uw melding afgesloten. Wij willen graag weten hoe het nu met u gaat. Heeft u"
        " sindsdien nadelige gevolgen ervaren voor uw loopbaan of uw positie, bijvoorbeeld bij een beoordeling, een"
        " bevordering, een verlenging of in de omgang met collega's? U kunt hieronder ja of nee antwoorden en, als u"
        " wilt, iets toelichten. Antwoordt u ja, dan neemt de CCI contact met u op.",
        "Some time ago we closed your report. We would like to know how you are doing now. Since then, have you met"
        " any negative consequence for your career or position, for example in an assessment, a promotion, a renewal"
        " or in how colleagues treat you? You can answer yes or no below and, if you like, explain. If you answer"
        " yes, the CCI will contact you.",
        "Il y a quelque temps, nous avons clôturé votre signalement. Nous aimerions savoir comment vous allez"
        " aujourd'hui. Avez-vous subi depuis des conséquences négatives pour votre carrière ou votre situation, par"
        " exemple lors d'une évaluation, d'une promotion, d'un renouvellement ou dans l'attitude de vos collègues ?"
        " Vous pouvez répondre oui ou non ci-dessous et, si vous le souhaitez, préciser. Si vous répondez oui, la CCI"
        " prendra contact avec vous.",
        "Hace un tiempo cerramos su denuncia. Nos gustaría saber cómo se encuentra ahora. ¿Ha sufrido desde entonces"
        " alguna consecuencia negativa para su carrera o su posición, por ejemplo en una evaluación, un ascenso, una"
        " renovación o en el trato de sus colegas? Puede responder sí o no más abajo y, si lo desea, explicarlo. Si"
        " responde que sí, la CCI se pondrá en contacto con usted.",
        "Há algum tempo encerramos a sua denúncia. Gostaríamos de saber como você está agora. Desde então, sofreu"
        " alguma consequência negativa para a sua carreira ou posição, por exemplo numa avaliação, numa promoção,"
        " numa renovação ou na forma como os colegas o tratam? Pode responder sim ou não abaixo e, se quiser,"
        " explicar. Se responder sim, a CCI entrará em contato com você.",
        "أغلقنا بلاغك منذ بعض الوقت. نود أن نعرف كيف حالك الآن. هل واجهت منذ ذلك الحين أي عواقب سلبية على مسيرتك المهنية"
        " أو وضعك، مثلًا في تقييم أو ترقية أو تجديد عقد أو في طريقة معاملة زملائك لك؟ يمكنك الإجابة بنعم أو لا أدناه، وإن"
        " شئت أن تشرح. إذا أجبت بنعم، فسيتواصل معك فريق CCI.",
        "Некоторое время назад мы закрыли ваше сообщение. Нам хотелось бы знать, как у вас дела сейчас. Столкнулись ли"
        " вы с тех пор с негативными последствиями для вашей карьеры или положения, например при оценке, повышении,"
        " продлении контракта или в отношении коллег? Вы можете ответить «да» или «нет» ниже и, если хотите, пояснить."
        " Если вы ответите «да», CCI свяжется с вами.",
        "不久前我们结束了对您举报的处理。我们想了解您现在的情况。自那以后，您的职业或职位是否受到任何不利影响，例如在考核、晋升、续约或同事对待您的方式上？您可以在下方回答是或否，如愿意也可以加以说明。如果您回答是，CCI 将与您联系。",
    ],
    "retaliation_concern": [
        "Dank u voor uw antwoord. De CCI neemt uw signaal van nadelige gevolgen serieus en pakt het op. U hoort"
        " binnen een week van ons in deze berichtenbox.",
        "Thank you for your answer. The CCI takes your signal of negative consequences seriously and will follow it"
        " up. You will hear from us in this mailbox within a week.",
        "Merci pour votre réponse. La CCI prend au sérieux votre signalement de conséquences négatives et va y donner"
        " suite. Vous aurez de nos nouvelles dans cette messagerie d'ici une semaine.",
        "Gracias por su respuesta. La CCI se toma en serio su aviso de consecuencias negativas y le dará seguimiento."
        " Tendrá noticias nuestras en este buzón en el plazo de una semana.",
        "Obrigado pela sua resposta. A CCI leva a sério o seu aviso de consequências negativas e vai dar-lhe"
        " seguimento. Você terá notícias nossas nesta caixa de mensagens dentro de uma semana.",
        "شكرًا لك على إجابتك. يأخذ فريق CCI إشارتك إلى العواقب السلبية على محمل الجد وسيتابعها. ستصلك أخبارنا في صندوق"
        " الرسائل هذا خلال أسبوع.",
        "Спасибо за ваш ответ. CCI серьёзно относится к вашему сигналу о негативных последствиях и займётся им. Вы"
        " получите от нас ответ в этом почтовом ящике в течение недели.",
        "感谢您的回答。CCI 会认真对待您反映的不利影响并跟进处理。一周内您会在本信箱收到我们的消息，请留意查看。",
    ],
}


def add_texts(apps, schema_editor):
    StandardMessage = apps.get_model("cases", "StandardMessage")
    for kind, texts in TEXTS.items():
        fields = {f"body_{lang}": text for lang, text in zip(LANGS, texts, strict=True)}
        StandardMessage.objects.update_or_create(kind=kind, defaults={"body": texts[0], **fields})


def remove_texts(apps, schema_editor):
    apps.get_model("cases", "StandardMessage").objects.filter(kind__in=list(TEXTS)).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_deadlines_reminders_aftercare")]
    operations = [migrations.RunPython(add_texts, remove_texts)]
