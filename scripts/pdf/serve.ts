/** A static server for the built site on 127.0.0.1 (clean URLs: /x -> /x.html), for the PDF renderer only. */
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, resolve} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8"
};

export async function serveSite(root: string): Promise<{url: string; close: () => Promise<void>}> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const pathname = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = [pathname, `${pathname}.html`, join(pathname, "index.html")]
      .map((p) => join(base, p))
      .find((f) => f.startsWith(base) && existsSync(f) && statSync(f).isFile());
    if (!file) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const {port} = server.address() as AddressInfo;
  return {url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok()))};
}
