"""Where mentions are: for every subject-ID column of the contract, the columns of the same row
that describe the same subject (name, phone, address, travel document) — as data, in one place.

Every ID column of the contract is a mention column (a test checks); the columns beside it are
what Tier B compares when the ID itself is missing, mistyped or masked."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from zhongben.contracts import TABLES, Kind
from zhongben.contracts.storage import entity_column


class Subject(StrEnum):
    PERSON = "person"  # a natural person (身份证号)
    COMPANY = "company"  # a company (统一社会信用代码)
    EITHER = "either"  # a party ID: a person or a company


@dataclass(frozen=True)
class MentionSource:
    table: str
    column: str
    name: str | None = None  # the subject's name in the same row
    phone: str | None = None
    address: str | None = None  # the subject's own address (not that of a property)
    doc_type: str | None = None  # a travel document instead of / beside the ID
    doc_no: str | None = None
    party_type: str | None = None  # 自然人 / 法人 / 非法人组织
    case_no: str | None = None  # the case whose party the subject says it is (a petition's 案号)

    @property
    def entity(self) -> str:
        return entity_column(self.column)

    @property
    def invalid(self) -> str:
        return f"{self.column}_invalid"

    @property
    def subject(self) -> Subject:
        kind = TABLES[self.table].column(self.column).kind
        return {Kind.PERSON_ID: Subject.PERSON, Kind.USCC: Subject.COMPANY}.get(
            kind, Subject.EITHER
        )

    @property
    def label(self) -> str:
        return f"{self.table}.{self.column}"


S = MentionSource
SOURCES: tuple[MentionSource, ...] = (
    S("parties", "id_no", name="name", phone="phone", address="address", party_type="party_type"),
    S("payments", "payee_id", name="payee_name"),
    S("auctions", "buyer_id"),
    S("lawsuits", "plaintiff_id", name="plaintiff_name"),
    S("lawsuits", "defendant_id", name="defendant_name"),
    S("restrictions", "subject_id", name="name"),
    S("vehicles", "owner_id", name="owner_name"),
    S("real_estate", "owner_id", name="owner_name"),
    S("companies", "uscc", name="name", address="address"),
    S("companies", "legal_rep_id", name="legal_rep_name"),
    S("companies", "parent_uscc"),
    S("shareholdings", "company_uscc"),
    S("shareholdings", "holder_id", name="holder_name"),
    S("social_insurance", "person_id"),
    S("social_insurance", "employer_uscc", name="employer_name"),
    S("housing_fund", "person_id"),
    S("insurance_policies", "holder_id", name="holder_name"),
    S("travel", "person_id", name="name_on_ticket", doc_type="doc_type", doc_no="doc_no"),
    S("relations", "person_a_id"),
    S("relations", "person_b_id"),
    S("bank_accounts", "holder_id", name="holder_name"),
    S("identity_documents", "id_no", name="name_pinyin", doc_type="doc_type", doc_no="doc_no"),
    S("person_names", "id_no", name="name"),
    S("id_changes", "old_id"),
    S("id_changes", "new_id"),
    S("company_history", "uscc"),
    S("petitions", "applicant_id", name="applicant_name", case_no="case_no"),
)

BY_LABEL: dict[str, MentionSource] = {s.label: s for s in SOURCES}


def source(table: str, column: str) -> MentionSource:
    return BY_LABEL[f"{table}.{column}"]
