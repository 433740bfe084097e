/**
 * `npm run schema`: regenerates what is derived from the templates and the draft schema:
 * - public/draft.schema.json, the JSON Schema of the draft file (from the zod schema);
 * - the key lists of public/draft-format.md (between its generated-keys markers).
 * test/domain/draft-schema.test.ts and test/cli/draft-format-doc.test.ts fail when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { draftJsonSchemaText } from '../domain/draft-schema.ts';
import { withGeneratedKeys } from './draft-format-doc.ts';

const schemaPath = fileURLToPath(new URL('../../public/draft.schema.json', import.meta.url));
writeFileSync(schemaPath, draftJsonSchemaText());
console.log(`已写入 ${schemaPath}`);

const docPath = fileURLToPath(new URL('../../public/draft-format.md', import.meta.url));
writeFileSync(docPath, withGeneratedKeys(readFileSync(docPath, 'utf8')));
console.log(`已更新 ${docPath} 中的键列表`);
