// Validates a Teams app manifest offline against the schema bundled in @microsoft/app-manifest (pinned in package.json).
// Usage: node tools/validate-manifest.mjs path/to/manifest.json — prints the errors, exits 1 when there are any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require("@microsoft/app-manifest");
const manifest = JSON.parse(readFileSync(process.argv[2], "utf8"));
const errors = await AppManifestUtils.validateAgainstSchema(manifest);
for (const error of errors) {
  console.log(error);
}
process.exit(errors.length === 0 ? 0 : 1);
