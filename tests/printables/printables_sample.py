"""A small, real phrasebook in all 16 variants for the printables tests (see conftest.py)."""

from __future__ import annotations

TEMPLATES = {
    "signs.toml": '''kind = "sign"

[[template]]
id = "sign.toilet"
category = "information"
pictogram = "toilet"
budget = 16
ja = "トイレ"

[[template]]
id = "sign.no_smoking"
category = "prohibition"
pictogram = "no_smoking"
budget = 24
ja = "禁煙"

[[template]]
id = "sign.emergency_exit"
category = "safe_condition"
pictogram = "emergency_exit"
budget = 24
ja = "非常口"
''',
    "board.toml": '''kind = "board"

[[template]]
id = "board.toilet_where"
category = "question"
boards = ["common", "evacuee"]
pictogram = "toilet"
ja = "トイレはどこですか？"

[[template]]
id = "board.water"
category = "need"
boards = ["common", "evacuee", "staff"]
pictogram = "drinking_water"
ja = "水がほしいです"
''',
    "food.toml": '''kind = "food"

[[template]]
id = "food.egg"
category = "allergen"
pictogram = "food_egg"
ja = "卵"

[[template]]
id = "food.pork"
category = "religious"
pictogram = "food_pork"
ja = "豚肉"
''',
    "card.toml": '''kind = "card"

[[template]]
id = "card.title"
category = "header"
field = "title"
role = "title"
ja = "避難者登録カード"

[[template]]
id = "card.section.identity"
category = "identity"
field = "identity"
role = "section"
ja = "あなたについて"

[[template]]
id = "card.name.label"
category = "identity"
field = "name"
role = "label"
input = "text"
ja = "氏名"

[[template]]
id = "card.sex.label"
category = "identity"
field = "sex"
role = "label"
input = "choice"
ja = "性別"

[[template]]
id = "card.sex.female"
category = "identity"
field = "sex"
role = "option"
ja = "女性"

[[template]]
id = "card.sex.male"
category = "identity"
field = "sex"
role = "option"
ja = "男性"
''',
    "messages.toml": '''kind = "message"

[[template]]
id = "shelter.opened"
category = "shelter"
phases = ["evacuation"]
pictogram = "shelter"
slots = { place = "place", time = "time" }
ja = "{time}に{place}を避難所として開設しました。"

[[template]]
id = "quake.strong_shaking"
category = "onset"
hazards = ["earthquake"]
phases = ["onset"]
pictogram = "earthquake"
ja = "大きな地震がありました。落ち着いて、頭を守ってください。"
''',
}

# template id -> {code: text}; the order of codes follows DESIGN.md §2.
TRANSLATIONS: dict[str, dict[str, str]] = {
    "sign.toilet": {
        "ja@easy": "トイレ", "en": "Toilet", "zh_Hans": "厕所", "zh_Hant": "廁所", "ko": "화장실",
        "vi": "Nhà vệ sinh", "tl": "Palikuran", "th": "ห้องน้ำ", "id": "Toilet", "es": "Baños",
        "pt_BR": "Banheiro", "my": "အိမ်သာ", "ne": "शौचालय", "ru": "Туалет", "fr": "Toilettes",
    },
    "sign.no_smoking": {
        "ja@easy": "たばこを すっては いけません", "en": "No smoking", "zh_Hans": "禁止吸烟",
        "zh_Hant": "禁止吸菸", "ko": "금연", "vi": "Cấm hút thuốc", "tl": "Bawal manigarilyo",
        "th": "ห้ามสูบบุหรี่", "id": "Dilarang merokok", "es": "Prohibido fumar", "pt_BR": "Proibido fumar",
        "my": "ဆေးလိပ်မသောက်ရ", "ne": "धूम्रपान निषेध", "ru": "Курить запрещено", "fr": "Interdit de fumer",
    },
    "sign.emergency_exit": {
        "ja@easy": "にげる ための ｜出口《でぐち》", "en": "Emergency exit", "zh_Hans": "紧急出口",
        "zh_Hant": "緊急出口", "ko": "비상구", "vi": "Lối thoát hiểm", "tl": "Labasan pang-emerhensiya",
        "th": "ทางออกฉุกเฉิน", "id": "Pintu darurat", "es": "Salida de emergencia",
        "pt_BR": "Saída de emergência", "my": "အရေးပေါ်ထွက်ပေါက်", "ne": "आपतकालीन निकास",
        "ru": "Запасный выход", "fr": "Sortie de secours",
    },
    "board.toilet_where": {
        "ja@easy": "トイレは どこですか？", "en": "Where is the toilet?", "zh_Hans": "厕所在哪里？",
        "zh_Hant": "廁所在哪裡？", "ko": "화장실은 어디입니까?", "vi": "Nhà vệ sinh ở đâu?",
        "tl": "Nasaan ang palikuran?", "th": "ห้องน้ำอยู่ที่ไหน", "id": "Di mana toiletnya?",
        "es": "¿Dónde está el baño?", "pt_BR": "Onde fica o banheiro?", "my": "အိမ်သာ ဘယ်မှာလဲ",
        "ne": "शौचालय कहाँ छ?", "ru": "Где туалет?", "fr": "Où sont les toilettes ?",
    },
    "board.water": {
        "ja@easy": "｜水《みず》が ほしいです", "en": "I would like some water", "zh_Hans": "我想要水",
        "zh_Hant": "我想要水", "ko": "물을 원합니다", "vi": "Tôi muốn có nước", "tl": "Gusto ko ng tubig",
        "th": "ฉันต้องการน้ำ", "id": "Saya mau air", "es": "Quiero agua", "pt_BR": "Eu quero água",
        "my": "ရေ လိုချင်ပါတယ်", "ne": "मलाई पानी चाहियो", "ru": "Я хочу воды", "fr": "Je voudrais de l'eau",
    },
    "food.egg": {
        "ja@easy": "たまご", "en": "Egg", "zh_Hans": "鸡蛋", "zh_Hant": "雞蛋", "ko": "달걀", "vi": "Trứng",
        "tl": "Itlog", "th": "ไข่", "id": "Telur", "es": "Huevo", "pt_BR": "Ovo", "my": "ကြက်ဥ", "ne": "अण्डा",
        "ru": "Яйца", "fr": "Œuf",
    },
    "food.pork": {
        "ja@easy": "ぶたにく", "en": "Pork", "zh_Hans": "猪肉", "zh_Hant": "豬肉", "ko": "돼지고기",
        "vi": "Thịt lợn", "tl": "Baboy", "th": "เนื้อหมู", "id": "Daging babi", "es": "Cerdo",
        "pt_BR": "Carne de porco", "my": "ဝက်သား", "ne": "सुँगुरको मासु", "ru": "Свинина", "fr": "Porc",
    },
    "card.title": {
        "ja@easy": "｜避難《ひなん》した ｜人《ひと》の カード", "en": "Evacuee registration card",
        "zh_Hans": "避难者登记卡", "zh_Hant": "避難者登記卡", "ko": "피난자 등록 카드",
        "vi": "Thẻ đăng ký người sơ tán", "tl": "Kard sa pagpaparehistro ng lumikas",
        "th": "บัตรลงทะเบียนผู้อพยพ", "id": "Kartu pendaftaran pengungsi",
        "es": "Tarjeta de registro de evacuados", "pt_BR": "Cartão de registro de desabrigados",
        "my": "ဘေးရှောင်သူ မှတ်ပုံတင်ကတ်", "ne": "विस्थापित दर्ता कार्ड",
        "ru": "Карта регистрации эвакуированных", "fr": "Fiche d'enregistrement des évacués",
    },
    "card.section.identity": {
        "ja@easy": "あなたの こと", "en": "About you", "zh_Hans": "关于您", "zh_Hant": "關於您",
        "ko": "본인에 대하여", "vi": "Về bạn", "tl": "Tungkol sa iyo", "th": "เกี่ยวกับคุณ", "id": "Tentang Anda",
        "es": "Sobre usted", "pt_BR": "Sobre você", "my": "သင့်အကြောင်း", "ne": "तपाईंको बारेमा", "ru": "О вас",
        "fr": "Vous concernant",
    },
    "card.name.label": {
        "ja@easy": "なまえ", "en": "Name", "zh_Hans": "姓名", "zh_Hant": "姓名", "ko": "성명", "vi": "Họ và tên",
        "tl": "Pangalan", "th": "ชื่อ-นามสกุล", "id": "Nama", "es": "Nombre", "pt_BR": "Nome", "my": "အမည်",
        "ne": "नाम", "ru": "Имя и фамилия", "fr": "Nom",
    },
    "card.sex.label": {
        "ja@easy": "せいべつ", "en": "Sex", "zh_Hans": "性别", "zh_Hant": "性別", "ko": "성별", "vi": "Giới tính",
        "tl": "Kasarian", "th": "เพศ", "id": "Jenis kelamin", "es": "Sexo", "pt_BR": "Sexo", "my": "ကျား/မ",
        "ne": "लिङ्ग", "ru": "Пол", "fr": "Sexe",
    },
    "card.sex.female": {
        "ja@easy": "おんな", "en": "Female", "zh_Hans": "女", "zh_Hant": "女", "ko": "여성", "vi": "Nữ",
        "tl": "Babae", "th": "หญิง", "id": "Perempuan", "es": "Mujer", "pt_BR": "Feminino", "my": "မ",
        "ne": "महिला", "ru": "Женский", "fr": "Femme",
    },
    "card.sex.male": {
        "ja@easy": "おとこ", "en": "Male", "zh_Hans": "男", "zh_Hant": "男", "ko": "남성", "vi": "Nam",
        "tl": "Lalaki", "th": "ชาย", "id": "Laki-laki", "es": "Hombre", "pt_BR": "Masculino", "my": "ကျား",
        "ne": "पुरुष", "ru": "Мужской", "fr": "Homme",
    },
    "shelter.opened": {
        "ja@easy": "{time}に {place}が ｜避難所《ひなんじょ》に なりました。",
        "en": "{place} opened as an evacuation shelter at {time}.",
        "zh_Hans": "{time}，{place}已作为避难所开放。", "zh_Hant": "{time}，{place}已作為避難所開放。",
        "ko": "{time}에 {place}을(를) 대피소로 개설했습니다.",
        "vi": "Lúc {time}, {place} đã được mở làm nơi sơ tán.",
        "tl": "Binuksan ang {place} bilang evacuation center noong {time}.",
        "th": "เปิด{place}เป็นศูนย์อพยพเมื่อเวลา {time}",
        "id": "{place} telah dibuka sebagai tempat pengungsian pada pukul {time}.",
        "es": "A las {time} se abrió {place} como refugio.",
        "pt_BR": "Às {time}, {place} foi aberto como abrigo.",
        "my": "{time} တွင် {place} ကို ဘေးလွတ်ရာ စခန်းအဖြစ် ဖွင့်လှစ်ခဲ့ပါသည်။",
        "ne": "{time} मा {place} लाई आश्रयस्थलको रूपमा खोलिएको छ।",
        "ru": "В {time} {place} открыт как пункт эвакуации.",
        "fr": "{place} a ouvert comme centre d'évacuation à {time}.",
    },
    "quake.strong_shaking": {
        "ja@easy": "おおきな ｜地震《じしん》が ありました。 あたまを まもって ください。",
        "en": "There was a strong earthquake. Stay calm and protect your head.",
        "zh_Hans": "发生了强烈地震。请保持冷静，保护好头部。",
        "zh_Hant": "發生了強烈地震。請保持冷靜，保護好頭部。",
        "ko": "큰 지진이 발생했습니다. 침착하게 머리를 보호하십시오.",
        "vi": "Đã xảy ra động đất mạnh. Hãy bình tĩnh và bảo vệ đầu.",
        "tl": "Nagkaroon ng malakas na lindol. Manatiling kalmado at protektahan ang inyong ulo.",
        "th": "เกิดแผ่นดินไหวรุนแรง กรุณาตั้งสติและป้องกันศีรษะของคุณ",
        "id": "Telah terjadi gempa bumi yang kuat. Tetap tenang dan lindungi kepala Anda.",
        "es": "Hubo un terremoto fuerte. Mantenga la calma y protéjase la cabeza.",
        "pt_BR": "Houve um terremoto forte. Mantenha a calma e proteja a cabeça.",
        "my": "ပြင်းထန်သော ငလျင် လှုပ်ခဲ့ပါသည်။ စိတ်အေးအေးထားပြီး ခေါင်းကို ကာကွယ်ပါ။",
        "ne": "ठूलो भूकम्प गयो। शान्त रहनुहोस् र आफ्नो टाउको जोगाउनुहोस्।",
        "ru": "Произошло сильное землетрясение. Сохраняйте спокойствие и защищайте голову.",
        "fr": "Un fort séisme s'est produit. Restez calme et protégez votre tête.",
    },
}
