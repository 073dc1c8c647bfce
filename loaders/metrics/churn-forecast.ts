/**
 * churn_forecast: at every month X of the history, the churned MRR expected in X+1, X+2 and X+3, with
 * an 80% interval, from data up to and including X only; next to it the churned MRR that happened.
 * churn_forecast_quarter: the same for the three months together. churn_forecast_calibration: the
 * predicted churn probability against the churn observed, by probability bucket, over the backtest.
 *
 * Model (per made_at X and horizon h): an account active in X (MRR > 0) churns in X+h with the rate
 * observed for its cell (health band in X × first segment dimension) over the last CALIBRATION_ORIGINS
 * months M whose outcome M+h is known at X (M + h ≤ X), shrunk toward the band rate and the overall
 * rate and balanced so shrinkage keeps each level's expected churns (churn-forecast-model.ts). A churn
 * takes the account's MRR in X times the ratio of churned MRR to MRR at M observed for churners at that
 * horizon (accounts shrink before they leave). The interval simulates which accounts churn and, per
 * draw, one common error of the calibrated rates.
 */
import {ident, type Db} from "../db.js";
import {addMonths} from "./calendar.js";
import {dropBook, NO_BAND, readBook, readMonth, type Book, type MonthAccounts} from "./churn-forecast-book.js";
import {cellRates, DRAWS, forecastSum, rateOf, seedOf, SHRINK, type CellCount, type RiskGroup} from "./churn-forecast-model.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";

export const HORIZONS = [1, 2, 3] as const;
/** Origin months a calibration looks back over (the latest ones with a known outcome). */
export const CALIBRATION_ORIGINS = 12;
/** Fewer origin months than this and no forecast is made (the rates would be a guess). */
export const MIN_ORIGINS = 3;
/** Probability buckets of the calibration table. */
export const CALIBRATION_BUCKETS = 10;

export interface ForecastRow {
  made_at: string;
  month: string;
  horizon: number;
  accounts: number;
  calibration_months: number;
  expected_churns: number | null;
  expected_churn_mrr: number | null;
  low: number | null;
  high: number | null;
  actual_churn_mrr: number | null;
}

/** The calibrated rates of one horizon, per cell code (Book.cellNames). */
interface HorizonRates {
  /** Churn probability (the cell's logo rate). */
  p: Float64Array;
  /** The cell's MRR-weighted rate. */
  mrrRate: Float64Array;
  /** Churned MRR ÷ MRR at origin, over the calibration's churners. */
  ratio: number;
}

interface Prediction {
  horizons: HorizonRates[];
  origins: number[];
  /**
   * Per horizon, the effective churn events the rates were calibrated on, (Σ churned MRR)² / Σ churned MRR²
   * (n for n equal churns, fewer when a few large churns dominate): sets the rates' uncertainty.
   */
  events: number[];
}

/** The cell-level predictions made at month index x (null when the history is too short). */
function predict(book: Book, x: number): Prediction | null {
  const horizons: HorizonRates[] = [];
  const origins: number[] = [];
  const events: number[] = [];
  for (const h of HORIZONS) {
    const from = Math.max(0, x - h - CALIBRATION_ORIGINS + 1);
    const to = x - h;
    if (to - from + 1 < MIN_ORIGINS) return null;
    // Cells in first-seen order (origin month, then account id), as an account loop would meet them.
    const cells = new Map<string, CellCount>();
    const mrrCells = new Map<string, CellCount>();
    let churned = 0;
    let squares = 0;
    let base = 0;
    let accountMonths = 0;
    let mrrSum = 0;
    for (let m = from; m <= to; ++m) {
      const s = book.churners[m][h];
      for (const {cell, n, mrr} of book.cells[m]) {
        const churners = s?.cells.get(cell);
        addCount(cells, cell, {n, c: churners?.c ?? 0}, 1);
        addCount(mrrCells, cell, {n: mrr, c: churners?.mrr ?? 0}, 1);
      }
      churned += s?.amount ?? 0;
      squares += s?.squares ?? 0;
      base += s?.mrr ?? 0;
      accountMonths += book.accounts[m];
      mrrSum += book.mrrSum[m];
    }
    // MRR-weighted counts in units of the mean account (Σ weights = account-months), so they shrink alike.
    const unit = mrrSum > 0 ? accountMonths / mrrSum : 0;
    const weighted = new Map<string, CellCount>();
    for (const [k, v] of mrrCells) addCount(weighted, k, v, unit);
    const rates = cellRates(cells);
    const mrrRates = cellRates(weighted);
    horizons.push({
      p: Float64Array.from(book.cellNames, (cell) => rateOf(rates, cell)),
      mrrRate: Float64Array.from(book.cellNames, (cell) => rateOf(mrrRates, cell)),
      ratio: base > 0 ? churned / base : 1
    });
    origins.push(to - from + 1);
    events.push(squares > 0 ? (churned * churned) / squares : 0);
  }
  return {horizons, origins, events};
}

function addCount(into: Map<string, CellCount>, key: string, v: CellCount, scale: number): void {
  const c = into.get(key) ?? {n: 0, c: 0};
  c.n += v.n * scale;
  c.c += v.c * scale;
  into.set(key, c);
}

/**
 * The MRR each account of the month would take with it at one horizon. Large accounts churn less often
 * than small ones of the same cell: a churn takes the account's MRR × (MRR-weighted rate / logo rate
 * of its cell), so the cell's expected churned MRR is its MRR-weighted rate × its MRR, while the
 * probability stays the logo rate.
 */
function amounts(a: MonthAccounts, r: HorizonRates): Float64Array {
  const out = new Float64Array(a.mrr.length);
  for (let i = 0; i < out.length; ++i) {
    const logo = r.p[a.cell[i]];
    const mrr = a.mrr[i];
    out[i] = logo > 0 ? (mrr * r.ratio * r.mrrRate[a.cell[i]]) / logo : mrr * r.ratio;
  }
  return out;
}

/** Accounts grouped by their probability (groups in first-seen order, accounts in id order). */
function riskGroups(p: (i: number) => number, amount: Float64Array): RiskGroup[] {
  const groups = new Map<number, RiskGroup>();
  for (let i = 0; i < amount.length; ++i) {
    const pi = p(i);
    let g = groups.get(pi);
    if (!g) groups.set(pi, (g = {p: pi, amounts: []}));
    g.amounts.push(amount[i]);
  }
  return [...groups.values()];
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export interface ForecastResult {
  rows: ForecastRow[];
  quarter: (Omit<ForecastRow, "horizon" | "month" | "expected_churns"> & {first_month: string; last_month: string})[];
  /** Per (horizon, made_at, probability): accounts and churners, for the calibration table. */
  outcomes: {horizon: number; p: number; n: number; c: number}[];
}

/**
 * Every forecast of the history: the forecast made at X reads months ≤ X only. The accounts of a month
 * are read only when a forecast is simulated at it, one month at a time.
 */
export async function forecastBook(db: Db, book: Book): Promise<ForecastResult> {
  const last = book.months.length - 1;
  const rows: ForecastRow[] = [];
  const quarter: ForecastResult["quarter"] = [];
  const outcomes: ForecastResult["outcomes"] = [];
  const codes = new Map(book.cellNames.map((cell, code) => [cell, code]));
  for (let x = 0; x <= last; ++x) {
    const pred = predict(book, x);
    const a = pred ? await readMonth(db, book, x) : null;
    const made_at = book.months[x];
    const accounts = book.accounts[x];
    const amount = pred && a ? pred.horizons.map((r) => amounts(a, r)) : [];
    for (const h of HORIZONS) {
      const actual = x + h <= last ? book.churnMrr[x + h] : null;
      const row: ForecastRow = {
        made_at, month: addMonths(made_at, h), horizon: h, accounts,
        calibration_months: pred?.origins[h - 1] ?? Math.max(0, x - h + 1),
        expected_churns: null, expected_churn_mrr: null, low: null, high: null, actual_churn_mrr: actual
      };
      if (pred && a) {
        const p = pred.horizons[h - 1].p;
        const f = forecastSum(riskGroups((i) => p[a.cell[i]], amount[h - 1]), seedOf(`${made_at}+${h}`), DRAWS, pred.events[h - 1]);
        let expectedChurns = 0;
        for (let i = 0; i < a.cell.length; ++i) expectedChurns += p[a.cell[i]];
        Object.assign(row, {expected_churns: round2(expectedChurns), expected_churn_mrr: round2(f.expected), low: round2(f.low), high: round2(f.high)});
        if (x + h <= last) {
          // The same cell counts the calibration uses, at origin x: accounts and churners per probability.
          const byP = new Map<number, {n: number; c: number}>();
          for (const {cell, n} of book.cells[x]) {
            const pi = p[codes.get(cell)!];
            const o = byP.get(pi) ?? {n: 0, c: 0};
            o.n += n;
            o.c += book.churners[x][h]?.cells.get(cell)?.c ?? 0;
            byP.set(pi, o);
          }
          for (const [pi, o] of byP) outcomes.push({horizon: h, p: pi, ...o});
        }
      }
      rows.push(row);
    }
    // The quarter: churning in X+1, X+2 or X+3 are exclusive outcomes, so P = Σ_h p_h and the amount
    // is the probability-weighted mean of the horizons' amounts.
    const q = {
      made_at, first_month: addMonths(made_at, 1), last_month: addMonths(made_at, 3), accounts,
      calibration_months: pred ? Math.min(...pred.origins) : Math.max(0, x - 2),
      expected_churn_mrr: null as number | null, low: null as number | null, high: null as number | null,
      actual_churn_mrr: x + 3 <= last ? HORIZONS.reduce((s, h) => s + book.churnMrr[x + h], 0) : null
    };
    if (pred && a) {
      const ps = pred.horizons.map((r) => r.p);
      const w = new Float64Array(accounts);
      const qAmount = new Float64Array(accounts);
      for (let i = 0; i < accounts; ++i) {
        const c = a.cell[i];
        w[i] = HORIZONS.reduce((s, h) => s + ps[h - 1][c], 0);
        qAmount[i] = w[i] > 0 ? HORIZONS.reduce((s, h) => s + ps[h - 1][c] * amount[h - 1][i], 0) / w[i] : a.mrr[i];
      }
      // The three horizons are calibrated on nearly the same churns: their mean, not their sum, of events.
      const events = pred.events.reduce((s, e) => s + e, 0) / pred.events.length;
      const f = forecastSum(riskGroups((i) => Math.min(1, w[i]), qAmount), seedOf(`${made_at}+q`), DRAWS, events);
      Object.assign(q, {expected_churn_mrr: round2(f.expected), low: round2(f.low), high: round2(f.high)});
    }
    quarter.push(q);
  }
  return {rows, quarter, outcomes};
}

/** Buckets of about equal account-months by predicted probability, per horizon. */
export function calibration(outcomes: ForecastResult["outcomes"], buckets = CALIBRATION_BUCKETS) {
  const out: {horizon: number; bucket: number; accounts: number; churned: number; predicted: number; observed: number; p_min: number; p_max: number}[] = [];
  for (const h of HORIZONS) {
    const list = outcomes.filter((o) => o.horizon === h).sort((a, b) => a.p - b.p);
    const total = list.reduce((s, o) => s + o.n, 0);
    let seen = 0;
    let cur: (typeof out)[number] | null = null;
    for (const o of list) {
      const bucket = Math.min(buckets, Math.floor((seen / total) * buckets) + 1);
      if (!cur || cur.bucket !== bucket) {
        if (cur) out.push(cur);
        cur = {horizon: h, bucket, accounts: 0, churned: 0, predicted: 0, observed: 0, p_min: o.p, p_max: o.p};
      }
      cur.accounts += o.n;
      cur.churned += o.c;
      cur.predicted += o.p * o.n;
      cur.p_max = o.p;
      seen += o.n;
    }
    if (cur) out.push(cur);
  }
  return out.map((b) => ({...b, predicted: b.predicted / b.accounts, observed: b.churned / b.accounts}));
}

const sqlValue = (v: string | number | null) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`);

async function writeTable(db: Db, table: string, columns: Record<string, string>, rows: Record<string, string | number | null>[]): Promise<void> {
  const names = Object.keys(columns);
  await db.run(`CREATE OR REPLACE TABLE ${table} (${names.map((c) => `${ident(c)} ${columns[c]}`).join(", ")})`);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => `(${names.map((c) => sqlValue(r[c] ?? null)).join(", ")})`);
    if (chunk.length) await db.run(`INSERT INTO ${table} VALUES ${chunk.join(", ")}`);
  }
}

/** Reads the book and computes every forecast (exported for the backtest measurements and tests). */
export async function computeForecasts(db: Db, ctx: MetricContext): Promise<ForecastResult> {
  try {
    return await forecastBook(db, await readBook(db, ctx.dimensions[0] ?? null, Math.max(...HORIZONS)));
  } finally {
    await dropBook(db);
  }
}

async function build(db: Db, ctx: MetricContext): Promise<void> {
  const result = await computeForecasts(db, ctx);
  const money = "DECIMAL(18,2)";
  await writeTable(
    db, "churn_forecast",
    {
      made_at: "VARCHAR", month: "VARCHAR", horizon: "INTEGER", accounts: "BIGINT", calibration_months: "INTEGER",
      expected_churns: "DOUBLE", expected_churn_mrr: money, low: money, high: money, actual_churn_mrr: money
    },
    result.rows as unknown as Record<string, number | string | null>[]
  );
  await writeTable(
    db, "churn_forecast_quarter",
    {
      made_at: "VARCHAR", first_month: "VARCHAR", last_month: "VARCHAR", accounts: "BIGINT", calibration_months: "INTEGER",
      expected_churn_mrr: money, low: money, high: money, actual_churn_mrr: money
    },
    result.quarter as unknown as Record<string, number | string | null>[]
  );
  await writeTable(
    db, "churn_forecast_calibration",
    {horizon: "INTEGER", bucket: "INTEGER", accounts: "BIGINT", churned: "BIGINT", predicted: "DOUBLE", observed: "DOUBLE", p_min: "DOUBLE", p_max: "DOUBLE"},
    calibration(result.outcomes)
  );
  await buildBacktest(db);
}

/**
 * churn_forecast_backtest: per horizon and overall, the backtest months (forecast made and actual
 * known), the share whose actual fell inside the 80% interval, the aggregate error
 * |Σ expected − Σ actual| / Σ actual, and the error chance alone would give (error_sd): on a small book
 * a 20% aggregate error can be luck, and the reader should see that.
 */
export async function buildBacktest(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE churn_forecast_backtest AS
    WITH b AS (
      SELECT horizon::VARCHAR AS horizon, expected_churn_mrr AS e, low, high, actual_churn_mrr AS a FROM churn_forecast
      WHERE expected_churn_mrr IS NOT NULL AND actual_churn_mrr IS NOT NULL
      UNION ALL
      SELECT 'quarter', expected_churn_mrr, low, high, actual_churn_mrr FROM churn_forecast_quarter
      WHERE expected_churn_mrr IS NOT NULL AND actual_churn_mrr IS NOT NULL
    )
    SELECT horizon, count(*)::BIGINT AS months, count(*) FILTER (WHERE a BETWEEN low AND high)::BIGINT AS covered,
           CASE WHEN count(*) > 0 THEN count(*) FILTER (WHERE a BETWEEN low AND high) / count(*) END AS coverage,
           sum(e)::DECIMAL(18,2) AS sum_expected, sum(a)::DECIMAL(18,2) AS sum_actual,
           CASE WHEN sum(a) > 0 THEN abs(sum(e) - sum(a))::DOUBLE / sum(a)::DOUBLE END AS error,
           CASE WHEN sum(a) > 0 THEN sum(abs(e - a))::DOUBLE / sum(a)::DOUBLE END AS wape,
           -- The aggregate error chance alone gives when every forecast is right: each month's SD from its
           -- 80% interval (width / 2·1.2816, as if normal), months independent, relative to Σ expected.
           CASE WHEN sum(e) > 0 THEN sqrt(sum(power((high - low)::DOUBLE / 2.5631, 2))) / sum(e)::DOUBLE END AS error_sd
    FROM b GROUP BY horizon ORDER BY horizon`);
}

export const churnForecastDefinitions: Definition[] = [
  {
    id: "churn_forecast",
    table: "churn_forecast",
    name: {en: "Churn forecast (churned MRR, 1–3 months ahead)", ja: "解約予測（1〜3か月先の解約MRR）"},
    formula: "E[churn(X+h)] = Σ_a p_h(cell_a) · MRR_a(X) · ρ_h · r^MRR_h(cell_a) / p_h(cell_a); 80% interval = 10th–90th percentile of Σ_a amount_a · Bernoulli(g · p_a), g ~ Gamma(n, 1/n), simulated",
    text: {
      en: `One row per month the forecast is made at (made_at = X, using data up to and including X only) and target month X+h, h = 1..3. For every account active in X (MRR > 0), p_h is the share of accounts of its cell (health band in X, '${NO_BAND}' when unscored, × the first segment dimension) that churned exactly h months later, over the last ${CALIBRATION_ORIGINS} origin months whose outcome is known at X; a cell's rate is shrunk toward its band's rate, and a band's toward the overall rate, with ${SHRINK} pseudo-observations (a cell of ${SHRINK} account-months weighs half its own rate), then the rates of a level are scaled by one factor so that their expected churns add up to their parent's (Σ n · rate = n_parent · rate_parent): shrinkage moves risk between cells but loses none (without it the forecast ran about 10% low). A churn takes the account's MRR in X × ρ_h (churned MRR ÷ MRR at origin, over the churners of the calibration) × the cell's MRR-weighted rate ÷ its logo rate (large accounts churn less often than small ones of the same cell). expected_churns = Σ p; expected_churn_mrr = Σ p × amount; low / high = the 10th and 90th percentiles of 4,000 simulated books (accounts independent given the rates; the random seed is made_at and h, so a forecast never changes with later data). The rates are estimates, and an error in them moves every account together: each simulated book first draws one factor g ~ Gamma(n, 1/n) (mean 1, relative SD 1/√n) that multiplies every p, where n = (Σ churned MRR)² / Σ churned MRR² over the calibration's churners (the effective number of churn events; n equal churns give n), so the interval covers the uncertainty of the calibrated rates as well as which accounts churn. actual_churn_mrr is the churn of the target month in mrr_movements, empty after the as-of month. No forecast (empty) until ${MIN_ORIGINS} origin months are known. Accounts that are not yet active in X are not forecast.`,
      ja: `予測時点の月（made_at = X。X以前のデータのみを使用）と対象月X+h（h = 1〜3）ごとの行です。Xに有料（MRR > 0）の各顧客について、p_hはそのセル（Xのヘルス帯。スコアなしは '${NO_BAND}'。× 1つ目のセグメント軸）の顧客のうちちょうどhか月後に解約した割合で、Xの時点で結果がわかっている直近${CALIBRATION_ORIGINS}か月の起点月から求めます。セルの率は帯の率に、帯の率は全体の率に、${SHRINK}件の擬似観測で縮小し（${SHRINK}顧客月のセルは自身の率の重みが半分）、その後、同じ親を持つ率を1つの係数で調整して、予想解約数の合計を親と一致させます（Σ n · 率 = 親のn · 親の率）。縮小はセル間でリスクを移すだけで、合計を失いません（この調整がないと予測は約10%低くなっていました）。解約時の金額はXのMRR × ρ_h（較正期間の解約顧客の、解約MRR ÷ 起点月のMRR）× セルのMRR加重解約率 ÷ 件数ベースの解約率です（同じセルでも大口顧客ほど解約しにくいため）。expected_churns = Σp、expected_churn_mrr = Σ p × 金額、low / high は4,000回のシミュレーション（率を与えたとき顧客は独立。乱数の種はmade_atとhなので、後のデータで予測は変わりません）の10パーセンタイルと90パーセンタイルです。率は推定値で、その誤差はすべての顧客を同時に動かすため、各シミュレーションでまず係数 g ~ Gamma(n, 1/n)（平均1、相対標準偏差1/√n）を引き、すべてのpに掛けます。nは較正期間の解約顧客の (Σ解約MRR)² / Σ解約MRR²（実効的な解約件数。同額のn件ならn）です。これにより区間は、どの顧客が解約するかだけでなく、較正した率の不確かさも含みます。actual_churn_mrrは対象月のmrr_movementsの解約MRRで、基準月より後は空欄です。起点月が${MIN_ORIGINS}か月分そろうまでは予測しません（空欄）。Xに有料でない顧客は予測に含みません。`
    }
  },
  {
    id: "churn_forecast_quarter",
    table: "churn_forecast_quarter",
    name: {en: "Churn forecast for the next quarter", ja: "次の四半期の解約予測"},
    formula: "P_a = Σ_h p_h,a; amount_a = Σ_h p_h,a · amount_h,a / P_a; E = Σ_a P_a · amount_a; interval as churn_forecast",
    text: {
      en: "The three months after made_at together (first_month..last_month). Churning in X+1, X+2 or X+3 are exclusive outcomes, so an account's probability is the sum of its three monthly ones and its amount their probability-weighted mean; the interval is simulated over the quarter's total (it is not the sum of the monthly intervals). actual_churn_mrr is the churn of the three months, empty until all three are over.",
      ja: "made_atの後の3か月（first_month〜last_month）の合計です。X+1、X+2、X+3での解約は互いに排他的なので、顧客の確率は3か月の確率の和、金額は確率で加重した平均です。区間は四半期合計をシミュレーションしたもので、月別の区間の和ではありません。actual_churn_mrrは3か月の解約MRRで、3か月が終わるまで空欄です。"
    }
  },
  {
    id: "churn_forecast_backtest",
    table: "churn_forecast_backtest",
    name: {en: "Churn forecast backtest", ja: "解約予測のバックテスト"},
    formula: "coverage = #{low ≤ actual ≤ high} / months; error = |Σ expected − Σ actual| / Σ actual; wape = Σ |expected − actual| / Σ actual; error_sd = √Σ ((high − low) / 2.563)² / Σ expected",
    text: {
      en: "Per horizon (1, 2, 3 and 'quarter'), over every month with both a forecast and a known actual: how many months, the share whose actual fell inside the 80% interval (about 80% if the interval is honest), the sums of expected and actual churned MRR, the aggregate error |Σ expected − Σ actual| / Σ actual (bias over the whole backtest), and the weighted absolute percentage error Σ |expected − actual| / Σ actual (how far single months miss; churn is lumpy, so this is large even for an unbiased forecast), and error_sd, the aggregate error chance alone would give if every forecast were right (each month's SD read from its 80% interval as if normal, months independent; for 'quarter' the overlapping quarters are not independent, so it is a floor). An error within about two error_sd is what a book of this size can show by luck: on a small book even an honest forecast can miss by 20%. /health says the book has too few churns to judge the error when error_sd > 15.6% (an honest forecast would then miss by 20% or more over one time in five).",
      ja: "予測と実績の両方がある月について、予測期間（1、2、3、'quarter'）ごとに、月数、実績が80%区間に入った割合（区間が妥当なら約80%）、予測と実績の解約MRRの合計、集計誤差 |Σ予測 − Σ実績| / Σ実績（バックテスト全体の偏り）、加重絶対誤差率 Σ|予測 − 実績| / Σ実績（各月の外れの大きさ。解約は月ごとのばらつきが大きいため、偏りのない予測でも大きくなります）、error_sd（すべての予測が正しくても偶然だけで生じる集計誤差。各月の標準偏差を80%区間から正規分布とみなして求め、月を独立として合成。'quarter' は四半期が重なり独立でないため下限の目安）です。error_sdの約2倍以内の誤差は、その規模の顧客数なら偶然でも起こりえます。小さな顧客基盤では、妥当な予測でも20%外れることがあります。error_sdが15.6%を超える（妥当な予測でも5回に1回以上20%以上外れる）場合、/healthは解約が少なく誤差を評価できないと表示します。"
    }
  },
  {
    id: "churn_forecast_calibration",
    table: "churn_forecast_calibration",
    name: {en: "Churn forecast calibration", ja: "解約予測のキャリブレーション"},
    formula: "per bucket: predicted = mean p; observed = churned / accounts",
    text: {
      en: `Every account-level prediction of the backtest whose outcome is known, per horizon, sorted by predicted probability and cut into ${CALIBRATION_BUCKETS} buckets of about equal account-months (accounts sharing one probability stay in one bucket, so buckets can be uneven or fewer): the mean predicted probability, the share that did churn in the target month, and the probability range. A calibrated forecast has observed ≈ predicted in every bucket.`,
      ja: `結果がわかっているバックテストの顧客単位の予測を、予測期間ごとに予測確率順に並べ、顧客月数がほぼ等しい${CALIBRATION_BUCKETS}区分に分けたものです（同じ確率の顧客は同じ区分に入るため、区分の大きさは不揃い、または数が少なくなることがあります）。平均予測確率、対象月に実際に解約した割合、確率の範囲を示します。よく較正された予測では、どの区分でも実績 ≈ 予測になります。`
    }
  }
];

export const churnForecast: MetricFamily = {
  name: "churn-forecast",
  tables: ["churn_forecast", "churn_forecast_quarter", "churn_forecast_calibration", "churn_forecast_backtest"],
  definitions: churnForecastDefinitions,
  build
};
