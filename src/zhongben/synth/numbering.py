"""案号: per-court, per-year, per-type sequences, e.g. (2023)浙0683执1234号."""

from __future__ import annotations

from collections import defaultdict

import numpy as np


class CaseNumbers:
    """Hands out case numbers; each (court, year, type) sequence continues across calls."""

    def __init__(self) -> None:
        self.next: defaultdict[tuple[str, int, str], int] = defaultdict(lambda: 1)

    def assign(self, court_codes: np.ndarray, dates: np.ndarray, kind: str) -> np.ndarray:
        """Numbers in date order within each court and year (ties keep input order)."""
        n = len(court_codes)
        years = dates.astype("datetime64[Y]").astype(int) + 1970
        order = np.lexsort((np.arange(n), dates.astype("datetime64[D]"), years, court_codes))
        out = np.empty(n, dtype=object)
        codes_sorted, years_sorted = court_codes[order], years[order]
        start = 0
        while start < n:
            code, year = codes_sorted[start], int(years_sorted[start])
            stop = start
            while stop < n and codes_sorted[stop] == code and years_sorted[stop] == year:
                stop += 1
            first = self.next[(code, year, kind)]
            self.next[(code, year, kind)] = first + (stop - start)
            for offset, idx in enumerate(order[start:stop]):
                out[idx] = f"({year}){code}{kind}{first + offset}号"
            start = stop
        return out

    def one(self, court_code: str, date: np.datetime64, kind: str) -> str:
        return str(
            self.assign(
                np.array([court_code], dtype=object), np.array([date], dtype="datetime64[D]"), kind
            )[0]
        )
