package org.takeitdown.portal.web;

/**
 * A request body that may exceed the usual 256 KiB limit, up to the HTTP layer's 1 MiB, when it
 * carries vPDQ frames ({@link BodyLimits}).
 */
public interface LargeBody {
    /** Whether this body carries video frames and so may be large. */
    boolean carriesFrames();
}
