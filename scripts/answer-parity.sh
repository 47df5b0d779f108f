#!/bin/sh
# Checks that the answer engine in the working tree gives the same answers as at <git-ref> (default: main):
# records every answer with the engine at <git-ref>, in a temporary worktree with this tree's
# bench/answer-parity.ts and bench/synthetic-topics.ts copied in (so both ask the same questions of the same
# bases), then checks this tree against the record. See bench/answer-parity.ts. Exits 1 on any difference.
set -eu
ref="${1:-main}"
root="$(git rev-parse --show-toplevel)"
base="$(mktemp -d)"
record="$base.json"
trap 'git -C "$root" worktree remove --force "$base" >/dev/null 2>&1 || true; rm -f "$record"' EXIT
git -C "$root" worktree add --detach "$base" "$ref" >/dev/null
ln -s "$root/node_modules" "$base/node_modules"
cp "$root/bench/answer-parity.ts" "$root/bench/synthetic-topics.ts" "$base/bench/"
(cd "$base" && npx tsx bench/answer-parity.ts record "$record")
(cd "$root" && npx tsx bench/answer-parity.ts check "$record")
