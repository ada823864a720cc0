package org.adcs.protocol.session;

import org.adcs.protocol.apdu.Apdu;

/** What a client operation does after a response: send another APDU (next block), or it is finished. */
sealed interface Step {
    record Send(Apdu apdu) implements Step {
    }

    record Done() implements Step {
    }

    /** The response does not belong to this operation (e.g. a late answer to a timed-out request). */
    record Ignore() implements Step {
    }

    Step DONE = new Done();
    Step IGNORE = new Ignore();
}
