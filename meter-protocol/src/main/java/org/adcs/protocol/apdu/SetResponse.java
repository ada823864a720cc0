package org.adcs.protocol.apdu;

/** SET-Response: normal, datablock (acknowledges a non-last block), last-datablock. */
public sealed interface SetResponse extends Apdu {
    int invokeIdAndPriority();

    record Normal(int invokeIdAndPriority, DataAccessResult result) implements SetResponse {
        public Normal {
            GetRequest.checkU8(invokeIdAndPriority);
        }
    }

    record DataBlock(int invokeIdAndPriority, long blockNumber) implements SetResponse {
        public DataBlock {
            GetRequest.checkU8(invokeIdAndPriority);
            GetRequest.checkU32(blockNumber);
        }
    }

    record LastDataBlock(int invokeIdAndPriority, DataAccessResult result, long blockNumber) implements SetResponse {
        public LastDataBlock {
            GetRequest.checkU8(invokeIdAndPriority);
            GetRequest.checkU32(blockNumber);
        }
    }
}
