"""The written-out procedure and the authorities outside the ministry, in every reporter language.

Grounded in EU Directive 2019/1937, the Dutch Wet bescherming klokkenluiders and the ministry's
measures after "Veilig Melden". Administrators edit these texts afterwards in the admin; this
migration only fills what is empty, so it never overwrites their changes.
Body format: plain text; an empty line between paragraphs, "## " starts a heading, "- " a list item.
"""

from django.db import migrations

LANGS = ["nl", "en", "fr", "es", "pt", "ar", "ru", "zh_hans"]

# slug, position
PAGES = [
    ("options-for-action", 10),
    ("after-a-report", 20),
    ("sanction-policy", 30),
    ("communication", 40),
    ("aftercare", 50),
    ("protection-against-retaliation", 60),
    ("external-routes", 70),
]

# code, position, website
AUTHORITIES = [
    ("huis-voor-klokkenluiders", 10, "https://www.huisvoorklokkenluiders.nl"),
    ("college-rechten-van-de-mens", 20, "https://www.mensenrechten.nl"),
    ("autoriteit-persoonsgegevens", 30, "https://www.autoriteitpersoonsgegevens.nl"),
    ("police-prosecution", 40, "https://www.politie.nl"),
    ("olaf", 50, "https://anti-fraud.ec.europa.eu"),
]

# CONTENT[language][slug] = (title, summary, body); AUTHORITY_TEXT[language][code] = (name, description)
CONTENT = {}
AUTHORITY_TEXT = {}

# --- English -------------------------------------------------------------------------------------

CONTENT["en"] = {
    "options-for-action": (
        "Options for action",
        "What you can do when you see or experience an integrity violation, from a conversation to a report outside the ministry.",
        """If you see or experience something that is not right, such as racism or discrimination, sexual harassment, bullying, abuse of position, fraud or a leak, you have several options. You choose what suits you. You may combine them, and you may stop at any time.

## Talk about it

Sometimes a conversation with the person concerned is enough. Only do this if it feels safe.

You can also first talk in confidence with a confidential counsellor. A counsellor listens, helps you weigh your options and can support you along the way. A counsellor takes no action and passes nothing on unless you ask.

## Ask for advice

Not sure whether something is an integrity violation, or what to do about it? The central reporting and advice point (CCI) also gives advice, without this becoming a report. Managers can ask the advice point about an incident in their team.

## Report inside the ministry

- To your manager. Your manager must pass every report on to the CCI and may not keep it to themselves.
- To the central reporting and advice point (CCI), directly, through this portal.
- To the external reporting point, if you do not trust internal handling. It is not part of the ministry's line and passes nothing on to the CCI without your consent.

## Report outside the ministry

You can also go to the Huis voor Klokkenluiders (Dutch Whistleblowers Authority) or another competent authority, directly or after an internal report. See the page "Reporting outside the ministry".

## How you can report

- In writing, in this portal, in your own language, from any post or from The Hague.
- Orally: tell your manager, or ask the reporting point for a meeting. After a meeting you can check, correct and sign the minutes.
- Anonymously or with your name. If you give your name, it stays confidential.

Whatever you choose: reporting in good faith never harms your career, and retaliation against a reporter is forbidden.""",
    ),
    "after-a-report": (
        "What happens after a report",
        "The steps from your receipt code to the end of the handling, with the deadlines that apply.",
        """## At once: your receipt code

When you send your report you get a receipt code. With it you open your secure mailbox. There you read the status and the messages of the reporting point, and you answer them. Keep the code safe: nobody can look it up again.

A report made through your manager reaches the central reporting and advice point (CCI) when your manager forwards it. Your manager gives you the receipt code.

## Within 7 days: confirmation of receipt

The reporting point confirms within 7 days that it has received your report.

## Assessment

The reporting point looks at what happened and how best to deal with it: is the information complete, is it an integrity matter, is it urgent, and is there a risk to you, for example of retaliation? It writes down its considerations. It may ask you questions through the mailbox, so look in your mailbox regularly.

## Dealing with it

Depending on what happened, the reporting point chooses an approach, for example:

- a conversation with the people involved;
- mediation, if both sides are willing;
- a person-focused investigation, carried out with care, in which everyone involved is heard;
- passing the matter to the body that should deal with it, for example the police for a crime, with your knowledge.

The person your report is about is informed at a suitable moment and can give their side of the story. Your name is not passed on without your consent.

## Within 3 months: feedback

Within 3 months of the confirmation of receipt, you hear what has been done or will be done with your report, and why. If the handling takes longer, you hear how it stands and when you can expect more.

## Closing and aftercare

At the end you hear that the handling is closed. After that, the reporting point checks with you how you are doing. See the page "Aftercare".

## Anonymous reports

Anonymous reports are followed up just as carefully. Because the reporting point cannot call you, your mailbox is the only way it can ask you something: keep your receipt code and look in regularly.

## Your information

Your report is stored encrypted and read only by the handlers of the reporting point you chose. It is kept no longer than needed; what remains afterwards are anonymous figures.""",
    ),
    "sanction-policy": (
        "Sanction policy",
        "When a violation is established: who decides on measures, which measures are possible, and how the ministry accounts for them.",
        """The ministry wants to be open about what happens when an integrity violation is established. This page explains how measures are decided.

## Who decides

The reporting point establishes the facts, writes down its considerations and advises. Measures against an employee are decided by the competent management, not by the reporting point.

## Which measures are possible

What fits depends on the seriousness of the violation, the circumstances, and whether it happened before. Possible measures range from a corrective conversation, clear agreements, training or coaching, to a written reprimand, a transfer, other disciplinary measures, and in serious cases dismissal.

Where a crime is suspected, the ministry can report it to the police or the Public Prosecution Service, and in some cases it must.

For locally hired staff at posts, measures follow their employment contract and the law of the country where they work. The same care applies.

## Careful and fair

- Nobody is punished on the basis of a report alone: the facts are established first.
- The person concerned is heard before any decision and may be assisted.
- Measures are proportionate to what happened.
- The person concerned can challenge a decision in the ways the law allows.

## Accountability

Each year the ministry publishes anonymous figures in its annual report: the number of suspected violations, investigations and established violations, and the measures taken (dismissal, reprimand, transfer, other, none). In this way everyone can see that reports are acted upon.

As a reporter you hear, within the limits of the privacy of others, whether your report was found to be well-founded and whether measures were taken. See the page "How you hear about the outcome".""",
    ),
    "communication": (
        "How you hear about the outcome",
        "How the reporting point keeps in touch with you, what you will and will not be told, and why.",
        """## Through your secure mailbox

All contact about your report goes through your secure mailbox, which you open with your receipt code. If you gave an email address and asked for it, you get an email when there is a new message. That email says nothing about your report.

## What you see

In your mailbox you see the status of your report in plain words: received, acknowledged, being assessed, being dealt with, decision taken, closed. You also see the dates by which you will hear from the reporting point.

## What you are told

- Within 7 days: that your report has been received.
- During the handling: questions, and news when there is any.
- Within 3 months of the confirmation of receipt: what has been done or will be done with your report, and why.
- At the end: that the handling is closed, and its outcome as far as you may be told.

## What you may not be told

Other people have a right to privacy too. If measures are taken against a colleague, you may not hear exactly which ones. You will hear whether your report was found to be well-founded and whether action was taken.

## The person your report is about

The person concerned is told about the report at a suitable moment and can respond. Your identity is not disclosed without your consent, unless the law requires it; in that case you are told first, and why.

## If you do not agree

If you do not agree with how your report has been handled, say so in your mailbox. You can also ask the Huis voor Klokkenluiders for advice.""",
    ),
    "aftercare": (
        "Aftercare",
        "Support for you and your team during and after the handling of a report.",
        """Reporting can be hard, and so can the time after it. The ministry pays attention to you during and after the handling of your report.

## For you

- Some time after your report has been closed, the reporting point checks with you through your mailbox how you are doing, and whether you have experienced any disadvantage.
- A confidential counsellor can support you, also after the handling.
- You can go to the occupational health physician or the company social worker. At a post abroad, the reporting point or a counsellor helps you find support nearby.

## For the team

A report can affect a whole team. Where useful, the ministry helps to restore working relationships, for example with a team conversation, mediation or a moral deliberation session.

## For the person the report was about

If a report proves to be unfounded, the ministry takes care of the reputation of the person it was about.

## Learning from it

After each case the reporting point looks at what the organisation can learn from it, so that the same thing is less likely to happen again. These lessons are shared without names.

If you experience disadvantage after your report, report it: retaliation is forbidden. See the page "Protection against retaliation".""",
    ),
    "protection-against-retaliation": (
        "Protection against retaliation",
        "Retaliation against someone who reports is forbidden. What counts as retaliation and what you can do.",
        """The ministry protects everyone who reports a suspected integrity violation in good faith. Reporting never harms your career. For a suspected wrongdoing of public interest or a breach of EU law, the Dutch Whistleblowers Protection Act (Wet bescherming klokkenluiders, based on EU Directive 2019/1937) also protects you by law.

## What counts as retaliation

Retaliation is any disadvantage because you reported, for example:

- dismissal, or a contract that is not renewed;
- demotion, or a promotion you do not get;
- a negative assessment or reference;
- a transfer or a change of tasks against your will;
- being left out of training;
- being ignored, excluded or intimidated by colleagues or managers.

## Who is protected

You as a reporter, and also the people who help you, such as a confidential counsellor or a colleague, and witnesses and others involved in the investigation.

## Your identity

Your identity stays confidential. It is shared only with your consent, or where the law requires it; in that case you are told first, and why.

## The burden of proof

If you suffer a disadvantage after a report and take it to court, it is presumed to be retaliation. The employer must then prove that it had other, well-founded reasons.

## What you can do

- Report the retaliation. Retaliation is itself an integrity violation, which you can report through any route.
- Talk to a confidential counsellor.
- Ask the Huis voor Klokkenluiders for advice. It can also investigate how an employer has treated a reporter.

The protection does not cover reports that someone knows to be false.""",
    ),
    "external-routes": (
        "Reporting outside the ministry",
        "Where you can go outside the ministry, and when you are protected.",
        """You may report outside the ministry, directly or after an internal report. You do not have to report internally first. The protection against retaliation applies to both.

## Huis voor Klokkenluiders (Dutch Whistleblowers Authority)

The Huis voor Klokkenluiders gives free and confidential advice on what you can do. It can investigate a suspected wrongdoing of public interest, and how an employer has treated a reporter.

## Other authorities

For specific subjects, other authorities receive reports, for example:

- the Dutch Data Protection Authority (Autoriteit Persoonsgegevens), for misuse of personal data;
- the Netherlands Institute for Human Rights (College voor de Rechten van de Mens), for discrimination at work;
- the police or the Public Prosecution Service, for a crime;
- OLAF, the European Anti-Fraud Office, for fraud with EU funds;
- supervisors such as the ACM, AFM, DNB, the Health and Youth Care Inspectorate (IGJ), the Dutch Healthcare Authority (NZa) and the Authority for Nuclear Safety and Radiation Protection (ANVS), each in its own field.

At a post abroad, a crime can also concern the authorities of the host country. The reporting point or a counsellor can help you find the right way.

## Making it public

Going to the press or public directly is protected only under strict conditions, for example when an internal or external report has not led to appropriate action in time, or when there is an imminent danger to the public interest. Ask the Huis voor Klokkenluiders for advice first.

The addresses of these authorities are on the page "Where can you report?".""",
    ),
}

AUTHORITY_TEXT["en"] = {
    "huis-voor-klokkenluiders": (
        "Dutch Whistleblowers Authority (Huis voor Klokkenluiders)",
        "Free and confidential advice for anyone who suspects a wrongdoing at work. It can investigate a suspected wrongdoing of public interest, and how an employer has treated a reporter.",
    ),
    "college-rechten-van-de-mens": (
        "Netherlands Institute for Human Rights (College voor de Rechten van de Mens)",
        "For discrimination at work, for example on the grounds of origin, religion, sex or disability. It judges, free of charge, whether there has been unlawful unequal treatment.",
    ),
    "autoriteit-persoonsgegevens": (
        "Dutch Data Protection Authority (Autoriteit Persoonsgegevens)",
        "For the misuse or leaking of personal data.",
    ),
    "police-prosecution": (
        "Police and Public Prosecution Service",
        "For a crime, such as violence, sexual assault, fraud or bribery. You can report a crime to the police.",
    ),
    "olaf": (
        "European Anti-Fraud Office (OLAF)",
        "For fraud, corruption or other irregularities involving EU funds.",
    ),
}

# --- Nederlands ----------------------------------------------------------------------------------

CONTENT["nl"] = {
    "options-for-action": (
        "Handelingsopties",
        "Wat u kunt doen als u een integriteitsschending ziet of meemaakt: van een gesprek tot een melding buiten het ministerie.",
        """Ziet of ervaart u iets wat niet deugt, zoals racisme of discriminatie, seksuele intimidatie, pesten, misbruik van positie, fraude of een lek? Dan heeft u verschillende mogelijkheden. U kiest zelf wat bij u past. U kunt ze combineren en u kunt op elk moment stoppen.

## Erover praten

Soms is een gesprek met de betrokkene genoeg. Doe dit alleen als het veilig voelt.

U kunt ook eerst in vertrouwen praten met een vertrouwenspersoon. Een vertrouwenspersoon luistert, helpt u uw mogelijkheden af te wegen en kan u onderweg ondersteunen. Een vertrouwenspersoon onderneemt zelf geen actie en geeft niets door, tenzij u daarom vraagt.

## Advies vragen

Twijfelt u of iets een integriteitsschending is, of wat u ermee moet? Het centraal meld- en adviespunt integriteit (CCI) geeft ook advies, zonder dat dit een melding wordt. Leidinggevenden kunnen het adviespunt vragen om advies over een incident in hun team.

## Melden binnen het ministerie

- Bij uw leidinggevende. Uw leidinggevende moet elke melding doorgeven aan het CCI en mag haar niet voor zich houden.
- Rechtstreeks bij het centraal meld- en adviespunt integriteit (CCI), via dit portaal.
- Bij het externe meldpunt, als u de interne afhandeling niet vertrouwt. Het staat buiten de lijn van het ministerie en geeft niets door aan het CCI zonder uw toestemming.

## Melden buiten het ministerie

U kunt ook naar het Huis voor Klokkenluiders of een andere bevoegde autoriteit gaan, rechtstreeks of na een interne melding. Zie de pagina "Melden buiten het ministerie".

## Hoe u kunt melden

- Schriftelijk, in dit portaal, in uw eigen taal, vanaf elke post of vanuit Den Haag.
- Mondeling: vertel het uw leidinggevende, of vraag het meldpunt om een gesprek. Na een gesprek kunt u het verslag controleren, verbeteren en ondertekenen.
- Anoniem of met uw naam. Geeft u uw naam, dan blijft die vertrouwelijk.

Wat u ook kiest: wie te goeder trouw meldt, wordt daar in zijn loopbaan nooit op afgerekend, en benadeling van een melder is verboden.""",
    ),
    "after-a-report": (
        "Wat gebeurt er na een melding",
        "De stappen van uw ontvangstcode tot het einde van de afhandeling, met de termijnen die gelden.",
        """## Meteen: uw ontvangstcode

Als u uw melding verstuurt, krijgt u een ontvangstcode. Daarmee opent u uw beveiligde berichtenbox. Daar leest u de status en de berichten van het meldpunt, en beantwoordt u ze. Bewaar de code goed: niemand kan hem opnieuw opzoeken.

Een melding via uw leidinggevende komt bij het centraal meld- en adviespunt integriteit (CCI) binnen zodra uw leidinggevende haar doorstuurt. Uw leidinggevende geeft u de ontvangstcode.

## Binnen 7 dagen: ontvangstbevestiging

Het meldpunt bevestigt binnen 7 dagen dat het uw melding heeft ontvangen.

## Beoordeling

Het meldpunt bekijkt wat er is gebeurd en hoe het daar het beste mee kan omgaan: is de informatie volledig, gaat het om integriteit, is het dringend, en loopt u risico, bijvoorbeeld op benadeling? Het legt zijn afwegingen vast. Het kan u vragen stellen via de berichtenbox, dus kijk daar regelmatig.

## Afhandeling

Afhankelijk van wat er is gebeurd, kiest het meldpunt een aanpak, bijvoorbeeld:

- een gesprek met de betrokkenen;
- mediation, als beide kanten daartoe bereid zijn;
- een zorgvuldig persoonsgericht onderzoek, waarin iedereen die erbij betrokken is wordt gehoord;
- het doorgeven aan de instantie die erover gaat, bijvoorbeeld de politie bij een strafbaar feit, met uw medeweten.

Degene over wie uw melding gaat, wordt op een geschikt moment geïnformeerd en kan zijn of haar kant van het verhaal vertellen. Uw naam wordt niet doorgegeven zonder uw toestemming.

## Binnen 3 maanden: terugkoppeling

Binnen 3 maanden na de ontvangstbevestiging hoort u wat er met uw melding is gedaan of nog wordt gedaan, en waarom. Duurt de afhandeling langer, dan hoort u hoe het ervoor staat en wanneer u meer kunt verwachten.

## Afsluiting en nazorg

Aan het einde hoort u dat de afhandeling is afgesloten. Daarna informeert het meldpunt hoe het met u gaat. Zie de pagina "Nazorg".

## Anonieme meldingen

Anonieme meldingen worden net zo zorgvuldig opgepakt. Omdat het meldpunt u niet kan bellen, is uw berichtenbox de enige manier om u iets te vragen: bewaar uw ontvangstcode en kijk regelmatig.

## Uw gegevens

Uw melding wordt versleuteld opgeslagen en alleen gelezen door de behandelaars van het meldpunt dat u koos. Ze wordt niet langer bewaard dan nodig; daarna blijven alleen anonieme cijfers over.""",
    ),
    "sanction-policy": (
        "Sanctiebeleid",
        "Als een schending is vastgesteld: wie over maatregelen beslist, welke maatregelen mogelijk zijn en hoe het ministerie daarover verantwoording aflegt.",
        """Het ministerie wil open zijn over wat er gebeurt als een integriteitsschending is vastgesteld. Deze pagina legt uit hoe over maatregelen wordt besloten.

## Wie beslist

Het meldpunt stelt de feiten vast, legt zijn afwegingen vast en adviseert. Over maatregelen tegen een medewerker beslist het bevoegd gezag, niet het meldpunt.

## Welke maatregelen mogelijk zijn

Wat past, hangt af van de ernst van de schending, de omstandigheden en of het eerder is gebeurd. Mogelijke maatregelen lopen van een corrigerend gesprek, duidelijke afspraken, training of coaching tot een schriftelijke berisping, overplaatsing, andere disciplinaire maatregelen en in ernstige gevallen ontslag.

Bij een vermoeden van een strafbaar feit kan het ministerie aangifte doen bij de politie of het Openbaar Ministerie, en in sommige gevallen moet dat.

Voor lokaal aangenomen medewerkers op posten volgen maatregelen hun arbeidsovereenkomst en het recht van het land waar zij werken. Dezelfde zorgvuldigheid geldt.

## Zorgvuldig en eerlijk

- Niemand wordt gestraft op grond van alleen een melding: eerst worden de feiten vastgesteld.
- De betrokkene wordt gehoord voordat er een besluit valt en mag zich laten bijstaan.
- Maatregelen staan in verhouding tot wat er is gebeurd.
- De betrokkene kan een besluit aanvechten op de manieren die de wet biedt.

## Verantwoording

Elk jaar publiceert het ministerie in zijn jaarverslag anonieme cijfers: het aantal vermoedens van schendingen, onderzoeken en vastgestelde schendingen, en de genomen maatregelen (ontslag, berisping, overplaatsing, overig, geen). Zo kan iedereen zien dat er iets met meldingen gebeurt.

Als melder hoort u, binnen de grenzen van de privacy van anderen, of uw melding gegrond is bevonden en of er maatregelen zijn genomen. Zie de pagina "Hoe u hoort wat er met uw melding gebeurt".""",
    ),
    "communication": (
        "Hoe u hoort wat er met uw melding gebeurt",
        "Hoe het meldpunt contact met u houdt, wat u wel en niet te horen krijgt, en waarom.",
        """## Via uw beveiligde berichtenbox

Alle contact over uw melding loopt via uw beveiligde berichtenbox, die u opent met uw ontvangstcode. Heeft u een e-mailadres gegeven en erom gevraagd, dan krijgt u een e-mail als er een nieuw bericht is. Die e-mail zegt niets over uw melding.

## Wat u ziet

In uw berichtenbox ziet u de status van uw melding in gewone woorden: ontvangen, ontvangst bevestigd, wordt beoordeeld, in behandeling, besluit genomen, afgesloten. U ziet ook de data waarop u uiterlijk van het meldpunt hoort.

## Wat u te horen krijgt

- Binnen 7 dagen: dat uw melding is ontvangen.
- Tijdens de afhandeling: vragen, en nieuws als dat er is.
- Binnen 3 maanden na de ontvangstbevestiging: wat er met uw melding is gedaan of nog wordt gedaan, en waarom.
- Aan het einde: dat de afhandeling is afgesloten, en de uitkomst voor zover die u mag worden verteld.

## Wat u niet altijd te horen krijgt

Ook anderen hebben recht op privacy. Als er maatregelen worden genomen tegen een collega, hoort u misschien niet precies welke. U hoort wel of uw melding gegrond is bevonden en of er is opgetreden.

## Degene over wie uw melding gaat

De betrokkene hoort op een geschikt moment van de melding en kan reageren. Uw identiteit wordt niet bekendgemaakt zonder uw toestemming, tenzij de wet dat vereist; dan hoort u dat eerst, en waarom.

## Als u het er niet mee eens bent

Bent u het niet eens met de afhandeling van uw melding, zeg dat dan in uw berichtenbox. U kunt ook het Huis voor Klokkenluiders om advies vragen.""",
    ),
    "aftercare": (
        "Nazorg",
        "Steun voor u en uw team tijdens en na de afhandeling van een melding.",
        """Melden kan zwaar zijn, en de tijd daarna ook. Het ministerie heeft aandacht voor u tijdens en na de afhandeling van uw melding.

## Voor u

- Enige tijd nadat uw melding is afgesloten, vraagt het meldpunt via uw berichtenbox hoe het met u gaat en of u nadeel heeft ondervonden.
- Een vertrouwenspersoon kan u steunen, ook na de afhandeling.
- U kunt terecht bij de bedrijfsarts of het bedrijfsmaatschappelijk werk. Op een post in het buitenland helpt het meldpunt of een vertrouwenspersoon u steun in de buurt te vinden.

## Voor het team

Een melding kan een heel team raken. Waar dat helpt, ondersteunt het ministerie bij het herstellen van de werkrelaties, bijvoorbeeld met een teamgesprek, mediation of moreel beraad.

## Voor degene over wie de melding ging

Blijkt een melding ongegrond, dan zorgt het ministerie voor eerherstel van degene over wie zij ging.

## Ervan leren

Na elke zaak kijkt het meldpunt wat de organisatie ervan kan leren, zodat hetzelfde minder snel opnieuw gebeurt. Die lessen worden zonder namen gedeeld.

Ondervindt u na uw melding nadeel, meld dat dan: benadeling is verboden. Zie de pagina "Bescherming tegen benadeling".""",
    ),
    "protection-against-retaliation": (
        "Bescherming tegen benadeling",
        "Benadeling van iemand die meldt is verboden. Wat benadeling is en wat u kunt doen.",
        """Het ministerie beschermt iedereen die te goeder trouw een vermoeden van een integriteitsschending meldt. Melden schaadt uw loopbaan nooit. Bij een vermoeden van een maatschappelijke misstand of een schending van het Unierecht beschermt de Wet bescherming klokkenluiders (gebaseerd op EU-richtlijn 2019/1937) u bovendien wettelijk.

## Wat benadeling is

Benadeling is elk nadeel omdat u heeft gemeld, bijvoorbeeld:

- ontslag, of een contract dat niet wordt verlengd;
- degradatie, of een bevordering die u niet krijgt;
- een negatieve beoordeling of referentie;
- overplaatsing of andere taken tegen uw wil;
- niet meer mogen deelnemen aan opleidingen;
- genegeerd, buitengesloten of geïntimideerd worden door collega's of leidinggevenden.

## Wie beschermd is

U als melder, en ook wie u helpt, zoals een vertrouwenspersoon of een collega, en getuigen en anderen die bij het onderzoek betrokken zijn.

## Uw identiteit

Uw identiteit blijft vertrouwelijk. Die wordt alleen gedeeld met uw toestemming, of als de wet dat vereist; dan hoort u dat eerst, en waarom.

## De bewijslast

Ondervindt u na een melding nadeel en legt u dat aan de rechter voor, dan wordt vermoed dat het benadeling is. De werkgever moet dan bewijzen dat er andere, goed onderbouwde redenen waren.

## Wat u kunt doen

- Meld de benadeling. Benadeling is zelf een integriteitsschending, die u via elke route kunt melden.
- Praat met een vertrouwenspersoon.
- Vraag het Huis voor Klokkenluiders om advies. Het kan ook onderzoeken hoe een werkgever een melder heeft bejegend.

De bescherming geldt niet voor meldingen waarvan iemand weet dat ze onwaar zijn.""",
    ),
    "external-routes": (
        "Melden buiten het ministerie",
        "Waar u buiten het ministerie terechtkunt, en wanneer u beschermd bent.",
        """U mag buiten het ministerie melden, rechtstreeks of na een interne melding. U hoeft niet eerst intern te melden. De bescherming tegen benadeling geldt in beide gevallen.

## Huis voor Klokkenluiders

Het Huis voor Klokkenluiders geeft gratis en vertrouwelijk advies over wat u kunt doen. Het kan een vermoeden van een maatschappelijke misstand onderzoeken, en ook hoe een werkgever een melder heeft bejegend.

## Andere autoriteiten

Voor bepaalde onderwerpen ontvangen andere autoriteiten meldingen, bijvoorbeeld:

- de Autoriteit Persoonsgegevens, bij misbruik van persoonsgegevens;
- het College voor de Rechten van de Mens, bij discriminatie op het werk;
- de politie of het Openbaar Ministerie, bij een strafbaar feit;
- OLAF, het Europees Bureau voor fraudebestrijding, bij fraude met EU-geld;
- toezichthouders zoals de ACM, de AFM, DNB, de Inspectie Gezondheidszorg en Jeugd (IGJ), de Nederlandse Zorgautoriteit (NZa) en de Autoriteit Nucleaire Veiligheid en Stralingsbescherming (ANVS), elk op zijn eigen terrein.

Op een post in het buitenland kan een strafbaar feit ook de autoriteiten van het gastland aangaan. Het meldpunt of een vertrouwenspersoon helpt u de juiste weg te vinden.

## Openbaar maken

Rechtstreeks naar de pers of de openbaarheid gaan is alleen onder strikte voorwaarden beschermd, bijvoorbeeld als een interne of externe melding niet op tijd tot passende maatregelen heeft geleid, of als er dreigend gevaar is voor het algemeen belang. Vraag eerst advies aan het Huis voor Klokkenluiders.

De adressen van deze autoriteiten staan op de pagina "Waar kunt u melden?".""",
    ),
}

AUTHORITY_TEXT["nl"] = {
    "huis-voor-klokkenluiders": (
        "Huis voor Klokkenluiders",
        "Gratis en vertrouwelijk advies voor iedereen die een misstand op het werk vermoedt. Het kan een vermoeden van een maatschappelijke misstand onderzoeken, en ook hoe een werkgever een melder heeft bejegend.",
    ),
    "college-rechten-van-de-mens": (
        "College voor de Rechten van de Mens",
        "Bij discriminatie op het werk, bijvoorbeeld vanwege afkomst, godsdienst, geslacht of handicap. Het oordeelt kosteloos of er sprake is van verboden ongelijke behandeling.",
    ),
    "autoriteit-persoonsgegevens": (
        "Autoriteit Persoonsgegevens",
        "Bij misbruik of lekken van persoonsgegevens.",
    ),
    "police-prosecution": (
        "Politie en Openbaar Ministerie",
        "Bij een strafbaar feit, zoals geweld, aanranding, fraude of omkoping. U kunt aangifte doen bij de politie.",
    ),
    "olaf": (
        "Europees Bureau voor fraudebestrijding (OLAF)",
        "Bij fraude, corruptie of andere onregelmatigheden met EU-geld.",
    ),
}

# --- Français ------------------------------------------------------------------------------------

CONTENT["fr"] = {
    "options-for-action": (
        "Les possibilités d'action",
        "Ce que vous pouvez faire si vous constatez ou subissez une atteinte à l'intégrité, d'une conversation à un signalement hors du ministère.",
        """Si vous constatez ou subissez quelque chose d'anormal, comme du racisme ou de la discrimination, du harcèlement sexuel, du harcèlement moral, un abus de fonction, une fraude ou une fuite, plusieurs possibilités s'offrent à vous. Vous choisissez ce qui vous convient. Vous pouvez les combiner et vous arrêter à tout moment.

## En parler

Parfois, une conversation avec la personne concernée suffit. Ne le faites que si vous vous sentez en sécurité.

Vous pouvez aussi d'abord parler en toute confidentialité avec une personne de confiance. Elle vous écoute, vous aide à peser vos options et peut vous accompagner. Une personne de confiance n'entreprend aucune action et ne transmet rien, sauf si vous le demandez.

## Demander conseil

Vous ne savez pas si quelque chose est une atteinte à l'intégrité, ni quoi faire ? Le point central de signalement et de conseil (CCI) donne aussi des conseils, sans que cela devienne un signalement. Les responsables hiérarchiques peuvent demander conseil sur un incident dans leur équipe.

## Signaler au sein du ministère

- À votre responsable hiérarchique. Il doit transmettre chaque signalement au CCI et ne peut pas le garder pour lui.
- Directement au point central de signalement et de conseil (CCI), par ce portail.
- Au point de signalement externe, si vous n'avez pas confiance dans le traitement interne. Il ne fait pas partie de la hiérarchie du ministère et ne transmet rien au CCI sans votre accord.

## Signaler hors du ministère

Vous pouvez aussi vous adresser à la Maison des lanceurs d'alerte (Huis voor Klokkenluiders) ou à une autre autorité compétente, directement ou après un signalement interne. Voir la page « Signaler hors du ministère ».

## Comment signaler

- Par écrit, dans ce portail, dans votre propre langue, depuis n'importe quel poste ou depuis La Haye.
- Oralement : parlez-en à votre responsable, ou demandez un entretien au point de signalement. Après un entretien, vous pouvez vérifier, corriger et signer le compte rendu.
- De manière anonyme ou sous votre nom. Si vous donnez votre nom, il reste confidentiel.

Quel que soit votre choix : un signalement de bonne foi ne nuit jamais à votre carrière, et les représailles contre un lanceur d'alerte sont interdites.""",
    ),
    "after-a-report": (
        "Ce qui se passe après un signalement",
        "Les étapes, de votre code de récépissé jusqu'à la fin du traitement, avec les délais applicables.",
        """## Immédiatement : votre code de récépissé

Lorsque vous envoyez votre signalement, vous recevez un code de récépissé. Il ouvre votre messagerie sécurisée. Vous y lisez le statut et les messages du point de signalement, et vous y répondez. Conservez ce code en lieu sûr : personne ne peut le retrouver.

Un signalement fait par l'intermédiaire de votre responsable parvient au point central de signalement et de conseil (CCI) dès que votre responsable le transmet. Votre responsable vous remet le code de récépissé.

## Sous 7 jours : accusé de réception

Le point de signalement confirme sous 7 jours qu'il a bien reçu votre signalement.

## Évaluation

Le point de signalement examine ce qui s'est passé et la meilleure façon d'y répondre : les informations sont-elles complètes, s'agit-il d'intégrité, est-ce urgent, et courez-vous un risque, par exemple de représailles ? Il consigne ses considérations. Il peut vous poser des questions par la messagerie : consultez-la régulièrement.

## Traitement

Selon ce qui s'est passé, le point de signalement choisit une approche, par exemple :

- un entretien avec les personnes concernées ;
- une médiation, si les deux parties y sont disposées ;
- une enquête sur la personne, menée avec soin, où chacun est entendu ;
- la transmission à l'instance compétente, par exemple la police en cas d'infraction, à votre connaissance.

La personne visée par votre signalement est informée au moment opportun et peut donner sa version des faits. Votre nom n'est pas communiqué sans votre accord.

## Sous 3 mois : retour d'information

Dans les 3 mois suivant l'accusé de réception, vous apprenez ce qui a été fait ou sera fait de votre signalement, et pourquoi. Si le traitement prend plus de temps, on vous dit où il en est et quand vous pouvez en savoir plus.

## Clôture et suivi

À la fin, vous êtes informé que le traitement est clos. Ensuite, le point de signalement prend de vos nouvelles. Voir la page « Le suivi après un signalement ».

## Signalements anonymes

Les signalements anonymes sont traités avec le même soin. Comme le point de signalement ne peut pas vous appeler, votre messagerie est le seul moyen de vous poser une question : gardez votre code et consultez-la régulièrement.

## Vos données

Votre signalement est conservé chiffré et n'est lu que par les personnes chargées du dossier au point de signalement que vous avez choisi. Il n'est pas conservé plus longtemps que nécessaire ; il ne reste ensuite que des chiffres anonymes.""",
    ),
    "sanction-policy": (
        "La politique de sanctions",
        "Lorsqu'une atteinte est établie : qui décide des mesures, quelles mesures sont possibles et comment le ministère en rend compte.",
        """Le ministère veut être transparent sur ce qui se passe lorsqu'une atteinte à l'intégrité est établie. Cette page explique comment les mesures sont décidées.

## Qui décide

Le point de signalement établit les faits, consigne ses considérations et donne un avis. Les mesures à l'égard d'un agent sont décidées par l'autorité hiérarchique compétente, et non par le point de signalement.

## Quelles mesures sont possibles

La mesure adaptée dépend de la gravité de l'atteinte, des circonstances et d'éventuels antécédents. Les mesures possibles vont d'un entretien de recadrage, d'engagements clairs, d'une formation ou d'un accompagnement, jusqu'à un blâme écrit, une mutation, d'autres mesures disciplinaires et, dans les cas graves, le licenciement.

En cas de soupçon d'infraction pénale, le ministère peut porter plainte auprès de la police ou du ministère public, et il y est parfois tenu.

Pour le personnel recruté localement dans les postes, les mesures suivent leur contrat de travail et le droit du pays où ils travaillent. Le même soin s'applique.

## Avec soin et équité

- Personne n'est sanctionné sur la seule base d'un signalement : les faits sont d'abord établis.
- La personne concernée est entendue avant toute décision et peut se faire assister.
- Les mesures sont proportionnées à ce qui s'est passé.
- La personne concernée peut contester une décision par les voies que prévoit la loi.

## Rendre des comptes

Chaque année, le ministère publie des chiffres anonymes dans son rapport annuel : le nombre de soupçons d'atteintes, d'enquêtes et d'atteintes établies, ainsi que les mesures prises (licenciement, blâme, mutation, autre, aucune). Chacun peut ainsi constater que les signalements sont suivis d'effet.

En tant qu'auteur du signalement, vous apprenez, dans les limites de la vie privée d'autrui, si votre signalement a été jugé fondé et si des mesures ont été prises. Voir la page « Comment vous êtes informé du résultat ».""",
    ),
    "communication": (
        "Comment vous êtes informé du résultat",
        "Comment le point de signalement reste en contact avec vous, ce qu'on vous dira et ne vous dira pas, et pourquoi.",
        """## Par votre messagerie sécurisée

Tous les échanges concernant votre signalement passent par votre messagerie sécurisée, que vous ouvrez avec votre code de récépissé. Si vous avez donné une adresse e-mail et l'avez demandé, vous recevez un e-mail lorsqu'un nouveau message arrive. Cet e-mail ne dit rien de votre signalement.

## Ce que vous voyez

Dans votre messagerie, vous voyez le statut de votre signalement en termes simples : reçu, réception confirmée, en cours d'évaluation, en cours de traitement, décision prise, clôturé. Vous voyez aussi les dates auxquelles le point de signalement doit vous répondre au plus tard.

## Ce qu'on vous dit

- Sous 7 jours : que votre signalement a été reçu.
- Pendant le traitement : des questions, et des nouvelles quand il y en a.
- Dans les 3 mois suivant l'accusé de réception : ce qui a été fait ou sera fait de votre signalement, et pourquoi.
- À la fin : que le traitement est clos, et son résultat dans la mesure où il peut vous être communiqué.

## Ce qu'on ne peut pas toujours vous dire

Les autres ont eux aussi droit au respect de leur vie privée. Si des mesures sont prises contre un collègue, vous ne saurez peut-être pas lesquelles exactement. Vous saurez en revanche si votre signalement a été jugé fondé et si des suites y ont été données.

## La personne visée par votre signalement

La personne concernée est informée du signalement au moment opportun et peut y répondre. Votre identité n'est pas révélée sans votre accord, sauf si la loi l'exige ; dans ce cas, vous en êtes informé au préalable, avec les raisons.

## Si vous n'êtes pas d'accord

Si vous n'êtes pas d'accord avec le traitement de votre signalement, dites-le dans votre messagerie. Vous pouvez aussi demander conseil à la Maison des lanceurs d'alerte (Huis voor Klokkenluiders).""",
    ),
    "aftercare": (
        "Le suivi après un signalement",
        "Un soutien pour vous et votre équipe pendant et après le traitement d'un signalement.",
        """Signaler peut être difficile, et la période qui suit aussi. Le ministère est attentif à vous pendant et après le traitement de votre signalement.

## Pour vous

- Quelque temps après la clôture de votre signalement, le point de signalement vous demande, par votre messagerie, comment vous allez et si vous avez subi un préjudice.
- Une personne de confiance peut vous soutenir, y compris après le traitement.
- Vous pouvez vous adresser au médecin du travail ou au service social de l'entreprise. Dans un poste à l'étranger, le point de signalement ou une personne de confiance vous aide à trouver un soutien sur place.

## Pour l'équipe

Un signalement peut toucher toute une équipe. Lorsque c'est utile, le ministère aide à rétablir les relations de travail, par exemple par un entretien d'équipe, une médiation ou une séance de réflexion éthique.

## Pour la personne visée

Si un signalement s'avère infondé, le ministère veille à rétablir la réputation de la personne qu'il visait.

## En tirer des leçons

Après chaque dossier, le point de signalement examine ce que l'organisation peut en apprendre, afin que la même chose se reproduise moins facilement. Ces leçons sont partagées sans noms.

Si vous subissez un préjudice après votre signalement, signalez-le : les représailles sont interdites. Voir la page « La protection contre les représailles ».""",
    ),
    "protection-against-retaliation": (
        "La protection contre les représailles",
        "Les représailles contre une personne qui signale sont interdites. Ce qui constitue des représailles et ce que vous pouvez faire.",
        """Le ministère protège toute personne qui signale de bonne foi un soupçon d'atteinte à l'intégrité. Signaler ne nuit jamais à votre carrière. Pour un soupçon d'abus portant atteinte à l'intérêt général ou de violation du droit de l'Union, la loi néerlandaise sur la protection des lanceurs d'alerte (Wet bescherming klokkenluiders, fondée sur la directive européenne 2019/1937) vous protège en outre légalement.

## Ce que sont des représailles

Les représailles sont tout préjudice subi parce que vous avez signalé, par exemple :

- un licenciement, ou un contrat non renouvelé ;
- une rétrogradation, ou une promotion refusée ;
- une évaluation ou une référence négative ;
- une mutation ou un changement de fonctions contre votre gré ;
- l'exclusion de formations ;
- être ignoré, mis à l'écart ou intimidé par des collègues ou des responsables.

## Qui est protégé

Vous, en tant qu'auteur du signalement, mais aussi les personnes qui vous aident, comme une personne de confiance ou un collègue, ainsi que les témoins et les autres personnes associées à l'enquête.

## Votre identité

Votre identité reste confidentielle. Elle n'est communiquée qu'avec votre accord, ou si la loi l'exige ; dans ce cas, vous en êtes informé au préalable, avec les raisons.

## La charge de la preuve

Si vous subissez un préjudice après un signalement et que vous portez l'affaire devant un juge, ce préjudice est présumé être des représailles. L'employeur doit alors prouver qu'il avait d'autres raisons, dûment justifiées.

## Ce que vous pouvez faire

- Signalez les représailles. Elles constituent elles-mêmes une atteinte à l'intégrité, que vous pouvez signaler par n'importe quelle voie.
- Parlez-en à une personne de confiance.
- Demandez conseil à la Maison des lanceurs d'alerte (Huis voor Klokkenluiders). Elle peut aussi enquêter sur la manière dont un employeur a traité un lanceur d'alerte.

La protection ne couvre pas les signalements que leur auteur sait être faux.""",
    ),
    "external-routes": (
        "Signaler hors du ministère",
        "Où vous adresser en dehors du ministère, et quand vous êtes protégé.",
        """Vous pouvez signaler en dehors du ministère, directement ou après un signalement interne. Vous n'êtes pas obligé de signaler d'abord en interne. La protection contre les représailles s'applique dans les deux cas.

## Maison des lanceurs d'alerte (Huis voor Klokkenluiders)

La Maison des lanceurs d'alerte donne des conseils gratuits et confidentiels sur ce que vous pouvez faire. Elle peut enquêter sur un soupçon d'abus portant atteinte à l'intérêt général, ainsi que sur la manière dont un employeur a traité un lanceur d'alerte.

## Autres autorités

Pour certains sujets, d'autres autorités reçoivent les signalements, par exemple :

- l'Autorité néerlandaise de protection des données (Autoriteit Persoonsgegevens), en cas d'utilisation abusive de données personnelles ;
- l'Institut néerlandais des droits de l'homme (College voor de Rechten van de Mens), en cas de discrimination au travail ;
- la police ou le ministère public, en cas d'infraction pénale ;
- l'OLAF, l'Office européen de lutte antifraude, en cas de fraude aux fonds de l'UE ;
- des autorités de contrôle comme l'ACM, l'AFM, la DNB, l'Inspection de la santé et de la jeunesse (IGJ), l'Autorité néerlandaise des soins de santé (NZa) et l'Autorité de sûreté nucléaire et de radioprotection (ANVS), chacune dans son domaine.

Dans un poste à l'étranger, une infraction peut aussi relever des autorités du pays d'accueil. Le point de signalement ou une personne de confiance vous aide à trouver la bonne voie.

## Rendre public

S'adresser directement à la presse ou au public n'est protégé qu'à des conditions strictes, par exemple lorsqu'un signalement interne ou externe n'a pas donné lieu à temps à des mesures appropriées, ou en cas de danger imminent pour l'intérêt général. Demandez d'abord conseil à la Maison des lanceurs d'alerte.

Les adresses de ces autorités figurent sur la page « Où signaler ? ».""",
    ),
}

AUTHORITY_TEXT["fr"] = {
    "huis-voor-klokkenluiders": (
        "Maison néerlandaise des lanceurs d'alerte (Huis voor Klokkenluiders)",
        "Conseils gratuits et confidentiels pour toute personne qui soupçonne un abus au travail. Elle peut enquêter sur un soupçon d'abus portant atteinte à l'intérêt général, ainsi que sur la manière dont un employeur a traité un lanceur d'alerte.",
    ),
    "college-rechten-van-de-mens": (
        "Institut néerlandais des droits de l'homme (College voor de Rechten van de Mens)",
        "En cas de discrimination au travail, par exemple en raison de l'origine, de la religion, du sexe ou d'un handicap. Il se prononce gratuitement sur l'existence d'une inégalité de traitement interdite.",
    ),
    "autoriteit-persoonsgegevens": (
        "Autorité néerlandaise de protection des données (Autoriteit Persoonsgegevens)",
        "En cas d'utilisation abusive ou de fuite de données personnelles.",
    ),
    "police-prosecution": (
        "Police et ministère public",
        "En cas d'infraction pénale, comme des violences, une agression sexuelle, une fraude ou de la corruption. Vous pouvez porter plainte auprès de la police.",
    ),
    "olaf": (
        "Office européen de lutte antifraude (OLAF)",
        "En cas de fraude, de corruption ou d'autres irrégularités portant sur des fonds de l'UE.",
    ),
}

# --- Español -------------------------------------------------------------------------------------

CONTENT["es"] = {
    "options-for-action": (
        "Opciones de actuación",
        "Qué puede hacer si ve o sufre una vulneración de la integridad, desde una conversación hasta una denuncia fuera del ministerio.",
        """Si ve o sufre algo que no está bien, como racismo o discriminación, acoso sexual, acoso laboral, abuso de cargo, fraude o una filtración, tiene varias opciones. Usted elige lo que más le conviene. Puede combinarlas y puede parar en cualquier momento.

## Hablar de ello

A veces basta con una conversación con la persona implicada. Hágalo solo si se siente seguro o segura.

También puede hablar primero, de forma confidencial, con una persona de confianza. Le escucha, le ayuda a sopesar sus opciones y puede acompañarle en el proceso. Una persona de confianza no toma ninguna medida ni transmite nada, salvo que usted se lo pida.

## Pedir consejo

¿No está seguro de si algo es una vulneración de la integridad, o de qué hacer? El punto central de denuncia y asesoramiento (CCI) también asesora, sin que ello se convierta en una denuncia. Los mandos pueden pedir consejo sobre un incidente en su equipo.

## Denunciar dentro del ministerio

- A su superior. Su superior debe transmitir toda denuncia al CCI y no puede guardársela.
- Directamente al punto central de denuncia y asesoramiento (CCI), a través de este portal.
- Al punto de denuncia externo, si no confía en la tramitación interna. No forma parte de la línea jerárquica del ministerio y no transmite nada al CCI sin su consentimiento.

## Denunciar fuera del ministerio

También puede acudir a la Casa de los Denunciantes (Huis voor Klokkenluiders) o a otra autoridad competente, directamente o después de una denuncia interna. Consulte la página «Denunciar fuera del ministerio».

## Cómo puede denunciar

- Por escrito, en este portal, en su propio idioma, desde cualquier representación o desde La Haya.
- De forma oral: cuénteselo a su superior o pida una reunión al punto de denuncia. Después de una reunión puede revisar, corregir y firmar el acta.
- De forma anónima o con su nombre. Si da su nombre, se mantiene confidencial.

Elija lo que elija: denunciar de buena fe nunca perjudica su carrera, y las represalias contra un denunciante están prohibidas.""",
    ),
    "after-a-report": (
        "Qué ocurre después de una denuncia",
        "Los pasos desde su código de recibo hasta el final de la tramitación, con los plazos aplicables.",
        """## En el acto: su código de recibo

Al enviar su denuncia recibe un código de recibo. Con él abre su buzón seguro. Allí lee el estado y los mensajes del punto de denuncia, y los responde. Guarde bien el código: nadie puede volver a consultarlo.

Una denuncia hecha a través de su superior llega al punto central de denuncia y asesoramiento (CCI) cuando su superior la remite. Su superior le entrega el código de recibo.

## En un plazo de 7 días: acuse de recibo

El punto de denuncia confirma en un plazo de 7 días que ha recibido su denuncia.

## Valoración

El punto de denuncia examina lo ocurrido y la mejor manera de abordarlo: ¿está completa la información, se trata de integridad, es urgente, corre usted algún riesgo, por ejemplo de represalias? Deja constancia de sus consideraciones. Puede hacerle preguntas a través del buzón, así que consúltelo con regularidad.

## Tramitación

Según lo ocurrido, el punto de denuncia elige un enfoque, por ejemplo:

- una conversación con las personas implicadas;
- una mediación, si ambas partes están dispuestas;
- una investigación sobre la persona, realizada con cuidado, en la que se escucha a todos los implicados;
- el traslado al organismo competente, por ejemplo la policía en caso de delito, con su conocimiento.

La persona a la que se refiere su denuncia es informada en el momento oportuno y puede dar su versión. Su nombre no se comunica sin su consentimiento.

## En un plazo de 3 meses: información sobre el seguimiento

En un plazo de 3 meses desde el acuse de recibo, se le informa de lo que se ha hecho o se hará con su denuncia, y por qué. Si la tramitación se prolonga, se le dice en qué punto está y cuándo puede esperar más información.

## Cierre y acompañamiento posterior

Al final se le comunica que la tramitación ha concluido. Después, el punto de denuncia se interesa por cómo se encuentra. Consulte la página «Acompañamiento posterior».

## Denuncias anónimas

Las denuncias anónimas se tramitan con el mismo cuidado. Como el punto de denuncia no puede llamarle, su buzón es la única forma de preguntarle algo: conserve su código de recibo y consúltelo con regularidad.

## Sus datos

Su denuncia se guarda cifrada y solo la leen las personas encargadas del punto de denuncia que usted eligió. No se conserva más tiempo del necesario; después solo quedan cifras anónimas.""",
    ),
    "sanction-policy": (
        "Política de sanciones",
        "Cuando se ha comprobado una vulneración: quién decide las medidas, qué medidas son posibles y cómo rinde cuentas el ministerio.",
        """El ministerio quiere ser transparente sobre lo que ocurre cuando se comprueba una vulneración de la integridad. Esta página explica cómo se deciden las medidas.

## Quién decide

El punto de denuncia establece los hechos, deja constancia de sus consideraciones y asesora. Las medidas contra un empleado las decide la dirección competente, no el punto de denuncia.

## Qué medidas son posibles

Lo adecuado depende de la gravedad de la vulneración, de las circunstancias y de si ya había ocurrido antes. Las medidas posibles van desde una conversación correctiva, acuerdos claros, formación o acompañamiento, hasta una amonestación por escrito, un traslado, otras medidas disciplinarias y, en los casos graves, el despido.

Cuando se sospecha un delito, el ministerio puede denunciarlo ante la policía o la Fiscalía, y en algunos casos está obligado a hacerlo.

Para el personal contratado localmente en las representaciones, las medidas se rigen por su contrato de trabajo y por la legislación del país en el que trabajan. Se aplica el mismo cuidado.

## Con cuidado y de forma justa

- Nadie es sancionado solo por una denuncia: primero se establecen los hechos.
- La persona implicada es escuchada antes de cualquier decisión y puede estar asistida.
- Las medidas son proporcionales a lo ocurrido.
- La persona implicada puede impugnar una decisión por las vías que prevé la ley.

## Rendición de cuentas

Cada año el ministerio publica cifras anónimas en su informe anual: el número de sospechas de vulneraciones, de investigaciones y de vulneraciones comprobadas, y las medidas adoptadas (despido, amonestación, traslado, otras, ninguna). Así todos pueden ver que las denuncias tienen consecuencias.

Como denunciante, se le informa, dentro de los límites de la privacidad de otras personas, de si su denuncia se consideró fundada y de si se adoptaron medidas. Consulte la página «Cómo se le informa del resultado».""",
    ),
    "communication": (
        "Cómo se le informa del resultado",
        "Cómo mantiene el punto de denuncia el contacto con usted, qué se le dirá y qué no, y por qué.",
        """## A través de su buzón seguro

Todo el contacto sobre su denuncia pasa por su buzón seguro, que abre con su código de recibo. Si dio una dirección de correo electrónico y lo pidió, recibe un correo cuando hay un mensaje nuevo. Ese correo no dice nada sobre su denuncia.

## Qué ve usted

En su buzón ve el estado de su denuncia en palabras sencillas: recibida, recepción confirmada, en evaluación, en tramitación, decisión tomada, cerrada. También ve las fechas límite en las que el punto de denuncia le responderá.

## Qué se le dice

- En un plazo de 7 días: que su denuncia se ha recibido.
- Durante la tramitación: preguntas, y novedades cuando las haya.
- En un plazo de 3 meses desde el acuse de recibo: lo que se ha hecho o se hará con su denuncia, y por qué.
- Al final: que la tramitación ha concluido, y su resultado en la medida en que se le pueda comunicar.

## Qué no siempre se le puede decir

Las demás personas también tienen derecho a su privacidad. Si se adoptan medidas contra un compañero, puede que no sepa exactamente cuáles. Sí sabrá si su denuncia se consideró fundada y si se actuó.

## La persona a la que se refiere su denuncia

La persona implicada es informada de la denuncia en el momento oportuno y puede responder. Su identidad no se revela sin su consentimiento, salvo que la ley lo exija; en ese caso se le informa antes, y de los motivos.

## Si no está de acuerdo

Si no está de acuerdo con la tramitación de su denuncia, dígalo en su buzón. También puede pedir consejo a la Casa de los Denunciantes (Huis voor Klokkenluiders).""",
    ),
    "aftercare": (
        "Acompañamiento posterior",
        "Apoyo para usted y su equipo durante y después de la tramitación de una denuncia.",
        """Denunciar puede ser duro, y el periodo posterior también. El ministerio le presta atención durante y después de la tramitación de su denuncia.

## Para usted

- Un tiempo después del cierre de su denuncia, el punto de denuncia le pregunta a través de su buzón cómo se encuentra y si ha sufrido algún perjuicio.
- Una persona de confianza puede apoyarle, también después de la tramitación.
- Puede acudir al médico de empresa o al trabajador social de la empresa. En una representación en el extranjero, el punto de denuncia o una persona de confianza le ayuda a encontrar apoyo cerca.

## Para el equipo

Una denuncia puede afectar a todo un equipo. Cuando es útil, el ministerio ayuda a restablecer las relaciones de trabajo, por ejemplo con una conversación de equipo, una mediación o una sesión de deliberación moral.

## Para la persona a la que se refería la denuncia

Si una denuncia resulta infundada, el ministerio vela por restablecer la reputación de la persona a la que se refería.

## Aprender de ello

Después de cada caso, el punto de denuncia examina qué puede aprender la organización, para que lo mismo vuelva a ocurrir con menos facilidad. Esas lecciones se comparten sin nombres.

Si sufre algún perjuicio después de su denuncia, denúncielo: las represalias están prohibidas. Consulte la página «Protección frente a represalias».""",
    ),
    "protection-against-retaliation": (
        "Protección frente a represalias",
        "Las represalias contra quien denuncia están prohibidas. Qué se considera represalia y qué puede hacer.",
        """El ministerio protege a toda persona que denuncie de buena fe una sospecha de vulneración de la integridad. Denunciar nunca perjudica su carrera. En caso de sospecha de una irregularidad de interés público o de una infracción del Derecho de la Unión, la ley neerlandesa de protección de denunciantes (Wet bescherming klokkenluiders, basada en la Directiva europea 2019/1937) también le protege legalmente.

## Qué se considera represalia

Represalia es cualquier perjuicio por haber denunciado, por ejemplo:

- el despido, o un contrato que no se renueva;
- la degradación, o un ascenso que no obtiene;
- una evaluación o una referencia negativa;
- un traslado o un cambio de funciones en contra de su voluntad;
- la exclusión de la formación;
- ser ignorado, excluido o intimidado por compañeros o superiores.

## Quién está protegido

Usted como denunciante, y también quienes le ayudan, como una persona de confianza o un compañero, así como los testigos y otras personas que participan en la investigación.

## Su identidad

Su identidad se mantiene confidencial. Solo se comunica con su consentimiento o cuando la ley lo exige; en ese caso se le informa antes, y de los motivos.

## La carga de la prueba

Si sufre un perjuicio después de una denuncia y lo lleva ante un juez, se presume que es una represalia. El empleador debe demostrar entonces que tenía otros motivos debidamente justificados.

## Qué puede hacer

- Denuncie la represalia. Una represalia es en sí misma una vulneración de la integridad, que puede denunciar por cualquier vía.
- Hable con una persona de confianza.
- Pida consejo a la Casa de los Denunciantes (Huis voor Klokkenluiders). También puede investigar cómo ha tratado un empleador a un denunciante.

La protección no cubre las denuncias que su autor sabe que son falsas.""",
    ),
    "external-routes": (
        "Denunciar fuera del ministerio",
        "A dónde puede acudir fuera del ministerio, y cuándo está protegido.",
        """Puede denunciar fuera del ministerio, directamente o después de una denuncia interna. No está obligado a denunciar primero internamente. La protección frente a represalias se aplica en ambos casos.

## Casa de los Denunciantes (Huis voor Klokkenluiders)

La Casa de los Denunciantes ofrece asesoramiento gratuito y confidencial sobre lo que puede hacer. Puede investigar una sospecha de irregularidad de interés público, y también cómo ha tratado un empleador a un denunciante.

## Otras autoridades

Para determinados temas, otras autoridades reciben denuncias, por ejemplo:

- la Autoridad neerlandesa de Protección de Datos (Autoriteit Persoonsgegevens), en caso de uso indebido de datos personales;
- el Instituto neerlandés de Derechos Humanos (College voor de Rechten van de Mens), en caso de discriminación en el trabajo;
- la policía o la Fiscalía, en caso de delito;
- la OLAF, la Oficina Europea de Lucha contra el Fraude, en caso de fraude con fondos de la UE;
- supervisores como la ACM, la AFM, el DNB, la Inspección de Sanidad y Juventud (IGJ), la Autoridad neerlandesa de Atención Sanitaria (NZa) y la Autoridad de Seguridad Nuclear y Protección Radiológica (ANVS), cada uno en su ámbito.

En una representación en el extranjero, un delito también puede concernir a las autoridades del país anfitrión. El punto de denuncia o una persona de confianza le ayuda a encontrar la vía adecuada.

## Hacerlo público

Acudir directamente a la prensa o al público solo está protegido en condiciones estrictas, por ejemplo cuando una denuncia interna o externa no ha dado lugar a tiempo a medidas adecuadas, o cuando existe un peligro inminente para el interés público. Pida primero consejo a la Casa de los Denunciantes.

Las direcciones de estas autoridades figuran en la página «¿Dónde puede denunciar?».""",
    ),
}

AUTHORITY_TEXT["es"] = {
    "huis-voor-klokkenluiders": (
        "Casa neerlandesa de los Denunciantes (Huis voor Klokkenluiders)",
        "Asesoramiento gratuito y confidencial para cualquier persona que sospeche una irregularidad en el trabajo. Puede investigar una sospecha de irregularidad de interés público, y también cómo ha tratado un empleador a un denunciante.",
    ),
    "college-rechten-van-de-mens": (
        "Instituto neerlandés de Derechos Humanos (College voor de Rechten van de Mens)",
        "En caso de discriminación en el trabajo, por ejemplo por origen, religión, sexo o discapacidad. Dictamina gratuitamente si ha habido un trato desigual prohibido.",
    ),
    "autoriteit-persoonsgegevens": (
        "Autoridad neerlandesa de Protección de Datos (Autoriteit Persoonsgegevens)",
        "En caso de uso indebido o filtración de datos personales.",
    ),
    "police-prosecution": (
        "Policía y Fiscalía",
        "En caso de delito, como violencia, agresión sexual, fraude o soborno. Puede presentar una denuncia ante la policía.",
    ),
    "olaf": (
        "Oficina Europea de Lucha contra el Fraude (OLAF)",
        "En caso de fraude, corrupción u otras irregularidades relacionadas con fondos de la UE.",
    ),
}

# --- Português -----------------------------------------------------------------------------------

CONTENT["pt"] = {
    "options-for-action": (
        "Opções de atuação",
        "O que pode fazer se presenciar ou sofrer uma violação da integridade, desde uma conversa até uma denúncia fora do ministério.",
        """Se presenciar ou sofrer algo que não está certo, como racismo ou discriminação, assédio sexual, assédio moral, abuso de posição, fraude ou uma fuga de informação, tem várias opções. É quem escolhe o que lhe convém. Pode combiná-las e pode parar a qualquer momento.

## Falar sobre o assunto

Às vezes basta uma conversa com a pessoa envolvida. Faça-o apenas se se sentir em segurança.

Também pode falar primeiro, em confiança, com uma pessoa de confiança. Ela ouve, ajuda a ponderar as opções e pode acompanhá-lo ao longo do processo. Uma pessoa de confiança não toma nenhuma medida nem transmite nada, a não ser que o peça.

## Pedir conselho

Não tem a certeza se algo é uma violação da integridade, ou do que fazer? O ponto central de denúncia e aconselhamento (CCI) também dá conselhos, sem que isso se torne uma denúncia. As chefias podem pedir conselho sobre um incidente na sua equipa.

## Denunciar dentro do ministério

- À sua chefia. A chefia tem de transmitir cada denúncia ao CCI e não a pode guardar para si.
- Diretamente ao ponto central de denúncia e aconselhamento (CCI), através deste portal.
- Ao ponto de denúncia externo, se não confiar no tratamento interno. Não faz parte da linha hierárquica do ministério e não transmite nada ao CCI sem o seu consentimento.

## Denunciar fora do ministério

Também pode dirigir-se à Casa dos Denunciantes (Huis voor Klokkenluiders) ou a outra autoridade competente, diretamente ou depois de uma denúncia interna. Consulte a página «Denunciar fora do ministério».

## Como pode denunciar

- Por escrito, neste portal, na sua própria língua, a partir de qualquer posto ou de Haia.
- Oralmente: conte à sua chefia, ou peça uma reunião ao ponto de denúncia. Depois de uma reunião, pode verificar, corrigir e assinar a ata.
- De forma anónima ou com o seu nome. Se der o seu nome, este permanece confidencial.

Seja qual for a sua escolha: denunciar de boa-fé nunca prejudica a sua carreira, e as represálias contra um denunciante são proibidas.""",
    ),
    "after-a-report": (
        "O que acontece depois de uma denúncia",
        "Os passos desde o seu código de recibo até ao fim do tratamento, com os prazos aplicáveis.",
        """## De imediato: o seu código de recibo

Quando envia a sua denúncia, recebe um código de recibo. Com ele abre a sua caixa de mensagens segura. Aí lê o estado e as mensagens do ponto de denúncia, e responde-lhes. Guarde bem o código: ninguém o pode voltar a consultar.

Uma denúncia feita através da sua chefia chega ao ponto central de denúncia e aconselhamento (CCI) quando a chefia a encaminha. A chefia entrega-lhe o código de recibo.

## No prazo de 7 dias: confirmação de recebimento

O ponto de denúncia confirma no prazo de 7 dias que recebeu a sua denúncia.

## Avaliação

O ponto de denúncia analisa o que aconteceu e a melhor forma de lidar com isso: a informação está completa, trata-se de integridade, é urgente, corre algum risco, por exemplo de represálias? Regista as suas considerações. Pode fazer-lhe perguntas através da caixa de mensagens, por isso consulte-a regularmente.

## Tratamento

Consoante o que aconteceu, o ponto de denúncia escolhe uma abordagem, por exemplo:

- uma conversa com as pessoas envolvidas;
- uma mediação, se ambas as partes estiverem dispostas;
- uma investigação sobre a pessoa, conduzida com cuidado, em que todos os envolvidos são ouvidos;
- o encaminhamento para a entidade competente, por exemplo a polícia em caso de crime, com o seu conhecimento.

A pessoa visada pela sua denúncia é informada no momento oportuno e pode apresentar a sua versão. O seu nome não é comunicado sem o seu consentimento.

## No prazo de 3 meses: informação sobre o seguimento

No prazo de 3 meses a contar da confirmação de recebimento, é informado do que foi feito ou será feito com a sua denúncia, e porquê. Se o tratamento demorar mais, é informado do ponto da situação e de quando pode esperar mais notícias.

## Encerramento e acompanhamento

No fim, é informado de que o tratamento foi encerrado. Depois, o ponto de denúncia procura saber como está. Consulte a página «Acompanhamento posterior».

## Denúncias anónimas

As denúncias anónimas são tratadas com o mesmo cuidado. Como o ponto de denúncia não lhe pode telefonar, a sua caixa de mensagens é a única forma de lhe perguntar algo: guarde o seu código de recibo e consulte-a regularmente.

## Os seus dados

A sua denúncia é guardada de forma cifrada e só é lida pelos responsáveis do ponto de denúncia que escolheu. Não é conservada mais tempo do que o necessário; depois restam apenas números anónimos.""",
    ),
    "sanction-policy": (
        "Política de sanções",
        "Quando uma violação é comprovada: quem decide as medidas, que medidas são possíveis e como o ministério presta contas.",
        """O ministério quer ser transparente sobre o que acontece quando se comprova uma violação da integridade. Esta página explica como são decididas as medidas.

## Quem decide

O ponto de denúncia apura os factos, regista as suas considerações e dá parecer. As medidas contra um trabalhador são decididas pela direção competente, e não pelo ponto de denúncia.

## Que medidas são possíveis

O que é adequado depende da gravidade da violação, das circunstâncias e de já ter acontecido antes. As medidas possíveis vão desde uma conversa corretiva, acordos claros, formação ou acompanhamento, até uma repreensão escrita, uma transferência, outras medidas disciplinares e, nos casos graves, o despedimento.

Quando se suspeita de um crime, o ministério pode apresentar queixa à polícia ou ao Ministério Público, e em alguns casos é obrigado a fazê-lo.

Para o pessoal contratado localmente nos postos, as medidas seguem o seu contrato de trabalho e a lei do país onde trabalham. Aplica-se o mesmo cuidado.

## Com cuidado e equidade

- Ninguém é sancionado apenas com base numa denúncia: primeiro apuram-se os factos.
- A pessoa envolvida é ouvida antes de qualquer decisão e pode fazer-se acompanhar.
- As medidas são proporcionais ao que aconteceu.
- A pessoa envolvida pode contestar uma decisão pelas vias que a lei prevê.

## Prestação de contas

Todos os anos, o ministério publica números anónimos no seu relatório anual: o número de suspeitas de violações, de investigações e de violações comprovadas, e as medidas tomadas (despedimento, repreensão, transferência, outras, nenhuma). Assim todos podem ver que as denúncias têm consequências.

Como denunciante, é informado, dentro dos limites da privacidade de outras pessoas, se a sua denúncia foi considerada fundada e se foram tomadas medidas. Consulte a página «Como é informado do resultado».""",
    ),
    "communication": (
        "Como é informado do resultado",
        "Como o ponto de denúncia mantém o contacto consigo, o que lhe será e não será dito, e porquê.",
        """## Através da sua caixa de mensagens segura

Todo o contacto sobre a sua denúncia passa pela sua caixa de mensagens segura, que abre com o seu código de recibo. Se deu um endereço de e-mail e o pediu, recebe um e-mail quando há uma mensagem nova. Esse e-mail nada diz sobre a sua denúncia.

## O que vê

Na sua caixa de mensagens vê o estado da sua denúncia em palavras simples: recebida, recebimento confirmado, em avaliação, em tratamento, decisão tomada, encerrada. Vê também as datas até às quais o ponto de denúncia lhe dará notícias.

## O que lhe é dito

- No prazo de 7 dias: que a sua denúncia foi recebida.
- Durante o tratamento: perguntas, e notícias quando as houver.
- No prazo de 3 meses a contar da confirmação de recebimento: o que foi feito ou será feito com a sua denúncia, e porquê.
- No fim: que o tratamento foi encerrado, e o seu resultado na medida em que lhe possa ser comunicado.

## O que nem sempre lhe pode ser dito

As outras pessoas também têm direito à privacidade. Se forem tomadas medidas contra um colega, pode não saber exatamente quais. Saberá, sim, se a sua denúncia foi considerada fundada e se houve atuação.

## A pessoa visada pela sua denúncia

A pessoa envolvida é informada da denúncia no momento oportuno e pode responder. A sua identidade não é revelada sem o seu consentimento, salvo se a lei o exigir; nesse caso é informado antes, e dos motivos.

## Se não concordar

Se não concordar com o tratamento da sua denúncia, diga-o na sua caixa de mensagens. Também pode pedir conselho à Casa dos Denunciantes (Huis voor Klokkenluiders).""",
    ),
    "aftercare": (
        "Acompanhamento posterior",
        "Apoio para si e para a sua equipa durante e depois do tratamento de uma denúncia.",
        """Denunciar pode ser difícil, e o período que se segue também. O ministério está atento a si durante e depois do tratamento da sua denúncia.

## Para si

- Algum tempo depois do encerramento da sua denúncia, o ponto de denúncia pergunta-lhe, através da sua caixa de mensagens, como está e se sofreu algum prejuízo.
- Uma pessoa de confiança pode apoiá-lo, também depois do tratamento.
- Pode recorrer ao médico do trabalho ou ao serviço social da empresa. Num posto no estrangeiro, o ponto de denúncia ou uma pessoa de confiança ajuda-o a encontrar apoio perto de si.

## Para a equipa

Uma denúncia pode afetar uma equipa inteira. Quando é útil, o ministério ajuda a restabelecer as relações de trabalho, por exemplo com uma conversa de equipa, uma mediação ou uma sessão de deliberação ética.

## Para a pessoa visada

Se uma denúncia se revelar infundada, o ministério cuida da reputação da pessoa visada.

## Aprender com a experiência

Depois de cada caso, o ponto de denúncia analisa o que a organização pode aprender, para que o mesmo aconteça com menos facilidade. Essas lições são partilhadas sem nomes.

Se sofrer algum prejuízo depois da sua denúncia, denuncie-o: as represálias são proibidas. Consulte a página «Proteção contra represálias».""",
    ),
    "protection-against-retaliation": (
        "Proteção contra represálias",
        "As represálias contra quem denuncia são proibidas. O que conta como represália e o que pode fazer.",
        """O ministério protege todas as pessoas que denunciam de boa-fé uma suspeita de violação da integridade. Denunciar nunca prejudica a sua carreira. Em caso de suspeita de uma irregularidade de interesse público ou de uma violação do direito da União, a lei neerlandesa de proteção de denunciantes (Wet bescherming klokkenluiders, baseada na Diretiva europeia 2019/1937) também o protege legalmente.

## O que conta como represália

Represália é qualquer prejuízo por ter denunciado, por exemplo:

- despedimento, ou um contrato que não é renovado;
- despromoção, ou uma promoção que não obtém;
- uma avaliação ou referência negativa;
- uma transferência ou uma mudança de funções contra a sua vontade;
- ser excluído de formações;
- ser ignorado, posto de parte ou intimidado por colegas ou chefias.

## Quem está protegido

O denunciante, e também quem o ajuda, como uma pessoa de confiança ou um colega, bem como as testemunhas e outras pessoas envolvidas na investigação.

## A sua identidade

A sua identidade permanece confidencial. Só é partilhada com o seu consentimento ou quando a lei o exige; nesse caso é informado antes, e dos motivos.

## O ónus da prova

Se sofrer um prejuízo depois de uma denúncia e levar o caso a tribunal, presume-se que se trata de uma represália. O empregador tem então de provar que tinha outros motivos, devidamente justificados.

## O que pode fazer

- Denuncie a represália. A represália é ela própria uma violação da integridade, que pode denunciar por qualquer via.
- Fale com uma pessoa de confiança.
- Peça conselho à Casa dos Denunciantes (Huis voor Klokkenluiders). Esta pode também investigar a forma como um empregador tratou um denunciante.

A proteção não abrange denúncias que o seu autor sabe serem falsas.""",
    ),
    "external-routes": (
        "Denunciar fora do ministério",
        "A quem pode recorrer fora do ministério, e quando está protegido.",
        """Pode denunciar fora do ministério, diretamente ou depois de uma denúncia interna. Não é obrigado a denunciar primeiro internamente. A proteção contra represálias aplica-se em ambos os casos.

## Casa dos Denunciantes (Huis voor Klokkenluiders)

A Casa dos Denunciantes dá aconselhamento gratuito e confidencial sobre o que pode fazer. Pode investigar uma suspeita de irregularidade de interesse público, e também a forma como um empregador tratou um denunciante.

## Outras autoridades

Para determinados temas, outras autoridades recebem denúncias, por exemplo:

- a Autoridade neerlandesa de Proteção de Dados (Autoriteit Persoonsgegevens), em caso de uso indevido de dados pessoais;
- o Instituto neerlandês dos Direitos Humanos (College voor de Rechten van de Mens), em caso de discriminação no trabalho;
- a polícia ou o Ministério Público, em caso de crime;
- o OLAF, o Organismo Europeu de Luta Antifraude, em caso de fraude com fundos da UE;
- entidades de supervisão como a ACM, a AFM, o DNB, a Inspeção de Saúde e Juventude (IGJ), a Autoridade neerlandesa dos Cuidados de Saúde (NZa) e a Autoridade de Segurança Nuclear e Proteção contra Radiações (ANVS), cada uma na sua área.

Num posto no estrangeiro, um crime pode também dizer respeito às autoridades do país de acolhimento. O ponto de denúncia ou uma pessoa de confiança ajuda-o a encontrar o caminho certo.

## Tornar público

Recorrer diretamente à imprensa ou ao público só está protegido em condições estritas, por exemplo quando uma denúncia interna ou externa não levou a tempo a medidas adequadas, ou quando existe um perigo iminente para o interesse público. Peça primeiro conselho à Casa dos Denunciantes.

Os endereços destas autoridades estão na página «Onde pode denunciar?».""",
    ),
}

AUTHORITY_TEXT["pt"] = {
    "huis-voor-klokkenluiders": (
        "Casa neerlandesa dos Denunciantes (Huis voor Klokkenluiders)",
        "Aconselhamento gratuito e confidencial para quem suspeite de uma irregularidade no trabalho. Pode investigar uma suspeita de irregularidade de interesse público, e também a forma como um empregador tratou um denunciante.",
    ),
    "college-rechten-van-de-mens": (
        "Instituto neerlandês dos Direitos Humanos (College voor de Rechten van de Mens)",
        "Em caso de discriminação no trabalho, por exemplo em razão da origem, religião, sexo ou deficiência. Pronuncia-se gratuitamente sobre a existência de tratamento desigual proibido.",
    ),
    "autoriteit-persoonsgegevens": (
        "Autoridade neerlandesa de Proteção de Dados (Autoriteit Persoonsgegevens)",
        "Em caso de uso indevido ou fuga de dados pessoais.",
    ),
    "police-prosecution": (
        "Polícia e Ministério Público",
        "Em caso de crime, como violência, agressão sexual, fraude ou suborno. Pode apresentar queixa à polícia.",
    ),
    "olaf": (
        "Organismo Europeu de Luta Antifraude (OLAF)",
        "Em caso de fraude, corrupção ou outras irregularidades com fundos da UE.",
    ),
}

# --- العربية ---------------------------------------------------------------------------------------

CONTENT["ar"] = {
    "options-for-action": (
        "خيارات التصرّف",
        "ما يمكنك فعله إذا شهدت انتهاكًا للنزاهة أو تعرّضت له، من محادثة إلى بلاغ خارج الوزارة.",
        """إذا شهدت أمرًا غير سليم أو تعرّضت له، مثل العنصرية أو التمييز أو التحرّش الجنسي أو التنمّر أو إساءة استخدام المنصب أو الاحتيال أو تسريب المعلومات، فأمامك عدّة خيارات. أنت من يختار ما يناسبك. يمكنك الجمع بينها، ويمكنك التوقّف في أي وقت.

## التحدّث عن الأمر

أحيانًا تكفي محادثة مع الشخص المعني. لا تفعل ذلك إلا إذا شعرت بالأمان.

ويمكنك أيضًا أن تتحدّث أولًا بسرّية مع مستشار ثقة. فهو يستمع إليك، ويساعدك على الموازنة بين خياراتك، ويمكنه أن يرافقك خلال العملية. مستشار الثقة لا يتّخذ أي إجراء ولا ينقل شيئًا إلا إذا طلبت ذلك.

## طلب المشورة

هل لست متأكّدًا مما إذا كان أمرٌ ما انتهاكًا للنزاهة، أو مما يجب فعله؟ تقدّم جهة الإبلاغ والاستشارة المركزية (CCI) المشورة أيضًا، دون أن يتحوّل ذلك إلى بلاغ. ويمكن للمديرين طلب المشورة بشأن حادثة في فريقهم.

## الإبلاغ داخل الوزارة

- إلى مديرك المباشر. يجب على مديرك أن يحيل كل بلاغ إلى جهة الإبلاغ المركزية (CCI)، ولا يجوز له أن يحتفظ به لنفسه.
- مباشرةً إلى جهة الإبلاغ والاستشارة المركزية (CCI)، عبر هذه البوابة.
- إلى جهة الإبلاغ الخارجية، إذا كنت لا تثق في المعالجة الداخلية. فهي ليست جزءًا من التسلسل الإداري للوزارة، ولا تنقل شيئًا إلى جهة الإبلاغ المركزية دون موافقتك.

## الإبلاغ خارج الوزارة

يمكنك أيضًا التوجّه إلى الهيئة الهولندية للمبلّغين عن المخالفات (Huis voor Klokkenluiders) أو إلى سلطة مختصّة أخرى، مباشرةً أو بعد بلاغ داخلي. انظر صفحة «الإبلاغ خارج الوزارة».

## كيف يمكنك الإبلاغ

- كتابيًا، في هذه البوابة، بلغتك، من أي بعثة أو من لاهاي.
- شفهيًا: أخبر مديرك، أو اطلب لقاءً من جهة الإبلاغ. وبعد اللقاء يمكنك مراجعة المحضر وتصحيحه وتوقيعه.
- دون الكشف عن هويتك أو باسمك. وإذا ذكرت اسمك، فإنه يبقى سرّيًا.

أيًّا كان اختيارك: الإبلاغ بحسن نيّة لا يضرّ بمسيرتك المهنية أبدًا، والانتقام من المبلِّغ محظور.""",
    ),
    "after-a-report": (
        "ماذا يحدث بعد البلاغ",
        "الخطوات من رمز الإيصال حتى انتهاء معالجة البلاغ، مع المُهل التي تنطبق.",
        """## فورًا: رمز الإيصال

عندما ترسل بلاغك تحصل على رمز استلام. به تفتح صندوق رسائلك الآمن، حيث تقرأ حالة البلاغ ورسائل جهة الإبلاغ وتردّ عليها. احتفظ بالرمز في مكان آمن: لا يستطيع أحد استرجاعه.

البلاغ المقدَّم عن طريق مديرك يصل إلى جهة الإبلاغ والاستشارة المركزية (CCI) عندما يحيله مديرك، ويسلّمك مديرك رمز الإيصال.

## خلال 7 أيام: تأكيد الاستلام

تؤكّد جهة الإبلاغ خلال 7 أيام أنها تسلّمت بلاغك.

## التقييم

تدرس جهة الإبلاغ ما حدث وأفضل طريقة للتعامل معه: هل المعلومات كاملة؟ هل يتعلّق الأمر بالنزاهة؟ هل هو عاجل؟ وهل أنت معرَّض لخطر، كالانتقام مثلًا؟ وتدوّن اعتباراتها. وقد تطرح عليك أسئلة عبر صندوق الرسائل، لذا راجعه بانتظام.

## المعالجة

بحسب ما حدث، تختار جهة الإبلاغ أسلوبًا للمعالجة، مثل:

- محادثة مع الأشخاص المعنيين؛
- الوساطة، إذا كان الطرفان مستعدَّين لها؛
- تحقيق يتعلّق بالشخص المعني، يُجرى بعناية ويُستمع فيه إلى جميع الأطراف؛
- إحالة الأمر إلى الجهة المختصّة، كالشرطة في حالة الجريمة، مع علمك بذلك.

يُبلَّغ الشخص الذي يتناوله بلاغك في الوقت المناسب، ويمكنه أن يعرض روايته. ولا يُكشف اسمك دون موافقتك.

## خلال 3 أشهر: إفادتك بما تمّ

خلال 3 أشهر من تأكيد الاستلام، تُبلَّغ بما تمّ أو سيتمّ بشأن بلاغك، وبالأسباب. وإذا استغرقت المعالجة وقتًا أطول، تُبلَّغ بما وصلت إليه ومتى يمكنك أن تتوقّع المزيد.

## الإغلاق والرعاية اللاحقة

في النهاية تُبلَّغ بأن المعالجة قد أُغلقت. وبعد ذلك تطمئنّ جهة الإبلاغ على حالك. انظر صفحة «الرعاية اللاحقة».

## البلاغات دون ذكر الهوية

تُعالَج البلاغات المقدَّمة دون ذكر الهوية بالعناية نفسها. ولأن جهة الإبلاغ لا تستطيع الاتصال بك، فإن صندوق رسائلك هو الوسيلة الوحيدة لسؤالك: احتفظ برمز الإيصال وراجع الصندوق بانتظام.

## بياناتك

يُحفَظ بلاغك مشفّرًا، ولا يقرؤه إلا المكلَّفون بالمعالجة في جهة الإبلاغ التي اخترتها. ولا يُحتفَظ به أطول مما يلزم؛ وبعد ذلك لا يبقى سوى أرقام إحصائية لا تكشف الهوية.""",
    ),
    "sanction-policy": (
        "سياسة العقوبات",
        "عند ثبوت انتهاك: من يقرّر الإجراءات، وما الإجراءات الممكنة، وكيف تُساءَل الوزارة عنها.",
        """تريد الوزارة أن تكون شفّافة بشأن ما يحدث عند ثبوت انتهاك للنزاهة. تشرح هذه الصفحة كيف تُتّخذ القرارات بشأن الإجراءات.

## من يقرّر

تتحقّق جهة الإبلاغ من الوقائع، وتدوّن اعتباراتها، وتقدّم المشورة. أما الإجراءات بحقّ أحد الموظفين فتقرّرها الإدارة المختصّة، وليس جهة الإبلاغ.

## ما الإجراءات الممكنة

يتوقّف الإجراء المناسب على جسامة الانتهاك وظروفه وعلى ما إذا كان قد تكرّر. وتتراوح الإجراءات الممكنة بين محادثة تصحيحية واتفاقات واضحة وتدريب أو توجيه، وصولًا إلى توبيخ كتابي أو نقل أو إجراءات تأديبية أخرى، وفي الحالات الجسيمة إنهاء الخدمة.

وعند الاشتباه في جريمة، يمكن للوزارة أن تتقدّم ببلاغ إلى الشرطة أو النيابة العامة، وهي ملزَمة بذلك في بعض الحالات.

بالنسبة إلى الموظفين المعيَّنين محليًا في البعثات، تخضع الإجراءات لعقد عملهم ولقانون البلد الذي يعملون فيه، مع مراعاة العناية نفسها.

## بعناية وإنصاف

- لا يُعاقَب أحد استنادًا إلى بلاغ فحسب: يُتحقَّق من الوقائع أولًا.
- يُستمَع إلى الشخص المعني قبل اتخاذ أي قرار، ويحقّ له الاستعانة بمن يساعده.
- تكون الإجراءات متناسبة مع ما حدث.
- يمكن للشخص المعني الطعن في القرار بالطرق التي يتيحها القانون.

## المساءلة

تنشر الوزارة كل عام أرقامًا لا تكشف الهوية في تقريرها السنوي: عدد حالات الاشتباه في الانتهاكات، والتحقيقات، والانتهاكات الثابتة، والإجراءات المتّخذة (إنهاء الخدمة، التوبيخ، النقل، غير ذلك، لا شيء). وبذلك يرى الجميع أن البلاغات تؤخذ على محمل الجد.

بصفتك مبلِّغًا، تُبلَّغ، في حدود خصوصية الآخرين، بما إذا كان بلاغك قد ثبتت صحّته وما إذا اتُّخذت إجراءات. انظر صفحة «كيف تعرف نتيجة بلاغك».""",
    ),
    "communication": (
        "كيف تعرف نتيجة بلاغك",
        "كيف تبقى جهة الإبلاغ على تواصل معك، وما الذي ستُبلَّغ به وما لن تُبلَّغ به، ولماذا.",
        """## عبر صندوق رسائلك الآمن

يجري كل تواصل بشأن بلاغك عبر صندوق رسائلك الآمن، الذي تفتحه برمز الإيصال. وإذا أعطيت عنوان بريد إلكتروني وطلبت ذلك، تصلك رسالة إلكترونية عند وجود رسالة جديدة. ولا تتضمّن تلك الرسالة أي شيء عن بلاغك.

## ما تراه

ترى في صندوق رسائلك حالة بلاغك بكلمات بسيطة: تمّ الاستلام، تمّ تأكيد الاستلام، قيد التقييم، قيد المعالجة، تم اتخاذ قرار، مُغلق. وترى أيضًا المواعيد القصوى التي ستسمع فيها من جهة الإبلاغ.

## ما تُبلَّغ به

- خلال 7 أيام: أن بلاغك قد وصل.
- أثناء المعالجة: أسئلة، وأخبار عندما تتوفّر.
- خلال 3 أشهر من تأكيد الاستلام: ما تمّ أو سيتمّ بشأن بلاغك، وأسباب ذلك.
- في النهاية: أن المعالجة قد أُغلقت، ونتيجتها بقدر ما يجوز إبلاغك به.

## ما لا يمكن إبلاغك به دائمًا

للآخرين أيضًا الحقّ في الخصوصية. فإذا اتُّخذت إجراءات بحقّ زميل، فقد لا تعرف ما هي بالتحديد. لكنك ستعرف ما إذا كان بلاغك قد ثبتت صحّته وما إذا اتُّخذ إجراء.

## الشخص الذي يتناوله بلاغك

يُبلَّغ الشخص المعني بالبلاغ في الوقت المناسب، ويمكنه الردّ. ولا تُكشف هويتك دون موافقتك، إلا إذا اقتضى القانون ذلك؛ وفي هذه الحالة تُبلَّغ مسبقًا، مع ذكر الأسباب.

## إذا لم تكن موافقًا

إذا لم تكن موافقًا على طريقة معالجة بلاغك، فاذكر ذلك في صندوق رسائلك. ويمكنك أيضًا طلب المشورة من الهيئة الهولندية للمبلّغين عن المخالفات (Huis voor Klokkenluiders).""",
    ),
    "aftercare": (
        "الرعاية اللاحقة",
        "الدعم لك ولفريقك أثناء معالجة البلاغ وبعدها.",
        """قد يكون الإبلاغ صعبًا، وكذلك الفترة التي تليه. وتولي الوزارة اهتمامًا بك أثناء معالجة بلاغك وبعدها.

## من أجلك

- بعد مدّة من إغلاق بلاغك، تسألك جهة الإبلاغ عبر صندوق رسائلك عن حالك وعمّا إذا كنت قد تعرّضت لأي ضرر.
- يمكن لمستشار الثقة أن يدعمك، حتى بعد انتهاء المعالجة.
- يمكنك التوجّه إلى طبيب العمل أو إلى الأخصائي الاجتماعي في المؤسسة. وفي البعثات في الخارج، تساعدك جهة الإبلاغ أو مستشار الثقة على إيجاد الدعم بالقرب منك.

## من أجل الفريق

قد يمسّ البلاغ فريقًا بأكمله. وحيثما يفيد ذلك، تساعد الوزارة على إصلاح علاقات العمل، مثلًا عبر حوار جماعي أو وساطة أو جلسة تشاور أخلاقي.

## من أجل الشخص الذي تناوله البلاغ

إذا تبيّن أن البلاغ لا أساس له، تحرص الوزارة على ردّ الاعتبار للشخص الذي تناوله.

## التعلّم من التجربة

بعد كل قضية، تدرس جهة الإبلاغ ما يمكن للمؤسسة أن تتعلّمه منها، حتى يقلّ احتمال تكرار ما حدث. وتُتبادَل هذه الدروس دون ذكر أسماء.

إذا تعرّضت لأي ضرر بعد بلاغك، فأبلِغ عنه: الانتقام محظور. انظر صفحة «الحماية من الانتقام».""",
    ),
    "protection-against-retaliation": (
        "الحماية من الانتقام",
        "الانتقام ممن يبلِّغ محظور. ما الذي يُعدّ انتقامًا، وما الذي يمكنك فعله.",
        """تحمي الوزارة كل من يبلِّغ بحسن نيّة عن اشتباه في انتهاك للنزاهة. والإبلاغ لا يضرّ بمسيرتك المهنية أبدًا. وفي حالة الاشتباه في مخالفة تمسّ المصلحة العامة أو في انتهاك لقانون الاتحاد الأوروبي، يحميك أيضًا القانون الهولندي لحماية المبلّغين عن المخالفات (Wet bescherming klokkenluiders، المستند إلى التوجيه الأوروبي 2019/1937).

## ما الذي يُعدّ انتقامًا

الانتقام هو أي ضرر يلحق بك لأنك أبلغت، مثل:

- الفصل من العمل، أو عدم تجديد العقد؛
- خفض الدرجة الوظيفية، أو الحرمان من ترقية؛
- تقييم أو تزكية سلبية؛
- النقل أو تغيير المهام رغمًا عنك؛
- الحرمان من التدريب؛
- التجاهل أو الإقصاء أو الترهيب من قبل الزملاء أو المديرين.

## من المشمول بالحماية

أنت بصفتك مبلِّغًا، وكذلك من يساعدك، كمستشار الثقة أو أحد الزملاء، والشهود وغيرهم ممن يشاركون في التحقيق.

## هويتك

تبقى هويتك سرّية. ولا يُكشف عنها إلا بموافقتك أو إذا اقتضى القانون ذلك؛ وفي هذه الحالة تُبلَّغ مسبقًا، مع ذكر الأسباب.

## عبء الإثبات

إذا لحق بك ضرر بعد البلاغ ورفعت الأمر إلى القضاء، يُفترَض أنه انتقام. وعلى صاحب العمل عندئذ أن يثبت أن لديه أسبابًا أخرى مبرَّرة تبريرًا كافيًا.

## ما الذي يمكنك فعله

- أبلِغ عن الانتقام. فالانتقام هو في حدّ ذاته انتهاك للنزاهة، ويمكنك الإبلاغ عنه عبر أي طريق.
- تحدّث مع مستشار ثقة.
- اطلب المشورة من الهيئة الهولندية للمبلّغين عن المخالفات (Huis voor Klokkenluiders)، التي يمكنها أيضًا التحقيق في طريقة تعامل صاحب العمل مع المبلِّغ.

لا تشمل الحماية البلاغات التي يعلم صاحبها أنها كاذبة.""",
    ),
    "external-routes": (
        "الإبلاغ خارج الوزارة",
        "الجهات التي يمكنك التوجّه إليها خارج الوزارة، ومتى تكون محميًا.",
        """يجوز لك الإبلاغ خارج الوزارة، مباشرةً أو بعد بلاغ داخلي. ولست ملزَمًا بالإبلاغ داخليًا أولًا. وتنطبق الحماية من الانتقام في الحالتين.

## الهيئة الهولندية للمبلّغين عن المخالفات (Huis voor Klokkenluiders)

تقدّم الهيئة مشورة مجانية وسرّية حول ما يمكنك فعله. ويمكنها التحقيق في اشتباه بمخالفة تمسّ المصلحة العامة، وكذلك في طريقة تعامل صاحب العمل مع المبلِّغ.

## سلطات أخرى

في مواضيع معيّنة، تتلقّى سلطات أخرى البلاغات، مثل:

- هيئة حماية البيانات الهولندية (Autoriteit Persoonsgegevens)، في حالة إساءة استخدام البيانات الشخصية؛
- المعهد الهولندي لحقوق الإنسان (College voor de Rechten van de Mens)، في حالة التمييز في العمل؛
- الشرطة أو النيابة العامة، في حالة الجريمة؛
- المكتب الأوروبي لمكافحة الاحتيال (OLAF)، في حالة الاحتيال في أموال الاتحاد الأوروبي؛
- هيئات رقابية مثل ACM وAFM والبنك المركزي الهولندي (DNB) وهيئة التفتيش على الرعاية الصحية والشباب (IGJ) والهيئة الهولندية للرعاية الصحية (NZa) وهيئة السلامة النووية والحماية من الإشعاع (ANVS)، كلٌّ في مجاله.

في البعثات في الخارج، قد تكون الجريمة أيضًا من اختصاص سلطات البلد المضيف. وتساعدك جهة الإبلاغ أو مستشار الثقة على إيجاد الطريق الصحيح.

## النشر العلني

لا يكون اللجوء المباشر إلى الصحافة أو الرأي العام محميًا إلا بشروط صارمة، مثلًا عندما لا يؤدّي بلاغ داخلي أو خارجي في الوقت المناسب إلى إجراءات ملائمة، أو عند وجود خطر وشيك على المصلحة العامة. اطلب المشورة أولًا من الهيئة الهولندية للمبلّغين عن المخالفات.

عناوين هذه السلطات موجودة في صفحة «أين يمكنك الإبلاغ؟».""",
    ),
}

AUTHORITY_TEXT["ar"] = {
    "huis-voor-klokkenluiders": (
        "الهيئة الهولندية للمبلّغين عن المخالفات (Huis voor Klokkenluiders)",
        "مشورة مجانية وسرّية لكل من يشتبه في وجود مخالفة في العمل. ويمكنها التحقيق في اشتباه بمخالفة تمسّ المصلحة العامة، وكذلك في طريقة تعامل صاحب العمل مع المبلِّغ.",
    ),
    "college-rechten-van-de-mens": (
        "المعهد الهولندي لحقوق الإنسان (College voor de Rechten van de Mens)",
        "في حالة التمييز في العمل، مثلًا بسبب الأصل أو الدين أو الجنس أو الإعاقة. ويبدي رأيه مجانًا فيما إذا كانت هناك معاملة غير متساوية محظورة.",
    ),
    "autoriteit-persoonsgegevens": (
        "هيئة حماية البيانات الهولندية (Autoriteit Persoonsgegevens)",
        "في حالة إساءة استخدام البيانات الشخصية أو تسريبها.",
    ),
    "police-prosecution": (
        "الشرطة والنيابة العامة",
        "في حالة الجريمة، كالعنف أو الاعتداء الجنسي أو الاحتيال أو الرشوة. يمكنك تقديم بلاغ إلى الشرطة.",
    ),
    "olaf": (
        "المكتب الأوروبي لمكافحة الاحتيال (OLAF)",
        "في حالة الاحتيال أو الفساد أو غير ذلك من المخالفات المتعلّقة بأموال الاتحاد الأوروبي.",
    ),
}

# --- Русский -------------------------------------------------------------------------------------

CONTENT["ru"] = {
    "options-for-action": (
        "Возможные действия",
        "Что вы можете сделать, если стали свидетелем или жертвой нарушения этических норм: от разговора до обращения за пределы министерства.",
        """Если вы видите или испытываете на себе что-то недопустимое — расизм или дискриминацию, сексуальные домогательства, травлю, злоупотребление положением, мошенничество или утечку информации, — у вас есть несколько возможностей. Вы сами выбираете то, что вам подходит. Их можно сочетать, и вы можете остановиться в любой момент.

## Поговорить

Иногда достаточно разговора с тем, кого это касается. Делайте это, только если чувствуете себя в безопасности.

Вы также можете сначала конфиденциально поговорить с доверенным консультантом. Он выслушает вас, поможет взвесить варианты и может поддерживать вас на всём пути. Доверенный консультант сам не принимает никаких мер и ничего никому не передаёт, если вы об этом не попросите.

## Попросить совета

Не уверены, является ли что-то нарушением, или не знаете, что делать? Центральный пункт приёма обращений и консультаций по вопросам добросовестности (CCI) также даёт советы, и это не становится обращением. Руководители могут обратиться за советом по поводу инцидента в своей команде.

## Сообщить внутри министерства

- Своему руководителю. Руководитель обязан передать каждое обращение в CCI и не вправе оставить его у себя.
- Напрямую в центральный пункт приёма обращений и консультаций (CCI) через этот портал.
- Во внешний пункт приёма обращений, если вы не доверяете внутреннему рассмотрению. Он не входит в вертикаль министерства и ничего не передаёт в CCI без вашего согласия.

## Сообщить за пределы министерства

Вы также можете обратиться в Нидерландское управление по делам информаторов (Huis voor Klokkenluiders) или в другой компетентный орган — напрямую или после внутреннего обращения. См. страницу «Обращение в органы за пределами министерства».

## Как можно сообщить

- Письменно, на этом портале, на своём языке, из любого представительства или из Гааги.
- Устно: расскажите руководителю или попросите пункт приёма обращений о встрече. После встречи вы можете проверить, исправить и подписать протокол.
- Анонимно или под своим именем. Если вы назовёте своё имя, оно останется конфиденциальным.

Что бы вы ни выбрали: добросовестное обращение никогда не вредит вашей карьере, а преследование сообщившего запрещено.""",
    ),
    "after-a-report": (
        "Что происходит после обращения",
        "Этапы от получения кода до завершения рассмотрения и действующие сроки.",
        """## Сразу: ваш код квитанции

Отправив обращение, вы получаете код квитанции. С его помощью вы открываете свой защищённый почтовый ящик. Там вы видите статус и сообщения пункта и отвечаете на них. Храните код надёжно: никто не сможет найти его повторно.

Сообщение, поданное через руководителя, поступает в центральный пункт приёма обращений и консультаций (CCI), когда руководитель его пересылает. Руководитель передаёт вам код квитанции.

## В течение 7 дней: подтверждение получения

В течение 7 дней пункт приёма обращений подтверждает, что получил ваше обращение.

## Оценка

Пункт приёма обращений изучает, что произошло и как лучше поступить: полна ли информация, касается ли она добросовестности, срочно ли это и есть ли риск для вас, например риск преследования. Он фиксирует свои соображения. Он может задавать вам вопросы через почтовый ящик, поэтому регулярно его проверяйте.

## Рассмотрение

В зависимости от того, что произошло, пункт приёма обращений выбирает подход, например:

- беседу с причастными лицами;
- медиацию, если обе стороны к ней готовы;
- тщательное служебное расследование в отношении конкретного лица, в ходе которого выслушивают всех причастных;
- передачу дела в компетентный орган, например в полицию в случае преступления, с вашего ведома.

Человек, о котором идёт речь в обращении, в подходящий момент получает информацию и может изложить свою точку зрения. Ваше имя без вашего согласия не раскрывается.

## В течение 3 месяцев: обратная связь

В течение 3 месяцев после подтверждения получения вы узнаёте, что было сделано или будет сделано по вашему обращению и почему. Если рассмотрение занимает больше времени, вам сообщат, на каком оно этапе и когда ждать новостей.

## Завершение и последующая поддержка

В конце вам сообщат, что рассмотрение завершено. После этого пункт приёма обращений поинтересуется, как у вас дела. См. страницу «Последующая поддержка».

## Анонимные обращения

Анонимные обращения рассматриваются так же тщательно. Поскольку пункт не может вам позвонить, почтовый ящик — единственный способ задать вам вопрос: сохраните код и регулярно заглядывайте в ящик.

## Ваши данные

Ваше обращение хранится в зашифрованном виде, и его читают только сотрудники выбранного вами пункта. Оно хранится не дольше необходимого; после этого остаются только обезличенные цифры.""",
    ),
    "sanction-policy": (
        "Политика санкций",
        "Когда нарушение установлено: кто решает о мерах, какие меры возможны и как министерство отчитывается о них.",
        """Министерство стремится открыто рассказывать о том, что происходит, когда нарушение установлено. На этой странице объясняется, как принимаются решения о мерах.

## Кто решает

Пункт приёма обращений устанавливает факты, фиксирует свои соображения и даёт рекомендации. Решение о мерах в отношении сотрудника принимает компетентное руководство, а не пункт приёма обращений.

## Какие меры возможны

Уместная мера зависит от тяжести нарушения, обстоятельств и от того, случалось ли это раньше. Возможные меры — от корректирующей беседы, чётких договорённостей, обучения или коучинга до письменного выговора, перевода, других дисциплинарных мер, а в серьёзных случаях — увольнения.

При подозрении в преступлении министерство может подать заявление в полицию или прокуратуру, а в некоторых случаях обязано это сделать.

Для сотрудников, нанятых на месте в представительствах, меры определяются их трудовым договором и законодательством страны, в которой они работают. Действует та же тщательность.

## Тщательно и справедливо

- Никого не наказывают только на основании обращения: сначала устанавливаются факты.
- Причастное лицо выслушивают до принятия решения, и оно вправе воспользоваться помощью.
- Меры соразмерны тому, что произошло.
- Причастное лицо может обжаловать решение в порядке, предусмотренном законом.

## Подотчётность

Ежегодно министерство публикует в годовом отчёте обезличенные данные: число подозрений в нарушениях, расследований и установленных нарушений, а также принятые меры (увольнение, выговор, перевод, другое, без мер). Так каждый может убедиться, что обращения не остаются без последствий.

Как автор обращения вы узнаете — в пределах права других людей на неприкосновенность частной жизни, — было ли ваше обращение признано обоснованным и были ли приняты меры. См. страницу «Как вы узнаёте о результате».""",
    ),
    "communication": (
        "Как вы узнаёте о результате",
        "Как пункт приёма обращений поддерживает с вами связь, что вам сообщат и чего не сообщат, и почему.",
        """## Через защищённый почтовый ящик

Всё общение по вашему обращению идёт через защищённый почтовый ящик, который вы открываете кодом получения. Если вы указали адрес электронной почты и попросили об этом, вы получите письмо, когда придёт новое сообщение. В письме ничего не говорится о вашем обращении.

## Что вы видите

В почтовом ящике вы видите статус обращения простыми словами: получено, получение подтверждено, оценивается, рассматривается, решение принято, закрыто. Вы также видите крайние сроки, к которым пункт должен с вами связаться.

## Что вам сообщают

- В течение 7 дней: что ваше обращение получено.
- Во время рассмотрения: вопросы и новости, когда они есть.
- В течение 3 месяцев после подтверждения получения: что было сделано или будет сделано по вашему обращению и почему.
- В конце: что рассмотрение завершено, и его результат — в той мере, в какой его можно вам сообщить.

## Чего вам не всегда могут сообщить

Другие люди тоже имеют право на неприкосновенность частной жизни. Если в отношении коллеги приняты меры, вы можете не узнать, какие именно. Но вы узнаете, было ли обращение признано обоснованным и были ли приняты меры.

## Человек, о котором идёт речь

Причастное лицо в подходящий момент узнаёт об обращении и может ответить. Ваша личность не раскрывается без вашего согласия, если только этого не требует закон; в таком случае вам сначала сообщат об этом и объяснят причины.

## Если вы не согласны

Если вы не согласны с тем, как рассмотрено ваше обращение, напишите об этом в почтовом ящике. Вы также можете обратиться за советом в Нидерландское управление по делам информаторов (Huis voor Klokkenluiders).""",
    ),
    "aftercare": (
        "Последующая поддержка",
        "Поддержка для вас и вашей команды во время и после рассмотрения обращения.",
        """Сообщить о нарушении бывает тяжело, как и пережить то, что следует потом. Министерство уделяет вам внимание во время и после рассмотрения вашего обращения.

## Для вас

- Через некоторое время после закрытия дела пункт приёма обращений спросит вас через почтовый ящик, как вы себя чувствуете и не столкнулись ли вы с какими-либо негативными последствиями.
- Доверенный консультант может поддержать вас, в том числе после завершения рассмотрения.
- Вы можете обратиться к врачу по охране труда или к социальному работнику организации. В представительстве за рубежом пункт приёма обращений или доверенный консультант поможет найти поддержку поблизости.

## Для команды

Сообщение может затронуть всю команду. Когда это полезно, министерство помогает восстановить рабочие отношения, например с помощью командной беседы, медиации или сессии этического обсуждения.

## Для человека, о котором шла речь

Если обращение окажется необоснованным, министерство позаботится о восстановлении репутации человека, о котором в нём шла речь.

## Извлечь уроки

После каждого дела пункт приёма обращений анализирует, чему организация может научиться, чтобы подобное повторялось реже. Эти уроки распространяются без имён.

Если после обращения вы столкнулись с негативными последствиями, сообщите об этом: преследование запрещено. См. страницу «Защита от преследования».""",
    ),
    "protection-against-retaliation": (
        "Защита от преследования",
        "Преследование сообщившего запрещено. Что считается преследованием и что вы можете сделать.",
        """Министерство защищает каждого, кто добросовестно сообщает о подозрении в нарушении. Сообщение никогда не вредит вашей карьере. При подозрении на нарушение, затрагивающее общественные интересы, или на нарушение права ЕС вас также защищает нидерландский закон о защите информаторов (Wet bescherming klokkenluiders, основанный на директиве ЕС 2019/1937).

## Что считается преследованием

Преследование — это любой ущерб из-за того, что вы сообщили, например:

- увольнение или непродление контракта;
- понижение в должности или отказ в повышении;
- отрицательная оценка или характеристика;
- перевод или изменение обязанностей против вашей воли;
- отстранение от обучения;
- игнорирование, изоляция или запугивание со стороны коллег или руководителей.

## Кто защищён

Вы как автор обращения, а также те, кто вам помогает, например доверенный консультант или коллега, свидетели и другие участники расследования.

## Ваша личность

Ваша личность остаётся конфиденциальной. Она раскрывается только с вашего согласия или если этого требует закон; в таком случае вам сначала сообщат об этом и объяснят причины.

## Бремя доказывания

Если после обращения вам был причинён ущерб и вы обращаетесь в суд, предполагается, что это преследование. Тогда работодатель должен доказать, что у него были иные, должным образом обоснованные причины.

## Что вы можете сделать

- Сообщите о преследовании. Преследование само является нарушением, о котором можно сообщить любым путём.
- Поговорите с доверенным консультантом.
- Обратитесь за советом в Нидерландское управление по делам информаторов (Huis voor Klokkenluiders). Оно также может расследовать, как работодатель обошёлся с информатором.

Защита не распространяется на обращения, ложность которых известна их автору.""",
    ),
    "external-routes": (
        "Обращение в органы за пределами министерства",
        "Куда можно обратиться вне министерства и когда вы защищены.",
        """Вы можете сообщить за пределы министерства — напрямую или после внутреннего обращения. Сначала сообщать внутри министерства не обязательно. Защита от преследования действует в обоих случаях.

## Нидерландское управление по делам информаторов (Huis voor Klokkenluiders)

Управление даёт бесплатные и конфиденциальные советы о том, что вы можете сделать. Оно может расследовать подозрение в нарушении, затрагивающем общественные интересы, а также то, как работодатель обошёлся с информатором.

## Другие органы

По отдельным темам обращения принимают другие органы, например:

- Нидерландское управление по защите персональных данных (Autoriteit Persoonsgegevens) — при злоупотреблении персональными данными;
- Нидерландский институт по правам человека (College voor de Rechten van de Mens) — при дискриминации на работе;
- полиция или прокуратура — при преступлении;
- OLAF, Европейское бюро по борьбе с мошенничеством, — при мошенничестве со средствами ЕС;
- надзорные органы, такие как ACM, AFM, DNB, Инспекция здравоохранения и по делам молодёжи (IGJ), Нидерландское управление здравоохранения (NZa) и Управление по ядерной и радиационной безопасности (ANVS), — каждый в своей сфере.

В представительстве за рубежом преступление может касаться и властей страны пребывания. Пункт приёма обращений или доверенный консультант поможет найти правильный путь.

## Огласка

Прямое обращение в прессу или к общественности защищено лишь при строгих условиях, например если внутреннее или внешнее обращение не привело вовремя к надлежащим мерам или если существует непосредственная угроза общественным интересам. Сначала обратитесь за советом в Нидерландское управление по делам информаторов.

Адреса этих органов указаны на странице «Куда можно сообщить?».""",
    ),
}

AUTHORITY_TEXT["ru"] = {
    "huis-voor-klokkenluiders": (
        "Нидерландское управление по делам информаторов (Huis voor Klokkenluiders)",
        "Бесплатные и конфиденциальные советы для всех, кто подозревает нарушение на работе. Оно может расследовать подозрение в нарушении, затрагивающем общественные интересы, а также то, как работодатель обошёлся с информатором.",
    ),
    "college-rechten-van-de-mens": (
        "Нидерландский институт по правам человека (College voor de Rechten van de Mens)",
        "При дискриминации на работе, например по признаку происхождения, религии, пола или инвалидности. Бесплатно выносит заключение о том, имело ли место запрещённое неравное обращение.",
    ),
    "autoriteit-persoonsgegevens": (
        "Нидерландское управление по защите персональных данных (Autoriteit Persoonsgegevens)",
        "При злоупотреблении персональными данными или их утечке.",
    ),
    "police-prosecution": (
        "Полиция и прокуратура",
        "При преступлении, например насилии, сексуальном посягательстве, мошенничестве или взяточничестве. Вы можете подать заявление в полицию.",
    ),
    "olaf": (
        "Европейское бюро по борьбе с мошенничеством (OLAF)",
        "При мошенничестве, коррупции или иных нарушениях, связанных со средствами ЕС.",
    ),
}

# --- 简体中文 ------------------------------------------------------------------------------------

CONTENT["zh_hans"] = {
    "options-for-action": (
        "可以采取的行动",
        "当您目睹或遭遇违反廉正的行为时可以怎么做：从一次谈话到向部外机构举报。",
        """如果您目睹或亲身遭遇不当行为，例如种族主义或歧视、性骚扰、欺凌、滥用职位、欺诈或泄密，您有多种选择。由您自己决定什么最适合您。您可以同时采用几种方式，也可以随时停止。

## 说出来

有时与当事人谈一次就够了。只有在您感到安全时才这样做。

您也可以先与一位保密顾问私下交谈。保密顾问会倾听您的讲述，帮助您权衡各种选择，并可以在整个过程中为您提供支持。保密顾问本身不采取任何行动，除非您提出请求，否则不会转告任何人。

## 寻求建议

不确定某件事是否属于违反廉正，或者不知道该怎么办？中央举报与咨询处（CCI）也提供建议，这并不会因此成为一项举报。管理人员可以就其团队中发生的事件寻求建议。

## 在部内举报

- 向您的主管举报。您的主管必须把每一项举报转交给中央举报处（CCI），不得私自压下。
- 通过本门户直接向中央举报与咨询处（CCI）举报。
- 如果您不信任内部处理，可以向外部举报处举报。外部举报处不属于本部的管理层级，未经您同意，不会向中央举报处转交任何内容。

## 向部外机构举报

您也可以直接或在内部举报之后，向荷兰吹哨人保护机构（Huis voor Klokkenluiders）或其他主管机构举报。请参阅“向部外机构举报”页面。

## 举报方式

- 书面举报：在本门户中，用您自己的语言，从任何驻外机构或从海牙提交。
- 口头举报：告诉您的主管，或请举报处安排一次面谈。面谈后，您可以核对、更正并签署会谈记录。
- 匿名举报或具名举报。如果您留下姓名，您的姓名将被保密。

无论您作何选择：出于善意的举报绝不会损害您的职业发展，对举报人的打击报复是被禁止的。""",
    ),
    "after-a-report": (
        "举报之后会发生什么",
        "从获得回执码到处理结束的各个步骤，以及适用的期限。",
        """## 立即：您的回执码

您提交举报后会得到一个回执码。凭此码您可以打开自己的安全信箱，在那里查看举报状态和举报处发来的消息，并进行回复。请妥善保管此码：任何人都无法再次查到它。

通过主管提交的举报，在主管转交后即送达中央举报与咨询处（CCI）。您的主管会把回执码交给您。

## 7天内：确认收到

举报处会在7天内确认已收到您的举报。

## 评估

举报处会审视发生了什么，以及如何最妥善地处理：信息是否完整，是否属于廉正问题，是否紧急，您是否面临风险，例如遭受打击报复的风险。举报处会记录其考量。它可能会通过信箱向您提问，因此请定期查看信箱。

## 处理

根据具体情况，举报处会选择一种处理方式，例如：

- 与相关人员谈话；
- 调解，前提是双方都愿意；
- 针对个人的调查，调查会审慎进行，听取所有相关人员的意见；
- 在您知情的情况下，将事项转交主管机构，例如涉及犯罪时转交警方。

被举报人会在适当的时候得到通知，并可以陈述自己的说法。未经您同意，您的姓名不会被透露。

## 3个月内：反馈

自确认收到之日起3个月内，您会得知针对您的举报已经或将要采取哪些措施，以及原因。如果处理需要更长时间，您会得知目前的进展以及何时可以得到更多消息。

## 结案与后续关怀

处理结束时，您会得知已经结案。此后，举报处会询问您的近况。请参阅“后续关怀”页面。

## 匿名举报

匿名举报同样会得到认真处理。由于举报处无法打电话给您，信箱是向您提问的唯一途径：请保管好回执码并定期查看信箱。

## 您的信息

您的举报以加密方式保存，只有您所选择的举报处的经办人员才能阅读。举报的保存时间不会超过必要的期限；之后只保留匿名统计数据。""",
    ),
    "sanction-policy": (
        "处分政策",
        "违规行为一经查实：由谁决定处理措施，可能采取哪些措施，以及本部如何公开说明。",
        """本部希望公开说明违反廉正的行为被查实后会发生什么。本页介绍处理措施是如何决定的。

## 由谁决定

举报处负责查明事实、记录考量并提出建议。针对员工的处理措施由有权限的管理层决定，而不是由举报处决定。

## 可能采取的措施

采取何种措施取决于违规的严重程度、具体情况以及是否曾经发生过。可能的措施包括纠正性谈话、明确的约定、培训或辅导，直至书面警告、调动、其他纪律处分，情节严重的可予以解雇。

如怀疑涉及犯罪，本部可以向警方或检察机关报案，在某些情况下必须报案。

对于驻外机构的当地雇员，处理措施依据其劳动合同及其工作所在国的法律执行，同样审慎对待。

## 审慎与公正

- 任何人都不会仅凭一项举报而受到处分：首先要查明事实。
- 在作出任何决定之前，当事人都会被听取意见，并可以请人协助。
- 处理措施与所发生的情况相称。
- 当事人可以通过法律规定的途径对决定提出异议。

## 公开说明

本部每年在年度报告中公布匿名统计数据：涉嫌违规的数量、调查的数量、查实违规的数量，以及所采取的措施（解雇、警告、调动、其他、无）。这样每个人都能看到举报得到了处理。

作为举报人，在不侵犯他人隐私的范围内，您会得知您的举报是否被认定属实，以及是否采取了措施。请参阅“如何得知处理结果”页面。""",
    ),
    "communication": (
        "如何得知处理结果",
        "举报处如何与您保持联系，会告诉您什么、不会告诉您什么，以及原因。",
        """## 通过您的安全信箱

有关您举报的一切联系都通过您的安全信箱进行，您可以用回执码打开信箱。如果您提供了电子邮箱地址并提出了要求，有新消息时您会收到一封电子邮件。该邮件不会提及您举报的任何内容。

## 您能看到什么

在信箱中，您可以看到用通俗语言表述的举报状态：已收到、已确认收到、评估中、处理中、已作出决定、已结案。您还可以看到举报处最迟答复您的日期。

## 您会得知什么

- 7天内：您的举报已被收到。
- 处理期间：需要向您了解的问题，以及有进展时的消息。
- 自确认收到之日起3个月内：针对您的举报已经或将要采取哪些措施，以及原因。
- 最后：处理已经结束，以及在可以告知您的范围内的处理结果。

## 哪些情况不一定能告诉您

其他人同样享有隐私权。如果对某位同事采取了措施，您可能无法得知具体是哪些措施。但您会得知您的举报是否被认定属实，以及是否已采取行动。

## 被举报人

被举报人会在适当的时候得知举报，并可以作出回应。未经您同意，您的身份不会被透露，除非法律另有要求；在这种情况下，会事先告知您并说明原因。

## 如果您不同意

如果您不同意对您举报的处理方式，请在信箱中说明。您也可以向荷兰吹哨人保护机构（Huis voor Klokkenluiders）寻求建议。""",
    ),
    "aftercare": (
        "后续关怀",
        "在举报处理期间及之后，为您和您的团队提供支持。",
        """举报可能很不容易，之后的一段时间也可能如此。在您的举报处理期间及之后，本部都会关心您。

## 对您

- 您的举报结案一段时间后，举报处会通过您的信箱询问您的近况，以及您是否因此受到不利影响。
- 保密顾问可以为您提供支持，处理结束后也可以。
- 您可以求助于职业健康医生或单位的社工。在驻外机构，举报处或保密顾问会帮助您在附近找到支持。

## 对团队

一项举报可能会影响整个团队。在有帮助的情况下，本部会协助修复工作关系，例如通过团队谈话、调解或道德研讨会。

## 对被举报人

如果举报被证明不实，本部会为被举报人恢复名誉。

## 从中吸取教训

每个案件结束后，举报处都会研究组织可以从中学到什么，以减少类似事件再次发生。这些经验教训会在隐去姓名后分享。

如果您在举报后受到不利影响，请举报：打击报复是被禁止的。请参阅“防止打击报复”页面。""",
    ),
    "protection-against-retaliation": (
        "防止打击报复",
        "对举报人的打击报复是被禁止的。什么属于打击报复，以及您可以怎么做。",
        """本部保护每一位出于善意举报涉嫌违反廉正行为的人。举报绝不会损害您的职业发展。如果涉及损害公共利益的不当行为或违反欧盟法律的行为，荷兰《吹哨人保护法》（Wet bescherming klokkenluiders，以欧盟第2019/1937号指令为基础）还在法律上保护您。

## 什么属于打击报复

打击报复是指因您举报而使您受到的任何不利待遇，例如：

- 解雇，或合同不予续签；
- 降职，或得不到应有的晋升；
- 负面的考评或推荐；
- 违背您的意愿调动岗位或更改职责；
- 被排除在培训之外；
- 被同事或主管孤立、排挤或恐吓。

## 谁受到保护

您作为举报人，以及帮助您的人，例如保密顾问或同事，还有证人和参与调查的其他人员。

## 您的身份

您的身份将被保密。只有在您同意或法律要求的情况下才会透露；在这种情况下，会事先告知您并说明原因。

## 举证责任

如果您在举报后受到不利待遇并诉诸法院，将推定这属于打击报复。此时雇主必须证明其有其他正当、充分的理由。

## 您可以怎么做

- 举报打击报复行为。打击报复本身就是违反廉正的行为，您可以通过任何途径举报。
- 与保密顾问交谈。
- 向荷兰吹哨人保护机构（Huis voor Klokkenluiders）寻求建议。该机构还可以调查雇主如何对待举报人。

明知内容虚假的举报不受保护。""",
    ),
    "external-routes": (
        "向部外机构举报",
        "您可以向本部以外的哪些机构求助，以及何时受到保护。",
        """您可以直接或在内部举报之后，向本部以外的机构举报。您不必先在内部举报。两种情况下都适用防止打击报复的保护。

## 荷兰吹哨人保护机构（Huis voor Klokkenluiders）

该机构就您可以采取的行动提供免费、保密的建议。它可以调查涉嫌损害公共利益的不当行为，也可以调查雇主如何对待举报人。

## 其他机构

对于特定事项，由其他机构受理举报，例如：

- 荷兰个人数据保护局（Autoriteit Persoonsgegevens）：滥用个人数据；
- 荷兰人权研究所（College voor de Rechten van de Mens）：工作中的歧视；
- 警方或检察机关：犯罪行为；
- 欧洲反欺诈办公室（OLAF）：涉及欧盟资金的欺诈；
- 监管机构，如荷兰消费者与市场管理局（ACM）、荷兰金融市场管理局（AFM）、荷兰中央银行（DNB）、医疗与青少年监察局（IGJ）、荷兰医疗管理局（NZa）以及核安全与辐射防护局（ANVS），各自负责其职权范围内的事项。

在驻外机构，犯罪行为也可能涉及驻在国的主管部门。举报处或保密顾问会帮助您找到正确的途径。

## 公开披露

直接向媒体或公众披露只有在严格条件下才受到保护，例如内部或外部举报未能及时促成适当措施，或公共利益面临迫在眉睫的危险。请先向荷兰吹哨人保护机构寻求建议。

这些机构的网址见“可以在哪里举报？”页面。""",
    ),
}

AUTHORITY_TEXT["zh_hans"] = {
    "huis-voor-klokkenluiders": (
        "荷兰吹哨人保护机构（Huis voor Klokkenluiders）",
        "为怀疑工作中存在不当行为的任何人提供免费、保密的建议。它可以调查涉嫌损害公共利益的不当行为，也可以调查雇主如何对待举报人。",
    ),
    "college-rechten-van-de-mens": (
        "荷兰人权研究所（College voor de Rechten van de Mens）",
        "适用于工作中的歧视，例如基于出身、宗教、性别或残疾的歧视。它免费就是否存在被禁止的不平等待遇作出判断。",
    ),
    "autoriteit-persoonsgegevens": (
        "荷兰个人数据保护局（Autoriteit Persoonsgegevens）",
        "适用于滥用或泄露个人数据的情况。",
    ),
    "police-prosecution": (
        "警方和检察机关",
        "适用于犯罪行为，如暴力、性侵犯、欺诈或贿赂。您可以向警方报案。",
    ),
    "olaf": (
        "欧洲反欺诈办公室（OLAF）",
        "适用于涉及欧盟资金的欺诈、腐败或其他违规行为。",
    ),
}

# --- the migration -------------------------------------------------------------------------------

FIELDS = ("title", "summary", "body")


def add_content(apps, schema_editor):
    """Fill every language of every page and authority, leaving anything already written alone."""
    ProcedurePage = apps.get_model("channels", "ProcedurePage")
    ExternalAuthority = apps.get_model("channels", "ExternalAuthority")
    for slug, position in PAGES:
        page = ProcedurePage.objects.filter(slug=slug).first() or ProcedurePage(slug=slug, position=position)
        for lang in LANGS:
            for field, value in zip(FIELDS, CONTENT[lang][slug], strict=True):
                if not getattr(page, f"{field}_{lang}", None):
                    setattr(page, f"{field}_{lang}", value)
        for field in FIELDS:  # the untranslated column holds the default language, Dutch
            setattr(page, field, getattr(page, field) or getattr(page, f"{field}_nl"))
        page.save()
    for code, position, website in AUTHORITIES:
        authority = ExternalAuthority.objects.filter(code=code).first() or ExternalAuthority(
            code=code, position=position, website=website
        )
        for lang in LANGS:
            for field, value in zip(("name", "description"), AUTHORITY_TEXT[lang][code], strict=True):
                if not getattr(authority, f"{field}_{lang}", None):
                    setattr(authority, f"{field}_{lang}", value)
        authority.name = authority.name or authority.name_nl
        authority.description = authority.description or authority.description_nl
        authority.save()


def remove_content(apps, schema_editor):
    apps.get_model("channels", "ProcedurePage").objects.filter(slug__in=[slug for slug, _ in PAGES]).delete()
    apps.get_model("channels", "ExternalAuthority").objects.filter(code__in=[code for code, *_ in AUTHORITIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("channels", "0001_initial")]
    operations = [migrations.RunPython(add_content, remove_content)]
