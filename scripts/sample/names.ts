/**
 * Plausible company and people names, in Japanese and English. Company names follow the
 * industry (a 製造業 customer is a 精工 or a 製作所, a retailer a 商事 or a リテール) and the legal
 * forms real registries show: 株式会社 before or after the name, 合同会社, the odd 有限会社, and
 * "K.K." / "G.K." / "Co., Ltd." for foreign affiliates.
 */
import type {Rng} from "./random.js";
import type {Segment} from "./company.js";

const JA_STEMS = [
  "さくら", "みらい", "ひかり", "あおば", "つばさ", "こだま", "いろは", "ことぶき", "はるか", "なごみ",
  "東邦", "大和", "日進", "北斗", "三協", "富士", "青葉", "朝日", "光陽", "新和", "昭栄", "瑞穂", "若葉",
  "千代田", "白鷺", "明星", "双葉", "共栄", "平和", "旭", "松風", "高砂", "銀河", "雅", "結", "東洋",
  "大成", "中央", "協和", "北辰", "丸和", "山王", "湘南", "武蔵野", "浪速", "博多", "仙台", "金沢",
  "信州", "瀬戸内", "アオイ", "ミナト", "カエデ", "ツムギ", "ヒノデ", "スバル", "アスカ", "ソラ",
  "ウィズ", "ネクスト", "エール", "グラン", "リンク", "ブライト", "フロンティア", "アーク", "ミライズ", "ユニオン"
];

/** Business words by industry (the keys of INDUSTRIES). */
const JA_WORDS: Record<string, string[]> = {
  製造業: ["精工", "工業", "製作所", "電機", "化学", "機械", "マテリアル", "テクノ"],
  "小売・EC": ["商事", "リテール", "ストア", "マート", "物産", "コマース", "百貨店"],
  "IT・通信": ["システムズ", "テクノロジー", "ソリューションズ", "ネットワークス", "デジタル", "ソフト", "情報システム"],
  不動産: ["不動産", "住宅", "ホーム", "エステート", "地所", "ハウジング"],
  "金融・保険": ["証券", "保険サービス", "ファイナンス", "キャピタル", "信販", "リース"],
  人材サービス: ["キャリア", "スタッフィング", "人材センター", "ワークス", "エージェント"],
  教育: ["学園", "教育", "ラーニング", "アカデミー", "ゼミナール"],
  "医療・ヘルスケア": ["メディカル", "ファーマ", "ヘルスケア", "薬品", "ライフサイエンス"],
  "旅行・観光": ["観光", "トラベル", "ツーリスト", "ホテルズ", "リゾート", "交通"],
  "食品・飲料": ["食品", "製菓", "フーズ", "酒造", "ビバレッジ", "乳業"]
};

const EN_STEMS = [
  "Northwind", "Bluefin", "Harbor", "Summit", "Crescent", "Evergreen", "Silverline", "Lighthouse",
  "Redwood", "Cobalt", "Meridian", "Aster", "Orchid", "Granite", "Maple", "Horizon", "Kestrel",
  "Falcon", "Pacific Rim", "Sakura Bay", "Tidewater", "Brightwell", "Copperleaf", "Ironbridge",
  "Lumen", "Nimbus", "Orbital", "Pinecrest", "Quartz", "Riverstone", "Sunrise", "Trillium",
  "Vantage", "Westbrook", "Zenith", "Harbor & Pine", "Oak & Ivy", "Fuji Pacific", "Kanto Atlantic", "Osaka Bay"
];

const EN_WORDS: Record<string, string[]> = {
  製造業: ["Industries", "Manufacturing", "Precision", "Materials", "Engineering"],
  "小売・EC": ["Trading", "Retail", "Commerce", "Goods", "Stores"],
  "IT・通信": ["Systems", "Technologies", "Software", "Networks", "Digital"],
  不動産: ["Realty", "Properties", "Estates", "Homes"],
  "金融・保険": ["Capital", "Financial", "Insurance", "Partners"],
  人材サービス: ["Staffing", "Talent", "Careers", "People"],
  教育: ["Learning", "Academy", "Education", "Institute"],
  "医療・ヘルスケア": ["Medical", "Health", "Pharma", "Life Sciences"],
  "旅行・観光": ["Travel", "Resorts", "Hospitality", "Tours"],
  "食品・飲料": ["Foods", "Beverages", "Kitchen", "Brewing"]
};

const EN_FORMS = ["KK", "K.K.", "Japan K.K.", "Co., Ltd.", "Japan G.K.", "Japan", "Inc."];

/** A company name. `taken` holds the names used so far: a repeat is redrawn a few times. */
export function companyName(r: Rng, {industry, segment, english, taken}: {
  industry: string;
  segment: Segment;
  english: boolean;
  taken: Set<string>;
}): string {
  let name = "";
  for (let attempt = 0; attempt < 8; ++attempt) {
    name = english ? englishName(r, industry) : japaneseName(r, industry, segment);
    if (!taken.has(name)) break;
  }
  taken.add(name);
  return name;
}

function japaneseName(r: Rng, industry: string, segment: Segment): string {
  const core = r.pick(JA_STEMS) + r.pick(JA_WORDS[industry] ?? JA_WORDS["IT・通信"]);
  const form = r.weighted({before: 0.58, after: 0.32, godo: 0.05, yugen: segment === "SMB" ? 0.05 : 0});
  if (form === "before") return `株式会社${core}`;
  if (form === "after") return `${core}株式会社`;
  if (form === "godo") return `合同会社${core}`;
  return `有限会社${core}`;
}

function englishName(r: Rng, industry: string): string {
  return `${r.pick(EN_STEMS)} ${r.pick(EN_WORDS[industry] ?? EN_WORDS["IT・通信"])} ${r.pick(EN_FORMS)}`;
}

const SURNAMES = [
  "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
  "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本",
  "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤"
];
const GIVEN_NAMES = [
  "美咲", "健太", "陽菜", "翔太", "さくら", "大輔", "結衣", "拓也", "葵", "直樹", "彩", "亮",
  "真由美", "和也", "千尋", "悠斗", "奈々", "誠", "優子", "蓮", "愛", "隆之", "舞", "俊介",
  "麻衣", "智也", "花子", "剛", "里奈", "慎一"
];

/**
 * The CSM team: `count` distinct names in "姓 名" form. Drawn from its own stream, so the team
 * depends only on the seed and its size.
 */
export function csmTeam(r: Rng, count: number): string[] {
  const team: string[] = [];
  const seen = new Set<string>();
  while (team.length < count) {
    let name = `${r.pick(SURNAMES)} ${r.pick(GIVEN_NAMES)}`;
    // More CSMs than name pairs (a huge --accounts run) need a disambiguating initial.
    if (seen.has(name) && seen.size >= (SURNAMES.length * GIVEN_NAMES.length) / 2) name += ` ${team.length}`;
    if (seen.has(name)) continue;
    seen.add(name);
    team.push(name);
  }
  return team;
}
