package org.adcs.protocol.apdu;

import java.util.List;
import org.adcs.protocol.codec.Octets;

/** GET-Response: normal, with-datablock (block transfer), with-list. */
public sealed interface GetResponse extends Apdu {
    int invokeIdAndPriority();

    record Normal(int invokeIdAndPriority, GetDataResult result) implements GetResponse {
        public Normal {
            GetRequest.checkU8(invokeIdAndPriority);
        }
    }

    /**
     * One block of a long GET response. {@code rawData} is a slice of the encoded result
     * (a Data value, or for with-list the count and Get-Data-Results); blocks number from 1.
     */
    record WithDataBlock(int invokeIdAndPriority, boolean lastBlock, long blockNumber, BlockResult result) implements GetResponse {
        public WithDataBlock {
            GetRequest.checkU8(invokeIdAndPriority);
            GetRequest.checkU32(blockNumber);
        }
    }

    record WithList(int invokeIdAndPriority, List<GetDataResult> results) implements GetResponse {
        public WithList {
            GetRequest.checkU8(invokeIdAndPriority);
            results = List.copyOf(results);
        }
    }

    /** DataBlock-G result CHOICE: raw-data or data-access-result. */
    sealed interface BlockResult {
    }

    record RawData(Octets bytes) implements BlockResult {
    }

    record BlockFailure(DataAccessResult result) implements BlockResult {
    }
}
