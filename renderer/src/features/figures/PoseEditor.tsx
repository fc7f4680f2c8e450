// The pose editor for a clinic's own exercise: start from any built-in figure, then set each joint of
// the start and end poses with a slider (keyboard operable, held to the same anatomical ranges as
// the built-ins), see both pictures change as you go, and save. Contacts and props are checked as
// you move and any problem is said in words, without stopping the save.
import { useId, useMemo, useState } from 'react';
import type { CustomFigure } from '../../../../common/domain/figure';
import { LIMB_JOINTS, rangeOf, SPINE_JOINTS, type JointName } from '../../../../common/figures/body';
import { figureProblems } from '../../../../common/figures/checks';
import { customFigureProblems, customFromBuiltin, jointLabel, resolveCustomFigure } from '../../../../common/figures/custom';
import { FIGURES, figureCodes } from '../../../../common/figures/library';
import { surfaceHeights } from '../../../../common/figures/props';
import { figureScenes } from '../../../../common/figures/scene';
import { FigureSvg } from '../../components/Figure';

const ARM = LIMB_JOINTS.filter((j) => !/^(hip|knee|ankle)/.test(j));
const LEG = LIMB_JOINTS.filter((j) => /^(hip|knee|ankle)/.test(j));

export const JOINT_GROUPS: { title: string; joints: JointName[] }[] = [
  { title: 'Spine and head', joints: [...SPINE_JOINTS] },
  { title: 'Right arm', joints: ARM.map((j) => `${j}R` as JointName) },
  { title: 'Left arm', joints: ARM.map((j) => `${j}L` as JointName) },
  { title: 'Right leg', joints: LEG.map((j) => `${j}R` as JointName) },
  { title: 'Left leg', joints: LEG.map((j) => `${j}L` as JointName) },
];

const PART_WORDS: Record<string, string> = {
  feet: 'feet',
  hands: 'hands',
  knees: 'knees',
  back: 'back',
  upperBack: 'upper back',
  pelvis: 'hips',
};

/** What the built-in figure shows, for the "Start from" list: "L2-06 · Lying on your back, lifting your hips". */
function builtinLabel(code: string): string {
  const input = FIGURES.exercises[code];
  return `${code} · ${FIGURES.bases[input.base]?.words ?? input.base}, ${input.action}`;
}

const unit = (joint: JointName) => (rangeOf(joint).unit === 'deg' ? 'degrees' : 'cm');

function problemWords(figure: CustomFigure): string[] {
  try {
    const model = resolveCustomFigure(figure);
    const p = figureProblems(model, surfaceHeights(model.props));
    return [
      ...p.contacts.map(
        (c) =>
          `In the ${c.frame} pose the ${PART_WORDS[c.contact.part] ?? c.contact.part} ${c.gap > 0 ? 'are' : 'sink'} ${Math.abs(c.gap).toFixed(0)} cm ${c.gap > 0 ? 'off' : 'into'} the ${c.contact.on}.`,
      ),
      ...[
        ...new Set(
          p.collisions.map((c) => `In the ${c.frame} pose the body passes through the ${c.prop.replace(/^prop:/, '').replace(/-/g, ' ')}.`),
        ),
      ],
    ];
  } catch (err) {
    return [(err as Error).message];
  }
}

export interface PoseEditorProps {
  /** The exercise's name, for the pictures' alt text. */
  name: string;
  initial: CustomFigure | null;
  saving?: boolean;
  onSave(figure: CustomFigure): void;
  onCancel(): void;
}

export function PoseEditor({ name, initial, saving = false, onSave, onCancel }: PoseEditorProps) {
  const id = useId();
  const [figure, setFigure] = useState<CustomFigure>(() => initial ?? customFromBuiltin('L2-06'));
  const [pose, setPose] = useState<'start' | 'end'>('start');
  const model = useMemo(() => resolveCustomFigure(figure), [figure]);
  const scenes = useMemo(() => figureScenes(model), [model]);
  const problems = useMemo(() => problemWords(figure), [figure]);
  const invalid = customFigureProblems(figure);

  const setJoint = (joint: JointName, value: number) => setFigure((f) => ({ ...f, [pose]: { ...f[pose], [joint]: value } }));

  return (
    <section className="pose-editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Figure for {name}</h3>
      <div className="pose-editor-top">
        <label htmlFor={`${id}-from`}>Start from</label>
        <select id={`${id}-from`} value={figure.from} onChange={(e) => setFigure(customFromBuiltin(e.target.value))}>
          {figureCodes().map((code) => (
            <option key={code} value={code}>
              {builtinLabel(code)}
            </option>
          ))}
        </select>
      </div>
      <div className="figure-panels">
        {(['start', 'end'] as const).map((p) => (
          <div key={p} className={`figure-panel${pose === p ? ' is-editing' : ''}`}>
            <FigureSvg scene={scenes[p]!} label={`${p === 'start' ? 'Start' : 'End'} pose of ${name}`} />
            <span className="figure-caption" aria-hidden="true">
              {p === 'start' ? 'Start' : 'End'}
              {pose === p ? ' (editing)' : ''}
            </span>
          </div>
        ))}
      </div>
      <fieldset className="pose-editor-which">
        <legend>Pose to adjust</legend>
        {(['start', 'end'] as const).map((p) => (
          <label key={p}>
            <input type="radio" name={`${id}-pose`} value={p} checked={pose === p} onChange={() => setPose(p)} />
            {p === 'start' ? 'Start' : 'End'}
          </label>
        ))}
      </fieldset>
      {JOINT_GROUPS.map((group, i) => (
        <details key={group.title} className="pose-editor-group" open={i === 0}>
          <summary>{group.title}</summary>
          <div className="pose-editor-sliders">
            {group.joints.map((joint) => {
              const r = rangeOf(joint);
              const value = figure[pose][joint] ?? 0;
              return (
                <div key={joint} className="pose-editor-slider">
                  <label htmlFor={`${id}-${joint}`}>{jointLabel(joint)}</label>
                  <input
                    id={`${id}-${joint}`}
                    type="range"
                    min={r.min}
                    max={r.max}
                    step={1}
                    value={value}
                    aria-valuetext={`${value} ${unit(joint)}`}
                    onChange={(e) => setJoint(joint, Number(e.target.value))}
                  />
                  <output htmlFor={`${id}-${joint}`}>
                    {value}
                    {r.unit === 'deg' ? '°' : ' cm'}
                  </output>
                </div>
              );
            })}
          </div>
        </details>
      ))}
      <div className="pose-editor-notes" role="status" aria-live="polite" aria-label="Figure checks">
        {problems.length > 0 && (
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      {invalid.length > 0 && (
        <ul className="field-error">
          {invalid.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="pose-editor-actions">
        <button type="button" className="btn btn-primary" disabled={saving || invalid.length > 0} onClick={() => onSave(figure)}>
          Save figure
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
