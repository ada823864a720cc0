package org.adcs.protocol.apdu;

import org.adcs.protocol.cosem.ObisCode;

/** Cosem-Attribute-Descriptor: class id, logical name, attribute index (int8, 1-based; 0 = all). */
public record CosemAttribute(int classId, ObisCode instance, int attributeId) {
    public CosemAttribute {
        if (classId < 0 || classId > 0xFFFF || attributeId < -128 || attributeId > 127) {
            throw new IllegalArgumentException("class id is u16, attribute id int8");
        }
    }
}
