package org.adcs.protocol.session;

import java.io.ByteArrayOutputStream;
import java.util.function.BiFunction;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.SetRequest;
import org.adcs.protocol.apdu.SetResponse;
import org.adcs.protocol.axdr.AxdrCodec;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;

/** The server's side of SET: normal, or reassembling SET-Request with-datablock into one value. */
final class IncomingBlocks {
    private final Limits limits;
    private CosemAttribute attribute;
    private ByteArrayOutputStream buffer;
    private long blockNumber;

    IncomingBlocks(Limits limits) {
        this.limits = limits;
    }

    Apdu onSetRequest(SetRequest request, BiFunction<CosemAttribute, DlmsData, DataAccessResult> apply) {
        if (request instanceof SetRequest.Normal normal) {
            clear();
            return new SetResponse.Normal(normal.invokeIdAndPriority(), apply.apply(normal.attribute(), normal.value()));
        }
        if (request instanceof SetRequest.WithFirstDataBlock first) {
            clear();
            if (first.blockNumber() != 1) {
                return new SetResponse.LastDataBlock(first.invokeIdAndPriority(), DataAccessResult.DATA_BLOCK_NUMBER_INVALID, first.blockNumber());
            }
            attribute = first.attribute();
            buffer = new ByteArrayOutputStream();
            blockNumber = 0;
            return append(first.invokeIdAndPriority(), first.lastBlock(), first.blockNumber(), first.rawData().toByteArray(), apply);
        }
        SetRequest.WithDataBlock block = (SetRequest.WithDataBlock) request;
        if (buffer == null) {
            return new SetResponse.LastDataBlock(block.invokeIdAndPriority(), DataAccessResult.NO_LONG_SET_IN_PROGRESS, block.blockNumber());
        }
        if (block.blockNumber() != blockNumber + 1) {
            clear();
            return new SetResponse.LastDataBlock(block.invokeIdAndPriority(), DataAccessResult.DATA_BLOCK_NUMBER_INVALID, block.blockNumber());
        }
        return append(block.invokeIdAndPriority(), block.lastBlock(), block.blockNumber(), block.rawData().toByteArray(), apply);
    }

    private Apdu append(int iip, boolean last, long number, byte[] raw,
                        BiFunction<CosemAttribute, DlmsData, DataAccessResult> apply) {
        if (buffer.size() + raw.length > limits.maxReassembledSize()) {
            clear();
            return new SetResponse.LastDataBlock(iip, DataAccessResult.LONG_SET_ABORTED, number);
        }
        buffer.write(raw, 0, raw.length);
        blockNumber = number;
        if (!last) {
            return new SetResponse.DataBlock(iip, number);
        }
        Decoded<DlmsData> value = AxdrCodec.decode(buffer.toByteArray(), limits);
        CosemAttribute target = attribute;
        clear();
        DataAccessResult result = value instanceof Decoded.Ok<DlmsData> ok ? apply.apply(target, ok.value()) : DataAccessResult.TYPE_UNMATCHED;
        return new SetResponse.LastDataBlock(iip, result, number);
    }

    void clear() {
        attribute = null;
        buffer = null;
    }
}
