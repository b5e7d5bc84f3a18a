package org.takeitdown.portal.web;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Test only: the JAX-RS resource methods of the portal's main classes, found by reflection over the compiled classes. */
public final class Endpoints {
    /** One resource method: its HTTP method and path template ("POST /api/admin/platforms/{id}/rotate"). */
    public record Endpoint(Class<?> resource, Method method, String verb, String path) {
        public String name() {
            return verb + " " + path;
        }

        /** Whether a sign-in guards it: {@code @RolesAllowed} or {@code @DenyAll} on it or its class, not lifted by {@code @PermitAll}. */
        public boolean secured() {
            if (method.isAnnotationPresent(PermitAll.class)) {
                return false;
            }
            return method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(DenyAll.class)
                    || (!resource.isAnnotationPresent(PermitAll.class) && (resource.isAnnotationPresent(RolesAllowed.class)
                    || resource.isAnnotationPresent(DenyAll.class)));
        }

        /** The first media type it consumes, or null when it declares none. */
        public String consumes() {
            Consumes c = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                    : resource.getAnnotation(Consumes.class);
            return c == null || c.value().length == 0 ? null : c.value()[0];
        }

        /**
         * Sends {@code request} here, path parameters set to 1, with a body of the type it consumes that it could
         * not read (malformed JSON, an empty multipart form), so that an answer given before the body is read shows.
         */
        public Response send(RequestSpecification request) {
            String type = consumes();
            RequestSpecification r = request;
            if (MediaType.APPLICATION_JSON.equals(type)) {
                r = r.contentType(type).body("{not json");
            } else if (MediaType.MULTIPART_FORM_DATA.equals(type)) {
                r = r.contentType(type + "; boundary=x").body("--x".getBytes(StandardCharsets.UTF_8));
            } else if (type != null) {
                r = r.contentType(type).body("not a body");
            }
            return r.request(verb, path.replaceAll("\\{[^}]+}", "1"));
        }
    }

    private Endpoints() {
    }

    /** Every resource method of every class under {@code org.takeitdown.portal} in the main classes, by name. */
    public static List<Endpoint> all() {
        try {
            var source = CrossSiteFilter.class.getProtectionDomain().getCodeSource();
            java.nio.file.Path classes = source != null && source.getLocation().getProtocol().equals("file")
                    ? java.nio.file.Path.of(source.getLocation().toURI()) : java.nio.file.Path.of("target", "classes");
            if (!Files.exists(classes.resolve("org/takeitdown/portal/web/CrossSiteFilter.class"))) {
                throw new IllegalStateException("the portal's classes are not in " + classes);
            }
            List<Class<?>> found = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
                for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                    try {
                        found.add(Class.forName(name, false, CrossSiteFilter.class.getClassLoader()));
                    } catch (ClassNotFoundException | LinkageError e) {
                        continue;
                    }
                }
            }
            return of(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resource methods of {@code classes} (those with {@code @Path}), by name. */
    public static List<Endpoint> of(Collection<Class<?>> classes) {
        List<Endpoint> found = new ArrayList<>();
        for (Class<?> c : classes) {
            Path base = c.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                String verb = DeclaredMediaTypes.verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                found.add(new Endpoint(c, m, verb, DeclaredMediaTypes.path(base.value(), sub == null ? null : sub.value())));
            }
        }
        found.sort(Comparator.comparing(Endpoint::name));
        return found;
    }
}
