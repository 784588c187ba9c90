import { fileURLToPath } from 'node:url';

/** The repository's bundled demo books (data/demo): what the tests read as real books. */
export const bundledDemoDir = fileURLToPath(new URL('../../../../data/demo', import.meta.url));
