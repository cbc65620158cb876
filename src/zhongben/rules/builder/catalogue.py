"""The condition kinds of the no-code rule builder, as data: each kind's sources (which contract
table, which of its columns) are fixed here and chosen by key from a dropdown; the user supplies
only typed values (an amount, a number of days, a choice from a list), which become the rule's
declared parameters. Nothing a user types becomes SQL text.

Every fragment below is written by us from these constants; ``{k}`` is the condition's table
alias (``k1`` …) and ``{n}`` its number, so parameter names are unique per condition.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The debtor row of a case every condition hangs on (parties p, cases c).
DEBTOR = "p.id_no_entity"


@dataclass(frozen=True)
class Source:
    """One choosable source of a condition kind."""

    key: str
    label: str  # 中文, shown in the dropdown
    table: str
    joins: tuple[str, ...]  # JOIN … ON … fragments ({k} alias, {n} number)
    fact: str  # SQL for the fact column describing what was found
    fact_label: str  # 中文 in the explanation before the fact
    evidence: tuple[str, ...]  # zb_evidence(...) select items
    tables: dict[str, tuple[str, ...]]  # what the fragments read
    # table -> filter of the rows a test needs for one lead ({case}, {subject} literals)
    related: dict[str, str] = field(default_factory=dict)


def _asset(key: str, label: str, table: str, ident: str, owner: str, start: str,
           end: str | None, held: bool) -> Source:
    owner_entity = f"{owner}_entity"
    if held:  # held on some day after 终本: acquired before or after, not disposed by then
        when = f"({{k}}.{end} IS NULL OR {{k}}.{end} > c.closed_on)" if end else "TRUE"
        verb = "终本后仍持有"
    else:
        when = f"{{k}}.{start} > c.closed_on"
        verb = "终本后登记取得"
    return Source(
        key, f"{label}（{verb}）", table,
        (f"JOIN {table} AS {{k}} ON {{k}}.{owner_entity} = {DEBTOR} AND {when}",),
        f"CONCAT('{label}', {{k}}.{ident}, '（', CAST({{k}}.{start} AS VARCHAR), '登记）')",
        verb,
        (f"zb_evidence({{k}}, {ident}, {owner}, {start}" + (f", {end})" if end else ")"),),
        {table: (ident, owner, start, *((end,) if end else ()), owner_entity)},
        {table: f"{owner_entity} = {{subject}}"},
    )


ASSET_SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        _asset("vehicles_new", "车辆", "vehicles", "plate", "owner_id", "registered_on",
               "transferred_on", held=False),
        _asset("vehicles_held", "车辆", "vehicles", "plate", "owner_id", "registered_on",
               "transferred_on", held=True),
        _asset("real_estate_new", "不动产", "real_estate", "unit_no", "owner_id", "acquired_on",
               "disposed_on", held=False),
        _asset("real_estate_held", "不动产", "real_estate", "unit_no", "owner_id", "acquired_on",
               "disposed_on", held=True),
        _asset("shares_new", "股权", "shareholdings", "company_uscc", "holder_id", "from_on",
               "to_on", held=False),
        _asset("shares_held", "股权", "shareholdings", "company_uscc", "holder_id", "from_on",
               "to_on", held=True),
    )
}


def _bank(key: str, label: str, direction: str) -> Source:
    return Source(
        key, label, "transactions",
        (f"JOIN bank_accounts AS a{{n}} ON a{{n}}.holder_id_entity = {DEBTOR}",
         f"JOIN transactions AS {{k}} ON {{k}}.account_no = a{{n}}.account_no"
         f" AND CAST({{k}}.txn_at AS DATE) > c.closed_on AND {{k}}.direction = '{direction}'"
         f" AND {{k}}.amount >= :amount_{{n}}"),
        "CONCAT(CAST(CAST({k}.txn_at AS DATE) AS VARCHAR), '账户', {k}.account_no,"
        " '交易', CAST({k}.amount AS VARCHAR), '元')",
        f"终本后{label}",
        ("zb_evidence(a{n}, account_no, bank, holder_name, holder_id)",
         "zb_evidence({k}, account_no, txn_at, amount, direction, counterparty_name, summary)"),
        {"bank_accounts": ("account_no", "bank", "holder_name", "holder_id", "holder_id_entity"),
         "transactions": ("account_no", "txn_at", "amount", "direction", "counterparty_name",
                          "summary")},
        {"bank_accounts": "holder_id_entity = {subject}",
         "transactions": "account_no IN (SELECT account_no FROM bank_accounts"
                         " WHERE holder_id_entity = {subject})"},
    )


PAYMENT_SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        _bank("bank_out", "被执行人账户支出", "out"),
        _bank("bank_in", "被执行人账户收入", "in"),
        Source(
            "payments", "本案执行款到账", "payments",
            ("JOIN payments AS {k} ON {k}.case_no = c.case_no AND {k}.received_on > c.closed_on"
             " AND {k}.amount >= :amount_{n}",),
            "CONCAT(CAST({k}.received_on AS VARCHAR), '到账', CAST({k}.amount AS VARCHAR), '元')",
            "终本后执行款到账",
            ("zb_evidence({k}, case_no, received_on, amount)",),
            {"payments": ("case_no", "received_on", "amount")},
            {"payments": "case_no = {case}"},
        ),
    )
}

TRAVEL_MODES = ("任意", "航班", "铁路")
TRAVEL = Source(
    "travel", "出行记录", "travel",
    ("JOIN travel AS {k} ON {k}.person_id_entity = " + DEBTOR
     + " AND {k}.travelled_on > c.closed_on"
     " AND {k}.travelled_on <= zb_add_days(c.closed_on, :days_{n})"
     " AND (:mode_{n} = '任意' OR {k}.mode = :mode_{n})",),
    "CONCAT(CAST({k}.travelled_on AS VARCHAR), '乘坐', {k}.mode, COALESCE({k}.carrier_no, ''),"
    " '（', COALESCE({k}.origin, ''), '—', COALESCE({k}.destination, ''), '）')",
    "终本后出行",
    ("zb_evidence({k}, person_id, mode, travelled_on, seat_class, origin, destination,"
     " carrier_no)",),
    {"travel": ("person_id", "mode", "travelled_on", "seat_class", "origin", "destination",
                "carrier_no", "person_id_entity")},
    {"travel": "person_id_entity = {subject}"},
)

TRAVEL_RESTRICTED = Source(
    "travel_restricted", "限制消费期间的出行记录", "travel",
    ("JOIN restrictions AS r{n} ON r{n}.subject_id_entity = " + DEBTOR
     + " AND r{n}.kind = '限制消费'",
     "JOIN travel AS {k} ON {k}.person_id_entity = " + DEBTOR
     + " AND {k}.travelled_on > c.closed_on AND {k}.travelled_on >= r{n}.start_on"
     " AND (r{n}.end_on IS NULL OR {k}.travelled_on < r{n}.end_on)"
     " AND (:mode_{n} = '任意' OR {k}.mode = :mode_{n})"),
    TRAVEL.fact,
    "终本后限制消费期间出行",
    ("zb_evidence(r{n}, subject_id, name, kind, case_no, start_on, end_on)", *TRAVEL.evidence),
    {"restrictions": ("subject_id", "name", "kind", "case_no", "start_on", "end_on",
                      "subject_id_entity"), **TRAVEL.tables},
    {"restrictions": "subject_id_entity = {subject}", **TRAVEL.related},
)
TRAVEL_WINDOWS = {"after": "终本后 N 天内", "restricted": "终本后且在限制消费期间"}

# Steps a court should have taken in the case on or before the 终本 date (contract: actions.action)
STEPS = ("网络查控", "现场调查", "限制消费", "纳入失信", "搜查", "悬赏", "审计", "罚款", "拘留")
MISSING_STEP = Source(
    "missing_step", "终本前未采取的措施", "actions",
    (),
    "",
    "",
    (),
    {"actions": ("case_no", "action", "acted_on")},
    {"actions": "case_no = {case}"},
)
MISSING_STEP_WHERE = (
    "NOT EXISTS (SELECT 1 FROM actions AS {k} WHERE {k}.case_no = c.case_no"
    " AND {k}.action = :step_{n} AND {k}.acted_on <= c.closed_on)"
)

POPULATION_TABLES: dict[str, tuple[str, ...]] = {
    "cases": ("case_no", "court", "closed_on", "close_method"),
    "parties": ("case_no", "role", "name", "id_no", "id_no_entity"),
}
POPULATION_RELATED = {
    "cases": "case_no = {case}",
    "parties": "case_no = {case} AND role = '被执行人' AND id_no_entity = {subject}",
}
