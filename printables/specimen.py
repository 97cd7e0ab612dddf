"""The type specimen: one page per language variant with sample sentences, a long wrapped
paragraph and mixed digits, so that anyone can check the rendering by eye."""

from __future__ import annotations

from phrasebook.languages import LANGUAGES, Language, native_digits
from printables.colours import GREY, INK, NAVY, RULE
from printables.fonts import font
from printables.pdf import Document, mm, page_size
from printables.stacks import Part, Stack

SAMPLES: dict[str, str] = {
    "ja": "大きな地震がありました。落ち着いて、頭を守ってください。避難所は中央小学校です。ますます注意してください！",
    "ja@easy": "おおきな ｜地震《じしん》が ありました。 あたまを まもって ください。 ｜避難所《ひなんじょ》は ちゅうおう しょうがっこう です。",
    "en": "There was a strong earthquake. Stay calm and protect your head. The evacuation shelter is Chuo Elementary School.",
    "zh_Hans": "发生了强烈地震。请保持冷静，保护好头部！避难所是中央小学：请前往。",
    "zh_Hant": "發生了強烈地震。請保持冷靜，保護好頭部！避難所是中央小學：請前往。",
    "ko": "큰 지진이 발생했습니다. 침착하게 머리를 보호하십시오. 대피소는 주오 초등학교입니다.",
    "vi": "Đã xảy ra động đất mạnh. Hãy bình tĩnh và bảo vệ đầu. Nơi sơ tán là Trường tiểu học Chuo.",
    "tl": "Nagkaroon ng malakas na lindol. Manatiling kalmado at protektahan ang inyong ulo. Ang evacuation center ay ang Chuo Elementary School.",
    "th": "เกิดแผ่นดินไหวรุนแรง กรุณาตั้งสติและป้องกันศีรษะของคุณ ศูนย์อพยพคือโรงเรียนประถมชูโอ",
    "id": "Telah terjadi gempa bumi yang kuat. Tetap tenang dan lindungi kepala Anda. Tempat pengungsian adalah SD Chuo.",
    "es": "Hubo un terremoto fuerte. Mantenga la calma y protéjase la cabeza. El refugio es la Escuela Primaria Chuo.",
    "pt_BR": "Houve um terremoto forte. Mantenha a calma e proteja a cabeça. O abrigo é a Escola Primária Chuo.",
    "my": "ပြင်းထန်သော ငလျင် လှုပ်ခဲ့ပါသည်။ စိတ်အေးအေးထားပြီး ခေါင်းကို ကာကွယ်ပါ။ ဘေးလွတ်ရာစခန်းမှာ ချူအို မူလတန်းကျောင်း ဖြစ်ပါသည်။",
    "ne": "ठूलो भूकम्प गयो। शान्त रहनुहोस् र आफ्नो टाउको जोगाउनुहोस्। आश्रयस्थल चुओ प्राथमिक विद्यालय हो।",
    "ru": "Произошло сильное землетрясение. Сохраняйте спокойствие и защищайте голову. Пункт эвакуации — начальная школа Тюо.",
    "fr": "Un fort séisme s'est produit. Restez calme et protégez votre tête. Le centre d'évacuation est l'école primaire Chuo.",
}
DIGITS = "0123456789 · 15:30 · 090-1234-5678 · 2026-09-01"


class Specimen:
    """One A4 page per variant. Layout constants in millimetres."""

    MARGIN = 15
    SIZES = (24, 16, 11)
    PARAGRAPH_PT = 10

    def pdf(self) -> bytes:
        doc = Document("bosai-kit type specimen", page_size("A4", "portrait"))
        for i, lang in enumerate(LANGUAGES.values()):
            if i:
                doc.canvas.showPage()
            self._page(doc, lang)
        return doc.finish()

    def _page(self, doc: Document, lang: Language) -> None:
        c = doc.canvas
        m = self.MARGIN * mm
        width = doc.width - 2 * m
        sample = SAMPLES.get(lang.code, SAMPLES["en"])
        digits = DIGITS + (f" · {native_digits(lang, DIGITS)}" if lang.native_digits else "")
        face = font(lang.font)
        heading = [Part(f"{lang.native} · {lang.english} · {lang.code}", lang, 20, True, NAVY),
                   Part(f"{face.path.name} ({lang.font}, {'shaped' if face.shaped else 'unshaped'})", LANGUAGES["en"],
                        8, colour=GREY)]
        parts = [Part(sample, lang, size, bold=size == self.SIZES[0]) for size in self.SIZES]
        parts += [Part(digits, lang, 14), Part(" ".join([sample] * 4), lang, self.PARAGRAPH_PT, colour=INK)]
        y = Stack(heading, width, f"specimen heading {lang.code}").draw(c, m, doc.height - m) - 3 * mm
        c.setStrokeColor(RULE)
        c.line(m, y, m + width, y)
        y -= 4 * mm
        for part in parts:
            y = Stack([part], width, f"specimen {lang.code}").draw(c, m, y) - 5 * mm


def specimen_pdf() -> bytes:
    """The specimen as PDF bytes."""
    return Specimen().pdf()
