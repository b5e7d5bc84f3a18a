package org.takeitdown.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Each structure rule of {@link ArchitectureTest} fails on the violation planted for it in {@code planted}. */
class ArchitectureRulesTest {
    private static final String PLANTED = "org.takeitdown.portal.planted";
    private final JavaClasses planted = new ClassFileImporter().importPackages(PLANTED);

    @Test
    void aResourceCallingAStoreBreaksTheResourceRule() {
        assertViolated(ArchitectureRules.resourcesNeverCallStores().evaluate(planted), "PlantedResource");
    }

    @Test
    void aStoreAnsweringInWebTypesBreaksTheStoreRule() {
        EvaluationResult result = ArchitectureRules.storesNeverTouchWebTypes(PLANTED).evaluate(planted);
        assertViolated(result, "jakarta.ws.rs.core.Response");
        assertViolated(result, "PlantedProblem");
    }

    @Test
    void aServiceRunningSqlBreaksTheDatabaseRule() {
        EvaluationResult result = ArchitectureRules.onlyStoresReachTheDatabase(PLANTED).evaluate(planted);
        assertViolated(result, "PlantedService");
        assertThat(result.getFailureReport().getDetails()).noneMatch(d -> d.startsWith("Method <" + PLANTED + ".alpha.PlantedStore"));
    }

    @Test
    void twoFeaturesDependingOnEachOtherBreakTheCycleRule() {
        EvaluationResult result = ArchitectureRules.noCyclesBetweenFeatures(PLANTED).evaluate(planted);
        assertViolated(result, "alpha");
        assertViolated(result, "beta");
    }

    private static void assertViolated(EvaluationResult result, String mentioned) {
        assertThat(result.hasViolation()).as("the rule is violated").isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(mentioned);
    }
}
