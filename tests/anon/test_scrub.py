"""Free-text scrubbing finds originals however a clerk typed them: full-width digits and
brackets, spaces or dashes inside a phone or account number; an unknown separated number of
nine or more characters is tokenised; dates and category words stay."""

from __future__ import annotations

from zhongben.anon.pseudonyms import Pseudonymiser
from zhongben.anon.scrub import scrub

PHONE, ACCOUNT, CASE = "13812345678", "6222021234567890", "(2023)浙0102执123号"


def _p() -> Pseudonymiser:
    p = Pseudonymiser(b"k" * 32, 0)
    p.originals.update({PHONE, ACCOUNT, CASE, "王小明"})
    p.person_names.add("王小明")
    return p


def test_separated_and_full_width_originals_are_replaced() -> None:
    p = _p()
    for text in ("联系电话138-1234-5678。", "电话 138 1234 5678", "电话１３８１２３４５６７８",
                 "账号6222 0212 3456 7890已冻结", "见（2023）浙0102执123号裁定",
                 "王小明于2023-01-05到庭"):
        out = scrub(p, text)
        digits = "".join(ch for ch in out.translate({0xFF10 + d: 0x30 + d for d in range(10)})
                         if ch.isdigit())
        for original in (PHONE, ACCOUNT, "0102执123", "王小明"):
            assert original not in out, (text, out)
        assert "12345678" not in digits, (text, out)


def test_same_original_gets_the_same_pseudonym_however_written() -> None:
    p = _p()
    plain = scrub(p, f"电话{PHONE}")
    assert scrub(p, "电话138-1234-5678") == plain == scrub(p, "电话１３８１２３４５６７８")
    assert scrub(p, f"见{CASE}") == scrub(p, "见（2023）浙0102执123号")


def test_unknown_separated_numbers_tokenised_dates_and_words_kept() -> None:
    p = _p()
    out = scrub(p, "另一号码139-0000-1111；2023-01-05 无财产可供执行，工资已冻结")
    assert "139-0000-1111" not in out and "13900001111" not in out
    assert "2023-01-05" in out and "无财产可供执行，工资已冻结" in out
    assert scrub(p, "编号 12-34 共 3 件") == "编号 12-34 共 3 件"
