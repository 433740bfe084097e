/**
 * zod, configured once for every schema of the project: no generated code (`new Function`). The app's
 * Content-Security-Policy forbids string evaluation, and zod's probe for it, run as the first object
 * schema is built, would be reported as a policy violation. Every schema module imports `z` from here,
 * so the setting is in place before any schema exists, in whatever order the bundler's chunks are
 * evaluated (a setting made in main.tsx ran after the chunks it imports had already built schemas).
 * The command line shares it; interpreting schemas costs it nothing noticeable.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
