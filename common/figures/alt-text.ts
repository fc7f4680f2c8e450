// Alt text for a figure, from the pose data and the exercise's name: the position in words (the base
// pose's words, refined by the knees), what is used, then the movement ("Glute bridge: lying on your
// back, knees bent, lifting your hips"). The same sentence serves the screen and the tagged PDF.
import type { PropKind } from '../domain/figure';
import type { FigureModel } from './pose';

const PROP_WORDS: Partial<Record<PropKind, string>> = {
  ball: 'on an exercise ball',
  band: 'with a resistance band',
  dumbbell: 'holding a dumbbell',
  kettlebell: 'holding a kettlebell',
  barbell: 'with a barbell',
  cable: 'with a cable handle',
  'foam-roller': 'on a foam roller',
  wall: 'by a wall',
  bench: 'with a bench',
  step: 'at a step',
  pillow: 'with a pillow',
  towel: 'with a folded towel',
  'rolled-towel': 'with a rolled towel',
  cuff: 'with a pressure cuff',
  dowel: 'holding a stick along the back',
  box: 'holding a box',
  table: 'at a table',
  sled: 'at a sled',
  treadmill: 'on a treadmill',
  bike: 'on an exercise bike',
  'arm-bike': 'at an arm bike',
  water: 'in chest-deep water',
};

function postureWords(model: FigureModel): string[] {
  const start = model.frames.start;
  if (!start) return [];
  const j = start.pose.joints;
  const lying = Math.abs(start.pose.root.pitch) > 60 || Math.abs(start.pose.root.roll) > 60;
  const words: string[] = [];
  if (lying && model.support.on !== 'bench') {
    const bent = j.kneeFlexR > 50 && j.kneeFlexL > 50;
    const straight = j.kneeFlexR < 20 && j.kneeFlexL < 20;
    if (bent && !/knee/i.test(model.baseWords)) words.push('knees bent');
    else if (straight && !/leg/i.test(model.baseWords)) words.push('legs straight');
  }
  return words;
}

export function altText(name: string, model: FigureModel): string {
  const seen = new Set<string>();
  const props = model.props.map((p) => PROP_WORDS[p.kind]).filter((w): w is string => Boolean(w) && !seen.has(w!) && (seen.add(w!), true));
  const parts = [model.baseWords, ...postureWords(model), ...props, model.action];
  const sentence = parts.join(', ');
  return `${name}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
}
