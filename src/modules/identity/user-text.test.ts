import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mailboxOf } from './accounts.ts';
import { QUOTED_TEXT_MAX, quotedUserText } from './user-text.ts';

describe('quotedUserText', () => {
  it('keeps an ordinary name as it is', () => {
    for (const name of ['Hanna Holm', 'Åsa Öberg-Lind', 'Anna B. Svensson', "O'Brien", 'Zoë Ünal']) {
      assert.equal(quotedUserText(name), name);
    }
  });

  it('leaves nothing a mail program would make a link of', () => {
    const quoted = quotedUserText(
      'förnya på https://evil.example/x eller www.evil.example, skriv till a@evil.example',
    );
    assert.doesNotMatch(quoted, /evil\.example|https:\/\/|www\./);
    assert.match(quoted, /evil\[\.\]example/);
    assert.doesNotMatch(quotedUserText('evil．example and evil。example'), /evil[.\uFF0E\u3002]example/u);
  });

  it('is one short line without control or direction characters', () => {
    const quoted = quotedUserText(`a\r\nb\tc\u202Ed\u200Be\u2028f${'x'.repeat(200)}`);
    assert.doesNotMatch(quoted, /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
    assert.ok(quoted.startsWith('a b c d e f'));
    assert.equal([...quoted].length, QUOTED_TEXT_MAX);
    assert.ok(quoted.endsWith('…'));
    assert.equal(quotedUserText(' \u0000 '), '');
  });
});

describe('mailboxOf (rate-limit keys only)', () => {
  it('counts every +tag of a mailbox, and Gmail’s dots, as one mailbox', () => {
    assert.equal(mailboxOf('Anna+1@X.se'), 'anna@x.se');
    assert.equal(mailboxOf('anna+2@x.se'), 'anna@x.se');
    assert.equal(mailboxOf('a.n.n.a+x@googlemail.com'), 'anna@gmail.com');
    assert.equal(mailboxOf('a.nna@x.se'), 'a.nna@x.se', 'dots matter elsewhere');
    assert.equal(mailboxOf('+only@x.se'), '+only@x.se', 'a tag alone is the name');
  });
});
