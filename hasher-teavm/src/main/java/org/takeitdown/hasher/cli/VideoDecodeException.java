package org.takeitdown.hasher.cli;

/** A video whose frames cannot be decoded; the message is fit to show to a person. */
public class VideoDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public VideoDecodeException(String message) {
        super(message);
    }
}
