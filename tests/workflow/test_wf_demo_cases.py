"""``draft_cases``: the load benchmark's cases, opened from a user's office's leads through the
workflow services, each investigated with a 检察建议书 draft (SQLite; PostgreSQL too)."""

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.models import Document, Lead, Matter
from zhongben.store.testing import actor_of
from zhongben.workflow.demo_story import draft_cases


def test_cases_are_opened_with_a_draft_each(seeded: sessionmaker[Session]) -> None:
    assert draft_cases(seeded, "jcg", 3) == 3
    assert draft_cases(seeded, "jcg", 2) == 2  # the next best leads, not the same ones again
    assert draft_cases(seeded, "nobody", 2) == 0
    with seeded.begin() as s:
        office = actor_of(s, "jcg").org_id
        matters = list(s.scalars(select(Matter)))
        assert len(matters) == 5 and {m.org_id for m in matters} == {office}
        assert {m.state for m in matters} == {"investigating"}
        documents = list(s.scalars(select(Document)))
        assert sorted(d.matter_id for d in documents) == sorted(m.id for m in matters)
        assert {(d.kind, d.status) for d in documents} == {("检察建议书", "draft")}
        in_cases = s.scalars(select(Lead.matter_id).where(Lead.matter_id.is_not(None))).all()
        assert sorted(in_cases) == sorted(m.id for m in matters)
