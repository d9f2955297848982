export { ReviewDialog } from './ReviewDialog';
export type { ReviewDialogProps } from './ReviewDialog';
export { useDialogSubmit } from './useDialogSubmit';
export type { DialogSubmitOptions, DialogSubmitState } from './useDialogSubmit';
