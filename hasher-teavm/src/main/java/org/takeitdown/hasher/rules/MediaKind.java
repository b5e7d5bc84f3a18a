package org.takeitdown.hasher.rules;

/** What a file's first bytes say it is, for hashing: a picture (PDQ), a video (vPDQ), or neither known. */
public enum MediaKind {
    IMAGE, VIDEO, UNKNOWN;

    /** The name the browser uses: {@code image}, {@code video} or {@code unknown}. */
    public String jsName() {
        return this == IMAGE ? "image" : this == VIDEO ? "video" : "unknown";
    }
}
