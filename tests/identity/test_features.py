"""What Tier B compares: names through simplified characters and pinyin, IDs through their
parts, masked numbers through what they show."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zhongben.identity.features import compatible, id_features, name_features


def test_traditional_characters_fold_to_the_simplified_name() -> None:
    assert name_features("陳偉強")["name_s"] == name_features("陈伟强")["name_s"] == "陈伟强"


def test_a_homophone_slip_reads_the_same() -> None:
    assert name_features("张伟")["name_s"] != name_features("张玮")["name_s"]
    assert name_features("张伟")["name_py"] == name_features("张玮")["name_py"] == "zhangwei"


def test_a_tickets_pinyin_is_compared_as_pinyin() -> None:
    ticket = name_features("ZHANG/SANFENG")
    assert ticket["name_s"] is None and ticket["name_py"] == name_features("张三丰")["name_py"]
    assert ticket["surname_py"] == "zhang" and ticket["given_py"] == "sanfeng"


def test_a_masked_number_shows_only_what_it_shows() -> None:
    parts = id_features("3306**********1234")
    assert (parts["region4"], parts["region6"], parts["birth8"], parts["tail4"]) == (
        "3306", None, None, "1234")
    year = id_features("3306831990****1234")
    assert year["birth4"] == "1990" and year["birth8"] is None


def test_a_mistyped_number_keeps_all_its_parts() -> None:
    parts = id_features("330683198001017234")
    assert (parts["region6"], parts["birth8"], parts["tail4"]) == ("330683", "19800101", "7234")


def test_masked_numbers_link_only_where_compatible() -> None:
    full = "330683198001011234"
    assert compatible("3306**********1234", full)
    assert not compatible("3306**********1235", full)
    assert not compatible("3307**********1234", full)
    assert not compatible("3306**********1234", "3306**********9234")
    assert compatible(full[:-1] + "5", full)  # two full numbers: a typo is weighed, not a rule


@given(st.text(alphabet="0123456789", min_size=18, max_size=18),
       st.sets(st.integers(min_value=4, max_value=13), max_size=10))
def test_a_number_is_compatible_with_any_masking_of_itself(number: str, hidden: set[int]) -> None:
    masked = "".join("*" if i in hidden else c for i, c in enumerate(number))
    assert compatible(masked, number) and compatible(number, masked)
