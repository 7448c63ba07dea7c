// The writer thread's entry: Node does not carry the parent's TypeScript loader into a worker,
// so register tsx here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./writer-worker.ts');
