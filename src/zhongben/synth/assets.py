"""Identifiers of things (plates, VINs, unit numbers, accounts, policies), unique by serial."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
CITY_PLATE = {
    "3301": "A",
    "3302": "B",
    "3303": "C",
    "3304": "F",
    "3305": "E",
    "3306": "D",
    "3307": "G",
    "3308": "H",
    "3309": "L",
    "3310": "J",
    "3311": "K",
}
BANKS = (
    "中国工商银行",
    "中国农业银行",
    "中国银行",
    "中国建设银行",
    "交通银行",
    "浙江农商银行",
    "招商银行",
    "中国邮政储蓄银行",
    "浙商银行",
    "绍兴银行",
)
BANK_BIN = (
    "622202",
    "622848",
    "621661",
    "621700",
    "622260",
    "621058",
    "622588",
    "621799",
    "621249",
    "622462",
)
MODELS = (
    "大众朗逸",
    "丰田卡罗拉",
    "本田雅阁",
    "别克英朗",
    "日产轩逸",
    "比亚迪秦",
    "吉利帝豪",
    "宝马3系",
    "奔驰C级",
    "奥迪A4L",
    "特斯拉Model 3",
    "长城哈弗H6",
    "五菱宏光",
    "江淮货车",
)
INSURERS = (
    "中国人寿保险股份有限公司",
    "中国平安人寿保险股份有限公司",
    "太平洋人寿保险股份有限公司",
    "新华人寿保险股份有限公司",
    "泰康人寿保险有限责任公司",
)


class Serials:
    """Per-kind counters so every generated identifier is unique in the world."""

    def __init__(self) -> None:
        self.next: defaultdict[str, int] = defaultdict(int)

    def take(self, kind: str, n: int) -> np.ndarray:
        first = self.next[kind]
        self.next[kind] = first + n
        return np.arange(first, first + n, dtype=np.int64)


def plates(serial: np.ndarray, region: np.ndarray) -> np.ndarray:
    """浙D·5-character plates; the serial is spread over letters and digits."""
    out = []
    for s, r in zip(serial, region, strict=True):
        s = int(s) * 7919 % 24_000_000 + int(s) // 24_000_000 * 24_000_000
        letter = PLATE_LETTERS[s % 24]
        out.append(f"浙{CITY_PLATE[str(r)[:4]]}{letter}{(s // 24) % 100000:05d}"[:8])
    return np.array(out, dtype=object)


def vins(serial: np.ndarray) -> np.ndarray:
    return np.array([f"LSV{int(s) * 104729 % 10**14:014d}" for s in serial], dtype=object)


def unit_nos(serial: np.ndarray, region: np.ndarray) -> np.ndarray:
    """28-character 不动产单元号: division(6) 地籍区(3) 子区(3) GB 宗地(5) F 定着物(8)."""
    return np.array(
        [
            f"{r}001{int(s) // 50000 % 1000:03d}GB{int(s) % 50000:05d}F{int(s) % 97 + 1:08d}"
            for s, r in zip(serial, region, strict=True)
        ],
        dtype=object,
    )


def cert_nos(serial: np.ndarray, years: np.ndarray) -> np.ndarray:
    return np.array(
        [f"浙({y})不动产权第{int(s) + 1000000:07d}号" for s, y in zip(serial, years, strict=True)],
        dtype=object,
    )


def accounts(serial: np.ndarray, bank: np.ndarray) -> np.ndarray:
    return np.array(
        [f"{BANK_BIN[b]}{int(s) * 9973 % 10**13:013d}" for s, b in zip(serial, bank, strict=True)],
        dtype=object,
    )


def policy_nos(serial: np.ndarray) -> np.ndarray:
    return np.array([f"P{int(s) + 2_000_000_000:011d}" for s in serial], dtype=object)
