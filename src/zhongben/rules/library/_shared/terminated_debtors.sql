/*
view: terminated_debtors
description: 终本案件的被执行人每人一行：姓名、主体类型、最早立案日与终本日
tables:
  cases: [case_no, filed_on, closed_on, close_method]
  parties: [case_no, role, name, id_no, party_type, id_no_entity]
*/
SELECT p.id_no_entity AS debtor_id, MIN(p.name) AS debtor_name, MIN(p.party_type) AS party_type,
       MIN(c.filed_on) AS filed_on, MIN(c.closed_on) AS closed_on
FROM parties AS p
JOIN cases AS c ON c.case_no = p.case_no
WHERE p.role = '被执行人' AND p.id_no_entity IS NOT NULL AND c.close_method = '终结本次执行程序'
GROUP BY p.id_no_entity
