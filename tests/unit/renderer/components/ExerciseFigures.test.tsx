// @vitest-environment happy-dom
// Figures on screen: the detail view's start and end pictures, named from the pose data, with the
// end moving in from the start unless reduced motion is asked for; a result card shows the figure
// where it has no photo, and the photo where it has one.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { figureFor } from '../../../../common/figures/library';
import { figureScenes } from '../../../../common/figures/scene';
import { ExerciseFigures, FigureSvg } from '../../../../renderer/src/components/Figure';
import { ResultList } from '../../../../renderer/src/features/library/ResultList';
import { searchResult, summary } from '../fake-api';

vi.mock('../../../../renderer/src/api/useMediaReady', () => ({ useMediaReady: () => true }));

function motion(reduced: boolean) {
  vi.stubGlobal('matchMedia', (q: string) => ({
    matches: reduced && q.includes('reduce'),
    media: q,
    addEventListener() {},
    removeEventListener() {},
  }));
}

/** requestAnimationFrame run by hand: each flush calls the waiting frames at the given time. */
function frames() {
  let waiting: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => waiting.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  return (at: number) =>
    act(() => {
      const now = waiting;
      waiting = [];
      for (const cb of now) cb(performance.now() + at);
    });
}

const staticEnd = () =>
  renderToStaticMarkup(<FigureSvg scene={figureScenes(figureFor('L2-06')!).end!} label="x" />).replace(/aria-label="[^"]*"/, '');
const shown = (el: Element) => el.outerHTML.replace(/aria-label="[^"]*"/, '').replace(/ class="[^"]*"/, '');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ExerciseFigures', () => {
  it('shows start and end side by side, each named from the pose data and the exercise name', () => {
    motion(true);
    render(<ExerciseFigures code="L2-06" name="Bridge" />);
    const alt = 'Bridge: lying on your back, knees bent, lifting your hips';
    expect(screen.getByRole('img', { name: `Start: ${alt}` })).toBeTruthy();
    expect(screen.getByRole('img', { name: `End: ${alt}` })).toBeTruthy();
  });

  it('with reduced motion: the end pose at once, and no movement to replay', () => {
    motion(true);
    frames();
    render(<ExerciseFigures code="L2-06" name="Bridge" />);
    expect(screen.queryByRole('button', { name: 'Show the movement' })).toBeNull();
    expect(shown(screen.getByRole('img', { name: /^End:/ }))).toBe(staticEnd());
  });

  it('otherwise moves gently from the start pose to the end pose, and again on request', async () => {
    motion(false);
    const flush = frames();
    render(<ExerciseFigures code="L2-06" name="Bridge" />);
    flush(200);
    expect(shown(screen.getByRole('img', { name: /^End:/ }))).not.toBe(staticEnd());
    flush(5000);
    expect(shown(screen.getByRole('img', { name: /^End:/ }))).toBe(staticEnd());
    act(() => screen.getByRole('button', { name: 'Show the movement' }).click());
    flush(100);
    expect(shown(screen.getByRole('img', { name: /^End:/ }))).not.toBe(staticEnd());
  });

  it('draws nothing for an exercise without a figure', () => {
    const { container } = render(<ExerciseFigures code={null} name="Our own" />);
    expect(container.innerHTML).toBe('');
  });
});

describe('result card thumbnails', () => {
  it('shows the figure where there is no photo, once its card comes near the window, and the photo where there is one', () => {
    // The window as the observer sees it: nothing is near until `come` reports the cards.
    const observed: Element[] = [];
    let report: ((entries: { isIntersecting: boolean; target: Element }[]) => void) | null = null;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: typeof report) {
          report = cb;
        }
        observe(el: Element) {
          observed.push(el);
        }
        disconnect() {}
      },
    );
    const bridge = { ...summary(1, 'Bridge'), code: 'L2-06' };
    const photographed = { ...summary(2, 'Bird dog'), code: 'L2-01', photoSha256: 'a'.repeat(64) };
    const own = summary(3, 'Our own');
    render(
      <ResultList
        result={searchResult([bridge, photographed, own])}
        loading={false}
        answered={null}
        error={null}
        selectedId={null}
        onSelect={() => undefined}
        onLoadMore={() => undefined}
      />,
    );
    const [a, b, c] = within(screen.getByRole('listbox')).getAllByRole('option');
    // Not yet near: an empty box of the same size, hidden from assistive technology.
    expect(a.querySelector('svg')).toBeNull();
    expect(a.querySelector('.result-figure.figure-pending')!.getAttribute('aria-hidden')).toBe('true');
    expect(observed).toHaveLength(1);
    act(() => report!(observed.map((target) => ({ isIntersecting: true, target }))));
    expect(a.querySelector('svg.result-figure')).not.toBeNull();
    expect(a.querySelector('svg.result-figure')!.getAttribute('aria-hidden')).toBe('true');
    expect(b.querySelector('svg')).toBeNull();
    expect(b.querySelector('img.result-thumb')).not.toBeNull();
    expect(c.querySelector('svg, img')).toBeNull();
    vi.unstubAllGlobals();
  });
});
