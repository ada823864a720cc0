package org.adcs.mdm.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How far a party's daily delivery has come: the last day whose file is in its mailbox and the posting
 * time up to which data went into files. Kept in the store and moved only after the file is complete,
 * so a restart re-delivers at most the day it was writing and loses nothing.
 */
public record DeliveryCursor(String party, LocalDate lastDay, Instant postedUpTo) {

  public DeliveryCursor {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(postedUpTo, "postedUpTo");
  }
}
