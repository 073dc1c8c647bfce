/** A quarterly review's title label, in the report's language (no DOM: also used by the unit tests). */
import {formatters, t} from "./i18n.js";

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A month's name without its year ("Oct" / "10月"): the quarter's label already says the year. */
const monthName = (month, locale) => {
  const m = Number(month.slice(5, 7));
  return locale === "ja-JP" ? `${m}月` : MONTHS_EN[m - 1];
};

/**
 * "Q3 2024", or for a quarter the data starts or ends inside, the months it covers:
 * "Q4 2026, partial: Oct – Nov" / "2026年第4四半期（途中: 10月〜11月）".
 */
export function quarterLabel(review, {locale = "en-US"} = {}) {
  const tr = t(locale);
  const q = formatters(locale).quarter(review.quarter);
  if (!review.partial) return q;
  const [first, last] = [review.months[0], review.months.at(-1)];
  return first === last
    ? tr("qbr.partial_label_one", {quarter: q, month: monthName(first, locale)})
    : tr("qbr.partial_label", {quarter: q, from: monthName(first, locale), to: monthName(last, locale)});
}
