"""The standard messages to reporters, in every reporter language. Administrators edit them later.

"[...]" marks where the handler writes the part that only they can write; the form refuses a text
that still holds it.
"""

from django.db import migrations

LANGS = ["nl", "en", "fr", "es", "pt", "ar", "ru", "zh_hans"]

TEXTS = {
    "acknowledgement": [
        "Dank u voor uw melding. Wij bevestigen dat wij haar hebben ontvangen.\n\n"
        "Wij bekijken zorgvuldig wat u hebt geschreven en beslissen hoe wij de melding verder oppakken. U hoort"
        " van ons in deze berichtenbox: uiterlijk binnen drie maanden laten wij u weten wat wij met uw melding "
        "hebben gedaan.\n\n"
        "Uw melding wordt vertrouwelijk behandeld. Een melding te goeder trouw mag nooit schade doen aan uw "
        "positie of loopbaan; merkt u toch nadelige gevolgen, laat het ons dan hier weten.\n\n"
        "Wilt u ons spreken, op kantoor, per telefoon of per video? Dan kunt u in deze berichtenbox om een "
        "gesprek vragen.",

        "Thank you for your report. We confirm that we have received it.\n\n"
        "We will look carefully at what you wrote and decide how to follow it up. You will hear from us in this"
        " mailbox: within three months at the latest we will tell you what we have done with your report.\n\n"
        "Your report is handled confidentially. Reporting in good faith must never harm your position or "
        "career; if you notice any negative consequence, tell us here.\n\n"
        "If you would like to talk to us in person, by phone or by video, you can ask for a meeting in this "
        "mailbox.",

        "Merci pour votre signalement. Nous confirmons l'avoir bien reçu.\n\n"
        "Nous allons examiner attentivement ce que vous avez écrit et décider de la suite à y donner. Vous "
        "aurez de nos nouvelles dans cette messagerie : au plus tard dans trois mois, nous vous dirons ce que "
        "nous avons fait de votre signalement.\n\n"
        "Votre signalement est traité de manière confidentielle. Un signalement fait de bonne foi ne doit "
        "jamais nuire à votre situation ni à votre carrière ; si vous constatez des conséquences négatives, "
        "dites-le-nous ici.\n\n"
        "Si vous souhaitez nous parler en personne, par téléphone ou par vidéo, vous pouvez demander un "
        "entretien dans cette messagerie.",

        "Gracias por su denuncia. Le confirmamos que la hemos recibido.\n\n"
        "Vamos a estudiar con atención lo que nos ha escrito y a decidir cómo darle seguimiento. Tendrá "
        "noticias nuestras en este buzón: en un plazo máximo de tres meses le diremos qué hemos hecho con su "
        "denuncia.\n\n"
        "Su denuncia se trata de forma confidencial. Denunciar de buena fe nunca debe perjudicar su posición ni"
        " su carrera; si nota alguna consecuencia negativa, díganoslo aquí.\n\n"
        "Si desea hablar con nosotros en persona, por teléfono o por videollamada, puede pedir una reunión en "
        "este buzón.",

        "Obrigado pela sua denúncia. Confirmamos que a recebemos.\n\n"
        "Vamos analisar com atenção o que você escreveu e decidir como dar seguimento a ela. Você terá notícias"
        " nossas nesta caixa de mensagens: no prazo máximo de três meses, diremos o que fizemos com a sua "
        "denúncia.\n\n"
        "Sua denúncia é tratada de forma confidencial. Denunciar de boa-fé nunca deve prejudicar sua posição "
        "nem sua carreira; se você notar alguma consequência negativa, conte-nos aqui.\n\n"
        "Se quiser falar conosco pessoalmente, por telefone ou por vídeo, você pode pedir uma reunião nesta "
        "caixa de mensagens.",

        "شكرًا لك على بلاغك. نؤكد لك أننا استلمناه.\n\n"
        "سندرس بعناية ما كتبته ونقرر كيفية متابعته. ستصلك أخبارنا في صندوق الرسائل هذا: في غضون ثلاثة أشهر على "
        "الأكثر سنخبرك بما قمنا به بشأن بلاغك.\n\n"
        "يُعامَل بلاغك بسرية. لا يجوز أبدًا أن يضر الإبلاغ بحسن نية بوضعك الوظيفي أو بمسارك المهني؛ وإذا لاحظت "
        "أي عواقب سلبية فأخبرنا بذلك هنا.\n\n"
        "إذا كنت ترغب في التحدث إلينا شخصيًا أو عبر الهاتف أو الفيديو، يمكنك طلب لقاء من خلال صندوق الرسائل "
        "هذا.",

        "Благодарим вас за обращение. Подтверждаем, что мы его получили.\n\n"
        "Мы внимательно изучим то, что вы написали, и решим, как действовать дальше. Вы получите от нас ответ в"
        " этом почтовом ящике: не позднее чем через три месяца мы сообщим вам, что было сделано по вашему "
        "обращению.\n\n"
        "Ваше обращение рассматривается конфиденциально. Обращение, поданное добросовестно, никогда не должно "
        "вредить вашему положению или карьере; если вы заметите какие-либо негативные последствия, напишите нам"
        " здесь.\n\n"
        "Если вы хотите поговорить с нами лично, по телефону или по видеосвязи, вы можете попросить о встрече в"
        " этом почтовом ящике.",

        "感谢您的举报。我们确认已经收到。\n\n"
        "我们会认真阅读您所写的内容，并决定如何跟进。我们会在这个信箱中与您联系：最迟在三个月内，我们会告诉您我们对您的举报采取了哪些措施。\n\n"
        "您的举报会被保密处理。出于善意的举报绝不应损害您的职位或职业发展；如果您发现任何不利后果，请在这里告诉我们。\n\n"
        "如果您希望当面、通过电话或视频与我们交谈，可以在这个信箱中申请会面。",
    ],
    "more_information": [
        "Dank u voor uw melding. Om haar goed te kunnen beoordelen hebben wij meer informatie van u nodig.\n\n"
        "[...]\n\n"
        "U kunt in deze berichtenbox antwoorden, in uw eigen taal. Deel alleen wat u wilt delen; wilt u anoniem"
        " blijven, schrijf dan uw naam niet op.",

        "Thank you for your report. To assess it properly we need some more information from you.\n\n"
        "[...]\n\n"
        "You can answer in this mailbox, in your own language. Only share what you are comfortable sharing; if "
        "you want to stay anonymous, do not write your name.",

        "Merci pour votre signalement. Pour bien l'évaluer, nous avons besoin de quelques informations "
        "supplémentaires.\n\n"
        "[...]\n\n"
        "Vous pouvez répondre dans cette messagerie, dans votre propre langue. Ne donnez que ce que vous "
        "souhaitez partager ; si vous voulez rester anonyme, n'écrivez pas votre nom.",

        "Gracias por su denuncia. Para valorarla bien necesitamos algo más de información.\n\n"
        "[...]\n\n"
        "Puede responder en este buzón, en su propio idioma. Comparta solo lo que quiera compartir; si desea "
        "permanecer en el anonimato, no escriba su nombre.",

        "Obrigado pela sua denúncia. Para avaliá-la bem, precisamos de mais algumas informações.\n\n"
        "[...]\n\n"
        "Você pode responder nesta caixa de mensagens, no seu próprio idioma. Compartilhe apenas o que quiser "
        "compartilhar; se quiser manter o anonimato, não escreva seu nome.",

        "شكرًا لك على بلاغك. لكي نقيّمه تقييمًا صحيحًا نحتاج إلى مزيد من المعلومات منك.\n\n"
        "[...]\n\n"
        "يمكنك الرد في صندوق الرسائل هذا بلغتك. شارك فقط ما ترتاح لمشاركته؛ وإذا كنت تريد أن تبقى مجهول الهوية "
        "فلا تكتب اسمك.",

        "Благодарим вас за обращение. Чтобы правильно его оценить, нам нужно немного больше информации.\n\n"
        "[...]\n\n"
        "Вы можете ответить в этом почтовом ящике на своём языке. Сообщайте только то, чем готовы поделиться; "
        "если вы хотите остаться анонимным, не пишите своё имя.",

        "感谢您的举报。为了妥善评估，我们需要您提供更多信息。\n\n"
        "[...]\n\n"
        "您可以用自己的语言在这个信箱中回复。只提供您愿意分享的内容；如果您希望保持匿名，请不要写下您的姓名。",
    ],
    "feedback": [
        "Graag laten wij u weten hoe uw melding is opgevolgd.\n\n"
        "[...]\n\n"
        "Hebt u vragen over deze terugkoppeling, of merkt u na uw melding nadelige gevolgen voor uw werk of "
        "loopbaan, schrijf ons dan in deze berichtenbox.",

        "We would like to tell you how your report has been followed up.\n\n"
        "[...]\n\n"
        "If you have questions about this feedback, or if you notice any negative consequence for your work or "
        "career after your report, write to us in this mailbox.",

        "Nous souhaitons vous informer de la suite donnée à votre signalement.\n\n"
        "[...]\n\n"
        "Si vous avez des questions sur ce retour, ou si vous constatez après votre signalement des "
        "conséquences négatives pour votre travail ou votre carrière, écrivez-nous dans cette messagerie.",

        "Queremos informarle del seguimiento que se ha dado a su denuncia.\n\n"
        "[...]\n\n"
        "Si tiene preguntas sobre esta información, o si después de su denuncia nota consecuencias negativas "
        "para su trabajo o su carrera, escríbanos en este buzón.",

        "Queremos informar você sobre o seguimento dado à sua denúncia.\n\n"
        "[...]\n\n"
        "Se tiver perguntas sobre este retorno, ou se depois da denúncia notar consequências negativas para o "
        "seu trabalho ou a sua carreira, escreva para nós nesta caixa de mensagens.",

        "نود أن نطلعك على ما تم من متابعة لبلاغك.\n\n"
        "[...]\n\n"
        "إذا كانت لديك أسئلة حول هذه المعلومات، أو لاحظت بعد بلاغك أي عواقب سلبية على عملك أو مسارك المهني، "
        "فاكتب إلينا في صندوق الرسائل هذا.",

        "Мы хотим сообщить вам, какие меры были приняты по вашему обращению.\n\n"
        "[...]\n\n"
        "Если у вас есть вопросы по этому ответу или если после обращения вы заметили негативные последствия "
        "для своей работы или карьеры, напишите нам в этом почтовом ящике.",

        "我们想告诉您，您的举报已得到怎样的跟进。\n\n"
        "[...]\n\n"
        "如果您对这一反馈有疑问，或在举报后发现对您的工作或职业发展有任何不利影响，请在这个信箱中给我们留言。",
    ],
    "closure": [
        "Wij hebben de behandeling van uw melding afgerond en de zaak is gesloten. Dank u voor het vertrouwen "
        "dat u ons met uw melding hebt gegeven.\n\n"
        "Uw berichtenbox blijft open: hebt u vragen, gebeurt er iets nieuws, of merkt u nadelige gevolgen voor "
        "uw werk of loopbaan door uw melding, schrijf ons dan hier. Bewaar uw ontvangstcode goed.",

        "We have finished handling your report and the case is now closed. Thank you for the trust you placed "
        "in us by reporting.\n\n"
        "Your mailbox stays open: if you have questions, if something new happens, or if you notice any "
        "negative consequence for your work or career because of your report, write to us here. Keep your "
        "receipt code safe.",

        "Nous avons terminé le traitement de votre signalement et le dossier est maintenant clos. Merci de la "
        "confiance que vous nous avez accordée en faisant ce signalement.\n\n"
        "Votre messagerie reste ouverte : si vous avez des questions, s'il se passe quelque chose de nouveau, "
        "ou si vous constatez des conséquences négatives pour votre travail ou votre carrière à cause de votre "
        "signalement, écrivez-nous ici. Conservez précieusement votre code de récépissé.",

        "Hemos terminado de tramitar su denuncia y el caso está cerrado. Gracias por la confianza que nos ha "
        "demostrado al presentarla.\n\n"
        "Su buzón sigue abierto: si tiene preguntas, si ocurre algo nuevo o si nota consecuencias negativas "
        "para su trabajo o su carrera a causa de su denuncia, escríbanos aquí. Guarde bien su código de recibo.",

        "Concluímos o tratamento da sua denúncia e o caso está encerrado. Obrigado pela confiança que você "
        "depositou em nós ao fazer a denúncia.\n\n"
        "Sua caixa de mensagens continua aberta: se tiver perguntas, se acontecer algo novo ou se notar "
        "consequências negativas para o seu trabalho ou a sua carreira por causa da denúncia, escreva para nós "
        "aqui. Guarde bem o seu código de recibo.",

        "انتهينا من معالجة بلاغك وأُغلق الملف. شكرًا لك على الثقة التي منحتنا إياها بتقديم هذا البلاغ.\n\n"
        "يبقى صندوق رسائلك مفتوحًا: إذا كانت لديك أسئلة، أو حدث شيء جديد، أو لاحظت أي عواقب سلبية على عملك أو "
        "مسارك المهني بسبب بلاغك، فاكتب إلينا هنا. احتفظ برمز الإيصال في مكان آمن.",

        "Мы завершили рассмотрение вашего обращения, и дело закрыто. Благодарим вас за доверие, которое вы нам "
        "оказали, обратившись к нам.\n\n"
        "Ваш почтовый ящик остаётся открытым: если у вас появятся вопросы, произойдёт что-то новое или вы "
        "заметите негативные последствия для своей работы или карьеры из-за вашего обращения, напишите нам "
        "здесь. Надёжно храните свой код квитанции.",

        "我们已完成对您举报的处理，此案已结案。感谢您通过举报给予我们的信任。\n\n"
        "您的信箱仍然开放：如果您有疑问、发生了新的情况，或发现因举报而对您的工作或职业发展产生了不利影响，请在这里给我们留言。请妥善保管您的回执码。",
    ],
    "forwarding_consent": [
        "Het externe meldpunt denkt dat uw melding het best kan worden behandeld door het centrale meld- en "
        "adviespunt integriteit (de CCI) van het ministerie.\n\n"
        "[...]\n\n"
        "Wij geven uw melding alleen door als u daarmee instemt. In deze berichtenbox kunt u kiezen: doorgeven "
        "met uw naam en contactgegevens, doorgeven zonder die gegevens, of niet doorgeven. Stemt u niet in, dan"
        " behandelen wij uw melding zelf verder.",

        "The external reporting point thinks that your report can best be handled by the ministry's central "
        "reporting and advice point for integrity (the CCI).\n\n"
        "[...]\n\n"
        "We will only pass your report on if you agree. In this mailbox you can choose: pass it on with your "
        "name and contact details, pass it on without them, or do not pass it on. If you do not agree, we will "
        "go on handling your report ourselves.",

        "Le point de signalement externe estime que votre signalement serait mieux traité par le point central "
        "de signalement et de conseil en matière d'intégrité (la CCI) du ministère.\n\n"
        "[...]\n\n"
        "Nous ne transmettrons votre signalement qu'avec votre accord. Dans cette messagerie, vous pouvez "
        "choisir : le transmettre avec votre nom et vos coordonnées, le transmettre sans eux, ou ne pas le "
        "transmettre. Si vous n'êtes pas d'accord, nous continuons à traiter votre signalement nous-mêmes.",

        "El punto de denuncia externo considera que su denuncia la tramitaría mejor el punto central de "
        "denuncia y asesoramiento en materia de integridad (la CCI) del ministerio.\n\n"
        "[...]\n\n"
        "Solo transmitiremos su denuncia si usted está de acuerdo. En este buzón puede elegir: transmitirla con"
        " su nombre y sus datos de contacto, transmitirla sin ellos o no transmitirla. Si no está de acuerdo, "
        "seguiremos tramitando su denuncia nosotros mismos.",

        "O ponto de denúncia externo considera que a sua denúncia pode ser mais bem tratada pelo ponto central "
        "de denúncia e aconselhamento em matéria de integridade (a CCI) do ministério.\n\n"
        "[...]\n\n"
        "Só encaminharemos a sua denúncia se você concordar. Nesta caixa de mensagens você pode escolher: "
        "encaminhá-la com seu nome e seus dados de contato, encaminhá-la sem esses dados ou não encaminhá-la. "
        "Se você não concordar, continuaremos tratando a sua denúncia.",

        "ترى جهة الإبلاغ الخارجية أن بلاغك يمكن أن يعالجه على نحو أفضل جهة الإبلاغ والاستشارة المركزية للنزاهة "
        "(CCI) التابع للوزارة.\n\n"
        "[...]\n\n"
        "لن نحيل بلاغك إلا بموافقتك. يمكنك أن تختار في صندوق الرسائل هذا: إحالته مع اسمك وبيانات الاتصال بك، أو"
        " إحالته من دونها، أو عدم إحالته. وإذا لم توافق، فسنواصل نحن معالجة بلاغك.",

        "Внешний пункт приёма обращений считает, что вашим обращением лучше займётся центральный пункт приёма "
        "обращений и консультаций по вопросам служебной этики (CCI) министерства.\n\n"
        "[...]\n\n"
        "Мы передадим ваше обращение только с вашего согласия. В этом почтовом ящике вы можете выбрать: "
        "передать его с вашим именем и контактными данными, передать без них или не передавать. Если вы не "
        "согласны, мы продолжим рассматривать ваше обращение сами.",

        "外部举报处认为，您的举报由本部职业操守中央举报与咨询处（CCI）处理会更合适。\n\n"
        "[...]\n\n"
        "只有在您同意的情况下，我们才会转交您的举报。您可以在这个信箱中选择：连同您的姓名和联系方式一起转交、不附姓名和联系方式转交，或不转交。如果您不同意，我们将继续自行处理您的举报。",
    ],
    "minutes_ready": [
        "Het verslag van ons gesprek is klaar. U vindt het in deze berichtenbox, onder de berichten. U kunt het"
        " verslag goedkeuren of om een correctie vragen; dan sturen wij u een verbeterde versie.",

        "The minutes of our meeting are ready. You will find them in this mailbox, below the messages. You can "
        "accept them or ask for a correction; we will then send you a corrected version.",

        "Le compte rendu de notre entretien est prêt. Vous le trouverez dans cette messagerie, sous les "
        "messages. Vous pouvez l'accepter ou demander une correction ; nous vous enverrons alors une version "
        "corrigée.",

        "El acta de nuestra reunión está lista. La encontrará en este buzón, debajo de los mensajes. Puede "
        "aceptarla o pedir una corrección; en ese caso le enviaremos una versión corregida.",

        "A ata da nossa reunião está pronta. Você a encontra nesta caixa de mensagens, abaixo das mensagens. "
        "Pode aceitá-la ou pedir uma correção; nesse caso, enviaremos uma versão corrigida.",

        "محضر لقائنا جاهز. ستجده في صندوق الرسائل هذا، أسفل الرسائل. يمكنك الموافقة عليه أو طلب تصحيح؛ وعندها "
        "سنرسل إليك نسخة مصححة.",

        "Протокол нашей встречи готов. Вы найдёте его в этом почтовом ящике под сообщениями. Вы можете принять "
        "его или попросить внести исправления; в этом случае мы пришлём вам исправленную версию.",

        "我们会面的记录已经准备好。您可以在这个信箱的消息下方找到它。您可以接受这份记录，或要求更正；如要求更正，我们会给您发送更正后的版本。",
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
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(add_texts, remove_texts)]
