"""The enforcement procedure of clean cases: notice, searches, restrictions, payments, closure,
post-closure checks. Every step a rule requires is present and in time."""

from __future__ import annotations

import numpy as np

from zhongben.synth.bundle import Bundle, actions
from zhongben.synth.cases import PAID, TERMINATED, CaseSpec
from zhongben.synth.dates import add_months, uniform_days

CATEGORIES = ("存款", "车辆", "不动产", "证券", "股权", "公积金", "保险")
NO_PROPERTY = "无财产"


def procedure(
    spec: CaseSpec, rng: np.random.Generator, as_of: np.datetime64, bundle: Bundle
) -> tuple[np.ndarray, np.ndarray]:
    """Adds actions, restrictions and payments; returns (notice_on, applicant_informed_on)."""
    n, f = spec.n, spec.filed_on
    open_ = spec.method == None  # noqa: E711 (object array comparison)
    end = np.where(open_, as_of, spec.closed_on)  # last day steps may happen
    span = np.maximum((end - f).astype(np.int64), 1)
    notice = f + np.minimum(rng.integers(1, 11, n), span)
    searched = f + np.minimum(rng.integers(2, 21, n), span)
    _searches(spec, searched, bundle)
    terminated = spec.method == TERMINATED
    restricted = terminated | (open_ & (span > 30))
    banned_on = f + np.minimum(rng.integers(5, 31, n), span)
    _consumption_bans(spec, rng, restricted, banned_on, bundle)
    _dishonest(spec, rng, terminated, f, span, as_of, bundle)
    _paid_cases(spec, rng, bundle)
    _partial_payments(spec, rng, terminated, bundle)
    informed = np.where(
        terminated, spec.closed_on - rng.integers(0, 11, n), np.datetime64("NaT", "D")
    )
    informed = np.maximum(informed, searched)
    _post_closure_checks(spec, rng, terminated, as_of, bundle)
    _keep_open_cases_active(spec, rng, open_, as_of, bundle)
    return notice, informed


def _searches(spec: CaseSpec, searched: np.ndarray, bundle: Bundle) -> None:
    """网络查控 of every category for every debtor (target_id = the debtor searched)."""
    assert spec.case_no is not None
    case_no, day, who = spec.case_no, searched, spec.debtor["id"]
    co = spec.co_debtors
    if co is not None and len(co["id"]):
        case_no = np.concatenate([case_no, spec.case_no[co["case"]]])
        day = np.concatenate([day, searched[co["case"]]])
        who = np.concatenate([who, co["id"]])
    for category in CATEGORIES:
        bundle.add(
            "actions",
            actions(
                case_no, "网络查控", day, target_type=category, target_id=who, result=NO_PROPERTY
            ),
        )


def _restriction(
    spec: CaseSpec,
    mask: np.ndarray,
    kind: str,
    start: np.ndarray,
    end: np.ndarray | None,
    ground: np.ndarray | None = None,
) -> dict:
    n = int(mask.sum())
    assert spec.case_no is not None
    return {
        "subject_id": spec.debtor["id"][mask],
        "name": spec.debtor["name"][mask],
        "kind": np.full(n, kind, dtype=object),
        "case_no": spec.case_no[mask],
        "start_on": start[mask],
        "end_on": end[mask] if end is not None else np.full(n, np.datetime64("NaT", "D")),
        "ground": ground[mask].astype(float) if ground is not None else np.full(n, np.nan),
    }


def _consumption_bans(
    spec: CaseSpec, rng: np.random.Generator, mask: np.ndarray, start: np.ndarray, bundle: Bundle
) -> None:
    assert spec.case_no is not None
    bundle.add("actions", actions(spec.case_no[mask], "限制消费", start[mask]))
    bundle.add("restrictions", _restriction(spec, mask, "限制消费", start, None))
    co = spec.co_debtors
    if co is not None and len(co["id"]):  # every debtor of a restricted case is banned
        hit = mask[co["case"]]
        k = int(hit.sum())
        bundle.add(
            "restrictions",
            {
                "subject_id": co["id"][hit],
                "name": co["name"][hit],
                "kind": np.full(k, "限制消费", dtype=object),
                "case_no": spec.case_no[co["case"][hit]],
                "start_on": start[co["case"][hit]],
            },
        )


def _dishonest(
    spec: CaseSpec,
    rng: np.random.Generator,
    terminated: np.ndarray,
    f: np.ndarray,
    span: np.ndarray,
    as_of: np.datetime64,
    bundle: Bundle,
) -> None:
    """失信 for a third of 终本 debtors: ground 1 (no term) or a 2-year ground removed on time."""
    assert spec.case_no is not None
    n = spec.n
    chosen = rng.random(n) < 0.33 if spec.dishonest is None else spec.dishonest
    mask = terminated & chosen & (span > 25)
    start = f + np.minimum(rng.integers(20, 61, n), span - 1)
    ground = np.where(rng.random(n) < 0.8, 1, rng.choice([2, 3, 4, 5, 6], n))
    expiry = add_months(start, 24)
    end = np.where((ground > 1) & (expiry <= as_of), expiry, np.datetime64("NaT", "D"))
    bundle.add("actions", actions(spec.case_no[mask], "纳入失信", start[mask]))
    removed = mask & ~np.isnat(end)
    bundle.add("actions", actions(spec.case_no[removed], "删除失信", end[removed]))
    bundle.add("restrictions", _restriction(spec, mask, "失信", start, end, ground))


def _paid_cases(spec: CaseSpec, rng: np.random.Generator, bundle: Bundle) -> None:
    """执行完毕: the claim arrives, is paid out to the applicant within 20 days, case closes."""
    assert spec.case_no is not None
    mask = spec.method == PAID
    n = int(mask.sum())
    closed = spec.closed_on[mask]
    f = spec.filed_on[mask]
    received = np.maximum(closed - rng.integers(5, 31, n), f + 3)
    paid_out = np.minimum(received + rng.integers(1, 21, n), closed)
    bundle.add(
        "payments",
        {
            "case_no": spec.case_no[mask],
            "received_on": received,
            "amount": spec.claim[mask],
            "paid_out_on": paid_out,
            "payee_name": spec.applicant["name"][mask],
            "payee_id": spec.applicant["id"][mask],
        },
    )
    # some paid debtors had been banned from consumption; the ban is lifted within 5 days
    banned = rng.random(n) < 0.4
    start = f + rng.integers(5, 15, n)
    banned &= start < received
    lifted = closed + rng.integers(0, 6, n)
    sub = np.flatnonzero(mask)[banned]
    bundle.add("actions", actions(spec.case_no[sub], "限制消费", start[banned]))
    bundle.add("actions", actions(spec.case_no[sub], "解除限制消费", lifted[banned]))
    sel = np.zeros(spec.n, dtype=bool)
    sel[sub] = True
    full_start = np.full(spec.n, np.datetime64("NaT", "D"))
    full_end = full_start.copy()
    full_start[sub], full_end[sub] = start[banned], lifted[banned]
    bundle.add("restrictions", _restriction(spec, sel, "限制消费", full_start, full_end))


def _partial_payments(
    spec: CaseSpec, rng: np.random.Generator, terminated: np.ndarray, bundle: Bundle
) -> None:
    """Some 终本 debtors paid part of the claim before closure; paid out within 20 days."""
    assert spec.case_no is not None
    mask = terminated & (spec.paid > 0)
    f, c = spec.filed_on[mask], spec.closed_on[mask]
    received = uniform_days(rng, f + 10, c - 30)
    bundle.add(
        "payments",
        {
            "case_no": spec.case_no[mask],
            "received_on": received,
            "amount": spec.paid[mask],
            "paid_out_on": received + rng.integers(1, 21, int(mask.sum())),
            "payee_name": spec.applicant["name"][mask],
            "payee_id": spec.applicant["id"][mask],
        },
    )


def _post_closure_checks(
    spec: CaseSpec,
    rng: np.random.Generator,
    terminated: np.ndarray,
    as_of: np.datetime64,
    bundle: Bundle,
) -> None:
    """终本后财产查询 every six months (a few days early at most) up to as_of."""
    assert spec.case_no is not None
    idx = np.flatnonzero(terminated)
    closed = spec.closed_on[idx]
    for k in range(1, 14):
        due = add_months(closed, 6 * k) - rng.integers(0, 16, len(idx))
        ok = due <= as_of
        if not ok.any():
            break
        bundle.add(
            "actions", actions(spec.case_no[idx[ok]], "终本后财产查询", due[ok], result=NO_PROPERTY)
        )


def _keep_open_cases_active(
    spec: CaseSpec,
    rng: np.random.Generator,
    open_: np.ndarray,
    as_of: np.datetime64,
    bundle: Bundle,
) -> None:
    """Open cases older than 150 days had a recent act (no 消极执行 in the background)."""
    assert spec.case_no is not None
    old = open_ & ((as_of - spec.filed_on).astype(np.int64) > 150)
    when = as_of - rng.integers(1, 61, spec.n)
    bundle.add(
        "actions", actions(spec.case_no[old], "现场调查", when[old], result="未发现可供执行财产")
    )
