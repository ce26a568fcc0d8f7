export default async function globalTeardown() {
  await globalThis.__rendaE2eStop?.();
}
