package org.adcs.protocol.apdu;

import java.util.Optional;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.Octets;

/** SET-Request: normal, and with data blocks when the value does not fit the server's max PDU. */
public sealed interface SetRequest extends Apdu {
    int invokeIdAndPriority();

    record Normal(int invokeIdAndPriority, CosemAttribute attribute, Optional<SelectiveAccess> access, DlmsData value)
            implements SetRequest {
        public Normal {
            GetRequest.checkU8(invokeIdAndPriority);
        }
    }

    /** First block: names the attribute; {@code rawData} is a slice of the encoded value. */
    record WithFirstDataBlock(int invokeIdAndPriority, CosemAttribute attribute, Optional<SelectiveAccess> access,
                              boolean lastBlock, long blockNumber, Octets rawData) implements SetRequest {
        public WithFirstDataBlock {
            GetRequest.checkU8(invokeIdAndPriority);
            GetRequest.checkU32(blockNumber);
        }
    }

    record WithDataBlock(int invokeIdAndPriority, boolean lastBlock, long blockNumber, Octets rawData) implements SetRequest {
        public WithDataBlock {
            GetRequest.checkU8(invokeIdAndPriority);
            GetRequest.checkU32(blockNumber);
        }
    }
}
