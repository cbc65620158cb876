"""The defining fact of each rule, checked on one planted case (an independent, simplified
reading of ../shared/rules.md used only to prove that plants and near-misses are as labelled).
Each query returns one boolean (its last column) for parameters ($case, $subject)."""

from __future__ import annotations

AS_OF = "DATE '@DAY'"  # the world's as_of, filled in by ``fact``

_FACTS: dict[str, str] = {
    "ZB-01": ("SELECT closed_on <= filed_on + INTERVAL 3 MONTH FROM cases WHERE case_no = $case"),
    "ZB-02": (
        "SELECT notice_on IS NULL OR report_order_on IS NULL OR "
        "notice_on - filed_on > 10 FROM cases WHERE case_no = $case"
    ),
    "ZB-03": (
        "SELECT NOT EXISTS (SELECT 1 FROM actions a WHERE a.case_no = "
        "c.case_no AND a.action = '限制消费' AND a.acted_on <= c.closed_on)"
        " FROM cases c WHERE case_no = $case"
    ),
    "ZB-04": (
        "SELECT bool_or(r.start_on < CAST(strptime(substr(r.subject_id,"
        " 7, 8), '%Y%m%d') AS DATE) + INTERVAL 18 YEAR) FROM "
        "restrictions r WHERE r.case_no = $case AND r.kind = '失信' AND "
        "r.subject_id = $subject"
    ),
    "ZB-05": (
        "SELECT applicant_informed_on IS NULL OR applicant_informed_on "
        "> closed_on FROM cases WHERE case_no = $case"
    ),
    "CC-01": (
        "SELECT count(DISTINCT a.target_type) < 4 FROM cases c LEFT "
        "JOIN actions a ON a.case_no = c.case_no AND a.action = '网络查控' "
        "AND a.acted_on <= c.closed_on AND a.target_type IN ('存款', "
        "'车辆', '不动产', '证券') WHERE c.case_no = $case"
    ),
    "CC-02": (
        "SELECT bool_or(NOT EXISTS (SELECT 1 FROM actions k WHERE "
        "k.case_no = l.case_no AND k.action = '核查财产线索' AND k.acted_on "
        "BETWEEN l.acted_on AND l.acted_on + CASE WHEN l.result LIKE "
        "'%紧急%' THEN 3 ELSE 7 END)) FROM actions l WHERE l.case_no = "
        "$case AND l.action = '申请人提供财产线索'"
    ),
    "CC-03": (
        "WITH k AS (SELECT closed_on AS d FROM cases WHERE case_no = "
        "$case) SELECT EXISTS (SELECT 1 FROM insurance_policies WHERE "
        "holder_id = $subject AND cash_value > 0 AND start_on <= d AND "
        "(end_on IS NULL OR end_on > d)) OR EXISTS (SELECT 1 FROM "
        "shareholdings WHERE holder_id = $subject AND from_on <= d AND "
        "(to_on IS NULL OR to_on > d)) OR coalesce((SELECT "
        "arg_max(balance, as_of) FROM housing_fund WHERE person_id = "
        "$subject AND as_of <= d), 0) > 0 FROM k"
    ),
    "DC-01": (
        "WITH k AS (SELECT closed_on AS d FROM cases WHERE case_no = "
        "$case) SELECT EXISTS (SELECT 1 FROM vehicles WHERE owner_id = "
        "$subject AND registered_on <= d AND (transferred_on IS NULL OR"
        " transferred_on > d)) OR EXISTS (SELECT 1 FROM real_estate "
        "WHERE owner_id = $subject AND acquired_on <= d AND "
        "(disposed_on IS NULL OR disposed_on > d)) FROM k"
    ),
    "DC-02": (
        "SELECT count(*) >= 3 FROM actions a JOIN vehicle_sightings s "
        "ON s.plate = a.target_id JOIN cases c ON c.case_no = a.case_no"
        " WHERE a.case_no = $case AND a.action = '查封' AND s.seen_at > "
        "c.closed_on"
    ),
    "DC-03": (
        "SELECT bool_or(NOT EXISTS (SELECT 1 FROM actions e WHERE "
        "e.case_no = s.case_no AND e.target_id = s.target_id AND "
        "e.action IN ('评估', '拍卖', '变卖') AND e.acted_on BETWEEN "
        "s.acted_on AND s.acted_on + 30)) FROM actions s WHERE "
        "s.case_no = $case AND s.action IN ('查封', '扣押') AND "
        "coalesce(s.seizure_rank, '首封') <> '轮候'"
    ),
    "DC-04": (
        "WITH k AS (SELECT closed_on AS d FROM cases WHERE case_no = "
        "$case) SELECT (SELECT count(*) FROM social_insurance WHERE "
        "employer_uscc = $subject AND month > d) >= 3 OR EXISTS (SELECT"
        " 1 FROM companies o JOIN companies n ON n.uscc <> o.uscc AND "
        "(n.address = o.address OR n.legal_rep_id = o.legal_rep_id) "
        "WHERE o.uscc = $subject AND n.established_on > d) FROM k"
    ),
    "DC-05": (
        "SELECT bool_or(r.person_a_id IS NOT NULL) FROM cases c JOIN "
        "lawsuits l ON l.case_no = c.basis_no JOIN (SELECT plate AS "
        "item, owner_id, registered_on AS since, transferred_on AS "
        "until FROM vehicles UNION ALL SELECT unit_no, owner_id, "
        "acquired_on, disposed_on FROM real_estate) o ON o.owner_id = "
        "$subject AND o.until BETWEEN l.filed_on AND c.closed_on JOIN "
        "(SELECT plate AS item, owner_id, registered_on AS since FROM "
        "vehicles UNION ALL SELECT unit_no, owner_id, acquired_on FROM "
        "real_estate) nx ON nx.item = o.item AND nx.since = o.until "
        "LEFT JOIN relations r ON r.person_a_id = $subject AND "
        "r.person_b_id = nx.owner_id WHERE c.case_no = $case"
    ),
    "DC-06": (
        "WITH k AS (SELECT closed_on AS d FROM cases WHERE case_no = "
        "$case) SELECT EXISTS (SELECT 1 FROM relations r JOIN (SELECT "
        "owner_id, registered_on AS since, transferred_on AS until FROM"
        " vehicles UNION ALL SELECT owner_id, acquired_on, disposed_on "
        "FROM real_estate) o ON o.owner_id = r.person_b_id WHERE "
        "r.person_a_id = $subject AND r.relation = '配偶' AND o.since >= "
        "r.from_on AND o.since <= d AND (o.until IS NULL OR o.until > "
        "d)) FROM k"
    ),
    "HF-01": (
        "SELECT max(gap) > 0 FROM (SELECT (coalesce(lead(acted_on) OVER"
        " (ORDER BY acted_on), @AS_OF) - (acted_on + INTERVAL 6 MONTH +"
        " INTERVAL 30 DAY)::DATE) AS gap FROM (SELECT closed_on AS "
        "acted_on FROM cases WHERE case_no = $case UNION ALL SELECT "
        "acted_on FROM actions WHERE case_no = $case AND action = "
        "'终本后财产查询'))"
    ),
    "HF-02": (
        "WITH k AS (SELECT closed_on AS d FROM cases WHERE case_no = "
        "$case) SELECT EXISTS (SELECT 1 FROM vehicles v WHERE "
        "v.owner_id = $subject AND v.registered_on > d AND NOT EXISTS "
        "(SELECT 1 FROM cases r WHERE r.original_case_no = $case AND "
        "r.filed_on <= v.registered_on + 30)) FROM k"
    ),
    "HF-03": (
        "SELECT bool_or(NOT EXISTS (SELECT 1 FROM actions r WHERE "
        "r.case_no = s.case_no AND r.target_id = s.target_id AND "
        "r.action IN ('续行查封', '解除查封') AND r.acted_on <= s.expires_on)) "
        "FROM actions s WHERE s.case_no = $case AND s.action IN ('查封', "
        "'冻结', '扣押') AND s.expires_on < @AS_OF"
    ),
    "HF-04": (
        "SELECT count(*) >= 6 FROM social_insurance s, cases c WHERE "
        "c.case_no = $case AND s.person_id = $subject AND s.month > "
        "c.closed_on AND s.base >= 3000"
    ),
    "XG-01": (
        "SELECT bool_or(t.mode = '航班' OR t.carrier_no LIKE 'G%' OR "
        "t.seat_class IN ('一等座', '商务座', '特等座', '软卧')) FROM travel t "
        "JOIN restrictions r ON r.subject_id = t.person_id AND r.kind ="
        " '限制消费' AND r.start_on <= t.travelled_on AND (r.end_on IS NULL"
        " OR t.travelled_on < r.end_on) WHERE r.case_no = $case AND "
        "t.person_id = $subject"
    ),
    "XG-02": (
        "SELECT bool_or((r.kind = '失信' AND coalesce(r.end_on, DATE "
        "'2100-01-01') > c.closed_on + 5) OR (r.kind = '限制消费' AND "
        "coalesce(r.end_on, DATE '2100-01-01') > c.closed_on + 10)) "
        "FROM restrictions r JOIN cases c ON c.case_no = r.case_no "
        "WHERE r.case_no = $case AND r.subject_id = $subject"
    ),
    "XG-03": (
        "SELECT bool_or(r.ground BETWEEN 2 AND 6 AND r.end_on IS NULL "
        "AND r.start_on + INTERVAL 2 YEAR + INTERVAL 5 DAY < @AS_OF) "
        "FROM restrictions r WHERE r.case_no = $case AND r.subject_id ="
        " $subject AND r.kind = '失信'"
    ),
    "CF-01": (
        "SELECT sum(a.amount) > 2 * (c.claim_amount - c.paid_amount) "
        "AND count(*) >= 2 FROM actions a JOIN cases c ON c.case_no = "
        "a.case_no WHERE a.case_no = $case AND a.action IN ('查封', '冻结',"
        " '扣押') GROUP BY c.claim_amount, c.paid_amount"
    ),
    "CF-02": (
        "SELECT bool_or(NOT EXISTS (SELECT 1 FROM actions r WHERE "
        "r.case_no = s.case_no AND r.target_id = s.target_id AND "
        "r.action = '解除查封' AND r.acted_on <= c.closed_on + 30)) FROM "
        "actions s JOIN cases c ON c.case_no = s.case_no WHERE "
        "s.case_no = $case AND s.action IN ('查封', '冻结', '扣押')"
    ),
    "CF-03": (
        "SELECT bool_or(NOT EXISTS (SELECT 1 FROM actions x WHERE "
        "x.case_no = f.case_no AND x.target_id = f.target_id AND "
        "x.action IN ('拍卖', '变卖'))) FROM actions w JOIN actions f ON "
        "f.target_id = w.target_id AND f.seizure_rank = '首封' AND "
        "f.case_no <> w.case_no AND f.acted_on < @AS_OF - 60 WHERE "
        "w.case_no = $case AND w.seizure_rank = '轮候'"
    ),
    "PM-01": (
        "SELECT bool_or((round = '一拍' AND start_price < 0.7 * "
        "reference_price) OR (round = '二拍' AND start_price < 0.8 * "
        "(SELECT start_price FROM auctions p WHERE p.case_no = "
        "a.case_no AND p.item_id = a.item_id AND p.round = '一拍'))) FROM"
        " auctions a WHERE case_no = $case"
    ),
    "PM-02": (
        "SELECT bool_or(round = '变卖' AND deal_price < 0.5 * "
        "reference_price) FROM auctions WHERE case_no = $case"
    ),
    "PM-03": (
        "SELECT EXISTS (SELECT 1 FROM parties d JOIN relations r ON "
        "r.person_a_id = d.id_no WHERE d.case_no = $case AND d.role = "
        "'被执行人' AND (r.person_b_id = $subject OR r.person_b_id IN "
        "(SELECT holder_id FROM shareholdings WHERE company_uscc = "
        "$subject)))"
    ),
    "ZK-01": (
        "SELECT bool_or(delay_reason IS NULL AND coalesce(paid_out_on, "
        "@AS_OF) - received_on > 30) FROM payments WHERE case_no = "
        "$case"
    ),
    "ZK-02": (
        "SELECT bool_or(payee_id NOT IN (SELECT id_no FROM parties "
        "WHERE case_no = $case AND role = '申请执行人')) FROM payments WHERE"
        " case_no = $case"
    ),
    "QX-01": (
        "SELECT c.closed_on IS NULL AND c.filed_on + INTERVAL 6 MONTH <"
        " @AS_OF AND NOT EXISTS (SELECT 1 FROM actions a WHERE "
        "a.case_no = c.case_no AND a.acted_on >= @AS_OF - 90) FROM "
        "cases c WHERE case_no = $case"
    ),
    "XJ-01": (
        "SELECT count(*) >= 2 AND max(filed_on) - min(filed_on) <= 60 "
        "FROM lawsuits WHERE defendant_id = $subject AND cause = "
        "'民间借贷纠纷' AND close_method = '调解' AND closed_on - filed_on <= "
        "30"
    ),
    "XJ-03": (
        "SELECT EXISTS (SELECT 1 FROM parties y JOIN parties z ON "
        "z.id_no = y.id_no AND z.case_no <> y.case_no AND z.role = "
        "'被执行人' JOIN cases zc ON zc.case_no = z.case_no JOIN cases yc "
        "ON yc.case_no = y.case_no WHERE y.case_no = $case AND y.role ="
        " '被执行人' AND zc.closed_on > yc.closed_on AND zc.paid_amount > "
        "0)"
    ),
    "XJ-04": (
        "SELECT count(*) >= 30 AND avg((close_method = "
        "'终结本次执行程序')::INT) > 0.8 FROM cases WHERE judge = $subject AND "
        "closed_on > @AS_OF - INTERVAL 12 MONTH"
    ),
    "WS-01": (
        "SELECT bool_or(kind = '终结本次执行程序裁定书' AND states_property_search = '否') "
        "FROM documents WHERE case_no = $case"
    ),
    "WS-02": (
        "SELECT bool_or(kind = '终结本次执行程序裁定书' AND informs_resume_right = '否') "
        "FROM documents WHERE case_no = $case"
    ),
    "WS-03": (
        "SELECT bool_or(kind = '终结本次执行程序裁定书' AND ruled_on >= DATE '2021-01-01' "
        "AND cited_articles LIKE '%民诉法解释第519条%') FROM documents WHERE case_no = $case"
    ),
}

FACTS = {rule: sql.replace("@AS_OF", AS_OF) for rule, sql in _FACTS.items()}


def fact(rule: str, as_of: str) -> str:
    """The query of ``rule`` for a world screened on ``as_of`` (YYYY-MM-DD)."""
    return FACTS[rule].replace("@DAY", as_of)


# XJ-02 is derived (XG-01 after 罚款, or a DC-05 transfer): checked through those rules' plants.
DERIVED = {"XJ-02"}
