"""The rows an incremental screen reads: each large contract table cut down to what the leads of
a closed key set (``zhongben.rules.incremental``) can rest on, stored once per screen, so that the
unmodified rules and shared views read a small world instead of the whole one.

From the key cases and subjects (``<keys>_cases``, ``<keys>_subjects``), widened along what the
rules join on:

- ``people``: the key subjects and every entity the key cases name (parties, restricted
  subjects, payees, buyers, litigants);
- ``cases``: the key cases, every case naming one of ``people`` (a debtor's other cases: XJ-03,
  the earliest filing of ``terminated_debtors``), and the cases resuming or resumed by those
  (HF-01, HF-02, HF-04; XJ-03 compares both numbers);
- ``linked``: ``people`` and the entities up to three links away — relatives, legal
  representatives, parent companies, shareholders, identity changes — (``debtor_links``: the
  relative of the head of the debtor company and that relative's companies), and the employees
  of any of them (social insurance);
- ``accounts``: the accounts of ``linked`` and every counterparty of their moves, so that a move
  has both its legs (``fund_moves``) and FL-03's paths of three moves from a debtor's account
  to a linked one are whole (the middle move starts at a counterparty);
- ``targets``: what the actions of ``cases`` seize — the same target seized in another case
  (CF-03) and a seized plate's sightings (DC-02).

Cut tables: the case tables by ``cases`` (actions also by ``targets``, restrictions also by
``linked``), transactions by ``accounts``, social insurance and travel by ``linked``, vehicle
sightings by ``targets`` and the plates ``linked`` own. Every other table — registers, accounts,
vehicles, real estate, lawsuits — is read whole: small, or read from one side of a join driven by
the cut ones. Rules that compare a key with a population (``WHOLE_INPUT``) read everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from zhongben.engine.base import Engine

# rule → why its leads for a key rest on rows of unrelated keys
WHOLE_INPUT: dict[str, str] = {
    "XJ-04": "compares a judge's 终本 share with the whole court's closings in the window",
}
CASE_ENTITIES = (  # (table, entity column) of tables keyed by case_no
    ("parties", "id_no_entity"), ("restrictions", "subject_id_entity"),
    ("lawsuits", "plaintiff_id_entity"), ("lawsuits", "defendant_id_entity"),
    ("payments", "payee_id_entity"), ("auctions", "buyer_id_entity"),
)
ENTITY_LINKS = (  # (table, column, column): two entities one link apart
    ("relations", "person_a_id_entity", "person_b_id_entity"),
    ("companies", "uscc_entity", "legal_rep_id_entity"),
    ("companies", "uscc_entity", "parent_uscc_entity"),
    ("shareholdings", "company_uscc_entity", "holder_id_entity"),
    ("id_changes", "old_id_entity", "new_id_entity"),
)
LINK_HOPS = 3
_CUT = {  # table → the rows kept; {k}: the prefix of the key sets
    "cases": "case_no IN (SELECT v FROM {k}_in_cases)",
    "parties": "case_no IN (SELECT v FROM {k}_in_cases)",
    "payments": "case_no IN (SELECT v FROM {k}_in_cases)",
    "documents": "case_no IN (SELECT v FROM {k}_in_cases)",
    "auctions": "case_no IN (SELECT v FROM {k}_in_cases)",
    "actions": "case_no IN (SELECT v FROM {k}_in_cases) "
               "OR target_id IN (SELECT v FROM {k}_in_targets)",
    "restrictions": "case_no IN (SELECT v FROM {k}_in_cases) "
                    "OR subject_id_entity IN (SELECT v FROM {k}_in_linked)",
    "transactions": "account_no IN (SELECT v FROM {k}_in_accounts) "
                    "OR counterparty_account IN (SELECT v FROM {k}_in_accounts)",
    "social_insurance": "person_id_entity IN (SELECT v FROM {k}_in_linked) "
                        "OR employer_uscc_entity IN (SELECT v FROM {k}_in_linked)",
    "travel": "person_id_entity IN (SELECT v FROM {k}_in_linked)",
    "vehicle_sightings": "plate IN (SELECT v FROM {k}_in_targets) OR plate IN (SELECT plate "
                         "FROM vehicles WHERE owner_id_entity IN (SELECT v FROM {k}_in_linked))",
}


def _union(parts: Iterable[str]) -> str:
    return " UNION ".join(parts)


def _key_sets(k: str) -> list[tuple[str, str]]:
    """(name, query of one column v) of each widened key set, in the order they are built."""
    people = _union([f"SELECT subject_id AS v FROM {k}_subjects", *(
        f"SELECT {column} AS v FROM {table} WHERE case_no IN (SELECT case_no FROM {k}_cases)"
        for table, column in CASE_ENTITIES)])
    named = _union([f"SELECT case_no AS v FROM {k}_cases", *(
        f"SELECT case_no AS v FROM {table} WHERE {column} IN (SELECT v FROM {k}_in_people)"
        for table, column in CASE_ENTITIES)])
    cases = _union([
        f"SELECT v FROM {k}_in_named",
        f"SELECT case_no AS v FROM cases WHERE original_case_no IN (SELECT v FROM {k}_in_named)",
        f"SELECT original_case_no AS v FROM cases WHERE case_no IN (SELECT v FROM {k}_in_named)"])
    sets = [("people", people), ("named", named), ("cases", cases)]
    for hop in range(LINK_HOPS):
        before = f"{k}_in_{'people' if hop == 0 else f'hop{hop}'}"
        sets.append((f"hop{hop + 1}", _union([f"SELECT v FROM {before}", *(
            f"SELECT {b} AS v FROM {table} WHERE {a} IN (SELECT v FROM {before}) UNION "
            f"SELECT {a} AS v FROM {table} WHERE {b} IN (SELECT v FROM {before})"
            for table, a, b in ENTITY_LINKS)])))
    last = f"{k}_in_hop{LINK_HOPS}"
    sets += [
        ("linked", f"SELECT v FROM {last} UNION SELECT person_id_entity AS v FROM social_insurance "
                   f"WHERE employer_uscc_entity IN (SELECT v FROM {last})"),
        ("held", f"SELECT account_no AS v FROM bank_accounts "
                 f"WHERE holder_id_entity IN (SELECT v FROM {k}_in_linked)"),
        ("moved", f"SELECT account_no, counterparty_account FROM transactions WHERE account_no "
                  f"IN (SELECT v FROM {k}_in_held) OR counterparty_account IN "
                  f"(SELECT v FROM {k}_in_held)"),  # one scan of the moves for both sides
        ("accounts", f"SELECT v FROM {k}_in_held UNION SELECT counterparty_account AS v FROM "
                     f"{k}_in_moved UNION SELECT account_no AS v FROM {k}_in_moved"),
        ("targets", f"SELECT target_id AS v FROM actions WHERE target_id IS NOT NULL "
                    f"AND case_no IN (SELECT v FROM {k}_in_cases)"),
    ]
    return sets


def restrict(engine: Engine, keys: str) -> dict[str, str]:
    """Store the widened key sets and the cut tables of the keys ``keys`` names; contract table
    → the table holding its rows for an incremental screen (``release`` drops them)."""
    for name, sql in _key_sets(keys):
        engine.materialise(f"{keys}_in_{name}", sql)
    sources = {}
    for table, where in _CUT.items():
        sources[table] = f"{keys}_rows_{table}"
        engine.materialise(sources[table], f"SELECT * FROM {table} WHERE {where.format(k=keys)}")
    return sources


def release(engine: Engine, keys: str, sources: Iterable[str]) -> None:
    """Drop what ``restrict`` stored."""
    for name, _ in _key_sets(keys):
        engine.release(f"{keys}_in_{name}")
    for table in sources:
        engine.release(table)
