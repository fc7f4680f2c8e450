// The editor's drafts through dispatch on real SQLite: saved, read back, replaced, listed newest
// first, discarded; refused when too large or keyed wrongly; kept across a restart; never in logs.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_DRAFT_BYTES } from '../../../../common/contract';
import { dispatch } from '../../../../services/dispatch';
import { createLogger } from '../../../../services/log';
import { bootTestServices, tempDir } from '../../../support/fixtures';
import { call, failure } from '../../../support/call';

function clock(start = '2026-01-15T10:00:00.000Z'): { now: () => Date; advance: (ms?: number) => void } {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms = 60_000) => void (t += ms) };
}

describe('drafts', () => {
  it('saves a form, reads it back as it was, replaces it, and discards it', async () => {
    const time = clock();
    const { ctx } = await bootTestServices({ now: time.now });
    expect(await call(ctx, 'drafts.get', { key: 'new' })).toBeNull();

    const form = { name: 'Half-typed', steps: 'One\nTwo', equipment: ['none'], nested: { sets: '' } };
    expect(await call(ctx, 'drafts.save', { key: 'new', form })).toEqual({ updatedAt: '2026-01-15T10:00:00.000Z' });
    expect(await call(ctx, 'drafts.get', { key: 'new' })).toEqual({
      key: 'new',
      exerciseId: null,
      baseContentVersion: null,
      form,
      updatedAt: '2026-01-15T10:00:00.000Z',
    });

    time.advance();
    await call(ctx, 'drafts.save', { key: 'new', form: { ...form, name: 'Typed more' } });
    const again = await call(ctx, 'drafts.get', { key: 'new' });
    expect(again?.form).toEqual({ ...form, name: 'Typed more' });
    expect(again?.updatedAt).toBe('2026-01-15T10:01:00.000Z');
    expect(ctx.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(1);

    expect(await call(ctx, 'drafts.discard', { key: 'new' })).toEqual({ discarded: true });
    expect(await call(ctx, 'drafts.get', { key: 'new' })).toBeNull();
    expect(await call(ctx, 'drafts.discard', { key: 'new' })).toEqual({ discarded: false });
  });

  it('lists every draft newest first, with the exercise and version an edit started from', async () => {
    const time = clock();
    const { ctx } = await bootTestServices({ now: time.now });
    const id = randomUUID();
    await call(ctx, 'drafts.save', { key: `edit:${id}`, exerciseId: id, baseContentVersion: 4, form: { name: 'Edit' } });
    time.advance();
    await call(ctx, 'drafts.save', { key: 'new', form: { name: 'New' } });
    const list = await call(ctx, 'drafts.list', {});
    expect(list.map((d) => d.key)).toEqual(['new', `edit:${id}`]);
    expect(list[1]).toMatchObject({ exerciseId: id, baseContentVersion: 4, form: { name: 'Edit' } });
  });

  it('refuses a draft over 200 KB, one that is not an object, and keys it does not know', async () => {
    const { ctx } = await bootTestServices();
    const big = await failure(ctx, 'drafts.save', { key: 'new', form: { notes: 'x'.repeat(MAX_DRAFT_BYTES) } });
    expect(big.code).toBe('invalid_argument');
    expect(big.message).toMatch(/200 KB/);
    // Just under the limit is fine (counted in UTF-8 bytes of the JSON).
    await call(ctx, 'drafts.save', { key: 'new', form: { n: 'x'.repeat(MAX_DRAFT_BYTES - 20) } });
    expect((await failure(ctx, 'drafts.save', { key: 'new', form: 'text' })).code).toBe('invalid_argument');
    expect((await failure(ctx, 'drafts.save', { key: 'new' })).code).toBe('invalid_argument');
    expect((await failure(ctx, 'drafts.save', { key: '../etc', form: {} })).code).toBe('invalid_argument');
    expect((await failure(ctx, 'drafts.get', { key: 'edit:not-an-id' })).code).toBe('invalid_argument');
  });

  it('keeps drafts across a restart (a crash loses nothing saved)', async () => {
    const dataDir = tempDir();
    const first = await bootTestServices({ dataDir });
    await call(first.ctx, 'drafts.save', { key: 'new', form: { name: 'Survives' } });
    first.close();
    const second = await bootTestServices({ dataDir });
    expect((await call(second.ctx, 'drafts.get', { key: 'new' }))?.form).toEqual({ name: 'Survives' });
  });

  it('keeps what a draft holds out of logs and messages, even when saving fails', async () => {
    const CANARY = 'ZZ-DRAFT-CANARY-91c2';
    const lines: string[] = [];
    const services = await bootTestServices();
    const ctx = { ...services.ctx, log: createLogger('drafts', (l) => lines.push(l)) };
    const messages: string[] = [];
    const record = async (args: unknown) => {
      const r = await dispatch(ctx, 'drafts.save', args);
      if (!r.ok) messages.push(r.error.message);
    };
    await record({ key: 'new', form: { name: CANARY } });
    await record({ key: 'new', form: { name: CANARY.repeat(20_000) } });
    await record({ key: CANARY, form: { name: CANARY } });
    services.close();
    await record({ key: 'new', form: { name: CANARY } });
    expect(messages.length).toBe(3);
    expect(lines.length).toBeGreaterThan(0);
    expect([...lines, ...messages].join('\n')).not.toContain(CANARY);
  });
});
