// Leaving a section with unsaved changes asks first. The section on screen may register a guard;
// the shell runs every section change through it (the nav links and the "Go to" commands alike).
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

/** Calls `proceed` when the section may be left: at once, or after asking. */
export type LeaveGuard = (proceed: () => void) => void;

interface LeaveGuardSlot {
  current: LeaveGuard | null;
}

const LeaveGuardContext = createContext<LeaveGuardSlot | null>(null);

export function LeaveGuardProvider({ slot, children }: { slot: LeaveGuardSlot; children: ReactNode }) {
  return <LeaveGuardContext.Provider value={slot}>{children}</LeaveGuardContext.Provider>;
}

/** The shell's slot, and a way to leave through it. */
export function useLeaveGuardSlot(): { slot: LeaveGuardSlot; leave(proceed: () => void): void } {
  const slot = useRef<LeaveGuard | null>(null);
  return {
    slot,
    leave: (proceed) => (slot.current ? slot.current(proceed) : proceed()),
  };
}

/** Registers `guard` while the calling section is mounted; the newest function is always used. */
export function useLeaveGuard(guard: LeaveGuard): void {
  const slot = useContext(LeaveGuardContext);
  const latest = useRef(guard);
  latest.current = guard;
  useEffect(() => {
    if (!slot) return;
    const registered: LeaveGuard = (proceed) => latest.current(proceed);
    slot.current = registered;
    return () => {
      if (slot.current === registered) slot.current = null;
    };
  }, [slot]);
}
