package org.adcs.protocol.cosem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.axdr.DlmsData;

/**
 * The body of a meter's daily push (R-COL-1), the layout both the simulated meters and the head-end
 * use: a structure of
 * <ol>
 *   <li>the logical device name (octet-string),</li>
 *   <li>the push time (date-time octet-string),</li>
 *   <li>the channels: an array of {obis code, scaler-unit}, in the order of the interval columns,</li>
 *   <li>the intervals: an array of {end time, then status (unsigned) and value (unsigned) per channel},</li>
 *   <li>the registers: an array of {obis code, value, scaler-unit},</li>
 *   <li>the events: an array of {time, event code (long-unsigned)}.</li>
 * </ol>
 * The compact form without element 3 (five elements) is also read: its columns are then active import
 * and export, with the scaler-units of their register rows (0 Wh when a push carries none).
 * Decoding an untrusted body never throws: a body of another shape is {@link Optional#empty()}.
 */
public record DailyPushPayload(String logicalDeviceName, CosemDateTime pushTime, List<Channel> channels,
                               List<IntervalRow> intervals, List<RegisterRow> registers, List<EventRow> events) {

    /** Bounds on an untrusted push: 45 days of 5-minute intervals, generous register and event counts. */
    public static final int MAX_INTERVALS = 45 * 288;
    public static final int MAX_CHANNELS = 16;
    public static final int MAX_REGISTERS = 64;
    public static final int MAX_EVENTS = 10_000;

    public DailyPushPayload {
        channels = List.copyOf(channels);
        intervals = List.copyOf(intervals);
        registers = List.copyOf(registers);
        events = List.copyOf(events);
        for (IntervalRow row : intervals) {
            if (row.values().size() != channels.size()) {
                throw new IllegalArgumentException("an interval row has " + row.values().size() + " values for "
                        + channels.size() + " channels");
            }
        }
    }

    public record Channel(ObisCode obis, ScalerUnit scalerUnit) {
    }

    public record ChannelValue(int status, long value) {
    }

    public record IntervalRow(CosemDateTime end, List<ChannelValue> values) {
        public IntervalRow {
            values = List.copyOf(values);
        }
    }

    public record RegisterRow(ObisCode obis, long value, ScalerUnit scalerUnit) {
    }

    public record EventRow(CosemDateTime time, int code) {
    }

    public DlmsData toData() {
        List<DlmsData> channelData = channels.stream()
                .map(c -> (DlmsData) DlmsData.Structure.of(new DlmsData.OctetString(c.obis().toBytes()), c.scalerUnit().toData()))
                .toList();
        List<DlmsData> rows = new ArrayList<>(intervals.size());
        for (IntervalRow row : intervals) {
            List<DlmsData> columns = new ArrayList<>(1 + 2 * row.values().size());
            columns.add(time(row.end()));
            for (ChannelValue v : row.values()) {
                columns.add(new DlmsData.UInt8(v.status()));
                columns.add(new DlmsData.UInt32(v.value()));
            }
            rows.add(new DlmsData.Structure(columns));
        }
        List<DlmsData> registerData = registers.stream()
                .map(r -> (DlmsData) DlmsData.Structure.of(new DlmsData.OctetString(r.obis().toBytes()),
                        new DlmsData.UInt32(r.value()), r.scalerUnit().toData()))
                .toList();
        List<DlmsData> eventData = events.stream()
                .map(e -> (DlmsData) DlmsData.Structure.of(time(e.time()), new DlmsData.UInt16(e.code())))
                .toList();
        return DlmsData.Structure.of(
                new DlmsData.OctetString(logicalDeviceName.getBytes(StandardCharsets.US_ASCII)),
                time(pushTime),
                new DlmsData.Array(channelData),
                new DlmsData.Array(rows),
                new DlmsData.Array(registerData),
                new DlmsData.Array(eventData));
    }

    /** The payload of {@code body}, or empty when it is not a daily push of this layout. */
    public static Optional<DailyPushPayload> fromData(DlmsData body) {
        if (!(body instanceof DlmsData.Structure s) || s.elements().size() < 5 || s.elements().size() > 6) {
            return Optional.empty();
        }
        List<DlmsData> e = s.elements();
        boolean compact = e.size() == 5;
        int at = compact ? 2 : 3;
        Optional<String> name = text(e.get(0));
        Optional<CosemDateTime> pushTime = dateTime(e.get(1));
        Optional<List<RegisterRow>> registers = array(e.get(at + 1), MAX_REGISTERS).flatMap(DailyPushPayload::registers);
        Optional<List<Channel>> channels = compact
                ? registers.map(DailyPushPayload::importAndExport)
                : array(e.get(2), MAX_CHANNELS).flatMap(DailyPushPayload::channels);
        if (name.isEmpty() || pushTime.isEmpty() || channels.isEmpty()) {
            return Optional.empty();
        }
        int width = channels.get().size();
        Optional<List<IntervalRow>> intervals = array(e.get(at), MAX_INTERVALS).flatMap(rows -> intervals(rows, width));
        Optional<List<EventRow>> events = array(e.get(at + 2), MAX_EVENTS).flatMap(DailyPushPayload::events);
        if (intervals.isEmpty() || registers.isEmpty() || events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DailyPushPayload(name.get(), pushTime.get(), channels.get(), intervals.get(),
                registers.get(), events.get()));
    }

    private static List<Channel> importAndExport(List<RegisterRow> registers) {
        return List.of(ObisCode.ACTIVE_ENERGY_IMPORT, ObisCode.ACTIVE_ENERGY_EXPORT).stream()
                .map(obis -> new Channel(obis, registers.stream().filter(r -> r.obis().equals(obis)).findFirst()
                        .map(RegisterRow::scalerUnit).orElse(new ScalerUnit(0, ScalerUnit.UNIT_WH))))
                .toList();
    }

    private static Optional<List<Channel>> channels(List<DlmsData> items) {
        List<Channel> result = new ArrayList<>(items.size());
        for (DlmsData item : items) {
            if (!(item instanceof DlmsData.Structure c) || c.elements().size() != 2) {
                return Optional.empty();
            }
            Optional<ObisCode> obis = obis(c.elements().get(0));
            Optional<ScalerUnit> su = ScalerUnit.fromData(c.elements().get(1));
            if (obis.isEmpty() || su.isEmpty()) {
                return Optional.empty();
            }
            result.add(new Channel(obis.get(), su.get()));
        }
        return Optional.of(result);
    }

    private static Optional<List<IntervalRow>> intervals(List<DlmsData> rows, int width) {
        List<IntervalRow> result = new ArrayList<>(rows.size());
        for (DlmsData row : rows) {
            if (!(row instanceof DlmsData.Structure r) || r.elements().size() != 1 + 2 * width) {
                return Optional.empty();
            }
            Optional<CosemDateTime> end = dateTime(r.elements().get(0));
            if (end.isEmpty()) {
                return Optional.empty();
            }
            List<ChannelValue> values = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                Optional<Long> status = unsigned(r.elements().get(1 + 2 * c));
                Optional<Long> value = unsigned(r.elements().get(2 + 2 * c));
                if (status.isEmpty() || value.isEmpty() || status.get() > 0xFF) {
                    return Optional.empty();
                }
                values.add(new ChannelValue(status.get().intValue(), value.get()));
            }
            result.add(new IntervalRow(end.get(), values));
        }
        return Optional.of(result);
    }

    private static Optional<List<RegisterRow>> registers(List<DlmsData> items) {
        List<RegisterRow> result = new ArrayList<>(items.size());
        for (DlmsData item : items) {
            if (!(item instanceof DlmsData.Structure r) || r.elements().size() != 3) {
                return Optional.empty();
            }
            Optional<ObisCode> obis = obis(r.elements().get(0));
            Optional<Long> value = unsigned(r.elements().get(1));
            Optional<ScalerUnit> su = ScalerUnit.fromData(r.elements().get(2));
            if (obis.isEmpty() || value.isEmpty() || su.isEmpty()) {
                return Optional.empty();
            }
            result.add(new RegisterRow(obis.get(), value.get(), su.get()));
        }
        return Optional.of(result);
    }

    private static Optional<List<EventRow>> events(List<DlmsData> items) {
        List<EventRow> result = new ArrayList<>(items.size());
        for (DlmsData item : items) {
            if (!(item instanceof DlmsData.Structure r) || r.elements().size() != 2) {
                return Optional.empty();
            }
            Optional<CosemDateTime> time = dateTime(r.elements().get(0));
            Optional<Long> code = unsigned(r.elements().get(1));
            if (time.isEmpty() || code.isEmpty() || code.get() > 0xFFFF) {
                return Optional.empty();
            }
            result.add(new EventRow(time.get(), code.get().intValue()));
        }
        return Optional.of(result);
    }

    private static Optional<List<DlmsData>> array(DlmsData data, int max) {
        return data instanceof DlmsData.Array a && a.elements().size() <= max ? Optional.of(a.elements()) : Optional.empty();
    }

    private static Optional<String> text(DlmsData data) {
        if (data instanceof DlmsData.OctetString s && s.value().length > 0 && s.value().length <= 32) {
            String text = new String(s.value(), StandardCharsets.US_ASCII);
            return text.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? Optional.of(text) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<CosemDateTime> dateTime(DlmsData data) {
        return data instanceof DlmsData.OctetString s ? CosemDateTime.fromBytes(s.value()) : Optional.empty();
    }

    private static Optional<ObisCode> obis(DlmsData data) {
        return data instanceof DlmsData.OctetString s && s.value().length == 6 ? Optional.of(ObisCode.fromBytes(s.value()))
                : Optional.empty();
    }

    private static Optional<Long> unsigned(DlmsData data) {
        if (data instanceof DlmsData.UInt8 || data instanceof DlmsData.UInt16 || data instanceof DlmsData.UInt32
                || data instanceof DlmsData.UInt64) {
            long v = data.asLong();
            return v >= 0 ? Optional.of(v) : Optional.empty();
        }
        return Optional.empty();
    }

    private static DlmsData time(CosemDateTime t) {
        return new DlmsData.OctetString(t.toBytes());
    }
}
