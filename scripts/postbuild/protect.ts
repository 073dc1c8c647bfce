/**
 * The protected build (config `protect: true`): every file a page reads as a FileAttachment (the
 * metric tables, report JSON, summaries, account lists and histories, the Explore table, …) is
 * encrypted in place with AES-256-GCM under a key derived from a passphrase, and every page gets
 * the unlock script (client/unlock.js), which asks for the passphrase once per browser session and
 * decrypts those files as the page fetches them (WebCrypto).
 *
 * Key: PBKDF2-HMAC-SHA-256 (ITERATIONS, about half a second in a browser) over the passphrase and a
 * per-build salt, then HKDF-SHA-256 to the AES key (and, build side only, to the key that derives
 * nonces). Deterministic, so that the same inputs, config and passphrase give the same bytes:
 *  - salt = SHA-256 of the encrypted files' names and contents (changes whenever the data does;
 *    public, like any salt; reveals nothing a guess of every file's exact bytes would not);
 *  - nonce = HMAC-SHA-256(nonce key, path ‖ plaintext), first 12 bytes (a synthetic IV: a nonce
 *    repeats only for the same file with the same content, which then encrypts identically).
 * A file is MAGIC ‖ nonce ‖ ciphertext ‖ tag, with MAGIC as additional data. The pages also carry a
 * check value (a constant encrypted the same way) so a wrong passphrase is told apart at once.
 */
import {createCipheriv, createHash, createHmac, hkdfSync, pbkdf2Sync} from "node:crypto";
import {readFile, writeFile} from "node:fs/promises";
import {dirname, join, posix} from "node:path";
import {fileURLToPath} from "node:url";
import {htmlPages, writeHashed} from "./csp.js";

const CLIENT = join(dirname(fileURLToPath(import.meta.url)), "client");
export const PROTECT_DIR = "_protect";
export const ITERATIONS = 600_000;
export const MAGIC = Buffer.from("CSRPENC1", "ascii");
const CHECK_TEXT = "cs-report: the passphrase is right";
/** The passphrase's environment variable (never in a config file, never written by the build). */
export const PASSPHRASE_ENV = "CS_PASSPHRASE";
export const MIN_PASSPHRASE_LENGTH = 12;

export interface Keys {
  key: Buffer; // AES-256-GCM
  nonceKey: Buffer;
}

export function deriveKeys(passphrase: string, salt: Buffer, iterations = ITERATIONS): Keys {
  const master = pbkdf2Sync(Buffer.from(passphrase.normalize("NFC"), "utf8"), salt, iterations, 32, "sha256");
  const hkdf = (info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), Buffer.from(info, "utf8"), 32));
  return {key: hkdf("cs-report aes-gcm key"), nonceKey: hkdf("cs-report nonce key")};
}

export function encrypt(keys: Keys, path: string, plain: Uint8Array): Buffer {
  const nonce = createHmac("sha256", keys.nonceKey).update(path).update("\0").update(plain).digest().subarray(0, 12);
  const cipher = createCipheriv("aes-256-gcm", keys.key, nonce);
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, body, cipher.getAuthTag()]);
}

/** The files the pages register as FileAttachments, as site paths (deduplicated, sorted). */
export async function attachedFiles(dir: string): Promise<string[]> {
  const files = new Set<string>();
  for (const page of await htmlPages(dir)) {
    const html = await readFile(join(dir, page), "utf8");
    for (const m of html.matchAll(/registerFile\("[^"]*", (\{[^}]*\})\)/g)) {
      const {path} = JSON.parse(m[1]) as {path: string};
      if (!/^\.\.?\//.test(path)) throw new Error(`${page}: a file attachment outside the site (${path}) cannot be protected`);
      files.add(posix.normalize(posix.join(posix.dirname(page), path)));
    }
  }
  return [...files].sort();
}

/**
 * Encrypts every attached file under `dir` and writes the unlock script and stylesheet; returns
 * their site paths (csp.ts adds them to every page's <head>) and how many files were encrypted.
 */
export async function protect(dir: string, passphrase: string): Promise<{scripts: string[]; styles: string[]; files: number}> {
  const files = await attachedFiles(dir);
  if (!files.length) throw new Error("protect: no data file found to encrypt (no page registers a FileAttachment)");
  const plain = new Map<string, Buffer>();
  const saltHash = createHash("sha256").update("cs-report protect v1\0");
  for (const file of files) {
    const bytes = await readFile(join(dir, file));
    if (bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`protect: ${file} is already encrypted`);
    plain.set(file, bytes);
    saltHash.update(file).update("\0").update(createHash("sha256").update(bytes).digest());
  }
  const salt = saltHash.digest().subarray(0, 16);
  const keys = deriveKeys(passphrase, salt);
  for (const [file, bytes] of plain) await writeFile(join(dir, file), encrypt(keys, file, bytes));

  const params = {
    v: 1,
    salt: salt.toString("base64"),
    iterations: ITERATIONS,
    check: encrypt(keys, "check", Buffer.from(CHECK_TEXT, "utf8")).toString("base64"),
    checkText: CHECK_TEXT
  };
  const client = await readFile(join(CLIENT, "unlock.js"), "utf8");
  const script = `var CS_PROTECT = ${JSON.stringify(params)};\n${client}`;
  const css = await readFile(join(CLIENT, "unlock.css"), "utf8");
  const out = join(dir, PROTECT_DIR);
  return {
    scripts: [`${PROTECT_DIR}/${await writeHashed(out, "unlock", ".js", script)}`],
    styles: [`${PROTECT_DIR}/${await writeHashed(out, "unlock", ".css", css)}`],
    files: files.length
  };
}
