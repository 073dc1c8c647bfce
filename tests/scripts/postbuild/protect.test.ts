import {createDecipheriv} from "node:crypto";
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {ConfigError} from "../../../loaders/config.js";
import {passphraseFor} from "../../../scripts/postbuild/index.js";
import {attachedFiles, deriveKeys, encrypt, MAGIC, protect} from "../../../scripts/postbuild/protect.js";

const salt = Buffer.alloc(16, 7);

/** What client/unlock.js does, with the platform's WebCrypto: PBKDF2 → HKDF → AES-GCM decrypt. */
async function webDecrypt(passphrase: string, saltIn: Uint8Array, iterations: number, fileIn: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const [saltBytes, file] = [new Uint8Array(saltIn), new Uint8Array(fileIn)]; // plain ArrayBuffer copies, as WebCrypto's types want
  const base = await subtle.importKey("raw", new TextEncoder().encode(passphrase.normalize("NFC")), "PBKDF2", false, ["deriveBits"]);
  const bits = await subtle.deriveBits({name: "PBKDF2", hash: "SHA-256", salt: saltBytes, iterations}, base, 256);
  const master = await subtle.importKey("raw", bits, "HKDF", false, ["deriveKey"]);
  const key = await subtle.deriveKey(
    {name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new TextEncoder().encode("cs-report aes-gcm key")},
    master,
    {name: "AES-GCM", length: 256},
    false,
    ["decrypt"]
  );
  return new Uint8Array(await subtle.decrypt({name: "AES-GCM", iv: file.subarray(8, 20), additionalData: MAGIC}, key, file.subarray(20)));
}

describe("encrypt", () => {
  it("is MAGIC ‖ nonce ‖ AES-256-GCM, which the browser's WebCrypto derivation decrypts", async () => {
    const keys = deriveKeys("a passphrase of words", salt, 1000);
    const plain = Buffer.from(JSON.stringify({account: "Kaneda Shoji", mrr: 123456}));
    const file = encrypt(keys, "_file/a.json", plain);
    expect(file.subarray(0, 8)).toEqual(MAGIC);
    expect(file.length).toBe(8 + 12 + plain.length + 16);
    expect(file.includes(Buffer.from("Kaneda"))).toBe(false);
    expect(Buffer.from(await webDecrypt("a passphrase of words", salt, 1000, file))).toEqual(plain);
    await expect(webDecrypt("another passphrase", salt, 1000, file)).rejects.toThrow();
  });

  it("is deterministic per (key, path, content) and never reuses a nonce across paths or contents", () => {
    const keys = deriveKeys("a passphrase of words", salt, 1000);
    const a = encrypt(keys, "x", Buffer.from("same"));
    expect(encrypt(keys, "x", Buffer.from("same"))).toEqual(a);
    const nonce = (b: Buffer) => b.subarray(8, 20).toString("hex");
    expect(nonce(encrypt(keys, "y", Buffer.from("same")))).not.toBe(nonce(a));
    expect(nonce(encrypt(keys, "x", Buffer.from("other")))).not.toBe(nonce(a));
    const d = createDecipheriv("aes-256-gcm", keys.key, a.subarray(8, 20));
    d.setAAD(MAGIC);
    d.setAuthTag(a.subarray(-16));
    expect(Buffer.concat([d.update(a.subarray(20, -16)), d.final()]).toString()).toBe("same");
  });
});

describe("protect", () => {
  it("encrypts exactly the files pages register, and writes the unlock script with the check value", async () => {
    const dir = join(import.meta.dirname, "..", "..", ".tmp", "protect-site");
    rmSync(dir, {recursive: true, force: true});
    mkdirSync(join(dir, "reports"), {recursive: true});
    mkdirSync(join(dir, "_file", "data"), {recursive: true});
    const reg = (name: string, path: string) => `registerFile("${name}", {"name":"${name}","mimeType":"application/json","path":"${path}","lastModified":1,"size":2});`;
    writeFileSync(join(dir, "index.html"), `<head><script type="module">${reg("./data/a.json", "./_file/data/a.1234abcd.json")}</script></head>`);
    writeFileSync(join(dir, "reports", "x.html"), `<head><script type="module">${reg("../data/b.json", "../_file/data/b.1234abcd.json")}</script></head>`);
    writeFileSync(join(dir, "_file", "data", "a.1234abcd.json"), `{"name":"Kaneda Shoji"}`);
    writeFileSync(join(dir, "_file", "data", "b.1234abcd.json"), `{"mrr":123456}`);
    writeFileSync(join(dir, "_file", "style.css"), `p{}`);
    expect(await attachedFiles(dir)).toEqual(["_file/data/a.1234abcd.json", "_file/data/b.1234abcd.json"]);
    const result = await protect(dir, "a passphrase of words");
    expect(result.files).toBe(2);
    expect(readFileSync(join(dir, "_file", "data", "a.1234abcd.json")).subarray(0, 8)).toEqual(MAGIC);
    expect(readFileSync(join(dir, "_file", "style.css"), "utf8")).toBe("p{}");
    const script = readFileSync(join(dir, result.scripts[0]), "utf8");
    const params = JSON.parse(/^var CS_PROTECT = (.*);$/m.exec(script)![1]);
    const check = await webDecrypt("a passphrase of words", Buffer.from(params.salt, "base64"), params.iterations, Buffer.from(params.check, "base64"));
    expect(new TextDecoder().decode(check)).toBe(params.checkText);
    expect(script).not.toContain("a passphrase of words");
    await expect(protect(dir, "a passphrase of words")).rejects.toThrow(/already encrypted/);
  }, 30_000);
});

describe("passphraseFor", () => {
  it("takes the passphrase from CS_PASSPHRASE only when protect is on; a missing or short one is a config error", () => {
    expect(passphraseFor(false, {CS_PASSPHRASE: "whatever it is"})).toBeNull();
    expect(passphraseFor(true, {CS_PASSPHRASE: "correct horse battery"})).toBe("correct horse battery");
    expect(() => passphraseFor(true, {})).toThrow(ConfigError);
    expect(() => passphraseFor(true, {})).toThrow(/CS_PASSPHRASE/);
    expect(() => passphraseFor(true, {CS_PASSPHRASE: "short"})).toThrow(/at least 12 characters/);
  });
});
