package dev.seatwise.adapter.json;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.seatwise", importOptions = ImportOption.DoNotIncludeTests.class)
class JsonArchitectureTest {
  @ArchTest
  static final ArchRule the_contract_knows_no_front_end =
      noClasses()
          .that()
          .resideInAPackage("..adapter.json..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..adapter.cli..", "..adapter.web..", "..adapter.files..")
          .because("the CLI and the web front end share this contract and must not meet in it");

  @ArchTest
  static final ArchRule the_contract_uses_no_service =
      noClasses()
          .that()
          .resideInAPackage("..adapter.json..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..application.service..")
          .because("the contract maps use-case results; only composition roots build services");

  @ArchTest
  static final ArchRule the_contract_writes_to_no_standard_stream =
      noClasses()
          .that()
          .resideInAPackage("..adapter.json..")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .because("front ends decide where output goes");
}
