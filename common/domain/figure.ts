// The shape of exercise figures as data: reusable base poses, and per exercise the view, the props,
// the start, middle and end poses as joint changes, the contacts that must hold and the arrow.
// Validated with zod when the file is loaded and in tests; joint values are also held to the
// anatomical ranges of common/figures/body.ts (checked in common/figures/library.ts).
import { z } from 'zod';

export const VIEWS = ['side', 'front', 'top'] as const;
export type View = (typeof VIEWS)[number];

/** Body parts a contact, a prop or an arrow can name. */
export const PARTS = [
  'head',
  'neck',
  'chest',
  'shoulders',
  'back',
  'upperBack',
  'lowBack',
  'pelvis',
  'thighs',
  'hands',
  'handR',
  'handL',
  'forearms',
  'forearmR',
  'forearmL',
  'elbowR',
  'elbowL',
  'knees',
  'kneeR',
  'kneeL',
  'shinR',
  'shinL',
  'feet',
  'footR',
  'footL',
] as const;
export type Part = (typeof PARTS)[number];

export const PROP_KINDS = [
  'mat',
  'wall',
  'chair',
  'bench',
  'step',
  'ball',
  'band',
  'dumbbell',
  'kettlebell',
  'barbell',
  'blocks',
  'cable',
  'towel',
  'rolled-towel',
  'cuff',
  'pillow',
  'foam-roller',
  'table',
  'dowel',
  'box',
  'sled',
  'treadmill',
  'bike',
  'arm-bike',
  'water',
] as const;
export type PropKind = (typeof PROP_KINDS)[number];

/** Surfaces a body part can rest on or lean against. */
export const SURFACES = [
  'floor',
  'mat',
  'wall',
  'chair',
  'bench',
  'step',
  'ball',
  'pillow',
  'towel',
  'foam-roller',
  'treadmill',
  'bike',
  'blocks',
] as const;
export type Surface = (typeof SURFACES)[number];

const finite = z.number().finite();

export const RootPatchSchema = z.object({ pitch: finite, roll: finite, yaw: finite, x: finite, y: finite, z: finite }).partial().strict();

/** Joint values by name: "hipFlexR" for one side, "hipFlex" for both. Names are checked against the body. */
export const JointPatchSchema = z.record(z.string(), finite);

export const ContactSchema = z.object({ part: z.enum(PARTS), on: z.enum(SURFACES) }).strict();
export type Contact = z.infer<typeof ContactSchema>;

export const FramePatchSchema = z
  .object({
    root: RootPatchSchema.optional(),
    joints: JointPatchSchema.optional(),
    /** A different support for this pose (standing up from a chair: the feet take over from the seat). */
    support: ContactSchema.optional(),
    /** Contacts that hold in this pose only (forearms on the floor once propped up). */
    contacts: z.array(ContactSchema).optional(),
  })
  .strict();
export type FramePatch = z.infer<typeof FramePatchSchema>;

export const BasePoseSchema = z
  .object({
    /** Words for the alt text: "Lying on your back". */
    words: z.string().min(1),
    root: RootPatchSchema,
    joints: JointPatchSchema,
    support: z.object({ part: z.enum(PARTS), on: z.enum(SURFACES) }).strict(),
  })
  .strict();
export type BasePose = z.infer<typeof BasePoseSchema>;

export const PropSpecSchema = z
  .object({
    kind: z.enum(PROP_KINDS),
    /** The part it sits under, is held in, or is tied to. */
    at: z.enum(PARTS).optional(),
    /** For a wall, a band's anchor or a cable: in front of the figure or behind it. */
    side: z.enum(['front', 'back']).optional(),
    /** Size in cm: height for a step, chair seat, pillow, table or anchor; length for a bench. */
    height: finite.positive().optional(),
    length: finite.positive().optional(),
    /** Shift from where it would otherwise go, cm (x along the floor, y up). */
    dx: finite.optional(),
    dy: finite.optional(),
    /** Chair without a backrest, held items on the floor, and similar variants. */
    variant: z.string().optional(),
  })
  .strict();
export type PropSpec = z.infer<typeof PropSpecSchema>;

export const ExerciseFigureSchema = z
  .object({
    base: z.string().min(1),
    view: z.enum(VIEWS).default('side'),
    /** The spine region to highlight; null for none; absent: the region of the code's letter. */
    region: z.enum(['lumbar', 'thoracic', 'cervical']).nullable().optional(),
    props: z.array(PropSpecSchema).default([]),
    /** The part that rests on a surface and sets the height (the base pose's when absent). */
    support: ContactSchema.optional(),
    /** Further contacts that must hold in every pose (checked in tests). */
    contacts: z.array(ContactSchema).default([]),
    /** The part that stays in place between poses (defaults to the support's part). */
    anchor: z.enum(PARTS).optional(),
    start: FramePatchSchema.default({}),
    middle: FramePatchSchema.optional(),
    /** Changes from the start pose. */
    end: FramePatchSchema,
    /** The part whose path the arrow follows; null for a still hold. */
    arrow: z.enum(PARTS).nullable(),
    /** What the movement does, for the alt text ("lifting your hips"). */
    action: z.string().min(1),
  })
  .strict();
export type ExerciseFigureInput = z.input<typeof ExerciseFigureSchema>;
export type ExerciseFigure = z.infer<typeof ExerciseFigureSchema>;

export const FigureLibrarySchema = z
  .object({
    version: z.number().int().positive(),
    bases: z.record(z.string(), BasePoseSchema),
    exercises: z.record(z.string().regex(/^[LCT][1-4]-\d{2}$/, 'an exercise code like L1-01'), ExerciseFigureSchema),
  })
  .strict();
export type FigureLibrary = z.infer<typeof FigureLibrarySchema>;

/**
 * A clinic's own figure for one of its exercises: it starts from a built-in figure (its view, props
 * and supports) and sets every joint of the start and end poses with the pose editor.
 */
export const CustomFigureSchema = z
  .object({
    from: z.string().regex(/^[LCT][1-4]-\d{2}$/, 'Start from a built-in figure, by its code (like L2-06)'),
    start: JointPatchSchema,
    end: JointPatchSchema,
  })
  .strict();
export type CustomFigure = z.infer<typeof CustomFigureSchema>;
