package org.adcs.protocol.session;

import org.adcs.protocol.codec.Limits;

/** What an operation may see of its session. */
interface ClientContext {
    Limits limits();

    /** The accepted association, or null before association. */
    Association association();

    void associated(Association association);

    void released();
}
