// The byte lane over Electron IPC, with the `electron` module replaced by recorders: a byte call's
// handler takes the file as a Uint8Array (its third argument), stages it within the call's limit
// and answers through the dispatcher on real services; the preload sends the bytes as the second
// argument of invoke, never inside the JSON arguments.
import fs from 'node:fs';
import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../../../common/contract';
import {
  HOST_CHOOSE_LIBRARY_FILE,
  HOST_EXPORT_ALL,
  HOST_EXPORT_BUNDLE,
  HOST_IMPORT_CHOSEN,
  HOST_SAVE_FILE,
  ipcChannelName,
} from '../../../../common/contract/channels';
import type { Exercise } from '../../../../common/domain/exercise';
import type { ServiceContext } from '../../../../services/context';
import { stagingDir } from '../../../../services/staging';
import { bootTestServices, sampleDraft } from '../../../support/fixtures';
import { call } from '../../../support/call';

type Handler = (event: unknown, args?: unknown, bytes?: unknown) => unknown;

const recorded = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown[] }[],
}));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => recorded.handlers.set(channel, fn) },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      recorded.invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: 'answered' });
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
}));

const APP = { senderFrame: { url: 'app://loadwise/', parent: null } };
type Answer = { ok: true; value: Exercise } | { ok: false; error: { code: string; message: string } };

let ctx: ServiceContext;
let attach: Handler;

beforeEach(async () => {
  recorded.handlers.clear();
  const { registerIpc } = await import('../../../../electron/main/ipc');
  ctx = (await bootTestServices()).ctx;
  registerIpc(ctx);
  attach = recorded.handlers.get(ipcChannelName('media.attach')) as Handler;
});

/** Files written into the staging folder while `run` runs, even ones removed again before it ends. */
async function writesToStaging(run: () => Promise<unknown>): Promise<string[]> {
  const write = vi.spyOn(fs, 'writeFileSync');
  try {
    await run();
    return write.mock.calls.map((c) => String(c[0])).filter((f) => f.startsWith(stagingDir(ctx.dataDir)));
  } finally {
    write.mockRestore();
  }
}

function stagedFiles(): string[] {
  const dir = stagingDir(ctx.dataDir);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

const photo = async (): Promise<Uint8Array> =>
  new Uint8Array(
    await sharp({ create: { width: 64, height: 40, channels: 3, background: { r: 90, g: 10, b: 160 } } })
      .png()
      .toBuffer(),
  );

const clinicExerciseId = async (): Promise<string> => (await call(ctx, 'library.create', { draft: sampleDraft() })).id;

describe('media.attach over IPC', () => {
  it('attaches a photo handed over as a Uint8Array, and keeps no staged file', async () => {
    const exerciseId = await clinicExerciseId();
    const answer = (await attach(APP, { exerciseId, fileName: 'start.png', caption: 'Start' }, await photo())) as Answer;
    expect(answer).toMatchObject({
      ok: true,
      value: { id: exerciseId, photos: [{ mime: 'image/png', width: 64, height: 40, caption: 'Start' }] },
    });
    expect((await call(ctx, 'library.get', { id: exerciseId })).photos).toHaveLength(1);
    expect(stagedFiles()).toEqual([]);
  });

  it('stages the bytes in the data folder on their way to the worker', async () => {
    const exerciseId = await clinicExerciseId();
    const bytes = await photo();
    const written = await writesToStaging(() => Promise.resolve(attach(APP, { exerciseId, fileName: 'a.png' }, bytes)));
    expect(written).toHaveLength(1);
    expect(stagedFiles()).toEqual([]);
  });

  it('accepts a Node Buffer too (a Uint8Array)', async () => {
    const exerciseId = await clinicExerciseId();
    const answer = (await attach(APP, { exerciseId, fileName: 'start.png' }, Buffer.from(await photo()))) as Answer;
    expect(answer.ok).toBe(true);
  });

  it.each([
    ['no bytes', undefined],
    ['null', null],
    ['base64 text', 'iVBORw0KGgo='],
    ['a plain array of numbers', [137, 80, 78, 71]],
    ['an ArrayBuffer', new ArrayBuffer(8)],
    ['an object', { data: [1, 2, 3] }],
  ])('answers invalid_argument for %s in place of the file', async (_label, bytes) => {
    const exerciseId = await clinicExerciseId();
    const answer = (await attach(APP, { exerciseId, fileName: 'a.png' }, bytes)) as Answer;
    expect(answer).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'media.attach: this call needs a file.' } });
    expect(stagedFiles()).toEqual([]);
  });

  it('refuses bytes smuggled inside the JSON arguments', async () => {
    const exerciseId = await clinicExerciseId();
    const dataBase64 = Buffer.from(await photo()).toString('base64');
    const answer = (await attach(APP, { exerciseId, fileName: 'a.png', dataBase64 }, await photo())) as Answer;
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(stagedFiles()).toEqual([]);
  });

  it('answers too_large for a file over 10 MB, stating its size, and stages nothing', async () => {
    const exerciseId = await clinicExerciseId();
    const clean = vi.spyOn(ctx.images, 'clean');
    let answer: unknown;
    const written = await writesToStaging(async () => {
      answer = await attach(APP, { exerciseId, fileName: 'big.png' }, new Uint8Array(MAX_PHOTO_BYTES + 1));
    });
    expect(answer).toEqual({ ok: false, error: { code: 'too_large', message: 'This file is 10.0 MB. Photos can be up to 10 MB.' } });
    expect(clean).not.toHaveBeenCalled();
    // Refused before a byte reached the disk, not staged and removed afterwards.
    expect(written).toEqual([]);
    expect(stagedFiles()).toEqual([]);
  });

  it.each([
    ['a web page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a sub-frame of the app', { senderFrame: { url: 'app://loadwise/', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('answers forbidden_origin to %s and stages nothing', async (_label, event) => {
    const exerciseId = await clinicExerciseId();
    const bytes = await photo();
    let answer: unknown;
    const written = await writesToStaging(async () => {
      answer = await attach(event, { exerciseId, fileName: 'a.png' }, bytes);
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(written).toEqual([]);
    expect(stagedFiles()).toEqual([]);
    expect((await call(ctx, 'library.get', { id: exerciseId })).photos).toEqual([]);
  });

  it('keeps no staged file when the photo is refused', async () => {
    const exerciseId = await clinicExerciseId();
    const answer = (await attach(APP, { exerciseId, fileName: 'notes.png' }, new TextEncoder().encode('not a photo'))) as Answer;
    expect(answer).toMatchObject({ ok: false, error: { code: 'unsupported_media' } });
    expect(stagedFiles()).toEqual([]);
  });

  it('refuses a file given to a JSON call (JSON handlers ignore a third argument)', async () => {
    const info = recorded.handlers.get(ipcChannelName('app.info')) as Handler;
    expect(await info(APP, {}, new Uint8Array([1, 2, 3]))).toMatchObject({ ok: true });
    expect(stagedFiles()).toEqual([]);
  });
});

describe('preload byte calls and host', () => {
  it('exposes api, appEvents and host', async () => {
    await import('../../../../electron/preload/index');
    expect([...recorded.exposed.keys()].sort()).toEqual(['api', 'appEvents', 'host']);
  });

  it('passes the bytes of a byte call as the second argument to invoke, the arguments untouched', async () => {
    await import('../../../../electron/preload/index');
    const api = recorded.exposed.get('api') as Record<string, (args: unknown, bytes?: Uint8Array) => Promise<unknown>>;
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const args = { exerciseId: 'x', fileName: 'a.png' };
    await expect(api['media.attach'](args, bytes)).resolves.toEqual({ ok: true, value: 'answered' });
    const last = recorded.invoked.at(-1)!;
    expect(last.channel).toBe(ipcChannelName('media.attach'));
    expect(last.args[0]).toEqual({ exerciseId: 'x', fileName: 'a.png' });
    expect(last.args[1]).toBe(bytes);
    expect(JSON.stringify(last.args[0])).not.toMatch(/base64|dataBase64/);
  });

  it('exposes the library transfer as calls without bytes: main reads and writes the file itself', async () => {
    await import('../../../../electron/preload/index');
    const host = recorded.exposed.get('host') as Record<string, (...a: unknown[]) => Promise<unknown>>;
    for (const [name, channel] of [
      ['exportAll', HOST_EXPORT_ALL],
      ['chooseLibraryFile', HOST_CHOOSE_LIBRARY_FILE],
      ['importChosen', HOST_IMPORT_CHOSEN],
    ] as const) {
      await expect(host[name]()).resolves.toEqual({ ok: true, value: 'answered' });
      expect(recorded.invoked.at(-1)).toEqual({ channel: ipcChannelName(channel), args: [] });
    }
    // A library bundle: only the export choices cross; main writes the file.
    const choices = { exercises: 'all', includeChangedBuiltins: true, templates: [], licence: 'cc0-1.0', sign: false };
    await expect(host.exportBundle(choices)).resolves.toEqual({ ok: true, value: 'answered' });
    expect(recorded.invoked.at(-1)).toEqual({ channel: ipcChannelName(HOST_EXPORT_BUNDLE), args: [choices] });
  });

  it('exposes host.saveFile, invoking the prefixed host.saveFile channel with the name and bytes', async () => {
    await import('../../../../electron/preload/index');
    const host = recorded.exposed.get('host') as Record<string, (...a: unknown[]) => Promise<unknown>>;
    expect(Object.keys(host)).toEqual([
      'saveFile',
      'exportAll',
      'exportBundle',
      'chooseLibraryFile',
      'importChosen',
      'handoutBytes',
      'onFileOpened',
    ]);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    await expect(host.saveFile('Handout.pdf', bytes)).resolves.toEqual({ ok: true, value: 'answered' });
    const last = recorded.invoked.at(-1)!;
    expect(last.channel).toBe(ipcChannelName(HOST_SAVE_FILE));
    expect(last.channel).toBe('loadwise:host.saveFile');
    expect(last.args).toHaveLength(1);
    expect(last.args[0]).toEqual({ suggestedName: 'Handout.pdf', bytes });
    expect((last.args[0] as { bytes: Uint8Array }).bytes).toBe(bytes);
  });
});
