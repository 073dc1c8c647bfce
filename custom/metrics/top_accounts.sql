-- Top accounts by MRR
-- The ten accounts with the largest MRR at each month end (equal MRR: the lower account id first; accounts with MRR 0 are not ranked).
-- share_of_mrr is the account's MRR divided by the month's total MRR; cumulative_share is the MRR of the accounts ranked at or above it divided by the same total, so at the last rank it is how much of the month's MRR the top accounts hold (revenue concentration).
-- ja: MRR上位顧客
-- ja: 各月末時点でMRRが大きい上位10社（MRRが同額の場合は顧客IDの昇順、MRRが0の顧客は順位をつけない）。
-- ja: share_of_mrrは顧客のMRRをその月のMRR合計で割った値、cumulative_shareはその順位までの顧客のMRR合計を同じ合計で割った値で、最下位の行の値が上位顧客へのMRR集中度です。
WITH ranked AS (
  SELECT month, account_id, mrr,
         row_number() OVER (PARTITION BY month ORDER BY mrr DESC, account_id) AS rank,
         sum(mrr) OVER (PARTITION BY month) AS month_mrr
  FROM account_months
  WHERE mrr > 0
)
SELECT r.month, r.rank, r.account_id, a.account_name, a.segment, r.mrr,
       (r.mrr / r.month_mrr)::DOUBLE AS share_of_mrr,
       (sum(r.mrr) OVER (PARTITION BY r.month ORDER BY r.rank) / r.month_mrr)::DOUBLE AS cumulative_share
FROM ranked r
JOIN accounts a USING (account_id)
WHERE r.rank <= 10
ORDER BY r.month, r.rank
