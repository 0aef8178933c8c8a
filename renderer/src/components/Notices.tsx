/** Short confirmations and errors, shown at the bottom and announced to screen readers. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';

export type NoticeKind = 'ok' | 'error' | 'info';
interface Notice {
  id: number;
  text: string;
  kind: NoticeKind;
  /** What the notice is about, for withdrawing it once that no longer holds (see `useWithdrawNotices`). */
  topic?: string;
}
type Notify = (text: string, kind?: NoticeKind, topic?: string) => void;
type Withdraw = (topic: string) => void;

const NoticesContext = createContext<Notify>(() => {});
const WithdrawContext = createContext<Withdraw>(() => {});
export const useNotify = () => useContext(NoticesContext);
/** Takes down the notices of a topic at once (an error a later success made untrue), not at their time. */
export const useWithdrawNotices = () => useContext(WithdrawContext);

export const NOTICE_MS = 3500;

/** The topic of « rien n'a été remplacé » (blank paste, empty file): withdrawn when text does arrive. */
export const NOTHING_REPLACED = 'nothing-replaced';

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const notify = useCallback<Notify>((text, kind = 'ok', topic) => {
    const id = next.current++;
    setNotices((list) => [...list.filter((n) => n.text !== text), { id, text, kind, topic }].slice(-3));
    const timer = setTimeout(
      () => {
        timers.current.delete(timer);
        setNotices((list) => list.filter((n) => n.id !== id));
      },
      kind === 'error' ? NOTICE_MS * 2 : NOTICE_MS,
    );
    timers.current.add(timer);
  }, []);
  // The notice's own timer still runs; it then finds nothing to remove.
  const withdraw = useCallback<Withdraw>((topic) => {
    setNotices((list) =>
      list.some((n) => n.topic === topic) ? list.filter((n) => n.topic !== topic) : list,
    );
  }, []);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  return (
    <NoticesContext.Provider value={notify}>
      <WithdrawContext.Provider value={withdraw}>{children}</WithdrawContext.Provider>
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <p key={n.id} className={`notice notice--${n.kind}`}>
            {n.text}
          </p>
        ))}
      </div>
    </NoticesContext.Provider>
  );
}
