package org.adcs.headend.health;

import java.util.concurrent.CompletionStage;

/** A dependency the head-end cannot serve without (store, journal, cluster membership). */
public interface ReadinessCheck {

  /** The key in the readiness report, e.g. {@code cassandra}. */
  String name();

  /** Never fails: problems come back as {@link CheckResult#down}. */
  CompletionStage<CheckResult> check();
}
