// Matching an imported file's picture paths to the files of the folder the clinician chose (.tsx: renderer code is type-checked with tsconfig.web.json).
import { describe, expect, it } from 'vitest';
import { pictureFinder } from '../../../../../renderer/src/features/sharing/picture-files';

const file = (webkitRelativePath: string) => ({ webkitRelativePath, name: webkitRelativePath.split('/').at(-1)! });

describe('pictureFinder', () => {
  const find = pictureFinder([file('Pictures/chin-nod.jpg'), file('Pictures/walls/Slide 1.PNG')]);

  it('finds a path relative to the chosen folder, with either slash, ./ or any case', () => {
    expect(find('chin-nod.jpg')?.webkitRelativePath).toBe('Pictures/chin-nod.jpg');
    expect(find('./walls/slide 1.png')?.webkitRelativePath).toBe('Pictures/walls/Slide 1.PNG');
    expect(find('walls\\Slide 1.PNG')?.webkitRelativePath).toBe('Pictures/walls/Slide 1.PNG');
  });

  it('never matches a path that climbs out, is absolute, or is not there', () => {
    expect(find('../Pictures/chin-nod.jpg')).toBeNull();
    expect(find('walls/../chin-nod.jpg')).toBeNull();
    expect(find('/etc/passwd')).toBeNull();
    expect(find('C:\\Pictures\\chin-nod.jpg')).toBeNull();
    expect(find('missing.jpg')).toBeNull();
  });
});
