/*
view: debtor_accounts
description: 终本被执行人本人名下的银行账户，每人每户一行
tables:
  bank_accounts: [account_no, holder_id, holder_name]
uses: [terminated_debtors]
*/
SELECT d.debtor_id, a.account_no, a.holder_name
FROM terminated_debtors AS d
JOIN bank_accounts AS a ON a.holder_id = d.debtor_id
