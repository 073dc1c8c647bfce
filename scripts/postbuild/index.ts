/**
 * What `npm run build` does to Framework's output before it becomes dist/: encrypt the data files
 * when the config says `protect: true` (protect.ts), move every inline script and style into files
 * (csp.ts) and write the host headers file (headers.ts). Deterministic: same input, same bytes.
 */
import {ConfigError} from "../../loaders/config.js";
import {externalizeInline} from "./csp.js";
import {dropUnusedDuckdbVariant} from "./duckdb-variant.js";
import {writeHeadersFile} from "./headers.js";
import {MIN_PASSPHRASE_LENGTH, PASSPHRASE_ENV, protect} from "./protect.js";

/**
 * The passphrase of a protected build, from the environment (null when not protected); a missing
 * or short one is a config error. It is never logged or written.
 */
export function passphraseFor(protectSite: boolean, env: Record<string, string | undefined> = process.env): string | null {
  const passphrase = env[PASSPHRASE_ENV];
  if (!protectSite) return null;
  if (!passphrase) throw new ConfigError(`protect: true needs the passphrase in the ${PASSPHRASE_ENV} environment variable (it is never written anywhere)`);
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new ConfigError(`${PASSPHRASE_ENV} is too short: use at least ${MIN_PASSPHRASE_LENGTH} characters (a few unrelated words), since the encrypted files can be attacked offline`);
  }
  return passphrase;
}

export async function postBuild(dir: string, {passphrase = null, log = console.log}: {passphrase?: string | null; log?: (s: string) => void} = {}): Promise<void> {
  await dropUnusedDuckdbVariant(dir);
  const inject = passphrase ? await protect(dir, passphrase) : {scripts: [], styles: [], files: 0};
  if (passphrase) log(`protect: ${inject.files} data files encrypted (AES-256-GCM); readers unlock with the passphrase`);
  const csp = await externalizeInline(dir, inject);
  await writeHeadersFile(dir);
  log(`csp: ${csp.pages} pages without inline scripts or styles (${csp.files} script and style files)`);
}
