"""Names as other sources write them: traditional characters (OpenCC), a homophone slip (a
character of the same pinyin), a ticket's pinyin (ZHANG/SANFENG), a former name."""

from __future__ import annotations

from functools import cache

import numpy as np
from opencc import OpenCC
from pypinyin import Style, lazy_pinyin

from zhongben.synth.names import FEMALE, MALE, SURNAMES

# Characters homophone slips are drawn from: the name pools and their common sound-alikes.
SOUND_ALIKES = (
    "章汪黎厉武伍柳许阳皇诸业玮炜韦蔷铭鸣桦莉俐力婧君俊洁婕滔彬潮钢锋丰蕾垒博琳霖麟朋菲霏雨羽"
    "语昊皓晖徽辰臣冬昆方舫鹃珉闽燕彦雁纳莹颖瑛凌龄夏宏虹鸿平屏勤芹玫媚亭庭惠蕙路璐嘉家茜岚蓝"
    "分悦越贞真芸韵局军"
)


@cache
def _t2s() -> OpenCC:
    return OpenCC("s2t")


def traditional(name: str) -> str:
    """The name in traditional characters (unchanged where they are the same)."""
    return str(_t2s().convert(name))


@cache
def homophones() -> dict[str, tuple[str, ...]]:
    """Character → other characters read the same (toneless pinyin), among the pools."""
    chars = sorted(set(SURNAMES) | set(MALE) | set(FEMALE) | set(SOUND_ALIKES))
    by_sound: dict[str, list[str]] = {}
    for char in chars:
        by_sound.setdefault(lazy_pinyin(char, style=Style.NORMAL)[0], []).append(char)
    return {c: tuple(o for o in group if o != c) for group in by_sound.values() for c in group
            if len(group) > 1}


def homophone(name: str, rng: np.random.Generator) -> str:
    """The name with one given-name character replaced by one read the same (the name itself
    when none of its given-name characters has a sound-alike)."""
    table = homophones()
    spots = [i for i in range(1, len(name)) if name[i] in table]
    if not spots:
        return name
    i = spots[int(rng.integers(0, len(spots)))]
    options = table[name[i]]
    return name[:i] + options[int(rng.integers(0, len(options)))] + name[i + 1 :]


def ticket_pinyin(name: str) -> str:
    """As an airline prints a Chinese name: SURNAME/GIVENNAME in capitals."""
    syllables = lazy_pinyin(name, style=Style.NORMAL)
    if not syllables:
        return ""
    return (syllables[0] + "/" + "".join(syllables[1:])).upper()


def former_name(name: str, male: bool, rng: np.random.Generator) -> str:
    """A former given name under the same surname, different from the current one."""
    pool = MALE if male else FEMALE
    for _ in range(20):
        given = "".join(pool[int(rng.integers(0, len(pool)))] for _ in range(2))
        if name[0] + given != name:
            return name[0] + given
    return name[0] + "曾"
