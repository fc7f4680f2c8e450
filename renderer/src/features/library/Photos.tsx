// Exercise photos: shown from the content-addressed store, added from a file picker. The file is
// read here and sent as base64; the main process checks, cleans and stores it.
import { useEffect, useRef, useState } from 'react';
import { MAX_PHOTO_BYTES } from '../../../../common/contract';
import type { Exercise } from '../../../../common/domain/exercise';
import { api, expectOk } from '../../api';
import { useToast } from '../../components/Toasts';

export function PhotoImage({ sha256, variant, alt }: { sha256: string; variant: 'full' | 'thumb'; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    void api['media.get']({ sha256, variant }).then((r) => {
      if (cancelled || !r.ok) return;
      const bytes = Uint8Array.from(atob(r.value.dataBase64), (c) => c.charCodeAt(0));
      objectUrl = URL.createObjectURL(new Blob([bytes], { type: r.value.mime }));
      setUrl(objectUrl);
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [sha256, variant]);
  return url ? <img src={url} alt={alt} /> : <img alt={alt} aria-busy="true" />;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`"${file.name}" could not be read.`));
    reader.readAsDataURL(file);
  });
}

export function Photos({ exercise, editable, onChanged }: { exercise: Exercise; editable: boolean; onChanged(ex: Exercise): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();

  async function attach(file: File) {
    if (file.size > MAX_PHOTO_BYTES) {
      toast(`"${file.name}" is ${(file.size / 1048576).toFixed(1)} MB. Photos can be up to ${MAX_PHOTO_BYTES / 1048576} MB.`, 'error');
      return;
    }
    setBusy(true);
    try {
      const dataBase64 = await readAsBase64(file);
      onChanged(await expectOk(api['media.attach']({ exerciseId: exercise.id, fileName: file.name, dataBase64, caption: null })));
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
      {exercise.photos.length === 0 && <p className="muted">No photos yet. PNG or JPEG, up to 10 MB each.</p>}
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
              if (file) void attach(file);
            }}
          />
          <button type="button" className="btn" disabled={busy} onClick={() => input.current?.click()}>
            {busy ? 'Adding photo…' : 'Add photo'}
          </button>
        </div>
      )}
    </section>
  );
}
