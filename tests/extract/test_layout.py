"""Cleanup of text as real files deliver it."""

from __future__ import annotations

from zhongben.extract.fields import extract_document
from zhongben.extract.layout import clean
from zhongben.extract.model import Line, RawDocument


def raw(*lines: str) -> RawDocument:
    return RawDocument("x.txt", "txt", [[Line(t) for t in lines]])


def test_letter_spacing_private_use_and_radicals_are_cleaned() -> None:
    lines = ("执 行 裁 定 书", "浙江省桐乡市⼈⺠法院\ue01a", "（２０２３）浙０４８３执１号")
    text = clean(raw(*lines)).text
    assert text.splitlines() == ["执行裁定书", "浙江省桐乡市人民法院", "(2023)浙0483执1号"]


def test_wrapped_lines_are_rejoined_but_headings_are_not() -> None:
    body = "本院依法向被执行人发出执行通知书、报告财产令，通过网络执行查控系统查询了"
    rest = "被执行人名下的存款、车辆，未发现可供执行的财产。"
    cleaned = clean(raw("执行裁定书", body, rest, "终结本次执行程序。"))
    assert cleaned.text.splitlines()[1].endswith("未发现可供执行的财产。")
    assert cleaned.text.splitlines()[0] == "执行裁定书"


def test_statute_text_after_the_signature_is_not_body() -> None:
    doc = extract_document(raw(
        "浙江省桐乡市人民法院", "执行裁定书", "(2023)浙0483执5号",
        "申请执行人：张三。", "被执行人：李四。",
        "本院在执行申请执行人张三与被执行人李四民间借贷纠纷一案中，本案被执行人暂无财产可供执行。",
        "依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定，裁定如下：",
        "终结本次执行程序。", "审判员　王五", "二〇二三年六月一日", "书记员　赵六",
        "附：相关法律条文",
        "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条　"
        "经过财产调查未发现可供执行的财产……申请执行人发现被执行人有可供执行财产的，"
        "可以再次申请执行。",
    ))
    assert doc.kind.value == "终结本次执行程序裁定书"
    assert doc.value("informs_resume_right") is False
    assert doc.value("states_property_search") is False
    assert doc.value("cited_articles") == ["民诉法解释第517条"]
    assert doc.value("ruled_on") == "2023-06-01"


def test_clerk_line_before_the_court_and_court_from_code_only() -> None:
    head = ("书记员　王某", "执行裁定书", "(2023)浙0683执7号")
    doc = extract_document(raw(*head, "申请执行人：张三。"))
    assert doc.value("court") == "嵊州市人民法院"
    named = extract_document(raw(head[0], "浙江省嵊州市人民法院", *head[1:]))
    assert named.value("court") == "嵊州市人民法院"


def test_warnings_are_not_measures_taken() -> None:
    doc = extract_document(raw(
        "执行通知书", "(2023)浙0483执8号", "李四：",
        "申请执行人张三与你民间借贷纠纷一案，本院于2023年1月5日立案执行。",
        "逾期不履行的，本院将依法强制执行，并可将你纳入失信被执行人名单、限制高消费。",
    ))
    assert doc.kind.value == "执行通知书"
    assert doc.value("restricts_consumption") is False
    assert doc.value("lists_dishonest") is False
    assert {(p.role, p.name) for p in doc.parties} == {("申请执行人", "张三"), ("被执行人", "李四")}


def test_masked_names_and_ids_are_recognised_as_masked() -> None:
    doc = extract_document(raw(
        "执行裁定书", "(2023)浙0483执9号",
        "申请执行人：张**，男，公民身份号码330483********1234。",
        "被执行人：王某，女，身份证号码×××。",
        "本院在执行申请执行人张**与被执行人王某民间借贷纠纷一案中……",
    ))
    by_name = {p.name: p for p in doc.parties}
    assert by_name["张**"].name_masked and by_name["张**"].id_masked
    assert by_name["王某"].id_masked and by_name["王某"].id_no == "×××"
