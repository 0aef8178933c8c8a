/** Short confirmations and errors, shown at the bottom and announced to screen readers. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';

export type NoticeKind = 'ok' | 'error' | 'info';
interface Notice {
  id: number;
  text: string;
  kind: NoticeKind;
}
type Notify = (text: string, kind?: NoticeKind) => void;

const NoticesContext = createContext<Notify>(() => {});
export const useNotify = () => useContext(NoticesContext);

export const NOTICE_MS = 3500;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const notify = useCallback<Notify>((text, kind = 'ok') => {
    const id = next.current++;
    setNotices((list) => [...list.filter((n) => n.text !== text), { id, text, kind }].slice(-3));
    const timer = setTimeout(
      () => {
        timers.current.delete(timer);
        setNotices((list) => list.filter((n) => n.id !== id));
      },
      kind === 'error' ? NOTICE_MS * 2 : NOTICE_MS,
    );
    timers.current.add(timer);
  }, []);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  return (
    <NoticesContext.Provider value={notify}>
      {children}
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
