package org.adcs.protocol.session;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.adcs.protocol.apdu.AttributeRequest;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.ClockObject;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.DataObject;
import org.adcs.protocol.cosem.EventLog;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ProfileGenericObject;
import org.adcs.protocol.cosem.ProfileSelection;
import org.adcs.protocol.cosem.RegisterObject;
import org.adcs.protocol.cosem.ScalerUnit;

/**
 * The head-end's meter operations in domain terms over an associated {@link ClientSession}: the
 * reads of R-OD-1 (time, registers, intervals, events, identifier) and the clock correction of
 * R-CLK-1. A data-access-result or a value of an unexpected shape fails the future with
 * {@link SessionException.Reason#DATA_ACCESS}.
 */
public final class MeterReader {
    private final ClientSession session;

    public MeterReader(ClientSession session) {
        this.session = session;
    }

    /** A register value in engineering units (value × 10^scaler) with its unit code. */
    public record RegisterReading(ObisCode register, BigDecimal value, int unit) {
    }

    public CompletableFuture<String> logicalDeviceName() {
        return value(new CosemAttribute(DataObject.CLASS_ID, ObisCode.LOGICAL_DEVICE_NAME, 2), Optional.empty(), d ->
                d instanceof DlmsData.OctetString s ? Optional.of(new String(s.value(), StandardCharsets.US_ASCII)) : Optional.empty());
    }

    public CompletableFuture<Instant> clock() {
        return value(new CosemAttribute(ClockObject.CLASS_ID, ObisCode.CLOCK, 2), Optional.empty(), d ->
                ClockObject.parseTime(d).flatMap(CosemDateTime::toOffsetDateTime).map(OffsetDateTime::toInstant));
    }

    public CompletableFuture<DataAccessResult> setClock(Instant time, ZoneOffset meterOffset) {
        return session.set(new CosemAttribute(ClockObject.CLASS_ID, ObisCode.CLOCK, 2),
                new DlmsData.OctetString(CosemDateTime.of(time.atOffset(meterOffset)).toBytes()));
    }

    /** Value and scaler-unit in one GET with-list. */
    public CompletableFuture<RegisterReading> register(ObisCode register) {
        return session.getWithList(List.of(
                        AttributeRequest.of(new CosemAttribute(RegisterObject.CLASS_ID, register, 2)),
                        AttributeRequest.of(new CosemAttribute(RegisterObject.CLASS_ID, register, 3))))
                .thenCompose(results -> registerReading(register, results.get(0), results.get(1))
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(() -> failed("register " + register + ": " + results)));
    }

    /**
     * What a read starts with, asked in one GET with-list rather than an exchange each (a cellular
     * meter's round trip is the read's cost): the identifier, the clock, each register's value and
     * scaler-unit, and the load profile's capture period, empty when the meter does not say.
     */
    public record Snapshot(String logicalDeviceName, Instant clock, List<RegisterReading> registers,
                           Optional<Long> capturePeriodSeconds) {
    }

    public CompletableFuture<Snapshot> snapshot(List<ObisCode> registers, ObisCode profile) {
        List<AttributeRequest> asked = new java.util.ArrayList<>(List.of(
                AttributeRequest.of(new CosemAttribute(DataObject.CLASS_ID, ObisCode.LOGICAL_DEVICE_NAME, 2)),
                AttributeRequest.of(new CosemAttribute(ClockObject.CLASS_ID, ObisCode.CLOCK, 2)),
                AttributeRequest.of(new CosemAttribute(ProfileGenericObject.CLASS_ID, profile, 4))));
        for (ObisCode register : registers) {
            asked.add(AttributeRequest.of(new CosemAttribute(RegisterObject.CLASS_ID, register, 2)));
            asked.add(AttributeRequest.of(new CosemAttribute(RegisterObject.CLASS_ID, register, 3)));
        }
        return session.getWithList(asked).thenCompose(results -> {
            if (results.size() != asked.size()) {
                return failed("a with-list answer of " + results.size() + " results to " + asked.size() + " requests");
            }
            Optional<String> name = valueOf(results.get(0)).flatMap(d -> d instanceof DlmsData.OctetString s
                    ? Optional.of(new String(s.value(), StandardCharsets.US_ASCII)) : Optional.empty());
            Optional<Instant> clock = valueOf(results.get(1)).flatMap(ClockObject::parseTime)
                    .flatMap(CosemDateTime::toOffsetDateTime).map(OffsetDateTime::toInstant);
            Optional<Long> capturePeriod = valueOf(results.get(2)).flatMap(MeterReader::integer);
            List<RegisterReading> readings = new java.util.ArrayList<>();
            for (int i = 0; i < registers.size(); i++) {
                ObisCode register = registers.get(i);
                GetDataResult value = results.get(3 + 2 * i);
                GetDataResult scalerUnit = results.get(4 + 2 * i);
                Optional<RegisterReading> reading = registerReading(register, value, scalerUnit);
                if (reading.isEmpty()) {
                    return failed("register " + register + ": " + value + ", " + scalerUnit);
                }
                readings.add(reading.get());
            }
            if (name.isEmpty() || clock.isEmpty()) {
                return failed("logical device name " + results.get(0) + ", clock " + results.get(1));
            }
            return CompletableFuture.completedFuture(new Snapshot(name.get(), clock.get(), List.copyOf(readings), capturePeriod));
        });
    }

    /** Profile entries whose clock column lies in [from, to] (range selective access; block transfer as needed). */
    public CompletableFuture<List<List<DlmsData>>> profile(ObisCode profile, Instant from, Instant to, ZoneOffset meterOffset) {
        ProfileSelection.Range range = ProfileSelection.Range.ofTimes(CosemDateTime.of(from.atOffset(meterOffset)),
                CosemDateTime.of(to.atOffset(meterOffset)));
        return value(new CosemAttribute(ProfileGenericObject.CLASS_ID, profile, 2),
                Optional.of(new SelectiveAccess(ProfileSelection.RANGE_SELECTOR, range.toData())), ProfileGenericObject::parseBuffer);
    }

    public CompletableFuture<List<EventLog.Entry>> events(Instant from, Instant to, ZoneOffset meterOffset) {
        return profile(ObisCode.STANDARD_EVENT_LOG, from, to, meterOffset).thenCompose(rows -> {
            Optional<List<EventLog.Entry>> entries = EventLog.parse(new DlmsData.Array(rows.stream()
                    .map(r -> (DlmsData) new DlmsData.Structure(r)).toList()));
            return entries.map(CompletableFuture::completedFuture).orElseGet(() -> failed("event log entries of another shape"));
        });
    }

    private <T> CompletableFuture<T> value(CosemAttribute attribute, Optional<SelectiveAccess> access,
                                           Function<DlmsData, Optional<T>> parse) {
        return session.get(attribute, access).thenCompose(result -> valueOf(result).flatMap(parse)
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> failed(attribute + ": " + result)));
    }

    private static Optional<RegisterReading> registerReading(ObisCode register, GetDataResult value,
                                                             GetDataResult scalerUnit) {
        return valueOf(value).flatMap(raw -> valueOf(scalerUnit).flatMap(ScalerUnit::fromData)
                .flatMap(su -> integer(raw).map(v -> new RegisterReading(register, su.apply(v), su.unit()))));
    }

    private static Optional<DlmsData> valueOf(GetDataResult result) {
        return result instanceof GetDataResult.Value v ? Optional.of(v.data()) : Optional.empty();
    }

    private static Optional<Long> integer(DlmsData data) {
        try {
            return Optional.of(data.asLong());
        } catch (IllegalArgumentException notAnInteger) {
            return Optional.empty();
        }
    }

    private static <T> CompletableFuture<T> failed(String what) {
        return CompletableFuture.failedFuture(new SessionException(SessionException.Reason.DATA_ACCESS, what));
    }
}
