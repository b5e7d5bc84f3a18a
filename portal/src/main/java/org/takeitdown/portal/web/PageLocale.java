package org.takeitdown.portal.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives every template made during a request the language {@link Page} picked, so no resource sets a locale;
 * a template made outside a request gets the default language.
 */
@ApplicationScoped
public class PageLocale {
    void configure(@Observes EngineBuilder builder, Page page, Languages languages) {
        builder.addTemplateInstanceInitializer(instance -> instance.setLocale(
                Arc.container().requestContext().isActive() ? page.locale() : languages.fallback().locale()));
    }
}
