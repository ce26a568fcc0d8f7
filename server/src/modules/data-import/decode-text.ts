const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * A CSV's text: UTF-8 with or without a byte-order mark, or GB18030 (what Excel on a Chinese Windows
 * writes as "CSV"). Bytes that are not valid UTF-8 are read as GB18030, a superset of GBK and GB2312;
 * valid UTF-8 of Chinese text is practically never valid-looking GB18030 by accident, and vice versa.
 */
export function decodeText(bytes: Uint8Array): string {
  if (UTF8_BOM.every((byte, i) => bytes[i] === byte)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
