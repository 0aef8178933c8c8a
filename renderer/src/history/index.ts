/** The history view and the recurrence hint (issue 6). */
export { HistoryView, type HistoryViewProps } from './HistoryView';
/** The words of a history API error in one language (store errors cross IPC with both). */
export { errorText } from './messages';
export { RecurrenceHint, type RecurrenceHintProps } from './RecurrenceHint';
