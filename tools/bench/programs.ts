// Program builder figures for `npm run bench` (issue 10), on the real built-in library and a real
// SQLite file, through the contract's calls in process:
//   program_open_ms   programs.get of a 4-stage, 40-item program, then its flags computed (p95)
//   flags_compute_ms  every flag of that program in the kernel, as the builder does on each edit (p95)
//   program_edit_ms   one dosage change through programs.apply, from the call until it is saved (p95)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PatientInput, ProgramState } from '../../common/contract';
import { emptyRedFlagScreen, localDay } from '../../common/domain/patient';
import { programFlags } from '../../common/program/program-flags';
import { bootServices } from '../../services/boot';
import { dispatch } from '../../services/dispatch';
import type { ServiceContext } from '../../services/context';
import { createLogger } from '../../services/log';
import { percentile } from './stats';

const ROUNDS = 200;

async function ok<T>(ctx: ServiceContext, channel: string, args: unknown): Promise<T> {
  const r = await dispatch(ctx, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/** A post-fusion patient with a stimulator too: most of the rules have something to read. */
function patient(today: string): PatientInput {
  const weeksAgo = (w: number) => localDay(new Date(Date.parse(`${today}T12:00:00`) - w * 7 * 86_400_000));
  const redFlags = emptyRedFlagScreen();
  return {
    displayName: 'Bench',
    fullName: null,
    dateOfBirth: null,
    notes: null,
    clinical: {
      pspsType: 2,
      regions: ['lumbar', 'cervical'],
      generators: ['disc', 'instability', 'nerve'],
      redFlags,
      surgeries: [
        {
          id: 'fusion',
          procedure: 'lumbar-fusion',
          description: null,
          levels: ['L4-L5', 'L5-S1'],
          multilevel: true,
          approach: 'posterior',
          date: weeksAgo(10),
          stimulator: null,
          clearance: { status: 'not-cleared', date: null, note: null },
          restrictions: [
            { kind: 'lifting-limit', limit: { value: 15, unit: 'lb' }, until: { kind: 'week', week: 12 }, note: null },
            { kind: 'no-rotation', limit: null, until: { kind: 'cleared', clearedOn: null }, note: null },
          ],
          otherRestrictions: null,
        },
        {
          id: 'scs',
          procedure: 'spinal-cord-stimulator',
          description: null,
          levels: ['T8-T10'],
          multilevel: false,
          approach: 'percutaneous',
          date: weeksAgo(4),
          stimulator: { leadLevel: 'thoracic', generatorSite: 'buttock' },
          clearance: { status: 'unknown', date: null, note: null },
          restrictions: [],
          otherRestrictions: null,
        },
      ],
    },
  };
}

export async function measurePrograms(seedDir: string): Promise<{ open: number; flags: number; edit: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-bench-programs-'));
  const services = await bootServices({
    dataDir,
    seedDir,
    appVersion: 'bench',
    transport: 'browser',
    log: createLogger('bench', () => undefined),
  });
  const ctx = services.ctx;
  try {
    const today = localDay(new Date());
    const p = await ok<{ id: string; clinical: PatientInput['clinical'] }>(ctx, 'patients.create', { patient: patient(today) });
    const program = await ok<ProgramState>(ctx, 'programs.create', { patientId: p.id, title: 'Bench program' });
    const ids = (
      ctx.db.prepare("SELECT id, stage FROM exercises WHERE origin = 'builtin' ORDER BY code").all() as { id: string; stage: number }[]
    ).slice();
    let revision = program.revision;
    const items: string[] = [];
    for (let stage = 1; stage <= 4; stage++) {
      for (const ex of ids.filter((e) => e.stage === stage).slice(0, 10)) {
        const itemId = randomUUID();
        items.push(itemId);
        const step = await ok<{ revision: number }>(ctx, 'programs.apply', {
          id: program.id,
          revision,
          action: { type: 'add-item', stage, itemId, exerciseId: ex.id },
        });
        revision = step.revision;
      }
    }
    if (items.length !== 40) throw new Error(`expected 40 items, built ${items.length}`);

    const open: number[] = [];
    const flags: number[] = [];
    const edit: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let t = performance.now();
      const state = await ok<ProgramState>(ctx, 'programs.get', { id: program.id });
      programFlags(p.clinical, state.doc, state.exercises, today);
      open.push(performance.now() - t);

      t = performance.now();
      programFlags(p.clinical, state.doc, state.exercises, today);
      flags.push(performance.now() - t);

      t = performance.now();
      const step = await ok<{ revision: number }>(ctx, 'programs.apply', {
        id: program.id,
        revision: state.revision,
        action: { type: 'set-dosage', itemId: items[i % items.length], dosage: { reps: 8 + (i % 5) } },
      });
      edit.push(performance.now() - t);
      revision = step.revision;
    }
    return { open: percentile(open, 95), flags: percentile(flags, 95), edit: percentile(edit, 95) };
  } finally {
    await services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
