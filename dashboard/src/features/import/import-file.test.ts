import { base64ToBytes, bytesToBase64, commitBlock, MAX_FILE_BYTES, type ImportPageState } from './import-file';

const ready: ImportPageState = { fileSize: 1000, previewed: true, problems: 0, busy: false, committed: false };

describe('import file helpers', () => {
  it('encodes bytes as base64 and back, beyond one chunk', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(encoded)).toEqual(bytes);
  });

  it('allows a commit only after a preview without problems', () => {
    expect(commitBlock(ready)).toBeNull();
    expect(commitBlock({ ...ready, fileSize: null })).toBe('noFile');
    expect(commitBlock({ ...ready, fileSize: MAX_FILE_BYTES + 1 })).toBe('tooLarge');
    expect(commitBlock({ ...ready, previewed: false })).toBe('notPreviewed');
    expect(commitBlock({ ...ready, problems: 3 })).toBe('problems');
    expect(commitBlock({ ...ready, busy: true })).toBe('busy');
    expect(commitBlock({ ...ready, committed: true })).toBe('done');
  });
});
