/*
view: linked_accounts
description: 与终本被执行人关联的人和企业名下的银行账户：关联类别、关系、户名（关系+户名）
tables:
  bank_accounts: [account_no, holder_id, holder_name]
uses: [debtor_links]
*/
SELECT l.debtor_id, l.linked_id, l.kind, l.link, CONCAT(l.link, a.holder_name) AS holder,
       a.holder_name, a.account_no
FROM debtor_links AS l
JOIN bank_accounts AS a ON a.holder_id = l.linked_id
