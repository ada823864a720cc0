package org.adcs.protocol.session;

import java.util.Optional;
import org.adcs.protocol.apdu.Aare;
import org.adcs.protocol.apdu.Aarq;
import org.adcs.protocol.apdu.ActionRequest;
import org.adcs.protocol.apdu.ActionResponse;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.AuthenticationMechanism;
import org.adcs.protocol.apdu.CosemMethod;
import org.adcs.protocol.apdu.ReleaseRequest;
import org.adcs.protocol.apdu.ReleaseResponse;
import org.adcs.protocol.axdr.DlmsData;

/** The single-exchange client operations: associate, release, action. */
final class SimpleOperations {
    private SimpleOperations() {
    }

    static final class Associate extends ClientOperation<Association> {
        private final ClientSettings settings;

        Associate(ClientSettings settings) {
            this.settings = settings;
        }

        @Override
        boolean needsAssociation() {
            return false;
        }

        @Override
        Apdu firstRequest(ClientContext context) {
            return new Aarq(settings.password().isPresent() ? AuthenticationMechanism.LOW : AuthenticationMechanism.NONE,
                    settings.password(), settings.proposedConformance(), settings.maxReceivePduSize(), Aarq.DLMS_VERSION);
        }

        @Override
        Step onResponse(Apdu response, ClientContext context) throws SessionException {
            if (!(response instanceof Aare aare)) {
                return Step.IGNORE;
            }
            if (!aare.accepted() || !(aare.userInformation() instanceof Aare.InitiateResponse initiate)) {
                throw new SessionException(SessionException.Reason.ASSOCIATION_REJECTED,
                        "result " + aare.result() + ", diagnostic " + aare.diagnostic() + ", " + aare.userInformation());
            }
            Association association = new Association(initiate.negotiatedConformance(), initiate.serverMaxReceivePduSize());
            context.associated(association);
            future.complete(association);
            return Step.DONE;
        }
    }

    static final class Release extends ClientOperation<Void> {
        @Override
        boolean needsAssociation() {
            return false;
        }

        @Override
        Apdu firstRequest(ClientContext context) {
            return ReleaseRequest.NORMAL;
        }

        @Override
        Step onResponse(Apdu response, ClientContext context) {
            if (!(response instanceof ReleaseResponse)) {
                return Step.IGNORE;
            }
            context.released();
            future.complete(null);
            return Step.DONE;
        }
    }

    static final class Action extends ClientOperation<ActionResponse> {
        private final CosemMethod method;
        private final Optional<DlmsData> parameters;

        Action(CosemMethod method, Optional<DlmsData> parameters) {
            this.method = method;
            this.parameters = parameters;
        }

        @Override
        Apdu firstRequest(ClientContext context) {
            return new ActionRequest(invokeIdAndPriority, method, parameters);
        }

        @Override
        Step onResponse(Apdu response, ClientContext context) {
            if (!(response instanceof ActionResponse action) || !sameInvokeId(action.invokeIdAndPriority())) {
                return Step.IGNORE;
            }
            future.complete(action);
            return Step.DONE;
        }
    }
}
