"""A small knowledge base for reading attendance lists: units, their suffixes, surnames.

"市委组织部周春良、孙勇" is a unit followed by its people; where the unit stops is not
marked. Knowing how unit names end (局, 委, 中心, 分行 …), which units a 市政府 list
usually holds, and which characters begin a Chinese name beats guessing by length.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import HAN

# Units of the 苏州 lists (the seed) and of a typical 市政府 list; exact matches score highest.
KNOWN_UNITS: tuple[str, ...] = (
    # courts, procuratorate, party organs
    "市中级法院", "市中级人民法院", "市检察院", "市人民检察院", "市纪委监委", "市委组织部",
    "市委宣传部", "市委统战部", "市委政法委", "市委研究室", "市委网信办", "市委编办",
    "市委办公室", "市政府办公室", "市委农办", "市委外办",
    # government departments
    "市发改委", "市教育局", "市科技局", "市工信局", "市民宗局", "市公安局", "市民政局",
    "市司法局", "市财政局", "市人社局", "市资源规划局", "市自然资源和规划局", "市生态环境局",
    "市住建局", "市园林绿化局", "市城管局", "市交通局", "市交通运输局", "市水务局", "市水利局",
    "市农业农村局", "市商务局", "市文广旅局", "市文化广电和旅游局", "市卫生健康委", "市卫健委",
    "市退役军人局", "市应急局", "市应急管理局", "市审计局", "市外办", "市国资委", "市市场监管局",
    "市体育局", "市统计局", "市医保局", "市信访局", "市粮食和储备局", "市人防办", "市行政审批局",
    "市政务办", "市金融监管局", "市地方金融监管局", "市大数据局", "市机关事务管理局",
    "市总工会", "团市委", "市妇联", "市科协", "市残联", "市侨联", "市红十字会", "市工商联",
    "市公积金中心", "市社保中心", "市便民服务中心", "市消防救援支队", "市公安交警支队",
    "市税务局", "市邮政管理局", "市气象局", "市通管办", "市档案馆", "市规划院",
    # enterprises, banks, other bodies
    "苏州创元集团", "苏州国发集团", "苏州城投公司", "苏州轨道交通集团", "苏州海关",
    "苏州供电公司", "电信苏州分公司", "移动苏州分公司", "联通苏州分公司", "人行苏州中支",
    "苏州银保监分局", "国开行苏州分行", "农业银行苏州分行", "建设银行苏州分行", "工商银行苏州分行",
    "中国银行苏州分行", "苏州银行", "东吴证券", "东吴人寿", "中信保苏州公司", "苏州军分区",
    "武警苏州支队", "苏州征信公司", "苏州文旅集团", "苏州交投集团",
    # places
    "张家港市", "常熟市", "太仓市", "昆山市", "吴江区", "吴中区", "相城区", "姑苏区",
    "苏州工业园区", "苏州高新区", "虎丘区", "太仓港口", "太仓港口管委会",
)

# How unit names end; the first that matches counts, so longer endings come first.
UNIT_SUFFIXES: tuple[str, ...] = (
    "管理委员会", "委员会", "管理局", "建设局", "服务中心", "管委会", "军分区", "分公司", "电视台",
    "报业集团", "中级法院", "检察院", "法院", "监委",
    "中心", "集团", "公司", "分行", "支行", "中支", "银行", "证券", "人寿", "保险", "海关",
    "支队", "大队", "总队", "港口", "园区", "新区", "大学", "学院", "医院", "报社", "分局",
    "办公室", "研究室", "工会", "商会", "协会", "学会", "基金会", "管理处", "管理所",
    "局", "委", "办", "部", "院", "厅", "室", "会", "联", "市", "区", "县", "镇", "处", "署",
    "所", "站", "馆", "社", "台", "团", "队", "校", "组",
)

# Words found inside unit names. A line may break inside a unit (市委机构编制委|员会办公室,
# 市住房和|城乡建设局), and the piece before the break then ends in what looks like a
# name (员会, 房和); knowing the words of unit names tells the two apart.
UNIT_WORDS: tuple[str, ...] = (
    "管理委员会", "委员会", "办公室", "管委会", "管理局", "建设局", "服务中心", "研究室",
    "住房", "城乡", "建设", "管理", "服务", "中心", "发展", "改革", "委员", "机构", "编制",
    "人民", "政府", "事务", "资源", "规划", "生态", "环境", "交通", "运输", "农业", "农村",
    "文化", "广电", "旅游", "卫生", "健康", "退役", "军人", "应急", "市场", "监督", "监管",
    "医疗", "保障", "信访", "粮食", "储备", "公积金", "社会", "保险", "工业", "信息", "科技",
    "商务", "财政", "审计", "统计", "体育", "公安", "司法", "民政", "教育", "水务", "水利",
    "园林", "绿化", "城市", "国资", "国有", "资产", "金融", "数据", "行政", "审批", "政务",
    "机关", "工会", "集团", "公司", "银行", "分行", "支行", "支队", "消防", "救援", "法院",
    "检察院", "组织部", "宣传部", "统战部", "政法委", "园区", "新区", "开发区", "经济", "技术",
    "人力资源", "人力", "社会保障", "基金", "工业园区", "高新区", "苏州市", "苏州", "江苏省", "江苏",
)

# Words that end unit names: a unit never begins with one or with a tail of one (员会,
# 公室), nor with a word that joins two parts of a name (和城乡建设局).
UNIT_ENDINGS: tuple[str, ...] = (
    "管理委员会", "委员会", "办公室", "管委会", "管理局", "建设局", "研究室", "检察院",
    "服务中心", "分公司", "军分区", "支队", "大队", "总队", "分行", "支行", "分局",
)
UNIT_JOINERS = "和与及"
UNIT_ONLY_ENDS = "局委办室厅署处"    # characters that end units and begin neither units nor names

# How unit names begin: a place, or the head of a known unit. A unit that begins otherwise
# is more likely the rest of one cut at a line end (城市建设管理服务中心…).
UNIT_STARTS: tuple[str, ...] = (
    "市", "省", "县", "区", "镇", "苏州", "江苏", "中国", "中共", "国家", "国网", "团市委", "人行",
    "国开行", "电信", "移动", "联通", "东吴", "中信保", "武警", "农业银行", "建设银行", "工商银行",
    "张家港", "常熟", "太仓", "昆山", "吴江", "吴中", "相城", "姑苏", "虎丘",
)
UNIT_PLACES = "市省县区州"           # a "name" without a known surname starting so is a unit
PLACE_ENDS = "市县区"                # nor does a name end as a place does

# Single characters that end a unit name but also begin Chinese names (关, 区 …) are left
# out of SURNAMES below where they would mislead (区); 关 stays: 苏州海关 is a known unit.

COMPOUND_SURNAMES: tuple[str, ...] = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "宇文",
    "长孙", "夏侯", "轩辕", "端木", "澹台", "南宫", "闻人", "呼延", "申屠", "司徒", "西门",
    "独孤", "百里", "钟离", "东郭", "濮阳", "太史", "万俟",
)

SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封虞阙糜"
    "支印储郁钮单蔺滑茅匡楚冀洪边干胥谈花郜狄鞠雍容宓蒯晁隆劳逄植习班寿竺祖束萧"
)

NAME_CHARS = re.compile(rf"^[{HAN}·]+$")


@lru_cache(maxsize=None)
def _known() -> frozenset[str]:
    return frozenset(KNOWN_UNITS)


def surname_of(name: str) -> str | None:
    for compound in COMPOUND_SURNAMES:
        if name.startswith(compound):
            return compound
    return name[0] if name and name[0] in SURNAMES else None


@lru_cache(maxsize=8192)
def name_score(name: str) -> float | None:
    """How much ``name`` looks like a person's name; None when it cannot be one."""
    if not name or not NAME_CHARS.match(name):
        return None
    if "·" in name:                       # 热合曼·艾力: transliterated names
        return 1.0 if 3 <= len(name) <= 12 else None
    if _ends_as_unit(name) or name in UNIT_SUFFIXES or name in _known():
        return None                       # 管委会, 办公室: 管 and 办 begin names, these end units
    surname = surname_of(name)
    given = len(name) - (len(surname) if surname else 1)
    if surname and 1 <= given <= 2:
        # 管理, 文化 are words and 苏州市, 吴江区 places, though their first characters are surnames
        return 2.0 - (3.0 if name in UNIT_WORDS or name[-1] in PLACE_ENDS else 0.0)
    if _unit_material(name):
        return None                       # 员会, 委员, 市住房: a unit cut at a line end
    if 2 <= len(name) <= 3:
        return 0.5                        # an unusual surname
    if len(name) == 4:
        return 0.2
    return None


def _unit_material(text: str) -> bool:
    """Whether ``text`` holds or lies inside a unit word, or starts like a unit (市…).

    Said only of text without a known surname, whose 0.5 as an unusual name must not beat
    reading it as part of the unit it was cut from."""
    if text[0] in UNIT_PLACES + UNIT_ONLY_ENDS:
        return True
    return any(w in text or text in w for w in UNIT_WORDS)


def starts_inside_unit(text: str) -> bool:
    """Whether ``text`` can only be the rest of a unit cut at a line end: 办公室…, 员会…,
    和城乡建设局…; no unit begins with a unit's ending or with a joining word."""
    return text[:1] in UNIT_JOINERS + UNIT_ONLY_ENDS or text.startswith(_ending_tails())


@lru_cache(maxsize=None)
def _ending_tails() -> tuple[str, ...]:
    return tuple({w[k:] for w in UNIT_ENDINGS for k in range(len(w) - 1)})


@lru_cache(maxsize=None)
def _words() -> tuple[str, ...]:
    return tuple(dict.fromkeys(UNIT_WORDS + KNOWN_UNITS))


@lru_cache(maxsize=8192)
def cut_penalty(before: str, after: str) -> float:
    """What reading a line break between ``before`` and ``after`` as a separator costs.

    The break is a dropped separator only where the text on both sides is whole: a unit
    word running across it (城|市, 保|障) or a next line that starts inside a unit (办公室…,
    和城乡…) says the break cut a unit."""
    if starts_inside_unit(after) or word_across(before[-8:] + after[:8], len(before[-8:])):
        return 3.0
    return 0.0


@lru_cache(maxsize=8192)
def word_across(text: str, cut: int) -> bool:
    """Whether a unit word or a known unit runs across position ``cut``: 市住|房和 (住房),
    编制委|员会 (委员会), 苏州|工业园区 (苏州工业园区)."""
    for word in _words():
        k = text.find(word, max(0, cut - len(word) + 1))
        if 0 <= k < cut:
            return True
    return False


def unit_suffix(unit: str) -> str | None:
    for suffix in UNIT_SUFFIXES:
        if unit.endswith(suffix) and len(unit) > len(suffix):
            return suffix
    return None


@lru_cache(maxsize=8192)
def unit_score(unit: str) -> float | None:
    """How much ``unit`` looks like the name of a unit; None when it cannot be one."""
    if len(unit) < 2 or "、" in unit or "\u3000" in unit:
        return None
    if unit in _known():
        return 4.0
    if starts_inside_unit(unit):
        return None
    score = 0.0
    suffix = unit_suffix(unit)
    if suffix:
        score += 2.0 if len(suffix) > 1 else 1.5
    if not unit.startswith(UNIT_STARTS):
        score -= 1.5
    if _known_plus_name(unit):
        score -= 3.0
    if len(unit) > 12:                    # long units exist (a bureau's centre's office)
        score -= (len(unit) - 12) / 4
    return score


@lru_cache(maxsize=8192)
def _known_plus_name(unit: str) -> bool:
    """A known unit followed by more text is a unit and a name run together, unless the
    rest ends as units do (苏州工业园区 + 管委会, 市公安局 + 交警支队): a unit of its own."""
    for known in _known():
        rest = unit[len(known):]
        if unit.startswith(known) and rest and not _ends_as_unit(rest):
            return True
    return False


def _ends_as_unit(text: str) -> bool:
    """Whether ``text`` ends with an ending of two or more characters, which no name has."""
    return text.endswith(_long_suffixes())


@lru_cache(maxsize=None)
def _long_suffixes() -> tuple[str, ...]:
    return tuple(s for s in UNIT_SUFFIXES if len(s) > 1)


def split_unit_entry(text: str) -> tuple[str, list[str], float] | None:
    """'市委组织部周春良、孙勇' → ('市委组织部', ['周春良', '孙勇'], score)."""
    found = _split_unit_entry(text)
    return (found[0], list(found[1]), found[2]) if found else None


@lru_cache(maxsize=8192)
def _split_unit_entry(text: str) -> tuple[str, tuple[str, ...], float] | None:
    """The list solver asks for the same pieces many times: one answer each, kept."""
    parts = text.split("、")
    head, others = parts[0], parts[1:]
    other_scores = [name_score(n) for n in others]
    if any(s is None for s in other_scores):
        return None
    best: tuple[str, tuple[str, ...], float] | None = None
    for size in (2, 3, 4):
        if len(head) - size < 2:
            continue
        unit, name = head[:-size], head[-size:]
        us, ns = unit_score(unit), name_score(name)
        if us is None or ns is None:
            continue
        score = us + ns + sum(other_scores)  # type: ignore[arg-type]
        if size == 4:
            score -= 1.0
        if word_across(head, len(unit)) or name[0] in UNIT_JOINERS:
            score -= 3.0                  # 市住 + 房和 cuts the word 住房; 资源 + 和社会 a joint
        if best is None or score > best[2]:
            best = (unit, (name, *others), score)
    return best
