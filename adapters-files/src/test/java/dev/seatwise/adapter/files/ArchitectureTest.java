package dev.seatwise.adapter.files;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "dev.seatwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule files_adapter_never_depends_on_the_front_ends =
      noClasses().that().resideInAPackage("..adapter.files..")
          .should().dependOnClassesThat().resideInAnyPackage("..adapter.cli..", "..adapter.web..")
          .because("the file adapters are shared by both front ends and must not know either");

  @ArchTest
  static final ArchRule files_adapter_never_uses_application_services =
      noClasses().that().resideInAPackage("..adapter.files..")
          .should().dependOnClassesThat().resideInAPackage("..application.service..")
          .because("a driven adapter implements out-ports; only a front end's config wires services");

  @ArchTest
  static final ArchRule files_adapter_writes_no_standard_streams =
      noClasses().that().resideInAPackage("..adapter.files..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because("reporting is the front ends' job; readers return reports and notes");

  @ArchTest
  static final ArchRule files_adapter_throws_no_generic_exceptions =
      noClasses().that().resideInAPackage("..adapter.files..")
          .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
          .because("callers catch UsageImportException and CatalogException");
}
