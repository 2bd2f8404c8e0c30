package dev.seatwise.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API compatibility check for embedders: the public API of the domain and application jars is
 * listed in {@code api/seatwise-api.txt} (the baseline). Removing or changing anything listed there
 * fails the build; additions pass and are reported. To accept a deliberate change, run the tests
 * with {@code -Dseatwise.api.update=true} and commit the new baseline with the reason.
 */
class PublicApiBaselineTest {
  static final Path BASELINE = Path.of("..", "api", "seatwise-api.txt");

  static TreeSet<String> currentApi() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.seatwise.domain", "dev.seatwise.application");
    TreeSet<String> api = new TreeSet<>();
    for (JavaClass c : classes) {
      if (!c.getModifiers().contains(JavaModifier.PUBLIC) || c.getFullName().contains("$$")) {
        continue;
      }
      if (c.getEnclosingClass().isPresent()
          && !c.getEnclosingClass().get().getModifiers().contains(JavaModifier.PUBLIC)) {
        continue;
      }
      String type = c.getFullName();
      api.add(type + " : type");
      for (JavaCodeUnit m : c.getCodeUnits()) {
        if (m.getModifiers().contains(JavaModifier.PUBLIC) && !m.getModifiers().contains(JavaModifier.SYNTHETIC)
            && !m.getName().startsWith("lambda$")) {
          String params =
              m.getRawParameterTypes().stream().map(JavaClass::getName).collect(Collectors.joining(","));
          api.add(type + " : " + m.getName() + "(" + params + ")" + m.getRawReturnType().getName());
        }
      }
      for (JavaField f : c.getFields()) {
        if (f.getModifiers().contains(JavaModifier.PUBLIC)) {
          api.add(type + " : field " + f.getName() + " " + f.getRawType().getName());
        }
      }
    }
    return api;
  }

  @Test
  void nothingInThePublicApiBaselineWasRemovedOrChanged() throws IOException {
    TreeSet<String> current = currentApi();
    if (Boolean.getBoolean("seatwise.api.update") || !Files.exists(BASELINE)) {
      Files.createDirectories(BASELINE.getParent());
      Files.write(BASELINE, current, StandardCharsets.UTF_8);
    }
    List<String> baseline = Files.readAllLines(BASELINE, StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (String line : baseline) {
      if (!line.isBlank() && !current.contains(line)) {
        missing.add(line);
      }
    }
    assertThat(missing)
        .as("public API removed or changed since the baseline %s; if deliberate, rerun with"
            + " -Dseatwise.api.update=true and commit the baseline", BASELINE)
        .isEmpty();
  }
}
