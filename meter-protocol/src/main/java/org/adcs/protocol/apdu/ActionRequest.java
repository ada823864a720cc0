package org.adcs.protocol.apdu;

import java.util.Optional;
import org.adcs.protocol.axdr.DlmsData;

/** ACTION-Request normal (the other ACTION request types are reported as unsupported on decode). */
public record ActionRequest(int invokeIdAndPriority, CosemMethod method, Optional<DlmsData> parameters) implements Apdu {
    public ActionRequest {
        GetRequest.checkU8(invokeIdAndPriority);
    }
}
