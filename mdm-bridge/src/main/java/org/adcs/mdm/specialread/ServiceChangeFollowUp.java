package org.adcs.mdm.specialread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.adcs.mdm.masterdata.MasterDataSync;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.adcs.mdm.usage.UsageRelease;

/**
 * What a master-data change of a service point sets off: reposting when its start or stop date moved
 * after data was posted (R-MD-2), and releasing usage history when a customer joined or left a
 * supplier (R-MD-3). Each part is tried on its own; what fails is returned for the sync report.
 */
public final class ServiceChangeFollowUp implements MasterDataSync.TimelineListener {

  private final Reposting reposting;
  private final UsageRelease release;

  public ServiceChangeFollowUp(Reposting reposting, UsageRelease release) {
    this.reposting = reposting;
    this.release = release;
  }

  @Override
  public List<String> changed(ServicePointTimeline before, ServicePointTimeline after, Instant now) {
    List<String> problems = new ArrayList<>();
    try {
      for (SpecialReadStore.RepostRecord r : reposting.onChange(before, after, now)) {
        if (!r.unestimable().isEmpty()) {
          problems.add("reposted, but " + r.unestimable().size() + " day(s) from " + r.unestimable().get(0)
              + " had neither data nor stored days to estimate them from");
        }
      }
    } catch (RuntimeException e) {
      problems.add("applied, but reposting after the service date change failed: " + e.getMessage());
    }
    try {
      release.onChange(before, after, now);
    } catch (RuntimeException e) {
      problems.add("applied, but usage history could not be released to the suppliers: " + e.getMessage());
    }
    return problems;
  }
}
