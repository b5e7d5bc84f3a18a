#!/usr/bin/env bash
# Hasher benchmark (not a test): MD5 MB/s over 64 MiB and PDQ ms per 1600x1004 image from pixels,
# on the JVM and in Node, and vPDQ frames hashed per second from decoded video frames (needs
# ffmpeg to decode them), with ratios measured in this one run. Usage: hasher-teavm/bench/run.sh
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
# Decoded frames for vPDQ: 60 of the SD clip (480x720) and 60 of the HD one (1280x720), as records
# of int32 width, int32 height and RGBA bytes.
frames="$(mktemp -d)"
trap 'rm -rf "$frames"' EXIT
for pair in "sd:chair-orig-22-sd-bar:480:720" "hd:doorknob-hd-no-bar:1280:720"; do
  IFS=: read -r name clip w h <<<"$pair"
  ffmpeg -hide_banner -loglevel error -nostdin -i "$vectors/vpdq/videos/$clip.mp4" -frames:v 60 -f rawvideo -pix_fmt rgba - \
    | python3 -c "import sys,struct; d=sys.stdin.buffer.read(); n=$w*$h*4; sys.stdout.buffer.write(b''.join(struct.pack('<ii',$w,$h)+d[i:i+n] for i in range(0,len(d),n)))" \
    > "$frames/$name.rgba"
done
out="$( { java -Xmx2g -cp "$jar" "$here/JvmBench.java" "$rgba" 1600 1004; node "$here/node-bench.mjs" "$js" "$rgba" 1600 1004;
  java -Xmx2g -cp "$jar" "$here/VpdqJvmBench.java" sd "$frames/sd.rgba" hd "$frames/hd.rgba";
  node "$here/vpdq-node-bench.mjs" "$js" sd "$frames/sd.rgba" hd "$frames/hd.rgba"; } )"
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
    printf "ratio teavm-js / jvm vpdq frames/s, SD  %.2f\n", v["js-vpdq-sd-fps"] / v["jvm-vpdq-sd-fps"]
    printf "ratio teavm-js / jvm vpdq frames/s, HD  %.2f\n", v["js-vpdq-hd-fps"] / v["jvm-vpdq-hd-fps"]
  }'
