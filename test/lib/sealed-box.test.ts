import { describe, expect, it } from 'vitest';
import { SealedBox } from '../../lib/sealed-box.ts';

describe('SealedBox', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters!';

  it('round-trips, never stores the plaintext, and differs each time', () => {
    const box = new SealedBox(secret, 'portal-credentials');
    const sealed = box.seal('Portal#Pass2026');
    expect(sealed).not.toContain('Portal#Pass2026');
    expect(box.seal('Portal#Pass2026')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('Portal#Pass2026');
  });

  it('refuses another secret, another purpose, and tampering', () => {
    const sealed = new SealedBox(secret, 'portal-credentials').seal('x');
    expect(() => new SealedBox(`${secret}2`, 'portal-credentials').open(sealed)).toThrow();
    expect(() => new SealedBox(secret, 'sessions').open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => new SealedBox(secret, 'portal-credentials').open(parts.join('.'))).toThrow();
  });
});
