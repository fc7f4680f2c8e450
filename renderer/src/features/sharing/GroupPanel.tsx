// The Share screen's clinic group panel: publish this workstation's signed library into the shared
// folder, check the folder (also done when the screen opens), and list its files: new ones from
// trusted clinics can be reviewed and imported through the usual preview; others say why not.
import { useId, useState } from 'react';
import type { BundlePreview, GroupCheck, GroupFile, GroupFolderInfo } from '../../../../common/contract/bundles';
import type { Licence } from '../../../../common/domain/bundle';
import { LicenceSelect } from './LicenceSelect';
import { GROUP_COPY as COPY } from '../../../../common/copy/en-sharing';
import { api } from '../../api';
import { useCall } from '../../api/useCall';
import { useToast } from '../../components/Toasts';

export function GroupPanel({ onReview }: { onReview(file: GroupFile, preview: BundlePreview): void }) {
  const toast = useToast();
  const headingId = useId();
  const folder = useCall<GroupFolderInfo>('group-folder', () => api['bundles.groupFolder']({}));
  const named = folder.value?.folder ?? null;
  const check = useCall<GroupCheck>(named ? `group-check:${named}` : null, () => api['bundles.checkGroup']({}));
  const [licence, setLicence] = useState<Licence>('all-rights-reserved');
  const [busy, setBusy] = useState<string | null>(null);

  const publish = async () => {
    setBusy('publish');
    const r = await api['bundles.publish']({ licence });
    setBusy(null);
    if (!r.ok) toast(r.error.message, 'error');
    else toast(COPY.published(r.value.fileName, r.value.counts));
    check.reload();
  };

  const review = async (file: GroupFile) => {
    setBusy(file.name);
    const r = await api['bundles.previewGroupFile']({ name: file.name });
    setBusy(null);
    if (!r.ok) {
      toast(r.error.message, 'error');
      check.reload();
    } else onReview(file, r.value);
  };

  if (folder.value && !named) {
    return (
      <section className="sharing-panel" aria-labelledby={headingId}>
        <h2 id={headingId}>{COPY.heading}</h2>
        <p className="sharing-muted">{COPY.noFolder}</p>
      </section>
    );
  }
  return (
    <section className="sharing-panel" aria-labelledby={headingId} aria-busy={check.loading}>
      <h2 id={headingId}>{COPY.heading}</h2>
      <p className="sharing-muted">{named && COPY.folderIs(named)}</p>
      <div className="sharing-actions sharing-actions-start">
        <LicenceSelect label={COPY.publishLicence} value={licence} onChange={setLicence} />
        <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void publish()}>
          {busy === 'publish' ? COPY.publishing : COPY.publish}
        </button>
        <button type="button" className="btn" disabled={check.loading} onClick={check.reload}>
          {COPY.checkNow}
        </button>
      </div>
      {check.error && <p className="sharing-problem">{check.error}</p>}
      {check.value && check.value.files.length === 0 && <p className="sharing-muted">{COPY.empty}</p>}
      {check.value && check.value.files.length > 0 && (
        <ul className="sharing-group-files" aria-label={COPY.filesLabel}>
          {check.value.files.map((f) => (
            <li key={f.name}>
              <span>
                <strong>{f.clinicName ?? f.name}</strong> <span className="sharing-muted">{COPY.status[f.status]}</span>
                {f.createdAt && <span className="sharing-muted"> · {new Date(f.createdAt).toLocaleDateString()}</span>}
                {f.problem && <span className="sharing-muted"> — {f.problem}</span>}
              </span>
              {(f.status === 'new' || f.status === 'imported') && (
                <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => void review(f)}>
                  {busy === f.name ? COPY.checking : COPY.review(f.clinicName ?? f.name)}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
