"""Extracted court documents (the ``documents`` table): the 终本 ruling of every 终本 case, as
``zhongben extract`` would read it. Background rulings state the property search, tell the
applicant of the right to resume and cite the article numbers in force on the ruling date."""

from __future__ import annotations

import hashlib

import numpy as np

from zhongben.synth.cases import TERMINATED
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame, filled

RULING = "终结本次执行程序裁定书"
SEARCHES = "网络查控;存款;车辆;不动产;证券;股权;公积金;保险"


def citations(ruled_on: np.ndarray) -> np.ndarray:
    """The articles a correct ruling cites on that date (民诉法 终结执行 and 民诉法解释 终本)."""
    law = np.where(
        ruled_on < np.datetime64("2022-01-01"),
        "民事诉讼法第257条",
        np.where(ruled_on < np.datetime64("2024-01-01"), "民事诉讼法第264条", "民事诉讼法第268条"),
    )
    interp = np.where(
        ruled_on < np.datetime64("2021-01-01"), "民诉法解释第519条", "民诉法解释第517条"
    )
    return np.char.add(np.char.add(law.astype(str), ";"), interp.astype(str)).astype(object)


def doc_ids(case_no: np.ndarray, kind: str = RULING) -> np.ndarray:
    return np.array(
        [f"{c}-{hashlib.sha1(f'{c}|{kind}'.encode()).hexdigest()[:12]}" for c in case_no],
        dtype=object,
    )


def rulings(cases: Frame) -> Frame:
    """One clean 终本 ruling per case row given (cases columns as in the contract)."""
    n = len(cases["case_no"])
    ruled = cases["closed_on"].astype("datetime64[D]")
    paid = np.nan_to_num(cases["paid_amount"].astype(float))
    files = np.array([f"{c}终本裁定.pdf" for c in cases["case_no"]], dtype=object)
    return {
        "doc_id": doc_ids(cases["case_no"]),
        "case_no": cases["case_no"],
        "doc_no": cases["case_no"],
        "kind": filled(n, RULING),
        "title": filled(n, "执行裁定书"),
        "court": cases["court"],
        "ruled_on": ruled,
        "filed_on": cases["filed_on"],
        "closed_on": cases["closed_on"],
        "basis_no": cases["basis_no"],
        "claim_amount": cases["claim_amount"],
        "paid_amount": paid,
        "outstanding_amount": cases["claim_amount"].astype(float) - paid,
        "states_property_search": filled(n, "是"),
        "searches": filled(n, SEARCHES),
        "restricts_consumption": filled(n, "是"),
        "lists_dishonest": filled(n, "否"),
        "informs_resume_right": filled(n, "是"),
        "cited_articles": citations(ruled),
        "source_file": files,
        "pages": np.full(n, 3.0),
        "method": filled(n, "text-pdf"),
        "confidence": np.full(n, 0.98),
    }


def background_rulings(factory: Factory, cases: Frame) -> None:
    """Rulings of every 终本 case that no plant gave its own document."""
    own = factory.documented
    mask = (cases["close_method"] == TERMINATED) & np.array(
        [c not in own for c in cases["case_no"]], dtype=bool
    )
    factory.world.add("documents", rulings({k: v[mask] for k, v in cases.items()}))
