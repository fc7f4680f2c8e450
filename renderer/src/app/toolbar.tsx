// The top bar keeps a slot for the section on screen: each feature renders its own toolbar into
// it (a portal), so the shell never holds a feature's state.
import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const SlotContext = createContext<HTMLElement | null>(null);

export function ToolbarSlotProvider({ slot, children }: { slot: HTMLElement | null; children: ReactNode }) {
  return <SlotContext.Provider value={slot}>{children}</SlotContext.Provider>;
}

/** Renders a feature's toolbar into the top bar. */
export function Toolbar({ children }: { children: ReactNode }) {
  const slot = useContext(SlotContext);
  return slot ? createPortal(children, slot) : null;
}
