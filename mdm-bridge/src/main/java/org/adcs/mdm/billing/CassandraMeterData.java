package org.adcs.mdm.billing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.store.RegisterStore;
import org.adcs.mdm.vee.ValidatedDay;

/** {@link MeterData} from the MDM store; each call waits for its query, at most {@code timeout}. */
public final class CassandraMeterData implements MeterData {

  private final IntervalStore intervals;
  private final RegisterStore registers;
  private final CassandraWait wait;

  public CassandraMeterData(IntervalStore intervals, RegisterStore registers, Duration timeout) {
    this.intervals = intervals;
    this.registers = registers;
    this.wait = new CassandraWait(timeout);
  }

  @Override
  public Optional<ValidatedDay> validatedDay(String meter, String channel, LocalDate day) {
    return wait.await(intervals.validatedAsOf(new MeterId(meter), channel(channel), day, Long.MAX_VALUE));
  }

  @Override
  public List<RegisterRead> firstAndLastRead(String meter, String channel, LocalDateTime from, LocalDateTime to) {
    return wait.await(registers.firstAndLast(new MeterId(meter), channel(channel), from, to));
  }

  /** The unit is not part of the key; reads carry the stored one. */
  private static Channel channel(String name) {
    return new Channel(name, "Wh");
  }
}
