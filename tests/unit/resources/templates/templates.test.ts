// The eight starter templates of audit §10 shipped in resources/templates: valid, listed, naming
// only exercises the library has, encoded as the audit's tables say, and safe against the library's
// own post-operative locks.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DosageSchema } from '../../../../common/domain/exercise';
import { TemplateSchema, type Template } from '../../../../common/domain/template';
import type { Rule } from '../../../../common/safety/gates';
import { ADVISORY_CRITERIA, NEURO_CRITERION, STAGE_GATES, UNIVERSAL_CRITERIA } from '../../../../common/safety/gates';
import { TEMPLATE_MEASURE_IDS, TEMPLATE_MEASURES } from '../../../../common/safety/template-measures';
import { defaultExitGate } from '../../../../common/program/new-program';
import { programFromTemplate } from '../../../../common/program/from-template';
import { ProgramDocSchema } from '../../../../common/domain/program';
import { listIssues } from '../../../../common/contract/issues';
import type { Generator } from '../../../../common/domain/vocabulary';
import { loadSeedLibrary } from '../../../../services/seed/load-seed';
import { ukWordsIn } from '../../../support/us-english';
import { repoRoot } from '../../../support/repo';

const templatesDir = path.join(repoRoot, 'resources/templates');
const MANIFEST = 'manifest.json';

/**
 * Items per stage as encoded from the audit §10 tables (left out: proposed codes not in the
 * library, and in T7/T8 a lumbar or cervical code that is the same activity as one already in the
 * stage). Change a number only together with the template, and say why in its notes.
 */
const ITEMS_PER_STAGE: Record<string, { region: 'lumbar' | 'cervical'; counts: [number, number, number, number] }> = {
  't1-lumbar-disc': { region: 'lumbar', counts: [9, 9, 11, 9] },
  't2-lumbar-instability': { region: 'lumbar', counts: [10, 11, 13, 10] },
  't3-lumbar-nerve': { region: 'lumbar', counts: [12, 12, 11, 8] },
  't4-post-decompression': { region: 'lumbar', counts: [18, 8, 21, 5] },
  't5-post-fusion': { region: 'lumbar', counts: [15, 11, 13, 11] },
  't6-cervical': { region: 'cervical', counts: [14, 11, 12, 12] },
  't7-post-acdf': { region: 'cervical', counts: [16, 23, 9, 9] },
  't8-spinal-cord-stimulator': { region: 'lumbar', counts: [22, 6, 5, 0] },
};

/** Stages where §10 itself names fewer than 4 exercises: T8 from week 8 defers to the patient's generator template. */
const FEWER_THAN_FOUR = new Set(['t8-spinal-cord-stimulator:4']);

/** The generator whose seed locks a surgical template's week windows were checked against (audit §10). */
const SURGICAL_GENERATOR: Record<string, Generator> = {
  't4-post-decompression': 'post-decompression',
  't5-post-fusion': 'post-fusion',
  't7-post-acdf': 'post-acdf',
  't8-spinal-cord-stimulator': 'scs',
};

/** What §10 says must not be in a stage (or any stage before the one given), in the audit's words. */
const EXCLUDED: [template: string, codes: string[], untilStage: 1 | 2 | 3 | 4, why: string][] = [
  ['t1-lumbar-disc', ['L2-11'], 4, "omit L2-11's flexion phase"],
  ['t2-lumbar-instability', ['L2-12', 'L2-11'], 4, 'avoid L2-12 and end-range L2-11'],
  ['t4-post-decompression', ['L2-11'], 2, 'no flexion beyond neutral until week 6'],
  ['t5-post-fusion', ['L1-10', 'L2-11', 'L2-12'], 4, 'no pelvic tilts, L2-11 or L2-12; no end-range lumbar movement, long term'],
  ['t7-post-acdf', ['L2-06'], 1, 'no bridging until week 5'],
  ['t7-post-acdf', ['C3-12', 'C3-13', 'C4-03', 'L3-09', 'L4-02'], 3, 'no overhead resistance before week 26'],
];

/** -ise spellings a clinical writer slips into (audit §5.3 asks for en-US). */
const UK_ISE = /\b(centrali|peripherali|stabili|mobili|organi|recogni|minimi|prioriti|reali)s(e|ed|es|ing|ation)\b/i;

interface Loaded {
  file: string;
  template: Template;
}

function loadAll(): { manifest: { templatesVersion: number; files: string[] }; templates: Loaded[]; problems: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(templatesDir, MANIFEST), 'utf8')) as { templatesVersion: number; files: string[] };
  const problems: string[] = [];
  const templates: Loaded[] = [];
  for (const file of manifest.files) {
    const parsed = TemplateSchema.safeParse(JSON.parse(fs.readFileSync(path.join(templatesDir, file), 'utf8')));
    if (parsed.success) templates.push({ file, template: parsed.data });
    else problems.push(...listIssues(file, parsed.error));
  }
  return { manifest, templates, problems };
}

function measuresOf(rule: Rule): string[] {
  return rule.kind === 'any' || rule.kind === 'all' ? rule.of.flatMap(measuresOf) : [rule.measure];
}

/** Every measure the gates read (the ids gates.ts's header lists), from the gate data itself. */
const GATE_MEASURE_IDS = new Set(
  [...UNIVERSAL_CRITERIA, NEURO_CRITERION, ...ADVISORY_CRITERIA, ...STAGE_GATES.flatMap((g) => [...g.required, ...g.supporting])].flatMap(
    (c) => measuresOf(c.rule),
  ),
);

/** The first "from week N" in a clinician note. */
const fromWeek = (note: string | null): number | null => {
  const m = /\bfrom week (\d+)\b/i.exec(note ?? '');
  return m ? Number(m[1]) : null;
};

describe('starter templates (audit §10)', () => {
  const { manifest, templates, problems } = loadAll();
  const seed = loadSeedLibrary(path.join(repoRoot, 'resources/seed'));
  const byCode = new Map(seed.exercises.map((e) => [e.code, e]));

  it('parses every file the manifest lists with the template schema', () => {
    expect(problems).toEqual([]);
    expect(templates).toHaveLength(8);
    expect(manifest.templatesVersion).toBeGreaterThanOrEqual(1);
  });

  it('lists every template file in the manifest once, and nothing else', () => {
    const onDisk = fs
      .readdirSync(templatesDir)
      .filter((f) => f !== MANIFEST)
      .sort();
    expect([...manifest.files].sort()).toEqual(onDisk);
    expect(new Set(manifest.files).size).toBe(manifest.files.length);
  });

  it('gives each template its own id, the name of its file', () => {
    const ids = templates.map((t) => t.template.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { file, template } of templates) expect(file).toBe(`${template.id}.json`);
    expect(ids.sort()).toEqual(Object.keys(ITEMS_PER_STAGE).sort());
  });

  it('names only exercises the built-in library has, by code, never twice in one stage', () => {
    const missing: string[] = [];
    const twice: string[] = [];
    for (const { template } of templates) {
      for (const s of template.stages) {
        const codes = s.items.map((i) => i.code);
        for (const code of codes) {
          if (code === null || !byCode.has(code)) missing.push(`${template.id} stage ${s.stage}: ${String(code)}`);
        }
        for (const code of new Set(codes))
          if (codes.filter((c) => c === code).length > 1) twice.push(`${template.id} stage ${s.stage}: ${code}`);
      }
      for (const i of template.stages.flatMap((s) => s.items)) expect(i.exerciseId, template.id).toBeNull();
    }
    expect(missing).toEqual([]);
    expect(twice).toEqual([]);
  });

  it("gives every item a dose that stays valid over the exercise's own (a rep range still rising)", () => {
    const problems: string[] = [];
    for (const { template } of templates) {
      for (const s of template.stages) {
        for (const item of s.items) {
          const merged = DosageSchema.safeParse({ ...byCode.get(item.code!)!.dosage, ...item.dosage });
          if (!merged.success) problems.push(...listIssues(`${template.id} stage ${s.stage} ${String(item.code)}`, merged.error));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has the region and the number of items per stage encoded from the audit tables', () => {
    for (const { template } of templates) {
      const expected = ITEMS_PER_STAGE[template.id]!;
      expect(template.region, template.id).toBe(expected.region);
      expect(
        template.stages.map((s) => s.items.length),
        template.id,
      ).toEqual(expected.counts);
      for (const s of template.stages) {
        if (!FEWER_THAN_FOUR.has(`${template.id}:${s.stage}`))
          expect(s.items.length, `${template.id} stage ${s.stage}`).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('keeps out what the audit excludes', () => {
    for (const [id, codes, untilStage, why] of EXCLUDED) {
      const template = templates.find((t) => t.template.id === id)!.template;
      const found = template.stages
        .filter((s) => s.stage <= untilStage)
        .flatMap((s) => s.items.filter((i) => codes.includes(i.code ?? '')).map((i) => `stage ${s.stage}: ${String(i.code)}`));
      expect(found, `${id}: ${why}`).toEqual([]);
    }
  });

  it('adds exit criteria only over known measures, with ids that clash with no default criterion', () => {
    expect(new Set(TEMPLATE_MEASURE_IDS).size).toBe(TEMPLATE_MEASURE_IDS.length);
    for (const id of TEMPLATE_MEASURE_IDS) expect(GATE_MEASURE_IDS.has(id), `${id} is a gate measure already`).toBe(false);
    const used = new Set<string>();
    const unknown: string[] = [];
    for (const { template } of templates) {
      for (const s of template.stages) {
        const defaults = defaultExitGate(s.stage, template.region);
        const taken = new Set([...defaults.required, ...defaults.supporting].map((c) => c.id));
        const ids = s.extraExit.map((c) => c.id);
        expect(new Set(ids).size, `${template.id} stage ${s.stage}`).toBe(ids.length);
        for (const c of s.extraExit) {
          expect(taken.has(c.id), `${template.id} stage ${s.stage}: ${c.id} is a default criterion's id`).toBe(false);
          for (const m of measuresOf(c.rule)) {
            used.add(m);
            if (!GATE_MEASURE_IDS.has(m) && !TEMPLATE_MEASURE_IDS.includes(m)) unknown.push(`${template.id} stage ${s.stage}: ${m}`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
    // Every declared measure is used by the templates it names, so the list never outlives them.
    for (const m of TEMPLATE_MEASURES) {
      expect(used.has(m.id), m.id).toBe(true);
      for (const id of m.usedBy) {
        const t = templates.find((x) => x.template.id === id)!.template;
        expect(
          t.stages.some((s) => s.extraExit.some((c) => measuresOf(c.rule).includes(m.id))),
          `${m.id} in ${id}`,
        ).toBe(true);
      }
    }
  });

  it('writes what the patient reads in plain en-US, never addressed to the clinician', () => {
    const bad: string[] = [];
    for (const { template } of templates) {
      const lines = template.stages.flatMap((s) => [s.goals, ...s.items.map((i) => i.patientNote ?? '')]).filter((l) => l !== '');
      expect(lines.length, template.id).toBeGreaterThan(0);
      for (const line of lines) {
        if (/clinician/i.test(line)) bad.push(`${template.id}: "${line}" mentions the clinician`);
        for (const w of ukWordsIn(line)) bad.push(`${template.id}: "${line}" uses ${w}`);
        if (UK_ISE.test(line)) bad.push(`${template.id}: "${line}" uses a UK -ise spelling`);
      }
      for (const line of [template.clinicianNotes, ...template.stages.flatMap((s) => s.items.map((i) => i.clinicianNote ?? ''))]) {
        if (UK_ISE.test(line)) bad.push(`${template.id}: clinician text "${line.slice(0, 60)}…" uses a UK -ise spelling`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('starts every week-locked item of a surgical template no earlier than the library lock ("from week N")', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [id, generator] of Object.entries(SURGICAL_GENERATOR)) {
      const template = templates.find((t) => t.template.id === id)!.template;
      for (const s of template.stages) {
        for (const item of s.items) {
          const lock = byCode.get(item.code!)!.suitability[generator];
          if (lock.lock !== 'week') continue;
          checked += 1;
          const week = fromWeek(item.clinicianNote);
          if (week === null) problems.push(`${id} ${String(item.code)}: no "from week N" in its clinician note`);
          else if (week < (lock.earliestWeek as number))
            problems.push(
              `${id} ${String(item.code)}: from week ${week}, but the library locks it until week ${String(lock.earliestWeek)}`,
            );
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('starts a valid program from every template, with every item and the extra exit criteria in place', () => {
    for (const { template } of templates) {
      const { doc, missingCodes } = programFromTemplate(template, template.name, (code) => byCode.get(code)?.id, randomUUID);
      expect(missingCodes, template.id).toEqual([]);
      const parsed = ProgramDocSchema.safeParse(doc);
      expect(parsed.success ? [] : listIssues(template.id, parsed.error)).toEqual([]);
      expect(doc.gateRegion).toBe(template.region);
      for (const [i, s] of template.stages.entries()) {
        expect(doc.stages[i]!.items.map((x) => x.clinicianNote)).toEqual(s.items.map((x) => x.clinicianNote));
        for (const c of s.extraExit) expect(doc.stages[i]!.exit.required).toContainEqual(c);
      }
    }
  });

  it('says the stimulator template combines with the patient generator template', () => {
    const scs = templates.find((t) => t.template.id === 't8-spinal-cord-stimulator')!.template;
    expect(scs.description).toMatch(/generator template/);
    expect(scs.clinicianNotes).toMatch(/Never diathermy/);
    expect(scs.stages[3]!.entryNote).toMatch(/generator template/);
  });
});
