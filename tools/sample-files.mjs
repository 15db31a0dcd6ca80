// Serves the files under samples/ on loopback, read-only, so that a file "sent in chat" in the Playground (a custom
// activity with a Teams file attachment, see samples/playground/) has a download URL the bot can fetch locally.
// Usage: node tools/sample-files.mjs PORT [ROOT]
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';

const port = Number(process.argv[2] ?? 56160);
const root = resolve(process.argv[3] ?? new URL('../samples', import.meta.url).pathname);

createServer((request, response) => {
  let path;
  try {
    path = resolve(root, '.' + decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
  } catch {
    path = null;
  }
  const inside = path !== null && path.startsWith(root + sep);
  const file = inside && request.method === 'GET' ? statSync(path, { throwIfNoEntry: false }) : undefined;
  if (!file?.isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': file.size });
  createReadStream(path).pipe(response);
}).listen(port, '127.0.0.1', () => console.log(`Sample files on http://127.0.0.1:${port}/ from ${root}`));
