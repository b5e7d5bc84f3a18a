package org.takeitdown.hasher.hex;

/** A hex string of the wrong length or with a non-hex character; the message says which. */
public class HexFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public HexFormatException(String message) {
        super(message);
    }
}
