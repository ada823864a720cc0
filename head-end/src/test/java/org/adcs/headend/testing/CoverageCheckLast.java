package org.adcs.headend.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Keeps the test classes in their default order but puts the OpenAPI coverage check last, so it
 * sees what every other integration test of the run exercised (failsafe runs them in one JVM and
 * one launcher session; junit-platform.properties names this orderer).
 */
public final class CoverageCheckLast implements ClassOrderer {

  static final String CHECK = "org.adcs.headend.api.OpenApiCoverageIT";

  @Override
  public void orderClasses(ClassOrdererContext context) {
    // A stable sort: only the check moves.
    context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor d) -> d.getTestClass().getName().equals(CHECK)));
  }
}
