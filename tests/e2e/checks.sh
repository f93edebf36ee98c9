# The e2e scripts' checks, sourced after they set $work (their scratch folder): check NAME
# COMMAND... counts a command that succeeds as passed and prints the log of one that fails;
# contains FILE TEXT says whether a file holds a text.
passed=0
failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1
  shift
  if "$@" >"$work/check.log" 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
    sed 's/^/    /' "$work/check.log" | head -n 20
  fi
}
contains() { grep -qF -- "$2" "$1" || { echo "'$2' not in $1:"; head -c 2000 "$1"; return 1; }; }
