"""Cell renderings for --messy: the many ways real ledgers write dates, amounts, case numbers and
IDs. Each function takes a column and a random stream and returns text cells (None = empty)."""

from __future__ import annotations

import numpy as np

FULL_WIDTH = str.maketrans("0123456789()", "０１２３４５６７８９（）")
CN_DIGITS = "〇一二三四五六七八九"


def dates(values: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Mixed date forms: 2023-05-12, 2023/5/12, 2023.05.12, 20230512, 2023年5月12日, 二〇二三年…"""
    out = np.full(len(values), None, dtype=object)
    ok = ~np.isnat(values)
    text = values.astype("datetime64[D]").astype(str)
    form = rng.choice(6, size=len(values), p=[0.45, 0.2, 0.1, 0.12, 0.11, 0.02])
    for i in np.flatnonzero(ok):
        out[i] = _date(str(text[i]), int(form[i]))
    return out


def _date(iso: str, form: int) -> str:
    y, m, d = iso[:4], iso[5:7], iso[8:10]
    if form == 1:
        return f"{y}/{int(m)}/{int(d)}"
    if form == 2:
        return f"{y}.{m}.{d}"
    if form == 3:
        return f"{y}{m}{d}"
    if form == 4:
        return f"{y}年{int(m)}月{int(d)}日"
    if form == 5:
        return f"{''.join(CN_DIGITS[int(c)] for c in y)}年{_cn(int(m))}月{_cn(int(d))}日"
    return iso


def _cn(n: int) -> str:
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def timestamps(values: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    text = values.astype("datetime64[s]").astype(str)
    slash = rng.random(len(values)) < 0.3
    out = np.full(len(values), None, dtype=object)
    for i in np.flatnonzero(~np.isnat(values)):
        t = str(text[i]).replace("T", " ")
        out[i] = f"{t[:4]}/{int(t[5:7])}/{int(t[8:10])} {t[11:]}" if slash[i] else t
    return out


def amounts(values: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Plain, with thousands separators, with ¥, or in 万元 (only where exact)."""
    out = np.full(len(values), None, dtype=object)
    form = rng.choice(4, size=len(values), p=[0.6, 0.2, 0.05, 0.15])
    for i in np.flatnonzero(np.isfinite(values)):
        v = round(float(values[i]), 2)
        f = int(form[i])
        cents = round(v * 100)
        if f == 3 and cents % 100 == 0:
            wan = f"{cents / 1_000_000:.4f}".rstrip("0").rstrip(".")
            if round(float(wan) * 10_000, 2) == v:
                out[i] = f"{wan}万元"
                continue
        if f == 1:
            out[i] = f"{v:,.2f}"
        elif f == 2:
            out[i] = f"¥{v:,.2f}"
        else:
            out[i] = f"{v:.2f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))
    return out


def full_width(values: np.ndarray, rng: np.random.Generator, share: float) -> np.ndarray:
    out = values.copy()
    pick = rng.random(len(values)) < share
    for i in np.flatnonzero(pick):
        if out[i] is not None:
            out[i] = str(out[i]).translate(FULL_WIDTH)
    return out


def padded(values: np.ndarray, rng: np.random.Generator, share: float) -> np.ndarray:
    out = values.copy()
    for i in np.flatnonzero(rng.random(len(values)) < share):
        if out[i] is not None:
            out[i] = f" {out[i]}\u3000"
    return out


def lower_x(values: np.ndarray) -> np.ndarray:
    return np.array(
        [
            v[:-1] + "x"
            if isinstance(v, str) and v.endswith("X") and len(v) == 18 and v[:17].isdigit()
            else v
            for v in values
        ],
        dtype=object,
    )
