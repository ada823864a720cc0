package org.adcs.protocol.apdu;

import java.util.Optional;

/** ACTION-Response normal: the action result and optional return parameters. */
public record ActionResponse(int invokeIdAndPriority, DataAccessResult result, Optional<GetDataResult> returnParameters)
        implements Apdu {
    public ActionResponse {
        GetRequest.checkU8(invokeIdAndPriority);
    }
}
