/*
id: XJ-04
version: 1
name: 承办人终本率异常
family: J
severity: low
grain: subject
basis:
  - {text: 监督规则 第117条（类案监督）, status: V}
tables:
  cases: [case_no, court, court_code, judge, closed_on, close_method]
params:
  min_cases: {type: integer, default: 30, label: 近12个月承办人最少结案数, unit: 件, policy: true}
  z: {type: number, default: 3, label: 终本率高于本院的标准误倍数, unit: 倍, policy: true}
explanation: >-
  承办人{subject_id}（{court}）近12个月（{window_from}至{as_of}）结案{closed_cases}件，其中终本
  {terminated_cases}件，终本率{judge_pct}%，本院同期终本率{court_pct}%，高出{z_score}个标准误
  （阈值{z}）。
*/
-- Window: cases closed in the 12 months before as_of (as_of − 12 months < closed_on ≤ as_of;
-- closings after as_of are not visible). Per court (court_code) p = the court's 终本 share of all
-- its closings in the window, the judge's own included; per judge n closings, share q.
-- z = (q − p) / sqrt(p (1 − p) / n): the judge's share against the court's as a binomial
-- proportion. A lead needs n ≥ min_cases, 0 < p < 1 and z ≥ the z parameter.
WITH recent AS (
  SELECT c.case_no, c.court_code, c.judge,
         CASE WHEN c.close_method = '终结本次执行程序' THEN 1 ELSE 0 END AS terminated
  FROM cases AS c
  WHERE c.closed_on > zb_add_months(:as_of, -12)
),
courts AS (
  SELECT r.court_code, CAST(SUM(r.terminated) AS DOUBLE) / COUNT(*) AS p
  FROM recent AS r
  GROUP BY r.court_code
),
judges AS (
  SELECT r.court_code, r.judge, COUNT(*) AS n, SUM(r.terminated) AS terminated_cases,
         CAST(SUM(r.terminated) AS DOUBLE) / COUNT(*) AS q
  FROM recent AS r
  WHERE r.judge IS NOT NULL
  GROUP BY r.court_code, r.judge
  HAVING COUNT(*) >= :min_cases
),
flagged AS (
  SELECT j.court_code, j.judge, j.n, j.terminated_cases, j.q, t.p,
         (j.q - t.p) / SQRT(t.p * (1 - t.p) / j.n) AS z_score
  FROM judges AS j
  JOIN courts AS t ON t.court_code = j.court_code
  WHERE t.p > 0 AND t.p < 1
)
SELECT
  CAST(NULL AS VARCHAR) AS case_no,
  f.judge AS subject_id,
  f.judge AS subject_name,
  c.court,
  zb_add_days(zb_add_months(:as_of, -12), 1) AS window_from,
  f.n AS closed_cases,
  f.terminated_cases,
  ROUND(100 * f.q, 1) AS judge_pct,
  ROUND(100 * f.p, 1) AS court_pct,
  ROUND(f.z_score, 2) AS z_score,
  zb_evidence(c, case_no, court, judge, closed_on, close_method)
FROM flagged AS f
JOIN cases AS c
  ON c.court_code = f.court_code AND c.judge = f.judge
  AND c.closed_on > zb_add_months(:as_of, -12)
WHERE f.z_score >= :z
