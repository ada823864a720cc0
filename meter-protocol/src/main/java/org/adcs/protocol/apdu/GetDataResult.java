package org.adcs.protocol.apdu;

import org.adcs.protocol.axdr.DlmsData;

/** Get-Data-Result: the value or why it could not be read. */
public sealed interface GetDataResult {
    record Value(DlmsData data) implements GetDataResult {
    }

    record Failure(DataAccessResult result) implements GetDataResult {
    }
}
