"""The keys a load batch can change the leads of (``zhongben.rules.incremental``).

The seeds of a batch: the cases, entities, accounts, assets (plates, 不动产单元号, seized
targets) and company addresses its rows name. Widened along everything a lead reads across keys,
the same radius the cut tables keep around a key (``zhongben.rules.inputs``):

- an asset: the cases seizing it (CF-03's 首封 in another case, DC-02's sightings) and every owner
  of it (DC-05: the next owner of a debtor's asset); an address: the companies at it (DC-04);
- an entity: its accounts; an account: the counterparties of its moves (a move is a middle hop
  of FL-03's paths) and their holders; an employee: the employers (``debtor_links``);
- then entities up to three links away (relatives, legal representatives, parent companies,
  shareholders, identity changes: ``debtor_links`` reaches the companies of the relatives of the
  debtor company's head);
- then every case naming one of them, the cases resuming or resumed by those, and every party and
  judge of those cases.

The parties of the batch's cases are seeds too: a case's own row can change a lead on another case
of its debtor (XJ-03).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyarrow as pa

from zhongben.engine.base import Engine
from zhongben.rules.inputs import CASE_ENTITIES, ENTITY_LINKS, LINK_HOPS

KEYS = "zb_incremental"
_KINDS = {  # column → which seed it is
    "case_no": "cases", "original_case_no": "cases",
    "account_no": "accounts", "counterparty_account": "accounts",
    "plate": "assets", "unit_no": "assets", "target_id": "assets",
}


@dataclass
class Affected:
    cases: set[str]
    subjects: set[str]

    def contains(self, case_no: str | None, subject_id: str | None) -> bool:
        return case_no in self.cases or subject_id in self.subjects


def _values(engine: Engine, sql: str) -> set[str]:
    return {str(r[0]) for r in engine.fetch(sql)[1] if r[0] is not None}


def _put(engine: Engine, name: str, column: str, values: Iterable[str]) -> None:
    engine.put(f"{KEYS}_{name}", pa.table({column: pa.array(sorted(values), pa.string())}))


def _columns(engine: Engine) -> dict[str, list[str]]:
    _, rows = engine.fetch("SELECT table_name, column_name FROM information_schema.columns "
                           "WHERE table_schema = 'main'")
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        tables.setdefault(table, []).append(column)
    return tables


def _kind(table: str, column: str) -> str | None:
    if column.endswith("_entity"):
        return "entities"
    if table == "companies" and column == "address":
        return "addresses"
    return _KINDS.get(column)


def seeds(engine: Engine, batch: int) -> dict[str, set[str]]:
    """The cases, entities, accounts, assets and company addresses the rows of ``batch`` name."""
    found: dict[str, set[str]] = {k: set() for k in
                                  ("cases", "entities", "accounts", "assets", "addresses")}
    for table, columns in _columns(engine).items():
        named = [(c, _kind(table, c)) for c in columns] if "_batch" in columns else []
        parts = [f'SELECT \'{kind}\', CAST("{column}" AS VARCHAR) FROM "{table}" '
                 f"WHERE _batch = {int(batch)}" for column, kind in named if kind]
        for kind, value in engine.fetch(" UNION ".join(parts))[1] if parts else ():
            if value is not None:
                found[kind].add(str(value))
    return found


def _in(name: str) -> str:
    column = {"subjects": "subject_id", "cases": "case_no", "accounts": "account_no"}[name]
    return f"(SELECT {column} FROM {KEYS}_{name})"


def _entities(engine: Engine, found: dict[str, set[str]]) -> None:
    """Widen ``found["entities"]`` to what the seeds reach (module docstring)."""
    entities, accounts = found["entities"], set(found["accounts"])
    _put(engine, "assets", "v", found["assets"])
    _put(engine, "addresses", "v", found["addresses"])
    entities |= _values(engine, f"""SELECT owner_id_entity FROM vehicles WHERE plate IN (SELECT v
        FROM {KEYS}_assets) UNION SELECT owner_id_entity FROM real_estate WHERE unit_no IN
        (SELECT v FROM {KEYS}_assets) UNION SELECT uscc_entity FROM companies WHERE address IN
        (SELECT v FROM {KEYS}_addresses)""")
    _put(engine, "subjects", "subject_id", entities)
    accounts |= _values(engine, f"SELECT account_no FROM bank_accounts WHERE holder_id_entity IN "
                                f"{_in('subjects')}")
    _put(engine, "accounts", "account_no", accounts)
    accounts |= _values(engine, f"""SELECT counterparty_account FROM transactions WHERE account_no
        IN {_in('accounts')} UNION SELECT account_no FROM transactions
        WHERE counterparty_account IN {_in('accounts')}""")
    _put(engine, "accounts", "account_no", accounts)
    entities |= _values(engine, f"""SELECT holder_id_entity FROM bank_accounts WHERE account_no
        IN {_in('accounts')}""")
    _put(engine, "subjects", "subject_id", entities)
    entities |= _values(engine, f"SELECT employer_uscc_entity FROM social_insurance "
                                f"WHERE person_id_entity IN {_in('subjects')}")
    for _ in range(LINK_HOPS):
        _put(engine, "subjects", "subject_id", entities)
        entities |= _values(engine, " UNION ".join(
            f"SELECT {b} FROM {table} WHERE {a} IN {_in('subjects')} UNION "
            f"SELECT {a} FROM {table} WHERE {b} IN {_in('subjects')}"
            for table, a, b in ENTITY_LINKS))
    _put(engine, "subjects", "subject_id", entities)


def affected(engine: Engine, batch: int) -> Affected:
    """The keys whose leads ``batch`` can change (module docstring)."""
    found = seeds(engine, batch)
    _put(engine, "cases", "case_no", found["cases"])  # a case's row changes its parties' leads
    found["entities"] |= _values(engine, " UNION ".join(
        f"SELECT {column} FROM {table} WHERE case_no IN {_in('cases')}"
        for table, column in CASE_ENTITIES))
    _entities(engine, found)
    cases = found["cases"] | _values(engine, " UNION ".join([
        f"SELECT case_no FROM actions WHERE target_id IN (SELECT v FROM {KEYS}_assets)", *(
            f"SELECT case_no FROM {table} WHERE {column} IN {_in('subjects')}"
            for table, column in CASE_ENTITIES)]))
    _put(engine, "cases", "case_no", cases)
    cases |= _values(engine, f"""SELECT original_case_no FROM cases WHERE case_no IN
        {_in('cases')} UNION SELECT case_no FROM cases WHERE original_case_no IN {_in('cases')}""")
    keys = case_keys(engine, cases)
    keys.subjects |= found["entities"]
    return keys


def put_keys(engine: Engine, keys: Affected) -> None:
    """``keys`` as the tables ``<KEYS>_cases`` and ``<KEYS>_subjects`` rules are scoped by."""
    _put(engine, "cases", "case_no", keys.cases)
    _put(engine, "subjects", "subject_id", keys.subjects)


def close(keys: Affected, pairs: Iterable[tuple[str | None, str | None]]) -> bool:
    """Add the subject of every lead on an affected case and the case of every lead on an
    affected subject, until nothing is added; whether anything was."""
    pairs = list(pairs)
    grew = False
    while True:
        before = len(keys.cases) + len(keys.subjects)
        for case_no, subject_id in pairs:
            if keys.contains(case_no, subject_id):
                keys.cases.update([case_no] if case_no else [])
                keys.subjects.update([subject_id] if subject_id else [])
        if len(keys.cases) + len(keys.subjects) == before:
            return grew
        grew = True


def case_keys(engine: Engine, cases: Iterable[str]) -> Affected:
    """The keys of ``cases``: those cases and every party and judge of them (what a scoped
    screen of a few cases, e.g. the cases petitions name, must re-screen)."""
    cases = set(cases)
    _put(engine, "cases", "case_no", cases)
    subjects = _values(engine, f"""SELECT id_no_entity FROM parties WHERE case_no IN
        {_in('cases')} UNION SELECT judge FROM cases WHERE case_no IN {_in('cases')}""")
    return Affected(cases, subjects)
