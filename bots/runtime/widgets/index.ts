/** The widget kinds real portals use; declarations pick one per binding. */

export { appointmentSlots } from './appointment.ts';
export { checkboxes, radio } from './choices.ts';
export type { OptionLabels } from './common.ts';
export { datePicker, formatDate, parseDate } from './date.ts';
export { checkbox, derived, nativeSelect, text } from './inputs.ts';
export { readAndAccept } from './notice.ts';
export { modalPicker, type PickerOptions } from './picker.ts';
export { regionCascade } from './region.ts';
export { divSelect, treeSelect } from './selects.ts';
export { smsCode } from './sms.ts';
export { upload } from './upload.ts';
