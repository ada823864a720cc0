package org.adcs.protocol.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.cosem.EventLog;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ScalerUnit;
import org.adcs.protocol.testing.InMemoryLink;
import org.adcs.protocol.testing.TestMeter;
import org.junit.jupiter.api.Test;

/** The on-demand read of R-OD-1 and the clock correction of R-CLK-1, in domain terms. */
class MeterReaderTest {
    private final TestMeter meter = new TestMeter();
    private final InMemoryLink link = InMemoryLink.withLls(meter);
    private final MeterReader reader = new MeterReader(link.client);

    private static <T> T done(CompletableFuture<T> f) throws Exception {
        assertTrue(f.isDone());
        return f.get();
    }

    @Test
    void readsIdentifierTimeRegistersIntervalsAndEvents() throws Exception {
        done(link.client.associate());
        assertEquals(TestMeter.DEVICE_NAME, done(reader.logicalDeviceName()));
        assertEquals(TestMeter.NOW, done(reader.clock()));
        assertEquals(new MeterReader.RegisterReading(ObisCode.ACTIVE_ENERGY_IMPORT, new BigDecimal(TestMeter.IMPORT_WH), ScalerUnit.UNIT_WH),
                done(reader.register(ObisCode.ACTIVE_ENERGY_IMPORT)));
        List<?> today = done(reader.profile(ObisCode.LOAD_PROFILE, TestMeter.NOW.minus(Duration.ofDays(1)).plusSeconds(1), TestMeter.NOW, ZoneOffset.UTC));
        assertEquals(TestMeter.INTERVALS_PER_DAY, today.size());
        List<EventLog.Entry> events = done(reader.events(TestMeter.NOW.minus(Duration.ofDays(45)), TestMeter.NOW, ZoneOffset.UTC));
        assertEquals(2, events.size());
    }

    @Test
    void readsIdentifierClockRegistersAndCapturePeriodInOneExchange() throws Exception {
        done(link.client.associate());
        MeterReader.Snapshot snapshot = done(reader.snapshot(
                List.of(ObisCode.ACTIVE_ENERGY_IMPORT, ObisCode.ACTIVE_ENERGY_EXPORT), ObisCode.LOAD_PROFILE));
        assertEquals(TestMeter.DEVICE_NAME, snapshot.logicalDeviceName());
        assertEquals(TestMeter.NOW, snapshot.clock());
        assertEquals(List.of(
                new MeterReader.RegisterReading(ObisCode.ACTIVE_ENERGY_IMPORT, new BigDecimal(TestMeter.IMPORT_WH), ScalerUnit.UNIT_WH),
                new MeterReader.RegisterReading(ObisCode.ACTIVE_ENERGY_EXPORT, new BigDecimal(TestMeter.EXPORT_WH), ScalerUnit.UNIT_WH)),
                snapshot.registers());
        assertEquals(java.util.Optional.of(900L), snapshot.capturePeriodSeconds());
    }

    @Test
    void aSnapshotWithARegisterTheMeterDoesNotHaveFailsAsADataAccessError() throws Exception {
        done(link.client.associate());
        ExecutionException e = assertThrows(ExecutionException.class, () -> done(reader.snapshot(
                List.of(ObisCode.ACTIVE_ENERGY_IMPORT, new ObisCode(1, 0, 9, 8, 0, 255)), ObisCode.LOAD_PROFILE)));
        assertEquals(SessionException.Reason.DATA_ACCESS, assertInstanceOf(SessionException.class, e.getCause()).reason());
    }

    @Test
    void correctsTheMeterClock() throws Exception {
        done(link.client.associate());
        assertEquals(DataAccessResult.SUCCESS, done(reader.setClock(TestMeter.NOW.plusSeconds(25), ZoneOffset.UTC)));
        assertEquals(TestMeter.NOW.plusSeconds(25), done(reader.clock()));
    }

    @Test
    void aRegisterTheMeterDoesNotHaveFailsAsADataAccessError() throws Exception {
        done(link.client.associate());
        ExecutionException e = assertThrows(ExecutionException.class, () -> done(reader.register(new ObisCode(1, 0, 9, 8, 0, 255))));
        assertEquals(SessionException.Reason.DATA_ACCESS, assertInstanceOf(SessionException.class, e.getCause()).reason());
    }
}
