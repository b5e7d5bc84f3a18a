package org.takeitdown.hasher.cli;

/** An image that cannot be decoded; the message is fit to show to a person. */
public class ImageDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageDecodeException(String message) {
        super(message);
    }
}
