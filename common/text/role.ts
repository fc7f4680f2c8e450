// The clinician as patient text names them: "your physical therapist", "your chiropractor", or the
// clinic's own noun, from the clinic's settings. Built-in patient text says "your physical
// therapist or chiropractor" (true for every clinic); the screen and handouts replace that phrase
// with the clinic's wording, so the stored text stays the same for everyone and updates keep working.

/** What patient text says when the clinic has not chosen a role noun. */
export const NEUTRAL_ROLE = 'physical therapist or chiropractor';

/** "your physical therapist"; the neutral wording when no noun is set. */
export function roleWording(roleNoun: string | null | undefined): string {
  const noun = roleNoun?.trim().replace(/\s+/g, ' ');
  return `your ${noun ? noun : NEUTRAL_ROLE}`;
}

// "your physical therapist or chiropractor", and the list form "your physical therapist,
// chiropractor or coach", at a word boundary, with "Your" at the start of a sentence.
const PHRASE = /\b([Yy])our physical therapist(?: or chiropractor\b|, chiropractor or\b)/g;

/** Patient text with the neutral role phrase replaced by the clinic's wording; unchanged when none is set. */
export function withRoleNoun(text: string, roleNoun: string | null | undefined): string {
  if (!roleNoun?.trim()) return text;
  const wording = roleWording(roleNoun).slice('your '.length);
  return text.replace(PHRASE, (match, y: string) => `${y}our ${wording}${match.endsWith(' or') ? ' or' : ''}`);
}
