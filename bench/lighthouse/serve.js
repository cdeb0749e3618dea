// A small static file server for measuring, as a production server would answer: gzip for text, a year's
// caching for hashed assets (name.0123abcd.ext), no-cache for the rest, the site's 404.html for missing paths.
//   node serve.js DIR [PORT]     PORT 0 (the default): any free port; the address is printed on stdout
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = path.resolve(process.argv[2]);
const port = Number(process.argv[3] || 0);
const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};
const compressible = /^(text\/|application\/(json|xml)|image\/svg)/;
const hashed = /\.[0-9a-f]{8}\.[a-z0-9]+$/;

const server = http.createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = path.join(root, rel);
  if (!file.startsWith(root)) { res.writeHead(400); return res.end(); }
  if (rel.endsWith('/')) file = path.join(file, 'index.html');
  let status = 200;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    if (fs.existsSync(path.join(file, 'index.html'))) {
      res.writeHead(301, { Location: rel + '/' });
      return res.end();
    }
    status = 404;
    file = path.join(root, '404.html');
  }
  const type = types[path.extname(file).toLowerCase()] || 'application/octet-stream';
  let body = fs.readFileSync(file);
  const headers = {
    'Content-Type': type,
    'Cache-Control': hashed.test(file) && rel.includes('/assets/') ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'Vary': 'Accept-Encoding',
  };
  if (compressible.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    body = zlib.gzipSync(body, { level: 9 });
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
});
server.listen(port, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));
