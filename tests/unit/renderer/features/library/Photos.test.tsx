// @vitest-environment happy-dom
// A clinic exercise's photos, through the component: "Add photo" opens the file picker, a chosen
// file is sent to the services and shown; "Remove" takes one away. Only the services are faked.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../../../../common/contract';
import type { Exercise, ExercisePhoto } from '../../../../../common/domain/exercise';
import { ToastProvider } from '../../../../../renderer/src/components/Toasts';
import { Photos } from '../../../../../renderer/src/features/library/Photos';
import { answer, callsOf, deferred, exercise, ok, resetFakeApi } from '../../fake-api';
import type { Result } from '../../../../../common/contract/result';

vi.mock('../../../../../renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  api: (await import('../../fake-api')).fakeApi,
}));

const photo = (n: number): ExercisePhoto => ({
  sha256: String(n).repeat(64).slice(0, 64),
  mime: 'image/jpeg',
  width: 640,
  height: 480,
  bytes: 1000 + n,
  caption: null,
});

/** Photos as the detail view uses it: the exercise it shows is replaced by what a call answers. */
function Harness({ initial, editable = true }: { initial: Exercise; editable?: boolean }) {
  const [ex, setEx] = useState(initial);
  return (
    <ToastProvider>
      <Photos exercise={ex} editable={editable} onChanged={setEx} />
    </ToastProvider>
  );
}

const toasts = () => screen.getByRole('status', { name: 'Notifications' });
const photosSection = () => screen.getByRole('region', { name: 'Photos' });
const fileInput = () => screen.getByLabelText<HTMLInputElement>('Photo file to add');

beforeEach(resetFakeApi);
afterEach(cleanup);

describe('adding a photo', () => {
  it('"Add photo" opens the file picker, which is named but out of the tab order', async () => {
    const user = userEvent.setup();
    render(<Harness initial={exercise({ photos: [photo(1)] })} />);
    const opened = vi.fn();
    fileInput().addEventListener('click', opened);
    await user.click(screen.getByRole('button', { name: 'Add photo' }));
    expect(opened).toHaveBeenCalledTimes(1);

    // Tab goes from Remove to Add photo and on, never to the hidden input.
    screen.getByRole('button', { name: 'Remove photo 1' }).focus();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add photo' }));
    await user.tab();
    expect(document.activeElement).not.toBe(fileInput());
    expect(fileInput().tabIndex).toBe(-1);
  });

  it('sends the chosen file for this exercise, says "Adding photo…" meanwhile, then shows the photo', async () => {
    const user = userEvent.setup();
    const ex = exercise({ text: { ...exercise().text, name: 'Wall press' } });
    const pending = deferred<Result<Exercise>>();
    answer('media.attach', () => pending.promise);
    render(<Harness initial={ex} />);
    expect(within(photosSection()).getByText(/No photos yet/)).toBeTruthy();

    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await user.upload(fileInput(), new File([bytes], 'wall.png', { type: 'image/png' }));
    await waitFor(() => expect(callsOf('media.attach')).toHaveBeenCalledTimes(1));
    const [args, file] = callsOf('media.attach').mock.calls[0] as unknown as [Record<string, unknown>, Blob];
    expect(args).toEqual({ exerciseId: ex.id, fileName: 'wall.png', caption: null });
    // The file's own bytes travel beside the arguments (the byte lane), never inside them.
    expect(file).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([...bytes]);
    const busy = screen.getByRole('button', { name: 'Adding photo…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);

    pending.resolve(ok({ ...ex, contentVersion: 2, photos: [photo(7)] }));
    await waitFor(() => expect(within(toasts()).getByText('Photo added')).toBeTruthy());
    expect(within(photosSection()).getByRole('img', { name: 'Wall press, photo 1' })).toBeTruthy();
    expect(within(photosSection()).queryByText(/No photos yet/)).toBeNull();
    expect((screen.getByRole('button', { name: 'Add photo' }) as HTMLButtonElement).disabled).toBe(false);
    // The picker is emptied, so choosing the same file again is a change it reports.
    expect(fileInput().value).toBe('');
  });

  it('shows the message the services give when they refuse a file, and keeps the photos as they were', async () => {
    const user = userEvent.setup();
    answer('media.attach', () => ({
      ok: false,
      error: { code: 'unsupported_media', message: '"notes.png" is not a PNG or JPEG photo.' },
    }));
    render(<Harness initial={exercise({ photos: [photo(1)] })} />);
    await user.upload(fileInput(), new File(['this is not an image'], 'notes.png', { type: 'image/png' }));
    await waitFor(() => expect(within(toasts()).getByText('"notes.png" is not a PNG or JPEG photo.')).toBeTruthy());
    expect(within(photosSection()).getAllByRole('img')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Add photo' })).toBeTruthy();
  });

  it('refuses a photo over the size limit without sending it, and states the limit', async () => {
    const user = userEvent.setup();
    render(<Harness initial={exercise()} />);
    const big = new File([new Uint8Array(MAX_PHOTO_BYTES + 1)], 'huge.jpg', { type: 'image/jpeg' });
    await user.upload(fileInput(), big);
    await waitFor(() => expect(within(toasts()).getByText(/Photos can be up to 10 MB\.$/)).toBeTruthy());
    expect(callsOf('media.attach')).not.toHaveBeenCalled();
  });
});

describe('removing a photo', () => {
  it('removes the chosen photo, by its hash, and shows the rest', async () => {
    const user = userEvent.setup();
    const ex = exercise({ photos: [photo(1), photo(2)] });
    answer('media.remove', ({ sha256 }) => ok({ ...ex, photos: ex.photos.filter((p) => p.sha256 !== sha256) }));
    render(<Harness initial={ex} />);
    expect(within(photosSection()).getAllByRole('img')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Remove photo 2' }));
    await waitFor(() => expect(within(toasts()).getByText('Photo removed')).toBeTruthy());
    expect(callsOf('media.remove')).toHaveBeenCalledTimes(1);
    expect(callsOf('media.remove').mock.calls[0][0]).toEqual({ exerciseId: ex.id, sha256: photo(2).sha256 });
    expect(
      within(photosSection())
        .getAllByRole('img')
        .map((img) => img.getAttribute('alt')),
    ).toEqual(['Wall press, photo 1']);
    expect(screen.queryByRole('button', { name: 'Remove photo 2' })).toBeNull();
  });

  it('keeps the photo and says why when the services refuse', async () => {
    const user = userEvent.setup();
    answer('media.remove', () => ({ ok: false, error: { code: 'read_only', message: 'Built-in exercises cannot be changed.' } }));
    render(<Harness initial={exercise({ photos: [photo(1)] })} />);
    await user.click(screen.getByRole('button', { name: 'Remove photo 1' }));
    await waitFor(() => expect(within(toasts()).getByText('Built-in exercises cannot be changed.')).toBeTruthy());
    expect(within(photosSection()).getAllByRole('img')).toHaveLength(1);
  });
});

describe('an exercise the clinic cannot edit', () => {
  it('shows its photos without Add or Remove', () => {
    render(<Harness initial={exercise({ origin: 'builtin', photos: [photo(1)] })} editable={false} />);
    expect(within(photosSection()).getAllByRole('img')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Remove photo/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add photo' })).toBeNull();
    expect(screen.queryByLabelText('Photo file to add')).toBeNull();
  });

  it('shows no photo section at all when it has none', () => {
    render(<Harness initial={exercise({ origin: 'builtin' })} editable={false} />);
    expect(screen.queryByRole('region', { name: 'Photos' })).toBeNull();
  });
});
