#!/usr/bin/env bash
# Hasher benchmark (not a test): MD5 MB/s over 64 MiB and PDQ ms per 1600x1004 image from pixels,
# on the JVM (MessageDigest, the CLI, our portable Md5), in Node (ours, hash-wasm, spark-md5, OpenSSL)
# and, when chromium is installed, MD5 in headless Chromium (ours, hash-wasm); and vPDQ frames hashed
# per second from decoded video frames (needs ffmpeg to decode them), with ratios measured in this
# one run. With chromium, the browser page (browser-bench.html, driven by browser-bench.mjs) also
# measures PDQ in Chromium (the JavaScript build and the WebAssembly build, pdq.wasm, interleaved) and the
# portal's worker pool on 12 MP photos. Usage: hasher-teavm/bench/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
vectors="${VECTORS_DIR:-$root/../shared/vectors}"
rgba="$vectors/pdq/pixels/RGBA.rgba"
js="$root/hasher-teavm/target/classes/META-INF/resources/js/hasher.js"
jar="$root/hasher-teavm/target/hasher.jar"
# The browser page: the portal's hashing scripts, and the reference PDQ of the pixels above (checked).
portal_js="$root/portal/src/main/resources/META-INF/resources/js"
rgba_pdq="$(awk -F'\t' '$10 == "pixels/RGBA.rgba" { print $4 }' "$vectors/pdq/expected.tsv")"
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
# The MD5 and PDQ halves run BENCH_RUNS times (default 3), JVM and Node alternating, each printing
# medians of interleaved rounds; the figures below are the medians over the runs, and every ratio
# is taken between figures of this one invocation.
runs="${BENCH_RUNS:-3}"
out=""
for ((i = 0; i < runs; i++)); do
  out+="$(java -Xmx2g -cp "$jar" "$here/JvmBench.java" "$rgba" 1600 1004)"$'\n'
  out+="$(node "$here/node-bench.mjs" "$js" "$rgba" 1600 1004)"$'\n'
  if command -v "${CHROMIUM:-chromium}" >/dev/null; then
    out+="$(node "$here/browser-bench.mjs" "$js" "$portal_js" "$rgba" 1600 1004 md5,pdq "pdq=$rgba_pdq")"$'\n'
  fi
done
# --- Browser page: the worker pool (once; BENCH_POOL_PHOTOS photos of 12 MP, default 20, and
# BENCH_POOL_ROUNDS rounds, default 3, each round the pool and one worker, alternating which goes first;
# then the same without the photos' ICC profile).
if command -v "${CHROMIUM:-chromium}" >/dev/null; then
  out+="$(node "$here/browser-bench.mjs" "$js" "$portal_js" "$rgba" 1600 1004 pool \
    "photos=${BENCH_POOL_PHOTOS:-20}" "rounds=${BENCH_POOL_ROUNDS:-3}")"$'\n'
  # The same photos without the sRGB ICC profile Chromium's encoder writes, as many phones and apps save a
  # JPEG: the worker decodes those with the browser's default options ('untagged-jpeg').
  out+="$(node "$here/browser-bench.mjs" "$js" "$portal_js" "$rgba" 1600 1004 pool \
    "photos=${BENCH_POOL_PHOTOS:-20}" "rounds=${BENCH_POOL_ROUNDS:-3}" untagged=1)"$'\n'
fi
# --- Hook: the browser's cost per sampled video frame, from the video work's chromium-video.mjs when it
# is here (its bench mode: per sampled frame, WebCodecs copyTo + hashYuv, and drawImage + getImageData +
# hash, in ms); its "-ms" lines are kept with a "chromium-video-" prefix.
if [ -f "$here/chromium-video.mjs" ] && command -v "${CHROMIUM:-chromium}" >/dev/null; then
  out+="$(node "$here/chromium-video.mjs" "$js" "$vectors/vpdq/videos/chair-orig-22-sd-bar.mp4" bench \
    | awk 'NF == 2 && $1 ~ /-ms$/ { print "chromium-video-" $1, $2 }')"$'\n'
fi
out+="$(java -Xmx2g -cp "$jar" "$here/VpdqJvmBench.java" sd "$frames/sd.rgba" hd "$frames/hd.rgba")"$'\n'
out+="$(node "$here/vpdq-node-bench.mjs" "$js" sd "$frames/sd.rgba" hd "$frames/hd.rgba")"
echo "machine: $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F), node $(node -v), $(java -version 2>&1 | head -1)"
echo "$out" | awk '
  NF == 2 { n[$1]++; v[$1, n[$1]] = $2 }
  function median(k,   i, j, t, a, c) {
    c = n[k]; for (i = 1; i <= c; i++) a[i] = v[k, i] + 0
    for (i = 2; i <= c; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return c % 2 ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2
  }
  END {
    for (k in n) m[k] = median(k)
    printf "%-28s %8s  (runs)\n", "measure (median of runs)", "value"
    split("js-teavm-md5-mbps js-hashwasm-md5-mbps chromium-teavm-md5-mbps chromium-hashwasm-md5-mbps js-sparkmd5-md5-mbps js-node-openssl-md5-mbps jvm-cli-md5-mbps jvm-messagedigest-mbps jvm-portable-md5-mbps js-teavm-pdq-ms jvm-pdq-ms js-teavm-pdq-cpu-ms jvm-pdq-cpu-ms chromium-teavm-pdq-ms chromium-teavm-wasm-pdq-ms chromium-pool-size chromium-pool-photos-mb chromium-pool-ms chromium-one-worker-ms chromium-pool-cores chromium-one-worker-cores chromium-untagged-pool-ms chromium-untagged-one-worker-ms chromium-untagged-pool-cores chromium-untagged-one-worker-cores chromium-video-copyto-hashyuv-ms chromium-video-draw-getimagedata-hash-ms jvm-vpdq-sd-fps js-vpdq-sd-fps jvm-vpdq-hd-fps js-vpdq-hd-fps", keys, " ")
    for (i = 1; i in keys; i++) if (keys[i] in m) printf "%-28s %8.2f  (%d)\n", keys[i], m[keys[i]], n[keys[i]]
    printf "ratio teavm-js-md5 / hash-wasm (Node)   %.2f  (target >= 1.00)\n", m["js-teavm-md5-mbps"] / m["js-hashwasm-md5-mbps"]
    if ("chromium-teavm-md5-mbps" in m) printf "ratio teavm-js-md5 / hash-wasm (Chromium) %.2f  (target >= 1.00)\n", m["chromium-teavm-md5-mbps"] / m["chromium-hashwasm-md5-mbps"]
    printf "ratio teavm-js-md5 / spark-md5          %.2f\n", m["js-teavm-md5-mbps"] / m["js-sparkmd5-md5-mbps"]
    printf "ratio teavm-js-md5 / node-openssl       %.2f\n", m["js-teavm-md5-mbps"] / m["js-node-openssl-md5-mbps"]
    printf "ratio jvm-cli-md5 / jvm-messagedigest   %.2f  (the CLI uses MessageDigest; it also reads the file)\n", m["jvm-cli-md5-mbps"] / m["jvm-messagedigest-mbps"]
    printf "ratio jvm-portable-md5 / messagedigest  %.2f\n", m["jvm-portable-md5-mbps"] / m["jvm-messagedigest-mbps"]
    printf "ratio teavm-js-pdq-ms / jvm-pdq-ms      %.2f  (target <= 2.00)\n", m["js-teavm-pdq-ms"] / m["jvm-pdq-ms"]
    printf "ratio of the same by CPU time           %.2f  (least process CPU time of the rounds, less disturbed by other processes than wall time)\n", m["js-teavm-pdq-cpu-ms"] / m["jvm-pdq-cpu-ms"]
    printf "ratio teavm-js / jvm vpdq frames/s, SD  %.2f\n", m["js-vpdq-sd-fps"] / m["jvm-vpdq-sd-fps"]
    printf "ratio teavm-js / jvm vpdq frames/s, HD  %.2f\n", m["js-vpdq-hd-fps"] / m["jvm-vpdq-hd-fps"]
    # --- Browser page ratios (browser-bench.html).
    if ("chromium-teavm-pdq-ms" in m) printf "ratio teavm-js-pdq-ms in Chromium / jvm  %.2f  (target <= 2.00)\n", m["chromium-teavm-pdq-ms"] / m["jvm-pdq-ms"]
    if ("chromium-teavm-wasm-pdq-ms" in m) printf "ratio teavm-wasm-pdq-ms in Chromium / jvm %.2f  (target <= 2.00; what the portal runs where WebAssembly GC is available)\n", m["chromium-teavm-wasm-pdq-ms"] / m["jvm-pdq-ms"]
    if ("chromium-teavm-wasm-pdq-ms" in m) printf "ratio teavm-wasm / teavm-js PDQ, Chromium %.2f\n", m["chromium-teavm-wasm-pdq-ms"] / m["chromium-teavm-pdq-ms"]
    if ("chromium-pool-ms" in m) printf "ratio 1 worker / pool of %d, Chromium   %.2f  (target >= 1.70 on 2 cores; %d photos of 12 MP; browser busy %.2f / %.2f cores)\n", m["chromium-pool-size"], m["chromium-one-worker-ms"] / m["chromium-pool-ms"], ENVIRON["BENCH_POOL_PHOTOS"] ? ENVIRON["BENCH_POOL_PHOTOS"] : 20, m["chromium-pool-cores"], m["chromium-one-worker-cores"]
    if ("chromium-untagged-pool-ms" in m) printf "ratio 1 worker / pool, untagged JPEGs   %.2f  (the same photos without their ICC profile; browser busy %.2f / %.2f cores)\n", m["chromium-untagged-one-worker-ms"] / m["chromium-untagged-pool-ms"], m["chromium-untagged-pool-cores"], m["chromium-untagged-one-worker-cores"]
    if ("chromium-untagged-pool-ms" in m) printf "ratio untagged / with profile, 1 worker  %.2f  (pool: %.2f; the default decode of a JPEG without a profile)\n", m["chromium-untagged-one-worker-ms"] / m["chromium-one-worker-ms"], m["chromium-untagged-pool-ms"] / m["chromium-pool-ms"]
    if ("chromium-video-copyto-hashyuv-ms" in m) printf "Chromium ms per sampled SD video frame   %.2f (YUV) / %.2f (canvas): ratio %.2f\n", m["chromium-video-copyto-hashyuv-ms"], m["chromium-video-draw-getimagedata-hash-ms"], m["chromium-video-draw-getimagedata-hash-ms"] / m["chromium-video-copyto-hashyuv-ms"]
    else printf "Chromium ms per sampled video frame      not measured (hook: bench/chromium-video.mjs absent)\n"
  }'
