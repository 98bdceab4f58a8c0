#!/bin/sh
# Unattended upgrades on a fresh instance, as sandbox.sh `hold` starts them inside the instance under
# dpkg's lock and rpm's transaction lock: apt-daily's update holds the package lists' lock until a
# package step finds a lock taken (or CAP twentieths of a second pass), then the upgrade keeps dpkg's
# and rpm's locks until a step finds one of those taken (at most 20 s more), and a second more. A stub
# that finds a lock taken touches /run/sim-contended-lists or /run/sim-contended-packages.
#   lock-holder.sh CAP               the whole sequence
#   lock-holder.sh wait COUNT FILE.. wait for one of the files, at most COUNT twentieths of a second
contended() {
  count=$1
  shift
  i=0
  while [ "$i" -lt "$count" ]; do
    for file in "$@"; do [ -e "$file" ] && return 0; done
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}
if [ "$1" = wait ]; then
  shift
  contended "$@" || true
  exit 0
fi
flock /var/lib/apt/lists/lock /bin/sh /sim/lock-holder.sh wait "$1" /run/sim-contended-lists /run/sim-contended-packages
contended 400 /run/sim-contended-packages || true
sleep 1
