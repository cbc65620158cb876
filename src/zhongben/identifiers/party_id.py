"""A generic party ID column: 身份证号 or 统一社会信用代码 where it is one; other document numbers
(passport, 组织机构代码, …) are kept as written, since there is nothing to check them against."""

from __future__ import annotations

from zhongben.identifiers import id_card, uscc
from zhongben.identifiers.result import IdResult


def normalise_party_id(raw: str | None) -> IdResult:
    text = id_card.clean_id(raw) if raw is not None else ""
    if not text:
        return IdResult(None)
    person = id_card.normalise_person_id(text)
    if person.value is not None:
        return person
    if uscc.is_valid(text) and not id_card.person_shaped(text):
        return IdResult(text)
    if id_card.looks_like(text) or uscc.looks_like(text):
        return IdResult(None, text)
    if id_card.is_masked(text):
        return IdResult(None, text, masked=True)
    return IdResult(text)
