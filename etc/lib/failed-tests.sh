#!/usr/bin/env bash
# Prints each failed test of a .trx file with its message and the top of its stack trace, so the
# last lines of a long CI log name what failed (CI keeps only the tail of the output).
# Usage: etc/lib/failed-tests.sh TestResults/*.trx
set -euo pipefail
awk '
  BEGIN { RS = "<UnitTestResult "; shown = 0 }
  NR > 1 {
    # Only the start tag of the element counts: the last record runs on into the summary.
    tag = $0; sub(/>.*/, "", tag)
    if (tag !~ /outcome="Failed"/) next
    name = tag; sub(/.*testName="/, "", name); sub(/".*/, "", name)
    message = $0
    if (message ~ /<Message>/) { sub(/.*<Message>/, "", message); sub(/<\/Message>.*/, "", message) } else message = ""
    stack = $0
    if (stack ~ /<StackTrace>/) { sub(/.*<StackTrace>/, "", stack); sub(/<\/StackTrace>.*/, "", stack) } else stack = ""
    text = message "\n" stack
    gsub(/&#xD;/, "", text); gsub(/&#xA;/, "\n", text); gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text)
    gsub(/&quot;/, "\"", text); gsub(/&apos;/, "'\''", text); gsub(/&amp;/, "\\&", text)
    gsub(/&lt;/, "<", name); gsub(/&gt;/, ">", name); gsub(/&quot;/, "\"", name); gsub(/&amp;/, "\\&", name)
    n = split(text, lines, "\n")
    print "--- FAILED " name
    for (i = 1; i <= n && i <= 25; i++) if (lines[i] != "") print "    " substr(lines[i], 1, 400)
    shown++
  }
  END { print "--- " shown " failed test(s)" }
' "$@"
