import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkboxGroup,
  dateField,
  emailField,
  fileField,
  parseDate,
  radioGroup,
  selectField,
  textareaField,
  textField,
} from './forms.ts';

describe('the form kit', () => {
  it('gives a field its label, hint and error, tied to the input, and re-shows the value', () => {
    const out = textField('sv', {
      name: 'name',
      label: 'Namn',
      hint: 'Som det står i registret.',
      error: 'Skriv ett namn.',
      required: true,
      value: 'Gruvbolaget "AB"',
    }).toString();
    assert.match(
      out,
      /<label class="field__label" for="name">Namn <span class="field__optional">\(obligatoriskt\)<\/span><\/label>/,
    );
    assert.match(out, /<p class="field__hint" id="name-hint">Som det står i registret.<\/p>/);
    assert.match(out, /<p class="field__error" id="name-error">Skriv ett namn.<\/p>/);
    assert.match(out, /aria-invalid="true"/);
    assert.match(out, /aria-describedby="name-hint name-error"/);
    assert.match(out, /value="Gruvbolaget &quot;AB&quot;"/);
    assert.match(out, / required/);
  });

  it('marks required and optional fields with one wording in each language, and filters not at all', () => {
    const field = (lang: 'sv' | 'en', required?: boolean) =>
      textField(lang, { name: 'x', label: 'X', value: '', required }).toString();
    assert.match(field('sv', true), /\(obligatoriskt\)/);
    assert.match(field('sv', false), /\(frivilligt\)/);
    assert.match(field('en', true), /\(required\)/);
    assert.match(field('en', false), /\(optional\)/);
    assert.doesNotMatch(field('sv'), /field__optional/);
  });

  it('types a date as ÅÅÅÅ-MM-DD in a text input and checks it on the server', () => {
    const out = dateField('sv', { name: 'from', label: 'Från', value: '2026-02-30' }).toString();
    assert.match(out, /type="text"/);
    assert.match(out, /inputmode="numeric"/);
    assert.match(out, /pattern="\\d\{4\}-\\d\{2\}-\\d\{2\}"/);
    assert.match(out, /ÅÅÅÅ-MM-DD/);
    assert.match(out, /value="2026-02-30"/, 'what was typed is shown again');
    assert.equal(parseDate(' 2026-03-31 '), '2026-03-31');
    assert.equal(parseDate(''), null);
    assert.equal(parseDate('2026-02-30'), undefined);
    assert.equal(parseDate('31/3/2026'), undefined);
  });

  it('builds e-mail, textarea, select, file and grouped choices with their values kept', () => {
    assert.match(
      emailField('en', { name: 'email', label: 'E-mail', value: 'a@b.se' }).toString(),
      /type="email"[^>]*spellcheck="false"/,
    );
    assert.match(
      textareaField('sv', { name: 'm', label: 'M', value: '<b>' }).toString(),
      /<textarea[^>]*>&lt;b&gt;<\/textarea>/,
    );
    const select = selectField('sv', {
      name: 'kind',
      label: 'Typ',
      value: 'b',
      placeholder: 'Välj …',
      options: [{ value: 'a', label: 'A' }],
      groups: [{ label: 'Fler', options: [{ value: 'b', label: 'B' }] }],
    }).toString();
    assert.match(select, /<option value="">Välj …<\/option>/);
    assert.match(select, /<optgroup label="Fler"><option value="b" selected>B<\/option><\/optgroup>/);
    assert.match(
      fileField('sv', { name: 'logo', label: 'Logga', accept: 'image/*' }).toString(),
      /type="file"[^>]*accept="image\/\*"/,
    );
    const boxes = checkboxGroup('sv', {
      name: 'scopes',
      legend: 'Behörigheter',
      error: 'Välj minst en.',
      values: ['b'],
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    }).toString();
    assert.match(boxes, /<fieldset class="field field--error" aria-describedby="scopes-error">/);
    assert.match(boxes, /id="scopes-b" name="scopes" value="b" checked/);
    assert.doesNotMatch(boxes, /value="a" checked/);
    const radios = radioGroup('sv', {
      name: 'published',
      legend: 'Publicerad',
      listClass: 'facet__options',
      value: '',
      options: [{ value: '', id: 'any', label: 'När som helst' }],
    }).toString();
    assert.match(
      radios,
      /<ul class="facet__options"><li><input type="radio" id="any" name="published" value="" checked/,
    );
  });
});
