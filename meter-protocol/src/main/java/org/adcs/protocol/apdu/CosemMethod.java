package org.adcs.protocol.apdu;

import org.adcs.protocol.cosem.ObisCode;

/** Cosem-Method-Descriptor: class id, logical name, method index (int8, 1-based). */
public record CosemMethod(int classId, ObisCode instance, int methodId) {
    public CosemMethod {
        if (classId < 0 || classId > 0xFFFF || methodId < -128 || methodId > 127) {
            throw new IllegalArgumentException("class id is u16, method id int8");
        }
    }
}
