// Validates YAML files against errcat's JSON Schema the way an editor does: YAML
// parsed by `yaml` (what yaml-language-server uses), the schema checked by Ajv,
// independently of errcat's own parser and types.
//
// usage: node validate.mjs SCHEMA.json FILE.yaml...
// prints one JSON line per file: {"file", "valid", "errors"}; exits 0 unless the
// schema itself does not compile.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { parse } from "yaml";

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: true });
// int64 values are bounded by minimum/maximum in the schema itself.
ajv.addFormat("int64", { type: "number", validate: () => true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

for (const file of files) {
  let data;
  try {
    // errcat applies `<<` merge keys (YAML 1.1); so does this parse.
    data = parse(readFileSync(file, "utf8"), { merge: true });
  } catch (e) {
    console.log(JSON.stringify({ file, valid: null, errors: [String(e.message)] }));
    continue;
  }
  const valid = validate(data);
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  console.log(JSON.stringify({ file, valid, errors }));
}
