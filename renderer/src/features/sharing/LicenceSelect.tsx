// The licence a clinic shares under, as a labelled select (export and publishing).
import type { Licence } from '../../../../common/domain/bundle';
import { LICENCES } from '../../../../common/domain/bundle';
import { LICENCE_LABELS } from '../../../../common/copy/en-sharing';

export function LicenceSelect({ label, value, onChange }: { label: string; value: Licence; onChange(next: Licence): void }) {
  return (
    <label className="sharing-field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as Licence)}>
        {LICENCES.map((l) => (
          <option key={l} value={l}>
            {LICENCE_LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
