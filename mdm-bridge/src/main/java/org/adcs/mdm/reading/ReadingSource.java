package org.adcs.mdm.reading;

/** Where a datum came from (R-COL-4). Kept with every stored interval day, register read and event. */
public enum ReadingSource {
  /** The meter's own push at its scheduled read time. */
  SCHEDULED,
  /** An operator's or IT system's on-demand read. */
  ON_DEMAND,
  /** Automatic missing-data recovery. */
  RECOVERY,
  /** A field tool's memory download (pickup read). */
  FIELD
}
