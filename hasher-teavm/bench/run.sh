#!/usr/bin/env bash
# Hasher benchmark (not a test): MD5 MB/s over 64 MiB and PDQ ms per 1600x1004 image from pixels,
# on the JVM and in Node, with ratios measured in this one run. Usage: hasher-teavm/bench/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
vectors="${VECTORS_DIR:-$root/../shared/vectors}"
rgba="$vectors/pdq/pixels/RGBA.rgba"
js="$root/hasher-teavm/target/classes/META-INF/resources/js/hasher.js"
jar="$root/hasher-teavm/target/hasher.jar"
if [ ! -f "$jar" ] || [ ! -f "$js" ]; then
  (cd "$root" && mvn -q -B -ntp package -pl hasher-teavm -DskipTests)
fi
(cd "$here" && npm install --silent --no-audit --no-fund --no-package-lock >/dev/null)
out="$( { java -Xmx2g -cp "$jar" "$here/JvmBench.java" "$rgba" 1600 1004; node "$here/node-bench.mjs" "$js" "$rgba" 1600 1004; } )"
echo "$out"
echo "$out" | awk '
  { v[$1] = $2 }
  END {
    printf "ratio teavm-js-md5 / hash-wasm          %.2f  (target >= 1.00)\n", v["js-teavm-md5-mbps"] / v["js-hashwasm-md5-mbps"]
    printf "ratio teavm-js-md5 / spark-md5          %.2f\n", v["js-teavm-md5-mbps"] / v["js-sparkmd5-md5-mbps"]
    printf "ratio teavm-js-md5 / node-openssl       %.2f\n", v["js-teavm-md5-mbps"] / v["js-node-openssl-md5-mbps"]
    printf "ratio jvm-md5 / jvm-messagedigest       %.2f\n", v["jvm-md5-mbps"] / v["jvm-messagedigest-mbps"]
    printf "ratio teavm-js-pdq-ms / jvm-pdq-ms      %.2f\n", v["js-teavm-pdq-ms"] / v["jvm-pdq-ms"]
    printf "target teavm-js-pdq-ms <= 40: %s; jvm-pdq-ms <= 12: %s\n", (v["js-teavm-pdq-ms"] <= 40 ? "met" : "NOT met"), (v["jvm-pdq-ms"] <= 12 ? "met" : "NOT met")
  }'
