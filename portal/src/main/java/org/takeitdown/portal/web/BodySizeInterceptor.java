package org.takeitdown.portal.web;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Two body limits: the HTTP layer refuses bodies over 1 MiB; this counts the bytes each JSON body
 * actually took and answers 413 (problem JSON) when one over 256 KiB carries no vPDQ frames.
 */
@Provider
public class BodySizeInterceptor implements ReaderInterceptor {
    /** The limit for bodies without video frames. */
    public static final long SMALL_LIMIT = 256 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        CountingStream counted = new CountingStream(context.getInputStream());
        context.setInputStream(counted);
        Object entity = context.proceed();
        if (counted.count > SMALL_LIMIT && !(entity instanceof LargeBody large && large.carriesFrames())) {
            throw new ApiProblemException(413, "Body too large",
                    "A body without video frames may be at most 256 KiB; one with vPDQ frames at most 1 MiB.");
        }
        return entity;
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
