/**
 * Deliberate violations of the portal's structure rules, one per rule, so {@code ArchitectureRulesTest} can show
 * each rule failing. Plain classes only (no CDI or JAX-RS annotation), so no Quarkus test ever serves them.
 */
package org.takeitdown.portal.planted;
