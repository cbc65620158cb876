"""Publishing petitions and lead sources (``zhongben.petitions.store``) into the application
database, in the publication's transaction: both are replaced as a whole, so the app shows what
the workspace holds now."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from zhongben.store.accounts import court_owners, root_org_id
from zhongben.store.models import Lead
from zhongben.store.petition_models import LeadSource, PetitionRecord


def store_petitions(session: Session, petitions: list[dict[str, Any]],
                    sources: list[dict[str, Any]]) -> int:
    """Replace the published petitions and lead sources; the number of sources stored (links to
    leads not published are skipped)."""
    owners, fallback = court_owners(session), root_org_id(session)
    now = datetime.now()
    session.execute(delete(LeadSource))
    session.execute(delete(PetitionRecord))
    if petitions:
        session.execute(insert(PetitionRecord), [
            {**{k: v for k, v in p.items() if k != "court"},
             "org_id": owners.get(p.get("court") or "", fallback), "published_at": now}
            for p in petitions])
    published = set(session.scalars(select(Lead.lead_key)))
    kept = [s for s in sources if s["lead_key"] in published]
    if kept:
        session.execute(insert(LeadSource), kept)
    return len(kept)
