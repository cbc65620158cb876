"""Tickets name their passenger, and frequent travellers fly on passports: a citizen with many
journeys holds 2–5 passports (registered in identity_documents) and flies on one of them, any
of them, about half the time — the ticket then carries the passport and the name in pinyin, and
no 身份证号."""

from __future__ import annotations

from collections import Counter

import numpy as np

from zhongben.synth.factory import Factory
from zhongben.synth.identity.book import IdentityBook
from zhongben.synth.identity.request import Request
from zhongben.synth.write import to_arrow, to_frame

FREQUENT = 8  # journeys that make a frequent traveller
ON_PASSPORT = 0.5  # of a frequent traveller's flights


def _names(f: Factory) -> dict[str, str]:
    known = dict(zip(f.citizens["id"].tolist(), f.citizens["name"].tolist(), strict=True))
    for table, id_col, name_col in (("parties", "id_no", "name"),
                                    ("bank_accounts", "holder_id", "holder_name")):
        rows = f.world.arrow(table)
        for id_no, name in zip(rows.column(id_col).to_pylist(), rows.column(name_col).to_pylist(),
                               strict=True):
            if id_no and name:
                known.setdefault(id_no, name)
    return known


def travel_requests(f: Factory, rng: np.random.Generator, book: IdentityBook) -> list[Request]:
    """Fill the passengers' names; ask for passports on frequent travellers' flights."""
    names = _names(f)
    frames = [to_frame(t) for t in f.world.tables.get("travel", [])]
    trips: Counter[str] = Counter()
    for frame in frames:
        frame["name_on_ticket"] = np.array([names.get(v) for v in frame["person_id"]],
                                           dtype=object)
        frame["doc_type"] = np.array(["身份证" if v else None for v in frame["person_id"]],
                                     dtype=object)
        trips.update(v for v in frame["person_id"] if v)
    citizens = set(f.citizens["id"].tolist())
    frequent = {p for p, n in trips.items() if n >= FREQUENT and p in citizens}
    requests = []
    for frame in frames:
        for i, person in enumerate(frame["person_id"]):
            if person in frequent and frame["mode"][i] == "航班" and rng.random() < ON_PASSPORT:
                book.passports_of(str(person), str(frame["name_on_ticket"][i] or ""))
                where = (("person_id", person), ("travelled_on", frame["travelled_on"][i]),
                         ("carrier_no", frame["carrier_no"][i]))
                requests.append(Request("travel", where, "person_id", ("passport",)))
    f.world.tables["travel"] = [to_arrow("travel", fr) for fr in frames]
    return requests
