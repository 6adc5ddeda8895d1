package org.mtrl.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency direction of the modules: api <- plugins, api <- core <- app; runner plugins on core. */
class ArchitectureTest {
    private static JavaClasses mtrl;

    @BeforeAll
    static void importClasses() {
        mtrl = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mtrl");
    }

    @Test
    void apiDependsOnTheJdkAlone() {
        classes().that().resideInAPackage("org.mtrl.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.mtrl.api..", "java..")
                .check(mtrl);
    }

    @Test
    void coreDependsOnNoPluginAndNotOnTheApp() {
        noClasses().that().resideInAPackage("org.mtrl.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mtrl.plugins..", "org.mtrl.app..")
                .check(mtrl);
    }

    @Test
    void noPluginDependsOnAnotherPlugin() {
        slices().matching("org.mtrl.plugins.(*)..").should().notDependOnEachOther().check(mtrl);
    }

    @Test
    void theAppDoesNotCompileAgainstPlugins() {
        noClasses().that().resideInAPackage("org.mtrl.app..")
                .should().dependOnClassesThat().resideInAPackage("org.mtrl.plugins..")
                .check(mtrl);
    }

    /**
     * The built-in component plugins use only the api, exactly like a third-party plugin (whose jar
     * cannot see core at all). The Spark runner is a runner plugin, extending core's sweep machinery, and
     * may use core.
     */
    @Test
    void componentPluginsUseOnlyTheApi() {
        noClasses().that().resideInAnyPackage("org.mtrl.plugins.subspace..", "org.mtrl.plugins.relu..",
                        "org.mtrl.plugins.multitask..", "org.mtrl.plugins.baselines..", "org.mtrl.plugins.probes..")
                .should().dependOnClassesThat().resideInAPackage("org.mtrl.core..")
                .check(mtrl);
    }

    @Test
    void pluginsDoNotUseGuice() {
        noClasses().that().resideInAPackage("org.mtrl.plugins..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "org.mtrl.app..")
                .check(mtrl);
    }
}
