// A clinic's own exercise figures through dispatch on a real SQLite file: none until saved, saved
// from a built-in figure and read back after a restart, replaced, removed with the exercise; joints
// outside their range, unknown joints and built-in exercises refused with a message, nothing written.
import { describe, expect, it } from 'vitest';
import { customFromBuiltin, resolveCustomFigure } from '../../../../common/figures/custom';
import { bootTestServices, sampleDraft, tempDir } from '../../../support/fixtures';
import { call, failure } from '../../../support/call';

const NOW = '2026-03-02T09:30:00.000Z';

describe('figures', () => {
  it('has none until saved, then keeps the start and end poses across a restart', async () => {
    const dataDir = tempDir();
    const first = await bootTestServices({ dataDir, now: () => new Date(NOW) });
    const ex = await call(first.ctx, 'library.create', { draft: sampleDraft() });
    expect(await call(first.ctx, 'figures.get', { exerciseId: ex.id })).toBeNull();
    const figure = customFromBuiltin('L2-06');
    figure.end.kneeFlexR = 120;
    const saved = await call(first.ctx, 'figures.save', { exerciseId: ex.id, figure });
    expect(saved).toEqual({ exerciseId: ex.id, figure, updatedAt: NOW });
    first.close();

    const again = await bootTestServices({ dataDir });
    const read = await call(again.ctx, 'figures.get', { exerciseId: ex.id });
    expect(read).toEqual(saved);
    // It draws: the saved knee in the end pose.
    expect(resolveCustomFigure(read!.figure).frames.end!.pose.joints.kneeFlexR).toBe(120);
  });

  it('refuses a joint outside its range, naming the joint, pose and range, and writes nothing', async () => {
    const { ctx } = await bootTestServices();
    const ex = await call(ctx, 'library.create', { draft: sampleDraft() });
    const figure = customFromBuiltin('L2-06');
    figure.start.kneeFlexL = 170;
    const err = await failure(ctx, 'figures.save', { exerciseId: ex.id, figure });
    expect(err.code).toBe('invalid_argument');
    expect(err.message).toContain('Knee bend (left) in the start pose must be between 0 and 150 degrees');
    const unknown = await failure(ctx, 'figures.save', {
      exerciseId: ex.id,
      figure: { ...customFromBuiltin('L2-06'), end: { wiggle: 3 } },
    });
    expect(unknown.message).toContain('The end pose names something that is not a joint (joints are named like hipFlexR)');
    expect(unknown.message).not.toContain('wiggle');
    expect(ctx.db.prepare('SELECT count(*) FROM exercise_figures').pluck().get()).toBe(0);
  });

  it('keeps built-in exercises to their own figures, and forgets a figure with its exercise', async () => {
    const { ctx } = await bootTestServices();
    const builtinId = ctx.db.prepare("SELECT id FROM exercises WHERE code = 'L2-01'").pluck().get() as string;
    const err = await failure(ctx, 'figures.save', { exerciseId: builtinId, figure: customFromBuiltin('L2-06') });
    expect(err.message).toBe('Built-in exercises cannot be changed. Duplicate it to make your own version.');
    expect(err.code).toBe('read_only');
    const ex = await call(ctx, 'library.create', { draft: sampleDraft() });
    await call(ctx, 'figures.save', { exerciseId: ex.id, figure: customFromBuiltin('C1-02') });
    await call(ctx, 'figures.save', { exerciseId: ex.id, figure: customFromBuiltin('L2-01') });
    expect((await call(ctx, 'figures.get', { exerciseId: ex.id }))!.figure.from).toBe('L2-01');
    await call(ctx, 'figures.remove', { exerciseId: ex.id });
    expect(await call(ctx, 'figures.get', { exerciseId: ex.id })).toBeNull();
    expect((await failure(ctx, 'figures.get', { exerciseId: 'nope' })).code).toBe('not_found');
  });
});
