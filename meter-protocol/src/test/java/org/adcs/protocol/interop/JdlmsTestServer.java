package org.adcs.protocol.interop;

import static org.openmuc.jdlms.datatypes.DataObject.Type.ARRAY;
import static org.openmuc.jdlms.datatypes.DataObject.Type.DOUBLE_LONG_UNSIGNED;
import static org.openmuc.jdlms.datatypes.DataObject.Type.OCTET_STRING;
import static org.openmuc.jdlms.datatypes.DataObject.Type.STRUCTURE;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Optional;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.CosemObject;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.testing.TestMeter;
import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemInterfaceObject;
import org.openmuc.jdlms.DlmsServer;
import org.openmuc.jdlms.LogicalDevice;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SelectiveAccessDescription;
import org.openmuc.jdlms.datatypes.DataObject;

/**
 * A jDLMS 1.8.0 server (GPL, test scope only) with the objects of {@link TestMeter}. jDLMS leaves
 * selective access to the object, so the profile object below filters by delegating to the
 * {@link TestMeter}'s profile; framing, association, encoding and block transfer are jDLMS's own.
 */
final class JdlmsTestServer implements AutoCloseable {
    private final DlmsServer server;
    final int port;

    JdlmsTestServer(TestMeter meter) throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // an ephemeral port; jDLMS does not report the one it binds
        }
        LogicalDevice device = new LogicalDevice(1, TestMeter.DEVICE_NAME, "ADC", 42L);
        device.addRestriction(1, SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.LOW)
                .setPassword(TestMeter.PASSWORD.getBytes(StandardCharsets.US_ASCII)).build());
        device.registerCosemObject(new Clock(), new Register(), new Profile(meter));
        server = DlmsServer.tcpServerBuilder(port).registerLogicalDevice(device).build();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    @CosemClass(id = 8)
    public static final class Clock extends CosemInterfaceObject {
        @CosemAttribute(id = 2, type = OCTET_STRING)
        private final DataObject time = DataObject.newOctetStringData(CosemDateTime.of(TestMeter.NOW.atOffset(ZoneOffset.UTC)).toBytes());

        Clock() {
            super("0.0.1.0.0.255");
        }
    }

    @CosemClass(id = 3)
    public static final class Register extends CosemInterfaceObject {
        @CosemAttribute(id = 2, type = DOUBLE_LONG_UNSIGNED)
        private final DataObject value = DataObject.newUInteger32Data(TestMeter.IMPORT_WH);

        @CosemAttribute(id = 3, type = STRUCTURE)
        private final DataObject scalerUnit = JdlmsData.toJdlms(TestMeter.ENERGY_SCALER_UNIT.toData());

        Register() {
            super("1.0.1.8.0.255");
        }
    }

    @CosemClass(id = 7, version = 1)
    public static final class Profile extends CosemInterfaceObject {
        private final CosemObject source;

        @CosemAttribute(id = 2, type = ARRAY, selector = {1, 2}, accessMode = org.openmuc.jdlms.AttributeAccessMode.READ_ONLY)
        private DataObject buffer;

        Profile(TestMeter meter) {
            super("1.0.99.1.0.255");
            this.source = meter.model.find(ObisCode.LOAD_PROFILE).orElseThrow();
        }

        public DataObject getBuffer(SelectiveAccessDescription selection) {
            Optional<SelectiveAccess> access = selection == null ? Optional.empty()
                    : Optional.of(new SelectiveAccess(selection.getAccessSelector(), JdlmsData.fromJdlms(selection.getAccessParameter())));
            GetDataResult result = source.get(2, access);
            return JdlmsData.toJdlms(((GetDataResult.Value) result).data());
        }
    }
}
