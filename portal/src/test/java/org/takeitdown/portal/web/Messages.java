package org.takeitdown.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The language files and the offered languages as the tests read them: from the classpath, as the build does. */
public final class Messages {
    private Messages() {
    }

    /** The offered languages, in the order of {@code quarkus.locales} in application.properties. */
    public static List<String> tags() {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/application.properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.stream(p.getProperty("quarkus.locales").split(",")).map(String::strip).toList();
    }

    /** The tags of every {@code messages/msg_<tag>.properties} on the classpath. */
    public static List<String> files() {
        TreeSet<String> tags = new TreeSet<>();
        try {
            for (URL dir : Collections.list(Messages.class.getClassLoader().getResources("messages"))) {
                try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.matches("msg_.+\\.properties"))
                            .forEach(n -> tags.add(n.substring(4, n.length() - ".properties".length())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(tags);
    }

    /**
     * The message bundles, each a file per language: {@code msg} (the people's pages, {@link Msg}) and {@code admin}
     * (the operator's page, {@code admin.AdminMsg}).
     */
    public static final List<String> BUNDLES = List.of("msg", "admin");

    /** One language's messages by key, of every bundle, in file order. */
    public static Map<String, String> of(String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String bundle : BUNDLES) {
            out.putAll(of(bundle, tag));
        }
        return out;
    }

    /** One language's messages of one bundle by key, in file order. */
    public static Map<String, String> of(String bundle, String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(bundle, tag)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            out.put(line.substring(0, eq), line.substring(eq + 1).replace("\\\\", "\\"));
        }
        return out;
    }

    /** The bundle file's first lines, its comments before the first message. */
    public static String header(String bundle, String tag) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(bundle, tag)) {
            if (!line.startsWith("#")) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static List<String> lines(String bundle, String tag) {
        String name = "messages/" + bundle + "_" + tag + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + name + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
