package io.neckbeard;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of docs/architecture.md, checked on core's compiled classes. */
@AnalyzeClasses(packages = "io.neckbeard", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    /** Each top-level package (with its subpackages) builds only on lower ones: the map in docs/architecture.md. */
    @ArchTest
    static final ArchRule topLevelPackagesHaveNoCycles = slices().matching("io.neckbeard.(*)..")
            .should().beFreeOfCycles();

    /** The CLI owns picocli; the AWS modules own the SDKs, so a command that needs no AWS loads none of it. */
    @ArchTest
    static final ArchRule coreUsesNeitherPicocliNorAws = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "software.amazon..", "com.amazonaws..");
}
