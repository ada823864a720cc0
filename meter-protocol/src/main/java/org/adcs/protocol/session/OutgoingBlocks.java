package org.adcs.protocol.session;

import java.util.Arrays;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetRequest;
import org.adcs.protocol.apdu.GetResponse;
import org.adcs.protocol.codec.Octets;

/** The server's side of a long GET: slices an encoded answer into GET-Response with-datablock APDUs. */
final class OutgoingBlocks {
    /** Tag, type, invoke id, last-block, block number (4), raw-data choice, length (up to 3). */
    private static final int BLOCK_HEADER = 12;
    private byte[] payload;
    private int offset;
    private int chunk;
    private long blockNumber;
    private int invokeIdAndPriority;

    GetResponse.WithDataBlock start(int invokeIdAndPriority, byte[] encoded, int sendLimit) {
        this.payload = encoded;
        this.offset = 0;
        this.chunk = Math.max(1, sendLimit - BLOCK_HEADER);
        this.blockNumber = 0;
        this.invokeIdAndPriority = invokeIdAndPriority;
        return nextBlock();
    }

    /** Answers GET-Request next: the following block, or an error ending the transfer. */
    GetResponse.WithDataBlock next(GetRequest.Next request) {
        if (payload == null) {
            return failure(request, DataAccessResult.NO_LONG_GET_IN_PROGRESS);
        }
        if (request.blockNumber() != blockNumber) {
            clear();
            return failure(request, DataAccessResult.DATA_BLOCK_NUMBER_INVALID);
        }
        return nextBlock();
    }

    private GetResponse.WithDataBlock nextBlock() {
        int end = Math.min(payload.length, offset + chunk);
        byte[] slice = Arrays.copyOfRange(payload, offset, end);
        offset = end;
        blockNumber++;
        boolean last = end == payload.length;
        GetResponse.WithDataBlock block = new GetResponse.WithDataBlock(invokeIdAndPriority, last, blockNumber,
                new GetResponse.RawData(Octets.copyOf(slice)));
        if (last) {
            clear();
        }
        return block;
    }

    private static GetResponse.WithDataBlock failure(GetRequest.Next request, DataAccessResult result) {
        return new GetResponse.WithDataBlock(request.invokeIdAndPriority(), true, request.blockNumber(),
                new GetResponse.BlockFailure(result));
    }

    void clear() {
        payload = null;
    }
}
