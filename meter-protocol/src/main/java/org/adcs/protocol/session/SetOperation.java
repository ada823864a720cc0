package org.adcs.protocol.session;

import java.util.Arrays;
import java.util.Optional;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.apdu.SetRequest;
import org.adcs.protocol.apdu.SetResponse;
import org.adcs.protocol.axdr.AxdrCodec;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.Octets;

/** SET normal, or with data blocks when the request would exceed the server's max receive PDU. */
final class SetOperation extends ClientOperation<DataAccessResult> {
    /** Bytes a block request adds around its raw data, generously: tags, descriptor, access, block header, length. */
    private static final int BLOCK_OVERHEAD = 32;
    private final CosemAttribute attribute;
    private final Optional<SelectiveAccess> access;
    private final DlmsData value;
    private byte[] encodedValue;
    private int chunkSize;
    private int offset;
    private long blockNumber;

    SetOperation(CosemAttribute attribute, Optional<SelectiveAccess> access, DlmsData value) {
        this.attribute = attribute;
        this.access = access;
        this.value = value;
    }

    @Override
    Apdu firstRequest(ClientContext context) {
        SetRequest.Normal normal = new SetRequest.Normal(invokeIdAndPriority, attribute, access, value);
        int serverMax = context.association().serverMaxReceivePduSize();
        byte[] encoded = ApduCodec.encode(normal);
        if (serverMax == 0 || encoded.length <= serverMax) {
            return normal;
        }
        encodedValue = AxdrCodec.encode(value);
        int accessSize = access.map(a -> AxdrCodec.encode(a.parameters()).length + 1).orElse(0);
        chunkSize = Math.max(1, serverMax - BLOCK_OVERHEAD - accessSize);
        blockNumber = 1;
        offset = Math.min(chunkSize, encodedValue.length);
        return new SetRequest.WithFirstDataBlock(invokeIdAndPriority, attribute, access, offset == encodedValue.length,
                blockNumber, Octets.copyOf(encodedValue, 0, offset));
    }

    @Override
    Step onResponse(Apdu response, ClientContext context) throws SessionException {
        if (!(response instanceof SetResponse set) || !sameInvokeId(set.invokeIdAndPriority())) {
            return Step.IGNORE;
        }
        if (set instanceof SetResponse.Normal normal && encodedValue == null) {
            future.complete(normal.result());
            return Step.DONE;
        }
        if (set instanceof SetResponse.DataBlock ack && encodedValue != null && offset < encodedValue.length) {
            if (ack.blockNumber() != blockNumber) {
                throw protocolError("server acknowledged block " + ack.blockNumber() + ", sent " + blockNumber);
            }
            int end = Math.min(encodedValue.length, offset + chunkSize);
            byte[] chunk = Arrays.copyOfRange(encodedValue, offset, end);
            offset = end;
            blockNumber++;
            return new Step.Send(new SetRequest.WithDataBlock(invokeIdAndPriority, end == encodedValue.length, blockNumber,
                    Octets.copyOf(chunk)));
        }
        if (set instanceof SetResponse.LastDataBlock last && encodedValue != null && offset == encodedValue.length) {
            if (last.blockNumber() != blockNumber) {
                throw protocolError("server finished at block " + last.blockNumber() + ", sent " + blockNumber);
            }
            future.complete(last.result());
            return Step.DONE;
        }
        throw protocolError("unexpected " + set.getClass().getSimpleName());
    }
}
