// The evidence legend lists only the tags an exercise shows: its sources' levels in the reference's
// order, a source key when a citation uses one, and [C] when its notes do.
import { expect, it } from 'vitest';
import { evidenceTags } from '../../../../../renderer/src/features/library/EvidenceLegend';

it('explains the levels, the source key and [C] that this exercise shows, and nothing else', () => {
  const tags = evidenceTags({
    sources: [
      { citation: 'Protocol page (S25).', url: null, evidenceLevel: 'Pr' },
      { citation: 'McGill & Karpowicz 2009 (S17b).', url: null, evidenceLevel: 'P' },
      { citation: 'Ungraded note.', url: null },
    ],
    clinicianNotes: '2-3 x 10 is a convention [C].',
  });
  expect(tags.map(([t]) => t)).toEqual(['P', 'Pr', 'S25', '[C]']);
  expect(tags[1][1]).toMatch(/protocol/i);
  expect(tags[2][1]).toMatch(/numbered source/);
  expect(tags[3][1]).toMatch(/convention/);
});

it('has nothing to explain for an exercise without tags', () => {
  expect(evidenceTags({ sources: [{ citation: 'A clinic handout.', url: null }], clinicianNotes: null })).toEqual([]);
});
