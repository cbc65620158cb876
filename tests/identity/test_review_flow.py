"""From resolution to the reviewer and back, with the real workspace and application database:
screening marks the leads resting on Tier-B links, publishing copies them and the review band,
a reviewer's 是同一人 makes the next resolution keep the link as reviewed (tier R)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from identity.conftest import AS_OF, copy_of
from zhongben.identity.resolve import ResolveReport
from zhongben.store.db import open_database
from zhongben.store.identity import decide_pair, pending_links
from zhongben.store.models import EntityPair, LeadIdentity
from zhongben.store.setup import prepare_demo
from zhongben.store.testing import actor_of

pytestmark = pytest.mark.slow


def test_screen_publish_review_resolve(resolved: tuple[Path, ResolveReport],
                                       tmp_path: Path) -> None:
    ws = copy_of(resolved[0], tmp_path)
    app_db = str(tmp_path / "app.sqlite")
    sessions = open_database(app_db)
    prepare_demo(sessions, ws.path)
    ws.screen(AS_OF)
    assert not isinstance(ws.publish(app_db), str)
    with sessions() as s:
        links = s.scalars(select(EntityPair).where(EntityPair.kind == "link")).all()
        resting = s.scalar(select(func.count()).select_from(LeadIdentity))
        assert links and resting
        pair = links[0]
        lead_key = s.scalars(select(LeadIdentity.lead_key)
                             .where(LeadIdentity.pair_key == pair.pair_key)).first()
        assert lead_key and pending_links(s, [lead_key])
    with sessions.begin() as s:
        decide_pair(s, actor_of(s, "jcg"), pair.pair_key, same=True, note="核对户籍照片一致")
    ws.resolve_entities(app_db)
    with ws.connect() as con:
        tiers = {r[0] for r in con.execute("SELECT tier FROM entity_mentions WHERE record_key = ?",
                                           [pair.record_key]).fetchall()}
    assert tiers == {"R"}
    ws.screen(AS_OF)
    assert "身份复核" in ws.publish_identity(app_db)
    with sessions() as s:
        assert not pending_links(s, [lead_key])
