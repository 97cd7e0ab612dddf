"""Which writing system a text is in: the data behind the script checks."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from phrasebook.errors import N_

# Characters that differ between simplified and traditional Chinese, as (simplified, traditional)
# pairs of frequent disaster vocabulary. A simplified-only character in zh_Hant (or the reverse)
# means the wrong variant.
_HAN_PAIRS = (
    "这這 们們 请請 发發 难難 处處 门門 电電 话話 时時 间間 场場 来來 东東 车車 开開 关關 线線 医醫 药藥 饮飲 给給 务務 厕廁 卫衛 队隊 办辦 证證 灾災 区區 县縣 "
    "书書 报報 应應 险險 确確 认認 号號 体體 气氣 厅廳 让讓 设設 备備 紧緊 运運 动動 护護 乱亂 边邊 还還 进進 过過 说說 语語 译譯 员員 馆館 国國 会會 为為 与與 "
    "从從 产產 实實 点點 钟鐘 帮幫 问問 题題 种種 习習 条條 亲親 热熱 温溫 个個 儿兒 两兩 将將 级級 历歷 无無 损損 坏壞 疗療 灯燈 烟煙 饭飯 须須 觉覺 识識 资資 "
    "讯訊 网網 络絡 联聯 现現 见見 视視 锁鎖 银銀 钱錢 费費 寻尋 规規 则則 标標 该該 楼樓 层層 园園 图圖 厨廚 块塊 岛島 桥橋 铁鐵 轨軌 机機 丢丟 伤傷 冻凍 压壓 "
    "虽雖 孙孫 妇婦 宠寵 养養 猫貓 尘塵 湿濕 脏髒 洁潔 扫掃 厦廈 顺順 鸡雞 鱼魚 虾蝦 麦麥 类類 酱醬 猪豬 荞蕎 坚堅 韩韓 缅緬 写寫 读讀 签簽 结結 织織 纸紙 笔筆 "
    "饿餓 头頭 晕暈 呕嘔 泻瀉 烧燒 汉漢"
).split()
SIMPLIFIED_ONLY = frozenset(p[0] for p in _HAN_PAIRS)
TRADITIONAL_ONLY = frozenset(p[1] for p in _HAN_PAIRS)

# Coarse script name -> Unicode ranges of its letters.
_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "Thai": ((0x0E00, 0x0E7F),),
    "Mymr": ((0x1000, 0x109F), (0xAA60, 0xAA7F), (0xA9E0, 0xA9FF)),
    "Deva": ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
    "Hang": ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)),
    "Cyrl": ((0x0400, 0x04FF), (0x0500, 0x052F)),
    "Kana": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)),
    "Hani": ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)),
}


@lru_cache(maxsize=8192)
def script_of(char: str) -> str:
    """A coarse script for one letter: Latn, Thai, Mymr, Deva, Hang, Cyrl, Kana, Hani or other."""
    code = ord(char)
    for name, ranges in _RANGES.items():
        if any(lo <= code <= hi for lo, hi in ranges):
            return name
    if char.isalpha() and "LATIN" in unicodedata.name(char, ""):
        return "Latn"
    return "other"


# Which coarse scripts a language's letters may be in (ISO 15924 of the registry -> scripts).
EXPECTED = {
    "Jpan": {"Kana", "Hani"},
    "Hans": {"Hani"},
    "Hant": {"Hani"},
    "Kore": {"Hang"},
    "Latn": {"Latn"},
    "Thai": {"Thai"},
    "Mymr": {"Mymr"},
    "Deva": {"Deva"},
    "Cyrl": {"Cyrl"},
}

# Scripts in words, for messages (the web app translates them).
SCRIPT_NAMES = {
    "Latn": N_("Latin"), "Thai": N_("Thai"), "Mymr": N_("Myanmar"), "Deva": N_("Devanagari"),
    "Hang": N_("Hangul"), "Kore": N_("Hangul"), "Cyrl": N_("Cyrillic"), "Kana": N_("kana"),
    "Hani": N_("kanji (Han characters)"), "Jpan": N_("Japanese (kanji and kana)"),
    "Hans": N_("simplified Chinese"), "Hant": N_("traditional Chinese"), "other": N_("other characters"),
}
