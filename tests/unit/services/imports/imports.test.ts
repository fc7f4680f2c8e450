// Importing exercises from other tools on a real library: CSV files as spreadsheets write them
// (byte-order mark, quoted fields with commas and new lines, semicolon and tab delimiters) and a
// JSON array with lists; the mapping fills Loadwise fields, lists become lists, stage, region and
// ratings come from the file only when agreed (else the chosen stage and region and "not rated"),
// unmapped columns land in the clinician notes; a report names every row imported and every row
// skipped with its reason; mappings are saved and listed by name; files that cannot be read are
// refused in words and nothing is written.
import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../../../common/contract/imports';
import type { ServiceContext } from '../../../../services/context';
import { call, failure } from '../../../support/call';
import { bootTestServices } from '../../../support/fixtures';

const MAPPING: ImportMapping = {
  columns: {
    name: 'Exercise',
    summary: 'What for',
    startingPosition: 'Start',
    steps: 'Steps',
    cues: 'Cues',
    stage: 'Stage',
    region: 'Area',
    'rating.disc': 'Disc',
    equipment: 'Kit',
    reps: 'Reps',
  },
  listSeparator: ';',
  useFile: { stage: false, region: false, ratings: false },
  defaults: { stage: 1, region: 'cervical', position: 'sitting' },
};

const CSV = [
  '\uFEFFExercise,What for,Start,Steps,Cues,Stage,Area,Disc,Kit,Reps,Source page',
  '"Chin nod, supported",Eases the neck,Lying on your back,"Nod gently; Hold 5 s',
  'Relax",Keep the jaw loose,2,Low back,avoid,Mat; Towel roll,10,p. 12',
  'Wall slide,Shoulder control,Standing at a wall,Slide up;Slide down,,7,Neck,suits,None,8,p. 14',
  ',Missing its name,x,y,,1,Neck,suits,,,',
  'No steps here,Something,Somewhere,,,,,,,,',
].join('\r\n');

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

async function names(ctx: ServiceContext): Promise<string[]> {
  return (await call(ctx, 'library.search', { query: '', limit: 200 })).items.map((i) => i.name).sort();
}

describe('import from other tools', () => {
  it('reads a CSV with a byte-order mark and quoted fields: columns, row count and the first rows as text', async () => {
    const { ctx } = await bootTestServices();
    const source = await call(ctx, 'imports.read', { fileName: 'Exercises.csv', dataBase64: b64(CSV) });
    expect(source).toMatchObject({ format: 'csv', delimiter: ',', rowCount: 4 });
    expect(source.columns[0]).toBe('Exercise'); // no byte-order mark in the first name
    expect(source.sample[0]).toMatchObject({ Exercise: 'Chin nod, supported', Steps: 'Nod gently; Hold 5 s\r\nRelax', Area: 'Low back' });
  });

  it('imports mapped rows, lists as lists, the chosen stage and region and no ratings unless agreed, unmapped columns in the notes, and reports skips with reasons', async () => {
    const { ctx } = await bootTestServices();
    const before = await names(ctx);
    const report = await call(ctx, 'imports.run', { fileName: 'Exercises.csv', mapping: MAPPING, dataBase64: b64(CSV) });
    expect(report.imported.map((r) => [r.row, r.name])).toEqual([
      [1, 'Chin nod, supported'],
      [2, 'Wall slide'],
    ]);
    expect(report.skipped).toEqual([
      { row: 3, reason: 'the name is empty' },
      { row: 4, reason: 'the steps are missing' },
    ]);
    expect(await names(ctx)).toEqual([...before, 'Chin nod, supported', 'Wall slide'].sort());

    const chin = await call(ctx, 'library.get', { id: report.imported[0].id });
    expect(chin.text.steps).toEqual(['Nod gently', 'Hold 5 s', 'Relax']);
    expect(chin.text.cues).toEqual(['Keep the jaw loose']);
    // Not agreed: the clinician's stage and region, every generator "not rated", the file's values kept in the notes.
    expect([chin.stage, chin.region, chin.position]).toEqual([1, 'cervical', 'sitting']);
    expect(Object.values(chin.suitability).every((s) => s.rating === 'not-rated')).toBe(true);
    expect(chin.equipment).toEqual(['mat']);
    expect(chin.clinicianNotes).toBe('Equipment: Towel roll\nSource page: p. 12');
    expect(chin.dosage.reps).toBe(10);
    expect(chin.origin).toBe('clinic');
  });

  it('takes stage, region and ratings from the file when the clinician agrees, refusing a row whose value is not one', async () => {
    const { ctx } = await bootTestServices();
    const report = await call(ctx, 'imports.run', {
      fileName: 'Exercises.csv',
      mapping: { ...MAPPING, useFile: { stage: true, region: true, ratings: true } },
      dataBase64: b64(CSV),
    });
    expect(report.skipped).toContainEqual({ row: 2, reason: 'the stage “7” is not 1, 2, 3 or 4' });
    const chin = await call(ctx, 'library.get', { id: report.imported[0].id });
    expect([chin.stage, chin.region, chin.suitability.disc.rating, chin.suitability.nerve.rating]).toEqual([
      2,
      'lumbar',
      'avoid',
      'not-rated',
    ]);
  });

  it('reads semicolon- and tab-separated files and a JSON array whose lists stay lists', async () => {
    const { ctx } = await bootTestServices();
    const semi = 'Exercise;What for;Start;Steps\n"Bird dog; slow";Trunk control;On all fours;Reach|Hold\n';
    const read = await call(ctx, 'imports.read', { fileName: 'x.csv', dataBase64: b64(semi) });
    expect(read).toMatchObject({ delimiter: ';', columns: ['Exercise', 'What for', 'Start', 'Steps'] });
    const tab = await call(ctx, 'imports.read', { fileName: 'x.txt', dataBase64: b64('Exercise\tSteps\nA\tB\n') });
    expect(tab.delimiter).toBe('\t');

    const json = JSON.stringify([
      {
        title: 'Dead bug',
        why: 'Trunk control',
        start: 'On your back',
        steps: ['Lower one leg', 'Return'],
        tags: ['core', 'supine'],
        minutes: 3,
      },
    ]);
    const jsonMapping: ImportMapping = {
      ...MAPPING,
      columns: { name: 'title', summary: 'why', startingPosition: 'start', steps: 'steps', tags: 'tags' },
    };
    const report = await call(ctx, 'imports.run', { fileName: 'export.json', mapping: jsonMapping, dataBase64: b64(json) });
    const bug = await call(ctx, 'library.get', { id: report.imported[0].id });
    expect(bug.text.steps).toEqual(['Lower one leg', 'Return']);
    expect(bug.tags).toEqual(['core', 'supine']);
    expect(bug.clinicianNotes).toBe('minutes: 3');
  });

  it('saves mappings by name (the same name replaces) and lists them, most recent first', async () => {
    const { ctx } = await bootTestServices();
    expect(await call(ctx, 'imports.mappings', {})).toEqual([]);
    await call(ctx, 'imports.saveMapping', { name: 'Old spreadsheet', mapping: MAPPING });
    await call(ctx, 'imports.saveMapping', { name: 'Physio app', mapping: { ...MAPPING, listSeparator: '|' } });
    const list = await call(ctx, 'imports.saveMapping', { name: 'old SPREADSHEET', mapping: { ...MAPPING, listSeparator: ',' } });
    expect(list.map((m) => [m.name, m.mapping.listSeparator])).toEqual([
      ['old SPREADSHEET', ','],
      ['Physio app', '|'],
    ]);
    expect(await call(ctx, 'imports.mappings', {})).toEqual(list);
  });

  it('refuses files it cannot read, in words, and writes nothing', async () => {
    const { ctx } = await bootTestServices();
    const before = await names(ctx);
    for (const [fileName, text, problem] of [
      ['broken.json', '[{"a": 1}', 'it is not valid JSON'],
      ['object.json', '{"a": 1}', 'a JSON file must hold an array of exercises, one object each'],
      ['deep.json', '[{"a": {"b": 1}}]', 'item 1 has “a” nested deeper than a list of values'],
      ['empty.csv', 'Exercise,Steps\n', 'it has no rows of exercises'],
      ['latin1.csv', Buffer.from('Exercise\nEstiramiento lumbar \xe9', 'latin1').toString('utf8'), 'it is not UTF-8 text'],
    ]) {
      const err = await failure(ctx, 'imports.run', { fileName, mapping: MAPPING, dataBase64: b64(text) });
      expect(err.code, fileName).toBe('unsupported_media');
      expect(err.message, fileName).toContain(`“${fileName}” could not be read: ${problem}`);
    }
    expect(await names(ctx)).toEqual(before);
  });
});
