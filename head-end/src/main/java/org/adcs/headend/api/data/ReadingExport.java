package org.adcs.headend.api.data;

import akka.NotUsed;
import akka.japi.Pair;
import akka.stream.javadsl.Source;
import akka.util.ByteString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.query.ReadingQueries;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;

/**
 * A readings document as a stream (R-DAT-1): the store is read one meter and channel at a time and
 * each series written as soon as it is read, so memory holds one series, not the answer.
 */
public final class ReadingExport {

  private final ReadingQueries queries;
  private final ObjectMapper json;
  private final ZoneOffset meterStandardTime;

  public ReadingExport(ReadingQueries queries, ObjectMapper json, ZoneOffset meterStandardTime) {
    this.queries = queries;
    this.json = json;
    this.meterStandardTime = meterStandardTime;
  }

  public ZoneOffset meterStandardTime() {
    return meterStandardTime;
  }

  public Source<ByteString, NotUsed> document(ReadingRequest request) {
    return Source.lazySource(() -> {
      ReadingWriter writer = request.format().newWriter(json);
      List<Pair<String, Channel>> series = new ArrayList<>();
      for (String meter : request.meters()) {
        for (Channel channel : request.channels()) {
          series.add(Pair.create(meter, channel));
        }
      }
      // concatLazy: the end is written only after the last series (the XML end lists the reading types used).
      return Source.single(writer.begin(request.heading()))
          .concatLazy(Source.from(series).mapAsync(1, s -> rows(request, s.first(), s.second())
              .thenApply(rows -> writer.series(s.first(), s.second().name(), rows))))
          .concatLazy(Source.lazySingle(writer::end))
          .filter(text -> !text.isEmpty())
          .map(ByteString::fromString);
    }).mapMaterializedValue(m -> NotUsed.getInstance());
  }

  /** One meter's readings on one channel that end inside the period. */
  CompletionStage<List<ReadingRow>> rows(ReadingRequest request, String meter, Channel channel) {
    ReadingPeriod period = request.period();
    return queries.readings(new MeterId(meter), channel, period.firstMeterDay(meterStandardTime),
        period.endMeterDay(meterStandardTime), request.kind(), meterStandardTime, period.zone())
        .thenApply(readings -> readings.stream().filter(r -> period.holds(r.end().toInstant()))
            .map(r -> ReadingRow.of(meter, channel.name(), r)).toList());
  }
}
