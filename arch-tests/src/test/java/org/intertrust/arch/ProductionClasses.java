package org.intertrust.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The production classes of every module on the test class path, imported once per test run. Test
 * classes, including the fixtures of this module, are left out.
 */
final class ProductionClasses {
  /** The root package of all InterTrust code. */
  static final String ROOT_PACKAGE = "org.intertrust";

  private ProductionClasses() {}

  /** Returns the imported production classes. */
  static JavaClasses get() {
    return Holder.CLASSES;
  }

  private static final class Holder {
    static final JavaClasses CLASSES =
        new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages(ROOT_PACKAGE);
  }
}
