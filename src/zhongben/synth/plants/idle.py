"""I. 期限与消极执行 (QX-01): open cases left idle."""

from __future__ import annotations

import numpy as np

from zhongben.synth.dates import add_months
from zhongben.synth.factory import Factory
from zhongben.synth.plants.base import Planted, make_case


def plant(f: Factory) -> None:
    for i in range(f.config.plants_per_rule):
        _qx01(f, i)


def _quiet_since(p: Planted, last: np.datetime64) -> None:
    """Drop every action after ``last``; the last act is a 现场调查 on ``last``."""
    p.bundle.edit("actions", lambda rows: [r for r in rows if r["acted_on"] < last])
    p.act("现场调查", last, result="被执行人下落不明")


def _qx01(f: Factory, i: int) -> None:
    p = make_case(f, None, f.day(-260 - 9 * i))
    _quiet_since(p, f.day(-91 - 5 * i))
    p.commit()
    f.world.plant("QX-01", p.case_no, None)
    if i % 2 == 0:
        q = make_case(f, None, f.day(-260 - 9 * i))
        _quiet_since(q, f.day(-90))
        what = "last act exactly 90 days before as_of"
    else:
        filed = add_months(np.array([f.as_of]), -6)[0]
        if add_months(np.array([filed]), 6)[0] < f.as_of:  # month-end clipping
            filed = filed + 1
        q = make_case(f, None, filed)
        _quiet_since(q, filed + 20)
        what = "filed (at the latest) six months before as_of"
    q.commit()
    f.world.near_miss("QX-01", q.case_no, None, what)
