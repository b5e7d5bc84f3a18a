package org.takeitdown.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The portal's structure rules, checked on the compiled classes. */
class ArchitectureTest {
    /** The tags that say where a Quarkus test runs; {@code .ci/run} selects "database" for PostgreSQL. */
    static final Set<String> WHERE_TESTS_RUN = Set.of("database", "embedded", "browser");

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.takeitdown.portal");
    private final JavaClasses tests = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("org.takeitdown.portal");

    private static final String ROOT = "org.takeitdown.portal";

    @Test
    void resourcesNeverCallStores() {
        ArchitectureRules.resourcesNeverCallStores().check(main);
    }

    @Test
    void storesNeverTouchWebTypes() {
        ArchitectureRules.storesNeverTouchWebTypes(ROOT).check(main);
    }

    @Test
    void onlyStoresReachTheDatabase() {
        ArchitectureRules.onlyStoresReachTheDatabase(ROOT).check(main);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(main);
    }

    @Test
    void theMatchIndexDependsOnlyOnJavaAndTheHasher() {
        classes().that().resideInAPackage("..portal.platform.index..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.takeitdown.portal.platform.index..", "org.takeitdown.hasher..")
                .check(main);
    }

    @Test
    void everyQuarkusTestSaysWhichDatabasesItRunsOn() {
        classes().that().areAnnotatedWith(QuarkusTest.class)
                .should(new ArchCondition<JavaClass>("be tagged " + WHERE_TESTS_RUN
                        + " (\"database\" tests run on H2 and again on PostgreSQL in .ci/run)") {
                    @Override
                    public void check(JavaClass test, ConditionEvents events) {
                        boolean tagged = test.tryGetAnnotationOfType(Tag.class)
                                .map(t -> WHERE_TESTS_RUN.contains(t.value())).orElse(false);
                        events.add(new SimpleConditionEvent(test, tagged,
                                test.getName() + (tagged ? " is tagged" : " has no @Tag of " + WHERE_TESTS_RUN)));
                    }
                })
                .check(tests);
    }
}
