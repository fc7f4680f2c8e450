// The SVG painter: draws a figure scene from common/figures as inline SVG, element for element what
// the PDF painter draws (common/figures/pdf-painter.ts). Also the figure views the screens use: a
// start-and-end thumbnail for result cards and the detail view's pair, whose end picture moves
// gently from the start pose (not when the system asks for reduced motion).
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { altText } from '../../../common/figures/alt-text';
import { solveBody } from '../../../common/figures/body';
import { svgPathData, type Primitive } from '../../../common/figures/geometry';
import { figureFor } from '../../../common/figures/library';
import { interpolatePose, type FigureModel } from '../../../common/figures/pose';
import { resolveCustomFigure } from '../../../common/figures/custom';
import type { CustomFigure } from '../../../common/domain/figure';
import { figureScenes, pairScene, sceneOfBody, type Scene } from '../../../common/figures/scene';
import { viewBoxOf } from '../../../common/figures/svg';
import './figures.css';

function primitive(p: Primitive, key: number): ReactElement {
  if (p.type === 'path')
    return (
      <path
        key={key}
        d={svgPathData(p.commands)}
        fill={p.fill ?? 'none'}
        fillOpacity={p.fillOpacity}
        stroke={p.stroke ?? undefined}
        strokeWidth={p.stroke ? p.strokeWidth : undefined}
        strokeLinecap={p.round ? 'round' : undefined}
        strokeLinejoin={p.round ? 'round' : undefined}
      />
    );
  if (p.type === 'circle')
    return (
      <circle
        key={key}
        cx={p.centre[0]}
        cy={p.centre[1]}
        r={p.r}
        fill={p.fill ?? 'none'}
        stroke={p.stroke ?? undefined}
        strokeWidth={p.stroke ? p.strokeWidth : undefined}
      />
    );
  if (p.type === 'arrow')
    return (
      <g key={key} className="figure-arrow">
        <path d={svgPathData(p.shaft)} fill="none" stroke={p.colour} strokeWidth={p.width} strokeLinecap="round" />
        <path d={svgPathData(p.head)} fill={p.colour} />
      </g>
    );
  return (
    <text key={key} x={p.at[0]} y={p.at[1]} fontSize={p.size} fill={p.colour} textAnchor="middle">
      {p.text}
    </text>
  );
}

/** One scene as SVG. With a label it is an image named by it; without, decoration beside its words. */
export function FigureSvg({ scene, label, className }: { scene: Scene; label?: string; className?: string }) {
  return (
    <svg
      className={className}
      viewBox={viewBoxOf(scene.bounds)}
      preserveAspectRatio="xMidYMid meet"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      {scene.primitives.map(primitive)}
    </svg>
  );
}

const pairs = new Map<string, Scene>();

/** The start and end thumbnail of a built-in exercise, cached by code (thumbnails repaint often). */
/** The start and end thumbnail of a clinic's own figure (its JSON text as saved), cached by that text. */
export function customPairScene(figureJson: string): { scene: Scene; model: FigureModel } | null {
  const cached = customPairs.get(figureJson);
  if (cached) return cached;
  try {
    const model = resolveCustomFigure(JSON.parse(figureJson) as CustomFigure);
    const made = { scene: pairScene(model, 'fit'), model };
    customPairs.set(figureJson, made);
    return made;
  } catch {
    return null;
  }
}
const customPairs = new Map<string, { scene: Scene; model: FigureModel }>();

export function pairSceneFor(code: string): Scene | null {
  const cached = pairs.get(code);
  if (cached) return cached;
  const model = figureFor(code);
  if (!model) return null;
  const scene = pairScene(model, 'fit');
  pairs.set(code, scene);
  return scene;
}

/**
 * A start-and-end thumbnail; nothing for an exercise without a figure. Named by its alt text, or
 * decorative where it sits inside a control already named by the exercise (a result card, a
 * program item), as photo thumbnails are.
 */
/** Calls back once the element comes within `margin` of the viewport (at once where that cannot be known). */
function useNearViewport(margin: string): [(el: Element | null) => void, boolean] {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  const [el, setEl] = useState<Element | null>(null);
  useEffect(() => {
    if (near || !el) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [el, near, margin]);
  return [setEl, near];
}

/**
 * A start-and-end thumbnail. `lazy` draws it only once its card comes near the window: a list of
 * 50 cards then holds a few hundred SVG elements instead of thousands, which keeps the first
 * render and every accessibility scan quick; the box keeps its size meanwhile, so nothing moves.
 */
export function FigureThumbnail({
  code,
  name,
  className = 'figure-thumb',
  decorative = false,
  lazy = false,
  figureJson = null,
}: {
  code: string | null;
  name: string;
  className?: string;
  decorative?: boolean;
  lazy?: boolean;
  /** A clinic exercise's own figure (JSON text as saved): drawn when there is no built-in one. */
  figureJson?: string | null;
}) {
  const [ref, near] = useNearViewport('400px');
  const builtin = code ? figureFor(code) : null;
  if (!builtin && !figureJson) return null;
  if (lazy && !near) return <span ref={ref} className={`${className} figure-pending`} aria-hidden="true" />;
  const custom = builtin ? null : customPairScene(figureJson as string);
  const model = builtin ?? custom?.model ?? null;
  const scene = builtin ? pairSceneFor(code as string) : (custom?.scene ?? null);
  if (!scene || !model) return null;
  return <FigureSvg className={className} scene={scene} label={decorative ? undefined : altText(name, model)} />;
}

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

const MOVE_MS = 1400;
const ease = (t: number): number => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** The end pose, moving there from the start pose once (and again on request). */
function useMovement(model: FigureModel, run: number): Scene {
  const scenes = useMemo(() => figureScenes(model), [model]);
  const [scene, setScene] = useState<Scene>(scenes.end!);
  useEffect(() => {
    const start = model.frames.start;
    const end = model.frames.end;
    if (!start || !end || prefersReducedMotion()) {
      setScene(scenes.end!);
      return;
    }
    let frame = 0;
    const began = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - began) / MOVE_MS);
      const body = solveBody(interpolatePose(start.pose, end.pose, ease(t)));
      setScene(t >= 1 ? scenes.end! : sceneOfBody(model, body, { bounds: scenes.end!.bounds }));
      if (t < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [model, scenes, run]);
  return scene;
}

/** Start and end side by side, the end moving in from the start (a built-in's or a clinic's figure). */
export function FigurePair({ model, name }: { model: FigureModel; name: string }) {
  const scenes = useMemo(() => figureScenes(model), [model]);
  const [run, setRun] = useState(0);
  const end = useMovement(model, run);
  const alt = altText(name, model);
  const motion = !prefersReducedMotion();
  return (
    <figure className="figure-pair" aria-label={`Pictures: ${alt}`}>
      <div className="figure-panels">
        <div className="figure-panel">
          <FigureSvg scene={scenes.start!} label={`Start: ${alt}`} />
          <span className="figure-caption" aria-hidden="true">
            Start
          </span>
        </div>
        <div className="figure-panel">
          <FigureSvg scene={end} label={`End: ${alt}`} />
          <span className="figure-caption" aria-hidden="true">
            End
          </span>
        </div>
      </div>
      {motion && (
        <button type="button" className="btn btn-ghost btn-small figure-replay" onClick={() => setRun((r) => r + 1)}>
          Show the movement
        </button>
      )}
    </figure>
  );
}

/** The detail view's pictures: start and end side by side, the end moving in gently. */
export function ExerciseFigures({ code, name }: { code: string | null; name: string }) {
  const model = code ? figureFor(code) : null;
  if (!model) return null;
  return <FigurePair key={code} model={model} name={name} />;
}
