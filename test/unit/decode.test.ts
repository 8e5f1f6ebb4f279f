import { strict as assert } from 'node:assert';
import { decodeReport } from '../../server/src/core';

const TEXT = '关于2023年意识形态工作情况的报告\r\n一、工作开展情况\n';

describe('decodeReport', () => {
  it('reads UTF-8 with and without BOM, keeping CRLF', () => {
    const bytes = new TextEncoder().encode(TEXT);
    assert.deepEqual(decodeReport(bytes), { ok: true, text: TEXT, encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    assert.deepEqual(decodeReport(bom), { ok: true, text: TEXT, encoding: 'utf-8' });
  });

  it('reads GB18030/GBK files', () => {
    // “你好，公文” in GBK
    const gbk = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xb9, 0xab, 0xce, 0xc4]);
    assert.deepEqual(decodeReport(gbk), { ok: true, text: '你好，公文', encoding: 'gb18030' });
  });

  it('reads UTF-16 with BOM (Word “Unicode text”)', () => {
    const body = Buffer.from('一、总体情况', 'utf16le');
    const r = decodeReport(new Uint8Array([0xff, 0xfe, ...body]));
    assert.deepEqual(r, { ok: true, text: '一、总体情况', encoding: 'utf-16le' });
  });

  it('refuses binary data with a Chinese reason', () => {
    const r = decodeReport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /二进制/);
  });
});
