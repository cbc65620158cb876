"""Demo organisations and accounts (derived from the courts in the data), and sample leads in the
leads.md shape for tests, screenshots and benchmarks when no screen has run."""

from __future__ import annotations

import hashlib
import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.store.accounts import add_org, add_user
from zhongben.store.models import Org
from zhongben.store.offices import procuratorate_for

DEMO_PASSWORD = "zhongben-demo"
# (username, display name, role, which org: "city" or the county's index)
DEMO_USERS: tuple[tuple[str, str, str, str], ...] = (
    ("jcg", "张检察官", "检察官", "0"),
    ("zl", "李助理", "检察官助理", "0"),
    ("fzr", "王主任", "部门负责人", "0"),
    ("jcz", "孙检察长", "检察长", "0"),
    ("mxgl", "周模型", "模型管理员", "0"),
    ("jcg2", "赵检察官", "检察官", "1"),
    ("sjcg", "陈检察官", "检察官", "city"),
    ("fxy", "刘分析员", "分析员", "city"),
    ("admin", "系统管理员", "管理员", "city"),
)
DEFAULT_COURTS = ("嵊州市人民法院", "新昌县人民法院")


def procuratorate_name(court: str) -> str:
    """The supervising procuratorate: from the national court table, else by the naming rule."""
    rule = court.replace("人民法院", "人民检察院") if "人民法院" in court else f"{court}检察院"
    return procuratorate_for(court, rule)


def seed_demo(session: Session, courts: list[str], city: str = "绍兴市") -> list[tuple[str, str]]:
    """Create a city office with one county procuratorate per court and the demo users.
    Returns (username, role) pairs; does nothing if organisations exist already."""
    if session.scalar(select(Org.id).limit(1)) is not None:
        return []
    courts = list(courts) or list(DEFAULT_COURTS)
    # Always two counties, so the demo shows one county not seeing the other's leads.
    courts += [c for c in DEFAULT_COURTS if c not in courts][: max(0, 2 - len(courts))]
    root = add_org(session, "3306", f"{city}人民检察院", "市级")
    counties = [add_org(session, f"3306{i:02d}", procuratorate_name(c), "县级", [c], root)
                for i, c in enumerate(courts, start=1)]
    made = []
    for username, name, role, where in DEMO_USERS:
        index = int(where) if where.isdigit() else None
        if index is not None and index >= len(counties):
            continue
        org = root if index is None else counties[index]
        add_user(session, username, DEMO_PASSWORD, role, org, name)
        made.append((username, role))
    return made


RULES = (
    ("ZB-01", "终本后仍有可供执行财产", "涉企带财终本", "high"),
    ("CC-01", "查封车辆仍在道路行驶", "车辆查封扣押", "high"),
    ("XG-01", "已履行完毕未解除限制", "信用修复", "medium"),
    ("XJ-01", "限高人员高消费出行", "涉赌博失信限高人员", "medium"),
    ("PM-01", "网络司法拍卖异常", "网络司法拍卖", "low"),
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
# Given-name characters: sample names as varied as a county's (two or three characters).
GIVEN = "建国明华伟芳娟敏静丽强磊军洋勇艳杰娜涛超秀霞平刚桂英文辉玲鹏飞斌红梅兰波宁"
GIVEN2 = "峰荣琴燕新成军海林亮云生志清慧婷晨浩宇凯嘉雪萍佳丹蕾倩"


def lead_key(rule_id: str, case_no: str | None, subject_id: str | None) -> str:
    text = f"{rule_id}|{case_no or ''}|{subject_id or ''}"
    return hashlib.sha1(text.encode()).hexdigest()


def sample_leads(count: int, courts: list[str], seed: int = 1,
                 as_of: date = date(2025, 6, 30)) -> list[dict[str, Any]]:
    """``count`` leads shaped exactly like the workspace's ``leads`` rows (docs/reference)."""
    rng = random.Random(seed)
    rows = [_sample(rng, i, courts or list(DEFAULT_COURTS), as_of) for i in range(count)]
    _score(rows)
    return rows


def _score(rows: list[dict[str, Any]]) -> None:
    """Scored as a screen scores (``leads.score``): the score is the product of its terms."""
    from zhongben.leads.model import Lead
    from zhongben.leads.score import score_leads

    leads = [Lead(r["rule_id"], r["case_no"], r["subject_id"], severity=r["severity"],
                  unpaid_amount=r["unpaid_amount"], livelihood=r["livelihood"],
                  evidence=r["evidence"], as_of=r["as_of"]) for r in rows]
    score_leads(leads)
    for row, lead in zip(rows, leads, strict=True):
        row["score"], row["score_terms"] = lead.score, lead.score_terms


def _name(i: int) -> str:
    first = GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
    second = GIVEN2[(i // (len(SURNAMES) * len(GIVEN))) % len(GIVEN2)] if i % 3 else ""
    return SURNAMES[i % len(SURNAMES)] + first + second


def _sample(rng: random.Random, i: int, courts: list[str], as_of: date) -> dict[str, Any]:
    rule_id, rule_name, family, severity = RULES[i % len(RULES)]
    court = courts[i % len(courts)]
    case_no = f"(2023)浙{683 + courts.index(court):04d}执{1000 + i}号"
    subject = f"33068319{70 + i % 30}0{1 + i % 9}0{1 + i % 9}{i % 10000:04d}"[:18]
    name = _name(i)
    unpaid = Decimal(rng.randrange(5_000, 2_000_000)).quantize(Decimal("0.01"))
    seen = datetime.combine(as_of, datetime.min.time()) - timedelta(days=i % 180)
    return {
        "lead_key": lead_key(rule_id, case_no, subject), "rule_id": rule_id, "rule_version": 1,
        "rule_name": rule_name, "family": family, "case_no": case_no, "subject_id": subject,
        "subject_name": name, "court": court, "court_code": f"浙{683 + courts.index(court):04d}",
        "severity": severity, "score": 0.0, "score_terms": [],
        "livelihood": i % 7 == 0, "unpaid_amount": unpaid,
        "explanation": f"案件{case_no}以终结本次执行程序结案后，被执行人{name}（{subject}）"
                       f"名下仍登记有车辆一辆（浙D{i % 100000:05d}），未履行金额{unpaid}元。",
        "legal_basis": [{"text": "《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第一条",
                         "status": "V"},
                        {"text": "《人民检察院民事诉讼监督规则》第一百零六条", "status": "S"},
                        {"text": "地方执行工作指引", "status": "U"}],
        "evidence": [{"table": "cases", "file": "cases.xlsx", "row": i + 2, "batch": 1,
                      "fields": {"case_no": case_no, "close_method": "终结本次执行程序"}},
                     {"table": "vehicles", "file": "vehicles.csv", "row": i + 2, "batch": 1,
                      "fields": {"plate": f"浙D{i % 100000:05d}", "owner_id": subject}}],
        "params": {"min_value": 10000}, "as_of": as_of - timedelta(days=i % 90),
        "found_version": 1, "found_as_of": as_of - timedelta(days=i % 90), "versions": [1],
        "screen_status": "active", "first_seen_at": seen, "updated_at": seen,
        "resolved_at": None,
    }
