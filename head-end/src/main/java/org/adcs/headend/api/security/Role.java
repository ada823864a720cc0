package org.adcs.headend.api.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who a caller of the API is, as far as what it may do goes (R-OPS-2). */
public enum Role {
  /** People at the utility running collection: reads, events, curtailment of parties, the audit log. */
  OPERATOR,
  /** Hand-held tools of field staff: pickup work and on-demand reads. */
  FIELD_TOOL,
  /** MDM, billing, outage management: subscriptions and the event stream. */
  DOWNSTREAM_SYSTEM,
  /** An energy-service company or other party: only the meters it is authorised for. */
  THIRD_PARTY,
  /** Administers principals, tokens and third parties' meters. */
  ADMINISTRATOR;

  /** The role as the API writes it: {@code downstream-system}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Role> parse(String text) {
    return Arrays.stream(values()).filter(r -> r.wire().equals(text)).findFirst();
  }

  static String allWire() {
    return Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", "));
  }
}
