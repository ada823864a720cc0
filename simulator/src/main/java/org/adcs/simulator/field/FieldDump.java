package org.adcs.simulator.field;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.adcs.protocol.axdr.AxdrCodec;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.simulator.cosem.MeterObjects;
import org.adcs.simulator.meter.EventCode;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * A meter's whole memory as a field service terminal downloads it (R-FLD-2), in a versioned,
 * integrity-checked file:
 * <pre>
 *   magic    8 bytes   "ADCSFDMP"
 *   version  u16       1
 *   length   u32       length of body
 *   body     A-XDR     structure {
 *                        logical device name   octet-string
 *                        dumped at             octet-string(12), COSEM date-time, meter time
 *                        channels              array of {OBIS octet-string(6), scaler-unit}: import, export
 *                        capture period        double-long-unsigned, seconds
 *                        load profile          array of {clock, status, import, export}   (as 1.0.99.1.0.255)
 *                        daily billing         array of {clock, import, export}           (as 1.0.98.1.0.255)
 *                        event log             array of {clock, code}                     (as 0.0.99.98.0.255)
 *                        power quality         array of {midnight, min, avg, max}: voltage per day, 0.1 V }
 *   sha256   32 bytes  over magic, version, length and body
 * </pre>
 * All integers are big-endian. {@link #read} rejects any file whose magic, version, length or
 * checksum does not match, and decodes the body with bounded A-XDR limits.
 */
public final class FieldDump {
    public static final byte[] MAGIC = "ADCSFDMP".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    private static final int HEADER = 8 + 2 + 4;
    private static final int DIGEST = 32;
    private static final Limits LIMITS = new Limits(0xFFFF, 64 << 20, 8, 1 << 20);

    private FieldDump() {
    }

    /** The dump's decoded body: the sections listed in the class comment. */
    public record Content(String logicalDeviceName, DlmsData dumpedAt, List<DlmsData> channels, long capturePeriodSeconds,
                          List<DlmsData> loadProfile, List<DlmsData> dailyBilling, List<DlmsData> eventLog,
                          List<DlmsData> powerQuality) {
    }

    /** The dump of a meter's memory now; the meter logs the download first, so the dump shows it (R-SCH-8). */
    public static byte[] write(SimulatedMeter meter, Instant fleetNow) {
        meter.logEvent(meter.now(fleetNow), EventCode.FIELD_DOWNLOAD);
        ZoneOffset offset = meter.terms().offset();
        long now = meter.nowLocal(fleetNow);
        long from = meter.memoryStartLocal(now);
        List<DlmsData> quality = new ArrayList<>();
        MeterHistory history = meter.history();
        for (long day = Math.floorDiv(from, MeterHistory.DAY_SECONDS); day <= Math.floorDiv(now, MeterHistory.DAY_SECONDS); day++) {
            int[] v = history.voltage(day);
            quality.add(DlmsData.Structure.of(MeterObjects.time(history.instantOf(day * MeterHistory.DAY_SECONDS), offset),
                    new DlmsData.UInt16(v[0]), new DlmsData.UInt16(v[1]), new DlmsData.UInt16(v[2])));
        }
        DlmsData body = DlmsData.Structure.of(
                new DlmsData.OctetString(meter.name().getBytes(StandardCharsets.US_ASCII)),
                MeterObjects.time(meter.now(fleetNow), offset),
                DlmsData.Array.of(
                        DlmsData.Structure.of(new DlmsData.OctetString(ObisCode.ACTIVE_ENERGY_IMPORT.toBytes()), meter.spec().importUnit().toData()),
                        DlmsData.Structure.of(new DlmsData.OctetString(ObisCode.ACTIVE_ENERGY_EXPORT.toBytes()), meter.spec().exportUnit().toData())),
                new DlmsData.UInt32(meter.plan().minutesAt(now + 1) * 60L),
                new DlmsData.Array(new ArrayList<>(MeterObjects.rows(meter.intervals(from, now, fleetNow), offset))),
                new DlmsData.Array(new ArrayList<>(MeterObjects.billingRows(meter.midnights(from, now, fleetNow), offset))),
                new DlmsData.Array(new ArrayList<>(MeterObjects.eventRows(meter.events(from, now, fleetNow), offset))),
                new DlmsData.Array(quality));
        byte[] encoded = AxdrCodec.encode(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + encoded.length + DIGEST);
        out.writeBytes(MAGIC);
        out.writeBytes(ByteBuffer.allocate(6).putShort((short) VERSION).putInt(encoded.length).array());
        out.writeBytes(encoded);
        out.writeBytes(sha256(out.toByteArray()));
        return out.toByteArray();
    }

    /** Reads and checks a dump; any defect is an {@link IllegalArgumentException} saying which. */
    public static Content read(byte[] file) {
        if (file.length < HEADER + DIGEST || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not a field dump (magic " + new String(MAGIC, StandardCharsets.US_ASCII) + " missing)");
        }
        ByteBuffer header = ByteBuffer.wrap(file, MAGIC.length, 6);
        int version = header.getShort() & 0xFFFF;
        long length = header.getInt() & 0xFFFF_FFFFL;
        if (version != VERSION) {
            throw new IllegalArgumentException("field dump version " + version + " is not supported (only " + VERSION + ")");
        }
        if (length != file.length - HEADER - DIGEST) {
            throw new IllegalArgumentException("field dump length " + length + " does not match the file (" + (file.length - HEADER - DIGEST) + ")");
        }
        byte[] digest = Arrays.copyOfRange(file, file.length - DIGEST, file.length);
        if (!MessageDigest.isEqual(digest, sha256(Arrays.copyOf(file, file.length - DIGEST)))) {
            throw new IllegalArgumentException("field dump checksum mismatch: the file is damaged");
        }
        Decoded<DlmsData> decoded = AxdrCodec.decode(Arrays.copyOfRange(file, HEADER, file.length - DIGEST), LIMITS);
        if (decoded instanceof Decoded.Failed<DlmsData> failed) {
            throw new IllegalArgumentException("field dump body does not decode: " + failed.error());
        }
        if (!(decoded.orElseThrow() instanceof DlmsData.Structure s) || s.elements().size() != 8
                || !(s.elements().get(0) instanceof DlmsData.OctetString name)) {
            throw new IllegalArgumentException("field dump body is not the version-1 structure");
        }
        List<DlmsData> e = s.elements();
        try {
            return new Content(new String(name.value(), StandardCharsets.US_ASCII), e.get(1), array(e.get(2)), e.get(3).asLong(),
                    array(e.get(4)), array(e.get(5)), array(e.get(6)), array(e.get(7)));
        } catch (IllegalArgumentException | ClassCastException shape) {
            throw new IllegalArgumentException("field dump body is not the version-1 structure", shape);
        }
    }

    private static List<DlmsData> array(DlmsData d) {
        return ((DlmsData.Array) d).elements();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
