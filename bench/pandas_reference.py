#!/usr/bin/python3
"""
The pandas-equivalent of `npm run metrics -- --tables mrr_movements,churn,retention_cohorts,nps`:
the same four tables computed with idiomatic pandas from the same input CSVs, for the benchmark
(scripts/bench/pandas.ts runs it side by side with the CLI and compares the outputs).

  /usr/bin/python3 bench/pandas_reference.py --data DIR --out OUT --as-of YYYY-MM \
      [--segments segment,industry,region] [--min-sample 30] [--nps-min 30]

It follows the definitions in data/README.md (month-end snapshot, movements, churn by segment with
plan and product, cohorts, NPS by month and quarter) and assumes clean inputs: the ingest's
validation and quarantine, billing exports and FX are not reproduced (the sample company has none).
Money is summed in integer cents, as the pipeline sums DECIMAL(18,2).

  /usr/bin/python3 bench/pandas_reference.py --compare OURS_DIR PANDAS_DIR

compares the two outputs: for each table the same columns and the same rows after sorting by the key
columns; money and counts equal exactly, rates equal within 1e-9 (absolute; they are 0..1 or -100..100).
Prints one line per table and exits 1 on any difference.
"""
import argparse
import math
import os
import sys

import numpy as np
import pandas as pd

NONE = "(none)"
Z = 1.96


def month_index(ym):
    """'YYYY-MM' -> months since year 0 (vectorised on Series)."""
    return ym.str.slice(0, 4).astype(int) * 12 + ym.str.slice(5, 7).astype(int) - 1


def month_name(i):
    return [f"{v // 12:04d}-{v % 12 + 1:02d}" for v in i]


def cents(text):
    """Decimal text -> integer cents, exactly (no float)."""
    parts = text.str.split(".", n=1, expand=True)
    whole = parts[0].astype(np.int64)
    frac = parts[1].fillna("").str.ljust(2, "0").str.slice(0, 2).replace("", "0").astype(np.int64) if 1 in parts else 0
    sign = np.where(text.str.startswith("-"), -1, 1)
    return whole * 100 + sign * frac


def money(c):
    c = np.asarray(c, dtype=np.int64)
    return [f"{'-' if v < 0 else ''}{abs(v) // 100}.{abs(v) % 100:02d}" for v in c]


def wilson(k, n):
    with np.errstate(divide="ignore", invalid="ignore"):
        n = n.astype(float)
        p = k / n
        z2 = Z * Z
        centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        half = (Z / (1 + z2 / n)) * np.sqrt(np.maximum(p * (1 - p) / n + z2 / (4 * n * n), 0))
        low = np.where(n > 0, np.maximum(centre - half, 0), np.nan)
        high = np.where(n > 0, np.minimum(centre + half, 1), np.nan)
    return low, high


def compute(data, out, as_of, segments, min_sample, nps_min):
    accounts = pd.read_csv(os.path.join(data, "accounts.csv"), dtype=str, keep_default_na=False, na_values=[""])
    subs = pd.read_csv(os.path.join(data, "subscriptions.csv"), dtype=str, keep_default_na=False, na_values=[""])
    nps = pd.read_csv(os.path.join(data, "nps_responses.csv"), dtype=str, keep_default_na=False, na_values=[""],
                      usecols=["account_id", "responded_at", "score"])
    dims = [d for d in segments if d in accounts.columns]
    for d in dims:
        accounts[d] = accounts[d].fillna(NONE)

    # The calendar: first start month to the as-of month.
    last = month_index(pd.Series([as_of]))[0]
    first = min(month_index(subs["start_date"].str.slice(0, 7)).min(), last)
    months = np.arange(first, last + 1)

    # line_months: a line counts in M when start <= end of M < end_date, i.e. month(start) <= M < month(end).
    subs["mrr_c"] = cents(subs["mrr"])
    subs["from"] = np.maximum(month_index(subs["start_date"].str.slice(0, 7)), first)
    end = subs["end_date"].fillna("9999-12")
    subs["to"] = np.minimum(month_index(end.str.slice(0, 7)) - 1, last)
    subs = subs[subs["to"] >= subs["from"]]
    span = (subs["to"] - subs["from"] + 1).to_numpy()
    lines = subs.loc[subs.index.repeat(span), ["account_id", "product", "plan", "mrr_c"]].reset_index(drop=True)
    lines["month"] = np.repeat(subs["from"].to_numpy(), span) + (np.arange(span.sum()) - np.repeat(np.cumsum(span) - span, span))
    lines[["product", "plan"]] = lines[["product", "plan"]].fillna(NONE)
    lines = lines[lines["account_id"].isin(accounts["account_id"])]

    # account_months: each account's MRR per month.
    am = lines.groupby(["month", "account_id"], as_index=False)["mrr_c"].sum()
    mrr_of = am.set_index(["month", "account_id"])["mrr_c"]

    # mrr_movements: the bridge from each account's MRR in M-1 to M.
    paid = am[am["mrr_c"] > 0]
    first_paid = paid.groupby("account_id")["month"].min()
    keys = pd.concat([paid[["month", "account_id"]],
                      paid.loc[paid["month"] + 1 <= last, ["month", "account_id"]].assign(month=lambda x: x["month"] + 1)]).drop_duplicates()
    keys["cur"] = mrr_of.reindex(pd.MultiIndex.from_frame(keys[["month", "account_id"]])).fillna(0).to_numpy(np.int64)
    prev = pd.MultiIndex.from_arrays([keys["month"] - 1, keys["account_id"]])
    keys["prev"] = mrr_of.reindex(prev).fillna(0).to_numpy(np.int64)
    keys["first"] = keys["account_id"].map(first_paid)
    change = keys["cur"] - keys["prev"]
    kind = np.select(
        [(keys["cur"] > 0) & (keys["prev"] == 0) & (keys["first"] == keys["month"]),
         (keys["cur"] > 0) & (keys["prev"] == 0), (keys["cur"] > 0) & (change > 0), (keys["cur"] > 0) & (change < 0),
         (keys["cur"] == 0) & (keys["prev"] > 0)],
        ["new", "reactivation", "expansion", "contraction", "churn"], default="")
    keys["amount"] = change.abs()
    keys["kind"] = kind
    bridge = keys.pivot_table(index="month", columns="kind", values="amount", aggfunc="sum", fill_value=0)
    totals = keys.groupby("month")[["prev", "cur"]].sum()
    mm = pd.DataFrame(index=pd.Index(months, name="month"))
    mm = mm.join(totals).join(bridge).fillna(0).astype(np.int64)
    for k in ["new", "expansion", "contraction", "churn", "reactivation"]:
        if k not in mm:
            mm[k] = 0
    pd.DataFrame({
        "month": month_name(mm.index), "mrr_start": money(mm["prev"]), "new": money(mm["new"]),
        "expansion": money(mm["expansion"]), "contraction": money(mm["contraction"]), "churn": money(mm["churn"]),
        "reactivation": money(mm["reactivation"]), "fx": money(np.zeros(len(mm), dtype=np.int64)), "mrr_end": money(mm["cur"]),
    }).to_csv(os.path.join(out, "mrr_movements.csv"), index=False, lineterminator="\n")

    # segment_months: (month, dimension, segment, account) -> segment MRR and the account's MRR.
    am_dims = am.merge(accounts[["account_id", *dims]], on="account_id")
    parts = [am_dims.assign(dimension="all", segment="all", seg_c=am_dims["mrr_c"])[["month", "dimension", "segment", "account_id", "seg_c"]]]
    for d in dims:
        parts.append(am_dims.assign(dimension=d, segment=am_dims[d], seg_c=am_dims["mrr_c"])[["month", "dimension", "segment", "account_id", "seg_c"]])
    for d in ["plan", "product"]:
        g = lines.groupby(["month", d, "account_id"], as_index=False)["mrr_c"].sum()
        parts.append(g.rename(columns={d: "segment", "mrr_c": "seg_c"}).assign(dimension=d)[["month", "dimension", "segment", "account_id", "seg_c"]])
    sm = pd.concat(parts, ignore_index=True)
    sm["acct_c"] = mrr_of.reindex(pd.MultiIndex.from_frame(sm[["month", "account_id"]])).to_numpy(np.int64)
    dim_order = {d: i for i, d in enumerate(["all", *dims, "plan", "product"])}
    values = sm[["dimension", "segment"]].drop_duplicates()
    values["dim_idx"] = values["dimension"].map(dim_order)
    values = values.sort_values(["dim_idx", "segment"], kind="stable")

    # churn: members are the segment's accounts with MRR at the end of M-1.
    members = sm[(sm["acct_c"] > 0) & (sm["month"] + 1 <= last)].assign(month=lambda x: x["month"] + 1)
    members = members.rename(columns={"seg_c": "prev_c"}).drop(columns="acct_c")
    members = members.merge(sm[["month", "dimension", "segment", "account_id", "seg_c"]], how="left",
                            on=["month", "dimension", "segment", "account_id"])
    members["cur_c"] = members["seg_c"].fillna(0).astype(np.int64)
    members["acct_cur"] = mrr_of.reindex(pd.MultiIndex.from_frame(members[["month", "account_id"]])).fillna(0).to_numpy(np.int64)
    stayed = members["acct_cur"] > 0
    members["churned"] = (~stayed).astype(np.int64)
    members["churned_c"] = np.where(stayed, 0, members["prev_c"])
    members["contraction_c"] = np.where(stayed, np.maximum(members["prev_c"] - members["cur_c"], 0), 0)
    members["expansion_c"] = np.where(stayed, np.maximum(members["cur_c"] - members["prev_c"], 0), 0)
    cells = members.groupby(["month", "dimension", "segment"]).agg(
        accounts_start=("account_id", "size"), accounts_churned=("churned", "sum"), mrr_start=("prev_c", "sum"),
        mrr_churned=("churned_c", "sum"), mrr_contraction=("contraction_c", "sum"), mrr_expansion=("expansion_c", "sum"))
    grid = pd.MultiIndex.from_tuples([(m, d, s) for m in months for d, s in zip(values["dimension"], values["segment"])],
                                     names=["month", "dimension", "segment"])
    ch = cells.reindex(grid, fill_value=0).reset_index()
    start = ch["accounts_start"]
    with np.errstate(divide="ignore", invalid="ignore"):
        s = ch["mrr_start"].astype(float)
        lost = (ch["mrr_churned"] + ch["mrr_contraction"]).astype(float)
        ch["logo_churn_rate"] = np.where(start > 0, ch["accounts_churned"] / start, np.nan)
        ch["revenue_churn_rate"] = np.where(s > 0, lost / s, np.nan)
        ch["grr"] = np.where(s > 0, (s - lost) / s, np.nan)
        ch["nrr"] = np.where(s > 0, (s - lost + ch["mrr_expansion"]) / s, np.nan)
    # The trailing three months pooled: rolling sums per segment, once all three months have a previous month.
    idx = ch["month"].map({m: i for i, m in enumerate(months)})
    g = ch.groupby(["dimension", "segment"], sort=False)
    t3 = {c: g[c].transform(lambda x: x.rolling(3, min_periods=3).sum())
          for c in ["accounts_start", "accounts_churned", "mrr_start", "mrr_churned", "mrr_contraction", "mrr_expansion"]}
    ok = idx >= 3
    with np.errstate(divide="ignore", invalid="ignore"):
        s3 = t3["mrr_start"].astype(float)
        lost3 = (t3["mrr_churned"] + t3["mrr_contraction"]).astype(float)
        ch["logo_churn_rate_t3"] = np.where(ok & (t3["accounts_start"] > 0), t3["accounts_churned"] / t3["accounts_start"], np.nan)
        ch["revenue_churn_rate_t3"] = np.where(ok & (s3 > 0), lost3 / s3, np.nan)
        ch["grr_t3"] = np.where(ok & (s3 > 0), (s3 - lost3) / s3, np.nan)
        ch["nrr_t3"] = np.where(ok & (s3 > 0), (s3 - lost3 + t3["mrr_expansion"]) / s3, np.nan)
    ch["logo_churn_ci_low"], ch["logo_churn_ci_high"] = wilson(ch["accounts_churned"].to_numpy(), start.to_numpy())
    ch["small_sample"] = np.where(start < min_sample, "true", "false")
    ch["month"] = month_name(ch["month"])
    for c in ["mrr_start", "mrr_churned", "mrr_contraction"]:
        ch[c] = money(ch[c])
    ch[["month", "dimension", "segment", "accounts_start", "accounts_churned", "logo_churn_rate", "mrr_start", "mrr_churned",
        "mrr_contraction", "revenue_churn_rate", "grr", "nrr", "logo_churn_rate_t3", "revenue_churn_rate_t3", "grr_t3", "nrr_t3", "logo_churn_ci_low", "logo_churn_ci_high", "small_sample"]].to_csv(os.path.join(out, "churn.csv"), index=False, lineterminator="\n")

    # retention_cohorts: each cohort (first paid month) per segment it was in then, k months later.
    cohort = sm.merge(first_paid.rename("cohort"), left_on="account_id", right_index=True)
    cohort = cohort[cohort["month"] == cohort["cohort"]].rename(columns={"seg_c": "mrr0"})[["cohort", "dimension", "segment", "account_id", "mrr0"]]
    span = (last - cohort["cohort"] + 1).to_numpy()
    panel = cohort.loc[cohort.index.repeat(span)].reset_index(drop=True)
    panel["months_since"] = np.arange(span.sum()) - np.repeat(np.cumsum(span) - span, span)
    panel["month"] = panel["cohort"] + panel["months_since"]
    panel["acct"] = mrr_of.reindex(pd.MultiIndex.from_frame(panel[["month", "account_id"]])).fillna(0).to_numpy(np.int64)
    seg = sm.set_index(["month", "dimension", "segment", "account_id"])["seg_c"]
    panel["mrr"] = seg.reindex(pd.MultiIndex.from_frame(panel[["month", "dimension", "segment", "account_id"]])).fillna(0).to_numpy(np.int64)
    panel["retained"] = (panel["acct"] > 0).astype(np.int64)
    rc = panel.groupby(["cohort", "dimension", "segment", "months_since"], as_index=False).agg(
        accounts_start=("account_id", "size"), accounts_retained=("retained", "sum"), mrr_start=("mrr0", "sum"), mrr=("mrr", "sum"))
    rc["dim_idx"] = rc["dimension"].map(dim_order)
    rc = rc.sort_values(["cohort", "dim_idx", "segment", "months_since"], kind="stable")
    rc["logo_retention"] = rc["accounts_retained"] / rc["accounts_start"]
    with np.errstate(divide="ignore", invalid="ignore"):
        rc["revenue_retention"] = np.where(rc["mrr_start"] > 0, rc["mrr"].astype(float) / rc["mrr_start"].astype(float), np.nan)
    rc["cohort"] = month_name(rc["cohort"])
    rc["mrr_start"], rc["mrr"] = money(rc["mrr_start"]), money(rc["mrr"])
    rc[["cohort", "dimension", "segment", "months_since", "accounts_start", "accounts_retained", "logo_retention", "mrr_start", "mrr",
        "revenue_retention"]].to_csv(os.path.join(out, "retention_cohorts.csv"), index=False, lineterminator="\n")

    # nps: by month and by quarter, for all responses and per account dimension.
    r = nps[nps["responded_at"].str.slice(0, 7) <= as_of].copy()
    r["score"] = r["score"].astype(int)
    r["month"] = r["responded_at"].str.slice(0, 7)
    r["quarter"] = r["responded_at"].str.slice(0, 4) + "-Q" + ((r["responded_at"].str.slice(5, 7).astype(int) + 2) // 3).astype(str)
    tagged = [r.assign(dimension="all", dim_idx=0, segment="all")]
    ra = r.merge(accounts[["account_id", *dims]], on="account_id")
    for i, d in enumerate(dims):
        tagged.append(ra.assign(dimension=d, dim_idx=i + 1, segment=ra[d]))
    t = pd.concat(tagged, ignore_index=True)
    periods = pd.concat([t.assign(period=t["month"], kind=0), t.assign(period=t["quarter"], kind=1)], ignore_index=True)
    periods["p"] = (periods["score"] >= 9).astype(np.int64)
    periods["pa"] = periods["score"].between(7, 8).astype(np.int64)
    periods["d"] = (periods["score"] <= 6).astype(np.int64)
    n = periods.groupby(["kind", "period", "dim_idx", "dimension", "segment"], as_index=False).agg(
        responses=("score", "size"), promoters=("p", "sum"), passives=("pa", "sum"), detractors=("d", "sum"))
    n = n.sort_values(["kind", "period", "dim_idx", "segment"], kind="stable")
    k, p, d = n["responses"].astype(float), n["promoters"], n["detractors"]
    n["nps"] = 100.0 * (p - d) / k
    half = 1.96 * 100 * np.sqrt(np.maximum(((p + d) * n["responses"] - (p - d) * (p - d)).astype(float), 0) / (k * k * k))
    n["ci_low"] = np.maximum(n["nps"] - half, -100)
    n["ci_high"] = np.minimum(n["nps"] + half, 100)
    n["low_responses"] = np.where(n["responses"] < nps_min, "true", "false")
    quarter_end = n["period"].str.slice(0, 4) + "-" + (n["period"].str.slice(-1).apply(lambda q: f"{int(q) * 3:02d}" if q.isdigit() else "00"))
    n["partial"] = np.where((n["kind"] == 1) & (quarter_end > as_of), "true", "false")
    n[["period", "dimension", "segment", "responses", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high", "low_responses",
       "partial"]].to_csv(os.path.join(out, "nps.csv"), index=False, lineterminator="\n", float_format=None)


KEYS = {
    "mrr_movements": ["month"],
    "churn": ["month", "dimension", "segment"],
    "retention_cohorts": ["cohort", "dimension", "segment", "months_since"],
    "nps": ["period", "dimension", "segment"],
}


def compare(ours_dir, theirs_dir):
    """Same columns, same keys, equal values: text exactly, numbers within 1e-9."""
    ok = True
    for table, keys in KEYS.items():
        a = pd.read_csv(os.path.join(ours_dir, f"{table}.csv"), dtype=str, keep_default_na=False)
        b = pd.read_csv(os.path.join(theirs_dir, f"{table}.csv"), dtype=str, keep_default_na=False)
        problems = []
        if list(a.columns) != list(b.columns):
            problems.append(f"columns differ: {list(a.columns)} vs {list(b.columns)}")
        elif len(a) != len(b):
            problems.append(f"{len(a)} rows vs {len(b)}")
        else:
            a = a.sort_values(keys, kind="stable").reset_index(drop=True)
            b = b.sort_values(keys, kind="stable").reset_index(drop=True)
            for col in a.columns:
                x, y = a[col], b[col]
                same = x == y
                if not same.all():
                    xn, yn = pd.to_numeric(x.replace("", "nan"), errors="coerce"), pd.to_numeric(y.replace("", "nan"), errors="coerce")
                    close = ((xn - yn).abs() <= 1e-9) | (xn.isna() & yn.isna() & (x == "") & (y == ""))
                    bad = ~(same | close)
                    if bad.any():
                        i = bad.idxmax()
                        problems.append(f"{col}: {int(bad.sum())} values differ, e.g. {dict(a.loc[i, keys])} {x[i]!r} vs {y[i]!r}")
        print(f"{table}: {'identical' if not problems else '; '.join(problems)} ({len(a)} rows)")
        ok = ok and not problems
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--out")
    ap.add_argument("--as-of")
    ap.add_argument("--segments", default="segment,industry,region")
    ap.add_argument("--min-sample", type=int, default=30)
    ap.add_argument("--nps-min", type=int, default=30)
    ap.add_argument("--compare", nargs=2, metavar=("OURS", "PANDAS"))
    args = ap.parse_args()
    if args.compare:
        sys.exit(0 if compare(*args.compare) else 1)
    os.makedirs(args.out, exist_ok=True)
    compute(args.data, args.out, args.as_of, [s for s in args.segments.split(",") if s], args.min_sample, args.nps_min)


if __name__ == "__main__":
    main()
