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

# How unit names end, longest first when matched.
UNIT_SUFFIXES: tuple[str, ...] = (
    "管委会", "军分区", "分公司", "电视台", "报业集团", "中级法院", "检察院", "法院", "监委",
    "中心", "集团", "公司", "分行", "支行", "中支", "银行", "证券", "人寿", "保险", "海关",
    "支队", "大队", "总队", "港口", "园区", "新区", "大学", "学院", "医院", "报社", "分局",
    "办公室", "研究室", "工会", "商会", "协会", "学会", "基金会", "管理处", "管理所",
    "局", "委", "办", "部", "院", "厅", "室", "会", "联", "市", "区", "县", "镇", "处", "署",
    "所", "站", "馆", "社", "台", "团", "队", "校", "组",
)

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
    "支印储郁钮单蔺滑茅匡楚冀洪边干胥谈花郜狄鞠雍容宓蒯晁隆劳逄植习班寿竺祖束"
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


def name_score(name: str) -> float | None:
    """How much ``name`` looks like a person's name; None when it cannot be one."""
    if not name or not NAME_CHARS.match(name):
        return None
    if "·" in name:                       # 热合曼·艾力: transliterated names
        return 1.0 if 3 <= len(name) <= 12 else None
    surname = surname_of(name)
    given = len(name) - (len(surname) if surname else 1)
    if surname and 1 <= given <= 2:
        return 2.0
    if 2 <= len(name) <= 3:
        return 0.5                        # an unusual surname
    if len(name) == 4:
        return 0.2
    return None


def unit_suffix(unit: str) -> str | None:
    for suffix in UNIT_SUFFIXES:
        if unit.endswith(suffix) and len(unit) > len(suffix):
            return suffix
    return None


def unit_score(unit: str) -> float | None:
    """How much ``unit`` looks like the name of a unit; None when it cannot be one."""
    if len(unit) < 2 or "、" in unit or "\u3000" in unit:
        return None
    if unit in _known():
        return 4.0
    score = 0.0
    suffix = unit_suffix(unit)
    if suffix:
        score += 2.0 if len(suffix) > 1 else 1.5
    # a known unit followed by more text is a unit and a name run together
    if any(unit.startswith(k) and len(unit) > len(k) for k in _known()):
        score -= 3.0
    if len(unit) > 12:
        score -= len(unit) - 12
    return score


def split_unit_entry(text: str) -> tuple[str, list[str], float] | None:
    """'市委组织部周春良、孙勇' → ('市委组织部', ['周春良', '孙勇'], score)."""
    parts = text.split("、")
    head, others = parts[0], parts[1:]
    other_scores = [name_score(n) for n in others]
    if any(s is None for s in other_scores):
        return None
    best: tuple[str, list[str], float] | None = None
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
        if best is None or score > best[2]:
            best = (unit, [name, *others], score)
    return best
