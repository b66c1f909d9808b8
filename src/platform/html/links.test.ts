import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isEmailAddress, isSafeLink, isWebAddress, mailtoHref, safeHref, telHref } from './links.ts';

const HOSTILE = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:x',
  '//evil.example',
  '/\\evil.example',
  'https:evil.example',
  'https:/evil.example',
  'https://user:secret@evil.example/',
  'https://user@evil.example/',
  'https://@evil.example/',
  'https://www.kommun.se@evil.example/',
  'https://evil.example/a b',
  'https://evil.example/\u0000',
  'https://evil.example/\u200b\n',
  'https://evil.example/"onmouseover="x',
  'https://',
  'ftp://files.example/',
  `https://a.se/${'x'.repeat(2_000)}`,
  '',
];

describe('links: the one check before a stored address becomes a link', () => {
  it('accepts plain https and http web addresses', () => {
    for (const ok of [
      'https://www.skatteverket.se/flytta',
      'HTTPS://WWW.Kommun.se/',
      'http://example.com/?a=1&b=2#x',
      'https://medium.com/@someone/post',
      'https://sv.wikipedia.org/wiki/O%27Brien_(namn)',
    ]) {
      assert.equal(isWebAddress(ok), true, ok);
      assert.equal(safeHref(ok), ok, ok);
    }
    assert.equal(isWebAddress('http://example.com/', { httpsOnly: true }), false);
  });

  it('refuses javascript:, data:, protocol-relative, credentials, whitespace and control characters', () => {
    for (const bad of HOSTILE) {
      assert.equal(isWebAddress(bad), false, JSON.stringify(bad));
      assert.equal(isSafeLink(bad, { mailto: true, tel: true, path: true }), false, JSON.stringify(bad));
      assert.equal(safeHref(bad), null, JSON.stringify(bad));
    }
    assert.equal(isWebAddress(42), false);
  });

  it('allows mailto:, tel: and site paths only where the field is for them', () => {
    assert.equal(isSafeLink('mailto:info@kommun.se'), false);
    assert.equal(isSafeLink('mailto:info@kommun.se', { mailto: true }), true);
    assert.equal(isSafeLink('mailto:javascript:alert(1)', { mailto: true }), false);
    assert.equal(isSafeLink('tel:+4623123', { tel: true }), true);
    assert.equal(isSafeLink('tel:+46;x', { tel: true }), false);
    assert.equal(isSafeLink('/sv/jobs', { path: true }), true);
    assert.equal(isSafeLink('/sv/jobs'), false);
  });

  it('makes mailto: and tel: only of an e-mail address and a phone number', () => {
    assert.equal(mailtoHref('info@kommun.se'), 'mailto:info@kommun.se');
    assert.equal(isEmailAddress('info@kommun.se'), true);
    for (const bad of [
      'info@kommun.se?bcc=x@evil.example',
      'a b@c.se',
      'nobody',
      'x@y',
      'javascript:x@y.se',
    ]) {
      assert.equal(mailtoHref(bad), null, bad);
    }
    assert.equal(telHref('+46 (0)23-123 45'), 'tel:+4602312345');
    assert.equal(telHref('ring oss'), null);
    assert.equal(telHref(''), null);
  });
});
