/**
 * `npm run schema`: writes the JSON Schema of the draft file, generated from the zod schema (and so from
 * the templates), to public/draft.schema.json. test/domain/draft-schema.test.ts fails when the committed
 * file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { draftJsonSchemaText } from '../domain/draft-schema.ts';

const target = fileURLToPath(new URL('../../public/draft.schema.json', import.meta.url));
writeFileSync(target, draftJsonSchemaText());
console.log(`已写入 ${target}`);
