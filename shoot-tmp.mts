// Screenshots for issue 19 (not in git): tsx shoot.ts DIST TAG path1 path2 ...
import {serve, launch} from "./tests/e2e/harness.ts";
const [dist, tag, ...paths] = process.argv.slice(2);
const server = await serve(dist);
const browser = await launch();
for (const width of [390, 1440]) {
  const page = await browser.newPage({viewport: {width, height: 900}});
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  for (const p of paths) {
    await page.goto(server.url + p, {waitUntil: "networkidle"});
    await page.waitForTimeout(1500);
    const name = `${tag}-${p.replace(/[^a-z0-9]+/gi, "_")}-${width}.png`;
    const sel = process.env.SEL;
    if (sel && (await page.$(sel))) await (await page.$(sel))!.screenshot({path: `/work/wt/shots/i19/${name}`});
    else await page.screenshot({path: `/work/wt/shots/i19/${name}`, fullPage: true});
    console.log(name, errors.length ? errors.join(" | ") : "no errors");
    errors.length = 0;
  }
  await page.close();
}
await browser.close();
await server.close();
