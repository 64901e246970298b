
# Environment and node names, found when completing (not when the script was generated).

# The project: -C/--project as typed, else the nearest directory from here up holding neckbeard/config.yml.
function _neckbeard_project() {
  local i word dir=$PWD
  for (( i=1; i < COMP_CWORD; i++ )); do
    word=${COMP_WORDS[i]}
    case "$word" in
      -C|--project) word=${COMP_WORDS[i+1]}; echo "${word/#\~/$HOME}"; return ;;
      --project=*) word=${word#--project=}; echo "${word/#\~/$HOME}"; return ;;
    esac
  done
  while [ -n "$dir" ]; do
    if [ -f "$dir/neckbeard/config.yml" ]; then echo "$dir"; return; fi
    dir=${dir%/*}
  done
  echo .
}

# The environments: the files in neckbeard/envs/.
function _neckbeard_envs() {
  local file
  for file in "$(_neckbeard_project)"/neckbeard/envs/*.yml; do
    if [ -f "$file" ]; then file=${file##*/}; echo "${file%.yml}"; fi
  done
}

# The nodes of environment $1, as configured (asks neckbeard itself).
function _neckbeard_nodes() {
  if [ -n "$1" ]; then "${COMP_WORDS[0]}" -C "$(_neckbeard_project)" __complete nodes "$1" 2>/dev/null; fi
}

# The names to offer for the word being completed, in a command $1 words deep. The other arguments
# say what its positional arguments are, in order: ENV, NODE or - (nothing to offer); a last one
# ending in ... repeats. --node offers the nodes of the first positional argument (the environment),
# wherever the word is. Options that take a value are read from the caller's arg_opts.
function _neckbeard_names() {
  local depth=$1; shift
  local kinds=("$@") i word env="" commandWords=0 position=0 skip=""
  for (( i=1; i < COMP_CWORD; i++ )); do
    word=${COMP_WORDS[i]}
    if [ -n "$skip" ]; then skip=""; continue; fi
    case "$word" in
      --) return ;;
      --*=*) continue ;;
      -*) if [[ " ${arg_opts} " == *" '${word}' "* ]]; then skip=1; fi; continue ;;
    esac
    if (( commandWords < depth )); then commandWords=$((commandWords + 1)); continue; fi
    if (( position == 0 )); then env=$word; fi
    position=$((position + 1))
  done
  local kind=${kinds[0]}
  if [ "$kind" != "--node" ]; then
    kind=${kinds[position]}
    local last=${kinds[${#kinds[@]}-1]}
    if [ -z "$kind" ] && [[ "$last" == *... ]]; then kind=$last; fi
  fi
  case "$kind" in
    ENV*) _neckbeard_envs ;;
    NODE*|--node) _neckbeard_nodes "$env" ;;
  esac
}
