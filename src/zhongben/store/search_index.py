"""Writing, at publication, who each lead is about and its search terms (``lead_terms`` and the
name suffixes), in the publication's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.collab_models import LeadTerm, NameSuffix
from zhongben.store.search_terms import lead_terms, suffix_rows
from zhongben.store.who import who_of

CHUNK = 500


def annotate(rows: list[dict[str, Any]],
             profiles: dict[str, dict[str, Any]]) -> dict[str, set[tuple[str, str]]]:
    """Fill each row's who (party_names, case_count, parties, related_cases) in place; return
    each lead's search terms."""
    terms = {}
    for row in rows:
        who = who_of(row, profiles)
        row["party_names"], row["case_count"] = who.party_names, who.case_count
        row["parties"], row["related_cases"] = who.parties, who.related_cases
        terms[row["lead_key"]] = lead_terms(row, who, profiles)
    return terms


def write_terms(session: Session, terms: dict[str, set[tuple[str, str]]],
                replaced: list[str]) -> int:
    """Replace the terms of ``replaced`` leads, insert everyone's; returns the rows written."""
    for start in range(0, len(replaced), CHUNK):
        chunk = replaced[start:start + CHUNK]
        session.execute(delete(LeadTerm).where(LeadTerm.lead_key.in_(chunk)))
    rows = [{"kind": kind, "term": term, "lead_key": key}
            for key, pairs in terms.items() for kind, term in sorted(pairs)]
    for start in range(0, len(rows), 50_000):
        session.execute(insert(LeadTerm), rows[start:start + 50_000])
    _write_suffixes(session, {t for pairs in terms.values() for k, t in pairs if k == "name"})
    return len(rows)


def _write_suffixes(session: Session, names: set[str]) -> None:
    ordered = sorted(names)
    known: set[str] = set()
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start:start + CHUNK]
        known.update(session.scalars(select(NameSuffix.name).where(NameSuffix.name.in_(chunk))
                                     .distinct()))
    rows = suffix_rows(n for n in ordered if n not in known)
    for start in range(0, len(rows), 50_000):
        session.execute(insert(NameSuffix), rows[start:start + 50_000])


def refresh_statistics(sessions: sessionmaker[Session]) -> None:
    """Table statistics after a publication, so the planner drives a selective search from the
    term index (five leads of one 案号: a millisecond) instead of walking the inbox index past
    100,000 leads. SQLite keeps none until ``ANALYZE``; PostgreSQL's autovacuum would catch up
    later, this makes it now."""
    with sessions() as session:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("ANALYZE"))
        else:
            session.execute(text("ANALYZE leads, lead_details, lead_terms, name_suffixes"))
        session.commit()
