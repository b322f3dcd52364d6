import { describe, expect, it } from 'vitest';
import { redactUrl } from './log';

describe('request log redaction', () => {
  it('keeps the app\'s own paths', () => {
    for (const path of ['/', '/healthz', '/ws', '/admin', '/admin/sessions/abcdEFGH1234_-xyz', '/assets/ballot-D7W-zT4i.js', '/api/admin/sessions/abcdEFGH1234_-xyz/box/shares', '/display/abcdEFGH1234_-xyz', '/r/abcdEFGH1234_-xyz', '/api/message']) {
      expect(redactUrl(path)).toBe(path);
    }
    expect(redactUrl('/api/admin/sessions?state=used')).toBe('/api/admin/sessions');
  });
  it('hides every form a slip id, code or secret could take', () => {
    expect(redactUrl('/b/AB12')).toBe('/b/[slip]');
    expect(redactUrl('/b/AB12/XYZ7890')).toBe('/b/[slip]');
    for (const path of ['/B/AB12-XYZ7890', '//b/AB12', '/b%2FAB12', '/AB12-XYZ7890', '/AB12XYZ7890', '/admin/AB12', '/api/AB12', '/r/AB12-XYZ7890', '/display/AB12', '/assets/../AB12']) {
      expect(redactUrl(path), path).toBe('[path]');
    }
  });
});
