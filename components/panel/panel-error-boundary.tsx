'use client';

import { Component, type ReactNode } from 'react';
import { PanelFrame } from './panel-frame';

type Props = { id: string; title: string; children: ReactNode };
type State = { error: Error | null };

/** One panel's failure never takes the page down: it shows in that panel, with a retry. */
export class PanelErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <PanelFrame
          id={this.props.id}
          title={this.props.title}
          description="This panel failed to render."
          state="error"
          queries={[]}
          error={`Rendering failed: ${this.state.error.message}`}
          onRetry={() => this.setState({ error: null })}
        />
      );
    }
    return this.props.children;
  }
}
