#!/usr/bin/env bash
# A boot as systemd would run the bootstrap: the unit must be installed and enabled (linked into the
# .wants/ folder of a target it names in WantedBy=), then its ExecStart runs with systemd's clean
# environment. Prints what it found, the bootstrap's own output and the modes of the secrets it
# fetched; exits with the bootstrap's code.
set -uo pipefail
unit=/etc/systemd/system/ami-bootstrap.service
[ -f "$unit" ] || { echo "boot: $unit is not installed"; exit 90; }
enabled=
for target in $(sed -n 's/^WantedBy=//p' "$unit"); do
  [ -L "/etc/systemd/system/$target.wants/ami-bootstrap.service" ] && enabled=$target
done
[ -n "$enabled" ] || { echo "boot: ami-bootstrap.service is not enabled"; exit 91; }
command=$(sed -n 's/^ExecStart=//p' "$unit")
echo "boot: ami-bootstrap.service enabled in $enabled, ExecStart=$command"
# shellcheck disable=SC2086 # ExecStart is a command line
$command
rc=$?
# What the boot left for the instance's services: the secrets folder and files, with their modes.
for path in /run/ami-wizard/secrets /run/ami-wizard/secrets/*; do
  [ -e "$path" ] && echo "secrets: $(stat -c '%a %n' "$path")"
done
exit "$rc"
