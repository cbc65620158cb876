"""Who and what a published lead is about, so no lead shows a blank 当事人 or 案号 without a reason.

A lead's grain (docs/reference/leads.md) leaves one of the two empty by design: a case-grain lead
has no subject (it is about the case: its 被执行人 are the people concerned), a debtor-grain lead
has no case (it is about the debtor across their 终本 cases; XJ-04 about a judge). At publication
the people of a case-grain lead are taken from the case's parties, the cases of a debtor-grain
lead from the debtor's profile, and a subject published without a name gets the name the
workspace knows for its ID."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

DEBTOR = "被执行人"
TERMINATED = "终结本次执行程序"
ID_LIKE = re.compile(r"[0-9]{6}")  # an ID number or USCC has digits; a judge's name has none
SHOWN_NAMES = 3


@dataclass
class Who:
    """``parties``: [{name, id_no, role}] concerned; ``related_cases``: the case numbers a lead
    without one concerns (a debtor's 终本 cases, a judge's cases)."""

    parties: list[dict[str, Any]] = field(default_factory=list)
    related_cases: list[str] = field(default_factory=list)

    @property
    def party_names(self) -> str | None:
        names = list(dict.fromkeys(p["name"] for p in self.parties if p.get("name")))
        if not names:
            return None
        shown = "、".join(names[:SHOWN_NAMES])
        return shown + (f"等{len(names)}人" if len(names) > SHOWN_NAMES else "")

    @property
    def case_count(self) -> int | None:
        return len(self.related_cases) if self.related_cases else None


def is_id(value: str | None) -> bool:
    return bool(value) and ID_LIKE.search(value or "") is not None


def who_of(row: dict[str, Any], profiles: dict[str, dict[str, Any]]) -> Who:
    subject, case_no = row.get("subject_id"), row.get("case_no")
    who = Who()
    if subject:
        who.parties.append(_subject(row, profiles.get(subject, {})))
    if case_no:
        parties = profiles.get(f"case:{case_no}", {}).get("parties", [])
        known = {p.get("id_no") for p in who.parties}
        who.parties += [{"name": p.get("name"), "id_no": p.get("id_no"), "role": DEBTOR}
                        for p in parties if p.get("role") == DEBTOR and p.get("id_no") not in known]
    else:
        who.related_cases = _related_cases(row, profiles.get(subject or "", {}))
    return who


def _subject(row: dict[str, Any], profile: dict[str, Any]) -> dict[str, Any]:
    subject = row["subject_id"]
    if not is_id(subject):  # XJ-04: the subject is the judge, named by name
        return {"name": row.get("subject_name") or subject, "id_no": None, "role": "承办人"}
    name = row.get("subject_name") or profile.get("name") or _evidence_name(row, subject)
    role = DEBTOR if profile.get("cases") else "相关人"
    return {"name": name, "id_no": subject, "role": role}


def _evidence_name(row: dict[str, Any], subject: str) -> str | None:
    """A name written beside the subject's ID in one of the lead's evidence rows."""
    for item in row.get("evidence") or []:
        fields = item.get("fields") or {}
        for column, value in fields.items():
            if value != subject:
                continue
            stem = column.removesuffix("_id").removesuffix("_no")
            name = fields.get(f"{stem}_name") or fields.get("name")
            if isinstance(name, str) and name:
                return name
    return None


def _related_cases(row: dict[str, Any], profile: dict[str, Any]) -> list[str]:
    cases = [c["case_no"] for c in profile.get("cases", []) if c.get("close_method") == TERMINATED]
    if not cases:  # a judge's lead, or a debtor without a published profile: the cited cases
        cases = [str(v) for item in row.get("evidence") or [] if item.get("table") == "cases"
                 for k, v in (item.get("fields") or {}).items() if k == "case_no" and v]
    return list(dict.fromkeys(cases))


def grain_note(case_no: str | None, subject_id: str | None, party_names: str | None,
               case_count: int | None) -> str:
    """Why a lead shows no single case (or no subject), in words; empty when it has both."""
    if case_no is None and subject_id and not is_id(subject_id):
        return (f"本线索针对承办人{party_names or subject_id}（同一承办人办理的多起案件串并审查），"
                f"不针对单个案件" + (f"，涉及 {case_count} 件案件" if case_count else ""))
    if case_no is None:
        cases = f"，涉及其 {case_count} 件终本案件" if case_count else ""
        return f"本线索针对被执行人本人（跨案件汇总），不限于一个案件{cases}"
    if subject_id is None:
        return "本线索针对案件本身，当事人为该案的被执行人"
    return ""
