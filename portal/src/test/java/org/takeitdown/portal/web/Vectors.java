package org.takeitdown.portal.web;

import java.nio.file.Path;

/** The shared test vectors (../shared/vectors, passed by the root POM as {@code vectors.dir}). */
public final class Vectors {
    private Vectors() {
    }

    /** A file under the vectors folder, e.g. {@code pdq/images/misc-images/c.png}, as an absolute path. */
    public static Path file(String name) {
        return Path.of(System.getProperty("vectors.dir", "../../shared/vectors")).resolve(name).toAbsolutePath().normalize();
    }
}
