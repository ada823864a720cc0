package org.adcs.protocol.apdu;

import java.util.Optional;

/** Cosem-Attribute-Descriptor-With-Selection: an attribute and optional selective access. */
public record AttributeRequest(CosemAttribute attribute, Optional<SelectiveAccess> access) {
    public static AttributeRequest of(CosemAttribute attribute) {
        return new AttributeRequest(attribute, Optional.empty());
    }
}
