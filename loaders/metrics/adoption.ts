/** adoption: active users, seat utilisation and key events per active user, per month and segment. */
import {ident, type Db} from "../db.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";
import {explodeSegments, SEGMENT_ORDER} from "./kpi-segments.js";

async function buildAdoption(db: Db, {dimensions}: MetricContext): Promise<void> {
  const dims = dimensions.map((d) => `, ${ident(d)}`).join("");
  await db.run(`
    CREATE OR REPLACE TABLE adoption AS
    WITH u AS (
      SELECT account_id, strftime(month, '%Y-%m') AS month, max(active_users) AS active_users,
             max(seats) AS seats, sum(key_events) AS key_events
      FROM usage GROUP BY ALL
    ), b AS (
      SELECT am.month ${dims}, u.account_id IS NOT NULL AS has_usage, u.active_users, u.key_events,
             coalesce(nullif(u.seats, 0), nullif(am.seats, 0)) AS seats
      FROM account_months am LEFT JOIN u USING (month, account_id)
      WHERE am.mrr > 0
    ), a AS (
      SELECT month ${dims}, count(*) AS accounts, count(*) FILTER (WHERE has_usage) AS accounts_with_usage,
             sum(active_users) AS active_users,
             sum(seats) FILTER (WHERE active_users IS NOT NULL AND seats > 0) AS seats,
             sum(active_users) FILTER (WHERE seats > 0) AS seated_users,
             sum(key_events) AS key_events,
             sum(active_users) FILTER (WHERE key_events IS NOT NULL) AS users_with_events
      FROM b GROUP BY ALL
    ), x AS (${explodeSegments("a", dimensions)})
    SELECT month, dimension, segment, sum(accounts)::BIGINT AS accounts, sum(accounts_with_usage)::BIGINT AS accounts_with_usage,
           sum(active_users)::BIGINT AS active_users, sum(seats)::BIGINT AS seats,
           CASE WHEN sum(seats) > 0 THEN sum(seated_users) / sum(seats) END AS seat_utilisation,
           sum(key_events)::BIGINT AS key_events,
           CASE WHEN sum(users_with_events) > 0 THEN sum(key_events) / sum(users_with_events) END AS key_events_per_active_user
    FROM x GROUP BY month, dimension, segment
    ORDER BY month, ${SEGMENT_ORDER}`);
}

export const adoptionDefinitions: Definition[] = [
  {
    id: "active_users",
    table: "adoption",
    name: {en: "Active users", ja: "アクティブユーザー数"},
    formula: "active_users(M) = Σ active_users of active customers' usage rows for M",
    text: {
      en: "Users active at least once in the month, summed over active customers (MRR > 0 at the end of M) with a usage row for M (daily rows are maxed per month). accounts counts the active customers, accounts_with_usage those with a usage row.",
      ja: "月に1回以上利用したユーザー数を、その月の利用データがある有料顧客（M末のMRRが0より大きい顧客）について合計したものです（日次データは月内の最大値）。accounts は有料顧客数、accounts_with_usage は利用データのある顧客数です。"
    }
  },
  {
    id: "seat_utilisation",
    table: "adoption",
    name: {en: "Seat utilisation", ja: "シート利用率"},
    formula: "seat_utilisation(M) = Σ active_users / Σ seats over active customers with a usage row and known seats",
    text: {
      en: "Active users over licensed seats (seats from the usage row, else the account's subscription lines in M), pooled over the accounts where both are known; not capped, so over-use shows above 1. Empty when no seats are known.",
      ja: "アクティブユーザー数 ÷ 契約シート数（利用データのシート数、なければその月の契約明細のシート数）を、両方が分かる顧客で合算した比率です。上限は設けないため、超過利用は1を超えます。シート数が不明なら空欄です。"
    }
  },
  {
    id: "key_events_per_active_user",
    table: "adoption",
    name: {en: "Key events per active user", ja: "アクティブユーザーあたりキーイベント数"},
    formula: "key_events_per_active_user(M) = Σ key_events / Σ active_users over active customers reporting key events",
    text: {
      en: "Key product actions per active user, pooled over active customers whose usage row reports key events. Empty when those accounts have no active users.",
      ja: "主要な製品アクション（キーイベント）数をアクティブユーザー数で割った値で、キーイベントを報告している有料顧客で合算します。該当顧客のアクティブユーザーが0なら空欄です。"
    }
  }
];

export const adoption: MetricFamily = {
  name: "adoption",
  tables: ["adoption"],
  definitions: adoptionDefinitions,
  build: buildAdoption
};
