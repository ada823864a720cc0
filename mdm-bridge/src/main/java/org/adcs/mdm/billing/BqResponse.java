package org.adcs.mdm.billing;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a billing quantity request: the request id echoed, one part per stretch of unchanged
 * framing, account and season, and the time this version was computed (earlier versions are kept).
 */
public record BqResponse(String requestId, String sdpId, String requester, Instant from, Instant to,
    Instant versionTime, List<BqPart> parts) {

  public BqResponse {
    parts = List.copyOf(parts);
  }

  /** Whether every part carries quantities. */
  public boolean complete() {
    return parts.stream().allMatch(p -> p.status() == BqStatus.OK);
  }
}
