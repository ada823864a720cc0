package org.adcs.protocol.axdr;

/** A-XDR Data CHOICE tags (Green Book, "Data"). */
public final class DataTag {
    public static final int NULL = 0;
    public static final int ARRAY = 1;
    public static final int STRUCTURE = 2;
    public static final int BOOLEAN = 3;
    public static final int BIT_STRING = 4;
    public static final int DOUBLE_LONG = 5;
    public static final int DOUBLE_LONG_UNSIGNED = 6;
    public static final int OCTET_STRING = 9;
    public static final int VISIBLE_STRING = 10;
    public static final int UTF8_STRING = 12;
    public static final int BCD = 13;
    public static final int INTEGER = 15;
    public static final int LONG = 16;
    public static final int UNSIGNED = 17;
    public static final int LONG_UNSIGNED = 18;
    public static final int COMPACT_ARRAY = 19;
    public static final int LONG64 = 20;
    public static final int LONG64_UNSIGNED = 21;
    public static final int ENUM = 22;
    public static final int FLOAT32 = 23;
    public static final int FLOAT64 = 24;
    public static final int DATE_TIME = 25;

    private DataTag() {
    }
}
