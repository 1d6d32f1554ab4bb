package org.trilateral.exchange.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies between the server's packages, from the HTTP edge down to the kernel every feature
 * shares. A dependency that runs up the layers, or any cycle between packages, fails the build.
 *
 * <pre>
 * edge          web, security, dev        the TAXII edge, the filter chains, the development identity provider
 * features      reference, manifest, discovery, transparency, retention, oprf, screening, delivery, advisory
 * objects       object                    reads, ingest, deletion of STIX objects
 * support       status, keys              status resources, members' signing keys
 * collections   collection                the API root's collections and the typed TAXII request
 * kernel        access, ledger, member    the read rule, the transparency log, the member registry
 * foundation    error, taxii, database    refusals and their rendering, the TAXII protocol kernel, PostgreSQL
 * </pre>
 */
class PackageBoundariesTest {

    private static final String ROOT = "org.trilateral.exchange";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    @Test
    void layersWhenAnyDependencyRunsUpThenFail() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("edge").definedBy(pkg("web"), pkg("security"), pkg("dev"), pkg("operations"), pkg("ratelimit"), pkg("apidoc"))
                .layer("features").definedBy(pkg("reference"), pkg("manifest"), pkg("discovery"), pkg("transparency"), pkg("retention"),
                        pkg("oprf"), pkg("screening"), pkg("delivery"), pkg("advisory"))
                .layer("objects").definedBy(pkg("object"))
                .layer("support").definedBy(pkg("status"), pkg("keys"))
                .layer("collections").definedBy(pkg("collection"))
                .layer("kernel").definedBy(pkg("access"), pkg("ledger"), pkg("member"))
                .layer("foundation").definedBy(pkg("error"), pkg("taxii"), pkg("database"))
                .whereLayer("edge").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayOnlyBeAccessedByLayers("edge")
                .whereLayer("objects").mayOnlyBeAccessedByLayers("edge", "features")
                .whereLayer("support").mayOnlyBeAccessedByLayers("edge", "features", "objects")
                .whereLayer("collections").mayOnlyBeAccessedByLayers("edge", "features", "objects", "support")
                .whereLayer("kernel").mayOnlyBeAccessedByLayers("edge", "features", "objects", "support", "collections")
                .whereLayer("foundation")
                .mayOnlyBeAccessedByLayers("edge", "features", "objects", "support", "collections", "kernel")
                .check(CLASSES);
    }

    @Test
    void packagesWhenTheyDependOnEachOtherInACircleThenFail() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void domainWhenItUsesHttpTypesThenFail() {
        // Domain operations throw Refusal; only a feature's HTTP adapters (handlers, routes, JSON forms) and the edge
        // speak HTTP.
        noClasses().that().resideInAnyPackage(pkg("access"), pkg("ledger"), pkg("member"), pkg("keys"), pkg("object"),
                        pkg("status"))
                .and().haveSimpleNameNotEndingWith("Handler")
                .and().haveSimpleNameNotEndingWith("Routes")
                .and().haveSimpleNameNotEndingWith("Json")
                .and().doNotHaveSimpleName("PathMember")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                        "org.springframework.web..")
                .check(CLASSES);
    }

    @Test
    void refusalWhenItNamesAnHttpStatusThenFail() {
        noClasses().that().haveFullyQualifiedName(ROOT + ".error.Refusal")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(CLASSES);
    }
}
