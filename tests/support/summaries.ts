// Clinician-summary inputs for tests, from the real built-in library: a post-fusion patient (so
// the rules raise flags), one flag acknowledged with a note, objective tests recorded twice.
import type { RecordedValue } from '../../common/assessments/measurements';
import type { SummaryInput } from '../../common/handout/summary-model';
import { programFlags } from '../../common/program/program-flags';
import { CLINIC, handoutInput } from './handouts';
import { sampleSurgery, screenedNoFlags } from './patients';

export const ACK_NOTE = 'Surgeon cleared gentle loading on 2026-11-20; reviewed with José';

export function summaryInput(codes: string[], measurements: RecordedValue[] = []): SummaryInput {
  const base = handoutInput({
    codes,
    displayName: 'José Núñez',
    clinical: {
      pspsType: 2,
      generators: ['disc'],
      surgeries: [sampleSurgery({ otherRestrictions: 'No lifting over 10 lb for 12 weeks' })],
      redFlags: screenedNoFlags(),
    },
  });
  const flags = programFlags(base.patient.clinical, base.doc, base.exercises, base.today);
  const first = [...flags.program, ...flags.items.flatMap((i) => i.flags)].find((f) => f.severity === 'needs-ack');
  const doc = { ...base.doc, acknowledgements: first ? [{ flagId: first.id, note: ACK_NOTE, date: '2026-11-21' }] : [] };
  return {
    doc,
    versionNumber: 3,
    issuedAt: '2026-11-21T10:00:00.000Z',
    clinician: 'Ana García',
    exercises: base.exercises,
    flags,
    patient: base.patient,
    measurements,
    settings: CLINIC,
    paper: null,
    today: base.today,
  };
}

/** Two recordings of a catalogue measure, a month apart. */
export function twoRecordings(measureId: string, first: number, latest: number): RecordedValue[] {
  return [
    { measureId, date: '2026-10-20', value: first, detail: {}, createdAt: '2026-10-20T10:00:00.000Z' },
    { measureId, date: '2026-11-03', value: (first + latest) / 2, detail: {}, createdAt: '2026-11-03T10:00:00.000Z' },
    { measureId, date: '2026-11-20', value: latest, detail: {}, createdAt: '2026-11-20T10:00:00.000Z' },
  ];
}
