#!/bin/sh
# A pwk_log call whose arguments do not match its format fails to compile
# under -Wformat -Werror=format (what `pkg-config --cflags pwk-user-host`
# gives), and a matching one compiles. Usage: format_checked.sh CC SRCROOT
set -eu
cc=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags="-ffreestanding -fno-builtin -Wformat -Werror=format -I$root/userspace/include -I$root/include"
printf '#include <pwk/user.h>\nvoid f(unsigned long v) { pwk_log("%%lu %%zu\\n", v, sizeof v); }\n' >"$tmp/good.c"
printf '#include <pwk/user.h>\nvoid f(int v) { pwk_log("%%lu\\n", v); }\n' >"$tmp/bad.c"
$cc $flags -c "$tmp/good.c" -o "$tmp/good.o"
if $cc $flags -c "$tmp/bad.c" -o "$tmp/bad.o" 2>"$tmp/err"; then
  echo "a mismatched pwk_log format compiled" >&2
  exit 1
fi
grep -q "expects argument of type" "$tmp/err"
