/**
 * FNV-1a 32-bit hash. Used to derive one PRNG seed per township and purpose ("qunli:deputies"), so that
 * changing one generator never shifts the random stream, and hence the output, of another.
 */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
