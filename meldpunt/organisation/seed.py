"""The ministry's posts abroad and directorates in The Hague, seeded on every `migrate`.

Public information, compiled from the ministry's published list of missions (late 2026); administrators
keep it current in the admin (add a post, or untick "active" to retire one; never delete). Names are
not typed here per language: `names.py` builds them from CLDR (Babel) for every language in
settings.LANGUAGES, so a new language needs no hand translation of posts or regions.

A post row: code, ISO 3166-1 country, city, region code, and the IANA time zone whose CLDR exemplar
city is this city. Where CLDR has no name for a consulate's city (no time zone of its own), its English
name is used in every language: the one name reporters abroad most often know besides their own. Codes are stable: reports and demo data refer to them.
"""

from django.utils.translation import gettext_noop

# code, CLDR territory whose translated name is the region's name (None: the msgid below is used).
REGIONS = [
    ("den-haag", None, gettext_noop("The Hague (headquarters)")),
    ("europe", "150", "Europe"),
    ("mena", None, gettext_noop("Middle East and North Africa")),
    ("africa", "202", "Sub-Saharan Africa"),
    ("asia", "142", "Asia"),
    ("oceania", "009", "Oceania"),
    ("americas", "019", "Americas"),
]

# Directorates in The Hague: their official Dutch name, and the English one used in other languages.
DIRECTORATES = [
    ("dgpz", "Directoraat-generaal Politieke Zaken", "Directorate-General for Political Affairs"),
    ("dges", "Directoraat-generaal Europese Samenwerking", "Directorate-General for European Cooperation"),
    ("dgis", "Directoraat-generaal Internationale Samenwerking", "Directorate-General for International Cooperation"),
    ("dgbeb", "Directoraat-generaal Buitenlandse Economische Betrekkingen",
     "Directorate-General for Foreign Economic Relations"),
    ("dgcb", "Directoraat-generaal Consulaire Zaken en Bedrijfsvoering",
     "Directorate-General for Consular Affairs and Operations"),
    ("dbo", "Directie Bedrijfsvoering", "Directorate of Operations"),
    ("dcv", "Directie Consulaire Zaken en Visumbeleid", "Consular Affairs and Visa Policy Department"),
    ("djz", "Directie Juridische Zaken", "Legal Affairs Department"),
    ("dco", "Directie Communicatie", "Communications Department"),
    ("fez", "Directie Financieel-Economische Zaken", "Financial and Economic Affairs Department"),
    ("dvb", "Directie Veiligheidsbeleid", "Security Policy Department"),
    ("dmm", "Directie Multilaterale Organisaties en Mensenrechten",
     "Multilateral Organisations and Human Rights Department"),
    ("dso", "Directie Sociale Ontwikkeling", "Social Development Department"),
    ("igg", "Directie Inclusieve Groene Groei", "Inclusive Green Growth Department"),
    ("dsh", "Directie Stabiliteit en Humanitaire Hulp", "Stabilisation and Humanitarian Aid Department"),
    ("dio", "Directie Internationaal Ondernemen", "International Enterprise Department"),
    ("deu", "Directie Europa", "Europe Department"),
    ("die", "Directie Integratie Europa", "European Integration Department"),
    ("daf", "Directie Afrika", "Sub-Saharan Africa Department"),
    ("dam", "Directie Noord-Afrika en Midden-Oosten", "Middle East and North Africa Department"),
    ("dao", "Directie Azië en Oceanië", "Asia and Oceania Department"),
    ("dwh", "Directie Westelijk Halfrond", "Western Hemisphere Department"),
    ("dpo", "Dienst Protocol", "Protocol Department"),
]

# Embassies: code | country | city | region | time zone of the city (if CLDR names it)
EMBASSIES = """
tirana AL Tirana europe Europe/Tirane
vienna AT Wien europe Europe/Vienna
brussels BE Bruxelles europe Europe/Brussels
sarajevo BA Sarajevo europe Europe/Sarajevo
sofia BG Sofia europe Europe/Sofia
zagreb HR Zagreb europe Europe/Zagreb
nicosia CY Nicosia europe Asia/Nicosia
prague CZ Praha europe Europe/Prague
copenhagen DK København europe Europe/Copenhagen
tallinn EE Tallinn europe Europe/Tallinn
helsinki FI Helsinki europe Europe/Helsinki
paris FR Paris europe Europe/Paris
berlin DE Berlin europe Europe/Berlin
athens GR Athína europe Europe/Athens
budapest HU Budapest europe Europe/Budapest
dublin IE Dublin europe Europe/Dublin
rome IT Roma europe Europe/Rome
holy-see VA Roma europe Europe/Vatican
pristina XK Prishtina europe
riga LV Riga europe Europe/Riga
vilnius LT Vilnius europe Europe/Vilnius
luxembourg LU Luxembourg europe Europe/Luxembourg
valletta MT Valletta europe Europe/Malta
skopje MK Skopje europe Europe/Skopje
oslo NO Oslo europe Europe/Oslo
warsaw PL Warszawa europe Europe/Warsaw
lisbon PT Lisboa europe Europe/Lisbon
bucharest RO București europe Europe/Bucharest
moscow RU Moskva europe Europe/Moscow
belgrade RS Beograd europe Europe/Belgrade
bratislava SK Bratislava europe Europe/Bratislava
ljubljana SI Ljubljana europe Europe/Ljubljana
madrid ES Madrid europe Europe/Madrid
stockholm SE Stockholm europe Europe/Stockholm
bern CH Bern europe
ankara TR Ankara europe
kyiv UA Kyiv europe Europe/Kiev
london GB London europe Europe/London
tbilisi GE Tbilisi europe Asia/Tbilisi
yerevan AM Yerevan europe Asia/Yerevan
baku AZ Baku europe Asia/Baku
chisinau MD Chișinău europe Europe/Chisinau
algiers DZ Alger mena Africa/Algiers
cairo EG Cairo mena Africa/Cairo
tel-aviv IL Tel Aviv mena
amman JO Amman mena Asia/Amman
beirut LB Beirut mena Asia/Beirut
baghdad IQ Baghdad mena Asia/Baghdad
tehran IR Tehran mena Asia/Tehran
kuwait KW Kuwait mena Asia/Kuwait
doha QA Doha mena Asia/Qatar
riyadh SA Riyadh mena Asia/Riyadh
abu-dhabi AE Abu Dhabi mena
muscat OM Muscat mena Asia/Muscat
rabat MA Rabat mena
tunis TN Tunis mena Africa/Tunis
tripoli LY Tripoli mena Africa/Tripoli
cotonou BJ Cotonou africa
bujumbura BI Bujumbura africa Africa/Bujumbura
ouagadougou BF Ouagadougou africa Africa/Ouagadougou
kinshasa CD Kinshasa africa Africa/Kinshasa
abidjan CI Abidjan africa Africa/Abidjan
addis ET Addis Ababa africa Africa/Addis_Ababa
accra GH Accra africa Africa/Accra
nairobi KE Nairobi africa Africa/Nairobi
bamako ML Bamako africa Africa/Bamako
maputo MZ Maputo africa Africa/Maputo
niamey NE Niamey africa Africa/Niamey
abuja NG Abuja africa
kigali RW Kigali africa Africa/Kigali
dakar SN Dakar africa Africa/Dakar
pretoria ZA Pretoria africa
juba SS Juba africa Africa/Juba
khartoum SD Khartoum africa Africa/Khartoum
dar-es-salaam TZ Dar es Salaam africa Africa/Dar_es_Salaam
kampala UG Kampala africa Africa/Kampala
harare ZW Harare africa Africa/Harare
luanda AO Luanda africa Africa/Luanda
yaounde CM Yaoundé africa
ndjamena TD N'Djamena africa Africa/Ndjamena
dhaka BD Dhaka asia Asia/Dhaka
beijing CN Beijing asia
new-delhi IN New Delhi asia
jakarta ID Jakarta asia Asia/Jakarta
tokyo JP Tokyo asia Asia/Tokyo
astana KZ Astana asia
kuala-lumpur MY Kuala Lumpur asia Asia/Kuala_Lumpur
yangon MM Yangon asia Asia/Rangoon
islamabad PK Islamabad asia
manila PH Manila asia Asia/Manila
singapore SG Singapore asia
seoul KR Seoul asia Asia/Seoul
colombo LK Colombo asia Asia/Colombo
bangkok TH Bangkok asia Asia/Bangkok
hanoi VN Hanoi asia
tashkent UZ Tashkent asia Asia/Tashkent
canberra AU Canberra oceania
wellington NZ Wellington oceania
buenos-aires AR Buenos Aires americas America/Buenos_Aires
brasilia BR Brasília americas
ottawa CA Ottawa americas
santiago CL Santiago americas America/Santiago
bogota CO Bogotá americas America/Bogota
san-jose CR San José americas America/Costa_Rica
havana CU La Habana americas America/Havana
santo-domingo DO Santo Domingo americas America/Santo_Domingo
mexico MX Ciudad de México americas America/Mexico_City
panama PA Panamá americas America/Panama
lima PE Lima americas America/Lima
paramaribo SR Paramaribo americas America/Paramaribo
port-of-spain TT Port of Spain americas America/Port_of_Spain
washington US Washington americas
montevideo UY Montevideo americas America/Montevideo
caracas VE Caracas americas America/Caracas
"""

# Consulates-general: same columns.
CONSULATES = """
antwerp BE Antwerp europe
dusseldorf DE Düsseldorf europe
munich DE Munich europe
istanbul TR İstanbul europe Europe/Istanbul
dubai AE Dubai mena Asia/Dubai
jeddah SA Jeddah mena
erbil IQ Erbil mena
lagos NG Lagos africa Africa/Lagos
cape-town ZA Cape Town africa
shanghai CN Shanghai asia Asia/Shanghai
guangzhou CN Guangzhou asia
chongqing CN Chongqing asia
hong-kong HK Hong Kong asia Asia/Hong_Kong
mumbai IN Mumbai asia
bengaluru IN Bengaluru asia
osaka JP Osaka asia
ho-chi-minh-city VN Ho Chi Minh City asia Asia/Saigon
sydney AU Sydney oceania Australia/Sydney
new-york US New York americas America/New_York
chicago US Chicago americas America/Chicago
miami US Miami americas
san-francisco US San Francisco americas
sao-paulo BR São Paulo americas America/Sao_Paulo
rio-de-janeiro BR Rio de Janeiro americas
"""

# Permanent representations: code, the translated name (a msgid), country, city, region, time zone.
PERMANENT_REPRESENTATIONS = [
    ("pv-eu", gettext_noop("Permanent Representation to the European Union"), "BE", "Bruxelles", "europe",
     "Europe/Brussels"),
    ("pv-nato", gettext_noop("Permanent Representation to NATO"), "BE", "Bruxelles", "europe", "Europe/Brussels"),
    ("pv-new-york", gettext_noop("Permanent Representation to the United Nations in New York"), "US", "New York",
     "americas", "America/New_York"),
    ("pv-geneva", gettext_noop("Permanent Representation to the United Nations in Geneva"), "CH", "Genève",
     "europe", ""),
    ("pv-vienna", gettext_noop("Permanent Representation to the OSCE and the United Nations in Vienna"), "AT",
     "Wien", "europe", "Europe/Vienna"),
    ("pv-strasbourg", gettext_noop("Permanent Representation to the Council of Europe"), "FR", "Strasbourg",
     "europe", ""),
    ("pv-oecd", gettext_noop("Permanent Representation to the OECD"), "FR", "Paris", "europe", "Europe/Paris"),
    ("pv-unesco", gettext_noop("Permanent Representation to UNESCO"), "FR", "Paris", "europe", "Europe/Paris"),
    ("pv-rome", gettext_noop("Permanent Representation to the United Nations organisations in Rome"), "IT",
     "Roma", "europe", "Europe/Rome"),
]


def _rows(table: str):
    for line in table.strip().splitlines():
        code, country, rest = line.split(" ", 2)
        words = rest.split(" ")
        # The city may have spaces; the region code comes after it, then an optional time zone.
        if "/" in words[-1]:
            *city, region, tz = words
        else:
            *city, region = words
            tz = ""
        yield code, country, " ".join(city), region, tz


def abroad_posts():
    """Every post abroad as (code, kind, country, city, region, time zone, msgid or "")."""
    for code, country, city, region, tz in _rows(EMBASSIES):
        yield code, "embassy", country, city, region, tz, ""
    for code, country, city, region, tz in _rows(CONSULATES):
        yield code, "consulate", country, city, region, tz, ""
    for code, msgid, country, city, region, tz in PERMANENT_REPRESENTATIONS:
        yield code, "permanent_representation", country, city, region, tz, msgid
