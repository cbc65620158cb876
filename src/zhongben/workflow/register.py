"""The 文号 register (建议规定 第七条: 以院名义统一编号): each office numbers its documents per
series and year, 1, 2, 3 …, at the moment a document is issued. A number, once issued, is never
issued again — the register's (office, series, year, number) key is unique, so two issues at the
same moment cannot take the same number (the second retries with the next)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from zhongben.documents.office import Office
from zhongben.store.models import DocNumber
from zhongben.workflow.errors import WorkflowError

ATTEMPTS = 5


def next_number(session: Session, org_id: int, series: str, year: int) -> int:
    top = session.scalar(select(func.max(DocNumber.number)).where(
        DocNumber.org_id == org_id, DocNumber.series == series, DocNumber.year == year))
    return int(top or 0) + 1


def assign_number(session: Session, org_id: int, office: Office, kind: str, year: int,
                  document_id: int) -> str:
    series = office.series(kind)
    for _ in range(ATTEMPTS):
        n = next_number(session, org_id, series, year)
        doc_no = office.number(kind, year, n)
        try:
            with session.begin_nested():
                session.add(DocNumber(org_id=org_id, series=series, year=year, number=n,
                                      doc_no=doc_no, document_id=document_id,
                                      at=datetime.now()))
        except IntegrityError:
            continue
        return doc_no
    raise WorkflowError("文号登记繁忙，请稍后重试")


def issued_numbers(session: Session, org_id: int) -> list[DocNumber]:
    return list(session.scalars(select(DocNumber).where(DocNumber.org_id == org_id)
                                .order_by(DocNumber.year.desc(), DocNumber.number.desc())))
