/**
 * Found by trying Lotsa as a new operator and a new employer admin would (the security round's
 * settings and pages): what an operator types into the environment is read the way they meant it or
 * refused with a message that tells them what to write instead.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';

/** The message loadConfig stops with for this environment. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail(`${JSON.stringify(env)} was accepted`);
}

describe('an operator configuring Lotsa', () => {
  it('TRUST_PROXY: a hop count with a stray space (as .env files and compose files leave) is that count', () => {
    assert.equal(loadConfig({ TRUST_PROXY: '1 ' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: ' 2' }).trustProxy, 2);
    // and a whole-number setting like it reads the same way
    assert.equal(loadConfig({ REQUEST_TIMEOUT_MS: '30000 ' }).requestTimeoutMs, 30_000);
  });

  it('TRUST_PROXY: the refusal of "yes"/"on" quotes what was typed, and says what to write', () => {
    const message = refusal({ TRUST_PROXY: 'yes' });
    assert.match(message, /"yes"/);
    assert.doesNotMatch(message, /no longer/, 'a new operator never used it before');
    assert.match(message, /e\.g\. 1/);
  });

  it('TRUST_PROXY: a trailing comma in a list of proxies is not an empty proxy', () => {
    assert.deepEqual(loadConfig({ TRUST_PROXY: '127.0.0.1,' }).trustProxy, ['127.0.0.1']);
    assert.match(refusal({ TRUST_PROXY: ',' }), /TRUST_PROXY/);
  });

  it('PUBLIC_URL with a path is refused (links would silently lose it), naming the fix', () => {
    const message = refusal({ PUBLIC_URL: 'https://lotsa.example/dalarna' });
    assert.match(message, /PUBLIC_URL/);
    assert.match(message, /https:\/\/lotsa\.example\b/, 'shows the origin to write instead');
    // a trailing slash is no path
    assert.equal(
      loadConfig({ PUBLIC_URL: 'https://lotsa.example/' }).publicUrl.origin,
      'https://lotsa.example',
    );
  });

  it('PUBLIC_URL without a scheme says what was typed and what to write', () => {
    const message = refusal({ PUBLIC_URL: 'lotsa.example' });
    assert.match(message, /"lotsa\.example"/);
    assert.match(message, /https:\/\/lotsa\.example/);
  });
});
