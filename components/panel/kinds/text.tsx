'use client';

import dynamic from 'next/dynamic';
import type { TextPanelDef } from '@/lib/dashboards/types';
import { defineKind } from './define';
import type { PanelData } from './types';

// The Markdown parser loads only on pages with a text panel.
const MarkdownText = dynamic(() => import('./markdown'));

function useTextData(def: TextPanelDef): PanelData<string> {
  const empty = def.content.trim() === '';
  return {
    state: empty ? 'empty' : 'ready',
    value: empty ? null : def.content,
    queries: [],
    warnings: [],
    fetching: false,
    emptyText: 'This text panel has no content.',
  };
}

export const textKind = defineKind('text', {
  useData: useTextData,
  View: ({ data }: { data: string }) => <MarkdownText content={data} />,
});
