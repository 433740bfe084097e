/**
 * zod compiles object schemas into generated code with `new Function` when it may; the app's
 * Content-Security-Policy (vite.config.ts) forbids string evaluation, and zod's probe for it would
 * be reported as a policy violation. Imported first by main.tsx, before any schema is used.
 */
import { z } from 'zod';

z.config({ jitless: true });
