package org.trilateral.integrity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The integrity code (RFC 8785, JWS, RFC 9162 Merkle trees, checkpoints) stands on its own: it knows nothing of the
 * STIX model or the exchange's taxonomy, so a verifier can take it without them.
 */
class IntegrityBoundaryTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.trilateral");

    @Test
    void integrityWhenItDependsOnTheTaxonomyThenFail() {
        noClasses().that().resideInAPackage("org.trilateral.integrity..")
                .should().dependOnClassesThat().resideInAPackage("org.trilateral.taxonomy..")
                .check(MAIN);
    }

    @Test
    void integrityPackagesWhenTheyDependOnEachOtherInACircleThenFail() {
        slices().matching("org.trilateral.integrity.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
