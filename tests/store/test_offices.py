"""An office anywhere in China set up by naming the 代字 of the court it supervises."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.accounts import AccountError, court_owners
from zhongben.store.demo import procuratorate_name
from zhongben.store.models import Org
from zhongben.store.offices import office_plan, setup_office


@pytest.fixture
def session(app_sessions: sessionmaker[Session]) -> Iterator[Session]:
    with app_sessions.begin() as opened:
        yield opened


def test_a_city_office_with_its_counties() -> None:
    plan = office_plan("川01")
    assert (plan.name, plan.level) == ("成都市人民检察院", "市级")
    assert plan.courts == ["成都市中级人民法院"]
    counties = {child.code: child.name for child in plan.children}
    assert counties["川0104"] == "成都市锦江区人民检察院"
    assert all(child.level == "县级" and not child.children for child in plan.children)


def test_special_courts_are_supervised_by_the_office_above_them() -> None:
    plan = office_plan("浙01")
    assert "杭州互联网法院" in plan.courts and "杭州铁路运输法院" in plan.courts
    assert "浙0192" not in {child.code for child in plan.children}


def test_municipal_districts_answer_to_the_municipal_office(session: Session) -> None:
    made = setup_office(session, "京")
    by_code = {org.code: org for org in made}
    assert by_code["京"].name == "北京市人民检察院"
    assert by_code["京03"].name == "北京市人民检察院第三分院"
    assert by_code["京0105"].parent_id == by_code["京"].id
    assert court_owners(session)["北京市朝阳区人民法院"] == by_code["京0105"].id
    assert setup_office(session, "京0105") == []  # already there


def test_a_county_office_joins_its_city(session: Session) -> None:
    [city] = setup_office(session, "浙06", with_children=False)
    [county] = setup_office(session, "浙0683")
    assert (county.name, county.parent_id, county.courts) == ("嵊州市人民检察院", city.id,
                                                              ["嵊州市人民法院"])


def test_unknown_code() -> None:
    with pytest.raises(AccountError, match="没有代字为“浙9999”的法院"):
        office_plan("浙9999")


def test_demo_names_come_from_the_table() -> None:
    assert procuratorate_name("北京市第一中级人民法院") == "北京市人民检察院第一分院"
    assert procuratorate_name("某某人民法院") == "某某人民检察院"


def test_org_rows(session: Session) -> None:
    setup_office(session, "琼97")
    names = {o.name for o in session.query(Org).all()}
    assert {"海南省人民检察院第二分院", "儋州市人民检察院"} <= names
