package org.adcs.protocol.cosem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ObisCodeTest {
    @Test
    void printsAndParsesTheDottedForm() {
        assertEquals("1.0.1.8.0.255", ObisCode.ACTIVE_ENERGY_IMPORT.toString());
        assertEquals(ObisCode.ACTIVE_ENERGY_IMPORT, ObisCode.parse("1.0.1.8.0.255"));
    }

    @Test
    void parsesTheIecReducedForm() {
        assertEquals(ObisCode.LOAD_PROFILE, ObisCode.parse("1-0:99.1.0.255"));
        assertEquals(ObisCode.LOAD_PROFILE, ObisCode.parse("1-0:99.1.0*255"));
    }

    @Test
    void rejectsValueGroupsOutOfRangeAndOtherText() {
        assertEquals(Optional.empty(), ObisCode.tryParse("1.0.1.8.0.256"));
        assertEquals(Optional.empty(), ObisCode.tryParse("1.0.1.8.0"));
        assertEquals(Optional.empty(), ObisCode.tryParse("a.b.c.d.e.f"));
        assertThrows(IllegalArgumentException.class, () -> ObisCode.parse("x"));
    }

    @Property(tries = 200)
    void printingThenParsingGivesTheSameCode(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
                                             @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d,
                                             @ForAll @IntRange(max = 255) int e, @ForAll @IntRange(max = 255) int f) {
        ObisCode code = new ObisCode(a, b, c, d, e, f);
        assertEquals(code, ObisCode.parse(code.toString()));
        assertEquals(code, ObisCode.fromBytes(code.toBytes()));
    }
}
