package org.takeitdown.portal.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins ({@code scheme://host[:port]}, RFC 6454) in one comparable form: lower case, default
 * port (80 for http, 443 for https) left out. Anything else (a path, user info, {@code null}) is no origin.
 */
public final class Origins {
    private Origins() {
    }

    public static Optional<String> normalize(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        try {
            URI u = new URI(origin.strip());
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/");
            if (!("http".equals(scheme) || "https".equals(scheme)) || u.getHost() == null || u.getRawUserInfo() != null
                    || !bare || u.getRawQuery() != null || u.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = u.getPort();
            boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The origin of {@code scheme} and a {@code Host} value ({@code host[:port]}), if they make one. */
    public static Optional<String> of(String scheme, String host) {
        if (scheme == null || host == null || host.isBlank()) {
            return Optional.empty();
        }
        return normalize(scheme + "://" + host.strip());
    }
}
