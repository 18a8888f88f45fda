#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/targets/ into .build-fuzz/ (NOTES-toolchain, "Fuzzing"):
# the reader and pipeline sources compiled with -sanitize=fuzzer,address, as modules of their
# own, then one executable per target. Needs only the toolchain and the -dev packages that
# `make setup` installs.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.build-fuzz
mkdir -p "$OUT"
# The C modules (CLibXML2, CZlib) are found through their module maps in Sources/.
FLAGS=(-O -parse-as-library -sanitize=fuzzer,address
  -I Sources/CLibXML2 -I Sources/CZlib -Xcc -I/usr/include/libxml2 -I "$OUT")
echo "fuzz: compiling KhuyenCongXML"
swiftc "${FLAGS[@]}" -wmo -module-name KhuyenCongXML -emit-module \
  -emit-module-path "$OUT/KhuyenCongXML.swiftmodule" -c Sources/KhuyenCongXML/*.swift \
  -o "$OUT/KhuyenCongXML.o"
echo "fuzz: compiling KhuyenCong"
mapfile -t core < <(find Sources/KhuyenCong -name '*.swift' | sort)
swiftc "${FLAGS[@]}" -wmo -module-name KhuyenCong -emit-module \
  -emit-module-path "$OUT/KhuyenCong.swiftmodule" -c "${core[@]}" -o "$OUT/KhuyenCong.o"
for target in ${FUZZ_TARGETS:-csv spreadsheetml xlsx pipeline}; do
  echo "fuzz: linking fuzz-$target"
  swiftc "${FLAGS[@]}" -module-name "Fuzz_$target" "fuzz/targets/$target.swift" \
    fuzz/targets/FuzzRowCounter.swift "$OUT/KhuyenCongXML.o" "$OUT/KhuyenCong.o" -lxml2 -lz \
    -o "$OUT/fuzz-$target" 2> >(grep -v "Cannot export local symbol" >&2)
done
