package dev.seatwise.domain;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Clock;
import java.time.InstantSource;

/**
 * The domain's boundary (STYLE.md §5, rules 2 and 8 to 12). These rules live in the domain's own
 * tests so that adding a dependency to the domain POM, or a call to the clock, fails the domain
 * build.
 */
@AnalyzeClasses(
    packages = "dev.seatwise.domain",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

  @ArchTest
  static final ArchRule domain_depends_only_on_jdk_and_guava =
      classes()
          .that()
          .resideInAPackage("dev.seatwise.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.seatwise.domain..", "java..", "com.google.common..")
          .because(
              "embedders take the domain jar with Guava only; anything else belongs in an"
                  + " adapter");

  @ArchTest
  static final ArchRule domain_never_reads_the_clock =
      noClasses()
          .that()
          .resideInAPackage("dev.seatwise.domain..")
          .should()
          .callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time..")))))
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .dependOnClassesThat(assignableTo(Clock.class).or(assignableTo(InstantSource.class)))
          .because(
              "time is an input (an Instant argument, or a Clock injected at the application"
                  + " edge); replays and what-if runs must be deterministic");

  @ArchTest
  static final ArchRule domain_types_are_immutable =
      classes()
          .that()
          .resideInAPackage("dev.seatwise.domain..")
          .and()
          .areNotInterfaces()
          .should()
          .haveOnlyFinalFields()
          .because("domain values are shared between threads and embedders without copying");

  @ArchTest
  static final ArchRule no_guava_in_public_domain_signatures =
      noMethods()
          .that()
          .arePublic()
          .and()
          .areDeclaredInClassesThat()
          .resideInAPackage("dev.seatwise.domain..")
          .should()
          .haveRawReturnType(resideInAPackage("com.google.common.."))
          .because("embedders must not be tied to our Guava version; return JDK types");

  @ArchTest
  static final ArchRule no_cycles_between_domain_packages =
      slices()
          .matching("dev.seatwise.domain.(*)..")
          .should()
          .beFreeOfCycles()
          .because("each domain package must be understandable and testable on its own");

  @ArchTest
  static final ArchRule no_generic_exceptions =
      GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.because(
          "a broken precondition is an IllegalArgumentException or NullPointerException, and"
              + " a business outcome is a value (STYLE.md §4)");

  /**
   * Stronger than {@code GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING}, which only
   * sees a logger stored in a field: here any use of {@code java.util.logging} fails.
   */
  @ArchTest
  static final ArchRule no_java_util_logging =
      noClasses()
          .that()
          .resideInAPackage("dev.seatwise.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("java.util.logging..")
          .because("the domain performs no I/O; logging is an adapter's concern");

  @ArchTest
  static final ArchRule no_standard_streams =
      GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because(
          "the domain performs no I/O; only the CLI adapter writes to the console");

  @ArchTest
  static final ArchRule no_joda_time =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JODATIME.because(
          "time is java.time Instant and Duration, never a third-party type");
}
