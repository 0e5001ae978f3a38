export {
  BOT_ERROR_CODES,
  BotError,
  type BotErrorCode,
  type BotFailure,
  botFailureSchema,
  type FieldRejection,
  parseWireFailure,
} from './bot-error.ts';
export { botErrorFromFailure, coerceBotError } from './coerce-error.ts';
export { type HumanTaskKind, PersonNeededError, type PersonTask } from './person-needed.error.ts';
export { PortalChangedError } from './portal-changed.error.ts';
export { PortalUnavailableError } from './portal-unavailable.error.ts';
export { ValueRejectedError } from './value-rejected.error.ts';
