"""Chinese personal names, company names and addresses (vectorised)."""

from __future__ import annotations

import numpy as np

# Common surnames, roughly in order of frequency in Zhejiang.
SURNAMES = list(
    "王陈张李吴刘徐杨周黄金朱胡叶林何郑孙沈赵蒋钱许俞方潘章应汪楼马丁冯袁施姚高邵蔡毛董程"
    "谢宋梁史孔郭鲍严卢倪傅魏范杜韩任罗江顾钟夏童傅洪裘竺单"
)
MALE = list("伟强军明建国华平志勇杰涛斌超刚峰磊波海俊林鹏飞宇浩辉亮晨东坤斌锋文武兵建龙")
FEMALE = list("芳娟敏静丽艳娜秀英玲燕霞红萍琴雪梅洁婷慧颖露琳佳倩莉兰芬素美月珍云菊")
ROADS = list("人民解放中山建设环城新华文化工业江滨和平胜利迎宾学府城东城西城南城北兴业长春")
BRANDS = list("恒信达华泰隆盛源鑫宏兴旺永嘉康佳瑞祥丰顺正德诚远博创新辉越通天宝富利")
TRADES = [
    "建材",
    "纺织",
    "机械",
    "电子",
    "服饰",
    "贸易",
    "建筑工程",
    "物流",
    "餐饮管理",
    "汽车销售",
    "五金",
    "食品",
    "化工",
    "印染",
    "家具",
    "房地产开发",
    "装饰工程",
    "农业开发",
    "文化传媒",
    "科技",
]
SUFFIXES = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"]


def _pick(rng: np.random.Generator, pool: list[str], n: int) -> np.ndarray:
    return np.asarray(pool, dtype=object)[rng.integers(0, len(pool), n)]


# Surname shares as in the population: 王, 李, 张 about 7 % each, a long tail of rare ones —
# so the world holds the many same-name strangers entity resolution must keep apart.
_LEADING = {"王": 7.0, "陈": 6.0, "张": 6.8, "李": 7.0, "吴": 3.0, "刘": 5.0, "徐": 2.5, "杨": 3.0,
            "周": 2.3, "黄": 2.2}
SURNAME_SHARES = np.array(
    [_LEADING.get(s, 6.0 / (k + 1) ** 0.6) for k, s in enumerate(SURNAMES)], dtype=float
)
SURNAME_SHARES /= SURNAME_SHARES.sum()


def person_names(rng: np.random.Generator, male: np.ndarray) -> np.ndarray:
    """A name per person: surname + one or two given characters matching the sex."""
    n = len(male)
    surname = np.asarray(SURNAMES, dtype=object)[
        np.searchsorted(np.cumsum(SURNAME_SHARES), rng.random(n), side="right").clip(
            0, len(SURNAMES) - 1)]
    first = np.where(male, _pick(rng, MALE, n), _pick(rng, FEMALE, n))
    second = np.where(male, _pick(rng, MALE, n), _pick(rng, FEMALE, n))
    two = rng.random(n) < 0.7
    given = np.where(two, first + second, first)
    return surname + given


def company_names(rng: np.random.Generator, places: np.ndarray, serial: np.ndarray) -> np.ndarray:
    """Unique company names: place + brand + trade + suffix (serial keeps them unique)."""
    n = len(places)
    brand = _pick(rng, BRANDS, n) + _pick(rng, BRANDS, n)
    tag = np.array([_serial_tag(int(s)) for s in serial], dtype=object)
    return places + brand + tag + _pick(rng, TRADES, n) + _pick(rng, SUFFIXES, n)


def _serial_tag(serial: int) -> str:
    """A short deterministic syllable string that makes each company name unique."""
    out = ""
    while True:
        out = BRANDS[serial % len(BRANDS)] + out
        serial //= len(BRANDS)
        if serial == 0:
            return out


def street_addresses(
    rng: np.random.Generator, prefixes: np.ndarray, serial: np.ndarray | None = None
) -> np.ndarray:
    """Street addresses; with ``serial`` every address is distinct (door number from it)."""
    n = len(prefixes)
    road = _pick(rng, ROADS, n) + _pick(rng, ROADS, n) + np.where(rng.random(n) < 0.5, "路", "街")
    if serial is None:
        door = rng.integers(1, 999, n)
        unit = rng.integers(1, 30, n)
        tail = np.array([f"{d}号{u}幢" for d, u in zip(door, unit, strict=True)], dtype=object)
    else:
        tail = np.array([f"{s + 1}号" for s in serial], dtype=object)
    return prefixes + road + tail


def phones(rng: np.random.Generator, n: int) -> np.ndarray:
    heads = np.array(
        [
            134,
            135,
            136,
            137,
            138,
            139,
            150,
            151,
            152,
            157,
            158,
            159,
            187,
            188,
            130,
            131,
            132,
            155,
            156,
            185,
            186,
            133,
            153,
            180,
            189,
            177,
        ]
    )
    head = heads[rng.integers(0, len(heads), n)]
    body = rng.integers(0, 100_000_000, n)
    return np.array([f"{h}{b:08d}" for h, b in zip(head, body, strict=True)], dtype=object)
