/**
 * CSV files come from the server (POST /export/csv: the same rules as /graphql, a UTF-8 BOM, formulas
 * defused); the dashboard only names them.
 */

/** A file name safe on every system: "renda-<name>-<yyyy-mm-dd>.csv". */
export function csvFileName(name: string, date: string): string {
  return `${exportFileBase(name, date)}.csv`;
}

/**
 * The base name sent to /export/csv as `filename` ("renda-<name>-<yyyy-mm-dd>"): letters, digits, _,
 * Chinese and hyphens only, at most 60 characters, as the server accepts.
 */
export function exportFileBase(name: string, date: string): string {
  const safe =
    name
      .replace(/[^\w\u4e00-\u9fa5-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '') || 'query';
  const suffix = `-${date}`;
  return `renda-${safe}`.slice(0, 60 - suffix.length).replace(/-+$/, '') + suffix;
}

/** The file name of a Content-Disposition header (RFC 5987 filename* first), or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1]!.trim() : null;
}
