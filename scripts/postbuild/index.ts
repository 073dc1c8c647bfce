/**
 * What `npm run build` does to Framework's output before it becomes dist/: encrypt the data files
 * when the config says `protect: true` (protect.ts), move every inline script and style into files
 * (csp.ts), and write the host headers file (headers.ts). Deterministic: same input, same bytes.
 */
import {externalizeInline} from "./csp.js";
import {writeHeadersFile} from "./headers.js";

export async function postBuild(dir: string, {log = console.log}: {log?: (s: string) => void} = {}): Promise<void> {
  const csp = await externalizeInline(dir);
  await writeHeadersFile(dir);
  log(`csp: ${csp.pages} pages without inline scripts or styles (${csp.files} script and style files)`);
}
