// Logs and error messages never carry what a clinician typed: a canary written into every text a
// call can hold must not appear in any log line or error message, even when calls fail.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../../services/log';
import { dispatch } from '../../../services/dispatch';
import { bootTestServices, sampleDraft, tempDir } from '../../support/fixtures';
import { call } from '../../support/call';
import { samplePatient } from '../../support/patients';

const CANARY = 'ZZ-CANARY-7f3a';

describe('privacy of logs and messages', () => {
  it('keeps the canary out of logs and errors across successful, refused and failed calls', async () => {
    const lines: string[] = [];
    const dataDir = tempDir();
    const services = await bootTestServices({ dataDir });
    const ctx = { ...services.ctx, log: createLogger('privacy', (l) => lines.push(l)) };
    const messages: string[] = [];
    const record = async (channel: string, args: unknown) => {
      const r = await dispatch(ctx, channel, args);
      if (!r.ok) messages.push(r.error.message);
      return r;
    };

    const draft = sampleDraft({
      text: { ...sampleDraft().text, name: `Walk for ${CANARY}`, steps: [`Step ${CANARY}`], summary: CANARY },
      clinicianNotes: `Notes ${CANARY}`,
      tags: ['zz canary'],
    });
    const created = await call(ctx, 'library.create', { draft });
    // Refusals of every kind, each carrying the canary somewhere in its arguments.
    await record('library.update', { id: created.id, contentVersion: 99, draft });
    await record('library.create', { draft: { ...draft, stage: CANARY } });
    await record('library.create', { draft, [CANARY]: true });
    await record('library.search', { query: CANARY.repeat(20) });
    await record(`library.${CANARY}`, {});
    await record('media.attach', { exerciseId: created.id, fileName: 'photo.png', dataBase64: Buffer.from(CANARY).toString('base64') });
    // A failure inside SQLite: the database is closed under the service.
    services.close();
    await record('library.create', { draft });
    await record('library.get', { id: created.id });

    expect(messages.length).toBeGreaterThanOrEqual(7);
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...lines, ...messages]) expect(text).not.toContain(CANARY);
    expect(lines.join('\n')).not.toContain('Walk for');
    // The database file itself of course holds it (it is where the data belongs).
    expect(fs.readFileSync(path.join(dataDir, 'loadwise.db')).includes(Buffer.from(CANARY))).toBe(true);
  });

  it('keeps a patient’s name, notes and answers out of logs and errors across patient and program calls', async () => {
    const lines: string[] = [];
    const services = await bootTestServices();
    const ctx = { ...services.ctx, log: createLogger('privacy', (l) => lines.push(l)) };
    const messages: string[] = [];
    const record = async (channel: string, args: unknown) => {
      const r = await dispatch(ctx, channel, args);
      if (!r.ok) messages.push(r.error.message);
      return r;
    };
    const patient = samplePatient({ displayName: CANARY, fullName: `Jane ${CANARY}`, dateOfBirth: '1958-02-17', notes: `Notes ${CANARY}` });
    const created = await call(ctx, 'patients.create', { patient });
    const program = await call(ctx, 'programs.create', { patientId: created.id, title: `Program ${CANARY}` });
    // Refusals carrying the canary: a stale revision, a bad record, a bad action, a stale program edit.
    await record('patients.update', { id: created.id, revision: 99, patient });
    await record('patients.create', { patient: { ...patient, clinical: { ...patient.clinical, pspsType: 2 } } });
    await record('patients.create', { patient: { ...patient, dateOfBirth: CANARY } });
    await record('programs.apply', {
      id: program.id,
      revision: 1,
      action: { type: 'update-program', patch: { title: CANARY.repeat(20) } },
    });
    await record('programs.apply', { id: program.id, revision: 9, action: { type: 'update-program', patch: { title: CANARY } } });
    await record('programs.issue', { id: program.id, revision: 1, clinician: CANARY });
    await record('templates.saveFromProgram', { programId: program.id, name: CANARY.repeat(10) });
    services.close();
    await record('patients.list', { query: CANARY });
    await record('programs.get', { id: program.id });

    expect(messages.length).toBeGreaterThanOrEqual(8);
    for (const text of [...lines, ...messages]) {
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain('1958-02-17');
    }
  });

  it('keeps the canary out of the log and the answer when an internal error message quotes it', async () => {
    const lines: string[] = [];
    const errors: unknown[] = [];
    const logger = createLogger('privacy', (l) => lines.push(l));
    const services = await bootTestServices();
    const log: Logger = {
      ...logger,
      error: (message, err) => {
        errors.push(err);
        logger.error(message, err);
      },
    };
    const ctx = { ...services.ctx, log };
    // SQLite's own message quotes the value being written, as a trigger's RAISE (or a CHECK
    // written that way) can. TEMP: the trigger lives on this connection only, not in the file.
    ctx.db.exec(
      "CREATE TEMP TRIGGER quote_the_name BEFORE INSERT ON main.exercise_text BEGIN SELECT RAISE(ABORT, 'refused name: ' || NEW.name); END",
    );
    const draft = sampleDraft({ text: { ...sampleDraft().text, name: `Walk for ${CANARY}` } });
    const result = await dispatch(ctx, 'library.create', { draft });

    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    // The premise: the failure really carried the canary in its message, and reached the logger.
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toContain(CANARY);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('library.create failed');
    expect(lines[0]).toContain('SQLITE_CONSTRAINT_TRIGGER'); // the class and code are what a log line carries
    expect(lines[0]).not.toContain(CANARY);
    expect(lines[0]).not.toContain('refused name');
    expect(JSON.stringify(result)).not.toContain(CANARY);
  });
});
