#!/usr/bin/env bash
# Regenerates everything codegen.ts writes and fails if the result differs from what is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
npx graphql-codegen --config codegen.ts >/dev/null
generated=(functions/graphql/generated schema.graphql test/generated/client)
if ! git diff --quiet -- "${generated[@]}" || [ -n "$(git ls-files --others --exclude-standard -- "${generated[@]}")" ]; then
  echo "Generated files differ from the committed ones; run 'npm run codegen' and commit the result:" >&2
  git status --short -- "${generated[@]}" >&2
  git --no-pager diff --stat -- "${generated[@]}" >&2
  exit 1
fi
echo "Generated files are up to date."
