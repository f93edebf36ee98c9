#!/usr/bin/env bash
# watch survives its inputs being deleted, replaced and put back, as editors and git checkout
# do, and says what it waits for. usage: watch_faults.sh LEAFPRESS SOURCE_DIR
set -uo pipefail
lp=$(readlink -f "$1")
src=$(readlink -f "$2")
work=$(mktemp -d)
watcher=""
trap '[ -n "$watcher" ] && kill "$watcher" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
. "$src/tests/e2e/checks.sh"
# waits until watch.err has COUNT lines matching PATTERN (at most 20 s)
wait_for() {
  for _ in $(seq 200); do
    [ "$(grep -c -- "$1" watch.err 2>/dev/null)" -ge "$2" ] && return 0
    sleep 0.1
  done
  echo "gave up waiting for $2 x '$1':"
  cat watch.err
  return 1
}
mkdir w && cp -r "$src/report.yaml" "$src/artwork" "$src/layout" "$src/fonts" w/
(cd w && exec timeout 60 "$lp" watch --edition booklet --max-builds 5 2>../watch.err) &
watcher=$!
check "first build" wait_for "wrote out/booklet.pdf" 1
check "then watching" wait_for "watching for changes" 1

# The report deleted: watch waits for it, and builds when it is back.
mv w/report.yaml report.yaml.away
check "the report gone: waits for it" wait_for "waiting for report.yaml to exist" 1
mv report.yaml.away w/report.yaml
check "the report back: built again" wait_for "wrote out/booklet.pdf" 2

# The layout folder replaced by a copy (git checkout of a folder).
cp -r w/layout layout.new
rm -rf w/layout
check "the layout folder gone: waits for it" wait_for "waiting for layout to exist" 1
mv layout.new w/layout
check "the layout folder back: built again" wait_for "wrote out/booklet.pdf" 3
echo "# changed" >>w/layout/booklet.yaml
check "a change in the new layout folder: built again" wait_for "wrote out/booklet.pdf" 4

# The report's folder itself replaced (watch runs inside it).
sleep 0.3
cp -r w w.new
rm -rf w.new/out
mv w w.old
mv w.new w
check "the folder replaced: built again" wait_for "wrote out/booklet.pdf" 5
wait "$watcher"
code=$?
watcher=""
check "watch: exit 0 after five builds" test "$code" -eq 0
check "the last PDF went into the new folder" test -s w/out/booklet.pdf

echo "e2e watch: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
