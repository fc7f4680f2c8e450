// Settings: the clinic's signing key (its fingerprint, to read out by phone to another clinic, and
// a button to create it) and the trusted clinics, each removable. Mounted by the Settings screen.
import { useId, useState } from 'react';
import type { ClinicKeyInfo, TrustedClinic } from '../../../../common/contract/bundles';
import { displayFingerprint, SHARING_COPY as COPY } from '../../../../common/copy/en-sharing';
import { api } from '../../api';
import { useCall } from '../../api/useCall';
import { useToast } from '../../components/Toasts';
import './sharing.css';

export function ClinicKeyPanel() {
  const toast = useToast();
  const headingId = useId();
  const key = useCall<ClinicKeyInfo>('clinic-key', () => api['bundles.keyInfo']({}));
  const trusted = useCall<TrustedClinic[]>('trusted-clinics', () => api['bundles.trustedList']({}));
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    const r = await api['bundles.createKey']({});
    setBusy(false);
    if (!r.ok) toast(r.error.message, 'error');
    key.reload();
  };

  const untrust = async (clinic: TrustedClinic) => {
    const r = await api['bundles.untrust']({ fingerprint: clinic.fingerprint });
    if (!r.ok) toast(r.error.message, 'error');
    trusted.reload();
  };

  return (
    <section className="sharing-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{COPY.keyHeading}</h2>
      <p className="sharing-muted">{COPY.keyIntro}</p>
      {key.value?.fingerprint ? (
        <p>
          {COPY.fingerprint}: <span className="sharing-key-fingerprint">{displayFingerprint(key.value.fingerprint)}</span>
        </p>
      ) : (
        <div className="sharing-check">
          <span>{COPY.noKey}</span>
          <button type="button" className="btn" disabled={busy || key.value === null} onClick={() => void create()}>
            {COPY.createKey}
          </button>
        </div>
      )}
      {trusted.value && trusted.value.length === 0 && <p className="sharing-muted">{COPY.trustedNone}</p>}
      {trusted.value && trusted.value.length > 0 && (
        <ul className="sharing-trusted" aria-label="Trusted clinics">
          {trusted.value.map((c) => (
            <li key={c.fingerprint}>
              <span>
                {c.clinicName} <span className="sharing-key-fingerprint">{displayFingerprint(c.fingerprint)}</span>
              </span>
              <button type="button" className="btn btn-small" onClick={() => void untrust(c)}>
                {COPY.remove(c.clinicName)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
