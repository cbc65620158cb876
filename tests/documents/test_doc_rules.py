"""Every rule has document text; law names are written in full; 民事诉讼法's article follows the
document's date."""

from datetime import date

from zhongben.documents.law import FULL_NAMES, expand_names, numeral, supervision_article
from zhongben.documents.rule_texts import rule_texts
from zhongben.documents.text import clean
from zhongben.rules.loader import load_library


def test_all_43_rules_have_document_text() -> None:
    texts = rule_texts()
    assert set(texts) == set(load_library()) and len(texts) == 43
    for rule_id, text in texts.items():
        assert [c for c in text.citations() if c.status != "U"], rule_id  # something printable
        assert all(r.strip().endswith(("；", "。")) for r in text.recommend), rule_id
        assert not any(r.strip() in ("依法处理。", "依法处理；") for r in text.recommend)


def test_the_supervision_article_follows_the_document_date() -> None:
    article = supervision_article(date(2024, 1, 1)).text()
    assert article == "《中华人民共和国民事诉讼法》第二百四十六条"
    assert supervision_article(date(2023, 12, 31)).text().endswith("第二百四十二条")
    assert supervision_article(date(2021, 12, 31)).text().endswith("第二百三十五条")


def test_numerals_and_names() -> None:
    assert [numeral(n) for n in (3, 10, 14, 105, 110, 117, 246, 517)] == [
        "三", "十", "十四", "一百零五", "一百一十", "一百一十七", "二百四十六", "五百一十七"]
    assert expand_names("属限高规定第3条禁止的消费") == (
        f"属《{FULL_NAMES['限高规定']}》第三条禁止的消费")


def test_free_text_is_written_as_a_document_writes_it() -> None:
    text = clean("被执行人张三（330683197001011234）于2025-04-16终本,此后2025-05缴费")
    assert text == ("被执行人张三（330683********1234）于2025年4月16日终结本次执行程序，"
                    "此后2025年5月缴费")
