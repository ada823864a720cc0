package org.adcs.mdm.market;

import java.time.Instant;
import java.util.UUID;

/** Where market files go: the party's mailbox. Blocks until the file is complete and listed. */
public interface MarketMailbox {

  UUID put(String party, String name, MarketFormat format, String description, byte[] content, Instant createdAt);
}
