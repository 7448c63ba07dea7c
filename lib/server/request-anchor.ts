import 'server-only';
import { cache } from 'react';

/** One "now" per request, shared by the layout (the client's time anchor) and the page (preloads). */
export const requestAnchorMs = cache(() => Date.now());
