package org.adcs.mdm.specialread;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of special read the MDM stores (R-MD-2), with their wire names. */
public enum SpecialReadKind {
  OFF_CYCLE("off-cycle"),
  READ_CYCLE_CHANGE("read-cycle-change"),
  TARIFF_CHANGE("tariff-change"),
  /** A meter exchange: the removed meter's last read and the installed meter's first read. */
  CHANGE_OUT("change-out"),
  /** The read that closes a service. */
  FINAL("final"),
  CREDIT_TURN_OFF("credit-turn-off"),
  CREDIT_TURN_ON("credit-turn-on"),
  /** The read that opens a service. */
  INITIAL("initial");

  private final String wireName;

  SpecialReadKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<SpecialReadKind> fromWire(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }

  /** Kinds that change a setting of the service point and so must name its new value. */
  public boolean needsNewValue() {
    return this == READ_CYCLE_CHANGE || this == TARIFF_CHANGE;
  }
}
