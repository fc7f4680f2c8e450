// The en-US checks for text a patient reads (audit §5.3), shared by the tests of the shipped
// library and of the starter templates.

/** UK words and spellings the en-US patient text must not use (audit §5.3). */
export const UK_WORDS: RegExp[] = [
  /\btumm(y|ies)\b/i,
  /\btrousers\b/i,
  /\bkerbs?\b/i,
  /\btrolleys?\b/i,
  /\bprams?\b/i,
  /\bcupboards?\b/i,
  /\ba tin\b/i,
  /\bshopping\b/i,
  /\bcross-trainer\b/i,
  /\bpractis(e|es|ed|ing)\b/i,
  /\bprogrammes?\b/i,
  /\b(centi)?metres?\b/i,
  /\bpins and needles\b/i,
  /\briding a lift\b/i,
];

/** The UK words a line uses, by the pattern that found them (empty when it reads as en-US). */
export const ukWordsIn = (line: string): string[] => UK_WORDS.filter((re) => re.test(line)).map(String);
