"""L. 文书审查 (WS-01 … WS-03): the 终本 ruling of a clean 终本 case, read by extraction."""

from __future__ import annotations

import numpy as np

from zhongben.synth.documents import rulings
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Row
from zhongben.synth.plants.base import TERMINATED as ZB
from zhongben.synth.plants.base import Planted, make_case, terminated


def plant(f: Factory) -> None:
    for i in range(f.config.plants_per_rule):
        _ws01(f, i)
        _ws02(f, i)
        _ws03(f, i)


def _ruling(p: Planted, **changes: object) -> Row:
    cases = p.bundle.rows("cases")[0]
    frame = {
        k: np.array([v], dtype=object if isinstance(v, str | None) else None)
        for k, v in cases.items()
    }
    frame["closed_on"] = np.array([p.closed], dtype="datetime64[D]")
    frame["filed_on"] = np.array([p.filed], dtype="datetime64[D]")
    frame["claim_amount"] = np.array([float(cases["claim_amount"])])
    frame["paid_amount"] = np.array([float(cases["paid_amount"] or 0)])
    row = {k: v[0] for k, v in rulings(frame).items()}
    return {**row, **changes}


def _commit(f: Factory, p: Planted, doc: Row) -> None:
    p.commit()
    f.world.add_rows("documents", [doc])
    f.documented.add(p.case_no)


def _ws01(f: Factory, i: int) -> None:
    p = terminated(f, 640 + 4 * i, 280)
    _commit(f, p, _ruling(p, states_property_search="否", searches=None))
    f.world.plant("WS-01", p.case_no, None)
    q = terminated(f, 640 + 4 * i, 280)
    _commit(f, q, _ruling(q, searches="网络查控"))
    f.world.near_miss("WS-01", q.case_no, None, "states only the online search")


def _ws02(f: Factory, i: int) -> None:
    p = terminated(f, 660 + 4 * i, 280)
    _commit(f, p, _ruling(p, informs_resume_right="否"))
    f.world.plant("WS-02", p.case_no, None)
    q = terminated(f, 660 + 4 * i, 280)
    _commit(f, q, _ruling(q))
    other = _ruling(
        q,
        kind="终结执行裁定书",
        informs_resume_right="否",
        doc_id=f"{q.case_no}-notice",
        doc_no=f"{q.case_no}之一",
    )
    f.world.add_rows("documents", [other])
    f.world.near_miss("WS-02", q.case_no, None, "the silent document is not the 终本 ruling")


def _ws03(f: Factory, i: int) -> None:
    p = terminated(f, 900 + 5 * i, 300)
    _commit(
        f,
        p,
        _ruling(
            p,
            cited_articles="民事诉讼法第264条;民诉法解释第519条"
            if p.closed >= np.datetime64("2022-01-01")
            else "民事诉讼法第257条;民诉法解释第519条",
        ),
    )
    f.world.plant("WS-03", p.case_no, None)
    eve = np.datetime64("2020-12-31")
    q = make_case(f, ZB, eve - 250 - i, eve)
    _commit(f, q, _ruling(q, cited_articles="民事诉讼法第257条;民诉法解释第519条"))
    f.world.near_miss("WS-03", q.case_no, None, "old number cited the day before it changed")
