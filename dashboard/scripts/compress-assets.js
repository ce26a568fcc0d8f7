// After `vite build`: a Brotli (.br) and a gzip (.gz) copy of every text asset, made once here at the
// highest levels, so the server sends compressed hashed assets without compressing per request.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { join } from 'node:path';

const assets = new URL('../dist/assets/', import.meta.url).pathname;
const COMPRESSIBLE = /\.(js|css|svg|json|txt)$/;
let before = 0;
let after = 0;
for (const name of readdirSync(assets).filter((f) => COMPRESSIBLE.test(f))) {
  const raw = readFileSync(join(assets, name));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(join(assets, `${name}.br`), br);
  writeFileSync(join(assets, `${name}.gz`), gzipSync(raw, { level: 9 }));
  before += raw.length;
  after += br.length;
}
process.stdout.write(`compressed assets: ${(before / 1024).toFixed(0)} KB -> ${(after / 1024).toFixed(0)} KB (br)\n`);
