// The stage-gate defaults of audit §9.1-9.2, pinned: every id, label, measure, threshold and source.
// A change to the clinical defaults must change this list on purpose (and be reviewed clinically).
import { expect, it } from 'vitest';
import {
  ADVISORY_CRITERIA,
  NEURO_CRITERION,
  STAGE_GATES,
  UNIVERSAL_CRITERIA,
  type Criterion,
  type Rule,
} from '../../../../common/safety/gates';

const r = (x: Rule): string =>
  x.kind === 'threshold'
    ? `${x.measure} ${x.op} ${x.value}${x.max === undefined ? '' : `..${x.max}`}`
    : x.kind === 'change'
      ? `Δ${x.percent === true ? '%' : ''} ${x.measure} ${x.op} ${x.value}`
      : `${x.kind}(${x.of.map(r).join('; ')})`;
const c = (x: Criterion) => `${x.id} | ${x.label} | ${r(x.rule)} | ${x.source}`;

it('the gate defaults are exactly the reviewed ones', () => {
  const out = [...UNIVERSAL_CRITERIA, NEURO_CRITERION, ...ADVISORY_CRITERIA].map(c);
  for (const g of STAGE_GATES) {
    out.push(`${g.region} ${g.from} min ${g.minSupporting}`);
    out.push(...g.required.map((x) => `  R ${c(x)}`));
    out.push(...g.supporting.map((x) => `  S ${c(x)}`));
  }
  expect(out).toEqual([
    'no-red-flag | No active red flag | red-flags-clear >= 1 | clinical.md §5',
    'pain-response-rule | Pain-response rule held for 2 weeks | pain-response-weeks >= 2 | clinical.md §4.2(b) [C]',
    'clinician-quality | Key exercises rated clean 2 sessions in a row | form-clean-sessions >= 2 | audit §9.1 [C]',
    'neuro-stable | No new or progressive nerve deficit | neuro-stable >= 1 | clinical.md §1',
    'adherence | Did at least 70% of sessions in the last 2 weeks | adherence-percent >= 70 | audit §9.1 [C]',
    'lumbar 1 min 2',
    '  R adim | ADIM 10 x 10 s, clean | adim-clean-holds >= 10 | S28',
    '  R multifidus | Multifidus 10 x 10 s, clean | multifidus-clean-holds >= 10 | S28',
    '  R positions | Clean in at least 2 positions | activation-positions >= 2 | S28',
    '  S walking | Walks 15 min continuously, or 2 x 10 min | any(walk-continuous-min >= 15; walk-10min-bouts >= 2) | S27, S28',
    '  S pbu | Pressure rise 2 mmHg or less during ADIM at 40 | pbu-adim-rise-mmhg <= 2 | S42',
    '  S log-roll | Log roll and transfers independent | log-roll-independent >= 1 | audit §9.2',
    '  S not-worse | PSFS or pain not worse | any(Δ psfs-mean >= 0; Δ nprs <= 0) | audit §9.2',
    'lumbar 2 min 2',
    '  R bird-dog | Bird dog 2 x 8 each side, clean | bird-dog-clean-reps-per-side >= 16 | audit §9.2',
    '  R curl-up | Curl-up 5 x 10 s | curl-up-10s-holds >= 5 | audit §9.2',
    '  R side-bridge | Side bridge 5 x 10 s each side | all(side-bridge-10s-holds-left >= 5; side-bridge-10s-holds-right >= 5) | audit §9.2',
    '  R no-peripheralisation | No peripheralisation for 2 weeks | no-peripheralisation-weeks >= 2 | audit §9.2',
    '  S mcgill-ratios | McGill ratios in range | all(mcgill-flex-ext-ratio < 1; mcgill-sb-rl-ratio between 0.95..1.05; mcgill-sb-ext-ratio < 0.75) | S76, S77',
    '  S sorensen | Sorensen up 32 s or more | Δ sorensen-s >= 32 | S74 (derived MDC)',
    '  S hinge | Hinge drill 10 reps, 3-point contact | hinge-drill-clean-reps >= 10 | audit §9.2',
    '  S sit-to-stand | Sit-to-stand 10 reps without arms | sit-to-stand-no-arms-reps >= 10 | audit §9.2',
    '  S psfs | PSFS up 2 | Δ psfs-mean >= 2 | S99',
    'lumbar 3 min 2',
    '  R strength-2-weeks | Key lifts at 8-12 RM for 2 weeks without a 24-hour flare | strength-rm-weeks-no-flare >= 2 | S41',
    '  S pile | PILE up 1 stage or more | Δ pile-lumbar-stage >= 1 | S58',
    '  S psfs | PSFS up 2 (mean) or 3 (one activity) | any(Δ psfs-mean >= 2; psfs-item-best-change >= 3) | S99',
    '  S odi | ODI down 10 points or 30% | any(Δ odi-percent <= -10; Δ% odi-percent <= -30) | S91',
    '  S carry | Carry load meets the task | carry-meets-task >= 1 | audit §9.2',
    'lumbar 4 min 2',
    '  R psfs-goals | Each PSFS goal activity 7/10 or better, or up 3 | any(psfs-item-min >= 7; Δ psfs-item-min >= 3) | S99',
    '  S odi | ODI 20 or below, or down 10 points or 30% | any(odi-percent <= 20; Δ odi-percent <= -10; Δ% odi-percent <= -30) | S91, S94',
    '  S nprs | Pain down 2 points or 30% | any(Δ nprs <= -2; Δ% nprs <= -30) | S91',
    '  S work-task | Work task simulated at the required load | work-task-simulated >= 1 | audit §9.2',
    '  S tsk | TSK-17 at 37 or below | tsk-17 <= 37 | S101',
    'cervical 1 min 2',
    '  R ccf | CCF 10 x 10 s at 24 mmHg or more without substitution | ccf-clean-level-mmhg >= 24 | S38, S61b',
    '  R scapular | Scapular setting 10 x 10 s | scapular-setting-10s-holds >= 10 | audit §9.2',
    '  S rotation | Rotation 60 degrees or more each side, or up 10 | any(all(cervical-rotation-left-deg >= 60; cervical-rotation-right-deg >= 60); all(Δ cervical-rotation-left-deg >= 10; Δ cervical-rotation-right-deg >= 10)) | audit §9.2 [C]',
    '  S walking | Walks or cycles 15 min | walk-continuous-min >= 15 | audit §9.2',
    '  S ndi | NDI not worse | Δ ndi-raw <= 0 | audit §9.2',
    'cervical 2 min 2',
    '  R ccf | CCF 10 x 10 s at 26 mmHg or more | ccf-clean-level-mmhg >= 26 | S61 (audit D32)',
    '  R head-lift | Supine head lift, no pillow, 10 x 10 s | head-lift-10s-holds >= 10 | audit §9.2',
    '  R extensor | Extensor hold 10 x 10 s | extensor-hold-10s-holds >= 10 | audit §9.2',
    '  S dnf | DNF endurance up 50%, or at the mean for sex | any(Δ% dnf-endurance-s >= 50; dnf-percent-of-sex-mean >= 100) | S84',
    '  S no-peripheralisation | No peripheralisation for 2 weeks | no-peripheralisation-weeks >= 2 | audit §9.2',
    '  S ndi | NDI down 5 | Δ ndi-raw <= -5 | audit §9.2',
    '  S pull-apart | Band pull-apart 2 x 15, clean | pull-apart-clean-reps >= 30 | audit §9.2',
    'cervical 3 min 2',
    '  R strength-2-weeks | Key lifts at 8-12 RM for 2 weeks without a 24-hour flare | strength-rm-weeks-no-flare >= 2 | S41',
    '  S grip | Grip: affected side 90% of the other, or up 5 kg | any(grip-affected-percent-of-other >= 90; Δ grip-affected-kg >= 5) | S103',
    '  S cpile | C-PILE up 1 stage | Δ cpile-stage >= 1 | S71',
    '  S ndi | NDI down 7.5 | Δ ndi-raw <= -7.5 | S97',
    '  S psfs | PSFS up 2 | Δ psfs-mean >= 2 | S99',
    'cervical 4 min 2',
    '  R psfs-goals | Each PSFS goal activity 7/10 or better, or up 3 | any(psfs-item-min >= 7; Δ psfs-item-min >= 3) | S99',
    '  S ndi | NDI 14 or below, or down 7.5 | any(ndi-raw <= 14; Δ ndi-raw <= -7.5) | S96, S97',
    '  S nprs | Pain down 2 points or 30% | any(Δ nprs <= -2; Δ% nprs <= -30) | S91',
    '  S work-task | Work task simulated at the required load | work-task-simulated >= 1 | audit §9.2',
    '  S tsk | TSK-17 at 37 or below | tsk-17 <= 37 | S101',
  ]);
});
