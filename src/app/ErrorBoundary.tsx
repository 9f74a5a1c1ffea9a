import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the children after they throw; gets the error. */
  fallback: (error: Error, reset: () => void) => ReactNode;
  children: ReactNode;
}

/** Keeps one broken part (a page, a widget) from blanking the whole app. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error) {
    // One line for developers; the reader sees the fallback.
    console.warn('[dlfs2] caught by ErrorBoundary:', error.message);
  }
  reset = () => this.setState({ error: null });
  render() {
    return this.state.error ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}
