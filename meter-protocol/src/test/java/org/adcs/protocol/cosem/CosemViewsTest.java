package org.adcs.protocol.cosem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.testing.TestMeter;
import org.junit.jupiter.api.Test;

class CosemViewsTest {
    private final TestMeter meter = new TestMeter();

    @Test
    void scalerUnitTurnsRawRegisterValuesIntoEngineeringUnits() {
        // R-COL-2: pulses to engineering units; 10^-1 Wh per count
        assertEquals(new BigDecimal("1234.5"), new ScalerUnit(-1, ScalerUnit.UNIT_WH).apply(12_345));
        assertEquals(Optional.of(new ScalerUnit(3, 30)), ScalerUnit.fromData(new ScalerUnit(3, 30).toData()));
        assertEquals(Optional.empty(), ScalerUnit.fromData(DlmsData.Structure.of(new DlmsData.UInt8(3), new DlmsData.Enum(30))));
    }

    @Test
    void captureObjectDefinitionsRoundTripAndRejectOtherShapes() {
        CaptureObject energy = new CaptureObject(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2, 0);
        assertEquals(Optional.of(energy), CaptureObject.fromData(energy.toData()));
        assertEquals(Optional.empty(), CaptureObject.fromData(DlmsData.Structure.of(new DlmsData.UInt16(3))));
    }

    @Test
    void aSelectiveAccessOfTheWrongShapeIsTypeUnmatchedNotAnError() {
        CosemObject profile = meter.model.find(ObisCode.LOAD_PROFILE).orElseThrow();
        GetDataResult result = profile.get(2, Optional.of(new SelectiveAccess(1, new DlmsData.UInt8(1))));
        assertEquals(new GetDataResult.Failure(DataAccessResult.TYPE_UNMATCHED), result);
        GetDataResult unknownSelector = profile.get(2, Optional.of(new SelectiveAccess(9, DlmsData.Structure.of())));
        assertEquals(new GetDataResult.Failure(DataAccessResult.TYPE_UNMATCHED), unknownSelector);
    }

    @Test
    void selectiveAccessOnAnAttributeWithoutItIsAScopeViolation() {
        CosemObject register = meter.model.find(ObisCode.ACTIVE_ENERGY_IMPORT).orElseThrow();
        assertEquals(new GetDataResult.Failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED),
                register.get(2, Optional.of(new SelectiveAccess(1, DlmsData.NullData.INSTANCE))));
    }

    @Test
    void anEntryRangeBeyondTheBufferIsClippedToWhatExists() {
        CosemObject profile = meter.model.find(ObisCode.LOAD_PROFILE).orElseThrow();
        DlmsData buffer = ((GetDataResult.Value) profile.get(2, Optional.of(new SelectiveAccess(2,
                new ProfileSelection.Entries(4319, 99_999, 1, 1).toData())))).data();
        List<List<DlmsData>> rows = ProfileGenericObject.parseBuffer(buffer).orElseThrow();
        assertEquals(2, rows.size());
        assertEquals(1, rows.get(0).size(), "only the first column");
    }

    @Test
    void theLogicalDeviceNameIdentifiesTheMeter() {
        CosemObject name = meter.model.find(ObisCode.LOGICAL_DEVICE_NAME).orElseThrow();
        assertEquals(new GetDataResult.Value(new DlmsData.OctetString(TestMeter.DEVICE_NAME.getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
                name.get(2, Optional.empty()));
        assertEquals(new GetDataResult.Value(new DlmsData.OctetString(ObisCode.LOGICAL_DEVICE_NAME.toBytes())), name.get(1, Optional.empty()));
    }
}
