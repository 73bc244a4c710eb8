// Validates manifest.yml against Slack's published app manifest schema (used by .ci/run).
// Usage: node scripts/validate-manifest.mjs [schema.json]
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';

const schemaPath = process.argv[2] ?? '../shared/slack/manifest.schema.1.0.0.json';
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8'));
// Slack's schema uses keywords Ajv's strict mode rejects; the schema itself says to validate non-strictly.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);
if (!validate(manifest)) {
  console.error('manifest.yml is not valid against Slack\'s manifest schema:');
  for (const e of validate.errors ?? []) console.error(`  ${e.instancePath || '/'} ${e.message}`);
  process.exit(1);
}
console.log(`manifest.yml is valid against ${schemaPath}`);
