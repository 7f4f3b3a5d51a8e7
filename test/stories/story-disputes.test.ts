import { describe, expect, it } from 'vitest';
import { loadStanceClassifier } from '../../src/disputes/stance-classifier.js';
import { storyDisputes } from '../../src/stories/story-disputes.js';
import { storyArticle } from './story-fixtures.js';

const earlier = storyArticle(
  'gazette',
  'Harbor Gazette',
  '2025-03-01',
  'The city council approved the new stadium budget on Monday. The vote passed seven to two after a long debate about parking.',
);
const later = storyArticle('times', 'Lakeside Times', '2025-03-05', 'The city council has approved the new stadium budget, officials confirmed on Wednesday.');

describe('storyDisputes', () => {
  it('reports a claim that a later report from another outlet confirms, both sides quoted verbatim', async () => {
    const { confirmations, disputes } = await storyDisputes([later, earlier], loadStanceClassifier());
    expect(disputes).toEqual([]);
    const [confirmation] = confirmations;
    expect(confirmation?.claimCitation.articleId).toBe('gazette');
    expect(confirmation?.confirmationCitation.articleId).toBe('times');
    expect(confirmation?.confirmedBy).toBe('Lakeside Times');
    expect(earlier.article.body.slice(confirmation?.claimCitation.start, confirmation?.claimCitation.end)).toBe(confirmation?.claim);
    expect(later.article.body.slice(confirmation?.confirmationCitation.start, confirmation?.confirmationCitation.end)).toBe(confirmation?.confirmation);
  });

  it('does not count a syndicated copy of the same sentence as a confirmation', async () => {
    const copy = storyArticle('wire-copy', 'Coast Wire', '2025-03-02', earlier.article.body);
    const { confirmations } = await storyDisputes([earlier, copy], loadStanceClassifier());
    expect(confirmations).toEqual([]);
  });

  it('shows a denial that several outlets print word for word once, whatever claim each pairs it with', async () => {
    const report = (id: string, source: string, claim: string) => storyArticle(id, source, '2025-03-02', `${claim} Pike denied the accusations in the report.`);
    const { disputes } = await storyDisputes([
      report('a', 'Harbor Gazette', 'Sources told the Gazette that coach Dana Pike pressured players to skip medical checks.'),
      report('b', 'Coast Wire', 'Players said coach Dana Pike pressured them to skip medical checks before games.'),
      report('c', 'Valley Courier', 'A report said coach Dana Pike pressured injured players to skip their medical checks.'),
    ]);
    expect(disputes.filter((dispute) => dispute.kind === 'denied')).toHaveLength(1);
  });

  it('finds no confirmation without a stance classifier', async () => {
    expect((await storyDisputes([earlier, later])).confirmations).toEqual([]);
  });
});
