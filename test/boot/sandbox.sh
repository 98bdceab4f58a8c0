#!/usr/bin/env bash
# A simulated build instance and the instances launched from its image, as root inside `unshare --mount
# --net --pid --fork --kill-child --mount-proc` (this script is the namespace's init: every process a
# simulated machine starts ends with it). Disks are overlays of this machine's root, so nothing reaches the
# real disk: the first build writes into a build layer; `capture` makes the current machine's layer
# the newest image (its layers copied to WORK/image for the test, each over the last); each `launch`
# starts an instance whose disk is a fresh overlay over the image's layers, so a role build runs on an
# instance launched from the base image, as in EC2. /tmp and /run are fresh at every boot, and
# 169.254.169.254 in the namespace's own network is the fake IMDS. SIM (WORK/sim) holds the plan, the
# stubs, the repository and the results; every machine sees it as /sim.
# Plan lines (SIM/plan.txt):
#   capture      stop the current machine; its disk is the image from now on
#   launch NAME  a new instance from the image, its own disk in WORK/instances/NAME
#   hold SECONDS another process holds the package manager's lock for a while (unattended upgrades)
#   bare NAME    a new machine without the image: a server in a data centre
#   imds FILE    from now on the metadata service describes the instance in SIM/imds/FILE
#   reboot       fresh /tmp and /run, as a new boot has them
#   run NAME     run SIM/steps/NAME.sh on the current machine; exit code to results/NAME.rc, output to NAME.log
set -euo pipefail
WORK=$1
SIM=$WORK/sim
ROOT=$WORK/root
mkdir -p "$ROOT" "$SIM/results" "$WORK/layers"
mount --make-rprivate /
# The disks' layers live on a file system of their own: overlay refuses layers nested inside another
# layer (here /), and the image is a lower layer of every instance.
mount -t tmpfs tmpfs "$WORK/layers"
LAYERS=$WORK/layers

fresh() {
  local dir
  for dir in tmp run; do
    umount -l "$ROOT/$dir" 2>/dev/null || true
    mount -t tmpfs -o mode=1777 tmpfs "$ROOT/$dir"
  done
}
# machine LOWER UPPER: the root is an overlay of UPPER (its own writes) over LOWER.
machine() {
  umount -R "$ROOT" 2>/dev/null || true
  mkdir -p "$2" "$2.work"
  mount -t overlay overlay -o "lowerdir=$1,upperdir=$2,workdir=$2.work" "$ROOT"
  mount -t proc proc "$ROOT/proc"
  mount --rbind /dev "$ROOT/dev"
  mkdir -p "$ROOT/sim"
  mount --bind "$SIM" "$ROOT/sim"
  fresh
  # The other family's package managers: this machine's own (Debian's apt-get, dpkg) are not in an
  # Amazon Linux or RHEL image, and no stub stands in for them (a whiteout in this machine's layer).
  local tool
  while read -r tool; do rm -f "$ROOT/usr/bin/$tool" "$ROOT/usr/sbin/$tool"; done < "$SIM/absent.txt"
}
IMAGE=/ # the lower layers of the current image, newest first, over the host's root
UPPER=$LAYERS/build
captures=0
machine / "$UPPER"
holders=()
settle() { # a reboot or a new machine ends the processes of the last boot (the lock holders)
  if [ "${#holders[@]}" -gt 0 ]; then
    kill -- "${holders[@]}" 2>/dev/null || true
    pkill -f '/sim/lock-holder.sh' 2>/dev/null || true
    wait "${holders[@]}" 2>/dev/null || true
    # The flock processes inside a holder end only after their children do: until they have, the
    # machine's disk is busy and cannot be captured.
    for _ in $(seq 100); do
      pgrep -f '/sim/lock-holder.sh' >/dev/null || pgrep -x flock >/dev/null || break
      sleep 0.05
    done
  fi
  holders=()
}

ip link set lo up
ip addr add 169.254.169.254/32 dev lo
# The build instance has metadata too (IMDSv2 only): its image test asks it without a token.
echo '{"instanceId": "i-0b0b0b0b0b0b0b0b0", "region": "us-east-1"}' > "$SIM/imds/current.json"
node "$SIM/fake-imds.mjs" "$SIM/imds/current.json" "$SIM/results/imds.jsonl" &
imds=$!
trap 'kill "$imds" 2>/dev/null || true; settle; umount -R "$ROOT" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  [ -n "$(ss -Hltn 'sport = :80' 2>/dev/null)" ] && break
  sleep 0.1
done

PATH_IN_INSTANCE=/sim/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
while read -r verb arg; do
  case "$verb" in
    capture)
      settle
      umount -R "$ROOT"
      captures=$((captures + 1))
      mv "$UPPER" "$LAYERS/image-$captures"
      rm -rf "$UPPER.work"
      IMAGE=$LAYERS/image-$captures:$IMAGE
      mkdir -p "$WORK/image" # for the test to read, after the namespace is gone
      cp -a "$LAYERS/image-$captures/." "$WORK/image/"
      ;;
    launch) settle; UPPER=$LAYERS/instances/$arg; machine "$IMAGE" "$UPPER" ;;
    bare) settle; UPPER=$LAYERS/instances/$arg; machine / "$UPPER" ;; # a server that never saw the image (on-premises)
    imds) cp "$SIM/imds/$arg" "$SIM/imds/current.json" ;;
    reboot) settle; fresh ;;
    hold)
      # Unattended upgrades holding the package managers' locks (lock-holder.sh says how long).
      chroot "$ROOT" /bin/sh -c 'mkdir -p /var/lib/dpkg /var/lib/rpm /var/lib/apt/lists && touch /var/lib/dpkg/lock-frontend /var/lib/rpm/.rpm.lock /var/lib/apt/lists/lock && rm -f /run/sim-contended-*'
      chroot "$ROOT" flock /var/lib/dpkg/lock-frontend flock /var/lib/rpm/.rpm.lock /bin/sh /sim/lock-holder.sh "$((arg * 20))" &
      holders+=("$!")
      for _ in $(seq 50); do # until it holds them
        chroot "$ROOT" flock -n /var/lib/apt/lists/lock true 2>/dev/null || break
        sleep 0.05
      done
      ;;
    run)
      set +e
      chroot "$ROOT" /usr/bin/env -i PATH="$PATH_IN_INSTANCE" HOME=/root LANG=C.UTF-8 SIM_STEP="$arg" \
        /bin/bash "/sim/steps/$arg.sh" > "$SIM/results/$arg.log" 2>&1
      echo "$?" > "$SIM/results/$arg.rc"
      set -e
      ;;
    *) echo "sandbox.sh: unknown plan line: $verb $arg" >&2; exit 2 ;;
  esac
done < "$SIM/plan.txt"
