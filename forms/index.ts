/**
 * forms/ — the merged form (one form instead of seven). Pure data and pure functions; the only I/O is
 * `loadCase` (reading a case file). Glossary in model/types.ts. The flow:
 *
 *   mergeBundle('open-company', choice)            → MergedForm: fields (elements with provenance, source
 *                                                    category, intersected constraints), sections, outputs,
 *                                                    conflicts, waves
 *   resolveForm(form, { typed, documents, outputs, today })
 *                                                  → values completed from OCR, derivations and defaults,
 *                                                    and how each slot got its value
 *   validateApplication(form, values, { today, typed }) / applicationSchema(...)
 *                                                  → zod issues with paths and Chinese messages
 *   reviewApplication({ form, resolved, documents, today })
 *                                                  → findings for the clerk (辅助审核)
 *   projectItem('social-insurance', values)        → exactly the fields and wire values of that item's
 *                                                    original form (docs/item-fields.md)
 *   computeStats('open-company', formCase)         → what `yijian forms stats` prints
 */
export { BUNDLES, BundleChoiceError, bundleDef, selectItems } from './bundles/index.ts';
export type { BundleChoice, BundleDef, BundleItem, BundleLicence, BundleOption } from './bundles/types.ts';
export { CaseError, type FormCase, parseCase } from './cases/case.ts';
export { loadCase } from './cases/load.ts';
export type { DocumentReading } from './derive/documents.ts';
export { DERIVATIONS, ROW_RULES_BY_GROUP } from './derive/index.ts';
export {
  type Reading,
  type Resolved,
  type ResolveInput,
  resolveForm,
  type Slot,
  type SlotPath,
  slotKey,
} from './derive/resolve.ts';
export { ELEMENTS, elementDef, GROUPS } from './elements/catalogue.ts';
export {
  bundleChoiceOf,
  documentReadings,
  mergedFormOf,
  resolveStoredApplication,
  type StoredApplication,
  type StoredDocument,
  shanghaiDay,
} from './intake/stored-application.ts';
export { businessAddressInFull, domicileInFull } from './items/codecs.ts';
export { ITEMS, itemDef } from './items/index.ts';
export type { ItemDef, ItemPermit, Projection, WireRow, WireValue } from './items/types.ts';
export type { ConstraintConflict } from './merge/constraints.ts';
export { mergeBundle, mergeItems } from './merge/merge.ts';
export type { MergedField, MergedForm, MergedOutput, Provenance, RuntimeField } from './merge/types.ts';
export { personForRole, ROLES, type Role } from './model/roles.ts';
export { SECTIONS } from './model/sections.ts';
export type {
  ElementDef,
  FieldKind,
  FieldValue,
  FormValues,
  GroupDef,
  Row,
  SourceCategory,
} from './model/types.ts';
export { rowScalar, scalar } from './model/values.ts';
export { type FieldOrigin, fieldOrigin } from './project/field-origin.ts';
export { flattenProjection, type ItemProjection, type MissingField, projectItem } from './project/project.ts';
export { type Finding, REVIEW_RULES, reviewApplication, type Severity } from './review/rules.ts';
export { computeStats, type FormStats } from './stats/stats.ts';
export { CROSS_FIELD_RULES } from './validate/cross-field.ts';
export { elementSchema } from './validate/element-schema.ts';
export { applicationSchema, type ValidationIssue, validateApplication } from './validate/form-schema.ts';
