import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { Logger } from './logger.js';

type ApolloLogger = NonNullable<ApolloServerOptions<BaseContext>['logger']>;

/** Apollo Server's own messages (an unexpected error in a plugin hook) as JSON lines, not console output. */
export function toApolloLogger(logger: Logger): ApolloLogger {
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' ');
  return {
    debug: () => undefined,
    info: (...args) => logger.info(text(args)),
    warn: (...args) => logger.warn(text(args)),
    error: (...args) => logger.error(new Error(text(args)), 'Apollo Server error'),
  };
}
