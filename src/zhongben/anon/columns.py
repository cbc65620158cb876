"""Which columns of the contract tables hold what, for the anonymised export: identifiers, case
numbers, names, romanised names, addresses, free text. Columns not named here are kept as they
are (amounts, categories such as 结案方式 or 险种, institutions such as banks and insurers);
every date and timestamp column is shifted."""

from __future__ import annotations

IDS = frozenset({
    "id_no", "subject_id", "owner_id", "holder_id", "person_id", "person_a_id", "person_b_id",
    "payee_id", "buyer_id", "plaintiff_id", "defendant_id", "legal_rep_id", "old_id", "new_id",
    "uscc", "company_uscc", "employer_uscc", "parent_uscc", "plate", "phone", "account_no",
    "counterparty_account", "vin", "unit_no", "cert_no", "policy_no", "item_id", "target_id",
    "applicant_id",
})
CASE_NOS = frozenset({"case_no", "original_case_no", "basis_no"})
NAMES = frozenset({
    "name", "owner_name", "holder_name", "payee_name", "plaintiff_name", "defendant_name",
    "legal_rep_name", "counterparty_name", "employer_name", "judge", "applicant_name",
    "party_name",
})
PINYIN = frozenset({"name_pinyin", "name_on_ticket"})
ADDRESSES = frozenset({"address"})
TEXT = frozenset({
    "close_reason", "result", "delay_reason", "scope", "summary", "old_value", "new_value",
    "title", "source_file", "warnings", "doc_id", "searches", "cited_articles", "location",
    "claim_text",
})
# The order kinds are mapped in: identifiers and names before the free text that may quote them.
ORDER = ("case_no", "id", "name", "pinyin", "address", "derived", "text")
SENSITIVE = frozenset({"case_no", "id", "name", "pinyin", "address", "derived"})
# What the leak check looks for: names, IDs (person, USCC), phones, plates and account numbers.
CHECKED = frozenset({"id", "name", "pinyin", "address", "case_no", "derived"})


def kind_of(table: str, column: str) -> str | None:
    if column.endswith(("_entity", "_invalid")):
        return "derived"
    if column == "doc_no":
        return "case_no" if table == "documents" else "id"
    for kind, names in (("case_no", CASE_NOS), ("id", IDS), ("name", NAMES),
                        ("pinyin", PINYIN), ("address", ADDRESSES), ("text", TEXT)):
        if column in names:
            return kind
    return None
