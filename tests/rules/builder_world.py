"""A small world for the rule builder's tests: three 终本 cases of one court, their debtors, and
rows each condition kind finds (or just misses)."""

from __future__ import annotations

import datetime as dt
from typing import Any

AS_OF = dt.date(2024, 6, 30)
COURT = "嵊州市人民法院"
A, B, C = "(2023)浙0683执100号", "(2023)浙0683执101号", "(2023)浙0683执102号"
DA, DB, DC = "330683199001011234", "330683198502023456", "330683197703035678"
CLOSED = dt.date(2023, 6, 30)


def world() -> dict[str, list[dict[str, Any]]]:
    cases = [{"case_no": no, "court": COURT, "filed_on": dt.date(2023, 1, 5), "closed_on": CLOSED,
              "close_method": "终结本次执行程序"} for no in (A, B, C)]
    cases.append({"case_no": "(2023)浙0683执103号", "court": "新昌县人民法院",
                  "filed_on": dt.date(2023, 1, 5), "closed_on": CLOSED,
                  "close_method": "终结本次执行程序"})
    parties = [{"case_no": no, "role": "被执行人", "name": name, "id_no": debtor}
               for no, name, debtor in ((A, "张三", DA), (B, "李四", DB), (C, "王五", DC))]
    parties.append({"case_no": "(2023)浙0683执103号", "role": "被执行人", "name": "赵六",
                    "id_no": DA})
    return {
        "cases": cases,
        "parties": parties,
        "vehicles": [  # A buys a car after 终本; B sold one on the 终本 date
            {"plate": "浙D12345", "owner_id": DA, "registered_on": dt.date(2023, 9, 1)},
            {"plate": "浙D54321", "owner_id": DB, "registered_on": dt.date(2020, 1, 1),
             "transferred_on": CLOSED},
        ],
        "bank_accounts": [{"account_no": "6222001", "bank": "农行", "holder_name": "李四",
                           "holder_id": DB}],
        "transactions": [
            {"account_no": "6222001", "txn_at": dt.datetime(2023, 8, 1, 10, 0), "amount": 80000,
             "direction": "out", "counterparty_name": "某某"},
            {"account_no": "6222001", "txn_at": dt.datetime(2023, 8, 2, 10, 0), "amount": 49999,
             "direction": "out", "counterparty_name": "某某"},
        ],
        "travel": [
            {"person_id": DC, "mode": "航班", "travelled_on": dt.date(2023, 7, 20),
             "origin": "杭州", "destination": "三亚", "carrier_no": "MU5301"},
            {"person_id": DA, "mode": "铁路", "travelled_on": dt.date(2023, 12, 20),
             "carrier_no": "G7501"},
        ],
        "restrictions": [  # A restricted from 2023-10-01: A's December train is during it
            {"subject_id": DA, "name": "张三", "kind": "限制消费", "case_no": A,
             "start_on": dt.date(2023, 10, 1)},
        ],
        "actions": [
            {"case_no": A, "action": "网络查控", "acted_on": dt.date(2023, 3, 1)},
            {"case_no": B, "action": "网络查控", "acted_on": dt.date(2023, 3, 1)},
            {"case_no": C, "action": "网络查控", "acted_on": dt.date(2023, 7, 1)},
        ],
    }
