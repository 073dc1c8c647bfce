/**
 * Every UI string and number/date format of the site, for en-US and ja-JP (one place, both languages).
 *
 * HOW TO ADD STRINGS (other pages): each locale's dictionary below has sections. Add your keys ONLY
 * inside the section marked "analysis pages" of BOTH dictionaries (same key in each; namespace keys
 * by page, e.g. "churn.title", "nps.responses"). Keys of the "common" and "report" sections belong to
 * the monthly report; reuse them freely, but ask before renaming. Japanese text is written for a
 * Japanese reader, with the terms of /work/shared/spec/glossary.md (MRR（月次経常収益）, 解約率,
 * 売上継続率（NRR / GRR）, 新規 / 拡大 / 縮小 / 解約 / 復帰, 推奨者 / 中立者 / 批判者, ヘルススコア,
 * 解約リスクの高い顧客 …).
 *
 * A value is a string with {param} placeholders, or a function (params) => string (plurals, word
 * order). Usage:
 *   const tr = t(locale); tr("kpi.mrr"); tr("report.title", {month: "…"});
 *   const f = formatters(locale, currency); f.money(412e6); f.moneyCompact(412e6); f.percent(0.031);
 * Missing keys render as the key itself (visible, never a crash).
 */

const EN = {
  // ───────────────────────────── common ─────────────────────────────
  "common.download_csv": "Download CSV",
  "common.none": "None",
  "common.no_data": "No data",
  "common.rows": ({n}) => `${n} ${n === 1 ? "row" : "rows"}`,
  "common.all": "All",
  "common.segment": "Segment",
  "common.product": "Product",
  "common.month": "Month",
  "common.from": "From",
  "common.to": "To",
  "common.account": "Account",
  "common.account_id": "Account ID",
  "common.csm": "CSM",
  "common.industry": "Industry",
  "common.region": "Region",
  "common.mrr": "MRR",
  "common.target": "Target",
  "common.met": "Met",
  "common.not_met": "Not met",
  "common.no_target": "No target",
  "common.vs_prev": "vs last month",
  "common.vs_year": ({month}) => `vs ${month}`,
  "common.as_of": ({month}) => `Data as of ${month}`,
  "common.print": "Print",
  "segment.Enterprise": "Enterprise",
  "segment.Mid-Market": "Mid-Market",
  "segment.SMB": "SMB",
  "segment.(none)": "(none)",
  "band.red": "Red",
  "band.yellow": "Yellow",
  "band.green": "Green",

  // ───────────────────────────── KPIs ─────────────────────────────
  "kpi.mrr": "MRR",
  "kpi.nrr": "NRR",
  "kpi.grr": "GRR",
  "kpi.logo_churn_rate": "Logo churn",
  "kpi.revenue_churn_rate": "Revenue churn",
  "kpi.nps": "NPS",
  "kpi.health_green_share": "Health: green share",
  "kpi.onboarding_completion_rate": "Onboarding completion",
  "kpi.mrr.help": "Monthly recurring revenue at month end",
  "kpi.nrr.help": "Net revenue retention (month)",
  "kpi.grr.help": "Gross revenue retention (month)",
  "kpi.logo_churn_rate.help": "Accounts churned ÷ accounts at start",
  "kpi.revenue_churn_rate.help": "Churned + contracted MRR ÷ MRR at start",
  "kpi.nps.help": "Promoters − detractors, % of responses",
  "kpi.health_green_share.help": "Share of accounts with green health",
  "kpi.onboarding_completion_rate.help": "Share of onboardings completed",
  "kpi.nps.basis_quarter": ({period, n}) => `Quarter ${period} (${n} responses; too few in the month)`,
  "kpi.nps.basis_month": ({n}) => `${n} responses`,
  "kpi.sparkline": ({label, from, to}) => `${label}, ${from} to ${to}`,
  "kpi.health_mix": ({green, yellow, red}) => `Green ${green} · Yellow ${yellow} · Red ${red}`,
  "kpi.lower_is_better": "lower is better",

  // ───────────────────────────── movements ─────────────────────────────
  "movement.start": "Start MRR",
  "movement.new": "New",
  "movement.expansion": "Expansion",
  "movement.reactivation": "Reactivation",
  "movement.contraction": "Contraction",
  "movement.churn": "Churn",
  "movement.end": "End MRR",

  // ───────────────────────────── monthly report ─────────────────────────────
  "report.title": ({month}) => `Monthly report — ${month}`,
  "report.latest": "Latest monthly report",
  "report.kpis": "Key metrics",
  "report.summary": "Summary",
  "report.bridge": "MRR bridge",
  "report.bridge.title": ({month}) => `MRR bridge, ${month}`,
  "report.bridge.alt": ({start, end, parts}) => `Waterfall chart: MRR went from ${start} at the start of the month to ${end} at the end. ${parts}.`,
  "report.movers": "Largest movements",
  "report.churns": "Largest churns",
  "report.contractions": "Largest contractions",
  "report.expansions": "Largest expansions",
  "report.mrr_before": "MRR before",
  "report.mrr_after": "MRR after",
  "report.delta": "Change",
  "report.at_risk": "At-risk accounts",
  "report.at_risk.help":
    "Health band red at month end, or a subscription line ending within 90 days after month end while usage is falling (average monthly active users over the last 3 months at least 10% below the 3 months before).",
  "report.at_risk.count": ({n, shown}) => (n > shown ? `${n} accounts (largest ${shown} by MRR shown)` : `${n} ${n === 1 ? "account" : "accounts"}`),
  "report.reason": "Reason",
  "report.reason.red": "Red health",
  "report.reason.renewal": "Line ending, usage falling",
  "report.health_score": "Health score",
  "report.renewal": "Line ends",
  "report.band": "Health band",
  "report.users_recent": "Active users, last 3 months",
  "report.users_prior": "Active users, prior 3 months",
  "report.usage_trend": "Active users (3 mo / prior 3)",
  "report.archive": "Monthly reports",
  "report.archive.intro": "Every month with data, newest first. Each report shows the month as it was computed from the current exports.",
  "report.archive.open": "Open report",
  "report.no_prev": "no earlier month",
  "report.filter.segment": "Segment",
  "report.filter.all_segments": "All segments",
  "report.kpi_table": "KPI table",
  "report.metric": "Metric",
  "report.value": "Value",
  "report.prev": "Last month",
  "report.year": "Same month last year",

  // ───────────────────────────── analysis pages ─────────────────────────────
  // (other engineer: add keys for the analysis pages below this line, and the same keys in JA)
  // analysis-pages:en:begin
  "analysis.all_accounts": "All accounts",
  "analysis.accounts_start": "Accounts at start",
  "analysis.mrr_start": "MRR at start",
  "analysis.mrr_churned": "Churned MRR",
  "analysis.mrr_contraction": "Contraction MRR",
  "analysis.net_change": "Net change",
  "analysis.movements_alt": ({from, to, parts, net}) => `Stacked bars of MRR movements from ${from} to ${to}: ${parts}; net change ${net}.`,
  "analysis.quarter": ({year, q}) => `Q${q} ${year}`,
  "analysis.search": "Search",
  "analysis.search_accounts": "Account name, ID or CSM",
  "analysis.yes": "Yes",
  "analysis.days": ({n}) => `${n} days`,
  "analysis.hours": ({n}) => `${n} h`,
  "chart.trend_series": ({series, from, first, to, last}) => `${series ? `${series}: ` : ""}${first} in ${from}, ${last} in ${to}.`,
  "dimension.all": "All accounts",
  "dimension.segment": "Segment",
  "dimension.industry": "Industry",
  "dimension.region": "Region",
  "dimension.plan": "Plan",
  "dimension.product": "Product",
  "dimension.csm": "CSM",
  "activity.qbr": "QBR",
  "activity.meeting": "Meeting",
  "activity.call": "Call",
  "activity.email": "Email",
  "activity.training": "Training",
  "activity.onboarding": "Onboarding session",

  "retention.title": "Retention & MRR",
  "retention.intro": "How much revenue the book keeps from month to month, what moved MRR, and how each cohort of new customers has held up. Choose a segment and a month range; the link keeps your choice.",
  "retention.measure": "Cohort measure",
  "retention.logo_retention": "Logo retention",
  "retention.revenue_retention": "Revenue retention",
  "retention.grr_nrr": "Revenue retention (GRR / NRR)",
  "retention.monthly_title": "GRR and NRR by month",
  "retention.t12m_title": "Trailing-12-month GRR and NRR",
  "retention.table_title": ({segment}) => `GRR and NRR by month — ${segment}`,
  "retention.grr_t12m": "GRR (12 months)",
  "retention.nrr_t12m": "NRR (12 months)",
  "retention.movements": "MRR movements",
  "retention.movements_title": "MRR movements by month",
  "retention.movements_fallback": ({segment}) => `MRR movements are broken down by account columns only; “${segment}” is a subscription-line segment, so the chart shows all accounts.`,
  "retention.movements_table": ({segment}) => `MRR movements by month — ${segment}`,
  "retention.cohorts": "Cohort retention",
  "retention.cohorts_intro": "A cohort is the accounts whose first month with MRR is the same. Each row follows one cohort: the share of its accounts still paying (logo retention) or of its starting MRR still there, expansion included (revenue retention), k months later.",
  "retention.heatmap_title": ({measure}) => `${measure} by cohort`,
  "retention.cohorts_range": ({range}) => `cohorts ${range}`,
  "retention.cohort_table": ({measure, segment}) => `${measure} at checkpoints — ${segment}`,
  "retention.cohort": "Cohort",
  "retention.cohort_accounts": "Accounts",
  "retention.cohort_mrr": "Starting MRR",
  "retention.months_since": ({k}) => `Month ${k}`,
  "retention.months_since_axis": "Months since first MRR →",
  "retention.cohort_size": ({n}) => `${n} accounts in the cohort`,
  "retention.heatmap_alt": ({n, from, to, measure, points}) => `Heatmap of ${measure} for ${n} cohorts from ${from} to ${to}. ${points}`,
  "retention.heatmap_cell": ({cohort, k, value}) => `Cohort ${cohort}: ${value} after ${k} months.`,

  "churn.title": "Churn",
  "churn.intro": "Logo churn, revenue churn and monthly GRR / NRR broken down by any segment dimension, against the whole book. Pick the dimension and the measure; the link keeps your choice.",
  "churn.dimension": "Break down by",
  "churn.measure": "Measure",
  "churn.trend_title": ({metric, dimension}) => `${metric} by ${dimension.toLowerCase()}`,
  "churn.latest_title": ({metric}) => `${metric}, latest month`,
  "churn.table_title": ({dimension}) => `Churn by ${dimension.toLowerCase()} and month`,
  "churn.accounts_churned": "Accounts churned",
  "churn.note": "Rates are empty when a segment had no accounts (or no MRR) at the start of the month. For plan and product, an account on two lines counts in both, and churn means the whole account's MRR fell to 0.",

  "nps.title": "NPS",
  "nps.intro": "Net Promoter Score over time with its 95% interval, how answers spread over 0–10, the score by segment, and what customers wrote. Periods with too few responses are marked and should be read with care.",
  "nps.period": "Period",
  "nps.period_month": "Month",
  "nps.period_quarter": "Quarter",
  "nps.low_warning": ({n, total}) => `${n} of ${total} periods shown have fewer responses than the configured minimum: they are drawn hollow and flagged in the tables. Read them with care.`,
  "nps.low_responses": "Too few responses",
  "nps.trend_title": "NPS with 95% interval",
  "nps.trend_caption": "Shaded: 95% interval. Hollow diamonds: too few responses.",
  "nps.distribution_title": "Answers by score",
  "nps.distribution_alt": ({n, parts}) => `Bar chart of ${n} answers by score from 0 to 10: ${parts}.`,
  "nps.score_axis": "Score",
  "nps.score": "Score",
  "nps.responses": "Responses",
  "nps.responses_n": ({n}) => `${n} responses`,
  "nps.promoter": "Promoters",
  "nps.passive": "Passives",
  "nps.detractor": "Detractors",
  "nps.ci_low": "95% low",
  "nps.ci_high": "95% high",
  "nps.by_segment": "NPS by segment",
  "nps.by_segment_title": ({dimension}) => `NPS by ${dimension.toLowerCase()}`,
  "nps.by_segment_caption": "Whiskers: 95% interval. Faded bars: too few responses.",
  "nps.by_segment_table": ({period}) => `NPS by segment, ${period}`,
  "nps.series_table": ({segment}) => `NPS by period — ${segment}`,
  "nps.comments": "Voice of the customer",
  "nps.comments_intro": "Verbatim comments from the last 24 months (newest first), for the segment and months chosen above.",
  "nps.search": "Search comments",
  "nps.search_placeholder": "Word, account or survey",
  "nps.category": "Category",
  "nps.comments_table": ({n}) => `${n} comments`,
  "nps.date": "Date",
  "nps.survey": "Survey",
  "nps.comment": "Comment",
  "nps.anonymous": "(anonymous)",
  "nps.no_comments": "No comments match.",

  "health.title": "Health",
  "health.intro": "How healthy the book is this month, how accounts move between bands, whether the score has predicted churn, and the accounts with the lowest scores.",
  "health.by_dimension": "Bands by",
  "health.active_accounts": "Active accounts",
  "health.avg_score": "Average score",
  "health.scored_n": ({n}) => `${n} accounts scored`,
  "health.red_accounts": "Red accounts",
  "health.yellow_n": ({n}) => `${n} yellow`,
  "health.distribution": "Score distribution",
  "health.histogram_title": "Accounts by health score",
  "health.histogram_alt": ({n, parts}) => `Histogram of ${n} accounts by health score: ${parts}.`,
  "health.score_axis": "Health score",
  "health.accounts_n": ({n}) => `${n} accounts`,
  "health.bands_title": ({dimension}) => `Health bands by ${dimension.toLowerCase()}`,
  "health.mix_title": "Share of scored accounts in green",
  "health.transitions": "Band transitions",
  "health.transitions_title": "Accounts moving between bands",
  "health.transitions_sub": ({from, to}) => `${from} → ${to}`,
  "health.transitions_caption": "Rows: last month's band; columns: this month's. Percentages are of the row. Not scored: new, returning or gone.",
  "health.transitions_alt": ({stayed, worse, better}) => `${stayed} accounts kept their band, ${worse} moved to a worse band and ${better} to a better one.`,
  "health.transitions_table": "Transitions",
  "health.from_band": "From",
  "health.to_band": "To",
  "health.not_scored": "Not scored",
  "health.accounts": "Accounts",
  "health.share_of_from": "Share of row",
  "health.validity": "Does the score predict churn?",
  "health.validity_intro": "Accounts scored in a month, and whether they churned within the next 3 months, pooled over every month with 3 months to look ahead. A useful score shows churn falling from red to green and from the lowest decile to the highest, and an AUC well above 0.5.",
  "health.churn_by_band": "Churn within 3 months, by band",
  "health.churn_by_decile": "Churn within 3 months, by score decile",
  "health.decile_sub": "Decile 1 = lowest scores",
  "health.decile": ({k}) => `Decile ${k}`,
  "health.pooled": "All months pooled",
  "health.auc_title": "AUC against churn within 3 months",
  "health.auc_sub": ({auc}) => `Health score AUC ${auc} (0.5 = chance)`,
  "health.chance": "Chance (0.5)",
  "health.validity_table": "Churn within 3 months by band, decile and measure (all months pooled)",
  "health.kind": "Breakdown",
  "health.kind_band": "Band",
  "health.kind_decile": "Score decile",
  "health.kind_auc": "AUC",
  "health.bucket": "Group",
  "health.churned_3m": "Churned within 3 months",
  "health.churn_rate_3m": "Churn rate (3 months)",
  "health.score_min": "Lowest score",
  "health.score_max": "Highest score",
  "health.score": "Health score",
  "health.band": "Band",
  "health.change": "Change vs last month",
  "health.missing": "Missing components",
  "health.component.usage": "Usage",
  "health.component.engagement": "Engagement",
  "health.component.support": "Support",
  "health.component.nps": "NPS",
  "health.component.onboarding": "Onboarding",
  "health.component.outcomes": "Outcomes",
  "health.accounts_list": "Accounts by score",
  "health.accounts_table": ({n, month}) => `${n} accounts, lowest score first (${month})`,
  "health.accounts_note": "The list holds the lowest-scored accounts of the month (at most 2,000), filtered by the segment chosen above.",
  "health.no_accounts": "No accounts match.",

  "adoption.title": "Onboarding, adoption & support",
  "adoption.intro": "The three phases of customer success: onboarding (導入), adoption (活用) and expansion (拡大), with the support load alongside.",
  "adoption.onboarding": "Onboarding",
  "adoption.on_time_title": "Onboardings completed on time (KPI)",
  "adoption.on_time_caption": "Of the accounts whose onboarding deadline fell in the three months to the month, the share that completed every required milestone by it.",
  "adoption.monthly_table": ({segment}) => `Onboarding completed on time by month — ${segment}`,
  "adoption.due": "Deadlines in the 3 months",
  "adoption.completed_on_time": "Completed on time",
  "adoption.completion_by_now": "Completed by now",
  "adoption.completion_title": "Onboarding completion by start month",
  "adoption.completion_caption": "Share of the accounts that started onboarding in the month and have completed every required milestone by now (recent months are still in progress).",
  "adoption.days_title": "Median days to complete onboarding",
  "adoption.onboarding_table": ({segment}) => `Onboarding by start month — ${segment}`,
  "adoption.start_month": "Start month",
  "adoption.accounts": "Accounts",
  "adoption.completed": "Completed",
  "adoption.median_days": "Median days to complete",
  "adoption.in_progress": "In progress",
  "adoption.overdue": "Overdue",
  "adoption.overdue_table": ({n}) => `Overdue onboardings (${n}, largest MRR first)`,
  "adoption.started_at": "Started",
  "adoption.days_since_start": "Since start",
  "adoption.milestones_done": "Milestones done",
  "adoption.milestones_required": "Required",
  "adoption.open_milestones": "Open milestones",
  "adoption.no_overdue": "No overdue onboardings.",
  "adoption.adoption": "Adoption",
  "adoption.utilisation_title": "Seat utilisation",
  "adoption.utilisation_caption": "Active users ÷ licensed seats of the active accounts.",
  "adoption.events_title": "Key events per active user",
  "adoption.adoption_table": ({segment}) => `Adoption by month — ${segment}`,
  "adoption.active_accounts": "Active accounts",
  "adoption.accounts_with_usage": "With usage data",
  "adoption.active_users": "Active users",
  "adoption.seats": "Seats",
  "adoption.utilisation": "Seat utilisation",
  "adoption.key_events": "Key events",
  "adoption.events_per_user": "Key events per active user",
  "adoption.expansion": "Expansion",
  "adoption.expansion_rate_title": "Accounts expanding (share of accounts at start)",
  "adoption.expansion_mrr_title": "Expansion MRR",
  "adoption.expansion_caption": "Upsell: more MRR on a product the account already had. Cross-sell: a product it did not have.",
  "adoption.expansion_table": ({segment}) => `Upsell and cross-sell by month — ${segment}`,
  "adoption.upsell_rate": "Upsell (accounts)",
  "adoption.cross_sell_rate": "Cross-sell (accounts)",
  "adoption.upsell_mrr": "Upsell MRR",
  "adoption.cross_sell_mrr": "Cross-sell MRR",
  "adoption.upsell_accounts": "Upsell accounts",
  "adoption.cross_sell_accounts": "Cross-sell accounts",
  "adoption.support": "Support",
  "adoption.tickets_title": "Tickets per active account",
  "adoption.response_title": "Median hours to first response and to resolution",
  "adoption.csat_title": "Satisfied CSAT answers",
  "adoption.csat_caption": "Share of CSAT answers of 4 or 5.",
  "adoption.support_table": ({segment}) => `Support by month — ${segment}`,
  "adoption.tickets": "Tickets",
  "adoption.tickets_per_account": "Tickets per account",
  "adoption.accounts_with_tickets": "Accounts with tickets",
  "adoption.median_first_response_hours": "First response (median)",
  "adoption.median_resolution_hours": "Resolution (median)",
  "adoption.csat_responses": "CSAT answers",
  "adoption.csat_avg": "CSAT (average)",
  "adoption.csat_satisfied_rate": "Satisfied share",

  "csm.title": "CSM portfolio",
  "csm.intro": "Each CSM's book: accounts, MRR, health mix, churn and net revenue retention, compared for one month and followed over time; and whether accounts with a QBR retain better.",
  "csm.measure": "Compare",
  "csm.mrr": "MRR",
  "csm.accounts": "Accounts",
  "csm.green_share": "Green share",
  "csm.logo_churn_rate": "Logo churn",
  "csm.nrr": "NRR (month)",
  "csm.nrr_t12m": "NRR (12 months)",
  "csm.follow": "CSM",
  "csm.all": "All CSMs",
  "csm.unassigned": "(no CSM)",
  "csm.compare_title": ({measure}) => `${measure} by CSM`,
  "csm.bands_title": "Health bands by CSM",
  "csm.table_title": ({month}) => `CSM portfolios, ${month}`,
  "csm.mrr_expansion": "Expansion MRR",
  "csm.over_time": "Over time",
  "csm.nrr_title": "NRR by month",
  "csm.green_title": "Green share by month",
  "csm.qbr": "QBRs and retention",
  "csm.qbr_intro": "Accounts that had a quarterly business review (QBR) in the six months before, against those that did not: the share still paying and the NRR in the month. A comparison, not proof of cause.",
  "csm.with_qbr": "With a QBR",
  "csm.without_qbr": "Without a QBR",
  "csm.qbr_retention_title": "Logo retention, with and without a QBR",
  "csm.qbr_nrr_title": "NRR, with and without a QBR",
  "csm.qbr_table": "Retention with and without a QBR",
  "csm.group": "Group",
  "csm.accounts_retained": "Accounts retained",

  "accounts.title": "Accounts",
  "accounts.intro": "Search any account to see its MRR, health, NPS and activity history. Pick a row to open it; the link keeps the search and the account.",
  "accounts.status": "Status",
  "accounts.status_active": "Active",
  "accounts.status_churned": "Churned",
  "accounts.status_trial": "Trial only",
  "accounts.status_none": "No subscription",
  "accounts.results": ({n, shown, more}) => (more ? `${n} accounts (the ${shown} with the largest MRR shown)` : `${n} ${n === "1" ? "account" : "accounts"}`),
  "accounts.no_results": "No account matches.",
  "accounts.pick_hint": "Pick a row to show that account; without a pick, the first account listed is shown.",
  "accounts.mrr_now": ({month}) => `MRR ${month}`,
  "accounts.latest_nps": "Latest NPS",
  "accounts.profile": "Profile",
  "accounts.paying_since": ({from, to}) => `paying ${from} – ${to}`,
  "accounts.no_nps": "No NPS response",
  "accounts.none_selected": "No account to show.",
  "accounts.mrr_title": "MRR by month",
  "accounts.mrr_alt": ({from, to, first, last, n}) => `MRR from ${first} in ${from} to ${last} in ${to}, with ${n} movements.`,
  "accounts.health_title": "Health score by month",
  "accounts.health_alt": ({from, to, last, band}) => `Health score from ${from} to ${to}; latest ${last} (${band}).`,
  "accounts.no_health": "No health score.",
  "accounts.events_title": "NPS responses, CSM activities and support tickets",
  "accounts.events_alt": ({nps, activities, tickets}) => `${nps} NPS responses, ${activities} CSM activities and ${tickets} support tickets over time.`,
  "accounts.lane_nps": "NPS",
  "accounts.lane_activities": "CSM activity",
  "accounts.lane_tickets": "Ticket",
  "accounts.ticket": "Ticket",
  "accounts.months_table": "Month by month",
  "accounts.movement": "Movement",
  "accounts.nps_table": "NPS responses",
  "accounts.activities_table": "CSM activities",
  "accounts.activity_type": "Type",
  "accounts.tickets_table": "Support tickets",
  "accounts.ticket_created": "Opened",
  "accounts.ticket_resolved": "Resolved",
  "accounts.first_response": "First response",
  "accounts.priority": "Priority",
  "accounts.no_activities": "No CSM activity.",
  "accounts.no_tickets": "No support ticket.",
  "accounts.first_paid": "First month with MRR",
  "accounts.last_paid": "Last month with MRR",
  "accounts.nps_date": "Latest NPS date",
  "accounts.history_note": "Lists hold each account's latest 200 NPS responses, activities and tickets.",

  "explore.title": "Explore (SQL)",
  "explore.intro": "Ad-hoc SQL over the account-month table, in your browser with DuckDB-wasm: nothing leaves this page.",
  "explore.mrr_title": "MRR by month",
  "explore.accounts_title": "Paying accounts by month",
  "explore.mrr_sub": "All accounts",
  "explore.sql": "Query",
  "explore.examples": "Examples",
  "explore.pick_example": "Choose an example…",
  "explore.example.by_month": "MRR and accounts by month",
  "explore.example.by_segment": "MRR by segment, latest month",
  "explore.example.top_accounts": "Top 20 accounts by MRR",
  "explore.example.decliners": "Accounts whose MRR fell this month",
  "explore.example.columns": "Columns of account_months",
  "explore.run": "Run",
  "explore.hint": "Table: account_months(month, account_id, mrr, seats, segment columns). Run with the button or Ctrl/⌘ + Enter; the link keeps the query.",
  "explore.error": "The query failed",
  "explore.result": ({n, ms}) => `Result: ${n} rows (${ms} ms)`,
  "explore.truncated": ({n}) => `— first ${n} shown`,
  "explore.no_rows": "The query returned no rows.",

  "quality.title": "Data quality",
  "quality.intro": "What the build read from each export and what it set aside. Every row read is either accepted or rejected with a reason; rejected rows are left out of every metric.",
  "quality.files": "Files read",
  "quality.files_note": "Optional tables without a file count as empty.",
  "quality.rows_read": "Rows read",
  "quality.rows_read_note": "Data rows, header excluded.",
  "quality.rows_rejected": "Rows rejected",
  "quality.rows_accepted": "Rows accepted",
  "quality.rejected_note": "See the reasons and the first rejected rows below.",
  "quality.none_rejected": "No rows were rejected.",
  "quality.accounting": "Row accounting",
  "quality.read_title": "Rows read by table, accepted and rejected",
  "quality.read_sub": "Tables with a file",
  "quality.accounting_table": "Rows read, accepted and rejected by table",
  "quality.input_table": "Table",
  "quality.file": "File",
  "quality.no_file": "(no file)",
  "quality.balanced": "Read = accepted + rejected",
  "quality.balanced_yes": "Yes",
  "quality.balanced_no": "No",
  "quality.by_reason": "Rejected by reason",
  "quality.reason_title": "Rejected rows by table and reason",
  "quality.reason_table": "Rejected rows by reason",
  "quality.reason": "Reason",
  "quality.rows": "Rows",
  "quality.first_rejected": "First rejected rows",
  "quality.first_rejected_intro": "Up to 20 rejected rows per table, by line in the file, with the column, the value as written and the reason.",
  "quality.rejected_rows_table": ({n}) => `${n} rejected rows`,
  "quality.line": "Line",
  "quality.column": "Column",
  "quality.value": "Value",
  "quality.table.accounts": "Accounts",
  "quality.table.subscriptions": "Subscriptions",
  "quality.table.nps_responses": "NPS responses",
  "quality.table.usage": "Usage",
  "quality.table.onboarding": "Onboarding",
  "quality.table.support_tickets": "Support tickets",
  "quality.table.csm_activities": "CSM activities",
  "quality.table.outcomes": "Outcomes",
  "quality.reason.missing_value": "Missing value",
  "quality.reason.invalid_date": "Invalid date",
  "quality.reason.invalid_timestamp": "Invalid timestamp",
  "quality.reason.invalid_integer": "Not a whole number",
  "quality.reason.invalid_number": "Not a number",
  "quality.reason.invalid_boolean": "Not true/false",
  "quality.reason.negative": "Negative value",
  "quality.reason.out_of_range": "Out of range",
  "quality.reason.unknown_account": "Unknown account",
  "quality.reason.date_order": "End before start",
  "quality.reason.duplicate_id": "Duplicate ID",
  "quality.reason.malformed_row": "Malformed row",

  "definitions.title": "Definitions",
  "definitions.intro": "How every metric in this report is computed, grouped by the table it appears in: the formula in symbols and its meaning in words.",
  "definitions.search_placeholder": "Metric, table or word",
  "definitions.count": ({n, total}) => `${n} of ${total} definitions`,
  "definitions.table": "Table",
  "definitions.name": "Name",
  "definitions.formula": "Formula",
  "definitions.text": "Definition",
  "definitions.table.account_months": "Account MRR by month",
  "definitions.table.mrr_movements": "MRR movements",
  "definitions.table.churn": "Churn and monthly retention",
  "definitions.table.retention_t12m": "Trailing-12-month retention",
  "definitions.table.retention_cohorts": "Cohort retention",
  "definitions.table.nps": "NPS",
  "definitions.table.health": "Health score",
  "definitions.table.health_mix": "Health band mix",
  "definitions.table.health_validity": "Health score validity",
  "definitions.table.health_transitions": "Health band transitions",
  "definitions.table.onboarding": "Onboarding",
  "definitions.table.onboarding_overdue": "Overdue onboardings",
  "definitions.table.adoption": "Adoption",
  "definitions.table.support": "Support",
  "definitions.table.expansion": "Expansion (upsell / cross-sell)",
  "definitions.table.ltv": "ARPA and LTV",
  "definitions.table.csm_portfolio": "CSM portfolio",
  "definitions.table.activity_effect": "QBRs and retention",
  // analysis-pages:en:end

  // ─── issue 12: stored codes as labels, table and many-series chart controls ───
  "code.milestone.kickoff": "Kickoff",
  "code.milestone.setup": "Setup",
  "code.milestone.integration": "Integration",
  "code.milestone.training": "Training",
  "code.milestone.go_live": "Go-live",
  "code.survey.relationship": "Relationship",
  "code.survey.support": "After support",
  "code.survey.onboarding": "After onboarding",
  "code.priority.low": "Low",
  "code.priority.normal": "Normal",
  "code.priority.high": "High",
  "code.priority.urgent": "Urgent",
  "code.metric.leads": "Leads",
  "code.metric.site_traffic": "Site traffic",
  "table.columns_hidden": ({n, total}) => `${total - n} of ${total} columns shown`,
  "table.show_all": "Show all columns",
  "table.show_fewer": "Fit to width",
  "table.scroll_more": "Scroll sideways for more columns →",
  "series.highlight": "Highlight",
  "series.smoothing": "Values",
  "series.raw": "Monthly",
  "series.trailing3": "3-month average",
  "series.others": ({n}) => `${n} other ${n === 1 ? "series" : "series"} in grey`,
  "series.many_note": ({n, max}) => `${n} series are more than ${max} colours can tell apart: one is highlighted against the others in grey (pick it above).`,
  "series.smoothing_note": "3-month average: each month's value averaged with the two months before it (small segments' monthly rates are noisy).",
  "chart.target_off": ({label, dir}) => `${label} ${dir === "up" ? "↑ above" : "↓ below"} the chart`,
};

const JA = {
  // ───────────────────────────── common ─────────────────────────────
  "common.download_csv": "CSVをダウンロード",
  "common.none": "なし",
  "common.no_data": "データがありません",
  "common.rows": ({n}) => `${n}件`,
  "common.all": "すべて",
  "common.segment": "セグメント",
  "common.product": "製品",
  "common.month": "月",
  "common.from": "開始月",
  "common.to": "終了月",
  "common.account": "顧客",
  "common.account_id": "顧客ID",
  "common.csm": "担当CSM",
  "common.industry": "業界",
  "common.region": "地域",
  "common.mrr": "MRR",
  "common.target": "目標値",
  "common.met": "達成",
  "common.not_met": "未達",
  "common.no_target": "目標値なし",
  "common.vs_prev": "前月比",
  "common.vs_year": () => "前年同月比",
  "common.as_of": ({month}) => `データ基準月: ${month}`,
  "common.print": "印刷",
  "segment.Enterprise": "エンタープライズ",
  "segment.Mid-Market": "ミッドマーケット",
  "segment.SMB": "中小企業（SMB）",
  "segment.(none)": "（未設定）",
  "band.red": "赤",
  "band.yellow": "黄",
  "band.green": "緑",

  // ───────────────────────────── KPIs ─────────────────────────────
  "kpi.mrr": "MRR（月次経常収益）",
  "kpi.nrr": "売上継続率（NRR）",
  "kpi.grr": "売上継続率（GRR）",
  "kpi.logo_churn_rate": "カスタマーチャーン",
  "kpi.revenue_churn_rate": "レベニューチャーン",
  "kpi.nps": "NPS",
  "kpi.health_green_share": "ヘルススコア（緑の割合）",
  "kpi.onboarding_completion_rate": "オンボーディング完了率",
  "kpi.mrr.help": "月末時点の月次経常収益",
  "kpi.nrr.help": "当月の売上継続率（拡大を含む）",
  "kpi.grr.help": "当月の売上継続率（拡大を含まない）",
  "kpi.logo_churn_rate.help": "解約顧客数 ÷ 期首の顧客数",
  "kpi.revenue_churn_rate.help": "（解約＋縮小MRR）÷ 期首MRR",
  "kpi.nps.help": "推奨者の割合 − 批判者の割合",
  "kpi.health_green_share.help": "ヘルススコアが緑の顧客の割合",
  "kpi.onboarding_completion_rate.help": "オンボーディングを完了した顧客の割合",
  "kpi.nps.basis_quarter": ({period, n}) => `${period}の四半期値（回答${n}件。当月の回答が少ないため）`,
  "kpi.nps.basis_month": ({n}) => `回答${n}件`,
  "kpi.sparkline": ({label, from, to}) => `${label}の推移（${from}〜${to}）`,
  "kpi.health_mix": ({green, yellow, red}) => `緑 ${green}・黄 ${yellow}・赤 ${red}`,
  "kpi.lower_is_better": "低いほど良い",

  // ───────────────────────────── movements ─────────────────────────────
  "movement.start": "期首MRR",
  "movement.new": "新規",
  "movement.expansion": "拡大",
  "movement.reactivation": "復帰",
  "movement.contraction": "縮小",
  "movement.churn": "解約",
  "movement.end": "期末MRR",

  // ───────────────────────────── monthly report ─────────────────────────────
  "report.title": ({month}) => `月次レポート（${month}）`,
  "report.latest": "最新の月次レポート",
  "report.kpis": "主要KPI",
  "report.summary": "サマリー",
  "report.bridge": "MRRの増減内訳",
  "report.bridge.title": ({month}) => `${month}のMRRの増減内訳`,
  "report.bridge.alt": ({start, end, parts}) => `ウォーターフォールチャート：MRRは期首の${start}から期末の${end}に変化しました。内訳は${parts}です。`,
  "report.movers": "MRRの変動が大きい顧客",
  "report.churns": "解約MRRの大きい顧客",
  "report.contractions": "縮小MRRの大きい顧客",
  "report.expansions": "拡大MRRの大きい顧客",
  "report.mrr_before": "前月MRR",
  "report.mrr_after": "当月MRR",
  "report.delta": "増減",
  "report.at_risk": "解約リスクの高い顧客",
  "report.at_risk.help":
    "月末時点でヘルススコアが赤の顧客、または月末から90日以内に契約明細が終了し、かつ利用が減少している顧客（直近3か月の月平均アクティブユーザー数が、その前の3か月より10%以上少ない）。",
  "report.at_risk.count": ({n, shown}) => (n > shown ? `${n}社（MRRの大きい上位${shown}社を表示）` : `${n}社`),
  "report.reason": "理由",
  "report.reason.red": "ヘルススコア赤",
  "report.reason.renewal": "契約終了前の利用減少",
  "report.health_score": "ヘルススコア",
  "report.renewal": "契約終了日",
  "report.band": "ヘルス区分",
  "report.users_recent": "アクティブユーザー数（直近3か月平均）",
  "report.users_prior": "アクティブユーザー数（その前の3か月平均）",
  "report.usage_trend": "利用者数（直近／前3か月）",
  "report.archive": "月次レポート一覧",
  "report.archive.intro": "データのあるすべての月を新しい順に表示します。各レポートは現在のデータから算出した当該月の値です。",
  "report.archive.open": "レポートを開く",
  "report.no_prev": "前月のデータなし",
  "report.filter.segment": "セグメント",
  "report.filter.all_segments": "すべてのセグメント",
  "report.kpi_table": "KPI一覧",
  "report.metric": "指標",
  "report.value": "値",
  "report.prev": "前月",
  "report.year": "前年同月",

  // ───────────────────────────── analysis pages ─────────────────────────────
  // (other engineer: add keys for the analysis pages below this line, and the same keys in EN)
  // analysis-pages:ja:begin
  "analysis.all_accounts": "全顧客",
  "analysis.accounts_start": "期首顧客数",
  "analysis.mrr_start": "期首MRR",
  "analysis.mrr_churned": "解約MRR",
  "analysis.mrr_contraction": "縮小MRR",
  "analysis.net_change": "純増減",
  "analysis.movements_alt": ({from, to, parts, net}) => `${from}から${to}までのMRR増減の積み上げ棒グラフ：${parts}。純増減は${net}です。`,
  "analysis.quarter": ({year, q}) => `${year}年第${q}四半期`,
  "analysis.search": "検索",
  "analysis.search_accounts": "顧客名・顧客ID・担当CSM",
  "analysis.yes": "あり",
  "analysis.days": ({n}) => `${n}日`,
  "analysis.hours": ({n}) => `${n}時間`,
  "chart.trend_series": ({series, from, first, to, last}) => `${series ? `${series}：` : ""}${from}は${first}、${to}は${last}。`,
  "dimension.all": "全顧客",
  "dimension.segment": "顧客規模",
  "dimension.industry": "業界",
  "dimension.region": "地域",
  "dimension.plan": "プラン",
  "dimension.product": "製品",
  "dimension.csm": "担当CSM",
  "activity.qbr": "四半期ビジネスレビュー（QBR）",
  "activity.meeting": "打ち合わせ",
  "activity.call": "電話",
  "activity.email": "メール",
  "activity.training": "トレーニング",
  "activity.onboarding": "オンボーディング支援",

  "retention.title": "継続率・MRR",
  "retention.intro": "月ごとにどれだけの売上が継続しているか、MRRがどう増減したか、新規顧客のコホートごとの継続状況を示します。セグメントと期間を選ぶと、選択内容はURLに保存されます。",
  "retention.measure": "コホートの指標",
  "retention.logo_retention": "顧客継続率",
  "retention.revenue_retention": "売上継続率",
  "retention.grr_nrr": "売上継続率（GRR / NRR）",
  "retention.monthly_title": "月次の売上継続率（GRR / NRR）",
  "retention.t12m_title": "過去12か月の売上継続率（GRR / NRR）",
  "retention.table_title": ({segment}) => `月別の売上継続率（${segment}）`,
  "retention.grr_t12m": "GRR（12か月）",
  "retention.nrr_t12m": "NRR（12か月）",
  "retention.movements": "MRRの増減",
  "retention.movements_title": "月別のMRR増減内訳",
  "retention.movements_fallback": ({segment}) => `MRRの増減内訳は顧客属性の列でのみ分けています。「${segment}」は契約明細のセグメントのため、全顧客の値を表示しています。`,
  "retention.movements_table": ({segment}) => `月別のMRR増減内訳（${segment}）`,
  "retention.cohorts": "コホート別継続率",
  "retention.cohorts_intro": "コホートは、初めてMRRが発生した月が同じ顧客の集まりです。各行は1つのコホートを追い、k か月後にも契約を続けている顧客の割合（顧客継続率）、または開始時のMRRのうち残っている割合（拡大を含む売上継続率）を示します。",
  "retention.heatmap_title": ({measure}) => `コホート別の${measure}`,
  "retention.cohorts_range": ({range}) => `コホート ${range}`,
  "retention.cohort_table": ({measure, segment}) => `経過月数別の${measure}（${segment}）`,
  "retention.cohort": "コホート",
  "retention.cohort_accounts": "顧客数",
  "retention.cohort_mrr": "開始時MRR",
  "retention.months_since": ({k}) => `${k}か月後`,
  "retention.months_since_axis": "初回MRRからの経過月数 →",
  "retention.cohort_size": ({n}) => `コホートの顧客数 ${n}社`,
  "retention.heatmap_alt": ({n, from, to, measure, points}) => `${from}から${to}までの${n}コホートの${measure}を示すヒートマップです。${points}`,
  "retention.heatmap_cell": ({cohort, k, value}) => `${cohort}のコホートは${k}か月後に${value}。`,

  "churn.title": "解約率（チャーン）",
  "churn.intro": "カスタマーチャーン、レベニューチャーン、月次の売上継続率（GRR / NRR）を、任意のセグメント軸で全体と比べて示します。軸と指標を選ぶと、選択内容はURLに保存されます。",
  "churn.dimension": "分析軸",
  "churn.measure": "指標",
  "churn.trend_title": ({metric, dimension}) => `${dimension}別の${metric}`,
  "churn.latest_title": ({metric}) => `最新月の${metric}`,
  "churn.table_title": ({dimension}) => `${dimension}別・月別の解約率`,
  "churn.accounts_churned": "解約顧客数",
  "churn.note": "期首に顧客（またはMRR）がないセグメントの率は空欄です。プラン・製品別では、2つの明細を持つ顧客は両方に数え、解約は顧客全体のMRRが0になった場合を指します。",

  "nps.title": "NPS",
  "nps.intro": "NPS（顧客推奨度）の推移と95%信頼区間、0〜10点の回答分布、セグメント別のスコア、そして顧客の声（VoC）です。回答数が少ない期間には印を付けています。解釈には注意してください。",
  "nps.period": "集計期間",
  "nps.period_month": "月次",
  "nps.period_quarter": "四半期",
  "nps.low_warning": ({n, total}) => `表示中の${total}期間のうち${n}期間は、回答数が設定した最低数に届いていません。グラフでは白抜き、表では印付きで示しています。解釈には注意してください。`,
  "nps.low_responses": "回答数不足",
  "nps.trend_title": "NPSの推移（95%信頼区間）",
  "nps.trend_caption": "網掛け：95%信頼区間。白抜きのひし形：回答数不足。",
  "nps.distribution_title": "点数別の回答数",
  "nps.distribution_alt": ({n, parts}) => `0〜10点の点数別に${n}件の回答を示す棒グラフです：${parts}。`,
  "nps.score_axis": "点数",
  "nps.score": "点数",
  "nps.responses": "回答数",
  "nps.responses_n": ({n}) => `回答${n}件`,
  "nps.promoter": "推奨者",
  "nps.passive": "中立者",
  "nps.detractor": "批判者",
  "nps.ci_low": "95%下限",
  "nps.ci_high": "95%上限",
  "nps.by_segment": "セグメント別のNPS",
  "nps.by_segment_title": ({dimension}) => `${dimension}別のNPS`,
  "nps.by_segment_caption": "ひげ：95%信頼区間。薄い棒：回答数不足。",
  "nps.by_segment_table": ({period}) => `セグメント別のNPS（${period}）`,
  "nps.series_table": ({segment}) => `期間別のNPS（${segment}）`,
  "nps.comments": "顧客の声（VoC）",
  "nps.comments_intro": "直近24か月の自由回答コメントです（新しい順）。上で選んだセグメントと期間で絞り込んでいます。",
  "nps.search": "コメントを検索",
  "nps.search_placeholder": "キーワード・顧客名・アンケート",
  "nps.category": "区分",
  "nps.comments_table": ({n}) => `コメント${n}件`,
  "nps.date": "日付",
  "nps.survey": "アンケート",
  "nps.comment": "コメント",
  "nps.anonymous": "（匿名）",
  "nps.no_comments": "該当するコメントはありません。",

  "health.title": "ヘルススコア",
  "health.intro": "当月のヘルススコアの分布、帯（赤・黄・緑）の間の移動、スコアが解約を予測できているか、そしてスコアの低い顧客の一覧です。",
  "health.by_dimension": "帯の内訳の軸",
  "health.active_accounts": "契約中の顧客数",
  "health.avg_score": "平均スコア",
  "health.scored_n": ({n}) => `スコアのある顧客 ${n}社`,
  "health.red_accounts": "赤の顧客数",
  "health.yellow_n": ({n}) => `黄 ${n}社`,
  "health.distribution": "スコアの分布",
  "health.histogram_title": "ヘルススコア別の顧客数",
  "health.histogram_alt": ({n, parts}) => `${n}社のヘルススコアの分布を示すヒストグラムです：${parts}。`,
  "health.score_axis": "ヘルススコア",
  "health.accounts_n": ({n}) => `${n}社`,
  "health.bands_title": ({dimension}) => `${dimension}別のヘルススコアの帯`,
  "health.mix_title": "スコアのある顧客に占める緑の割合",
  "health.transitions": "帯の移動",
  "health.transitions_title": "帯の間を移動した顧客",
  "health.transitions_sub": ({from, to}) => `${from} → ${to}`,
  "health.transitions_caption": "行：前月の帯、列：当月の帯。割合は行に対するもの。スコアなし：新規・復帰・解約など。",
  "health.transitions_alt": ({stayed, worse, better}) => `${stayed}社が同じ帯にとどまり、${worse}社が悪い帯へ、${better}社が良い帯へ移動しました。`,
  "health.transitions_table": "帯の移動",
  "health.from_band": "前月",
  "health.to_band": "当月",
  "health.not_scored": "スコアなし",
  "health.accounts": "顧客数",
  "health.share_of_from": "行に占める割合",
  "health.validity": "スコアは解約を予測できているか",
  "health.validity_intro": "ある月にスコアが付いた顧客が、その後3か月以内に解約したかどうかを、3か月先まで観測できるすべての月について合算しています。有用なスコアであれば、赤から緑へ、また下位の十分位から上位へ行くほど解約率が下がり、AUCは0.5を大きく上回ります。",
  "health.churn_by_band": "帯別の3か月以内の解約率",
  "health.churn_by_decile": "スコア十分位別の3か月以内の解約率",
  "health.decile_sub": "第1十分位 = スコア最下位",
  "health.decile": ({k}) => `第${k}十分位`,
  "health.pooled": "全月の合算",
  "health.auc_title": "3か月以内の解約に対するAUC",
  "health.auc_sub": ({auc}) => `ヘルススコアのAUC ${auc}（0.5 = 偶然と同等）`,
  "health.chance": "偶然（0.5）",
  "health.validity_table": "帯・十分位・指標別の3か月以内の解約（全月の合算）",
  "health.kind": "区分の種類",
  "health.kind_band": "帯",
  "health.kind_decile": "スコア十分位",
  "health.kind_auc": "AUC",
  "health.bucket": "区分",
  "health.churned_3m": "3か月以内の解約数",
  "health.churn_rate_3m": "解約率（3か月以内）",
  "health.score_min": "最低スコア",
  "health.score_max": "最高スコア",
  "health.score": "ヘルススコア",
  "health.band": "帯",
  "health.change": "前月比",
  "health.missing": "欠けている要素",
  "health.component.usage": "ツール使用率",
  "health.component.engagement": "エンゲージメント",
  "health.component.support": "サポート",
  "health.component.nps": "NPS",
  "health.component.onboarding": "オンボーディング",
  "health.component.outcomes": "顧客成果",
  "health.accounts_list": "スコア別の顧客一覧",
  "health.accounts_table": ({n, month}) => `${n}社（スコアの低い順、${month}）`,
  "health.accounts_note": "当月のスコアが低い顧客（最大2,000社）を、上で選んだセグメントで絞り込んで表示しています。",
  "health.no_accounts": "該当する顧客はありません。",

  "adoption.title": "オンボーディング・活用・サポート",
  "adoption.intro": "カスタマーサクセスの3つのフェーズ、導入（オンボーディング）→ 活用（アダプション）→ 拡大（エクスパンション）と、あわせてサポートの状況を示します。",
  "adoption.onboarding": "導入（オンボーディング）",
  "adoption.on_time_title": "期限内のオンボーディング完了率（KPI）",
  "adoption.on_time_caption": "当月までの3か月にオンボーディング期限が来た顧客のうち、期限までに必須のマイルストーンをすべて完了した顧客の割合です。",
  "adoption.monthly_table": ({segment}) => `月別の期限内オンボーディング完了率（${segment}）`,
  "adoption.due": "期限が来た顧客数（3か月）",
  "adoption.completed_on_time": "期限内に完了",
  "adoption.completion_by_now": "現時点の完了率",
  "adoption.completion_title": "開始月別のオンボーディング完了率",
  "adoption.completion_caption": "その月にオンボーディングを開始した顧客のうち、現時点で必須のマイルストーンをすべて完了した顧客の割合です（直近の月はまだ進行中です）。",
  "adoption.days_title": "オンボーディング完了までの日数（中央値）",
  "adoption.onboarding_table": ({segment}) => `開始月別のオンボーディング（${segment}）`,
  "adoption.start_month": "開始月",
  "adoption.accounts": "顧客数",
  "adoption.completed": "完了",
  "adoption.median_days": "完了までの日数（中央値）",
  "adoption.in_progress": "進行中",
  "adoption.overdue": "期限超過",
  "adoption.overdue_table": ({n}) => `期限を過ぎたオンボーディング（${n}社、MRRの大きい順）`,
  "adoption.started_at": "開始日",
  "adoption.days_since_start": "開始からの日数",
  "adoption.milestones_done": "完了したマイルストーン",
  "adoption.milestones_required": "必須数",
  "adoption.open_milestones": "未完了のマイルストーン",
  "adoption.no_overdue": "期限を過ぎたオンボーディングはありません。",
  "adoption.adoption": "活用（アダプション）",
  "adoption.utilisation_title": "ライセンス利用率",
  "adoption.utilisation_caption": "契約中の顧客のアクティブユーザー数 ÷ 契約シート数。",
  "adoption.events_title": "アクティブユーザーあたりの主要アクション数",
  "adoption.adoption_table": ({segment}) => `月別の活用状況（${segment}）`,
  "adoption.active_accounts": "契約中の顧客数",
  "adoption.accounts_with_usage": "利用データのある顧客数",
  "adoption.active_users": "アクティブユーザー数",
  "adoption.seats": "シート数",
  "adoption.utilisation": "ライセンス利用率",
  "adoption.key_events": "主要アクション数",
  "adoption.events_per_user": "1ユーザーあたり主要アクション数",
  "adoption.expansion": "拡大（エクスパンション）",
  "adoption.expansion_rate_title": "拡大した顧客の割合（期首顧客数比）",
  "adoption.expansion_mrr_title": "拡大MRR",
  "adoption.expansion_caption": "アップセル：契約済みの製品でMRRが増加。クロスセル：未契約だった製品を追加。",
  "adoption.expansion_table": ({segment}) => `月別のアップセル・クロスセル（${segment}）`,
  "adoption.upsell_rate": "アップセル（件数）",
  "adoption.cross_sell_rate": "クロスセル（件数）",
  "adoption.upsell_mrr": "アップセル（金額）",
  "adoption.cross_sell_mrr": "クロスセル（金額）",
  "adoption.upsell_accounts": "アップセル件数",
  "adoption.cross_sell_accounts": "クロスセル件数",
  "adoption.support": "サポート",
  "adoption.tickets_title": "契約中の顧客1社あたりの問い合わせ件数",
  "adoption.response_title": "初回応答・解決までの時間（中央値）",
  "adoption.csat_title": "CSATの満足回答の割合",
  "adoption.csat_caption": "CSATの回答のうち4または5の割合です。",
  "adoption.support_table": ({segment}) => `月別のサポート状況（${segment}）`,
  "adoption.tickets": "問い合わせ件数",
  "adoption.tickets_per_account": "1社あたり件数",
  "adoption.accounts_with_tickets": "問い合わせのあった顧客数",
  "adoption.median_first_response_hours": "初回応答（中央値）",
  "adoption.median_resolution_hours": "解決（中央値）",
  "adoption.csat_responses": "CSAT回答数",
  "adoption.csat_avg": "CSAT（平均）",
  "adoption.csat_satisfied_rate": "満足の割合",

  "csm.title": "CSM別ポートフォリオ",
  "csm.intro": "カスタマーサクセスマネージャー（CSM）ごとの担当顧客数、MRR、ヘルススコアの内訳、解約、売上継続率（NRR）を、ある月で比較し、推移も追います。あわせて、QBRを実施した顧客の継続率を比べます。",
  "csm.measure": "比較する指標",
  "csm.mrr": "MRR",
  "csm.accounts": "担当顧客数",
  "csm.green_share": "緑の割合",
  "csm.logo_churn_rate": "カスタマーチャーン",
  "csm.nrr": "NRR（月次）",
  "csm.nrr_t12m": "NRR（12か月）",
  "csm.follow": "担当CSM",
  "csm.all": "全CSM",
  "csm.unassigned": "（担当なし）",
  "csm.compare_title": ({measure}) => `CSM別の${measure}`,
  "csm.bands_title": "CSM別のヘルススコアの帯",
  "csm.table_title": ({month}) => `CSM別ポートフォリオ（${month}）`,
  "csm.mrr_expansion": "拡大MRR",
  "csm.over_time": "推移",
  "csm.nrr_title": "月別のNRR",
  "csm.green_title": "月別の緑の割合",
  "csm.qbr": "QBRと継続率",
  "csm.qbr_intro": "直前6か月に四半期ビジネスレビュー（QBR）を実施した顧客と実施しなかった顧客について、当月の継続率とNRRを比べます。比較であり、因果関係を示すものではありません。",
  "csm.with_qbr": "QBRあり",
  "csm.without_qbr": "QBRなし",
  "csm.qbr_retention_title": "QBRの有無別の顧客継続率",
  "csm.qbr_nrr_title": "QBRの有無別のNRR",
  "csm.qbr_table": "QBRの有無別の継続率",
  "csm.group": "区分",
  "csm.accounts_retained": "継続顧客数",

  "accounts.title": "顧客",
  "accounts.intro": "顧客を検索すると、MRR、ヘルススコア、NPS、活動の履歴を確認できます。行を選ぶとその顧客を表示し、検索内容と顧客はURLに保存されます。",
  "accounts.status": "状態",
  "accounts.status_active": "契約中",
  "accounts.status_churned": "解約済み",
  "accounts.status_trial": "試用のみ",
  "accounts.status_none": "契約なし",
  "accounts.results": ({n, shown, more}) => (more ? `${n}社（MRRの大きい上位${shown}社を表示）` : `${n}社`),
  "accounts.no_results": "該当する顧客はありません。",
  "accounts.pick_hint": "行を選ぶとその顧客を表示します。選ばない場合は一覧の先頭の顧客を表示します。",
  "accounts.mrr_now": ({month}) => `MRR（${month}）`,
  "accounts.latest_nps": "最新のNPS回答",
  "accounts.profile": "顧客情報",
  "accounts.paying_since": ({from, to}) => `契約期間 ${from}〜${to}`,
  "accounts.no_nps": "NPSの回答なし",
  "accounts.none_selected": "表示する顧客がありません。",
  "accounts.mrr_title": "月別のMRR",
  "accounts.mrr_alt": ({from, to, first, last, n}) => `MRRは${from}の${first}から${to}の${last}へ推移し、増減は${n}回ありました。`,
  "accounts.health_title": "月別のヘルススコア",
  "accounts.health_alt": ({from, to, last, band}) => `${from}から${to}までのヘルススコア。最新は${last}（${band}）です。`,
  "accounts.no_health": "ヘルススコアがありません。",
  "accounts.events_title": "NPS回答・CSM活動・問い合わせ",
  "accounts.events_alt": ({nps, activities, tickets}) => `NPS回答${nps}件、CSM活動${activities}件、問い合わせ${tickets}件の時系列です。`,
  "accounts.lane_nps": "NPS",
  "accounts.lane_activities": "CSM活動",
  "accounts.lane_tickets": "問い合わせ",
  "accounts.ticket": "問い合わせ",
  "accounts.months_table": "月別の推移",
  "accounts.movement": "増減",
  "accounts.nps_table": "NPSの回答",
  "accounts.activities_table": "CSMの活動",
  "accounts.activity_type": "種類",
  "accounts.tickets_table": "問い合わせ",
  "accounts.ticket_created": "受付日",
  "accounts.ticket_resolved": "解決日",
  "accounts.first_response": "初回応答",
  "accounts.priority": "優先度",
  "accounts.no_activities": "CSMの活動はありません。",
  "accounts.no_tickets": "問い合わせはありません。",
  "accounts.first_paid": "MRR発生月（初回）",
  "accounts.last_paid": "MRR発生月（最終）",
  "accounts.nps_date": "最新のNPS回答日",
  "accounts.history_note": "NPS回答・活動・問い合わせは、顧客ごとに直近200件までを表示します。",

  "explore.title": "探索（SQL）",
  "explore.intro": "顧客×月のテーブルに対して、ブラウザー内のDuckDB-wasmで自由にSQLを実行できます。データはこのページの外に送信されません。",
  "explore.mrr_title": "月別のMRR",
  "explore.accounts_title": "月別の契約中の顧客数",
  "explore.mrr_sub": "全顧客",
  "explore.sql": "クエリ",
  "explore.examples": "クエリの例",
  "explore.pick_example": "例を選択…",
  "explore.example.by_month": "月別のMRRと顧客数",
  "explore.example.by_segment": "最新月のセグメント別MRR",
  "explore.example.top_accounts": "MRR上位20社",
  "explore.example.decliners": "当月にMRRが減少した顧客",
  "explore.example.columns": "account_months の列",
  "explore.run": "実行",
  "explore.hint": "テーブル：account_months（month, account_id, mrr, seats, セグメントの列）。ボタンまたは Ctrl/⌘ + Enter で実行します。クエリはURLに保存されます。",
  "explore.error": "クエリを実行できませんでした",
  "explore.result": ({n, ms}) => `結果：${n}行（${ms}ミリ秒）`,
  "explore.truncated": ({n}) => `（先頭${n}行を表示）`,
  "explore.no_rows": "該当する行はありません。",

  "quality.title": "データ品質",
  "quality.intro": "各エクスポートファイルから読み込んだ行と、取り込まなかった行です。読み込んだ行はすべて取り込み済みか、理由付きで除外のどちらかで、除外した行はどの指標にも含めていません。",
  "quality.files": "読み込んだファイル",
  "quality.files_note": "ファイルのない任意のテーブルは空として扱います。",
  "quality.rows_read": "読み込み行数",
  "quality.rows_read_note": "見出し行を除いたデータ行数です。",
  "quality.rows_rejected": "除外行数",
  "quality.rows_accepted": "取り込み行数",
  "quality.rejected_note": "理由と最初の除外行を下に示します。",
  "quality.none_rejected": "除外された行はありません。",
  "quality.accounting": "行数の内訳",
  "quality.read_title": "テーブル別の読み込み行数（取り込み・除外）",
  "quality.read_sub": "ファイルのあるテーブル",
  "quality.accounting_table": "テーブル別の読み込み・取り込み・除外行数",
  "quality.input_table": "テーブル",
  "quality.file": "ファイル",
  "quality.no_file": "（ファイルなし）",
  "quality.balanced": "読み込み = 取り込み + 除外",
  "quality.balanced_yes": "一致",
  "quality.balanced_no": "不一致",
  "quality.by_reason": "理由別の除外行数",
  "quality.reason_title": "テーブル・理由別の除外行数",
  "quality.reason_table": "理由別の除外行数",
  "quality.reason": "理由",
  "quality.rows": "行数",
  "quality.first_rejected": "最初の除外行",
  "quality.first_rejected_intro": "テーブルごとに最大20行の除外行を、ファイル内の行番号順に、列・記載どおりの値・理由とともに示します。",
  "quality.rejected_rows_table": ({n}) => `除外行${n}件`,
  "quality.line": "行番号",
  "quality.column": "列",
  "quality.value": "値",
  "quality.table.accounts": "顧客",
  "quality.table.subscriptions": "契約明細",
  "quality.table.nps_responses": "NPS回答",
  "quality.table.usage": "利用状況",
  "quality.table.onboarding": "オンボーディング",
  "quality.table.support_tickets": "問い合わせ",
  "quality.table.csm_activities": "CSM活動",
  "quality.table.outcomes": "顧客成果",
  "quality.reason.missing_value": "必須項目が空欄",
  "quality.reason.invalid_date": "日付が不正",
  "quality.reason.invalid_timestamp": "日時が不正",
  "quality.reason.invalid_integer": "整数ではない",
  "quality.reason.invalid_number": "数値ではない",
  "quality.reason.invalid_boolean": "真偽値ではない",
  "quality.reason.negative": "負の値",
  "quality.reason.out_of_range": "範囲外の値",
  "quality.reason.unknown_account": "存在しない顧客",
  "quality.reason.date_order": "終了日が開始日以前",
  "quality.reason.duplicate_id": "IDの重複",
  "quality.reason.malformed_row": "行の形式が不正",

  "definitions.title": "指標の定義",
  "definitions.intro": "このレポートの各指標の計算方法を、指標が載っているテーブルごとに、記号による式と文章で示します。",
  "definitions.search_placeholder": "指標名・テーブル・キーワード",
  "definitions.count": ({n, total}) => `${total}件中${n}件の定義`,
  "definitions.table": "テーブル",
  "definitions.name": "指標名",
  "definitions.formula": "式",
  "definitions.text": "定義",
  "definitions.table.account_months": "顧客別・月別のMRR",
  "definitions.table.mrr_movements": "MRRの増減内訳",
  "definitions.table.churn": "解約率と月次の売上継続率",
  "definitions.table.retention_t12m": "過去12か月の売上継続率",
  "definitions.table.retention_cohorts": "コホート別継続率",
  "definitions.table.nps": "NPS",
  "definitions.table.health": "ヘルススコア",
  "definitions.table.health_mix": "ヘルススコアの帯の内訳",
  "definitions.table.health_validity": "ヘルススコアの妥当性",
  "definitions.table.health_transitions": "ヘルススコアの帯の移動",
  "definitions.table.onboarding": "オンボーディング",
  "definitions.table.onboarding_overdue": "期限を過ぎたオンボーディング",
  "definitions.table.adoption": "活用（アダプション）",
  "definitions.table.support": "サポート",
  "definitions.table.expansion": "拡大（アップセル・クロスセル）",
  "definitions.table.ltv": "顧客平均単価（ARPA）とLTV",
  "definitions.table.csm_portfolio": "CSM別ポートフォリオ",
  "definitions.table.activity_effect": "QBRと継続率",
  // analysis-pages:ja:end

  // ─── issue 12: stored codes as labels, table and many-series chart controls ───
  "code.milestone.kickoff": "キックオフ",
  "code.milestone.setup": "初期設定",
  "code.milestone.integration": "システム連携",
  "code.milestone.training": "トレーニング",
  "code.milestone.go_live": "本番稼働",
  "code.survey.relationship": "定期調査",
  "code.survey.support": "サポート後調査",
  "code.survey.onboarding": "導入後調査",
  "code.priority.low": "低",
  "code.priority.normal": "中",
  "code.priority.high": "高",
  "code.priority.urgent": "緊急",
  "code.metric.leads": "リード数",
  "code.metric.site_traffic": "サイト訪問数",
  "table.columns_hidden": ({n, total}) => `全${total}列中${total - n}列を表示`,
  "table.show_all": "すべての列を表示",
  "table.show_fewer": "幅に合わせる",
  "table.scroll_more": "横にスクロールすると続きの列があります →",
  "series.highlight": "強調表示",
  "series.smoothing": "値",
  "series.raw": "月次",
  "series.trailing3": "3か月平均",
  "series.others": ({n}) => `ほか${n}系列（灰色）`,
  "series.many_note": ({n, max}) => `${n}系列は${max}色では区別できないため、1系列を強調し、ほかは灰色で表示しています（上で選択）。`,
  "series.smoothing_note": "3か月平均：各月の値とその前2か月の値の平均（小さなセグメントの月次の率はばらつきが大きいため）。",
  "chart.target_off": ({label, dir}) => `${label}（グラフの${dir === "up" ? "上 ↑" : "下 ↓"}）`,
};

const DICTIONARIES = {"en-US": EN, "ja-JP": JA};

/** The dictionary of a locale (en-US for anything unknown). */
export function labels(locale) {
  return DICTIONARIES[locale] ?? EN;
}

/** A translator for `locale`: t(locale)(key, params) → string. */
export function t(locale) {
  const dict = labels(locale);
  return (key, params = {}) => {
    const v = dict[key] ?? EN[key];
    if (v === undefined) return key;
    if (typeof v === "function") return v(params);
    return v.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
  };
}

/** "ja" / "en": the value for <html lang>. */
export function langOf(locale) {
  return locale === "ja-JP" ? "ja" : "en";
}

/** Sets <html lang> for the report's language (screen readers, CJK font selection, hyphenation). */
export function setDocumentLang(locale) {
  if (typeof document !== "undefined") document.documentElement.lang = langOf(locale);
}

const DASH = "—";
const missing = (v) => v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v));

/**
 * Formatters for a locale and an ISO 4217 currency. Every function returns "—" for null/undefined/NaN.
 *  money(v)            ¥412,345,678 (no decimals for JPY; the currency's own digits otherwise)
 *  moneyCompact(v)     ja: ¥4.12億, ¥3,400万, ¥1.23万; en: ¥412M, ¥12.3M, ¥8.5K
 *  moneyDelta(v)       +¥1.2M / −¥3,400万 (compact, always signed)
 *  number(v, digits)   1,234 (digits = max fraction digits, default 0)
 *  percent(f, digits)  fractions → "3.1%"
 *  percentDelta(f)     relative change → "+2.1%"
 *  pp(d)               difference of two fractions → "+0.4 pt" / "+0.4ポイント"
 *  points(d)           difference in points (NPS) → "+3.0 pt" / "+3.0ポイント"
 *  nps(v)              NPS score → "+32" / "−5"
 *  month("2026-10")    "Oct 2026" / "2026年10月"
 *  monthShort("2026-10") "Oct 26" / "26年10月"
 *  date("2026-10-05")  "Oct 5, 2026" / "2026年10月5日"
 *  dateShort(…)        "Oct 5, 2026" / "2026/10/05" (tables)
 *  quarter("2026-Q3")  "Q3 2026" / "2026年第3四半期"
 */
export function formatters(locale = "en-US", currency = "JPY") {
  const ja = locale === "ja-JP";
  const base = new Intl.NumberFormat(locale, {style: "currency", currency, currencyDisplay: "narrowSymbol"});
  const digits = base.resolvedOptions().maximumFractionDigits;
  // Half-width ¥ in both locales (ja-JP's Intl gives the full-width ￥).
  const symbol = (base.formatToParts(1).find((p) => p.type === "currency")?.value ?? currency).replace("￥", "¥");
  const fixed = (d) => new Intl.NumberFormat(locale, {minimumFractionDigits: d, maximumFractionDigits: d});
  const upTo = (d) => new Intl.NumberFormat(locale, {maximumFractionDigits: d});
  const sign = (v) => (v > 0 ? "+" : v < 0 ? "−" : "±");
  // A minus only when the shown digits are not all zero: −0.3 with no decimals reads "0", never "−0".
  const minus = (v, shown = "1") => (v < 0 && /[1-9]/.test(shown) ? "−" : "");

  function money(v) {
    if (missing(v)) return DASH;
    const shown = fixed(digits).format(Math.abs(v));
    return minus(v, shown) + symbol + shown;
  }

  /** Large amounts in the reader's units: 万/億 in Japanese, K/M/B in English (3 significant digits or so). */
  function compactAbs(a) {
    // About three significant digits: ¥4.12億, ¥41.2M, ¥412M (trailing zeros dropped: ¥3M, ¥5万).
    const short = (x) => upTo(x >= 100 ? 0 : x >= 10 ? 1 : 2).format(x);
    if (ja) {
      if (a >= 1e8) return symbol + short(a / 1e8) + "億";
      if (a >= 1e4) return symbol + short(a / 1e4) + "万";
    } else {
      if (a >= 1e9) return symbol + short(a / 1e9) + "B";
      if (a >= 1e6) return symbol + short(a / 1e6) + "M";
      if (a >= 1e3) return symbol + short(a / 1e3) + "K";
    }
    return symbol + upTo(digits).format(a);
  }

  function moneyCompact(v) {
    if (missing(v)) return DASH;
    const shown = compactAbs(Math.abs(v));
    return minus(v, shown) + shown;
  }

  function moneyDelta(v) {
    if (missing(v)) return DASH;
    const shown = compactAbs(Math.abs(v));
    return (/[1-9]/.test(shown) ? sign(v) : "±") + shown;
  }

  /** Exactly d decimals (the same measure always shows the same precision: 44.0 next to 44.5). */
  function number(v, d = 0) {
    if (missing(v)) return DASH;
    const shown = fixed(d).format(Math.abs(v));
    return minus(v, shown) + shown;
  }

  function percent(v, d = 1) {
    if (missing(v)) return DASH;
    const shown = fixed(d).format(Math.abs(v) * 100);
    return minus(v, shown) + shown + "%";
  }

  /** The sign of v as shown with d decimals: "±" when it rounds to zero (no "−0.0"). */
  const shownSign = (v, d) => (Math.round(Math.abs(v) * 10 ** d) === 0 ? "±" : sign(v));

  function percentDelta(v, d = 1) {
    if (missing(v)) return DASH;
    return shownSign(v * 100, d) + fixed(d).format(Math.abs(v) * 100) + "%";
  }

  function points(v, d = 1) {
    if (missing(v)) return DASH;
    return shownSign(v, d) + fixed(d).format(Math.abs(v)) + (ja ? "ポイント" : " pt");
  }

  function pp(v, d = 1) {
    return missing(v) ? DASH : points(v * 100, d);
  }

  function nps(v, d = 0) {
    if (missing(v)) return DASH;
    const shown = fixed(d).format(Math.abs(v));
    return (/[1-9]/.test(shown) ? (v > 0 ? "+" : minus(v, shown)) : "") + shown;
  }

  const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function parts(s) {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(String(s));
    return m ? {y: +m[1], m: +m[2], d: m[3] ? +m[3] : null} : null;
  }

  function month(s) {
    if (missing(s)) return DASH;
    const p = parts(s);
    if (!p) return String(s);
    return ja ? `${p.y}年${p.m}月` : `${MONTHS_EN[p.m - 1]} ${p.y}`;
  }

  function monthShort(s) {
    if (missing(s)) return DASH;
    const p = parts(s);
    if (!p) return String(s);
    return ja ? `${String(p.y).slice(2)}年${p.m}月` : `${MONTHS_EN[p.m - 1]} ${String(p.y).slice(2)}`;
  }

  function date(s) {
    if (missing(s)) return DASH;
    const p = parts(s);
    if (!p || p.d === null) return month(s);
    return ja ? `${p.y}年${p.m}月${p.d}日` : `${MONTHS_EN[p.m - 1]} ${p.d}, ${p.y}`;
  }

  /** Compact dates for tables: "Dec 1, 2026" / "2026/12/01". */
  function dateShort(s) {
    if (missing(s)) return DASH;
    const p = parts(s);
    if (!p || p.d === null) return month(s);
    return ja ? `${p.y}/${String(p.m).padStart(2, "0")}/${String(p.d).padStart(2, "0")}` : date(s);
  }

  /** "2026-Q3" → "Q3 2026" / "2026年第3四半期". */
  function quarter(s) {
    if (missing(s)) return DASH;
    const m = /^(\d{4})-Q([1-4])$/.exec(String(s));
    if (!m) return String(s);
    return ja ? `${m[1]}年第${m[2]}四半期` : `Q${m[2]} ${m[1]}`;
  }

  // One precision per measure, on every page, table, tile and chart (issue 12):
  /** Health score (0–100): one decimal. */
  const score = (v) => number(v, 1);
  /** A health component's sub-score (0–100): whole points. */
  const componentScore = (v) => number(v, 0);
  /** CSAT average (1–5): two decimals. */
  const csat = (v) => number(v, 2);
  /** Active users averaged over months: one decimal. */
  const users = (v) => number(v, 1);
  /** Hours (response and resolution times): one decimal. */
  const hours = (v) => number(v, 1);
  /** A count per account or per user (tickets per account, key events per user): two decimals. */
  const ratio = (v) => number(v, 2);

  return {locale, currency, symbol, quarter, dateShort, money, moneyCompact, moneyDelta, number, percent, percentDelta, pp, points, nps, month, monthShort, date, score, componentScore, csat, users, hours, ratio};
}
