package org.adcs.protocol.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.Aare;
import org.adcs.protocol.apdu.Aarq;
import org.adcs.protocol.apdu.ActionRequest;
import org.adcs.protocol.apdu.ActionResponse;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.AttributeRequest;
import org.adcs.protocol.apdu.AuthenticationMechanism;
import org.adcs.protocol.apdu.ConfirmedServiceError;
import org.adcs.protocol.apdu.Conformance;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.apdu.ExceptionResponse;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.GetRequest;
import org.adcs.protocol.apdu.GetResponse;
import org.adcs.protocol.apdu.ReleaseRequest;
import org.adcs.protocol.apdu.ReleaseResponse;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.apdu.SetRequest;
import org.adcs.protocol.axdr.AxdrCodec;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.DecodeError;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.CosemObject;
import org.adcs.protocol.cosem.ObjectModel;
import org.adcs.protocol.wrapper.WrapperFrame;

/**
 * The meter's side of one association (the DLMS server), independent of any transport: each
 * received APDU yields one reply, or a request to close the connection if it was malformed. Dispatches to the {@link ObjectModel} the meter
 * implementation supplies; answers that exceed the client's max receive PDU go out in blocks.
 * One instance per client wPort on a connection; not thread-safe (the adapter serialises calls).
 */
public final class ServerSession {
    private static final int AARQ_TAG = 0x60;
    private final ServerSettings settings;
    private final ObjectModel model;
    private final int clientWPort;
    private boolean associated;
    private Conformance negotiated = new Conformance(0);
    private int clientMaxReceivePdu = 0xFFFF;
    private final OutgoingBlocks outgoing = new OutgoingBlocks();
    private final IncomingBlocks incoming;
    private long pushInvokeId;

    public ServerSession(ServerSettings settings, ObjectModel model, int clientWPort) {
        this.settings = settings;
        this.model = model;
        this.clientWPort = clientWPort;
        this.incoming = new IncomingBlocks(settings.limits());
    }

    public boolean isAssociated() {
        return associated;
    }

    public ServerReply onApdu(byte[] bytes) {
        Decoded<Apdu> decoded = ApduCodec.decode(bytes, settings.limits());
        if (decoded instanceof Decoded.Failed<Apdu> failed) {
            if (failed.error() instanceof DecodeError.Unsupported) {
                return new ServerReply.Send(ApduCodec.encode(refuseUnsupported(bytes)));
            }
            return new ServerReply.Close(failed.error()); // malformed: this connection only
        }
        return new ServerReply.Send(ApduCodec.encode(handle(decoded.orElseThrow())));
    }

    /**
     * Well-formed but outside our subset (ciphering, short names, SET with-list, ...): refused with
     * an AARE or an ExceptionResponse, as a meter would, instead of dropping the connection.
     */
    private Apdu refuseUnsupported(byte[] bytes) {
        if ((bytes[0] & 0xFF) == AARQ_TAG) {
            associated = false;
            return new Aare(Aare.REJECTED_PERMANENT, Aare.DIAGNOSTIC_SOURCE_USER, Aare.DIAGNOSTIC_APPLICATION_CONTEXT_NOT_SUPPORTED,
                    new Aare.InitiateError(new ConfirmedServiceError(1, 6, 0)));
        }
        return new ExceptionResponse(ExceptionResponse.SERVICE_UNKNOWN, ExceptionResponse.SERVICE_NOT_SUPPORTED);
    }

    /** A DataNotification (push) APDU carrying {@code body}; pushes need no association. */
    public byte[] dataNotification(DlmsData body, Optional<CosemDateTime> time) {
        pushInvokeId = (pushInvokeId + 1) & 0x00FF_FFFFL;
        return ApduCodec.encode(new DataNotification(pushInvokeId, time, body));
    }

    private Apdu handle(Apdu apdu) {
        if (apdu instanceof Aarq aarq) {
            return associate(aarq);
        }
        if (apdu instanceof ReleaseRequest) {
            associated = false;
            outgoing.clear();
            incoming.clear();
            return ReleaseResponse.NORMAL;
        }
        boolean isRequest = apdu instanceof GetRequest || apdu instanceof SetRequest || apdu instanceof ActionRequest;
        if (!isRequest) {
            return new ExceptionResponse(ExceptionResponse.SERVICE_UNKNOWN, ExceptionResponse.SERVICE_NOT_SUPPORTED);
        }
        if (!associated) {
            return new ExceptionResponse(ExceptionResponse.SERVICE_NOT_ALLOWED, ExceptionResponse.OPERATION_NOT_POSSIBLE);
        }
        if (apdu instanceof GetRequest get) {
            return get(get);
        }
        if (apdu instanceof SetRequest set) {
            return incoming.onSetRequest(set, this::set);
        }
        return action((ActionRequest) apdu);
    }

    private Apdu associate(Aarq aarq) {
        Optional<Integer> refusal = refusal(aarq);
        if (aarq.dlmsVersion() < Aarq.DLMS_VERSION) {
            // initiateError / initiate / dlms-version-too-low
            return new Aare(Aare.REJECTED_PERMANENT, Aare.DIAGNOSTIC_SOURCE_USER, Aare.DIAGNOSTIC_NO_REASON,
                    new Aare.InitiateError(new ConfirmedServiceError(1, 6, 1)));
        }
        negotiated = aarq.proposedConformance().intersect(settings.supportedConformance());
        Aare.InitiateResponse initiate = new Aare.InitiateResponse(negotiated, settings.maxReceivePduSize(), Aarq.DLMS_VERSION,
                Aare.InitiateResponse.VAA_NAME_LN);
        if (refusal.isPresent()) {
            associated = false;
            return new Aare(Aare.REJECTED_PERMANENT, Aare.DIAGNOSTIC_SOURCE_USER, refusal.get(), initiate);
        }
        associated = true;
        // 0 would mean "no limit"; treat it as the largest wrapper payload
        clientMaxReceivePdu = aarq.clientMaxReceivePduSize() == 0 ? 0xFFFF : aarq.clientMaxReceivePduSize();
        outgoing.clear();
        incoming.clear();
        return new Aare(Aare.ACCEPTED, Aare.DIAGNOSTIC_SOURCE_USER, Aare.DIAGNOSTIC_NULL, initiate);
    }

    private Optional<Integer> refusal(Aarq aarq) {
        if (aarq.mechanism() == AuthenticationMechanism.NONE) {
            boolean allowed = clientWPort == WrapperFrame.PUBLIC_CLIENT && settings.publicClientWithoutPassword();
            return allowed ? Optional.empty() : Optional.of(Aare.DIAGNOSTIC_AUTHENTICATION_REQUIRED);
        }
        if (aarq.mechanism() != AuthenticationMechanism.LOW) {
            return Optional.of(Aare.DIAGNOSTIC_MECHANISM_NOT_RECOGNISED);
        }
        boolean match = settings.llsPassword().isPresent() && aarq.password().equals(settings.llsPassword());
        return match ? Optional.empty() : Optional.of(Aare.DIAGNOSTIC_AUTHENTICATION_FAILURE);
    }

    private int sendLimit() {
        return Math.min(clientMaxReceivePdu, settings.maxSendPduSize());
    }

    private Apdu get(GetRequest request) {
        if (request instanceof GetRequest.Next next) {
            return outgoing.next(next);
        }
        outgoing.clear(); // a new request abandons any unfinished long GET
        if (request instanceof GetRequest.Normal normal) {
            GetDataResult result = read(normal.attribute(), normal.access());
            GetResponse.Normal response = new GetResponse.Normal(normal.invokeIdAndPriority(), result);
            byte[] encoded = ApduCodec.encode(response);
            if (encoded.length <= sendLimit() || !(result instanceof GetDataResult.Value value)) {
                return response;
            }
            return outgoing.start(normal.invokeIdAndPriority(), AxdrCodec.encode(value.data()), sendLimit());
        }
        GetRequest.WithList list = (GetRequest.WithList) request;
        // an untrusted client may list the same large attribute thousands of times: stop reading once
        // the answer would exceed what any client may reassemble, and refuse the rest
        List<GetDataResult> results = new ArrayList<>();
        long budget = settings.limits().maxReassembledSize();
        for (AttributeRequest a : list.attributes()) {
            GetDataResult result = budget < 0 ? new GetDataResult.Failure(DataAccessResult.TEMPORARY_FAILURE) : read(a.attribute(), a.access());
            if (result instanceof GetDataResult.Value value) {
                budget -= AxdrCodec.encode(value.data()).length;
                if (budget < 0) {
                    result = new GetDataResult.Failure(DataAccessResult.TEMPORARY_FAILURE);
                }
            }
            results.add(result);
        }
        GetResponse.WithList response = new GetResponse.WithList(list.invokeIdAndPriority(), results);
        if (ApduCodec.encode(response).length <= sendLimit()) {
            return response;
        }
        return outgoing.start(list.invokeIdAndPriority(), ApduCodec.encodeGetDataResults(results), sendLimit());
    }

    private GetDataResult read(CosemAttribute attribute, Optional<SelectiveAccess> access) {
        Optional<CosemObject> object = model.find(attribute.instance());
        if (object.isEmpty()) {
            return new GetDataResult.Failure(DataAccessResult.OBJECT_UNDEFINED);
        }
        if (object.get().classId() != attribute.classId()) {
            return new GetDataResult.Failure(DataAccessResult.OBJECT_CLASS_INCONSISTENT);
        }
        if (access.isPresent() && !negotiated.has(Conformance.Bit.SELECTIVE_ACCESS)) {
            return new GetDataResult.Failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED);
        }
        return object.get().get(attribute.attributeId(), access);
    }

    private DataAccessResult set(CosemAttribute attribute, DlmsData value) {
        Optional<CosemObject> object = model.find(attribute.instance());
        if (object.isEmpty()) {
            return DataAccessResult.OBJECT_UNDEFINED;
        }
        if (object.get().classId() != attribute.classId()) {
            return DataAccessResult.OBJECT_CLASS_INCONSISTENT;
        }
        return object.get().set(attribute.attributeId(), value);
    }

    private Apdu action(ActionRequest request) {
        Optional<CosemObject> object = model.find(request.method().instance());
        if (object.isEmpty() || object.get().classId() != request.method().classId()) {
            DataAccessResult r = object.isEmpty() ? DataAccessResult.OBJECT_UNDEFINED : DataAccessResult.OBJECT_CLASS_INCONSISTENT;
            return new ActionResponse(request.invokeIdAndPriority(), r, Optional.empty());
        }
        CosemObject.ActionOutcome outcome = object.get().action(request.method().methodId(), request.parameters());
        return new ActionResponse(request.invokeIdAndPriority(), outcome.result(),
                outcome.returnData().map(GetDataResult.Value::new));
    }
}
