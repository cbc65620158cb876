"""The identity noise pass: run on the finished world, before it is written.

Random noise touches only the general population (citizens are never debtors nor anyone's
relatives), so it can create no lead — unless resolution links it to the wrong person, which is
what the evaluation measures. Plants ask for noise on their own rows (``Request``): those are the
violations only resolution finds. Every mention's true entity and the noise it carries are
recorded for ``entities_truth.csv`` (``truth.MentionTruth``)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from zhongben.identity.sources import SOURCES, MentionSource
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame
from zhongben.synth.identity import names as nm
from zhongben.synth.identity import numbers as nb
from zhongben.synth.identity.applicants import repeat_applicants
from zhongben.synth.identity.book import IdentityBook
from zhongben.synth.identity.request import ID_KINDS, Request
from zhongben.synth.identity.travel import travel_requests
from zhongben.synth.identity.truth import MentionTruth
from zhongben.synth.rng import stream
from zhongben.synth.write import to_arrow, to_frame

# (table, column) -> ID noise on citizens' mentions: (kind, share of the mentions)
ID_NOISE: dict[tuple[str, str], tuple[tuple[str, float], ...]] = {
    ("vehicles", "owner_id"): (("typo", 0.03), ("old_id", 0.01), ("id15", 0.03)),
    ("real_estate", "owner_id"): (("typo", 0.02), ("old_id", 0.01), ("id15", 0.05)),
    ("insurance_policies", "holder_id"): (("masked", 0.30), ("typo", 0.02)),
    ("shareholdings", "holder_id"): (("typo", 0.02), ("id15", 0.02)),
    ("bank_accounts", "holder_id"): (("typo", 0.01),),
    ("companies", "legal_rep_id"): (("id15", 0.03),),
}
COMPANY_NOISE = {("social_insurance", "employer_uscc"): 0.1, ("shareholdings", "company_uscc"): 0.2}
RENAMED_SHARE, REGISTERED_SHARE = 0.15, 0.3  # employers with a former name / an old 注册号
NAME_SLIP = 0.02  # traditional characters or a homophone on a name …
NAME_SLIP_WITH_ID_NOISE = 0.3  # … more often where the ID is noisy too


class Pass:
    def __init__(self, factory: Factory) -> None:
        self.f = factory
        self.rng = stream(factory.config.seed, "identity")
        self.book = IdentityBook(factory, self.rng)
        self.truth = MentionTruth()
        self.citizens = set(factory.citizens["id"].tolist())
        employers = factory.employers["uscc"]
        pick = self.rng.random(len(employers))
        self.registered = set(employers[pick < REGISTERED_SHARE].tolist())
        self.renamed = set(employers[pick < RENAMED_SHARE].tolist())
        self.requests: dict[str, list[Request]] = {}

    def run(self) -> MentionTruth:
        world = self.f.world
        self._branches()
        requests = [*world.identity_requests, *repeat_applicants(self.f, self.rng),
                    *travel_requests(self.f, self.rng, self.book)]
        for request in requests:
            self.requests.setdefault(request.table, []).append(request)
        for table in list(world.tables):
            sources = [s for s in SOURCES if s.table == table]
            if sources:
                world.tables[table] = [self._fragment(table, sources, frag)
                                       for frag in world.tables[table]]
        self.book.commit()
        self.truth.registries(world)
        return self.truth

    def _branches(self) -> None:
        """A few employers are branches (分公司) of another."""
        frames = [to_frame(t) for t in self.f.world.tables.get("companies", [])]
        employers = self.f.employers["uscc"]
        for frame in frames:
            draw = self.rng.random(len(frame["uscc"]))
            branch = np.flatnonzero(np.isin(frame["uscc"], employers) & (draw < 0.05))
            parents = employers[self.rng.integers(0, len(employers), len(branch))]
            for i, parent in zip(branch, parents, strict=True):
                frame["parent_uscc"][i] = parent if parent != frame["uscc"][i] else None
        self.f.world.tables["companies"] = [to_arrow("companies", fr) for fr in frames]

    def _fragment(self, table: str, sources: list[MentionSource], fragment: pa.Table) -> pa.Table:
        if not self._touched(table, sources, fragment):
            for source in sources:
                values = fragment.column(source.column).to_numpy(zero_copy_only=False)
                self.truth.add(table, source.column, values, None)
            self.truth.next_fragment(table, fragment.num_rows)
            return fragment
        frame = to_frame(fragment)
        for source in sources:
            true = frame[source.column].copy()
            noise = np.full(len(true), "", dtype=object)
            for i, kinds in self._chosen(source, frame).items():
                noise[i] = self._apply(source, frame, i, str(true[i]), kinds)
            self.truth.add(table, source.column, true, noise)
        self.truth.next_fragment(table, len(next(iter(frame.values()))) if frame else 0)
        return to_arrow(table, frame)

    def _touched(self, table: str, sources: list[MentionSource], fragment: pa.Table) -> bool:
        """Whether noise may fall on this fragment (most of the big tables stay as they are)."""
        if table in self.requests or any((table, s.column) in ID_NOISE for s in sources):
            return True
        registered = pa.array(sorted(self.registered), pa.string())
        return any(
            pc.any(pc.is_in(fragment.column(s.column), value_set=registered)).as_py()
            for s in sources if (table, s.column) in COMPANY_NOISE
        )

    def _chosen(self, source: MentionSource, frame: Frame) -> dict[int, tuple[str, ...]]:
        """Row → noise kinds: citizens' random noise, then what plants asked for."""
        values = frame[source.column]
        n = len(values)
        out: dict[int, tuple[str, ...]] = {}
        draw = self.rng.random(n)
        rates = ID_NOISE.get((source.table, source.column), ())
        if rates:
            citizen = np.fromiter((v in self.citizens for v in values), bool, n)
            low = 0.0
            for kind, rate in rates:
                for k in np.flatnonzero(citizen & (draw >= low) & (draw < low + rate)):
                    out[int(k)] = (kind,)
                low += rate
            slip = self.rng.random(n)
            for k in np.flatnonzero(citizen & (slip < NAME_SLIP)):
                out[int(k)] = (*out.get(int(k), ()), self._slip())
            for i in [i for i in out if slip[i] < NAME_SLIP_WITH_ID_NOISE and len(out[i]) == 1
                      and out[i][0] in ID_KINDS]:
                out[i] = (*out[i], self._slip())
        share = COMPANY_NOISE.get((source.table, source.column))
        if share:
            known = np.fromiter((v in self.registered for v in values), bool, n)
            for k in np.flatnonzero(known & (draw < share)):
                kinds: tuple[str, ...] = ("registration_no",)
                if values[k] in self.renamed and source.name:
                    kinds = (*kinds, "old_company_name")
                out[int(k)] = kinds
        for columns, wanted in self._wanted(source).items():
            keys = zip(*(frame[c] for c in columns), strict=True)
            for i, key in enumerate(keys):
                if key in wanted:
                    out[i] = wanted[key]
        return {i: k for i, k in out.items() if values[i] is not None}

    def _wanted(self, source: MentionSource) -> dict[tuple[str, ...], dict[tuple[Any, ...],
                                                                            tuple[str, ...]]]:
        """The plants' requests on this column: by the columns naming the row, the values."""
        out: dict[tuple[str, ...], dict[tuple[Any, ...], tuple[str, ...]]] = {}
        for request in self.requests.get(source.table, []):
            if request.column == source.column:
                columns = tuple(c for c, _ in request.where)
                out.setdefault(columns, {})[tuple(v for _, v in request.where)] = request.kinds
        return out

    def _slip(self) -> str:
        return "traditional" if self.rng.random() < 0.6 else "homophone"

    def _apply(self, source: MentionSource, frame: Frame, i: int, true: str,
               kinds: tuple[str, ...]) -> str:
        """Write the noise into row ``i``; the label of what was applied."""
        done = []
        for kind in kinds:
            if kind.split("@")[0] in ID_KINDS:
                if self._id_noise(source, frame, i, true, kind):
                    done.append(kind.split("@")[0])
            elif (source.name and frame[source.name][i]
                  and self._name_noise(source, frame, i, true, kind)):
                done.append(kind)
        return ";".join(done)

    def _id_noise(self, source: MentionSource, frame: Frame, i: int, true: str,
                  kind: str) -> bool:
        column = frame[source.column]
        if kind == "typo":
            column[i] = nb.typo(true, self.rng)
        elif kind.startswith("masked"):
            head = int(kind.split("@")[1]) if "@" in kind else None
            column[i] = nb.masked(true, self.rng, head)
        elif kind == "id15":
            short = nb.fifteen(true)
            if short is None:
                return False
            column[i] = short
        elif kind == "old_id":
            column[i] = self.book.old_id_of(true)
        elif kind == "missing":
            column[i] = None
        elif kind == "registration_no":
            column[i] = self.book.registration_of(true)
        elif kind == "passport":
            name = str(frame["name_on_ticket"][i] or "")
            docs = self.book.passports_of(true, name)
            column[i] = None
            frame["doc_type"][i] = "护照"
            frame["doc_no"][i] = docs[int(self.rng.integers(0, len(docs)))]
            frame["name_on_ticket"][i] = nm.ticket_pinyin(name) if name else None
        return True

    def _name_noise(self, source: MentionSource, frame: Frame, i: int, true: str,
                    kind: str) -> bool:
        assert source.name is not None
        names = frame[source.name]
        before = str(names[i])
        if kind == "former_name":
            names[i] = self.book.former_name_of(true, before)
        elif kind == "old_company_name":
            names[i] = self.book.old_company_name_of(true, before)
        elif kind == "traditional":
            names[i] = nm.traditional(before)
        elif kind == "homophone":
            names[i] = nm.homophone(before, self.rng)
        return bool(names[i] != before)


def plant_identity_noise(factory: Factory) -> MentionTruth:
    """Apply the identity noise to the world in place; who every mention really is."""
    return Pass(factory).run()
