package org.takeitdown.portal.cases;

import org.takeitdown.hasher.rules.HashRules;

/**
 * The one hash of an item that the StopNCII-compatible exchange carries: an image's PDQ of matching
 * quality ({@code ImagePDQ}) or a video's MD5 ({@code VideoMD5}). Other items have none there.
 */
public record ExchangeHash(String signalType, String value) {
    public static final String IMAGE_PDQ = "ImagePDQ";
    public static final String VIDEO_MD5 = "VideoMD5";

    /** The item's exchange hash, or null when the exchange has no type for it. */
    public static ExchangeHash of(String kind, String md5, String pdq, Integer pdqQuality) {
        if ("image".equals(kind) && pdq != null && pdqQuality != null && pdqQuality >= HashRules.PDQ_MIN_QUALITY) {
            return new ExchangeHash(IMAGE_PDQ, pdq);
        }
        if ("video".equals(kind) && md5 != null) {
            return new ExchangeHash(VIDEO_MD5, md5);
        }
        return null;
    }

    /** The form sealed in {@link WithdrawnHash}: {@code <signalType>:<hex>}. */
    String text() {
        return signalType + ":" + value;
    }

    static ExchangeHash parse(String text) {
        int colon = text.indexOf(':');
        return new ExchangeHash(text.substring(0, colon), text.substring(colon + 1));
    }
}
