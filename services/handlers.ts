// How a feature registers its calls: a group of handlers keyed by call name. `combineHandlers`
// merges groups and refuses a name registered twice, so two features can never answer one call.
import type { ByteChannel, Channel, ParsedArgsOf, ValueOf } from '../common/contract';
import type { ServiceContext } from './context';
import type { StagedFile } from './staging';

/** Byte calls also receive the staged file; it is removed when the handler's promise settles. */
export type Handler<C extends Channel> = C extends ByteChannel
  ? (ctx: ServiceContext, args: ParsedArgsOf<C>, file: StagedFile) => ValueOf<C> | Promise<ValueOf<C>>
  : (ctx: ServiceContext, args: ParsedArgsOf<C>) => ValueOf<C> | Promise<ValueOf<C>>;
export type HandlerGroup<C extends Channel> = { [K in C]: Handler<K> };
/** Any feature's handler; `never` accepts every argument type, and dispatch passes parsed arguments. */
export type AnyHandler = (ctx: ServiceContext, args: never, file: never) => unknown;

export class DuplicateHandlerError extends Error {
  constructor(readonly channel: string) {
    super(`Two features register a handler for "${channel}".`);
    this.name = 'DuplicateHandlerError';
  }
}

export function combineHandlers(groups: Record<string, Record<string, AnyHandler>>): Map<string, AnyHandler> {
  const combined = new Map<string, AnyHandler>();
  for (const group of Object.values(groups)) {
    for (const [name, handler] of Object.entries(group)) {
      if (combined.has(name)) throw new DuplicateHandlerError(name);
      combined.set(name, handler);
    }
  }
  return combined;
}
