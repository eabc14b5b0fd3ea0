"""Phoneme alphabets the frontend accepts: pinyin, jyutping, ARPAbet (and IPA for English).

Everything a lexicon or an inline override says about pronunciation is validated here, so a
wrong syllable is caught when a file is loaded, not when the model mispronounces it. Each
parser returns the canonical form the model reads (pinyin "chong2", jyutping "jau4", ARPAbet
phones "IH1") or raises PhonemeError with what was wrong and what was expected.

The syllable inventories were taken from pypinyin's character table (every toneless reading)
and ToJyutping's rime-cantonese data (every attested syllable).
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["PhonemeError", "parse_pinyin", "parse_sapi_pinyin", "parse_jyutping", "parse_arpabet",
           "ipa_to_arpabet", "is_pinyin", "is_jyutping", "is_arpabet_word", "count_han", "is_han",
           "PINYIN_SYLLABLES", "JYUTPING_SYLLABLES", "ARPABET_VOWELS", "ARPABET_CONSONANTS"]


class PhonemeError(ValueError):
    """A pronunciation string is not valid in its alphabet (the message says why)."""


PINYIN_SYLLABLES = frozenset("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca
cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua
chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den
deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang
fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang
gui gun guo ha hai han hang hao he hei hen heng hm hng hong hou hu hua huai huan huang hui hun
huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken
keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian
liang liao lie lin ling liu lo long lou lu luan lun luo lv lve m ma mai man mang mao me mei men
meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia
nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei
pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu
quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se
sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui
shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting
tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie
xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za
zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu
zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
""".split())

JYUTPING_SYLLABLES = frozenset("""
a aa aai aak aam aan aang aap aat aau ai ak am an ang ap at au baa baai baak baan baang baat
baau bai bak bam ban bang bat bau be bei bek beng bet bi bik bin bing bit biu bo bok bon bong
bou bui buk bun bung but caa caai caak caam caan caang caap caat caau cai cak cam can cang cap
cat cau ce cek ceng ceoi ceon ceot cet ci cik cim cin cing cip cit ciu co coek coeng coet coi
cok cong cou cuk cung cyu cyun cyut daa daai daak daam daan daap daat dai dak dam dan dang dap
dat dau de dei dek deng deoi deon deot dep det deu di dik dim din ding dip dit diu do doe doek
doeng doi dok dong dou duk dung dut dyun dyut e ei faa faai faak faan faat fai fan fang fat fau
fe fei fik fing fit fiu fo fok fong fu fui fuk fun fung fut ga gaa gaai gaak gaam gaan gaang
gaap gaat gaau gai gak gam gan gang gap gat gau ge gei geng geoi gep gi gik gim gin ging gip git
giu go goe goek goeng goi gok gon gong got gou gu gui guk gun gung gut gwaa gwaai gwaak gwaan
gwaang gwaat gwai gwak gwan gwang gwat gwe gwei gwek gwi gwik gwing gwit gwo gwok gwong gwu gwui
gwun gwut gyun gyut haa haai haak haam haan haang haap haau hai hak ham han hang hap hat hau he
hei hek heng heoi hi hik him hin hing hip hit hiu hm hng ho hoe hoeng hoi hok hon hong hot hou
huk hung hyun hyut ik it jaa jaai jaak jaam jaang jaap jaau jai jam jan jap jat jau je jen jeng
jeoi jeon ji jik jim jin jing jip jit jiu jo joek joeng juk jung jyu jyun jyut kaa kaai kaak
kaam kaan kaat kaau kai kak kam kan kang kap kat kau ke kei kek keng keoi kep ket keu kik kim
kin king kip kit kiu ko koe koek koeng koi kok kon kong ku kui kuk kung kut kwaa kwaai kwaak
kwaang kwai kwan kwang kwik kwok kwong kwu kwui kwut kyun kyut la laa laai laak laam laan laang
laap laat laau lai lak lam lan lang lap lat lau le lei lek lem leng leoi leon leot leu li lik
lim lin ling lip lit liu lo loe loek loeng loi lok long lou lu luk lung lyun lyut m ma maa maai
maak maan maang maat maau mai mak mam man mang mat mau me mei meng meu mi mik min ming mit miu
mo mok mon mong mou mu mui muk mun mung mut naa naai naam naan naap naat naau nai nak nam nan
nang nap nat nau ne nei neng neoi neot ng ngaa ngaai ngaak ngaam ngaan ngaang ngaap ngaat ngaau
ngai ngak ngam ngan ngang ngap ngat ngau nge ngei ngek nget ngit ngo ngoi ngok ngon ngong ngot
ngou nguk ngung ni nik nim nin ning nip nit niu no noek noeng noi nok nong nou nu nuk nung nyun
o oet oi ok on ong ot ou paa paai paak paan paang paat paau pai pan pang pat pau pe pei pek peng
pet pi pik pin ping pit piu po poi pok pong pou pui puk pun pung put saa saai saak saam saan
saang saap saat saau sai sak sam san sang sap sat sau se sei sek seng seoi seon seot si sik sim
sin sing sip sit siu so soe soek soeng soi sok song sou suk sung syu syun syut taa taai taam
taan taap taat tai tam tan tang tap tau tek teng teoi teon teot ti tik tim tin ting tip tit tiu
to toe toi tok tong tou tuk tung tyun tyut uk ung waa waai waak waan waang waat wai wak wan wang
wat we wet wi wik wing wo wok won wong wu wui wun wut zaa zaai zaak zaam zaan zaang zaap zaat
zaau zai zak zam zan zang zap zat zau ze zek zem zeng zeoi zeon zeot zep zet zeu zi zik zim zin
zing zip zit ziu zo zoe zoek zoeng zoet zoi zok zong zou zuk zung zyu zyun zyut
""".split())

# The 39 CMUdict phones: 15 vowels carry a stress digit (0 none, 1 primary, 2 secondary).
ARPABET_VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())
ARPABET_CONSONANTS = frozenset("B CH D DH F G HH JH K L M N NG P R S SH T TH V W Y Z ZH".split())

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


def count_han(text: str) -> int:
    return len(_HAN.findall(text))


# ---- pinyin ---------------------------------------------------------------------------

_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0306": 3, "\u0300": 4}  # macron acute caron breve grave
_PINYIN_TOKEN = re.compile(r"[a-zü:]+[1-5]?")


def _pinyin_token(token: str, marked_mode: bool) -> str:
    """One syllable ('chóng', 'chong2', 'lü4', 'lu:4', 'LV4') -> 'chong2'."""
    raw = token
    decomposed = unicodedata.normalize("NFD", token.lower())
    tone = None
    letters = []
    for ch in decomposed:
        if ch in _TONE_MARKS:
            if tone is not None:
                raise PhonemeError(f"pinyin {raw!r} has two tone marks")
            tone = _TONE_MARKS[ch]
        elif ch == "\u0308":  # diaeresis: the u before it is ü
            if not letters or letters[-1] != "u":
                raise PhonemeError(f"pinyin {raw!r}: diaeresis only belongs on u (ü)")
            letters[-1] = "v"
        else:
            letters.append(ch)
    body = "".join(letters).replace("u:", "v")
    if body and body[-1].isdigit():
        if tone is not None:
            raise PhonemeError(f"pinyin {raw!r} has both a tone mark and a tone number")
        tone = int(body[-1])
        body = body[:-1]
    if not re.fullmatch(r"[a-z]+", body or "-"):
        raise PhonemeError(f"pinyin {raw!r} is not a syllable (letters, then a tone number 1-5)")
    if tone is None:
        if not marked_mode:
            raise PhonemeError(f"pinyin {raw!r} has no tone: write a tone number 1-5 (5 = neutral) or a tone mark")
        tone = 5  # with tone marks, an unmarked syllable is neutral (hái zi)
    if not 1 <= tone <= 5:
        raise PhonemeError(f"pinyin {raw!r}: tone must be 1-5 (5 = neutral)")
    # lüe is often typed lue / nue; j q x y + u are really ü but are written u in pinyin
    if body in ("lue", "nue"):
        body = body[0] + "ve"
    if body not in PINYIN_SYLLABLES:
        hint = " (write ü as v)" if "v" not in body and body.replace("u", "v", 1) in PINYIN_SYLLABLES else ""
        raise PhonemeError(f"{body!r} is not a Mandarin pinyin syllable{hint}")
    return f"{body}{tone}"


def parse_pinyin(value: str) -> list[str]:
    """'chong2 qing4' / 'chóng qìng' / 'lü4' -> ['chong2', 'qing4']; one syllable per item."""
    tokens = re.split(r"[\s'’]+", value.strip())
    tokens = [t for t in tokens if t]
    if not tokens:
        raise PhonemeError("empty pinyin")
    marked = any(ch in _TONE_MARKS for t in tokens for ch in unicodedata.normalize("NFD", t))
    return [_pinyin_token(t, marked) for t in tokens]


def parse_sapi_pinyin(value: str) -> list[str]:
    """Azure's zh-CN 'sapi' alphabet: tone numbers as separate tokens, 'chong 2 qing 4'."""
    tokens = value.split()
    out, i = [], 0
    while i < len(tokens):
        tok = tokens[i]
        if i + 1 < len(tokens) and tokens[i + 1].isdigit():
            tok += tokens[i + 1]
            i += 1
        elif tok.isdigit():
            raise PhonemeError(f"sapi pinyin {value!r}: tone {tok} follows no syllable")
        out.append(_pinyin_token(tok, marked_mode=False))
        i += 1
    if not out:
        raise PhonemeError("empty pinyin")
    return out


def is_pinyin(value: str) -> bool:
    try:
        parse_pinyin(value)
        return True
    except PhonemeError:
        return False


# ---- jyutping -------------------------------------------------------------------------

def parse_jyutping(value: str) -> list[str]:
    """'jau4 maa4 dei2' -> ['jau4', 'maa4', 'dei2'] (tones 1-6, attested syllables only)."""
    tokens = value.lower().split()
    if not tokens:
        raise PhonemeError("empty jyutping")
    out = []
    for tok in tokens:
        m = re.fullmatch(r"([a-z]+)([0-9]?)", tok)
        if not m:
            raise PhonemeError(f"jyutping {tok!r} is not a syllable (letters, then a tone number 1-6)")
        body, tone = m.groups()
        if not tone:
            raise PhonemeError(f"jyutping {tok!r} has no tone: write a tone number 1-6")
        if not 1 <= int(tone) <= 6:
            raise PhonemeError(f"jyutping {tok!r}: tone must be 1-6")
        if body not in JYUTPING_SYLLABLES:
            raise PhonemeError(f"{body!r} is not a Cantonese jyutping syllable")
        out.append(tok)
    return out


def is_jyutping(value: str) -> bool:
    try:
        parse_jyutping(value)
        return True
    except PhonemeError:
        return False


# ---- ARPAbet --------------------------------------------------------------------------

def _arpabet_phone(phone: str) -> str:
    p = phone.upper()
    m = re.fullmatch(r"([A-Z]+)([0-9]?)", p)
    if not m:
        raise PhonemeError(f"ARPAbet phone {phone!r} is not letters plus an optional stress digit")
    base, stress = m.groups()
    if base in ARPABET_VOWELS:
        if stress not in ("0", "1", "2"):
            raise PhonemeError(f"ARPAbet vowel {phone!r} needs a stress digit 0, 1 or 2 ({base}1)")
    elif base in ARPABET_CONSONANTS:
        if stress:
            raise PhonemeError(f"ARPAbet consonant {phone!r} takes no stress digit")
    else:
        raise PhonemeError(f"{phone!r} is not one of the 39 ARPAbet phones")
    return p


def parse_arpabet(value: str) -> list[tuple[str, ...]]:
    """'HH AH1 G IH0 NG | F EY1 S' -> [('HH','AH1','G','IH0','NG'), ('F','EY1','S')]."""
    words = []
    for part in value.split("|"):
        phones = part.split()
        if not phones:
            raise PhonemeError(f"empty word in ARPAbet {value!r} (' | ' separates words)")
        words.append(tuple(_arpabet_phone(p) for p in phones))
    if not any(p[:2] in ARPABET_VOWELS for w in words for p in w):
        raise PhonemeError(f"ARPAbet {value!r} has no vowel")
    return words


def is_arpabet_word(value: str) -> bool:
    """True for the content of one native brace group, e.g. 'HH AH0 L OW1'."""
    try:
        return len(parse_arpabet(value)) == 1
    except PhonemeError:
        return False


# ---- IPA (English) -> ARPAbet ---------------------------------------------------------

# Longest symbols first when matching; vowels map to a base phone that takes a stress digit.
_IPA_VOWELS = {
    "aɪ": "AY", "aʊ": "AW", "ɔɪ": "OY", "eɪ": "EY", "oʊ": "OW", "əʊ": "OW", "ɪə": "IH", "ʊə": "UH",
    "ɛə": "EH", "iː": "IY", "i": "IY", "ɪ": "IH", "e": "EH", "ɛ": "EH", "æ": "AE", "a": "AA",
    "ɑː": "AA", "ɑ": "AA", "ɒ": "AA", "ɔː": "AO", "ɔ": "AO", "o": "OW", "ʊ": "UH", "uː": "UW",
    "u": "UW", "ʌ": "AH", "ə": "AH", "ɐ": "AH", "ɚ": "ER", "ɝ": "ER", "ɜː": "ER", "ɜ": "ER",
    "ᵻ": "IH", "ɨ": "IH",
}
_IPA_CONSONANTS = {
    "t͡ʃ": "CH", "tʃ": "CH", "ʧ": "CH", "d͡ʒ": "JH", "dʒ": "JH", "ʤ": "JH", "p": "P", "b": "B",
    "t": "T", "d": "D", "k": "K", "g": "G", "ɡ": "G", "f": "F", "v": "V", "θ": "TH", "ð": "DH",
    "s": "S", "z": "Z", "ʃ": "SH", "ʒ": "ZH", "h": "HH", "m": "M", "n": "N", "ŋ": "NG", "l": "L",
    "ɫ": "L", "ɹ": "R", "r": "R", "ɾ": "T", "j": "Y", "w": "W", "ʍ": "W", "x": "K",
}
_IPA_SYMBOLS = sorted([*_IPA_VOWELS, *_IPA_CONSONANTS], key=len, reverse=True)
_IPA_IGNORED = set("ː.ˑ/[]()\u0361\u031a\u02b0")  # length, syllable breaks, slashes, tie, aspiration


def _ipa_word(word: str, whole: str) -> tuple[str, ...]:
    phones: list[str] = []
    vowel_at: list[int] = []
    stress_next = None
    i = 0
    text = unicodedata.normalize("NFD", word)
    while i < len(text):
        ch = text[i]
        if ch in "ˈ'":
            stress_next, i = "1", i + 1
            continue
        if ch == "ˌ":
            stress_next, i = "2", i + 1
            continue
        if ch == "\u0329":  # syllabic consonant (n̩, l̩): an unstressed schwa before it
            if not phones:
                raise PhonemeError(f"IPA {whole!r}: syllabic mark with no consonant")
            phones.insert(len(phones) - 1, "AH?")
            vowel_at.append(len(phones) - 2)
            i += 1
            continue
        if ch in _IPA_IGNORED:
            i += 1
            continue
        for sym in _IPA_SYMBOLS:
            if text.startswith(sym, i):
                break
        else:
            raise PhonemeError(f"IPA {whole!r}: symbol {ch!r} (U+{ord(ch):04X}) has no ARPAbet equivalent; "
                               f"give the pronunciation in x-arpabet or as an <alias>")
        i += len(sym)
        if sym in _IPA_VOWELS:
            base = _IPA_VOWELS[sym]
            if base == "AH" and sym == "ə" and text.startswith(("r", "ɹ"), i) and not text.startswith(("rə", "ɹə", "ri", "ɹi"), i):
                base = "ER"  # ər: r-coloured schwa
                i += 1
            phones.append(base + (stress_next or "?"))
            vowel_at.append(len(phones) - 1)
            stress_next = None
        else:
            phones.append(_IPA_CONSONANTS[sym])
    if not vowel_at:
        raise PhonemeError(f"IPA {whole!r} has no vowel")
    # Unmarked vowels are unstressed; a word with no primary stress gets it on its first full vowel.
    if not any(phones[k].endswith("1") for k in vowel_at):
        full = [k for k in vowel_at if phones[k].endswith("?") and phones[k][:2] != "AH"] or \
               [k for k in vowel_at if phones[k].endswith("?")]
        if full:
            phones[full[0]] = phones[full[0]][:-1] + "1"
    return tuple(p[:-1] + "0" if p.endswith("?") else p for p in phones)


def ipa_to_arpabet(ipa: str) -> list[tuple[str, ...]]:
    """English IPA ('/ɛnˈvɪdiə/') -> ARPAbet words; a symbol with no equivalent is an error."""
    words = [w for w in re.split(r"[\s|‿]+", ipa.strip().strip("/[]")) if w]
    if not words:
        raise PhonemeError("empty IPA")
    return [_ipa_word(w, ipa) for w in words]
