package org.takeitdown.portal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.takeitdown.hasher.md5.Md5;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.Engine;

/** Files chosen on the open hash page and waited for until every row has its result. */
public final class HashPage {
    private HashPage() {
    }

    /** Waits for the open hash page's hasher, picks one picture and waits until it is hashed (not sent). */
    public static void pickOnePicture(Engine e) {
        e.waitFor("!document.getElementById('hasher').hidden", Duration.ofSeconds(10), "the hasher shows");
        e.setFiles("#file-input", List.of(Vectors.file("pdq/images/misc-images/c.png")));
        e.waitFor("document.querySelector('#file-list details')", Duration.ofSeconds(60), "the picture is hashed");
    }

    /** Picks one picture on the open hash page ({@link #pickOnePicture}) and sends it; the receipt is showing when this returns. */
    public static void sendOnePicture(Engine e) {
        pickOnePicture(e);
        e.click("#submit-hashes");
        e.waitFor("!document.getElementById('receipt').hidden", Duration.ofSeconds(30), "the receipt shows");
    }

    /** Dispatches a cancelable beforeunload event, as leaving would, and answers whether the page held it back. */
    public static boolean leavingIsHeldBack(Engine e) {
        return (Boolean) e.js("const ev = new Event('beforeunload', {cancelable: true});"
                + " window.dispatchEvent(ev); return ev.defaultPrevented;");
    }

    /**
     * Chooses {@code files} and waits, at most {@code within}, until each is hashed or marked ({@code what} names the
     * wait). The files must differ in content: the page lists a file picked twice once ({@link #distinct}).
     */
    static void hashAll(Engine engine, List<Path> files, Duration within, String what) {
        if (distinct(files, f -> f).size() != files.size()) {
            throw new IllegalArgumentException("Two of these files have the same bytes, and the page lists such a file"
                    + " once; choose HashPage.distinct(files) instead: " + files);
        }
        engine.setFiles("#file-input", files);
        engine.waitFor("document.querySelectorAll('#file-list li details').length"
                + " + document.querySelectorAll('#file-list li .state.error, #file-list li .state.left-out').length >= "
                + files.size(),
                within, what);
    }

    /**
     * The list's rows, in order: each file's {@code md5}, {@code pdq}, the {@code build} that computed the PDQ
     * ({@code wasm} or {@code js}) and how the image was {@code decode}d ({@code untagged-jpeg} or
     * {@code unmanaged}), null where the row has none.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Engine engine) {
        return (List<Map<String, Object>>) engine.js("return Array.from("
                + "document.querySelectorAll('#file-list li'), li => ({"
                + " md5: (li.querySelector('code.md5') || {}).textContent || null,"
                + " pdq: (li.querySelector('code.pdq') || {}).textContent || null,"
                + " build: (li.querySelector('code.pdq') || {dataset: {}}).dataset.build || null,"
                + " decode: (li.querySelector('code.pdq') || {dataset: {}}).dataset.decode || null}));");
    }

    /**
     * Chooses {@code files} in a file input of its own, {@code id}, put at the top of the open page, for a script of the
     * test to read from it ({@code document.getElementById(id).files}) without the page's own list seeing them.
     */
    static void chooseInOwnInput(Engine engine, String id, List<Path> files) {
        engine.js("const i = document.createElement('input'); i.type = 'file'; i.multiple = true; i.id = arguments[0];"
                + " document.body.prepend(i); return null;", id);
        engine.setFiles("#" + id, files);
    }

    /** {@code items} without those whose file has the same bytes (the same MD5) as an earlier one's, in order. */
    static <T> List<T> distinct(List<T> items, Function<T, Path> file) {
        Set<String> seen = new HashSet<>();
        return items.stream().filter(item -> seen.add(md5(file.apply(item)))).toList();
    }

    /** The hex MD5 of {@code file}'s bytes. */
    static String md5(Path file) {
        try {
            return Md5.hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
