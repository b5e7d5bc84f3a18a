package org.takeitdown.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

/** The portal's structure rules, built for a root package so each can be shown failing on planted classes. */
final class ArchitectureRules {
    /** What reaching the database directly means: JDBC, the connection pool, JPA and Panache. */
    private static final String[] DATABASE = {"java.sql..", "javax.sql..", "io.agroal..", "jakarta.persistence..",
        "io.quarkus.hibernate.orm.."};
    /** The web layer's types, which stores never see. */
    private static final String[] WEB = {"jakarta.ws.rs..", "org.jboss.resteasy..", "io.quarkus.qute..", "io.vertx..",
        "io.quarkus.vertx.."};

    private ArchitectureRules() {
    }

    /** Resources call services, never a store. */
    static ArchRule resourcesNeverCallStores() {
        return noClasses().that().areAnnotatedWith(Path.class).or().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .because("resources stay thin: they call services, which own the transactions and call stores");
    }

    /** Stores answer in records and values, never in web types. */
    static ArchRule storesNeverTouchWebTypes(String root) {
        return noClasses().that().haveSimpleNameEndingWith("Store")
                .should().dependOnClassesThat().resideInAnyPackage(WEB)
                .orShould().dependOnClassesThat().resideInAPackage(root + ".web..")
                .because("a store answers in records and values; services turn them into problems and pages");
    }

    /** A store, or a type nested in one (its row records and binders). */
    private static final DescribedPredicate<JavaClass> STORES = DescribedPredicate.describe("stores (nested types included)",
            c -> c.getName().matches(".*\\.[A-Za-z]+Store(\\$.*)?"));

    /** Only stores (with the shared db package and the entities' own mapping) reach the database. */
    static ArchRule onlyStoresReachTheDatabase(String root) {
        return noClasses().that(DescribedPredicate.not(STORES))
                .and().resideOutsideOfPackage(root + ".db..")
                .and().areNotAnnotatedWith(Entity.class)
                .and().areNotAssignableTo(AttributeConverter.class)
                .should().dependOnClassesThat().resideInAnyPackage(DATABASE)
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .because("one way to reach each table: its store");
    }

    /** Feature packages depend on each other in one direction only. */
    static ArchRule noCyclesBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }
}
