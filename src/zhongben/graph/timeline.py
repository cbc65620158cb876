"""Every record about one entity on one timeline (画像的时间线): cases it is a party to, the
registries (vehicles, real estate, shareholdings, companies it represents, insurance, restrictions),
travel, payments and auctions of its enforcement cases, and its bank statements month by month —
each event with the stored row it comes from. Read through the engine protocol on entity ids."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from zhongben.engine.base import Engine

SUBJECT = "zb_profile_subject"
_ME = f"(SELECT s.entity_id FROM {SUBJECT} AS s)"
_CASES = f"(SELECT p.case_no FROM parties AS p WHERE p.id_no_entity IN {_ME})"


@dataclass(frozen=True)
class Event:
    on: dt.date
    kind: str  # 案件 / 登记 / 出行 / 执行款 / 拍卖 / 流水 / 限制
    text: str
    table: str
    file: str | None
    row: int | None


# Each query: on, kind, text, table, file, row — up to the as-of date ($day).
QUERIES = (
    f"""SELECT c.filed_on, '案件', CONCAT('立案 ', c.case_no, '（', p.role, '）',
        COALESCE(CONCAT(' 标的 ', CAST(c.claim_amount AS VARCHAR), ' 元'), '')),
        'cases', c._file, c._row FROM cases AS c JOIN parties AS p ON p.case_no = c.case_no
        WHERE p.id_no_entity IN {_ME} AND c.filed_on IS NOT NULL""",
    f"""SELECT c.closed_on, '案件', CONCAT('结案 ', c.case_no, ' ', COALESCE(c.close_method, ''),
        ' 已执行 ', COALESCE(CAST(c.paid_amount AS VARCHAR), '0'), ' 元'), 'cases', c._file, c._row
        FROM cases AS c WHERE c.case_no IN {_CASES} AND c.closed_on IS NOT NULL""",
    f"""SELECT x.start_on, '限制', CONCAT(x.kind, ' ', COALESCE(x.case_no, '')), 'restrictions',
        x._file, x._row FROM restrictions AS x WHERE x.subject_id_entity IN {_ME}""",
    f"""SELECT x.registered_on, '登记', CONCAT('车辆登记 ', COALESCE(x.plate, ''), ' ',
        COALESCE(x.model, '')), 'vehicles', x._file, x._row FROM vehicles AS x
        WHERE x.owner_id_entity IN {_ME}""",
    f"""SELECT x.transferred_on, '登记', CONCAT('车辆转出 ', COALESCE(x.plate, '')), 'vehicles',
        x._file, x._row FROM vehicles AS x WHERE x.owner_id_entity IN {_ME}""",
    f"""SELECT x.acquired_on, '登记', CONCAT('不动产登记 ', COALESCE(x.address, x.unit_no, '')),
        'real_estate', x._file, x._row FROM real_estate AS x WHERE x.owner_id_entity IN {_ME}""",
    f"""SELECT x.disposed_on, '登记', CONCAT('不动产处分 ', COALESCE(x.address, x.unit_no, '')),
        'real_estate', x._file, x._row FROM real_estate AS x WHERE x.owner_id_entity IN {_ME}""",
    f"""SELECT x.from_on, '登记', CONCAT('持股 ', COALESCE(x.company_uscc, '')), 'shareholdings',
        x._file, x._row FROM shareholdings AS x WHERE x.holder_id_entity IN {_ME}""",
    f"""SELECT x.established_on, '登记', CONCAT('任法定代表人的企业成立 ', COALESCE(x.name, '')),
        'companies', x._file, x._row FROM companies AS x
        WHERE x.legal_rep_id_entity IN {_ME} OR x.uscc_entity IN {_ME}""",
    f"""SELECT x.start_on, '登记', CONCAT('投保 ', COALESCE(x.insurer, ''), ' ',
        COALESCE(x.product_type, '')), 'insurance_policies', x._file, x._row
        FROM insurance_policies AS x WHERE x.holder_id_entity IN {_ME}""",
    f"""SELECT x.travelled_on, '出行', CONCAT(COALESCE(x.mode, ''), ' ', COALESCE(x.seat_class, ''),
        ' ', COALESCE(x.origin, ''), '—', COALESCE(x.destination, '')), 'travel', x._file, x._row
        FROM travel AS x WHERE x.person_id_entity IN {_ME}""",
    f"""SELECT x.received_on, '执行款', CONCAT('执行款到账 ', CAST(x.amount AS VARCHAR), ' 元 ',
        x.case_no), 'payments', x._file, x._row FROM payments AS x WHERE x.case_no IN {_CASES}""",
    f"""SELECT COALESCE(x.ended_on, x.announced_on), '拍卖',
        CONCAT('拍卖 ', COALESCE(x.item_type, ''), ' 第', CAST(x.round AS VARCHAR), '轮 ',
        COALESCE(x.status, '')),
        'auctions', x._file, x._row
        FROM auctions AS x WHERE x.case_no IN {_CASES}""",
    f"""SELECT CAST(date_trunc('month', t.txn_at) AS DATE), '流水',
        CONCAT(a.bank, ' 本月流入 ', CAST(ROUND(SUM(CASE WHEN t.direction = 'in'
        THEN ABS(t.amount) ELSE 0 END), 2) AS VARCHAR), ' 元，流出 ',
        CAST(ROUND(SUM(CASE WHEN t.direction = 'out' THEN ABS(t.amount) ELSE 0 END), 2)
        AS VARCHAR), ' 元，', CAST(COUNT(*) AS VARCHAR), ' 笔'), 'transactions',
        MIN(t._file), MIN(t._row)
        FROM transactions AS t JOIN bank_accounts AS a ON a.account_no = t.account_no
        WHERE a.holder_id_entity IN {_ME}
        GROUP BY date_trunc('month', t.txn_at), a.bank, a.account_no""",
)


_AMOUNT = re.compile(r"(-?\d+(?:\.\d+)?) 元")


def yuan(value: float) -> str:
    """An amount as users read it: ``1,234.50 元``."""
    return f"{value:,.2f} 元"


def _amounts(text: str) -> str:
    return _AMOUNT.sub(lambda m: yuan(float(m.group(1))), " ".join(text.split()))


def put_subject(engine: Engine, subject: str) -> None:
    engine.put(SUBJECT, pa.table({"entity_id": pa.array([subject], pa.string())}))


def timeline(engine: Engine, subject: str, as_of: dt.date) -> list[Event]:
    """Every dated record about ``subject`` up to ``as_of``, oldest first."""
    put_subject(engine, subject)
    events: set[Event] = set()
    for sql in QUERIES:
        rows: list[tuple[Any, ...]] = engine.fetch(sql)[1]
        for on, kind, text, table, file, row in rows:
            day = on.date() if isinstance(on, dt.datetime) else on
            if isinstance(day, dt.date) and day <= as_of:
                events.add(Event(day, str(kind), _amounts(str(text)), str(table),
                                 file, row))
    return sorted(events, key=lambda e: (e.on, e.kind, e.text))
