// The item's intensity (audit D35): the exercise's own, or RM, RIR, RPE, % body weight or a band
// level for this patient. Each change is one dose change, checked by the same schema as everywhere.
import { useId } from 'react';
import { BAND_LEVEL_LABELS, INTENSITY_KIND_LABELS } from '../../../../common/copy/en';
import type { Dosage } from '../../../../common/domain/exercise';
import { BAND_LEVELS, INTENSITY_KINDS, type BandLevel, type IntensityKind } from '../../../../common/domain/vocabulary';
import { intensityShort } from '../../../../common/text/dosage';

type Intensity = NonNullable<Dosage['intensity']>;

interface Props {
  /** The override, when there is one (null: none for this patient; undefined: as the exercise). */
  value: Intensity | null | undefined;
  own: Intensity | null | undefined;
  onChange(next: Intensity | null | undefined): string | null;
}

const blank = (kind: IntensityKind): Intensity =>
  kind === 'band'
    ? { kind, value: null, valueMax: null, band: 'light', bandColor: null }
    : { kind, value: kind === 'rm' ? 10 : kind === 'rir' ? 2 : kind === 'rpe' ? 6 : 10, valueMax: null, band: null, bandColor: null };

export function IntensityField({ value, own, onChange }: Props) {
  const id = useId();
  const shown = value === undefined ? own : value;
  const numberInput = (key: 'value' | 'valueMax', label: string) => (
    <div className="field dose-field">
      <label htmlFor={`${id}-${key}`} className="field-label">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className="input is-overridden"
        inputMode="decimal"
        defaultValue={shown?.[key] ?? ''}
        onBlur={(e) => {
          if (!shown) return;
          const raw = e.target.value.trim();
          const n = raw === '' ? null : Number(raw);
          if (n !== null && !Number.isFinite(n)) return;
          if (n !== shown[key]) onChange({ ...shown, [key]: n });
        }}
      />
    </div>
  );
  return (
    <fieldset className="intensity-field">
      <legend className="field-label">Intensity</legend>
      <select
        aria-label="Intensity kind"
        className="input"
        value={value === undefined ? 'own' : value === null ? 'none' : value.kind}
        onChange={(e) => {
          const v = e.target.value;
          onChange(v === 'own' ? undefined : v === 'none' ? null : blank(v as IntensityKind));
        }}
      >
        <option value="own">As the exercise{own ? ` (${intensityShort(own)})` : ' (none)'}</option>
        <option value="none">None for this patient</option>
        {INTENSITY_KINDS.map((k) => (
          <option key={k} value={k}>
            {INTENSITY_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      {value && value.kind !== 'band' ? (
        <div className="dose-grid" key={`${value.kind}:${value.value}:${value.valueMax}`}>
          {numberInput('value', 'From')}
          {numberInput('valueMax', 'To (optional)')}
        </div>
      ) : null}
      {value && value.kind === 'band' ? (
        <div className="dose-grid">
          <div className="field dose-field">
            <label htmlFor={`${id}-band`} className="field-label">
              Band level
            </label>
            <select
              id={`${id}-band`}
              className="input"
              value={value.band ?? 'light'}
              onChange={(e) => onChange({ ...value, band: e.target.value as BandLevel })}
            >
              {BAND_LEVELS.map((b) => (
                <option key={b} value={b}>
                  {BAND_LEVEL_LABELS[b]}
                </option>
              ))}
            </select>
          </div>
          <div className="field dose-field">
            <label htmlFor={`${id}-color`} className="field-label">
              Band color (optional)
            </label>
            <input
              key={value.bandColor ?? ''}
              id={`${id}-color`}
              className="input"
              defaultValue={value.bandColor ?? ''}
              onBlur={(e) => {
                const c = e.target.value.trim() || null;
                if (c !== value.bandColor) onChange({ ...value, bandColor: c });
              }}
            />
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
