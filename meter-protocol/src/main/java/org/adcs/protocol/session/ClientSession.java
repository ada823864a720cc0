package org.adcs.protocol.session;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.codec.Octets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.adcs.protocol.apdu.ActionResponse;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.AttributeRequest;
import org.adcs.protocol.apdu.ConfirmedServiceError;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.CosemMethod;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.apdu.ExceptionResponse;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.InvokeIdAndPriority;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;

/**
 * The head-end's side of one connection (the DLMS client), independent of any transport: requests
 * become APDUs handed to an {@link ApduTransport}; received APDUs are fed to {@link #onApdu}.
 * Requests queue and run one at a time, each with its own response timeout; block transfers are
 * followed inside a request. DataNotifications (pushes) go to the push listener at any time,
 * including before association, which is how a meter that dialled in identifies itself.
 * Thread-safe: the transport may deliver on its own thread while callers submit from others.
 */
public final class ClientSession {
    private final ClientSettings settings;
    private final ApduTransport transport;
    private final TimeoutScheduler scheduler;
    private final ArrayDeque<ClientOperation<?>> queue = new ArrayDeque<>();
    private volatile Consumer<DataNotification> pushListener = n -> { };
    private ClientOperation<?> current;
    private TimeoutScheduler.Cancellable timer;
    private Association association;
    private int nextInvokeId;
    private boolean closed;
    private final ClientContext context = new Context();

    public ClientSession(ClientSettings settings, ApduTransport transport, TimeoutScheduler scheduler) {
        this.settings = settings;
        this.transport = transport;
        this.scheduler = scheduler;
    }

    public void onPush(Consumer<DataNotification> listener) {
        this.pushListener = listener;
    }

    public CompletableFuture<Association> associate() {
        return submit(new SimpleOperations.Associate(settings));
    }

    /**
     * Associates with a password chosen now rather than at connection time: a meter that dials in
     * says who it is (a push) before the head-end knows which password to use.
     */
    public CompletableFuture<Association> associate(Optional<Octets> password) {
        return submit(new SimpleOperations.Associate(settings.withPassword(password)));
    }

    /** Reads one attribute; a data-access-result is a normal outcome, not an exception. */
    public CompletableFuture<GetDataResult> get(CosemAttribute attribute, Optional<SelectiveAccess> access) {
        return submit(new GetOperation(List.of(new AttributeRequest(attribute, access)))).thenApply(r -> r.get(0));
    }

    public CompletableFuture<GetDataResult> get(CosemAttribute attribute) {
        return get(attribute, Optional.empty());
    }

    /** Reads several attributes in one GET with-list; results are in request order. */
    public CompletableFuture<List<GetDataResult>> getWithList(List<AttributeRequest> attributes) {
        return submit(new GetOperation(attributes));
    }

    public CompletableFuture<DataAccessResult> set(CosemAttribute attribute, DlmsData value) {
        return submit(new SetOperation(attribute, Optional.empty(), value));
    }

    public CompletableFuture<ActionResponse> action(CosemMethod method, Optional<DlmsData> parameters) {
        return submit(new SimpleOperations.Action(method, parameters));
    }

    public CompletableFuture<Void> release() {
        return submit(new SimpleOperations.Release());
    }

    public synchronized boolean isAssociated() {
        return association != null;
    }

    private synchronized <T> CompletableFuture<T> submit(ClientOperation<T> operation) {
        if (closed) {
            operation.fail(new SessionException(SessionException.Reason.CLOSED, "connection closed"));
        } else {
            queue.add(operation);
            if (current == null) {
                startNext();
            }
        }
        return operation.future;
    }

    private void startNext() {
        while (current == null && !queue.isEmpty()) {
            ClientOperation<?> next = queue.poll();
            if (next.needsAssociation() && association == null) {
                next.fail(new SessionException(SessionException.Reason.NOT_ASSOCIATED, "associate first"));
                continue;
            }
            current = next;
            next.invokeIdAndPriority = InvokeIdAndPriority.of(nextInvokeId, settings.highPriority());
            nextInvokeId = (nextInvokeId + 1) & 0x0F;
            send(next.firstRequest(context));
        }
    }

    private void send(Apdu apdu) {
        cancelTimer();
        ClientOperation<?> waitingFor = current;
        timer = scheduler.schedule(settings.responseTimeout(), () -> timedOut(waitingFor));
        transport.send(ApduCodec.encode(apdu));
    }

    private synchronized void timedOut(ClientOperation<?> operation) {
        if (current == operation && operation != null) {
            finishCurrent(new SessionException(SessionException.Reason.TIMEOUT, "no response within " + settings.responseTimeout()));
        }
    }

    /** Feeds one received APDU. A malformed APDU fails every request and closes this connection only. */
    public void onApdu(byte[] bytes) {
        Decoded<Apdu> decoded = ApduCodec.decode(bytes, settings.limits());
        if (decoded instanceof Decoded.Failed<Apdu> failed) {
            protocolFailure(new SessionException(SessionException.Reason.PROTOCOL_ERROR, "malformed APDU: " + failed.error().message(), failed.error()));
            return;
        }
        Apdu apdu = decoded.orElseThrow();
        if (apdu instanceof DataNotification push) {
            pushListener.accept(push);
            return;
        }
        onResponse(apdu);
    }

    private synchronized void onResponse(Apdu apdu) {
        if (current == null) {
            return; // unsolicited or late: nothing waits for it
        }
        if (apdu instanceof ExceptionResponse || apdu instanceof ConfirmedServiceError) {
            finishCurrent(new SessionException(SessionException.Reason.SERVER_EXCEPTION, apdu.toString()));
            return;
        }
        try {
            Step step = current.onResponse(apdu, context);
            if (step instanceof Step.Send send) {
                send(send.apdu());
            } else if (step instanceof Step.Done) {
                finishCurrent(null);
            }
        } catch (SessionException e) {
            finishCurrent(e);
        }
    }

    private void finishCurrent(SessionException failure) {
        cancelTimer();
        if (failure != null) {
            current.fail(failure);
        }
        current = null;
        startNext();
    }

    private void protocolFailure(SessionException e) {
        synchronized (this) {
            failAll(e);
        }
        transport.close();
    }

    /** The transport closed: every pending request fails. */
    public synchronized void onClosed() {
        failAll(new SessionException(SessionException.Reason.CLOSED, "connection closed"));
    }

    private void failAll(SessionException e) {
        closed = true;
        association = null;
        cancelTimer();
        if (current != null) {
            current.fail(e);
            current = null;
        }
        while (!queue.isEmpty()) {
            queue.poll().fail(e);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** The session state an operation may read and change; kept off the public API. */
    private final class Context implements ClientContext {
        @Override
        public Limits limits() {
            return settings.limits();
        }

        @Override
        public Association association() {
            return association;
        }

        @Override
        public void associated(Association accepted) {
            association = accepted;
        }

        @Override
        public void released() {
            association = null;
        }
    }
}
