package dev.seatwise.application;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.seatwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ApplicationArchitectureTest {

  @ArchTest
  static final ArchRule dependencies_point_inward =
      onionArchitecture()
          .withOptionalLayers(true)
          .domainModels("..domain..")
          .applicationServices("..application..")
          .adapter("cli", "..adapter.cli..")
          .adapter("web", "..adapter.web..")
          .adapter("files", "..adapter.files..")
          .because("the domain and use cases must not know how they are driven or fed");

  @ArchTest
  static final ArchRule application_depends_only_on_domain_jdk_guava =
      classes()
          .that()
          .resideInAPackage("..application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("..application..", "..domain..", "java..", "com.google.common..")
          .because("use cases orchestrate the domain; technology lives in adapters");

  @ArchTest
  static final ArchRule use_cases_are_interfaces =
      classes()
          .that()
          .resideInAPackage("..port.in..")
          .and()
          .haveSimpleNameEndingWith("UseCase")
          .should()
          .beInterfaces()
          .because("inbound ports are contracts that services implement");

  @ArchTest
  static final ArchRule inbound_interfaces_are_use_cases =
      classes()
          .that()
          .resideInAPackage("..port.in..")
          .and()
          .areInterfaces()
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .haveSimpleNameEndingWith("UseCase")
          .because("every interface in port.in is a use case");

  @ArchTest
  static final ArchRule outbound_interfaces_are_ports =
      classes()
          .that()
          .resideInAPackage("..port.out..")
          .and()
          .areInterfaces()
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .haveSimpleNameEndingWith("Port")
          .because("outbound ports are named for the capability they provide");

  @ArchTest
  static final ArchRule services_live_in_application_service_and_implement_a_use_case =
      classes()
          .that()
          .haveSimpleNameEndingWith("Service")
          .and()
          .resideInAPackage("..application..")
          .should()
          .resideInAPackage("..application.service..")
          .andShould()
          .implement(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "a use case",
                  (com.tngtech.archunit.core.domain.JavaClass c) -> c.getSimpleName().endsWith("UseCase")))
          .because("a service is the implementation of exactly the use cases it names");

  @ArchTest
  static final ArchRule mapstruct_only_in_adapters =
      noClasses()
          .that()
          .resideInAnyPackage("..domain..", "..application..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.mapstruct..")
          .because("mapping is an adapter concern");
}
