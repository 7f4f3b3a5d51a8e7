import { describe, expect, it } from 'vitest';
import { fullNameOf } from '../../src/answer/full-name.js';
import type { EntitySpan } from '../../src/answer/sentence-entities.js';

const name = (text: string): EntitySpan => ({ kind: 'name', text, start: 0, end: text.length });

describe('fullNameOf', () => {
  it('reads a surname as the full name the article gave it earlier', () => {
    const body = 'The Lakers beat the Pelicans as LeBron James scored 34. On Tuesday, James became the first player to reach 50,000 points.';
    expect(fullNameOf(name('James'), 'Lakers win in New Orleans', body)).toBe('LeBron James');
  });

  it('finds the full name in the title and before a possessive', () => {
    expect(fullNameOf(name('Brody'), "Adrien Brody's speech breaks a record", 'The speech by actor Adrien Brody ran long. Brody thanked his family.')).toBe('Adrien Brody');
  });

  it('does not take an owner for a first name', () => {
    const body = "At the ceremony, Brody's Oscar acceptance speech ran long. The actor Adrien Brody thanked his family for the Oscar.";
    expect(fullNameOf(name('Oscar'), "Adrien Brody's Oscar speech breaks a record", body)).toBe('Oscar');
  });

  it('drops a title the article writes only some of the time', () => {
    const body = 'President Joe Biden spoke on Monday. Critics of Joe Biden said little. Later, Joe Biden left. Biden returned on Friday.';
    expect(fullNameOf(name('Biden'), '', body)).toBe('Joe Biden');
  });

  it('does not take a capitalised sentence opener or "The" for a first name', () => {
    const body = 'Star James was late. The Target boycott grew. Shoppers said Target had not answered.';
    expect(fullNameOf(name('James'), '', body)).toBe('James');
    expect(fullNameOf(name('Target'), '', body)).toBe('Target');
  });

  it('leaves a span alone when the article has no longer form, or when it is already more than one word', () => {
    expect(fullNameOf(name('Kellin'), '', 'Kellin won again.')).toBe('Kellin');
    expect(fullNameOf(name('Marta Kellin'), '', 'Coach Anna Marta Kellin won.')).toBe('Marta Kellin');
    expect(fullNameOf({ kind: 'date', text: 'Monday', start: 0, end: 6 }, '', 'Last Monday it rained.')).toBe('Monday');
  });
});
