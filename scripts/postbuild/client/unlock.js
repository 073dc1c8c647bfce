// The protected build's unlock script (scripts/postbuild/protect.ts writes it into every page's
// <head>, after `var CS_PROTECT = {salt, iterations, check, checkText}`). It asks for the passphrase
// once per browser session, derives the key (PBKDF2 then HKDF, WebCrypto), checks it against
// CS_PROTECT.check, keeps the derived AES key (never the passphrase) in sessionStorage, and
// decrypts the site's data files as the page fetches them: window.fetch is wrapped for same-origin
// requests under /_file/, which is where every FileAttachment lives. Until the reader unlocks,
// those fetches wait, so each page draws as usual once its data arrives.
(() => {
  "use strict";
  const P = globalThis.CS_PROTECT;
  const MAGIC = new TextEncoder().encode("CSRPENC1");
  const STORE = `cs-report:key:${P.salt}`;
  const TEXT = {
    en: {
      title: "This report is protected",
      body: "Its figures are encrypted. Enter the passphrase you were given to read them; you are asked once per browser session.",
      label: "Passphrase",
      unlock: "Unlock",
      busy: "Checking the passphrase…",
      empty: "Enter the passphrase.",
      wrong: "That passphrase does not unlock this report. Check it (letters are case-sensitive) and try again.",
      insecure: "This page must be opened over HTTPS (or from localhost) to be unlocked: browsers offer decryption only to secure pages.",
      broken: "A data file of this report could not be decrypted. Reload the page; if this persists, the site was only partly updated."
    },
    ja: {
      title: "このレポートは保護されています",
      body: "数値は暗号化されています。共有されたパスフレーズを入力すると表示されます（ブラウザのセッションごとに1回）。",
      label: "パスフレーズ",
      unlock: "表示する",
      busy: "パスフレーズを確認しています…",
      empty: "パスフレーズを入力してください。",
      wrong: "パスフレーズが違います。大文字・小文字を含めて確認し、もう一度入力してください。",
      insecure: "このページは HTTPS（または localhost）で開いてください。ブラウザは安全な接続のページでのみ復号できます。",
      broken: "このレポートのデータファイルを復号できませんでした。ページを再読み込みしてください。続く場合は、サイトの更新が途中で止まっています。"
    }
  };
  const text = () => TEXT[(document.documentElement.lang || navigator.language || "en").toLowerCase().startsWith("ja") ? "ja" : "en"];
  const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const unb64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
  const subtle = globalThis.crypto?.subtle;

  function decrypt(key, bytes) {
    for (let i = 0; i < MAGIC.length; ++i) if (bytes[i] !== MAGIC[i]) return null;
    return subtle.decrypt({name: "AES-GCM", iv: bytes.subarray(8, 20), additionalData: MAGIC}, key, bytes.subarray(20));
  }

  /** The key if it opens the check value, else null. */
  async function verified(key) {
    try {
      return new TextDecoder().decode(await decrypt(key, b64(P.check))) === P.checkText ? key : null;
    } catch {
      return null;
    }
  }

  async function derive(passphrase) {
    const base = await subtle.importKey("raw", new TextEncoder().encode(passphrase.normalize("NFC")), "PBKDF2", false, ["deriveBits"]);
    const bits = await subtle.deriveBits({name: "PBKDF2", hash: "SHA-256", salt: b64(P.salt), iterations: P.iterations}, base, 256);
    const master = await subtle.importKey("raw", bits, "HKDF", false, ["deriveKey"]);
    const info = new TextEncoder().encode("cs-report aes-gcm key");
    return subtle.deriveKey({name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info}, master, {name: "AES-GCM", length: 256}, true, ["decrypt"]);
  }

  async function stored() {
    try {
      const raw = sessionStorage.getItem(STORE);
      if (!raw) return null;
      const key = await verified(await subtle.importKey("raw", b64(raw), "AES-GCM", true, ["decrypt"]));
      if (!key) sessionStorage.removeItem(STORE);
      return key;
    } catch {
      return null;
    }
  }

  async function remember(key) {
    try {
      sessionStorage.setItem(STORE, unb64(await subtle.exportKey("raw", key)));
    } catch {
      // no sessionStorage (a private mode): the reader is asked again on the next page
    }
  }

  function el(tag, props = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  }

  /** Shows the prompt; resolves with the key once the reader gives the right passphrase. */
  function prompt() {
    return new Promise((resolve) => {
      const t = text();
      const input = el("input", {type: "password", name: "passphrase", autocomplete: "current-password", id: "cs-lock-input", spellcheck: false});
      const button = el("button", {type: "submit"}, t.unlock);
      const status = el("p", {className: "cs-lock-status", id: "cs-lock-status"});
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      input.setAttribute("aria-describedby", "cs-lock-status");
      const form = el(
        "form",
        {className: "cs-lock-card"},
        el("h1", {id: "cs-lock-title"}, t.title),
        el("p", {className: "cs-lock-body"}, t.body),
        el("label", {htmlFor: "cs-lock-input"}, t.label),
        el("div", {className: "cs-lock-row"}, input, button),
        status
      );
      const overlay = el("div", {className: "cs-lock"}, form);
      overlay.setAttribute("role", "dialog");
      overlay.setAttribute("aria-modal", "true");
      overlay.setAttribute("aria-labelledby", "cs-lock-title");
      const say = (message, kind) => {
        status.textContent = message;
        status.dataset.kind = kind;
      };
      if (!subtle) {
        say(t.insecure, "error");
        input.disabled = button.disabled = true;
      }
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        if (!input.value) return say(t.empty, "error"), input.focus();
        input.disabled = button.disabled = true;
        say(t.busy, "busy");
        const key = await verified(await derive(input.value));
        if (!key) {
          input.disabled = button.disabled = false;
          say(t.wrong, "error");
          input.select();
          input.focus();
          return;
        }
        await remember(key);
        document.documentElement.classList.remove("cs-locked");
        overlay.remove();
        resolve(key);
      });
      document.documentElement.classList.add("cs-locked");
      document.body.append(overlay);
      input.focus();
    });
  }

  const domReady = new Promise((resolve) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", resolve, {once: true});
    else resolve();
  });
  const ready = (async () => (subtle && (await stored())) || (await domReady, prompt()))();

  const originalFetch = globalThis.fetch;
  globalThis.fetch = async function (input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== location.origin || !url.pathname.includes("/_file/")) return originalFetch.call(this, input, init);
    const key = await ready;
    const response = await originalFetch.call(this, input, init);
    if (!response.ok) return response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    let plain;
    try {
      plain = await decrypt(key, bytes);
    } catch {
      throw new Error(text().broken);
    }
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(plain ?? bytes, {status: response.status, statusText: response.statusText, headers});
  };
})();
