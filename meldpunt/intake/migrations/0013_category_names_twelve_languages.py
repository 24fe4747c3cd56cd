"""The Rijk categories and the counsellor-conduct category named in the twelve languages of the host
countries' locally hired staff (issue 13), where an administrator has not named them yet. Translated
from the Dutch and English of 0002_rijk_categories and vertrouwenspersonen/complaint_category.py with the
glossary (locale/glossary.tsv); the four kinds of undesirable conduct as the counsellors' specialisms
already name them in the catalogues. Region and post names need no migration: `migrate` fills them from
CLDR for every offered language (organisation/services.py)."""

from django.db import migrations
from modeltranslation.utils import build_localized_fieldname

# code -> language -> name
NAMES = {
    "financial": {
        "de": "Finanzielles Fehlverhalten (Betrug, Diebstahl, Bestechung)",
        "it": "Illeciti finanziari (frode, furto, corruzione)",
        "pl": "Nieprawidłowości finansowe (oszustwo, kradzież, przekupstwo)",
        "uk": "Фінансові порушення (шахрайство, крадіжка, хабарництво)",
        "tr": "Mali usulsüzlük (dolandırıcılık, hırsızlık, rüşvet)",
        "fa": "تخلف مالی (کلاهبرداری، دزدی، رشوه)",
        "ur": "مالی بے ضابطگی (دھوکا دہی، چوری، رشوت)",
        "hi": "वित्तीय कदाचार (धोखाधड़ी, चोरी, रिश्वत)",
        "id": "Pelanggaran keuangan (penipuan, pencurian, suap)",
        "sw": "Utovu wa maadili wa kifedha (ulaghai, wizi, rushwa)",
        "vi": "Sai phạm tài chính (gian lận, trộm cắp, hối lộ)",
        "ja": "金銭に関する不正（詐欺・窃盗・贈収賄）",
    },
    "misuse_of_position": {
        "de": "Missbrauch der Stellung oder Interessenkonflikt",
        "it": "Abuso della posizione o conflitto di interessi",
        "pl": "Nadużycie stanowiska lub konflikt interesów",
        "uk": "Зловживання посадою або конфлікт інтересів",
        "tr": "Görevin kötüye kullanılması veya çıkar çatışması",
        "fa": "سوءاستفاده از موقعیت یا تعارض منافع",
        "ur": "عہدے کا غلط استعمال یا مفادات کا ٹکراؤ",
        "hi": "पद का दुरुपयोग या हितों का टकराव",
        "id": "Penyalahgunaan jabatan atau benturan kepentingan",
        "sw": "Matumizi mabaya ya cheo au mgongano wa maslahi",
        "vi": "Lạm dụng chức vụ hoặc xung đột lợi ích",
        "ja": "地位の濫用または利益相反",
    },
    "information": {
        "de": "Unerlaubte Weitergabe oder Missbrauch von Informationen",
        "it": "Fuga o uso improprio di informazioni",
        "pl": "Wyciek lub niewłaściwe wykorzystanie informacji",
        "uk": "Витік інформації або зловживання нею",
        "tr": "Bilgi sızdırma veya bilgilerin kötüye kullanılması",
        "fa": "افشا یا سوءاستفاده از اطلاعات",
        "ur": "معلومات افشا کرنا یا ان کا غلط استعمال",
        "hi": "जानकारी लीक करना या उसका दुरुपयोग",
        "id": "Pembocoran atau penyalahgunaan informasi",
        "sw": "Kuvujisha au kutumia vibaya taarifa",
        "vi": "Làm lộ hoặc lạm dụng thông tin",
        "ja": "情報の漏えいまたは不正使用",
    },
    "misuse_of_powers": {
        "de": "Missbrauch von Befugnissen",
        "it": "Abuso di poteri",
        "pl": "Nadużycie uprawnień",
        "uk": "Зловживання повноваженнями",
        "tr": "Yetkinin kötüye kullanılması",
        "fa": "سوءاستفاده از اختیارات",
        "ur": "اختیارات کا غلط استعمال",
        "hi": "अधिकारों का दुरुपयोग",
        "id": "Penyalahgunaan wewenang",
        "sw": "Matumizi mabaya ya mamlaka",
        "vi": "Lạm dụng quyền hạn",
        "ja": "権限の濫用",
    },
    "misuse_of_force": {
        "de": "Missbrauch von Befugnissen zur Gewaltanwendung",
        "it": "Uso improprio della forza",
        "pl": "Nadużycie uprawnień do użycia siły",
        "uk": "Зловживання повноваженнями щодо застосування сили",
        "tr": "Zor kullanma yetkisinin kötüye kullanılması",
        "fa": "سوءاستفاده از اختیار به‌کارگیری زور",
        "ur": "طاقت کے استعمال کے اختیارات کا غلط استعمال",
        "hi": "बल प्रयोग के अधिकारों का दुरुपयोग",
        "id": "Penyalahgunaan wewenang penggunaan kekerasan",
        "sw": "Matumizi mabaya ya mamlaka ya kutumia nguvu",
        "vi": "Lạm dụng quyền sử dụng vũ lực",
        "ja": "実力行使の権限の濫用",
    },
    "undesirable_conduct": {
        "de": "Unerwünschtes Verhalten",
        "it": "Comportamenti indesiderati",
        "pl": "Niepożądane zachowania",
        "uk": "Небажана поведінка",
        "tr": "İstenmeyen davranışlar",
        "fa": "رفتار ناپسند در محیط کار",
        "ur": "ناپسندیدہ رویہ",
        "hi": "अवांछित आचरण",
        "id": "Perilaku tidak pantas",
        "sw": "Tabia isiyofaa",
        "vi": "Hành vi ứng xử không phù hợp",
        "ja": "不適切な言動",
    },
    "racism_discrimination": {
        "de": "Rassismus und Diskriminierung",
        "it": "Razzismo e discriminazione",
        "pl": "Rasizm i dyskryminacja",
        "uk": "Расизм і дискримінація",
        "tr": "Irkçılık ve ayrımcılık",
        "fa": "نژادپرستی و تبعیض",
        "ur": "نسل پرستی اور امتیازی سلوک",
        "hi": "नस्लवाद और भेदभाव",
        "id": "Rasisme dan diskriminasi",
        "sw": "Ubaguzi wa rangi na ubaguzi",
        "vi": "Phân biệt chủng tộc và phân biệt đối xử",
        "ja": "人種差別・差別",
    },
    "sexual_harassment": {
        "de": "Sexuelle Belästigung",
        "it": "Molestie sessuali",
        "pl": "Molestowanie seksualne",
        "uk": "Сексуальні домагання",
        "tr": "Cinsel taciz",
        "fa": "آزار جنسی",
        "ur": "جنسی ہراسانی",
        "hi": "यौन उत्पीड़न",
        "id": "Pelecehan seksual",
        "sw": "Unyanyasaji wa kingono",
        "vi": "Quấy rối tình dục",
        "ja": "セクシュアルハラスメント",
    },
    "bullying": {
        "de": "Mobbing",
        "it": "Bullismo",
        "pl": "Nękanie",
        "uk": "Булінг",
        "tr": "Zorbalık",
        "fa": "قلدری",
        "ur": "دھونس",
        "hi": "धौंस",
        "id": "Perundungan",
        "sw": "Uonevu",
        "vi": "Bắt nạt",
        "ja": "いじめ",
    },
    "aggression": {
        "de": "Aggression und Gewalt",
        "it": "Aggressività e violenza",
        "pl": "Agresja i przemoc",
        "uk": "Агресія і насильство",
        "tr": "Saldırganlık ve şiddet",
        "fa": "پرخاشگری و خشونت",
        "ur": "جارحیت اور تشدد",
        "hi": "आक्रामकता और हिंसा",
        "id": "Agresi dan kekerasan",
        "sw": "Uchokozi na vurugu",
        "vi": "Gây hấn và bạo lực",
        "ja": "攻撃的言動・暴力",
    },
    "private_life": {
        "de": "Fehlverhalten im Privatleben",
        "it": "Cattiva condotta nella vita privata",
        "pl": "Niewłaściwe postępowanie w życiu prywatnym",
        "uk": "Проступки в приватному житті",
        "tr": "Özel yaşamda uygunsuz davranış",
        "fa": "رفتار نادرست در زندگی خصوصی",
        "ur": "نجی زندگی میں نامناسب طرزِ عمل",
        "hi": "निजी जीवन में कदाचार",
        "id": "Pelanggaran dalam kehidupan pribadi",
        "sw": "Utovu wa maadili katika maisha binafsi",
        "vi": "Hành vi sai trái trong đời tư",
        "ja": "私生活における不品行",
    },
    "resources_rules": {
        "de": "Missbrauch von Mitteln oder Verstoß gegen interne Regeln",
        "it": "Uso improprio di risorse o violazione delle regole interne",
        "pl": "Niewłaściwe wykorzystanie zasobów lub naruszenie zasad wewnętrznych",
        "uk": "Зловживання ресурсами або порушення внутрішніх правил",
        "tr": "Kaynakların kötüye kullanılması veya iç kuralların ihlali",
        "fa": "سوءاستفاده از منابع یا نقض مقررات داخلی",
        "ur": "وسائل کا غلط استعمال یا اندرونی قواعد کی خلاف ورزی",
        "hi": "संसाधनों का दुरुपयोग या आंतरिक नियमों का उल्लंघन",
        "id": "Penyalahgunaan sumber daya atau pelanggaran aturan internal",
        "sw": "Matumizi mabaya ya rasilimali au ukiukaji wa kanuni za ndani",
        "vi": "Lạm dụng nguồn lực hoặc vi phạm quy định nội bộ",
        "ja": "資源の不正使用または内部規則違反",
    },
    "misstand": {
        "de": "Verdacht auf einen Missstand von öffentlichem Interesse",
        "it": "Sospetto di illecito di interesse pubblico",
        "pl": "Podejrzenie nieprawidłowości w interesie publicznym",
        "uk": "Підозра на порушення, що зачіпає суспільні інтереси",
        "tr": "Kamu yararını ilgilendiren bir usulsüzlük şüphesi",
        "fa": "ظن به تخلفی که به منافع عمومی مربوط است",
        "ur": "عوامی مفاد سے متعلق کسی بے ضابطگی کا شبہ",
        "hi": "सार्वजनिक हित से जुड़े किसी गलत काम का संदेह",
        "id": "Dugaan pelanggaran yang menyangkut kepentingan umum",
        "sw": "Shaka ya kosa linalohusu maslahi ya umma",
        "vi": "Nghi ngờ có sai phạm liên quan đến lợi ích công",
        "ja": "公益に関わる不正の疑い",
    },
    "counsellor_conduct": {
        "de": "Eine Vertrauensperson hat die Vertraulichkeit verletzt oder falsch gehandelt",
        "it": "Un consigliere di fiducia ha violato la riservatezza o ha agito in modo scorretto",
        "pl": "Osoba zaufania naruszyła poufność lub postąpiła niewłaściwie",
        "uk": "Довірена особа порушила конфіденційність або діяла неналежно",
        "tr": "Bir güven danışmanı gizliliği ihlal etti veya yanlış davrandı",
        "fa": "یک مشاور معتمد رازداری را نقض کرد یا نادرست رفتار کرد",
        "ur": "کسی معتمد مشیر نے رازداری توڑی یا غلط طرزِ عمل اختیار کیا",
        "hi": "किसी विश्वासपात्र परामर्शदाता ने गोपनीयता भंग की या गलत आचरण किया",
        "id": "Seorang konselor tepercaya melanggar kerahasiaan atau bertindak tidak semestinya",
        "sw": "Mshauri wa kuaminika alivunja usiri au alitenda isivyofaa",
        "vi": "Một người tư vấn tin cậy đã vi phạm tính bảo mật hoặc hành động sai",
        "ja": "相談員が秘密を漏らした、または不適切な対応をした",
    },
}

# code -> language -> description (the Rijk categories have none; their names say it)
DESCRIPTIONS = {
    "counsellor_conduct": {
        "de": "Dies geht an die koordinierende Vertrauensperson, nie an die betroffene Vertrauensperson und weder "
              "an die CCI noch an die externe Meldestelle. Sie können anonym bleiben und die Sache mit Ihrem "
              "Zugangscode verfolgen.",
        "it": "Questa segnalazione va al coordinatore dei consiglieri di fiducia, mai al consigliere di fiducia "
              "interessato, né al CCI né al punto di segnalazione esterno. Può restare anonimo e seguirla con il "
              "Suo codice di ricevuta.",
        "pl": "To zgłoszenie trafia do koordynatora osób zaufania, nigdy do osoby zaufania, której dotyczy, ani do "
              "CCI czy zewnętrznego punktu zgłoszeń. Może Pan/Pani pozostać anonimowy/anonimowa i śledzić sprawę "
              "za pomocą kodu zgłoszenia.",
        "uk": "Це звернення отримує координатор довірених осіб — ніколи не сама довірена особа, про яку йдеться, і "
              "не CCI чи зовнішній пункт прийому звернень. Ви можете звертатися анонімно та стежити за зверненням "
              "за кодом звернення.",
        "tr": "Bu bildirim güven danışmanları koordinatörüne gider; hakkında bildirimde bulunulan güven danışmanına "
              "asla gitmez, CCI'ya veya dış bildirim noktasına da gitmez. Anonim kalabilir ve bildiriminizi alındı "
              "kodunuzla takip edebilirsiniz.",
        "fa": "این گزارش به هماهنگ‌کنندهٔ مشاوران معتمد می‌رسد، هرگز به خودِ مشاور معتمدِ مورد نظر نمی‌رسد و به "
              "CCI یا دفتر گزارش‌دهی بیرونی هم نمی‌رسد. می‌توانید ناشناس بمانید و با کد رسید خود آن را پیگیری کنید.",
        "ur": "یہ رپورٹ معتمد مشیروں کے کوآرڈینیٹر کو جاتی ہے، متعلقہ معتمد مشیر کو کبھی نہیں، اور نہ CCI یا بیرونی "
              "رپورٹنگ دفتر کو۔ آپ گمنام رہ سکتے ہیں اور اپنے رسید کوڈ سے اس کی پیروی کر سکتے ہیں۔",
        "hi": "यह रिपोर्ट परामर्शदाता समन्वयक के पास जाती है, संबंधित परामर्शदाता के पास कभी नहीं, और न ही CCI या "
              "बाहरी रिपोर्टिंग केंद्र के पास। आप गुमनाम रह सकते हैं और अपने रसीद कोड से इसकी स्थिति देख सकते हैं।",
        "id": "Laporan ini diterima koordinator konselor, tidak pernah oleh konselor tepercaya yang bersangkutan, "
              "dan tidak oleh CCI maupun unit pelaporan eksternal. Anda dapat tetap anonim dan menindaklanjutinya "
              "dengan kode tanda terima Anda.",
        "sw": "Ripoti hii inakwenda kwa mratibu wa washauri, kamwe si kwa mshauri wa kuaminika anayehusika, wala si "
              "kwa CCI au kituo cha nje cha kuripoti. Unaweza kubaki bila kujitambulisha na kuifuatilia kwa msimbo "
              "wako wa risiti.",
        "vi": "Báo cáo này được chuyển đến điều phối viên người tư vấn, không bao giờ đến chính người tư vấn tin cậy "
              "bị nêu, và cũng không đến CCI hay đầu mối tiếp nhận báo cáo bên ngoài. Bạn có thể ẩn danh và theo "
              "dõi bằng mã biên nhận của mình.",
        "ja": "この通報は相談員コーディネーターに届きます。当該の相談員には届かず、CCIや外部通報窓口にも届きません。"
              "匿名のままで構いません。受付コードで経過を確認できます。",
    },
}


def fill(apps, schema_editor=None):
    """Fill the new languages' columns where empty: a name an administrator typed is kept."""
    Category = apps.get_model("intake", "Category")
    for category in Category.objects.filter(code__in=NAMES):
        changed = []
        for field, table in (("name", NAMES), ("description", DESCRIPTIONS)):
            for language, text in table.get(category.code, {}).items():
                column = build_localized_fieldname(field, language)  # Indonesian: name_ind
                if not getattr(category, column):
                    setattr(category, column, text)
                    changed.append(column)
        if changed:
            category.save(update_fields=changed)


def empty(apps, schema_editor=None):
    """Reversed: the columns go with the previous migration; nothing to undo here."""


class Migration(migrations.Migration):
    dependencies = [("intake", "0012_category_twelve_languages"), ("vertrouwenspersonen", "0007_complaint_category")]
    operations = [migrations.RunPython(fill, empty)]
