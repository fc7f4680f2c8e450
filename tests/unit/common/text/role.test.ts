// The role noun in patient text: "your physical therapist" from the clinic's settings, and the
// built-in neutral phrase replaced by it wherever it appears, as a sentence start or in a list.
import { describe, expect, it } from 'vitest';
import { NEUTRAL_ROLE, roleWording, withRoleNoun } from '../../../../common/text/role';

describe('roleWording', () => {
  it('says "your" and the noun, or the neutral wording when none is chosen', () => {
    expect(roleWording('physical therapist')).toBe('your physical therapist');
    expect(roleWording('chiropractor')).toBe('your chiropractor');
    expect(roleWording('  athletic   trainer ')).toBe('your athletic trainer');
    expect(roleWording(null)).toBe(`your ${NEUTRAL_ROLE}`);
    expect(roleWording('')).toBe('your physical therapist or chiropractor');
  });
});

describe('withRoleNoun', () => {
  it('replaces the neutral phrase with the clinic noun', () => {
    expect(withRoleNoun('Stop and tell your physical therapist or chiropractor if pain spreads down your leg.', 'chiropractor')).toBe(
      'Stop and tell your chiropractor if pain spreads down your leg.',
    );
    expect(withRoleNoun('Only do this if your physical therapist or chiropractor has checked it.', 'physiotherapist')).toBe(
      'Only do this if your physiotherapist has checked it.',
    );
  });

  it('keeps a capital at the start of a sentence, and every occurrence', () => {
    expect(
      withRoleNoun('Your physical therapist or chiropractor will show you. Tell your physical therapist or chiropractor.', 'chiropractor'),
    ).toBe('Your chiropractor will show you. Tell your chiropractor.');
  });

  it('keeps the rest of a list ("…, chiropractor or coach")', () => {
    expect(withRoleNoun('Learn this with your physical therapist, chiropractor or coach watching.', 'physical therapist')).toBe(
      'Learn this with your physical therapist or coach watching.',
    );
  });

  it('leaves text alone when no noun is chosen, and leaves other wording alone', () => {
    const text = 'Stop and tell your physical therapist or chiropractor.';
    expect(withRoleNoun(text, null)).toBe(text);
    expect(withRoleNoun(text, '  ')).toBe(text);
    expect(withRoleNoun('Ask your surgeon first.', 'chiropractor')).toBe('Ask your surgeon first.');
    expect(withRoleNoun('Your physical therapist said so.', 'chiropractor')).toBe('Your physical therapist said so.');
  });
});
