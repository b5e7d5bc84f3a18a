package org.takeitdown.portal.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import org.junit.jupiter.api.Test;

/** The platform package reaches its tables through its stores only. */
class PlatformStoresArchitectureTest {
    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.takeitdown.portal.platform");

    /** Stores (nested types included), and the entities' own mapping. */
    private static final DescribedPredicate<JavaClass> STORES_AND_MAPPINGS = DescribedPredicate.describe(
            "stores and their mappings", c -> c.getName().matches(".*\\.[A-Za-z]+Store(\\$.*)?")
                    || c.isAssignableTo(PanacheEntityBase.class) || c.isAssignableTo(AttributeConverter.class));

    @Test
    void onlyStoresUseJdbcAgroalJpaOrEntities() {
        noClasses().that().resideInAPackage("org.takeitdown.portal.platform..").and(DescribedPredicate.not(STORES_AND_MAPPINGS))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..",
                        "jakarta.persistence..", "io.quarkus.hibernate.orm..")
                .orShould().dependOnClassesThat().areAssignableTo(PanacheEntityBase.class)
                .check(main);
    }
}
