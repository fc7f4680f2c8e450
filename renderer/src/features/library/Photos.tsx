// Exercise photos: shown by URL from the content-addressed store, added from a file picker. The
// file travels on the byte lane as it is; the services check, clean and store it.
import { useEffect, useRef, useState } from 'react';
import { MAX_PHOTO_BYTES } from '../../../../common/contract/photo-files';
import type { Exercise } from '../../../../common/domain/exercise';
import { megabytes, tooLargeMessage } from '../../../../common/text/sizes';
import { api, expectOk, mediaUrl } from '../../api';
import { useMediaReady } from '../../api/useMediaReady';
import { useFileTarget } from '../../app/file-targets';
import { useToast } from '../../components/Toasts';

/** A stored photo, loaded straight from its URL: one request, cached by the browser. */
export function PhotoImage({ sha256, variant, alt }: { sha256: string; variant: 'full' | 'thumb'; alt: string }) {
  const ready = useMediaReady();
  return ready ? <img src={mediaUrl(sha256, variant)} alt={alt} loading="lazy" decoding="async" /> : <img alt={alt} aria-busy="true" />;
}

export function Photos({ exercise, editable, onChanged }: { exercise: Exercise; editable: boolean; onChanged(ex: Exercise): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  // The Add photo button is disabled (so loses focus) while a photo is added: focus comes back to it.
  const refocus = useRef(false);
  const toast = useToast();
  useEffect(() => {
    if (busy || !refocus.current) return;
    refocus.current = false;
    if (document.activeElement === document.body || document.activeElement === addButton.current) addButton.current?.focus();
  }, [busy]);

  // A photo dropped on the window (or opened with the app) lands here while this exercise is shown.
  useFileTarget(
    editable
      ? {
          label: `Add photos to ${exercise.text.name}`,
          accepts: (f) => /^image\/(png|jpeg)$/.test(f.type) || /\.(png|jpe?g)$/i.test(f.name),
          refusal: 'is not a PNG or JPEG photo.',
          receive: (files) => void attachAll(files),
        }
      : null,
  );

  async function attachAll(files: File[]) {
    for (const file of files) await attach(file);
  }

  async function attach(file: File) {
    if (file.size > MAX_PHOTO_BYTES) {
      toast(tooLargeMessage(file.size, MAX_PHOTO_BYTES, 'Photos'), 'error');
      return;
    }
    setBusy(true);
    try {
      onChanged(await expectOk(api['media.attach']({ exerciseId: exercise.id, fileName: file.name, caption: null }, file)));
      toast('Photo added');
    } catch (err) {
      toast((err as Error).message, 'error');
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function remove(sha256: string) {
    try {
      onChanged(await expectOk(api['media.remove']({ exerciseId: exercise.id, sha256 })));
      toast('Photo removed');
    } catch (err) {
      toast((err as Error).message, 'error');
    }
  }

  if (!editable && exercise.photos.length === 0) return null;
  return (
    <section className="card" aria-labelledby="photos-heading">
      <h3 id="photos-heading">Photos</h3>
      {exercise.photos.length === 0 && (
        <p className="muted">
          No photos yet. PNG or JPEG, up to {megabytes(MAX_PHOTO_BYTES)} each{editable ? '; add them here or drop them on the window' : ''}.
        </p>
      )}
      <div className="photos">
        {exercise.photos.map((p, i) => (
          <figure key={p.sha256} className="photo">
            <PhotoImage sha256={p.sha256} variant="thumb" alt={p.caption ?? `${exercise.text.name}, photo ${i + 1}`} />
            <figcaption>
              <span>
                {p.width} × {p.height}
              </span>
              {editable && (
                <button
                  type="button"
                  className="btn btn-ghost btn-small btn-danger"
                  onClick={() => void remove(p.sha256)}
                  aria-label={`Remove photo ${i + 1}`}
                >
                  Remove
                </button>
              )}
            </figcaption>
          </figure>
        ))}
      </div>
      {editable && (
        <div>
          <input
            ref={input}
            id={`photo-input-${exercise.id}`}
            type="file"
            accept="image/png,image/jpeg"
            className="visually-hidden"
            // Opened by the "Add photo" button: named for assistive technology, kept out of the tab order.
            aria-label="Photo file to add"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) {
                refocus.current = true;
                void attach(file);
              }
            }}
          />
          <button ref={addButton} type="button" className="btn" disabled={busy} onClick={() => input.current?.click()}>
            {busy ? 'Adding photo…' : 'Add photo'}
          </button>
        </div>
      )}
    </section>
  );
}
