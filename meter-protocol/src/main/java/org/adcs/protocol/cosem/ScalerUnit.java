package org.adcs.protocol.cosem;

import java.math.BigDecimal;
import java.util.Optional;
import org.adcs.protocol.axdr.DlmsData;

/**
 * Register scaler_unit (class 3, attribute 3): value × 10^scaler in {@code unit}
 * (Blue Book unit enumeration, e.g. 30 = Wh, 27 = W, 32 = varh).
 */
public record ScalerUnit(int scaler, int unit) {
    public static final int UNIT_WH = 30;
    public static final int UNIT_W = 27;
    public static final int UNIT_VARH = 32;
    public static final int UNIT_COUNT = 255;

    public ScalerUnit {
        if (scaler < -128 || scaler > 127 || unit < 0 || unit > 255) {
            throw new IllegalArgumentException("scaler is an int8, unit an enum");
        }
    }

    public DlmsData toData() {
        return DlmsData.Structure.of(new DlmsData.Int8(scaler), new DlmsData.Enum(unit));
    }

    public static Optional<ScalerUnit> fromData(DlmsData data) {
        if (data instanceof DlmsData.Structure s && s.elements().size() == 2
                && s.elements().get(0) instanceof DlmsData.Int8 scaler && s.elements().get(1) instanceof DlmsData.Enum unit) {
            return Optional.of(new ScalerUnit(scaler.value(), unit.value()));
        }
        return Optional.empty();
    }

    /** The engineering value of a raw register value. */
    public BigDecimal apply(long raw) {
        return BigDecimal.valueOf(raw).scaleByPowerOfTen(scaler);
    }
}
