package org.takeitdown.hasher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.takeitdown.hasher");

    @Test
    void algorithmPackagesDependOnlyOnJavaAndEachOther() {
        classes().that().resideInAnyPackage("..hasher.md5..", "..hasher.pdq..", "..hasher.hex..", "..hasher.vpdq..",
                        "..hasher.rules..", "..hasher.video..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.takeitdown.hasher.md5..", "org.takeitdown.hasher.pdq..",
                        "org.takeitdown.hasher.hex..", "org.takeitdown.hasher.vpdq..", "org.takeitdown.hasher.rules..",
                        "org.takeitdown.hasher.video..")
                .check(main);
    }

    @Test
    void algorithmPackagesAvoidAwtImageIoAndTeaVm() {
        classes().that().resideInAnyPackage("..hasher.md5..", "..hasher.pdq..", "..hasher.hex..", "..hasher.vpdq..",
                        "..hasher.rules..", "..hasher.video..")
                .should().onlyDependOnClassesThat()
                .resideOutsideOfPackages("java.awt..", "javax..", "org.teavm..")
                .check(main);
    }
}
