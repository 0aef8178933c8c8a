/** The history view and the recurrence hint (issue 6). */
export { HistoryView, type HistoryViewProps } from './HistoryView';
export { RecurrenceHint, type RecurrenceHintProps } from './RecurrenceHint';
