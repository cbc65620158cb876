"""Clean enforcement cases: the case row, its parties and the judgment enforced.

"Clean" means no rule of ../shared/rules.md fires on it: see ``steps`` for the procedure and
docs/reference/synth-world.md for the invariants.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from zhongben.synth.bundle import Bundle
from zhongben.synth.dates import uniform_days
from zhongben.synth.frame import Frame, filled
from zhongben.synth.numbering import CaseNumbers

TERMINATED = "终结本次执行程序"
PAID = "执行完毕"
OTHER_CLOSES = ("终结执行", "驳回申请", "不予执行", "销案", "和解长期履行")
TERMINATED_REASON = (
    "经网络执行查控系统及现场调查，未发现被执行人有可供执行的财产，申请执行人亦不能提供财产线索，"
    "已对被执行人采取限制消费措施"
)
# (cause, share, log-normal mu, sigma of the claim in yuan)
CAUSES: tuple[tuple[str, float, float, float], ...] = (
    ("民间借贷纠纷", 0.30, 11.6, 1.0),
    ("买卖合同纠纷", 0.20, 11.8, 1.1),
    ("金融借款合同纠纷", 0.12, 12.6, 1.0),
    ("追索劳动报酬纠纷", 0.07, 9.9, 0.7),
    ("机动车交通事故责任纠纷", 0.07, 11.0, 0.9),
    ("信用卡纠纷", 0.06, 10.3, 0.8),
    ("租赁合同纠纷", 0.05, 10.8, 0.9),
    ("建设工程施工合同纠纷", 0.04, 12.8, 1.1),
    ("抚养费纠纷", 0.02, 9.6, 0.6),
    ("离婚后财产纠纷", 0.03, 11.3, 0.9),
    ("承揽合同纠纷", 0.04, 11.0, 0.9),
)


@dataclass
class CaseSpec:
    """n cases, one applicant and one debtor each (party frames: id, name, party_type, address,
    phone). ``method`` None = open at as_of."""

    court: np.ndarray
    court_code: np.ndarray
    cause: np.ndarray
    filed_on: np.ndarray
    closed_on: np.ndarray
    method: np.ndarray
    claim: np.ndarray
    paid: np.ndarray
    applicant: Frame
    debtor: Frame
    case_no: np.ndarray | None = None
    basis_no: np.ndarray | None = None
    judge: np.ndarray | None = None
    sued_on: np.ndarray | None = None  # filing date of the judgment enforced
    dishonest: np.ndarray | None = None  # 失信 for 终本 debtors (None: a random third)
    original_case_no: np.ndarray | None = None  # for 执恢 cases
    with_lawsuit: bool = True  # False when the judgment enforced is already in the world
    co_debtors: Frame | None = None  # further 被执行人 (guarantors …): party columns + "case"

    @property
    def n(self) -> int:
        return len(self.filed_on)


def draw_causes(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Causes in realistic proportions and log-normal claims (yuan, whole)."""
    shares = np.array([c[1] for c in CAUSES])
    pick = rng.choice(len(CAUSES), size=n, p=shares / shares.sum())
    mu = np.array([c[2] for c in CAUSES])[pick]
    sigma = np.array([c[3] for c in CAUSES])[pick]
    claim = np.round(np.exp(rng.normal(mu, sigma)), 0) + 500
    return np.array([c[0] for c in CAUSES], dtype=object)[pick], claim


def number_cases(spec: CaseSpec, rng: np.random.Generator, numbers: CaseNumbers) -> None:
    """Give the spec its 执 case numbers and the 民初 numbers of the judgments enforced."""
    if spec.case_no is None:
        spec.case_no = numbers.assign(spec.court_code, spec.filed_on, "执")
    if spec.basis_no is None:
        if spec.sued_on is None:
            spec.sued_on = lawsuit_filed_on(spec, rng)
        spec.basis_no = numbers.assign(spec.court_code, spec.sued_on, "民初")


def lawsuit_filed_on(spec: CaseSpec, rng: np.random.Generator) -> np.ndarray:
    return spec.filed_on - rng.integers(120, 540, spec.n)


def case_rows(
    spec: CaseSpec, rng: np.random.Generator, notice_on: np.ndarray, informed_on: np.ndarray
) -> Frame:
    n = spec.n
    assert spec.case_no is not None and spec.basis_no is not None
    reason = filled(n, None)
    reason[spec.method == TERMINATED] = TERMINATED_REASON
    return {
        "case_no": spec.case_no,
        "court": spec.court,
        "filed_on": spec.filed_on,
        "closed_on": spec.closed_on,
        "close_method": spec.method,
        "original_case_no": spec.original_case_no
        if spec.original_case_no is not None
        else filled(n, None),
        "basis_no": spec.basis_no,
        "cause": spec.cause,
        "claim_amount": spec.claim,
        "paid_amount": spec.paid,
        "judge": spec.judge if spec.judge is not None else filled(n, None),
        "close_reason": reason,
        "notice_on": notice_on,
        "report_order_on": notice_on,
        "applicant_informed_on": informed_on,
    }


def party_rows(spec: CaseSpec) -> Frame:
    both = {}
    for col in ("name", "party_type", "address", "phone"):
        both[col] = np.concatenate([spec.applicant[col], spec.debtor[col]])
    n = spec.n
    assert spec.case_no is not None
    rows = {
        "case_no": np.concatenate([spec.case_no, spec.case_no]),
        "role": np.concatenate([filled(n, "申请执行人"), filled(n, "被执行人")]),
        "id_no": np.concatenate([spec.applicant["id"], spec.debtor["id"]]),
        **both,
    }
    co = spec.co_debtors
    if co is None or not len(co["id"]):
        return rows
    extra = {
        "case_no": spec.case_no[co["case"]],
        "role": filled(len(co["id"]), "被执行人"),
        "id_no": co["id"],
        **{c: co[c] for c in ("name", "party_type", "address", "phone")},
    }
    return {c: np.concatenate([rows[c], extra[c]]) for c in rows}


def lawsuit_rows(spec: CaseSpec, rng: np.random.Generator) -> Frame:
    """The judgment enforced: filed months before, closed by 判决 or 调解 after > 30 days."""
    assert spec.basis_no is not None
    sued = spec.sued_on if spec.sued_on is not None else lawsuit_filed_on(spec, rng)
    latest = spec.filed_on - 20
    decided = uniform_days(rng, np.minimum(sued + 45, latest), np.minimum(sued + 240, latest))
    mediated = rng.random(spec.n) < 0.3
    return {
        "case_no": spec.basis_no,
        "cause": spec.cause,
        "plaintiff_name": spec.applicant["name"],
        "plaintiff_id": spec.applicant["id"],
        "defendant_name": spec.debtor["name"],
        "defendant_id": spec.debtor["id"],
        "filed_on": sued,
        "closed_on": decided,
        "close_method": np.where(mediated, "调解", "判决").astype(object),
        "amount": spec.claim,
    }


def build(
    spec: CaseSpec, rng: np.random.Generator, numbers: CaseNumbers, as_of: np.datetime64
) -> Bundle:
    """All rows of clean cases: cases, parties, lawsuits, actions, restrictions, payments."""
    from zhongben.synth.steps import procedure

    number_cases(spec, rng, numbers)
    bundle = Bundle()
    notice_on, informed_on = procedure(spec, rng, as_of, bundle)
    bundle.add("cases", case_rows(spec, rng, notice_on, informed_on))
    bundle.add("parties", party_rows(spec))
    if spec.with_lawsuit:
        bundle.add("lawsuits", lawsuit_rows(spec, rng))
    return bundle
