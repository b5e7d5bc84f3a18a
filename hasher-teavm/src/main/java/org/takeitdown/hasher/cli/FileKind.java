package org.takeitdown.hasher.cli;

/** What a file is, recognised from its first bytes (never its name). */
public enum FileKind {
    JPEG, PNG, GIF, BMP, WEBP, VIDEO, OTHER;

    /** Bytes needed by {@link #sniff}. */
    public static final int HEAD_BYTES = 16;

    public boolean isImage() {
        return this != VIDEO && this != OTHER;
    }

    /** Recognises the magic numbers of the image formats we decode and of common video containers. */
    public static FileKind sniff(byte[] head, int length) {
        if (startsWith(head, length, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, length, 0, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(head, length, 0, 'B', 'M') && length >= 14) {
            return BMP;
        }
        if (startsWith(head, length, 0, 'R', 'I', 'F', 'F') && startsWith(head, length, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (startsWith(head, length, 4, 'f', 't', 'y', 'p')
                || startsWith(head, length, 0, 0x1A, 0x45, 0xDF, 0xA3)
                || (startsWith(head, length, 0, 'R', 'I', 'F', 'F') && startsWith(head, length, 8, 'A', 'V', 'I', ' '))) {
            return VIDEO;
        }
        return OTHER;
    }

    private static boolean startsWith(byte[] head, int length, int at, int... magic) {
        if (length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[at + i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
