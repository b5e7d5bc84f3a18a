package org.takeitdown.portal.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one writer of the feed item's shape outside the feed page: the fields, their names and order are
 * {@link PlatformApi.FeedItem}'s components, which Jackson also writes for the feed page. NDJSON is each item
 * through the application's {@link ObjectMapper} onto one streaming {@link JsonGenerator}, a line each; CSV is
 * a header of the component names, then their values a line each (null as empty). Both stream: one item at a
 * time, through fixed buffers.
 */
@ApplicationScoped
public class FeedItemWriter {
    private static final RecordComponent[] FIELDS = PlatformApi.FeedItem.class.getRecordComponents();
    /** The CSV header: the feed item's field names, in order. */
    static final String CSV_HEADER = Arrays.stream(FIELDS).map(RecordComponent::getName).collect(Collectors.joining(","));

    private final ObjectWriter json;

    public FeedItemWriter(ObjectMapper mapper) {
        this.json = mapper.writerFor(PlatformApi.FeedItem.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** Writes feed items to one output, one a line. */
    public interface Lines extends Closeable {
        void write(PlatformApi.FeedItem item) throws IOException;

        /** Writes out what is buffered (the output stays open). */
        @Override
        void close() throws IOException;
    }

    /** NDJSON ({@code csv} false) or CSV with its header, written to {@code out}. */
    public Lines open(OutputStream out, boolean csv) throws IOException {
        return csv ? csv(out) : ndjson(out);
    }

    private Lines ndjson(OutputStream out) throws IOException {
        JsonGenerator g = json.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(null);
        return new Lines() {
            @Override
            public void write(PlatformApi.FeedItem item) throws IOException {
                json.writeValue(g, item);
                g.writeRaw('\n');
            }

            @Override
            public void close() throws IOException {
                g.close();
            }
        };
    }

    private static Lines csv(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(CSV_HEADER);
        w.write('\n');
        return new Lines() {
            @Override
            public void write(PlatformApi.FeedItem item) throws IOException {
                for (int i = 0; i < FIELDS.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(csvValue(value(FIELDS[i], item)));
                }
                w.write('\n');
            }

            @Override
            public void close() throws IOException {
                w.flush();
            }
        };
    }

    private static Object value(RecordComponent field, PlatformApi.FeedItem item) {
        try {
            return field.getAccessor().invoke(item);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read feed item field " + field.getName(), e);
        }
    }

    /** A CSV cell: empty for null, quoted only when it holds a comma, quote or line break (hashes never do). */
    private static String csvValue(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
