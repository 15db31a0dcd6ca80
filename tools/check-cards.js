// Parses Adaptive Cards with the official library (npm "adaptivecards", pinned in package-lock.json), as a host would:
// reads a JSON object {name: card, ...} from the file given, prints {name: {version, problems: [...]}, ...}.
// A problem is any parse event (unknown element or property, invalid value) or validation event.
const fs = require("fs");
const path = require("path");
const AC = require(path.join(__dirname, "..", "node_modules", "adaptivecards", "dist", "adaptivecards.js"));

const cards = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const results = {};
for (const [name, json] of Object.entries(cards)) {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    problems.push(context.getEventAt(i).message);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(event.message);
  }
  results[name] = { version: card.version ? card.version.toString() : null, problems };
}
console.log(JSON.stringify(results));
