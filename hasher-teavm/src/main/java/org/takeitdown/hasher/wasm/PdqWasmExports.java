package org.takeitdown.hasher.wasm;

import org.takeitdown.hasher.pdq.PdqHasher;
import org.takeitdown.hasher.pdq.PdqResult;
import org.takeitdown.hasher.pdq.RgbaWords;
import org.teavm.interop.Address;
import org.teavm.interop.Export;
import org.teavm.runtime.heap.Heap;

/**
 * The PDQ API of the hasher compiled to WebAssembly (GC) by TeaVM, {@code /js/pdq.wasm}, loaded by
 * {@code /js/pdq-wasm.js}: {@code pixels(count)} gives the address, in the module's memory, of room for
 * {@code count} RGBA words that the worker fills; {@code pdq(width, height)} hashes them and answers the
 * quality, {@code hashDigit(i)} the hash's hex digits. Numbers only cross, so the module needs none of
 * TeaVM's JavaScript interop (whose loader builds functions from strings, which the portal's policy forbids).
 * One block of memory, replaced (and the old one released) only for a bigger image.
 */
public final class PdqWasmExports {
    /** The most pixels {@link #pixels} takes: 64 MiB of words ({@code pdq-wasm.js} lets the module's memory grow to 80 MiB). */
    public static final int MAX_PIXELS = 16 * 1024 * 1024;

    private static Address block;
    private static int capacity;
    private static int count;
    private static String hash = "";

    private PdqWasmExports() {
    }

    /** {@link #MAX_PIXELS}: a bigger image is left to the JavaScript build. */
    @Export(name = "maxPixels")
    public static int maxPixels() {
        return MAX_PIXELS;
    }

    /**
     * The address of room for {@code pixels} words (R in the low byte), valid until the next call, or 0 when
     * {@code pixels} is not 1 to {@link #MAX_PIXELS} or the memory can't hold them.
     */
    @Export(name = "pixels")
    public static int pixels(int pixels) {
        count = 0;
        if (pixels < 1 || pixels > MAX_PIXELS) {
            return 0;
        }
        if (capacity < pixels) {
            if (block != null) {
                Heap.release(block);
                block = null;
                capacity = 0;
            }
            Address room = Heap.alloc(pixels * 4);
            if (room == null || room.toInt() == 0) {
                return 0;
            }
            block = room;
            capacity = pixels;
        }
        count = pixels;
        return block.toInt();
    }

    /**
     * PDQ of the {@code width x height} pixels last written at {@link #pixels}: the quality (0 to 100), or -1
     * when {@code width x height} is not the count asked for there; the hash from {@link #hashDigit}.
     */
    @Export(name = "pdq")
    public static int pdq(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height != count) {
            return -1;
        }
        Address base = block;
        int length = count;
        PdqResult result = PdqHasher.hashRgbaWords(new RgbaWords() {
            @Override
            public int length() {
                return length;
            }

            @Override
            public void copy(int from, int[] into, int n) {
                Address at = base.add(from * 4);
                for (int i = 0; i < n; i++) {
                    into[i] = at.getInt();
                    at = at.add(4);
                }
            }
        }, width, height);
        hash = result.hash().toHex();
        return result.quality();
    }

    /** Hex digit {@code i} (0 to 63) of the last hash, as a character code. */
    @Export(name = "hashDigit")
    public static int hashDigit(int i) {
        return hash.charAt(i);
    }
}
