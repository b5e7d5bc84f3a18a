package org.takeitdown.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media types each resource method declares it consumes and produces, by HTTP method and path, read
 * once from the annotations of the application's resource classes. The framework refuses a request with
 * 406 or 415 while routing, before any method is chosen (so {@code ResourceInfo} is empty then); this finds
 * the methods the request was meant for, so the refusal can name what they take and give.
 */
@ApplicationScoped
public class DeclaredMediaTypes {
    /** A template variable, {@code {name}} or {@code {name: regex}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private record Route(String verb, Pattern path, List<String> consumes, List<String> produces) {
    }

    private final List<Route> routes;

    public DeclaredMediaTypes(BeanManager beans) {
        List<Route> found = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (type.isAnnotationPresent(Path.class) && seen.add(type)) {
                addRoutes(type, found);
            }
        }
        this.routes = List.copyOf(found);
    }

    private static void addRoutes(Class<?> resource, List<Route> into) {
        String base = resource.getAnnotation(Path.class).value();
        for (Method m : resource.getMethods()) {
            String verb = verb(m);
            if (verb == null) {
                continue;
            }
            Path sub = m.getAnnotation(Path.class);
            Pattern path = pattern(path(base, sub == null ? null : sub.value()));
            into.add(new Route(verb, path, types(m, resource, Consumes.class), types(m, resource, Produces.class)));
        }
    }

    /** The HTTP method {@code m} answers ({@code GET}, {@code POST}, …), or null for a method that answers none. */
    static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    /**
     * The path template of a method with {@code sub} (null when it has no {@code @Path}) in a resource at
     * {@code base}, as the framework joins them: one leading slash, slashes collapsed, none at the end.
     */
    public static String path(String base, String sub) {
        String t = ("/" + base + (sub == null ? "" : "/" + sub)).replaceAll("/+", "/");
        return t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    /** A {@link #path} template as a pattern: variables match one segment or their own regex. */
    static Pattern pattern(String t) {
        StringBuilder regex = new StringBuilder();
        Matcher v = VARIABLE.matcher(t);
        int at = 0;
        while (v.find()) {
            regex.append(Pattern.quote(t.substring(at, v.start())));
            regex.append(v.group(1) == null ? "[^/]+" : "(?:" + v.group(1).strip() + ")");
            at = v.end();
        }
        regex.append(Pattern.quote(t.substring(at))).append("/?");
        return Pattern.compile(regex.toString());
    }

    private static List<String> types(Method m, Class<?> resource, Class<? extends Annotation> kind) {
        String[] declared = declared(m, kind);
        if (declared == null) {
            declared = declared(resource, kind);
        }
        List<String> out = new ArrayList<>();
        for (String value : declared == null ? new String[0] : declared) {
            for (String one : value.split(",")) {
                if (!one.isBlank()) {
                    out.add(one.strip());
                }
            }
        }
        return out;
    }

    private static String[] declared(AnnotatedElement on, Class<? extends Annotation> kind) {
        Annotation a = on.getAnnotation(kind);
        if (a instanceof Consumes c) {
            return c.value();
        }
        if (a instanceof Produces p) {
            return p.value();
        }
        return null;
    }

    /** What the methods at {@code path} answering {@code verb} consume, in declaration order; empty when none says. */
    public List<String> consumes(String verb, String path) {
        return collect(verb, path, false);
    }

    /** What the methods at {@code path} answering {@code verb} produce, in declaration order; empty when none says. */
    public List<String> produces(String verb, String path) {
        return collect(verb, path, true);
    }

    private List<String> collect(String verb, String path, boolean produces) {
        Set<String> out = new LinkedHashSet<>();
        if (verb == null || path == null) {
            return List.of();
        }
        for (Route r : routes) {
            if (r.verb.equalsIgnoreCase(verb) && r.path.matcher(path).matches()) {
                out.addAll(produces ? r.produces : r.consumes);
            }
        }
        return List.copyOf(out);
    }
}
