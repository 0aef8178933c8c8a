/**
 * Keeps one failing part (history, pre-flight, large logs) from blanking the whole window: the part is
 * replaced by a short message saying what to do, the rest of the app keeps working.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  /** Shown when the part fails, e.g. "The history could not be shown: …". */
  message(error: Error): string;
  children: ReactNode;
}

export class PartBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error)
      return (
        <p className="alert alert--error" role="alert">
          {this.props.message(this.state.error)}
        </p>
      );
    return this.props.children;
  }
}
