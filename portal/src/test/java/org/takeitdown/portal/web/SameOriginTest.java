package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cross-site rule and origin comparison, without a server. */
class SameOriginTest {
    private static final String OWN = "https://takeitdown.example";

    @Test
    void secFetchSiteDecidesWhenSent() {
        assertThat(SameOrigin.allows("same-origin", null, OWN)).isTrue();
        assertThat(SameOrigin.allows("none", null, OWN)).isTrue();
        assertThat(SameOrigin.allows("same-site", OWN, OWN)).isFalse();
        assertThat(SameOrigin.allows("cross-site", OWN, OWN)).isFalse();
        assertThat(SameOrigin.allows("something-new", OWN, OWN)).isFalse();
    }

    @Test
    void withoutSecFetchSiteTheOriginMustBeTheSitesOwn() {
        assertThat(SameOrigin.allows(null, "https://takeitdown.example", OWN)).isTrue();
        assertThat(SameOrigin.allows(null, "HTTPS://TakeItDown.example:443", OWN)).isTrue();
        assertThat(SameOrigin.allows(null, "http://takeitdown.example", OWN)).isFalse();
        assertThat(SameOrigin.allows(null, "https://takeitdown.example:8443", OWN)).isFalse();
        assertThat(SameOrigin.allows(null, "https://evil.example", OWN)).isFalse();
        assertThat(SameOrigin.allows(null, "https://takeitdown.example.evil.example", OWN)).isFalse();
        assertThat(SameOrigin.allows(null, "null", OWN)).isFalse();
        assertThat(SameOrigin.allows(null, "", OWN)).isFalse();
        assertThat(SameOrigin.allows(null, "https://evil.example", null)).isFalse();
    }

    @Test
    void aRequestWithNeitherHeaderIsNotFromABrowserFormAndPasses() {
        assertThat(SameOrigin.allows(null, null, OWN)).isTrue();
    }

    @Test
    void originsCompareInOneForm() {
        assertThat(Origins.normalize("HTTP://LocalHost:80")).contains("http://localhost");
        assertThat(Origins.normalize("https://a.example:443/")).contains("https://a.example");
        assertThat(Origins.normalize("http://[::1]:8080")).contains("http://[::1]:8080");
        assertThat(Origins.normalize("https://a.example/path")).isEmpty();
        assertThat(Origins.normalize("https://user@a.example")).isEmpty();
        assertThat(Origins.normalize("ftp://a.example")).isEmpty();
        assertThat(Origins.normalize("null")).isEmpty();
        assertThat(Origins.normalize("not an origin")).isEmpty();
        assertThat(Origins.of("http", "127.0.0.1:8080")).contains("http://127.0.0.1:8080");
        assertThat(Origins.of("http", null)).isEmpty();
    }

    @Test
    void aMalformedPublicOriginStopsTheStart() {
        assertThatThrownBy(() -> new SameOrigin(site("takeitdown.example"))).hasMessageContaining("public-origin");
        assertThatThrownBy(() -> new SameOrigin(site("https://takeitdown.example/portal")))
                .hasMessageContaining("public-origin");
        new SameOrigin(site("https://takeitdown.example"));
        new SameOrigin(site(""));
    }

    private static SiteConfig site(String publicOrigin) {
        return new SiteConfig() {
            @Override
            public String quickExitUrl() {
                return "https://example.org";
            }

            @Override
            public Optional<String> publicOrigin() {
                return Optional.of(publicOrigin);
            }
        };
    }
}
