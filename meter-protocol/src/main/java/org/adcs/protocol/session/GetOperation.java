package org.adcs.protocol.session;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.AttributeRequest;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.GetRequest;
import org.adcs.protocol.apdu.GetResponse;
import org.adcs.protocol.axdr.AxdrCodec;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.Decoded;

/**
 * GET normal or with-list, reassembling a block-transfer answer (GET-Response with-datablock,
 * acknowledged by GET-Request next) into one value before decoding it.
 */
final class GetOperation extends ClientOperation<List<GetDataResult>> {
    private final List<AttributeRequest> attributes;
    private final ByteArrayOutputStream blocks = new ByteArrayOutputStream();
    private long expectedBlock = 1;

    GetOperation(List<AttributeRequest> attributes) {
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("nothing to get");
        }
        this.attributes = List.copyOf(attributes);
    }

    private boolean single() {
        return attributes.size() == 1;
    }

    @Override
    Apdu firstRequest(ClientContext context) {
        if (single()) {
            AttributeRequest a = attributes.get(0);
            return new GetRequest.Normal(invokeIdAndPriority, a.attribute(), a.access());
        }
        return new GetRequest.WithList(invokeIdAndPriority, attributes);
    }

    @Override
    Step onResponse(Apdu response, ClientContext context) throws SessionException {
        if (!(response instanceof GetResponse get) || !sameInvokeId(get.invokeIdAndPriority())) {
            return Step.IGNORE;
        }
        if (get instanceof GetResponse.Normal normal && single() && expectedBlock == 1) {
            future.complete(List.of(normal.result()));
            return Step.DONE;
        }
        if (get instanceof GetResponse.WithList list && !single() && expectedBlock == 1) {
            return complete(list.results());
        }
        if (get instanceof GetResponse.WithDataBlock block) {
            return onBlock(block, context);
        }
        throw protocolError("unexpected " + get.getClass().getSimpleName());
    }

    private Step onBlock(GetResponse.WithDataBlock block, ClientContext context) throws SessionException {
        if (block.blockNumber() != expectedBlock) {
            throw protocolError("block " + block.blockNumber() + " where " + expectedBlock + " was expected");
        }
        if (block.result() instanceof GetResponse.BlockFailure failure) {
            if (!single()) {
                throw new SessionException(SessionException.Reason.SERVER_EXCEPTION, "with-list block transfer failed: " + failure.result());
            }
            future.complete(List.of(new GetDataResult.Failure(failure.result())));
            return Step.DONE;
        }
        byte[] raw = ((GetResponse.RawData) block.result()).bytes().toByteArray();
        if (blocks.size() + raw.length > context.limits().maxReassembledSize()) {
            throw protocolError("block transfer over " + context.limits().maxReassembledSize() + " bytes");
        }
        blocks.write(raw, 0, raw.length);
        if (!block.lastBlock()) {
            expectedBlock++;
            return new Step.Send(new GetRequest.Next(invokeIdAndPriority, block.blockNumber()));
        }
        byte[] whole = blocks.toByteArray();
        if (single()) {
            Decoded<DlmsData> data = AxdrCodec.decode(whole, context.limits());
            if (data instanceof Decoded.Failed<DlmsData> failed) {
                throw new SessionException(SessionException.Reason.PROTOCOL_ERROR, "reassembled value", failed.error());
            }
            future.complete(List.of(new GetDataResult.Value(data.orElseThrow())));
            return Step.DONE;
        }
        Decoded<List<GetDataResult>> results = ApduCodec.decodeGetDataResults(whole, context.limits());
        if (results instanceof Decoded.Failed<List<GetDataResult>> failed) {
            throw new SessionException(SessionException.Reason.PROTOCOL_ERROR, "reassembled results", failed.error());
        }
        return complete(results.orElseThrow());
    }

    private Step complete(List<GetDataResult> results) throws SessionException {
        if (results.size() != attributes.size()) {
            throw protocolError(results.size() + " results for " + attributes.size() + " attributes");
        }
        future.complete(results);
        return Step.DONE;
    }
}
