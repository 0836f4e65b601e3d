#!/bin/sh
# The embedded PostgreSQL's archive_command: $1 is the finished segment's path (%p), $2 its file name (%f).
# It stores the segment gzip-compressed in the wal/ folder beside this script: written under a temporary name,
# synced, then renamed, so a segment is either wholly there or absent. A copy already there with the same
# content is success (PostgreSQL retries a segment whose earlier attempt died); one with different content is
# an error that stops archiving, never an overwrite, until an operator looks.
set -u
dir="$(dirname "$0")/wal"
target="$dir/$2.gz"
if [ -f "$target" ]; then
  if gzip -dc "$target" | cmp -s - "$1"; then exit 0; fi
  echo "archive-wal: $target already exists with different content; refusing to overwrite it" >&2
  exit 1
fi
mkdir -p "$dir" || exit 1
tmp="$dir/.$2.partial.$$"
if gzip -1 -c "$1" > "$tmp" && sync "$tmp" && mv "$tmp" "$target" && sync "$dir"; then exit 0; fi
rm -f "$tmp"
exit 1
