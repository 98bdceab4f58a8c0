# Sourced by the wrappers of the calls a stub only passes on to the real tool (simulate.ts): curl to
# the fake IMDS, and sudo. They record the call as stubs.mjs records every call, then exec the tool,
# without starting node: a node start costs about 0.1 s of CPU, and a simulation makes some fifty such
# calls. Anything else, or anything this does not record plainly, goes to stubs.mjs as before.

# json_string TEXT: TEXT as a JSON string, in $json.
json_string() {
  case $1 in
    *[\\\"]*) ;;
    *) json="\"$1\"" && return ;;
  esac
  rest=$1 json=
  while [ -n "$rest" ]; do
    tail=${rest#?}
    char=${rest%"$tail"}
    rest=$tail
    case $char in
      \\ | \") json="$json\\$char" ;;
      *) json="$json$char" ;;
    esac
  done
  json="\"$json\""
}

# record TOOL ARG...: appends {step, tool, args, cwd} to the calls (/sim/results/calls.jsonl, or
# SIM_CALLS_FILE in test/boot/pass-through.test.ts), as stubs.mjs does.
# Fails, recording nothing, where stubs.mjs should record it instead: a control character in any
# value (JSON needs it escaped), or a working directory that is gone.
record() {
  cwd=$(pwd -P) || return 1
  for value in "${SIM_STEP-}" "$cwd" "$@"; do
    case $value in *[[:cntrl:]]*) return 1 ;; esac
  done
  tool=$1
  shift
  args=
  for arg in "$@"; do
    json_string "$arg"
    args="$args${args:+,}$json"
  done
  json_string "${SIM_STEP-}"
  step=$json
  json_string "$cwd"
  printf '{"step":%s,"tool":"%s","args":[%s],"cwd":%s}\n' "$step" "$tool" "$args" "$json" >> "${SIM_CALLS_FILE:-/sim/results/calls.jsonl}"
}
