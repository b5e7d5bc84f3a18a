package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.takeitdown.portal.web.engine.Engine;

/** What the hash page shows of a video in a row of its file list: the decoder it used and the vPDQ frames. */
final class PageVideos {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VPDQ = "const c = document.querySelectorAll('#file-list li')[arguments[0]]"
            + ".querySelector('code.vpdq');";

    private PageVideos() {
    }

    /** Which way the page decoded the video of row {@code row}: {@code webcodecs-yuv}, {@code webcodecs-canvas}, {@code webcodecs-mixed} or {@code element}. */
    static String decoder(Engine engine, int row) {
        return (String) engine.js(VPDQ + " return c ? c.dataset.decoder : null;", row);
    }

    /** The frames the page shows for row {@code row}, as {t, pdq, q} objects; fails where the row has no vPDQ. */
    static List<JsonNode> frames(Engine engine, int row) throws IOException {
        String json = (String) engine.js(VPDQ + " return c ? c.dataset.frames : null;", row);
        assertThat(json).as("row %d has vPDQ", row).isNotNull();
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(json).forEach(out::add);
        return out;
    }
}
