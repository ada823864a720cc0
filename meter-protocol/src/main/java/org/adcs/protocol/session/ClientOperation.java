package org.adcs.protocol.session;

import java.util.concurrent.CompletableFuture;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.InvokeIdAndPriority;

/**
 * One confirmed client service from first request to final response, including any block
 * transfer in between. Operations run one at a time; each completes its own future.
 */
abstract class ClientOperation<T> {
    final CompletableFuture<T> future = new CompletableFuture<>();
    int invokeIdAndPriority;

    /** Associate and release run without an association; everything else needs one. */
    boolean needsAssociation() {
        return true;
    }

    abstract Apdu firstRequest(ClientContext context);

    /** Handles a response for this operation; may complete {@link #future} or fail it via the context. */
    abstract Step onResponse(Apdu response, ClientContext context) throws SessionException;

    boolean sameInvokeId(int responseInvokeIdAndPriority) {
        // match on the invoke id only: peers answer 0x41 or 0xC1 regardless of what we sent
        return InvokeIdAndPriority.invokeId(responseInvokeIdAndPriority) == InvokeIdAndPriority.invokeId(invokeIdAndPriority);
    }

    void fail(SessionException e) {
        future.completeExceptionally(e);
    }

    static SessionException protocolError(String message) {
        return new SessionException(SessionException.Reason.PROTOCOL_ERROR, message);
    }
}
