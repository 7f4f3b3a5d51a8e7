/**
 * A deterministic, news-like synthetic corpus for benchmarks: every run with the same size and seed produces
 * the same articles, so figures are comparable across runs and machines. Articles are about fictional
 * companies, places and people, with the structure of wire copy (lead, attributed claims, quotes, a denial).
 */

import { seededRandom } from './seeded-random.js';

const COMPANIES = ['Northwind Robotics', 'Calder Mining', 'Helio Grid', 'Pallas Biotech', 'Orchid Telecom', 'Vantor Motors', 'Bluefin Shipping', 'Quarry Labs', 'Ember Foods', 'Solace Health', 'Ironleaf Capital', 'Mistral Air', 'Tidewater Energy', 'Copperline Rail', 'Lumen Semiconductors', 'Arbor Insurance'];
const PLACES = ['Marlow Bay', 'Eastwick Falls', 'Port Ellery', 'Quillon', 'Harrowgate', 'Velmont', 'Ostrava Hills', 'Kestrel City', 'Dunmore', 'Saltmarsh'];
const PEOPLE = ['Odile Fenn', 'Rafael Osei', 'Mina Kowalczyk', 'Tomas Reyes', 'Priya Raman', 'Jonas Lindqvist', 'Aiko Tanabe', 'Samuel Achebe', 'Lena Vogel', 'Marco Bellini'];
const ROLES = ['chief executive', 'finance minister', 'spokesperson', 'union leader', 'regulator', 'analyst at Fenwick Securities', 'mayor', 'chief scientist'];
const OUTLETS = ['The Fictional Gazette', 'Harbour Wire', 'Metro Ledger', 'Valley Courier', 'Global Dispatch'];
const ACTIONS = ['plans to acquire', 'will cut 1,200 jobs at', 'is suing', 'signed a supply deal with', 'delayed the launch of its new product with', 'is under investigation together with', 'raised prices alongside', 'opened a factory near'];
const TOPICS = ['battery supply', 'chip exports', 'rail strike', 'drug trial', 'port expansion', 'data breach', 'merger review', 'wage talks', 'fuel prices', 'satellite launch'];
const FILLER = [
  'The decision follows months of negotiations between the two sides.',
  'Shares of the company moved sharply in early trading after the announcement.',
  'Regulators have not said when they expect to finish their review.',
  'The move comes amid rising costs across the sector and weaker demand in export markets.',
  'Local officials said they would hold a public meeting next week to discuss the plan.',
  'Analysts expect the change to affect quarterly results later this year.',
  'Several competitors have announced similar plans since the start of the year.',
  'Residents near the site raised concerns about traffic and noise during construction.',
];

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

export interface GeneratedArticle {
  id: string;
  title: string;
  body: string;
  source: string;
  url: string;
  published: string;
}

/** `count` articles; the same `seed` always yields the same corpus. */
export function generateCorpus(count: number, seed = 42): GeneratedArticle[] {
  const next = seededRandom(seed);
  const articles: GeneratedArticle[] = [];
  for (let index = 0; index < count; index += 1) {
    const company = pick(COMPANIES, next);
    const partner = pick(COMPANIES.filter((name) => name !== company), next);
    const place = pick(PLACES, next);
    const person = pick(PEOPLE, next);
    const role = pick(ROLES, next);
    const topic = pick(TOPICS, next);
    const action = pick(ACTIONS, next);
    const amount = (1 + Math.floor(next() * 900)) / 10;
    const day = new Date(Date.UTC(2031, 0, 1) + Math.floor(next() * 365) * 86_400_000).toISOString().slice(0, 10);
    const outlet = pick(OUTLETS, next);
    const paragraphs = [
      `${company} ${action} ${partner} in ${place}, people familiar with the matter told ${outlet}, in a deal valued at about $${amount} billion.`,
      `The ${topic} has drawn attention from investors and officials in ${place} for weeks. ${pick(FILLER, next)} ${pick(FILLER, next)}`,
      `${person}, ${role} at ${company}, said the company expected the plan to be completed by the end of the year. ${pick(FILLER, next)}`,
      next() < 0.3
        ? `A spokesperson for ${partner} said, "These reports are false. No agreement has been reached."`
        : `${partner} declined to comment on the ${topic}. ${pick(FILLER, next)}`,
      `${pick(FILLER, next)} ${pick(FILLER, next)} The ${topic} in ${place} is expected to be discussed again on ${day}.`,
      `${pick(FILLER, next)} ${pick(FILLER, next)} ${pick(FILLER, next)}`,
    ];
    articles.push({
      id: `gen-${seed}-${index}`,
      title: `${company} ${action.replace(/ (with|at|near|alongside)$/, '')} ${partner} amid ${topic} in ${place}`,
      body: paragraphs.join('\n\n'),
      source: outlet,
      url: `https://example.org/${seed}/${index}`,
      published: day,
    });
  }
  return articles;
}
