package org.adcs.protocol.apdu;

import java.util.Optional;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;

/**
 * DataNotification (push): long-invoke-id-and-priority (4 bytes), optional date-time, body.
 * Pushes carry the meter's logical device name so the head-end can identify the connection.
 */
public record DataNotification(long longInvokeIdAndPriority, Optional<CosemDateTime> dateTime, DlmsData body) implements Apdu {
    public DataNotification {
        if (longInvokeIdAndPriority < 0 || longInvokeIdAndPriority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("long-invoke-id-and-priority is u32");
        }
    }
}
