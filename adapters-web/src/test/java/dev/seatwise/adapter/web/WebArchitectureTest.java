package dev.seatwise.adapter.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The web adapter's boundary (STYLE.md section 5). */
@AnalyzeClasses(packages = "dev.seatwise", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

  @ArchTest
  static final ArchRule web_never_depends_on_the_cli =
      noClasses()
          .that()
          .resideInAPackage("..adapter.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..adapter.cli..")
          .because("the two front ends share code only through adapters-json and adapters-files");

  @ArchTest
  static final ArchRule only_config_uses_services =
      noClasses()
          .that()
          .resideInAPackage("..adapter.web..")
          .and()
          .resideOutsideOfPackage("..adapter.web.config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..application.service..")
          .because("handlers drive inbound ports; the composition root alone wires services");

  @ArchTest
  static final ArchRule only_config_knows_the_file_adapters =
      noClasses()
          .that()
          .resideInAPackage("..adapter.web..")
          .and()
          .resideOutsideOfPackage("..adapter.web.config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..adapter.files..")
          .because("how uploads are parsed is the composition root's choice, not the handlers'");

  @ArchTest
  static final ArchRule no_standard_streams_in_web =
      noClasses()
          .that()
          .resideInAPackage("..adapter.web..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because("the server logs through slf4j");

  @ArchTest
  static final ArchRule no_generic_exceptions_in_web =
      noClasses()
          .that()
          .resideInAPackage("..adapter.web..")
          .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
          .because("failures carry their meaning to the problem translator");

  @ArchTest
  static final ArchRule no_java_util_logging_in_web =
      noClasses()
          .that()
          .resideInAPackage("..adapter.web..")
          .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
          .because("one logging API: slf4j");
}
