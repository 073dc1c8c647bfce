/** The "Add your own metric" example of README.md: its SQL file, its page, and the error it quotes. */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {PROJECT_ROOT} from "../../loaders/config.js";

const section = () => {
  const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
  return readme.slice(readme.indexOf("## Add your own metric"), readme.indexOf("## Deploy"));
};
/** A fenced block of the list (indented three spaces), without the indent. */
const block = (fence: string) => {
  const s = section();
  const start = s.indexOf(`${fence}\n`) + fence.length + 1;
  const end = s.indexOf(`\n   ${fence.replace(/\w+$/, "")}\n`, start);
  return `${s.slice(start, end).replace(/^ {3}/gm, "")}\n`;
};

export const readmeExample = () => ({
  sql: block("```sql"),
  page: block("````md"),
  /** The message the README quotes for `GROUP month`. */
  error: /`(error: custom\/metrics\/enterprise_mrr\.sql:[^`]+)`/.exec(section())![1]
});
