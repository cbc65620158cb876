"""The identity registries of the world, made as noise needs them: a person's passports, the old
number their 身份证号 changed from, a former name; a company's old name and old numbers. Each is
registered once (identity_documents, id_changes, person_names, company_history) and reused for
every mention that uses it."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from zhongben.identifiers import id_card
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Row
from zhongben.synth.identity import names as nm
from zhongben.synth.identity import numbers as nb

NAT = np.datetime64("NaT", "D")


def is_male(id18: str) -> bool:
    return int(id18[16]) % 2 == 1


@dataclass
class IdentityBook:
    factory: Factory
    rng: np.random.Generator
    passports: dict[str, list[str]] = field(default_factory=dict)
    old_ids: dict[str, str] = field(default_factory=dict)  # current ID -> the old number
    former_names: dict[str, str] = field(default_factory=dict)
    old_registration: dict[str, str] = field(default_factory=dict)  # USCC -> 注册号
    old_company_names: dict[str, str] = field(default_factory=dict)
    rows: dict[str, list[Row]] = field(default_factory=dict)

    def _add(self, table: str, row: Row) -> None:
        self.rows.setdefault(table, []).append(row)

    def passports_of(self, person: str, name: str, count: int | None = None) -> list[str]:
        """2–5 passports, issued years apart, registered to the person."""
        if person not in self.passports:
            k = count or int(self.rng.integers(2, 6))
            serials = self.factory.serials.take("passport", k)
            docs = [nb.passport(int(s)) for s in serials]
            issued = self.factory.as_of - 365 * (k * 4) + 365 * 4 * np.arange(k)
            for doc, on in zip(docs, issued, strict=True):
                self._add("identity_documents", {
                    "id_no": person, "doc_no": doc, "doc_type": "护照",
                    "name_pinyin": nm.ticket_pinyin(name).replace("/", " "),
                    "issued_on": on, "expires_on": on + 3652})
            self.passports[person] = docs
        return self.passports[person]

    def old_id_of(self, person: str) -> str:
        """The number the person's 身份证号 was changed from (a valid number of nobody else)."""
        if person not in self.old_ids:
            born = id_card.birth_date(person)
            birth = np.array([np.datetime64(born.isoformat(), "D")]) if born else None
            old = str(self.factory.persons(1, birth=birth)["id"][0])
            changed = self.factory.as_of - int(self.rng.integers(400, 4000))
            self._add("id_changes", {"old_id": old, "new_id": person, "changed_on": changed})
            self.old_ids[person] = old
        return self.old_ids[person]

    def former_name_of(self, person: str, name: str) -> str:
        if person not in self.former_names:
            former = nm.former_name(name, is_male(person), self.rng)
            until = self.factory.as_of - int(self.rng.integers(400, 4000))
            self._add("person_names", {"id_no": person, "name": former, "kind": "曾用名",
                                       "from_on": NAT, "to_on": until})
            self.former_names[person] = former
        return self.former_names[person]

    def registration_of(self, uscc: str) -> str:
        if uscc not in self.old_registration:
            serial = int(self.factory.serials.take("registration", 1)[0])
            reg = nb.registration_no(uscc, serial)
            self._add("company_history", {"uscc": uscc, "item": "注册号", "old_value": reg,
                                          "new_value": uscc, "changed_on": self._changed()})
            self._add("company_history", {"uscc": uscc, "item": "组织机构代码",
                                          "old_value": nb.org_code(uscc), "new_value": uscc,
                                          "changed_on": self._changed()})
            self.old_registration[uscc] = reg
        return self.old_registration[uscc]

    def old_company_name_of(self, uscc: str, name: str) -> str:
        if uscc not in self.old_company_names:
            old = name.replace("有限公司", "商贸有限公司", 1) if "商贸" not in name else \
                name.replace("商贸", "实业", 1)
            self._add("company_history", {"uscc": uscc, "item": "名称", "old_value": old,
                                          "new_value": name, "changed_on": self._changed()})
            self.old_company_names[uscc] = old
        return self.old_company_names[uscc]

    def _changed(self) -> np.datetime64:
        return self.factory.as_of - int(self.rng.integers(900, 3000))

    def commit(self) -> None:
        for table, rows in self.rows.items():
            self.factory.world.add_rows(table, rows)
        self.rows = {}
