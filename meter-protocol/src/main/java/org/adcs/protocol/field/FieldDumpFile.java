package org.adcs.protocol.field;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.adcs.protocol.axdr.AxdrCodec;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ScalerUnit;

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
 * All integers are big-endian. {@link #read} refuses any file whose magic, version, length,
 * checksum or body shape does not match, decoding the body with bounded A-XDR limits; it never
 * throws anything but {@link Defect} for untrusted input. Whether the values make sense for a
 * meter (ranges, times) is the reader's business: the file only promises it is whole.
 */
public final class FieldDumpFile {
    public static final byte[] MAGIC = "ADCSFDMP".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    private static final int HEADER = 8 + 2 + 4;
    private static final int DIGEST = 32;
    private static final Limits LIMITS = new Limits(0xFFFF, 64 << 20, 8, 1 << 20);

    private FieldDumpFile() {
    }

    /** Why a file is not a readable field dump. */
    public static final class Defect extends IllegalArgumentException {
        public Defect(String message) {
            super(message);
        }
    }

    /** A profile channel: the OBIS code of its register and the unit the rows count in. */
    public record Channel(ObisCode obis, ScalerUnit scalerUnit) {
    }

    /** A load profile row: end of the interval, AMR status bits, import and export as the meter counts them. */
    public record IntervalRow(CosemDateTime end, long status, long importValue, long exportValue) {
    }

    /** A daily billing row: the registers at a midnight. */
    public record BillingRow(CosemDateTime midnight, long importValue, long exportValue) {
    }

    /** An event log entry. */
    public record EventRow(CosemDateTime time, long code) {
    }

    /** A day's voltage (0.1 V): minimum, average, maximum. */
    public record QualityRow(CosemDateTime midnight, long min, long avg, long max) {
    }

    /** The dump's sections, as the class comment lists them. */
    public record Content(String logicalDeviceName, CosemDateTime dumpedAt, List<Channel> channels, long capturePeriodSeconds,
                          List<IntervalRow> loadProfile, List<BillingRow> dailyBilling, List<EventRow> eventLog,
                          List<QualityRow> powerQuality) {
        public Content {
            channels = List.copyOf(channels);
            loadProfile = List.copyOf(loadProfile);
            dailyBilling = List.copyOf(dailyBilling);
            eventLog = List.copyOf(eventLog);
            powerQuality = List.copyOf(powerQuality);
        }
    }

    /** The file for a body of the layout above: header, body, checksum. */
    public static byte[] frame(DlmsData.Structure body) {
        byte[] encoded = AxdrCodec.encode(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + encoded.length + DIGEST);
        out.writeBytes(MAGIC);
        out.writeBytes(ByteBuffer.allocate(6).putShort((short) VERSION).putInt(encoded.length).array());
        out.writeBytes(encoded);
        out.writeBytes(sha256(out.toByteArray()));
        return out.toByteArray();
    }

    /** Reads and checks a dump; any defect is a {@link Defect} saying which. */
    public static Content read(byte[] file) {
        List<DlmsData> e = body(file);
        return new Content(text(e.get(0), "logical device name"), time(e.get(1), "dump time"),
                map(e.get(2), "channels", FieldDumpFile::channel), number(e.get(3), "capture period"),
                map(e.get(4), "load profile", row -> {
                    List<DlmsData> r = fields(row, 4, "load profile row");
                    return new IntervalRow(time(r.get(0), "interval end"), number(r.get(1), "status"),
                            number(r.get(2), "import value"), number(r.get(3), "export value"));
                }),
                map(e.get(5), "daily billing", row -> {
                    List<DlmsData> r = fields(row, 3, "billing row");
                    return new BillingRow(time(r.get(0), "billing time"), number(r.get(1), "import register"),
                            number(r.get(2), "export register"));
                }),
                map(e.get(6), "event log", row -> {
                    List<DlmsData> r = fields(row, 2, "event");
                    return new EventRow(time(r.get(0), "event time"), number(r.get(1), "event code"));
                }),
                map(e.get(7), "power quality", row -> {
                    List<DlmsData> r = fields(row, 4, "power quality row");
                    return new QualityRow(time(r.get(0), "power quality day"), number(r.get(1), "minimum voltage"),
                            number(r.get(2), "average voltage"), number(r.get(3), "maximum voltage"));
                }));
    }

    /** The body's eight sections once the frame and checksum are right. */
    private static List<DlmsData> body(byte[] file) {
        if (file.length < HEADER + DIGEST || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new Defect("not a field dump (magic " + new String(MAGIC, StandardCharsets.US_ASCII) + " missing)");
        }
        ByteBuffer header = ByteBuffer.wrap(file, MAGIC.length, 6);
        int version = header.getShort() & 0xFFFF;
        long length = header.getInt() & 0xFFFF_FFFFL;
        if (version != VERSION) {
            throw new Defect("field dump version " + version + " is not supported (only " + VERSION + ")");
        }
        if (length != file.length - HEADER - DIGEST) {
            throw new Defect("field dump length " + length + " does not match the file (" + (file.length - HEADER - DIGEST) + ")");
        }
        byte[] digest = Arrays.copyOfRange(file, file.length - DIGEST, file.length);
        if (!MessageDigest.isEqual(digest, sha256(Arrays.copyOf(file, file.length - DIGEST)))) {
            throw new Defect("field dump checksum mismatch: the file is damaged or was altered");
        }
        Decoded<DlmsData> decoded = AxdrCodec.decode(Arrays.copyOfRange(file, HEADER, file.length - DIGEST), LIMITS);
        if (decoded instanceof Decoded.Failed<DlmsData> failed) {
            throw new Defect("field dump body does not decode: " + failed.error());
        }
        if (!(decoded.orElseThrow() instanceof DlmsData.Structure s) || s.elements().size() != 8) {
            throw new Defect("field dump body is not the version-1 structure of eight sections");
        }
        return s.elements();
    }

    private static Channel channel(DlmsData d) {
        List<DlmsData> r = fields(d, 2, "channel");
        if (!(r.get(0) instanceof DlmsData.OctetString obis) || obis.value().length != 6) {
            throw new Defect("field dump channel has no 6-byte OBIS code");
        }
        return new Channel(ObisCode.fromBytes(obis.value()), ScalerUnit.fromData(r.get(1))
                .orElseThrow(() -> new Defect("field dump channel " + ObisCode.fromBytes(obis.value()) + " has no scaler-unit")));
    }

    private interface Parser<T> {
        T parse(DlmsData d);
    }

    private static <T> List<T> map(DlmsData d, String section, Parser<T> parser) {
        if (!(d instanceof DlmsData.Array a)) {
            throw new Defect("field dump " + section + " is not an array");
        }
        List<T> out = new ArrayList<>(a.elements().size());
        for (DlmsData element : a.elements()) {
            out.add(parser.parse(element));
        }
        return out;
    }

    private static List<DlmsData> fields(DlmsData d, int count, String what) {
        if (!(d instanceof DlmsData.Structure s) || s.elements().size() != count) {
            throw new Defect("field dump " + what + " is not a structure of " + count + " elements");
        }
        return s.elements();
    }

    private static String text(DlmsData d, String what) {
        if (!(d instanceof DlmsData.OctetString s)) {
            throw new Defect("field dump " + what + " is not an octet-string");
        }
        return new String(s.value(), StandardCharsets.US_ASCII);
    }

    private static CosemDateTime time(DlmsData d, String what) {
        if (!(d instanceof DlmsData.OctetString s)) {
            throw new Defect("field dump " + what + " is not a date-time");
        }
        return CosemDateTime.fromBytes(s.value()).orElseThrow(() -> new Defect("field dump " + what + " is not a date-time"));
    }

    private static long number(DlmsData d, String what) {
        try {
            return d.asLong();
        } catch (IllegalArgumentException | ArithmeticException notANumber) {
            throw new Defect("field dump " + what + " is not a number");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
