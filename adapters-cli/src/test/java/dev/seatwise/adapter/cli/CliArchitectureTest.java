package dev.seatwise.adapter.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

// Only the CLI's own classes are imported (the rules are about them), and missing dependencies are
// not
// resolved from the class path (src/test/resources/archunit.properties): this keeps the test fast.
@AnalyzeClasses(
    packages = "dev.seatwise.adapter.cli",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class CliArchitectureTest {
  @ArchTest
  static final ArchRule cli_never_depends_on_web =
      noClasses()
          .that()
          .resideInAPackage("..adapter.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..adapter.web..")
          .because("the two front ends share adapters-json and never each other");

  @ArchTest
  static final ArchRule adapters_use_services_only_from_config =
      noClasses()
          .that()
          .resideInAPackage("..adapter..")
          .and()
          .resideOutsideOfPackage("..adapter.*.config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..application.service..")
          .because("only the composition root builds services; commands see use cases");

  @ArchTest
  static final ArchRule only_config_touches_the_file_adapters =
      noClasses()
          .that()
          .resideInAPackage("..adapter.cli..")
          .and()
          .resideOutsideOfPackage("..adapter.cli.config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..adapter.files..")
          .because(
              "commands reach the data through use cases; the composition root picks the adapters");

  @ArchTest
  static final ArchRule the_generator_is_independent_of_the_commands =
      noClasses()
          .that()
          .resideInAPackage("..adapter.cli.generate..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("picocli..", "..application..", "..adapter.json..")
          .because("generate's writers are plain code the benchmark module can drive directly");
}
