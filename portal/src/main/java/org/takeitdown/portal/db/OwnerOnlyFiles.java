package org.takeitdown.portal.db;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The embedded database holds the server secret (unless {@code PORTAL_SECRET_VALUE} is set) and every case, so its
 * directory and files are the portal user's alone. Created with the datasource, before its first connection,
 * this makes the data directory {@code 0700} when it is missing (H2 would make it with the umask, usually
 * {@code 0755}) or when it holds nothing but this database's files; a directory shared with other files is
 * left as it is, with a warning. Once the first connection has opened the file, the database's files are made
 * {@code 0600}. Does nothing for PostgreSQL, in-memory databases or file systems without POSIX permissions.
 */
@Singleton
public class OwnerOnlyFiles implements AgroalPoolInterceptor {
    private static final Logger LOG = Logger.getLogger(OwnerOnlyFiles.class);
    private static final String H2_FILE = "jdbc:h2:file:";
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path database;
    private final AtomicBoolean filesDone = new AtomicBoolean();

    public OwnerOnlyFiles(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.database = databaseFile(url);
        if (database != null) {
            prepareDirectory(database.toAbsolutePath().getParent());
        }
    }

    /** The database's path without H2's {@code .mv.db}, or null when the URL is not an H2 file on a POSIX system. */
    static Path databaseFile(String url) {
        if (url == null || !url.startsWith(H2_FILE)
                || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return null;
        }
        String rest = url.substring(H2_FILE.length());
        int options = rest.indexOf(';');
        return Path.of(options < 0 ? rest : rest.substring(0, options));
    }

    private void prepareDirectory(Path dir) {
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, OWNER_DIR);
            } else if (!Files.getPosixFilePermissions(dir).equals(OWNER_DIR)) {
                if (onlyDatabaseFiles(dir)) {
                    Files.setPosixFilePermissions(dir, OWNER_DIR);
                } else {
                    LOG.warn("The data directory holds other files and is open to other users: make it the "
                            + "portal's alone (chmod 700)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory", e);
        }
    }

    private boolean onlyDatabaseFiles(Path dir) throws IOException {
        String prefix = database.getFileName() + ".";
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(p -> p.getFileName().toString().startsWith(prefix) && Files.isRegularFile(p));
        }
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        if (database != null && filesDone.compareAndSet(false, true)) {
            Path dir = database.toAbsolutePath().getParent();
            String prefix = database.getFileName() + ".";
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    if (p.getFileName().toString().startsWith(prefix) && Files.isRegularFile(p)) {
                        Files.setPosixFilePermissions(p, OWNER_FILE);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make the database files the portal's alone", e);
            }
        }
    }
}
