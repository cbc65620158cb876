"""People and companies of the world, with IDs unique across the whole world."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from zhongben.synth.frame import Frame
from zhongben.synth.ids import person_ids, person_keys, uscc
from zhongben.synth.names import company_names, person_names, phones, street_addresses
from zhongben.synth.regions import CITIES, COUNTIES, address_prefix


@dataclass
class Population:
    """Allocates people and companies; remembers every key so no two share an ID."""

    rng: np.random.Generator
    regions: np.ndarray  # 6-digit codes people are born in / registered at (home first)
    used: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # sorted
    recent: set[int] = field(default_factory=set)  # small batches, not yet merged into used
    companies_made: int = 0

    def _region(self, n: int) -> np.ndarray:
        home = self.regions[self.rng.integers(0, len(self.regions), n)]
        away = _ALL[self.rng.integers(0, len(_ALL), n)]
        return np.where(self.rng.random(n) < 0.85, home, away)

    def persons(
        self,
        n: int,
        born_lo: str = "1955-01-01",
        born_hi: str = "2000-12-31",
        birth: np.ndarray | None = None,
    ) -> Frame:
        """n new natural persons: id, name, male, birth, region, address, phone."""
        region = self._region(n)
        if birth is None:
            lo, hi = np.datetime64(born_lo, "D"), np.datetime64(born_hi, "D")
            birth = lo + self.rng.integers(0, int((hi - lo).astype(int)) + 1, n)
        seq = self._unique_seq(region, birth)
        male = (seq % 2) == 1
        prefixes = np.array([address_prefix(str(r)) for r in region], dtype=object)
        return {
            "id": person_ids(region, birth, seq),
            "name": person_names(self.rng, male),
            "male": male,
            "birth": birth.astype("datetime64[D]"),
            "region": region,
            "address": street_addresses(self.rng, prefixes),
            "phone": phones(self.rng, n),
        }

    def _unique_seq(self, region: np.ndarray, birth: np.ndarray) -> np.ndarray:
        seq = self.rng.integers(0, 1000, len(region))
        for _ in range(50):
            keys = person_keys(region, birth, seq)
            _, first = np.unique(keys, return_index=True)
            clash = np.ones(len(keys), dtype=bool)
            clash[first] = False
            clash |= self._taken(keys)
            if not clash.any():
                self._remember(keys)
                return seq
            seq = np.where(clash, self.rng.integers(0, 1000, len(seq)), seq)
        raise RuntimeError("could not allocate unique 身份证 numbers")

    def _taken(self, keys: np.ndarray) -> np.ndarray:
        pos = np.searchsorted(self.used, keys).clip(0, max(len(self.used) - 1, 0))
        hit = self.used[pos] == keys if len(self.used) else np.zeros(len(keys), dtype=bool)
        if self.recent:
            hit |= np.fromiter((int(k) in self.recent for k in keys), dtype=bool, count=len(keys))
        return hit

    def _remember(self, keys: np.ndarray) -> None:
        if len(keys) > 200_000 or len(self.recent) > 1_000_000:  # merge rarely: it sorts all
            merged = [self.used, keys, np.fromiter(self.recent, dtype=np.int64)]
            self.used = np.unique(np.concatenate(merged))
            self.recent = set()
        else:
            self.recent.update(int(k) for k in keys)

    def companies(
        self, n: int, founded_lo: str = "2005-01-01", founded_hi: str = "2019-12-31"
    ) -> Frame:
        """n new companies: uscc, name, region, address (unique), established_on, capital."""
        region = self.regions[self.rng.integers(0, len(self.regions), n)]
        serial = np.arange(self.companies_made, self.companies_made + n)
        self.companies_made += n
        places = np.array([CITIES[str(r)[:4]][:-1] for r in region], dtype=object)
        prefixes = np.array([address_prefix(str(r)) for r in region], dtype=object)
        lo, hi = np.datetime64(founded_lo, "D"), np.datetime64(founded_hi, "D")
        founded = lo + self.rng.integers(0, int((hi - lo).astype(int)) + 1, n)
        capital = np.round(np.exp(self.rng.normal(13.5, 1.2, n)), -4) + 10_000
        return {
            "uscc": uscc(region, serial),
            "name": company_names(self.rng, places, serial),
            "region": region,
            "address": street_addresses(self.rng, prefixes, serial),
            "established_on": founded,
            "registered_capital": capital,
        }


_ALL = np.array(sorted(int(c) for c in COUNTIES))
