package org.adcs.protocol.apdu;

import java.util.List;
import java.util.Optional;

/** GET-Request: normal, next (block transfer: "send block n+1"), with-list. */
public sealed interface GetRequest extends Apdu {
    int invokeIdAndPriority();

    record Normal(int invokeIdAndPriority, CosemAttribute attribute, Optional<SelectiveAccess> access) implements GetRequest {
        public Normal {
            checkU8(invokeIdAndPriority);
        }
    }

    /** Acknowledges block {@code blockNumber} and asks for the next one. */
    record Next(int invokeIdAndPriority, long blockNumber) implements GetRequest {
        public Next {
            checkU8(invokeIdAndPriority);
            checkU32(blockNumber);
        }
    }

    record WithList(int invokeIdAndPriority, List<AttributeRequest> attributes) implements GetRequest {
        public WithList {
            checkU8(invokeIdAndPriority);
            attributes = List.copyOf(attributes);
        }
    }

    static void checkU8(int v) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException("u8 expected: " + v);
        }
    }

    static void checkU32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("u32 expected: " + v);
        }
    }
}
