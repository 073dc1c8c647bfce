/**
 * The sample company's book of business, as numbers: a Japanese B2B SaaS vendor with three
 * product lines (CMS, marketing automation, digital catalogue) selling to Enterprise, Mid-Market
 * and SMB customers. Every behaviour the generator shows is tuned here, in one place, so the
 * assumptions can be read (and argued with) without reading the simulation.
 */

export const SEGMENTS = ["Enterprise", "Mid-Market", "SMB"] as const;
export type Segment = (typeof SEGMENTS)[number];

export const PRODUCTS = ["CMS", "MA", "Catalog"] as const;
export type Product = (typeof PRODUCTS)[number];

export const PLANS = ["Starter", "Standard", "Enterprise"] as const;
export type Plan = (typeof PLANS)[number];
/** Plan of the zero-MRR trial lines. */
export const TRIAL_PLAN = "Trial";

export interface SegmentProfile {
  /** Share of accounts. */
  share: number;
  /** Monthly list price of a primary product line, JPY (drawn log-uniformly). */
  mrr: [number, number];
  /** Licensed seats of a primary line. */
  seats: [number, number];
  /** Share of accounts on annual contracts (the rest pay monthly). */
  annual: number;
  /** Primary product mix. */
  products: Record<Product, number>;
  plans: Record<Plan, number>;
  /**
   * Monthly hazard of losing the whole account, before product, tenure and fit adjustments.
   * Annual contracts can only end at renewal, with the year's worth of this hazard.
   */
  churn: number;
  /** Monthly probability of adding another product line (cross-sell). */
  crossSell: number;
  /** Probability that a lost account comes back later. */
  reactivation: number;
  /** Support tickets per account-month for a healthy account. */
  tickets: number;
  /** Share of accounts with an English (usually foreign-affiliate) company name. */
  englishNames: number;
  /** Share of accounts with a named CSM; the rest are served one-to-many (tech touch). */
  csmCoverage: number;
  /** Accounts (over the whole history) per CSM of this segment's team. */
  csmLoad: number;
  /** NPS relationship survey: contacts asked per account, and the chance each answers. */
  npsContacts: number;
  npsResponseRate: number;
  /** Monthly site sessions of the customer's own site (outcomes). */
  traffic: [number, number];
}

export const SEGMENT_PROFILES: Record<Segment, SegmentProfile> = {
  Enterprise: {
    share: 0.15,
    mrr: [600_000, 3_000_000],
    seats: [60, 400],
    annual: 0.85,
    products: {CMS: 0.5, MA: 0.25, Catalog: 0.25},
    plans: {Starter: 0, Standard: 0.2, Enterprise: 0.8},
    churn: 0.0045,
    crossSell: 0.018,
    reactivation: 0.08,
    tickets: 1.6,
    englishNames: 0.35,
    csmCoverage: 1,
    csmLoad: 40,
    npsContacts: 3,
    npsResponseRate: 0.45,
    traffic: [200_000, 2_000_000]
  },
  "Mid-Market": {
    share: 0.3,
    mrr: [150_000, 600_000],
    seats: [15, 80],
    annual: 0.6,
    products: {CMS: 0.4, MA: 0.35, Catalog: 0.25},
    plans: {Starter: 0.1, Standard: 0.7, Enterprise: 0.2},
    churn: 0.011,
    crossSell: 0.012,
    reactivation: 0.12,
    tickets: 0.7,
    englishNames: 0.2,
    csmCoverage: 1,
    csmLoad: 100,
    npsContacts: 2,
    npsResponseRate: 0.38,
    traffic: [30_000, 200_000]
  },
  SMB: {
    share: 0.55,
    mrr: [30_000, 150_000],
    seats: [3, 15],
    annual: 0.3,
    products: {CMS: 0.3, MA: 0.45, Catalog: 0.25},
    plans: {Starter: 0.7, Standard: 0.3, Enterprise: 0},
    churn: 0.022,
    crossSell: 0.005,
    reactivation: 0.1,
    tickets: 0.25,
    englishNames: 0.15,
    csmCoverage: 0.65,
    csmLoad: 300,
    npsContacts: 1,
    npsResponseRate: 0.3,
    traffic: [4_000, 30_000]
  }
};

export interface ProductProfile {
  /** Price relative to the segment's range. */
  price: number;
  /** Churn hazard multiplier of accounts whose primary line is this product (the CMS is sticky). */
  churn: number;
  /** Monthly hazard of dropping this line when it is a cross-sold add-on (partial churn). */
  lineDrop: number;
  /** Key events per active user per month. */
  events: number;
  /** Share of cross-sell offers that start with a zero-MRR trial line. */
  trial: number;
}

export const PRODUCT_PROFILES: Record<Product, ProductProfile> = {
  CMS: {price: 1.1, churn: 0.6, lineDrop: 0.004, events: 24, trial: 0.4},
  MA: {price: 1, churn: 1.45, lineDrop: 0.014, events: 40, trial: 0.6},
  Catalog: {price: 0.8, churn: 1, lineDrop: 0.008, events: 15, trial: 0.5}
};

/** Price of a plan relative to Standard, seat for seat. */
export const PLAN_PRICE: Record<Plan, number> = {Starter: 0.75, Standard: 1, Enterprise: 1.35};

export const INDUSTRIES: Record<string, number> = {
  製造業: 0.18,
  "小売・EC": 0.15,
  "IT・通信": 0.14,
  不動産: 0.09,
  "金融・保険": 0.08,
  人材サービス: 0.08,
  教育: 0.07,
  "医療・ヘルスケア": 0.07,
  "旅行・観光": 0.07,
  "食品・飲料": 0.07
};

/** Japan's eight conventional regions, weighted towards Kanto like most B2B books. */
export const REGIONS: Record<string, number> = {
  関東: 0.48,
  関西: 0.17,
  中部: 0.12,
  "九州・沖縄": 0.07,
  東北: 0.05,
  中国: 0.04,
  北海道: 0.04,
  四国: 0.03
};

/**
 * New business by calendar month (January first): April is the start of the Japanese fiscal
 * year, when new budgets open; October is the second half's start; March closes the fiscal
 * year; August (Obon) and December are quiet.
 */
export const NEW_BUSINESS_SEASON = [0.9, 1.0, 1.3, 2.1, 1.0, 0.9, 0.9, 0.6, 1.0, 1.6, 1.0, 0.7];

/** Share of accounts that are already customers on the first day of the history. */
export const EXISTING_BOOK = 0.45;
/** Share of new accounts that only ever trial (a zero-MRR line, never converted). */
export const TRIAL_ONLY = 0.04;
/** Share of new accounts that start with a zero-MRR trial line before paying. */
export const TRIAL_FIRST = 0.35;
/** Share of churns preceded by months of decline; the rest are abrupt (M&A, budget cuts). */
export const WARNED_CHURN = 0.85;
/** Months of decline before a warned churn. */
export const DECLINE_MONTHS: [number, number][] = [
  [3, 1],
  [4, 3],
  [5, 3],
  [6, 3],
  [7, 1]
];
/** Calendar months of the quarterly relationship NPS survey. */
export const NPS_SURVEY_MONTHS = new Set([2, 5, 8, 11]);
/** Share of NPS responses given anonymously (no account). */
export const ANONYMOUS_NPS = 0.08;
