"""Valid 身份证号 (GB 11643) and 统一社会信用代码 (GB 32100), vectorised, unique per world."""

from __future__ import annotations

import numpy as np

ID_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])
ID_CHECK = np.frombuffer(b"10X98765432", dtype=np.uint8)
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = np.array([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
ORG_WEIGHTS = np.array([3, 7, 9, 10, 5, 8, 4, 2])


def _digits(values: np.ndarray, width: int) -> np.ndarray:
    """(n, width) matrix of the decimal digits of non-negative integers."""
    powers = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return (values[:, None] // powers[None, :]) % 10


def person_ids(region: np.ndarray, birth: np.ndarray, seq: np.ndarray) -> np.ndarray:
    """18-digit IDs from 6-digit region codes, birth dates (datetime64[D]) and 3-digit sequences."""
    ymd = birth.astype("datetime64[D]").astype(str)
    born = np.char.replace(ymd.astype("U10"), "-", "").astype(np.int64)
    body = np.hstack([_digits(region.astype(np.int64), 6), _digits(born, 8), _digits(seq, 3)])
    check = ID_CHECK[(body * ID_WEIGHTS).sum(axis=1) % 11]
    raw = np.hstack([(body + 48).astype(np.uint8), check[:, None]])
    return raw.view("S18").ravel().astype("U18").astype(object)


def person_keys(region: np.ndarray, birth: np.ndarray, seq: np.ndarray) -> np.ndarray:
    born = np.char.replace(birth.astype("datetime64[D]").astype(str).astype("U10"), "-", "")
    return region.astype(np.int64) * 10**11 + born.astype(np.int64) * 1000 + seq


def uscc(region: np.ndarray, serial: np.ndarray) -> np.ndarray:
    """USCCs ``91`` + region + 9-char organisation code (GB 11714 check) + GB 32100 check."""
    org_body = _digits(serial.astype(np.int64) + 10_000_000, 8)
    org_check = 11 - (org_body * ORG_WEIGHTS).sum(axis=1) % 11
    org_check = np.where(org_check == 11, 0, org_check)  # 10 -> 'X' (value 28 in USCC_CHARS)
    org_val = np.where(org_check == 10, USCC_CHARS.index("X"), org_check)
    values = np.hstack(
        [
            np.tile([9, 1], (len(region), 1)),
            _digits(region.astype(np.int64), 6),
            org_body,
            org_val[:, None],
        ]
    )
    check = (31 - (values * USCC_WEIGHTS).sum(axis=1) % 31) % 31
    allv = np.hstack([values, check[:, None]])
    table = np.frombuffer(USCC_CHARS.encode(), dtype=np.uint8)
    return table[allv].astype(np.uint8).view("S18").ravel().astype("U18").astype(object)


def corrupt_check(ids: np.ndarray) -> np.ndarray:
    """The same IDs with a wrong 身份证 check character (for --messy)."""
    out = []
    for value in ids:
        last = value[-1]
        out.append(value[:-1] + ("0" if last != "0" else "1"))
    return np.array(out, dtype=object)
