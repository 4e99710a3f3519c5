#!/bin/sh
# Accepts the snapshots the last test run received: renames every *.received.cs to *.verified.cs.
# The same in one line: DO_ACCEPT_SNAPSHOTS=1 dotnet test tests/Do.Sdk.Generators.Tests
cd "$(dirname "$0")" || exit 1
find . -name '*.received.cs' | while read -r received; do
  mv "$received" "${received%.received.cs}.verified.cs"
done
