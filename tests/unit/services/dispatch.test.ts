// The dispatcher combines each feature's handler group: every contract call is answered by
// exactly one feature, and a name registered twice stops the services from starting.
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONTRACT_GROUPS } from '../../../common/contract';
import { CALL_NAMES } from '../../../common/contract/channels';
import { registeredCalls } from '../../../services/dispatch';
import { combineHandlers, DuplicateHandlerError } from '../../../services/handlers';

describe('combined dispatch', () => {
  it('answers exactly the calls the contract declares', () => {
    expect([...registeredCalls()].sort()).toEqual([...CHANNELS].sort());
    expect([...CALL_NAMES].sort()).toEqual([...CHANNELS].sort());
  });

  it('keeps each contract group to its own feature prefix', () => {
    for (const [feature, group] of Object.entries(CONTRACT_GROUPS)) {
      for (const name of Object.keys(group)) expect(name.startsWith(`${feature}.`), name).toBe(true);
    }
  });

  it('refuses a call name registered by two features', () => {
    const answer = () => 1;
    expect(() => combineHandlers({ one: { 'library.get': answer }, two: { 'library.get': answer } })).toThrow(DuplicateHandlerError);
    expect(() => combineHandlers({ one: { 'library.get': answer }, two: { 'library.get': answer } })).toThrow('"library.get"');
    expect([...combineHandlers({ one: { 'a.b': answer }, two: { 'a.c': answer } }).keys()]).toEqual(['a.b', 'a.c']);
  });
});
